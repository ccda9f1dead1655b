"""Importing a plan table into a plan: the preview (what would be stored, row by row,
with every problem) and the import itself, all or nothing, undone in one step."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..domain import Delegation
from ..errors import Msg, UserError
from ..history import IMPORT, Change
from ..i18n import N_
from .columns import COLUMNS, REQUIRED, best_grid
from .readers import ImportFileError, read_grids
from .rows import Finding, RowBuilder, RowResult, heading_direction

class ImportRefused(UserError):
    """The file has errors: nothing was imported."""

    exit_status = 1
    message = N_("{path} has errors ({errors}); nothing was imported.")


@dataclass
class Preview:
    """What importing *path* into plan *plan_id* would store: one ``RowResult`` per row
    of the table (``source`` names it), and what was found in the file as a whole."""

    path: Path
    plan_id: str
    source: str = ""
    rows: list[RowResult] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.all_findings() if f.severity == "error"]

    def all_findings(self) -> list[Finding]:
        return self.findings + [f for r in self.rows for f in r.findings]

    @property
    def delegations(self) -> list[Delegation]:
        return [r.delegation for r in self.rows if r.delegation is not None]


def preview(planner, path: Path, plan_id: str | None = None, translate=lambda s: s) -> Preview:
    """Read *path* and build its delegations for the plan *plan_id* (the current plan if
    not given), checked by the validators; nothing is written."""
    plan = planner.plan(plan_id)
    path = Path(path)
    found = best_grid(read_grids(path))
    if found is None:
        raise ImportFileError(N_("{path} holds no plan table: no table has a header row naming at least three columns "
                                 "(TT, Tên đoàn, Trưởng đoàn, Số thành viên, Nội dung hoạt động, Số ngày, Thời gian, Nguồn kinh phí)."),
                              path=str(path))
    grid, layout = found
    result = Preview(path, plan.id, grid.source)
    for title in layout.unknown:
        result.findings.append(Finding(layout.header_row, title, Msg(N_("Column not recognised; it was left out.")), "warning"))
    result.findings += not_carried(layout)
    missing = [key for key in REQUIRED if not layout.has(key)]
    for key in missing:
        result.findings.append(Finding(layout.header_row, translate(COLUMNS[key][0]), Msg(N_("The table has no such column."))))
    if missing:
        return result
    builder = RowBuilder(planner, plan, layout, translate)
    builder.source = path.name
    seq = max((f.seq for f in planner.repo.facets(plan.id)), default=0)
    context = None
    header = next(cells for number, cells in grid.rows if number == layout.header_row)
    for number, cells in grid.rows:
        if number <= layout.header_row or not any(cells) or cells == header:  # a header row repeated on a later page
            continue
        heading, direction = heading_direction(cells)
        if heading:
            context = direction or context
            continue
        seq += 1
        result.rows.append(builder.build(number, cells, seq, context))
    if not result.rows:
        result.findings.append(Finding(None, "", Msg(N_("The table has no rows under its header."))))
    return result


def not_carried(layout) -> list[Finding]:
    """What the file cannot give back, said once for the whole file: a table without the
    workbook's cost model or notes column (a Word plan prints neither) leaves each delegation
    on the plan's or its partner's cost model, and without notes."""
    out = []
    if not layout.has("cost_model"):
        out.append(Finding(None, "", Msg(N_("The file has no cost model column (a Word plan does not print one): each delegation "
                                            "follows the plan's or its partner's cost model, with the cost lines the file gives, and "
                                            "its estimate may differ from the plan the file came from. The Excel export carries the "
                                            "cost model; or set it with: edit SEQ --cost-model CODE.")), "note"))
    if not layout.has("notes"):
        out.append(Finding(None, "", Msg(N_("The file has no notes column (a Word plan does not print them): the "
                                            "delegations are imported without their notes; the Excel export carries them.")), "note"))
    return out


def commit(planner, found: Preview) -> list[Delegation]:
    """Store every delegation of *found*, or none: ``ImportRefused`` if it has errors.
    The import is one change of the plan's history (one undo takes it all back)."""
    if found.errors:
        raise ImportRefused(path=str(found.path), errors=len(found.errors))
    stored: list[Delegation] = []
    try:
        for d in found.delegations:
            report = planner.validation(d)
            if report.blocked:
                raise report.error()
            planner.repo.save_delegation(d)
            stored.append(d)
    except BaseException:
        for d in reversed(stored):  # nothing of a failed import stays
            try:
                planner.repo.delete_delegation(d.id)
            except Exception:  # noqa: BLE001 - the file could not be written: it never held the rest either
                pass
        raise
    if stored:
        planner.history.record(Change(IMPORT, stored[0].id, found.plan_id, None, tuple(stored)))
    return stored


__all__ = ["IMPORT", "ImportRefused", "Preview", "commit", "preview"]
