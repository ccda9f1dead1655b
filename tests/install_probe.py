"""Run by the interpreter of a fresh virtual environment holding the installed wheel
(test_install.py): opens the UI as `delegations` does, presses e on row 1, and prints
what it saw as JSON. With $DELEGATIONS_DISABLE_PLUGINS set the row's partner is unknown."""

import asyncio
import json

import delegations
from delegations.ui import open_planner
from delegations.ui.app import DelegationsApp
from textual.widgets import Select

seen = {"package": delegations.__file__}


async def edit_row_one(planner, read_only):
    app = DelegationsApp(planner, read_only=read_only, blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        seen["screen"] = type(app.screen).__name__
        seen["title"] = str(app.screen.query_one("#form-title").render())
        partner = app.screen.query_one("#partner", Select).value
        seen["partner"] = None if partner is Select.NULL else partner
        await pilot.press("escape")
        await pilot.pause()


planner, read_only = open_planner(None)
with planner:
    seen["db"] = str(planner.repo.path)
    seen["read_only"] = read_only
    asyncio.run(edit_row_one(planner, read_only))
print(json.dumps(seen, ensure_ascii=False))
