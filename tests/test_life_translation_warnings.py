"""The Lao versions a delegation's own documents lack, as the officer can act on them:
each warning names the row (the person, the programme item by its number and day) and
the text (position, activity, place); ``validate`` lists them; ``roster add|edit
--position-lo``, ``programme add --activity-lo`` and the life screen's Lao position
field enter them, and the warning goes away."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input

from delegations import i18n, lifecycle
from delegations.cli import main
from delegations.defaults import default_data
from delegations.domain import ProgrammeItem, Text
from delegations.domain.translations import Missing, missing_in_delegation
from delegations.services import Planner
from delegations.store.storage import dumps
from delegations.translation_checks import missing_before_export
from delegations.ui.app import DelegationsApp
from ui_support import SIZE

PLAN = "2020-2022"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db.json"
    path.write_text(dumps(default_data()), encoding="utf-8")
    return path


def run(db, *args) -> int:
    try:
        return main(["--db", str(db), *args])
    except SystemExit as exc:
        return exc.code


def delegation(db, seq):
    with Planner.open(db, writable=False) as p:
        return p.delegation(p.plan().id, seq)


def _four_items(db) -> None:
    """Delegation 3's programme: item 1 fully in Lao, 2 without a Lao place, 3 without a Lao
    activity, 4 with neither."""
    for day, vi, extra in (("10/5/2022", "Đón đoàn", ["--activity-lo", "ຕ້ອນຮັບ", "--place", "Lao Bảo", "--place-lo", "ລາວບາວ"]),
                           ("11/5/2022", "Hội đàm", ["--lo", "ເຈລະຈາ", "--place", "Đông Hà"]),
                           ("12/5/2022", "Thăm nhà máy", ["--place", "Cam Lộ", "--place-lo", "ກາມໂລ"]),
                           ("13/5/2022", "Tiễn đoàn", ["--place", "Lao Bảo"])):
        assert run(db, "programme", "3", "add", day, vi, *extra) == 0


def test_rows_are_numbered_from_one_and_name_their_text(db):
    assert run(db, "roster", "3", "add", "Nguyễn Văn A", "--position", "Chủ tịch") == 0
    assert run(db, "roster", "3", "add", "Lê Thị B", "--position", "Phiên dịch", "--position-lo", "ນາຍແປພາສາ") == 0
    _four_items(db)
    d = delegation(db, 3)
    life = [m for m in missing_in_delegation(d, "lo", life=True) if m.part]
    assert life == [Missing("roster", "lo", 1, "position", "Nguyễn Văn A"),
                    Missing("programme", "lo", 2, "place", "11/5/2022"),
                    Missing("programme", "lo", 3, "activity", "12/5/2022"),
                    Missing("programme", "lo", 4, "activity", "13/5/2022"),
                    Missing("programme", "lo", 4, "place", "13/5/2022")]


def test_export_lines_name_the_row_and_the_field_in_each_language(db):
    assert run(db, "roster", "3", "add", "Nguyễn Văn A", "--position", "Chủ tịch") == 0
    _four_items(db)
    with Planner.open(db, writable=False) as p:
        plan, d = p.plan(), p.delegation(p.plan().id, 3)
        i18n.set_language("vi")
        lines = [ln for ln in missing_before_export(plan, [d], "lo", life=True) if "Danh sách" in ln or "Chương trình" in ln]
        assert lines == ["đoàn 3: Danh sách đoàn, người 1 (Nguyễn Văn A): chức vụ (Tiếng Lào)",
                         "đoàn 3: Chương trình, mục 2 (11/5/2022): địa điểm (Tiếng Lào)",
                         "đoàn 3: Chương trình, mục 3 (12/5/2022): nội dung (Tiếng Lào)",
                         "đoàn 3: Chương trình, mục 4 (13/5/2022): nội dung (Tiếng Lào)",
                         "đoàn 3: Chương trình, mục 4 (13/5/2022): địa điểm (Tiếng Lào)"]
        i18n.set_language("en")
        lines = missing_before_export(plan, [d], "vi-lo", life=True)
        assert "delegation 3: Roster, person 1 (Nguyễn Văn A): position (Lao)" in lines
        assert "delegation 3: Programme, item 4 (13/5/2022): activity (Lao)" in lines
        i18n.set_language("vi")


def test_validate_lists_them_and_the_options_clear_them(db, capsys):
    assert run(db, "roster", "3", "add", "Nguyễn Văn A", "--position", "Chủ tịch") == 0
    assert run(db, "programme", "3", "add", "11/5/2022", "Hội đàm", "--place", "Đông Hà", "--activity-lo", "ເຈລະຈາ") == 0
    capsys.readouterr()
    assert run(db, "validate") == 0
    err = capsys.readouterr()
    out = err.out + err.err
    assert ("đoàn 3: cảnh báo: Danh sách đoàn: người 1 (Nguyễn Văn A): chưa có bản tiếng Lào của chức vụ; "
            "văn bản tiếng Lào sẽ in mục này bằng tiếng Việt.") in out
    assert "đoàn 3: cảnh báo: Chương trình: mục 1 (11/5/2022): chưa có bản tiếng Lào của địa điểm;" in out
    assert "mục 1 (11/5/2022): chưa có bản tiếng Lào của nội dung" not in out   # --activity-lo gave it
    assert run(db, "roster", "3", "edit", "1", "--position-lo", "ປະທານ") == 0
    assert run(db, "programme", "3", "edit", "1", "--place-lo", "ດົງຮ່າ") == 0
    d = delegation(db, 3)
    assert d.roster[0].position.as_dict() == {"vi": "Chủ tịch", "lo": "ປະທານ"}
    assert d.programme[0].activity.get("lo", fallback=False) == "ເຈລະຈາ"
    capsys.readouterr()
    assert run(db, "validate") == 0
    err = capsys.readouterr()
    assert "người 1 (Nguyễn Văn A)" not in err.out + err.err and "mục 1 (11/5/2022)" not in err.out + err.err


def test_a_new_vietnamese_position_outdates_the_lao_one_and_the_warning_names_the_person(db, capsys):
    assert run(db, "roster", "3", "add", "Nguyễn Văn A", "--position", "Chủ tịch", "--position-lo", "ປະທານ") == 0
    assert run(db, "roster", "3", "edit", "1", "--position", "Phó Chủ tịch") == 0
    d = delegation(db, 3)
    assert d.roster[0].position.get("lo", fallback=False) == "ປະທານ" and "lo" in d.roster[0].position.outdated()
    from delegations.translation_checks import before_export

    with Planner.open(db, writable=False) as p:
        assert before_export(p.plan(), [p.delegation(p.plan().id, 3)], "lo") == [
            "đoàn 3: Danh sách đoàn, người 1 (Nguyễn Văn A): chức vụ (Tiếng Lào)"]


def test_readme_documents_the_options():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "--position-lo" in readme and "--activity-lo" in readme


async def test_the_life_screen_enters_the_lao_position(db, host):
    with Planner.open(db, host=host) as planner:
        d = planner.delegation(PLAN, 1)
        lifecycle.add_person(planner, d, lifecycle.person("Nguyễn Văn An", "Chủ tịch"))
        i18n.set_language("vi")
        app = DelegationsApp(planner, lang="vi", blink=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("i")
            await pilot.pause()
            await pilot.press("enter")   # the first person into the fields
            await pilot.pause()
            field = app.screen.query_one("#p_position_lo", Input)
            assert field.value == ""
            field.focus()
            await pilot.press(*"ປະທານ")
            await pilot.press("enter")
            await pilot.pause()
            person = planner.delegation(PLAN, 1).roster[0]
            assert person.position.as_dict() == {"vi": "Chủ tịch", "lo": "ປະທານ"}
            await pilot.press("enter")   # loaded again: the Lao field shows it
            await pilot.pause()
            assert app.screen.query_one("#p_position_lo", Input).value == "ປະທານ"
            await pilot.press("escape", "escape")
            await pilot.pause()
    i18n.set_language("vi")
