"""Helpers for the pilot tests of the terminal UI."""

from __future__ import annotations

import json

from delegations.ui.widgets.plan_table import PlanTable

SIZE = (80, 24)


def on_disk(db_path) -> dict:
    """The delegations as the file holds them, by sequence number."""
    data = json.loads(db_path.read_text("utf-8"))
    return {r["seq"]: r for r in data["delegations"].values()}


def notes(app) -> list[str]:
    """The messages of the notifications shown so far."""
    return [n.message for n in app._notifications]


def table(app) -> PlanTable:
    return app.screen.query_one(PlanTable)


def shown_seqs(app) -> list[int]:
    """The sequence numbers of the rows the table shows, in order."""
    return [int(table(app).cells(i)["seq"]) for i in table(app).ids]


async def type_into(pilot, selector: str, text: str) -> None:
    """Clear the field and type *text* into it, key by key."""
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    widget.value = ""
    await pilot.press(*text)


async def open_screen(pilot, key: str) -> None:
    """Let the app settle, press *key* (which opens a screen or form), let that screen settle."""
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()


async def fill(pilot, fields: dict[str, str], submit: str) -> None:
    """Type each text into its field (by selector, in order), press *submit*, let the app settle."""
    for selector, text in fields.items():
        await type_into(pilot, selector, text)
    await pilot.press(submit)
    await pilot.pause()


async def new_plan(pilot, start: str, end: str) -> None:
    """Create the plan of the years *start*–*end* from the main screen (``l``, the years, Enter)."""
    await pilot.press("l")
    await pilot.pause()
    await fill(pilot, {"#start": start, "#end": end}, "enter")
