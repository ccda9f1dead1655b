"""Run by the interpreter of a fresh virtual environment (test_packaged_plugin.py):
checks the installed example plugin in the UI's partner choice and in an export,
and prints what it saw as JSON."""

import asyncio
import json
import sys
from pathlib import Path

import pypdfium2 as pdfium
from textual.widgets import Select

from delegations.exporting import export_plan
from delegations.services import Planner
from delegations.ui.app import DelegationsApp

db, out = Path(sys.argv[1]), Path(sys.argv[2])
seen = {}


async def partner_choice(planner):
    app = DelegationsApp(planner, blink=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        select = app.screen.query_one("#partner", Select)
        seen["ui_partners"] = [str(label) for label, _value in select._options if _value != Select.NULL]


with Planner.open(db) as planner:
    asyncio.run(partner_choice(planner))
    d = planner.draft_delegation(planner.plan().id)
    d = d.evolve(partner="champasak", name=d.name.of("Đoàn LĐLĐ tỉnh Quảng Trị sang Champasak"),
                 leader=d.leader.__class__(d.name.of("Chủ tịch LĐLĐ tỉnh Quảng Trị")), members=8, timing=d.timing.__class__(2021))
    d = d.evolve(cost_lines=planner.proposed_cost_lines(d))
    planner.save_delegation(d)
    seen["cost_model"] = planner.cost_model(d).code
    path = export_plan(planner, output=out)
    doc = pdfium.PdfDocument(str(path))
    seen["pdf_text"] = "".join(page.get_textpage().get_text_range() for page in doc)
print(json.dumps(seen, ensure_ascii=False))
