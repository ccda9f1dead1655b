"""The import's findings and delegations in words, for the command line and the screen."""

from __future__ import annotations

from ..domain import Delegation
from ..i18n import N_, _, ngettext
from .rows import Finding

SEVERITY_LABELS = {"error": N_("error"), "warning": N_("warning"), "note": N_("note")}


def where(finding: Finding) -> str:
    """"Row 3, column "Số ngày"", "Row 3", "Column "X"" or "" for the file as a whole."""
    if finding.row is not None and finding.column:
        return _("Row {row}, column \"{column}\"").format(row=finding.row, column=finding.column)
    if finding.row is not None:
        return _("Row {row}").format(row=finding.row)
    return _("Column \"{column}\"").format(column=finding.column) if finding.column else ""


def finding_text(finding: Finding) -> str:
    """The finding as one line in the interface language: "error: Row 3, column "Số ngày": …"."""
    place = where(finding)
    message = finding.message.render(_)
    return f"{_(SEVERITY_LABELS[finding.severity])}: {place}: {message}" if place else f"{_(SEVERITY_LABELS[finding.severity])}: {message}"


def summary_line(d: Delegation, w, with_leader: bool = False) -> str:
    """Direction, partner, people, days and time of *d* on one line (and the leader's name, when
    *with_leader* and the file gives one)."""
    members = ngettext("{n} member", "{n} members", d.members).format(n=d.members)
    parts = [w.direction(d.direction), w.org_short(d.partner), members, w.days(d), w.timing(d)]
    if with_leader and d.leader.name_in(w.lang):
        parts.append(d.leader.name_in(w.lang))
    return " · ".join(parts)


def delegation_lines(d: Delegation, w) -> list[str]:
    """What would be stored for *d*: its name, summary, leader, activities and costs."""
    lines = [f"{d.seq}. {d.name.get(w.lang)}", "    " + summary_line(d, w),
             "    " + _("Leader") + ": " + " ".join(x for x in (d.leader.position.get(w.lang), d.leader.name_in(w.lang)) if x)]
    lines += ["    " + _("Activity") + ": " + a.get(w.lang) for a in d.activities]
    lines += ["    " + _("Costs") + ": " + line for line in w.funding_lines(d)]
    if d.status.value != "planned":  # read from the file's status column or its "(Đã hủy)" mark
        reason = d.cancel_reason.get(w.lang)
        lines.append("    " + _("Status") + ": " + w.status(d.status) + (f": {reason}" if reason else ""))
    if d.cost_model:
        model = w.registry.cost_models.get(d.cost_model)
        lines.append("    " + _("Cost model") + ": " + (model.label.get(w.lang) if model is not None else d.cost_model))
    if d.guest_class:
        lines.append("    " + _("Guest class") + ": " + d.guest_class)
    if d.translation_pages:
        lines.append("    " + _("Pages to translate") + ": " + str(d.translation_pages))
    if d.notes:
        lines += ["    " + _("Notes") + ": " + note for note in d.notes.splitlines()]
    return lines


def finding_json(finding: Finding) -> dict:
    return {"row": finding.row, "column": finding.column, "severity": finding.severity, "message": finding.message.render(_)}


__all__ = ["delegation_lines", "finding_json", "finding_text", "summary_line", "where"]
