"""The archive line ("Lưu: VT, TH") ends "Nơi nhận" in every document whatever the
order of the header's recipient rows; the header form adds a new recipient before it."""

from __future__ import annotations

import unicodedata
from dataclasses import replace

import pypdfium2 as pdfium

from delegations.cli import main
from delegations.defaults import default_data
from delegations.domain import Text, archive_last, is_archive
from delegations.plan_model import plan_document
from delegations.services import Planner
from delegations.store.storage import dumps
from delegations.ui.widgets.header_rows import RecipientRow
from ui_support import SIZE, open_screen

NEW = Text.of(vi="Ban Tuyên giáo", lo="ຄະນະໂຄສະນາອົບຮົມ", en="Propaganda Board")


def test_the_archive_line_is_known_in_each_language_and_moved_last():
    archive = Text.of(vi="Lưu: VT, TH", lo="ເກັບມ້ຽນ: VT, TH")
    assert is_archive(archive) and is_archive(Text.of(vi="lưu VT")) and is_archive(Text.of(lo="ເກັບມ້ຽນ: VT"))
    assert is_archive(Text.of(en="Archived: VT")) and not is_archive(NEW) and not is_archive(Text.of("Sở Lưu trữ"))
    other = Text.of("Sở Ngoại vụ")
    assert archive_last((other, archive, NEW)) == (other, NEW, archive)


def _pdf_text(path) -> str:
    doc = pdfium.PdfDocument(str(path))
    return "".join(unicodedata.normalize("NFC", doc[i].get_textpage().get_text_range()) for i in range(len(doc)))


def test_a_recipient_stored_after_the_archive_line_prints_before_it_in_the_lao_pdf(tmp_path, capsys):
    db = tmp_path / "db.json"
    db.write_text(dumps(default_data()), encoding="utf-8")
    with Planner.open(db) as p:
        plan = p.plan()
        p.repo.save_plan(replace(plan, recipients=(*plan.recipients, NEW)))   # as an older form stored it
    with Planner.open(db, writable=False) as p:
        assert p.plan().recipients[-1] == NEW
    for lang in ("lo", "vi-lo", "vi"):
        assert main(["--db", str(db), "--lang", "en", "export", "--lang", lang, "--output", str(tmp_path / lang)]) == 0
        pdf = capsys.readouterr().out.strip()
        text = "".join(_pdf_text(pdf).split())
        archive = "ເກັບມ້ຽນ:VT,TH." if lang != "vi" else "Lưu:VT,TH."
        new = "ຄະນະໂຄສະນາອົບຮົມ;" if lang != "vi" else "BanTuyêngiáo;"
        assert new in text and archive in text and text.index(new) < text.index(archive), lang


def test_the_plan_model_puts_the_archive_line_last(planner):
    from delegations.exporting import _prepare
    from delegations.services import Filters

    plan = planner.plan()
    planner.repo.save_plan(replace(plan, recipients=(plan.recipients[1], NEW, plan.recipients[0])))
    _exporter, request = _prepare(planner, plan.id, "pdf", "vi", Filters(), None)
    assert plan_document(request).recipients == ["Ban Tuyên giáo", "Sở Ngoại vụ", "Lưu: VT, TH"]


async def test_the_header_form_adds_a_recipient_before_the_archive_line(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        old = app.planner.plan(app.plan_id)
        assert is_archive(old.recipients[-1])
        await open_screen(pilot, "h")
        form = app.screen
        rows = form.query_one("#recipient-rows")
        rows.query_one(".add-row").press()
        await pilot.pause()
        items = rows.items()
        assert len(items) == len(old.recipients) + 1
        new = items[-2]
        assert isinstance(new, RecipientRow) and new.origin is None and items[-1].origin == len(old.recipients) - 1
        assert [str(r.query_one(".row-number").render()) for r in items] == ["Nơi nhận 1", "Nơi nhận 2", "Nơi nhận 3"]
        assert app.focused is not None and app.focused.id == f"recipient{new.serial}_vi"
        await pilot.press(*"Ban Tuyên giáo")
        await pilot.press("ctrl+s")
        await pilot.pause()
        plan = app.planner.plan(app.plan_id)
        assert [r.get("vi") for r in plan.recipients] == ["Sở Ngoại vụ", "Ban Tuyên giáo", "Lưu: VT, TH"]
