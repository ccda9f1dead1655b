"""The documents' own texts and the pages to translate on the life screen (i, F5 and
F4) at 80x24, through Textual's pilot: a proposal's paragraph typed in vi and lo and
found in the exported PDF and Word files, cleared back to the default, undone; the
export screen saying which text prints; the pages reaching ``budget --json``."""

from __future__ import annotations

import json

import docx
import pytest
from textual.widgets import Select, TextArea

from delegations.document_texts import default_text
from delegations.exporting import export_document
from pdf_pages import letters, read_pages
from test_ui_life_edit import PLAN, app_on, cli, message, open_life, type_in
from ui_support import SIZE, open_screen

OWN_VI = "Kính đề nghị Thường trực phê duyệt đoàn công tác"
OWN_LO = "ຂໍສະເໜີອະນຸມັດຄະນະ"


def pdf_letters(path) -> str:
    return letters("".join(p.text for p in read_pages(path)))


def docx_text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


async def type_area(pilot, selector: str, text: str) -> None:
    """Focus the text area, empty it and type *text* key by key."""
    area = pilot.app.screen.query_one(selector, TextArea)
    area.focus()
    area.load_text("")
    await pilot.press(*text)
    await pilot.pause()


async def test_a_proposals_own_text_typed_exported_cleared_and_undone(planner, tmp_path):
    d = planner.delegation(PLAN, 1)
    default_vi = default_text(planner, d, "proposal", "vi")
    assert "kính đề nghị cho phép" in default_vi  # the default names the delegation's facts
    app = app_on(planner)
    async with app.run_test(size=SIZE) as pilot:
        await open_life(pilot, 1, "f5")
        screen = app.screen
        assert screen.query_one("#t_kind", Select).value == "proposal"
        assert default_vi in screen.query_one("#t_default").text.plain   # the whole default; four lines of it shown
        assert "văn bản mặc định" in str(screen.query_one("#t_state").render())
        await type_area(pilot, "#t_vi", OWN_VI)
        screen.query_one("#t_lo", TextArea).insert(OWN_LO)  # (Lao typed through an input method)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        own = planner.delegation(PLAN, 1).text_for("proposal")
        assert own.as_dict() == {"vi": OWN_VI, "lo": OWN_LO} and not own.outdated()
        assert "Đã lưu" in message(app) and "(lo, vi)" in str(screen.query_one("#t_state").render())
        await pilot.press("escape")
        await pilot.pause()

        # the export screen says the officer's text prints, and where it is edited
        await open_screen(pilot, "o")
        app.screen.query_one("#folder").value = str(tmp_path)
        app.screen.query_one("#document", Select).value = "proposal"
        app.screen.query_one("#lang", Select).value = "vi-lo"
        await pilot.pause()
        line = str(app.screen.query_one("#doc-text").render())
        assert line.startswith("In văn bản riêng của bạn (lo, vi)") and "F5" in line
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        [pdf] = tmp_path.glob("to-trinh_*_vi-lo_*.pdf")
        text = pdf_letters(pdf)
        assert letters(OWN_VI) in text and letters(OWN_LO) in text and letters(default_vi) not in text
        await pilot.press("escape")
        await pilot.pause()

        # cleared: the default is printed again; Ctrl+Z brings the text back
        await open_life(pilot, 1, "f5")
        await pilot.click("#t-clear")
        await pilot.pause()
        assert not planner.delegation(PLAN, 1).text_for("proposal")
        assert "văn bản mặc định" in str(app.screen.query_one("#t_state").render())
        path = export_document(planner, "proposal", 1, plan_id=PLAN, output=tmp_path / "cleared")
        assert letters(default_vi) in pdf_letters(path) and letters(OWN_VI) not in pdf_letters(path)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert planner.delegation(PLAN, 1).text_for("proposal").as_dict() == {"vi": OWN_VI, "lo": OWN_LO}
        assert app.screen.query_one("#t_vi", TextArea).text == OWN_VI  # the screen shows it again
        word = docx_text(export_document(planner, "proposal.docx", 1, plan_id=PLAN, lang="lo", output=tmp_path / "word"))
        assert OWN_LO in word and OWN_VI not in word


async def test_start_from_the_default_and_the_outdated_lao(planner):
    app = app_on(planner, "lo")
    async with app.run_test(size=SIZE) as pilot:
        await open_life(pilot, 1, "f5")
        await type_area(pilot, "#t_vi", "Chua luu")
        app.screen.query_one("#t_kind", Select).value = "decision"  # another document: the typed text was not saved, said so
        await pilot.pause()
        assert "ສະເໜີ" in message(app) and not planner.delegation(PLAN, 1).text_for("proposal")
        await pilot.click("#t-from-default")
        await pilot.pause()
        d = planner.delegation(PLAN, 1)
        assert app.screen.query_one("#t_lo", TextArea).text == default_text(planner, d, "decision", "lo")
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = planner.delegation(PLAN, 1).text_for("decision")
        assert set(stored.as_dict()) == {"vi", "lo", "en"} and not stored.outdated()
        await type_area(pilot, "#t_vi", "Dieu 1. Cu doan")  # a new Vietnamese: the translations it leaves behind are marked
        assert "⚠" in str(app.screen.query_one("#t_lo-stale").render()) and app.screen.query_one("#t_lo-stale").display
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert set(planner.delegation(PLAN, 1).text_for("decision").outdated()) == {"lo", "en"}


async def test_pages_to_translate_from_the_status_tab_reach_the_budget(planner, db_path, capsys):
    app = app_on(planner, "en")
    async with app.run_test(size=SIZE) as pilot:
        await open_life(pilot, 3, "f4")  # delegation 3: received from Savannakhet
        await type_in(pilot, "#s_pages", "x")
        await pilot.press("enter")
        await pilot.pause()
        assert "not a number of pages" in message(app) and planner.delegation(PLAN, 3).translation_pages == 0
        await type_in(pilot, "#s_pages", "12")
        assert "save the pages" in str(app.screen.query_one("#life-keys").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert planner.delegation(PLAN, 3).translation_pages == 12
        assert planner.delegation(PLAN, 3).status.value == "planned"  # the status was not changed
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert planner.delegation(PLAN, 3).translation_pages == 0 and app.screen.query_one("#s_pages").value == ""
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert app.screen.query_one("#s_pages").value == "12"
    planner.close()
    capsys.readouterr()
    assert cli(db_path, "budget", "--json", "--model", "norms") == 0
    lines = [ln for ln in json.loads(capsys.readouterr().out)["lines"] if ln["seq"] == 3 and ln["item"] == "translation"]
    assert [ln["quantity"] for ln in lines] == ["12"]


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
async def test_the_documents_tab_fits_80x24(planner, lang):
    """The tab line fits, the buttons and the key hints are on screen, in every language."""
    from rich.cells import cell_len

    app = app_on(planner, lang)
    async with app.run_test(size=SIZE) as pilot:
        await open_life(pilot, 1, "f5")
        screen = app.screen
        tabs = screen.query_one("#life-tabs")
        assert cell_len(tabs.render().plain) <= tabs.size.width
        for id in ("#t-save", "#t-from-default", "#t-clear", "#t_en", "#life-keys"):
            region = screen.query_one(id).region
            assert region.height and region.bottom <= SIZE[1] - 1 and region.right <= SIZE[0] - 1, id
