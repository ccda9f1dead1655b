"""The selected delegation in full."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text as RichText
from textual.widgets import Static

from ...domain import Delegation
from ...i18n import _
from ...wording import Wording


def delegation_detail(d: Delegation | None, w: Wording, home: str, warnings=()) -> RichText | Table:
    if d is None:
        return RichText(_("No delegation is selected."), style="italic")
    c = w.cells(d)
    grid = Table.grid(padding=(0, 1), expand=True)
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    grid.add_row(_("Delegation"), RichText(f"{d.seq}. {c.name}", style="bold"))
    grid.add_row(_("Direction"), f"{w.direction(d.direction)}: {w.org_short(d.sender(home))} → {w.org_short(d.host(home))} ({c.destination})")
    grid.add_row(_("Leader"), c.leader)
    grid.add_row(_("Members"), c.members)
    grid.add_row(_("Days"), c.days)
    grid.add_row(_("Timing"), c.timing)
    if warnings:  # the row's "!" in the table: what its dates run into
        grid.add_row(RichText("! " + _("Warnings"), style="bold yellow"), RichText("\n".join(f"- {x}" for x in warnings), style="yellow"))
    grid.add_row(_("Status"), w.status(d.status))
    grid.add_row(_("Activities"), "\n".join(f"- {a}" for a in c.activities) or "-")
    grid.add_row(_("Funding"), "\n".join(f"- {f}" for f in c.funding) or "-")
    if d.notes:
        grid.add_row(_("Notes"), d.notes)
    return grid


class DelegationDetail(Static):
    """Shows one delegation; ``show(d)`` changes it."""

    def show(self, d: Delegation | None, w: Wording, home: str, warnings=()) -> None:
        self.update(delegation_detail(d, w, home, warnings))
