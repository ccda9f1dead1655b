"""A delegation's status as the program's own exports write it, read back on import.

The plan document marks a cancelled delegation's name with a last line "(Đã hủy)"
(``plan_model.PlanWriter.name``), and its optional status column (always there in the
workbook) says the status, in each language, a cancelled one's reason after a colon
("Đã hủy:" / "Đối tác đề nghị lùi lại"). What can be read honestly is restored:
planned, proposed and cancelled (with its reason, when the file has one), each with a
dated history entry saying it came from the import. Approved and done are not: their
facts (the decision, the actual dates and members) are not in the file; the row says so.
"""

from __future__ import annotations

from datetime import date

from ..domain import Delegation, Status, StatusChange, Text, fold
from ..errors import Msg
from ..i18n import N_, translator
from .versions import text_of

RESTORED = (Status.PLANNED, Status.PROPOSED, Status.CANCELLED)


def _labels() -> dict[str, Status]:
    """Every status's label in every language, folded ("da huy", "cancelled", the Lao)."""
    from ..i18n import SUPPORTED
    from ..wording import STATUS_LABELS

    return {fold(translator(lang).gettext(message)): status for status, message in STATUS_LABELS.items()
            for lang in SUPPORTED}


def status_word(line: str) -> Status | None:
    """The status a line of a cell names ("Đã hủy", "Đã hủy:", "(Đã hủy)", "Cancelled"), or None."""
    word = line.strip().rstrip(":").strip()
    if word.startswith("(") and word.endswith(")"):
        word = word[1:-1].strip()
    return _labels().get(fold(word)) if word else None


def strip_mark(name: str) -> tuple[str, bool]:
    """The name cell without its last lines "(Đã hủy)" / "(ຍົກເລີກແລ້ວ)" / "(Cancelled)",
    and whether it had them."""
    lines = name.splitlines()
    marked = False
    while lines and lines[-1].strip().startswith("(") and status_word(lines[-1]) is Status.CANCELLED:
        lines.pop()
        marked = True
    return "\n".join(lines), marked


def read_status(cell: str, latin: str = "vi") -> tuple[Status | None, Text]:
    """The status a status cell says (None when it names none) and the reason after it:
    its first lines are the status in each language, the lines after them the reason."""
    lines = [line for line in cell.splitlines() if line.strip()]
    found = None
    while lines and status_word(lines[0]) is not None:
        found = found or status_word(lines[0])
        lines.pop(0)
    return found, (text_of("\n".join(lines), latin) if lines else Text())


def restore(d: Delegation, status: Status | None, reason: Text, source: str, today: date,
            translate=lambda s: s) -> tuple[Delegation, list[tuple[str, Msg]]]:
    """*d* with the status the file gives it, and what the row says about it ((severity, message))."""
    if status is None or status is Status.PLANNED:
        return d, []
    if status not in RESTORED:
        from ..wording import STATUS_LABELS

        return d, [("note", Msg(N_("The file says \"{status}\", but not its facts (the decision, or the actual dates and members): "
                                   "the delegation starts as planned; record them with: status SEQ {code} …"),
                                status=Msg(STATUS_LABELS[status]), code=status.value))]
    note = translate(N_("imported from {file}")).format(file=source)
    changes: dict = {"status": status, "history": (*d.history, StatusChange(status.value, today, note))}
    if status is Status.CANCELLED:
        changes["cancel_reason"] = reason
    return d.evolve(**changes), []


__all__ = ["read_status", "restore", "status_word", "strip_mark"]
