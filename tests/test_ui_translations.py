"""The forms show every text in vi, lo and en side by side at 80x24, mark the
translations made from an earlier Vietnamese, let the officer declare one still
correct, edit basis documents and recipients as rows, and ask before a Lao export
that would print outdated translations."""

from __future__ import annotations

from delegations.ui.screens.dialogs import ConfirmScreen
from delegations.ui.widgets.header_rows import BasisRow, RecipientRow
from ui_support import SIZE, open_screen, type_into

LANGS = ("vi", "lo", "en")


def side_by_side(screen, prefix: str) -> None:
    """The three versions' inputs are on screen, one under the other, each whole in 80 columns."""
    boxes = [screen.query_one(f"#{prefix}_{lang}") for lang in LANGS]
    regions = [b.region for b in boxes]
    assert [r.y for r in regions] == [regions[0].y, regions[0].y + 1, regions[0].y + 2], regions
    assert all(r.width >= 30 and r.right <= SIZE[0] for r in regions), regions


def stale(screen, prefix: str, lang: str) -> bool:
    """Whether the mark beside the *lang* line of the field is shown (as drawn)."""
    marks = screen.query_one(f"#{prefix}-stale")
    lines = str(marks.render()).split("\n")
    return marks.display and len(lines) == 3 and lines[LANGS.index(lang)].strip().startswith("⚠")


async def test_the_delegation_form_shows_the_names_side_by_side_and_marks_an_outdated_translation(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "e")
        form = app.screen
        side_by_side(form, "name")
        side_by_side(form, "leader")
        assert not any(stale(form, "name", lang) for lang in LANGS)
        await type_into(pilot, "#name_vi", "Đoàn LĐLĐ tỉnh Quảng Trị sang Savannakhet")
        assert stale(form, "name", "lo") and not stale(form, "name", "en") and not stale(form, "name", "vi")
        await type_into(pilot, "#name_en", "Quang Tri delegation")   # a translation typed anew is current
        assert not stale(form, "name", "en")
        await pilot.press("ctrl+s")
        await pilot.pause()
        d = app.planner.delegation(app.plan_id, 1)
        assert d.name.get("en") == "Quang Tri delegation" and d.name.outdated() == ("lo",)
        await open_screen(pilot, "e")
        assert stale(form, "name", "lo")                           # shown again at the next opening
        form.query_one("#name_lo").focus()
        await pilot.press("ctrl+t")                                # still correct
        assert not stale(form, "name", "lo")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.planner.delegation(app.plan_id, 1).name.outdated() == ()


async def test_the_header_form_side_by_side_marks_and_keeps_translations(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "h")
        form = app.screen
        side_by_side(form, "title")
        form.query_one("#position_vi").value = "CHỦ TỊCH"
        await pilot.pause()
        assert stale(form, "position", "lo") and stale(form, "position", "en")
        await pilot.press("ctrl+s")
        await pilot.pause()
        plan = app.planner.plan(app.plan_id)
        assert plan.signature.position.get("lo") == "ຮອງປະທານປະຈຳການ" and plan.signature.position.outdated() == ("en", "lo")


async def test_a_basis_document_and_a_recipient_are_added_and_removed_as_rows(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        old = app.planner.plan(app.plan_id)
        await open_screen(pilot, "h")
        form = app.screen
        rows = form.query_one("#basis-rows")
        assert len(rows.items()) == len(old.basis)
        form.query_one("#basis-rows .add-row").press()
        await pilot.pause()
        new = rows.items()[-1]
        assert isinstance(new, BasisRow) and len(rows.items()) == len(old.basis) + 1
        serial = new.serial
        form.query_one(f"#basis{serial}-verb_vi").value = "Căn cứ"
        form.query_one(f"#basis{serial}-verb_lo").value = "ອີງຕາມ"
        form.query_one(f"#basis{serial}-kind_vi").value = "Nghị quyết"
        form.query_one(f"#basis{serial}-number").value = "12/NQ-TU"
        form.query_one(f"#basis{serial}-issued").value = "5/1/2023"
        recipients = form.query_one("#recipient-rows")
        first = recipients.items()[0]
        assert isinstance(first, RecipientRow)
        first.query_one(".remove-row").press()                      # "Sở Ngoại vụ" goes
        await pilot.pause()
        assert len(recipients.items()) == len(old.recipients) - 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        plan = app.planner.plan(app.plan_id)
        added = plan.basis[-1]
        assert (added.verb.get("lo"), added.kind.get("vi"), added.number, added.issued.isoformat()) == \
            ("ອີງຕາມ", "Nghị quyết", "12/NQ-TU", "2023-01-05")
        assert plan.basis[:-1] == old.basis and plan.recipients == old.recipients[1:]   # the others as they were


async def test_a_lao_export_lists_the_outdated_translations_and_goes_on_when_confirmed(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        d = app.planner.delegation(app.plan_id, 2)
        app.planner.save_delegation(d.evolve(name=d.name.edited({"vi": "Đoàn học tập"})))
        await open_screen(pilot, "o")
        await type_into(pilot, "#folder", str(tmp_path))
        app.screen.query_one("#lang").value = "lo"
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#question").render()).splitlines()
        assert question[1:-1] == ["- đoàn 2: Tên đoàn (Tiếng Lào)"]       # the one outdated translation, named
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(list(tmp_path.glob("*_lo_*.pdf"))) == 1


async def test_a_vietnamese_export_asks_nothing(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        d = app.planner.delegation(app.plan_id, 2)
        app.planner.save_delegation(d.evolve(name=d.name.edited({"vi": "Đoàn học tập"})))
        await open_screen(pilot, "o")
        await type_into(pilot, "#folder", str(tmp_path))
        await pilot.press("ctrl+o")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen) and len(list(tmp_path.glob("*_vi_*.pdf"))) == 1


async def test_a_header_translation_declared_still_correct_is_current(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "h")
        form = app.screen
        form.query_one("#position_vi").value = "CHỦ TỊCH"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await open_screen(pilot, "h")
        form = app.screen
        assert stale(form, "position", "lo") and stale(form, "position", "en")
        form.query_one("#position_lo").focus()
        await pilot.press("ctrl+t")
        assert not stale(form, "position", "lo") and stale(form, "position", "en")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.planner.plan(app.plan_id).signature.position.outdated() == ("en",)
