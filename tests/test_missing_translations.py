"""A text with no Lao (or English) version prints in Vietnamese in a Lao (English)
document: the export names each such text beforehand (CLI on stderr, the TUI asks),
``validate`` sums them per delegation, and names written alike in every language
(the signer's) are not reported."""

from __future__ import annotations

from dataclasses import replace

import pytest

from delegations.cli import main
from delegations.defaults import default_data
from delegations.domain import Text
from delegations.domain.translations import Missing, missing_in_delegation, missing_in_plan
from delegations.services import Planner
from delegations.store.storage import dumps
from delegations.ui.screens.dialogs import ConfirmScreen
from ui_support import SIZE, open_screen, type_into


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db.json"
    path.write_text(dumps(default_data()), encoding="utf-8")
    return path


def _vietnamese_only(db):
    """A basis document's subject and delegation 2's name typed in Vietnamese only;
    delegation 2's leader without a Lao-script name."""
    with Planner.open(db) as p:
        plan = p.plan()
        b = plan.basis[0]
        p.save_plan(replace(plan, basis=(replace(b, subject=Text.of("về hợp tác với Lào")), *plan.basis[1:])))
        d = p.delegation(plan.id, 2)
        p.save_delegation(d.evolve(name=Text.of("Đoàn học tập"), leader=replace(d.leader, name="Nguyễn Văn A", name_lo="")))


def test_the_model_names_the_texts_without_a_version(db):
    _vietnamese_only(db)
    with Planner.open(db, writable=False) as p:
        plan = p.plan()
        assert missing_in_plan(plan, "lo") == [Missing("basis", "lo", 1)]
        assert plan.signature.name and all(m.field != "name" for m in missing_in_plan(plan, "en"))   # the signer: not translated
        d = p.delegation(plan.id, 2)
        assert missing_in_delegation(d, "lo") == [Missing("name", "lo"), Missing("leader_name", "lo")]
        assert Missing("leader_name", "en") not in missing_in_delegation(d, "en")     # a Latin name is the English one
        assert missing_in_delegation(p.delegation(plan.id, 1), "lo") == []


def test_a_lao_export_names_the_texts_printed_in_vietnamese_and_still_exports(db, tmp_path, capsys):
    _vietnamese_only(db)
    assert main(["--db", str(db), "--lang", "en", "export", "--lang", "vi", "--output", str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""                                  # a Vietnamese document: nothing to say
    for lang in ("lo", "vi-lo"):
        assert main(["--db", str(db), "--lang", "en", "export", "--lang", lang, "--output", str(tmp_path), "--force"]) == 0
        captured = capsys.readouterr()
        lines = captured.err.splitlines()
        assert lines[0] == "Warning: These texts have no translation and will print in Vietnamese:"
        assert lines[1:] == ["  - plan: Basis 1 (Lao)", "  - delegation 2: Delegation (Lao)", "  - delegation 2: Leader's name (Lao)"]
        assert captured.out.strip().endswith(".pdf")


def test_validate_sums_the_missing_lao_versions_per_delegation_and_the_shipped_plan_has_none(db, capsys):
    assert main(["--db", str(db), "--lang", "en", "validate"]) == 0
    assert capsys.readouterr().err == ""                                  # the shipped plan: every Lao text there
    _vietnamese_only(db)
    assert main(["--db", str(db), "--lang", "en", "validate"]) == 0      # warnings only
    err = capsys.readouterr().err.splitlines()
    assert "delegation 2: warning: Translations: no Lao version of: Delegation, Leader's name; a Lao document prints them in Vietnamese." in err
    assert "plan: warning: Translations: no Lao version of: Basis 1; a Lao document prints them in Vietnamese." in err
    assert len(err) == 2


async def test_the_export_screen_lists_the_missing_translations_and_goes_on_when_confirmed(make_app, db_path, tmp_path):
    db_path.write_text(dumps(default_data()), encoding="utf-8")
    _vietnamese_only(db_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "o")
        await type_into(pilot, "#folder", str(tmp_path))
        app.screen.query_one("#lang").value = "vi-lo"
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#question").render()).splitlines()
        assert question == ["Các văn bản này chưa có bản dịch và sẽ in bằng tiếng Việt:", "- kế hoạch: Căn cứ 1 (Tiếng Lào)",
                            "- đoàn 2: Tên đoàn (Tiếng Lào)", "- đoàn 2: Họ tên trưởng đoàn (Tiếng Lào)", "Vẫn xuất?"]
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(list(tmp_path.glob("*_vi-lo_*.pdf"))) == 1


async def test_outdated_and_missing_are_both_listed_and_the_question_fits_80x24(make_app, db_path, tmp_path):
    db_path.write_text(dumps(default_data()), encoding="utf-8")
    with Planner.open(db_path) as p:
        for d in p.repo.delegations(p.plan().id):
            p.save_delegation(d.evolve(name=Text.of(d.name.get("vi")), activities=tuple(Text.of(a.get("vi")) for a in d.activities),
                                       leader=replace(d.leader, position=d.leader.position.edited({"vi": "Phó Chủ tịch"}))))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "o")
        app.screen.query_one("#lang").value = "lo"
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#question").render()).splitlines()
        outdated, missing = question.index("Các bản dịch này được dịch từ một bản tiếng Việt cũ hơn:"), \
            question.index("Các văn bản này chưa có bản dịch và sẽ in bằng tiếng Việt:")
        assert question[outdated + 1] == "- đoàn 1: Trưởng đoàn (Tiếng Lào)" and question[missing + 1] == "- đoàn 1: Tên đoàn (Tiếng Lào)"
        assert any(line.startswith("- … và") for line in question[missing:]) and question[-1] == "Vẫn xuất?"
        for button in ("#yes", "#no"):
            region = app.screen.query_one(button).region
            assert region.height and region.bottom <= SIZE[1]               # the answer buttons on screen at 80×24
