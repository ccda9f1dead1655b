"""Turning the rows of a plan table into delegations, each with what the import found
about it: errors (the row cannot be stored), warnings, and notes (what the import
decided, e.g. a cost line kept as free text).

A delegation built here is checked by the same validators as one saved from a form;
what they refuse is an error of that row, named by the column it comes from.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date

from ..domain import DayRange, Delegation, Direction, Plan, Problem, Status, Text, Timing, fold
from ..errors import Msg
from ..i18n import N_
from ..i18n.fields import FIELD_LABELS
from .columns import Layout
from .costs import read_cost_lines
from .status import read_status, restore, strip_mark
from .names import Names
from .parsing import CellError, direction_word, list_items, parse_days, parse_members, parse_pages, parse_timing
from .timing_columns import ColumnError, days_from_columns, timing_from_columns
from .versions import is_lao, leader_of, line_text_of, paired_items, scalar
from .versions import text_of as _text_of

# The column a validator's field comes from.
FIELD_COLUMNS = {"name": "name", "leader": "leader", "members": "members", "duration": "days", "timing": "timing",
                 "activities": "activities", "cost_lines": "funding", "partner": "partner", "notes": "notes",
                 "cost_model": "cost_model", "guest_class": "guest_class", "translation_pages": "translation_pages"}
# The columns that hold one value: in a bilingual export, their Latin-script version is read.
SCALARS = frozenset({"seq", "members", "guest_class", "translation_pages", "destination", "days", "timing", "direction", "min_days", "max_days", "year", "month",
                     "first_day", "last_day"})


@dataclass(frozen=True)
class Finding:
    """One thing the import found: in a row (``row``) and column (its header as the
    file words it), or in the file as a whole (``row`` is ``None``)."""

    row: int | None
    column: str
    message: Msg
    severity: str = "error"  # "error", "warning" or "note"


@dataclass
class RowResult:
    """One row of the table: the delegation it makes (``None`` when it cannot be built)
    and what was found in it."""

    row: int
    delegation: Delegation | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]


def text_of(value: str, latin: str = "vi") -> Text:
    """Text in the language it is written in: Lao script is Lao, Latin script Vietnamese
    (or *latin* when it has no Vietnamese letters); a cell of both has both."""
    return _text_of(value, latin)


class RowBuilder:
    """Builds the delegations of one table for *plan* (see the module's docstring)."""

    def __init__(self, planner, plan: Plan, layout: Layout, translate=lambda s: s):
        self.planner = planner
        self.plan = plan
        self.layout = layout
        self.names = Names(planner.registry, planner.home())
        self.translate = translate
        self.source = ""       # the file's name, for the history of a status read from it
        self.today = date.today()

    def column(self, key: str, timing: Timing | None = None) -> str:
        """The header of column *key* as the file words it. In a workbook the time has columns of
        its own: a problem of dates goes under the first day's, of a month under the month's,
        else under the year's."""
        if key not in self.layout.where:
            by_kind = {"dates": ("first_day", "last_day", "year"), "month": ("month", "year")}
            time = by_kind.get(timing.kind, ("year", "first_day")) if timing is not None else ("year", "first_day")
            stands_for = {"timing": time, "days": ("min_days", "max_days")}.get(key, ())
            key = next((k for k in stands_for if k in self.layout.where), key)
        return self.layout.title(key, self.translate)

    def build(self, number: int, cells: tuple[str, ...], seq: int, context: Direction | None) -> RowResult:
        def get(key: str) -> str:
            value = self.layout.get(cells, key)
            return scalar(value) if key in SCALARS else value

        latin = self.layout.latin
        result = RowResult(number, None)

        def say(key: str, message: str, severity: str = "error", **params) -> None:
            result.findings.append(Finding(number, self.column(key), Msg(message, **params), severity))

        bad: set[str] = set()

        def parse(key: str, parser, default):
            text = get(key)
            if not text:
                if key in self.layout.where or key in ("members", "timing"):
                    say(key, N_("The cell is empty."))
                    bad.add(key)
                return default
            try:
                return parser(text)
            except CellError as exc:
                say(key, exc.message, **exc.params)
                bad.add(key)
                return default

        members = parse("members", parse_members, 1)
        timing = self._timing(get, parse, say, bad)
        days = self._days(get, parse, timing, say, bad)
        direction = self._direction(get, say, context)
        partner = self._partner(get, say)
        if direction is None or partner is None:
            bad.add("partner")
        activities = tuple(paired_items(list_items(get("activities")), latin))
        notes = [get("notes")] if get("notes") else []
        cost_lines = ()
        if partner is not None:
            cost_lines, unread = self._costs(get("funding"), partner)
            if unread:
                notes.append(self.translate(N_("Costs")) + ": " + "; ".join(unread))
                say("funding", N_("Not in the usual wording (\"<payer> chịu <items> (<funding source>)\"); kept as free text "
                                  "in the notes: {lines}"), "warning", lines="; ".join(f"\"{u}\"" for u in unread))
        name, marked = strip_mark(get("name"))  # "(Đã hủy)" under the name: cancelled
        status, reason = read_status(get("status"), latin) if get("status") else (None, None)
        d = Delegation(id=uuid.uuid4().hex[:12], plan_id=self.plan.id, seq=seq, direction=direction or Direction.OUTBOUND,
                       partner=partner or "", name=line_text_of(name, latin), leader=leader_of(get("leader"), latin), members=members,
                       duration=days, timing=timing, activities=activities, cost_lines=tuple(cost_lines), notes="\n".join(notes),
                       cost_model=self._cost_model(get("cost_model"), say), guest_class=self._guest_class(get("guest_class"), say),
                       translation_pages=parse("translation_pages", parse_pages, 0) if get("translation_pages") else 0)
        if partner is not None and not get("funding"):
            d = d.evolve(cost_lines=self.planner.proposed_cost_lines(d))
            say("funding", N_("No costs in the file: the partner's usual sharing was proposed."), "note")
        d, said = restore(d, status or (Status.CANCELLED if marked else None), reason or Text(), self.source, self.today, self.translate)
        if marked and not status and not self.layout.has("status"):
            say("name", N_("Cancelled; the reason is not in the file (a plan exported with --status-column prints it)."), "note")
        for severity, message in said:
            result.findings.append(Finding(number, self.column("status" if status else "name"), message, severity))
        for problem in self.planner.check(d, self.plan):
            key = FIELD_COLUMNS.get(problem.field, problem.field)
            if key in bad or (problem.field == "partner" and "partner" in bad):
                continue  # already said, in the file's terms
            title = self.column(key, d.timing) if key in FIELD_COLUMNS.values() else self.translate(FIELD_LABELS.get(problem.field, problem.field))
            result.findings.append(Finding(number, title, _msg(problem), problem.severity))
        if not result.errors:
            result.delegation = d
        return result

    def _timing(self, get, parse, say, bad) -> Timing:
        default = Timing(self.plan.period.start_year)
        if "timing" in self.layout.where and (get("timing") or not self.layout.has("year")):
            return parse("timing", parse_timing, default)
        try:
            return timing_from_columns(get)
        except ColumnError as exc:
            say(exc.column, exc.message, **exc.params)
            bad.add("timing")
            return default

    def _written_days(self, get, parse, say, bad) -> DayRange | None:
        """The length the file writes: its days column, or its fewest and most days columns."""
        if get("days"):
            return parse("days", parse_days, None)
        try:
            return days_from_columns(get)
        except ColumnError as exc:
            say(exc.column, exc.message, **exc.params)
            bad.add("days")
            return None

    def _days(self, get, parse, timing: Timing, say, bad) -> DayRange:
        written = self._written_days(get, parse, say, bad)
        if timing.days is not None:  # dates: they say the length
            if written is not None and timing.days not in (written.min_days, written.max_days):
                say("days", N_("The dates cover {days} days, the file says {written}: the dates count."), "warning",
                    days=timing.days, written=str(written))
            return DayRange(timing.days, timing.days)
        if written is None:
            if "days" not in bad:
                say("days", N_("No number of days, and the time is not a span of dates."))
                bad.add("days")
            return DayRange(1, 1)
        return written

    def _costs(self, cell: str, partner: str) -> tuple[list, list[str]]:
        """The cost lines of a funding cell, and its lines not in the usual wording. In a
        bilingual cell the Lao lines that say the same as the Vietnamese ones are their
        translation; any other Lao line is read as well."""
        if not cell:
            return [], []
        items = list_items(cell)
        lao = [i for i in items if is_lao(i)]
        other = [i for i in items if not is_lao(i)]
        if not lao or not other:
            return read_cost_lines(cell, self.names, partner)
        lines, unread = read_cost_lines("\n".join(other), self.names, partner)
        lao_lines, lao_unread = read_cost_lines("\n".join(lao), self.names, partner)
        key = lambda c: (c.item, c.payer, c.funding)  # noqa: E731
        if [key(c) for c in lao_lines] == [key(c) for c in lines] and not lao_unread:
            return lines, unread
        if not lao_lines and not unread:  # a translation the import cannot read: the Vietnamese lines say it
            return lines, []
        seen = {key(c) for c in lines}
        return lines + [c for c in lao_lines if key(c) not in seen], unread + lao_unread

    def _cost_model(self, cell: str, say) -> str:
        """The cost model a cell names, by its label in any language (each line of a bilingual
        cell is one) or its code; "" for an empty cell or one naming no registered model."""
        if not cell.strip():
            return ""
        models = self.planner.registry.cost_models
        known = {fold(code): code for code in models}
        known.update({fold(label): code for code, model in models.items() for label in model.label.all_text()})
        for line in [cell, *cell.splitlines()]:
            if fold(line) in known:
                return known[fold(line)]
        say("cost_model", N_("\"{value}\" is not a cost model the plugins know ({known}); the delegation follows the plan's "
                             "or its partner's."), "warning", value=" / ".join(cell.split("\n")), known=", ".join(sorted(models)))
        return ""

    def _guest_class(self, cell: str, say) -> str:
        """The guest class the officer confirmed (A, B, C or other), "" when the cell is empty."""
        from ..domain.budget import GUEST_CLASSES

        found = {fold(c): c for c in GUEST_CLASSES}.get(fold(cell))
        if cell and found is None:
            say("guest_class", N_("\"{value}\" is not a guest class: write A, B, C or other."), value=cell)
        return found or ""

    def _direction(self, get, say, context: Direction | None) -> Direction | None:
        said = direction_word(get("direction")) if get("direction") else None
        if get("direction") and said is None:
            say("direction", N_("\"{value}\" is not a direction (Đoàn ra / Đoàn vào)."), value=get("direction"))
            return None
        said = said or direction_word(get("name"))
        country = self.names.country(get("destination")) if get("destination") else None
        if get("destination") and country is None:
            say("destination", N_("\"{value}\" is not a country the import knows; the destination follows from the partner."),
                "warning", value=get("destination"))
        by_country = None if country is None else (Direction.INBOUND if country == self.names.home.country else Direction.OUTBOUND)
        if said is not None and by_country is not None and said is not by_country:
            say("destination", N_("The delegation is marked {direction}, but goes to {value}."),
                direction=Msg(N_("Outbound") if said is Direction.OUTBOUND else N_("Inbound")), value=get("destination"))
            return None
        found = said or by_country or context
        if found is None:
            say("name", N_("Neither \"(Đoàn ra)\"/\"(Đoàn vào)\" in the name nor a destination country says the direction."))
        return found

    def _partner(self, get, say) -> str | None:
        known = ", ".join(sorted(org.short() for org in self.names.partners.values()))
        if get("partner"):
            found = self.names.orgs_in(get("partner"), partners_only=True)
            if len(found) == 1:
                return found[0]
            say("partner", N_("\"{value}\" is not one partner of the plugins ({known})."), value=get("partner"), known=known)
            return None
        for key in ("name", "leader", "funding", "activities"):
            found = self.names.orgs_in(get(key), partners_only=True)
            if len(found) == 1:
                return found[0]
        say("name", N_("The row names no partner the plugins know ({known})."), known=known)
        return None


def _msg(problem: Problem) -> Msg:
    return Msg(problem.message, **problem.params)


def heading_direction(cells: tuple[str, ...]) -> tuple[bool, Direction | None]:
    """Whether a row is a heading inside the table (one text across the row, or only
    column numbers "(1) (2) …"), and the direction it names ("I. Đoàn ra")."""
    filled = [c for c in cells if c]
    if len(set(filled)) == 1:
        folded = fold(filled[0])
        if "doan vao" in folded or "inbound" in folded:
            return True, Direction.INBOUND
        if "doan ra" in folded or "outbound" in folded:
            return True, Direction.OUTBOUND
        return True, None
    if filled and all(re.fullmatch(r"\(?\d{1,2}\)?", c) for c in filled) and len(filled) >= 3:
        return True, None
    return False, None


__all__ = ["FIELD_COLUMNS", "Finding", "RowBuilder", "RowResult", "heading_direction", "text_of"]
