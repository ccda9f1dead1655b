"""A delegation's life as the officer moves it on: its roster, its programme, its
status with the facts of each step, and the year's figures (``summary``).

Every change goes through ``Planner.save_delegation``: validated by the plugins,
stored, and undoable like any other edit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .domain import (
    ActualCost, Approval, Delegation, Direction, Money, Outcome, Person, Problem, ProgrammeItem, Status, StatusChange, Text,
)
from .errors import N_, Msg, UserError

# The order a delegation moves through; "cancelled" can end any step before "done".
ORDER = (Status.PLANNED, Status.PROPOSED, Status.APPROVED, Status.DONE)


class StatusError(UserError):
    pass


def add_person(planner, d: Delegation, person: Person) -> tuple[Delegation, list]:
    """Add *person* to the roster (a leader goes first); return the saved delegation and its warnings."""
    roster = (person, *d.roster) if person.role == "leader" else (*d.roster, person)
    new = d.evolve(roster=roster)
    return new, planner.save_delegation(new)


def remove_person(planner, d: Delegation, index: int) -> tuple[Delegation, list]:
    _check_index(index, len(d.roster), N_("There is no person {n} in the roster (it has {count})."))
    roster = d.roster[:index - 1] + d.roster[index:]
    new = d.evolve(roster=roster)
    return new, planner.save_delegation(new)


def edit_person(planner, d: Delegation, index: int, person: Person) -> tuple[Delegation, list]:
    """Put *person* in the place of the *index*-th member (from 1); one who becomes the
    leader goes first, as when added."""
    _check_index(index, len(d.roster), N_("There is no person {n} in the roster (it has {count})."))
    roster = list(d.roster)
    roster[index - 1] = person
    if person.role == "leader" and index != 1:
        roster.insert(0, roster.pop(index - 1))
    new = d.evolve(roster=tuple(roster))
    return new, planner.save_delegation(new)


def _check_index(index: int, count: int, message: str) -> None:
    if not 1 <= index <= count:
        raise UserError(message, n=index, count=count)


def import_roster(planner, d: Delegation, people: list[Person], *, replace: bool = False) -> tuple[Delegation, list]:
    """Add *people* (read from a file, see ``roster_files``) after the roster, or put them
    in its place when *replace*; a leader among them goes first."""
    kept = () if replace else d.roster
    roster = (*[p for p in people if p.role == "leader"], *kept, *[p for p in people if p.role != "leader"])
    new = d.evolve(roster=tuple(roster))
    return new, planner.save_delegation(new)


def add_programme_item(planner, d: Delegation, item: ProgrammeItem) -> tuple[Delegation, list]:
    """Add *item*, kept in the order of day and time."""
    items = sorted((*d.programme, item), key=lambda i: (i.day, i.time))
    new = d.evolve(programme=tuple(items))
    return new, planner.save_delegation(new)


def edit_programme_item(planner, d: Delegation, index: int, item: ProgrammeItem) -> tuple[Delegation, list]:
    """Put *item* in the place of the *index*-th item (from 1); the programme stays in the order of day and time."""
    _check_index(index, len(d.programme), N_("There is no item {n} in the programme (it has {count})."))
    items = list(d.programme)
    items[index - 1] = item
    new = d.evolve(programme=tuple(sorted(items, key=lambda i: (i.day, i.time))))
    return new, planner.save_delegation(new)


def remove_programme_item(planner, d: Delegation, index: int) -> tuple[Delegation, list]:
    _check_index(index, len(d.programme), N_("There is no item {n} in the programme (it has {count})."))
    new = d.evolve(programme=d.programme[:index - 1] + d.programme[index:])
    return new, planner.save_delegation(new)


def set_document_text(planner, d: Delegation, kind: str, lang: str, text: str) -> tuple[Delegation, list]:
    """Store the officer's own main paragraph of the document *kind* in *lang* ("" removes it)."""
    texts = dict(d.texts)
    updated = texts.get(kind, Text()).edited({lang: text})  # the other languages keep what they were made from
    if updated:
        texts[kind] = updated
    else:
        texts.pop(kind, None)
    new = d.evolve(texts=tuple(sorted(texts.items())))
    return new, planner.save_delegation(new)


@dataclass(frozen=True)
class StatusFacts:
    """What a change of status records: for "approved" the decision, for "done" the
    outcome, for "cancelled" the reason."""

    approval: Approval | None = None
    outcome: Outcome | None = None
    reason: Text | str = ""  # a str is the Vietnamese
    note: str = ""


NEXT = {Status.PLANNED: Status.PROPOSED, Status.PROPOSED: Status.APPROVED, Status.APPROVED: Status.DONE}
FINAL = (Status.DONE, Status.CANCELLED)


def _label(s: Status) -> Msg:
    from .wording import STATUS_LABELS

    return Msg(STATUS_LABELS[s])


def check_move(old: Status, new: Status, correct: bool = False) -> None:
    """Refuse a change of status the rule does not allow: one step forward at a time
    (planned → proposed → approved → done), or cancelled from any step before the end;
    done and cancelled are final. *correct* keeps the status and replaces its facts."""
    if correct:
        if new is not old or old not in (Status.APPROVED, Status.DONE, Status.CANCELLED):
            raise StatusError(N_("--correct changes the facts of the present status (\"{status}\"): write status SEQ {code} --correct …"),
                              status=_label(old), code=old.value)
        return
    if new is old:
        if old in (Status.APPROVED, Status.DONE, Status.CANCELLED):
            raise StatusError(N_("The delegation is already \"{status}\". To correct its facts, add --correct: status SEQ {code} --correct …"),
                              status=_label(old), code=old.value)
        raise StatusError(N_("The delegation is already \"{status}\"."), status=_label(old))
    if old in FINAL:
        raise StatusError(N_("The delegation is \"{status}\", a final status; it cannot change."), status=_label(old))
    if new is Status.CANCELLED:
        return
    if ORDER.index(new) < ORDER.index(old):
        raise StatusError(N_("A delegation cannot go back from \"{old}\" to \"{new}\"."), old=_label(old), new=_label(new))
    if NEXT.get(old) is not new:
        raise StatusError(N_("A delegation goes one step at a time: from \"{old}\" the next status is \"{next}\" (or \"{cancelled}\"), not \"{new}\"."),
                          old=_label(old), next=_label(NEXT[old]), new=_label(new), cancelled=_label(Status.CANCELLED))


def change_status(planner, d: Delegation, new: Status, on: date, facts: StatusFacts = StatusFacts(), *,
                  correct: bool = False) -> tuple[Delegation, list]:
    """Move *d* to *new* on *on*, with its facts; the change is kept in the history.
    A delegation moves one step forward at a time (planned → proposed → approved → done),
    and can be cancelled at any step before it is done (``check_move``). With *correct*,
    the facts of the present status are replaced and the history is not lengthened."""
    old = d.status
    check_move(old, new, correct)
    changes: dict = {"status": new}
    note = facts.note
    if new is Status.APPROVED:
        if facts.approval is None or not facts.approval.number:
            raise StatusError(N_("Approving needs the decision's number, date and approving body (--number, --date, --body)."))
        changes["approval"] = facts.approval
        note = note or facts.approval.number
    elif new is Status.DONE:
        if facts.outcome is None:
            raise StatusError(N_("Marking a delegation done needs the actual dates and members (--from, --to, --members)."))
        changes["outcome"] = facts.outcome
    elif new is Status.CANCELLED:
        reason = Text.of(facts.reason)
        if not reason.get("vi", fallback=False):
            raise StatusError(N_("Cancelling needs a reason (--reason)."))
        changes["cancel_reason"] = reason
        note = note or reason.get("vi")
    if correct:  # the step stays where it was in the history; its note follows the corrected facts
        last = next((i for i in range(len(d.history) - 1, -1, -1) if d.history[i].status == new.value), None)
        history = list(d.history)
        if last is not None:
            history[last] = StatusChange(new.value, history[last].on, note or history[last].note)
        changes["history"] = tuple(history)
    else:
        changes["history"] = (*d.history, StatusChange(new.value, on, note))
    updated = d.evolve(**changes)
    problems = planner.save_delegation(updated)
    if new is Status.DONE:
        problems = [*problems, *partner_cost_warnings(planner, updated)]
    return updated, problems


def partner_cost_warnings(planner, d: Delegation) -> list[Problem]:
    """A warning for each actual cost of *d* entered for an item its estimate gives to the
    partner side: kept as entered, but not counted in the federation's spending (nor in
    the year's summary). None when the delegation cannot be priced."""
    try:
        _, theirs = planner.budgeting.spent_by_side(d)
    except UserError:
        return []
    return [Problem("cost", N_("{item}: this item is the partner side's per the estimate; the actual figure entered will not "
                               "count in the federation's share."), {"item": cost_item_label(planner, s.item)}, "warning")
            for s in theirs]


def cost_item_label(planner, item: str):
    """A cost item's name, worded in the language the message is shown in."""
    from .budget.view import RATE_ITEMS

    if item in RATE_ITEMS:
        return Msg(RATE_ITEMS[item])
    known = planner.registry.cost_items.get(item)
    return _Worded(known.label) if known else item


class _Worded:
    """A text of the registry (a plugin's cost item) in the language the message is shown in."""

    def __init__(self, text: Text):
        self.text = text

    def render(self, translate=None) -> str:
        from .i18n import current_language

        return self.text.get(current_language())


def planned_costs(planner, d: Delegation, currency: str = "VND") -> dict[str, Money | None]:
    """The estimate of *d* per budget item, as ``delegations budget`` prices it (the rate
    tables in force on the plan's date, else today); empty when it cannot be priced."""
    return estimate_by_item(planner, d, currency)[0]


def estimate_by_item(planner, d: Delegation, currency: str = "VND") -> tuple[dict[str, Money | None], set[str]]:
    """``planned_costs`` and the items of it that only the partner side pays (no amount
    of the federation's: an actual cost entered for one is not the federation's)."""
    try:
        report = planner.budgeting.report(d.plan_id, delegations=[d], currency=currency)
    except UserError:
        return {}, set()
    theirs = {ln.item for ln in report.budget.partners()} - {ln.item for ln in report.budget.own()}
    return report.budget.by(lambda ln: ln.item), theirs


def federation_spent(planner, d: Delegation) -> list:
    """The actual costs of *d* the federation paid, counted as its budget counts them
    (``Budgeting.federation_spent``): not those entered for an item the partner pays.
    Unpriceable (a broken rate table), every cost entered counts as the federation's."""
    from .domain.budget import spent_by_side

    try:
        return planner.budgeting.federation_spent(d)
    except UserError:
        return spent_by_side(d, [], planner.home().code)[0]


@dataclass(frozen=True)
class ReportCosts:
    """What the results report sets side by side, split as ``delegations budget`` splits
    it: the federation's estimate per item, what it spent per item (in the report's
    currency), and what was entered as spent on an item a partner pays (``(Spent,
    amount)`` pairs, listed apart, counted in no total of the federation's)."""

    planned: dict = field(default_factory=dict)
    spent: dict = field(default_factory=dict)
    partner_spent: tuple = ()


def report_costs(planner, d: Delegation, currency: str = "VND") -> ReportCosts:
    """*d*'s estimate and actual costs as the budget service prices and splits them; when
    the estimate cannot be priced, every actual cost is the federation's (as the budget
    counts an item its estimate does not list)."""
    from .domain import budget as budget_rules

    try:
        report = planner.budgeting.report(d.plan_id, delegations=[d], currency=currency)
    except UserError:
        spent: dict = {}
        for s in budget_rules.spent(d, [], planner.home().code):
            spent[s.item] = s.amount if s.item not in spent else spent[s.item] + s.amount
        return ReportCosts({}, spent)
    ours: dict = {}
    for s, amount in report.actual:
        if s.seq == d.seq:
            ours[s.item] = amount if s.item not in ours else ours[s.item] + amount
    theirs = tuple((s, a) for s, a in report.partner_actual if s.seq == d.seq)
    return ReportCosts(report.budget.by(lambda ln: ln.item), ours, theirs)


@dataclass
class SummaryRow:
    """The figures of one partner and direction in a year."""

    partner: str
    direction: Direction
    planned: int = 0        # delegations planned that year (every status)
    done: int = 0
    cancelled: int = 0
    people_planned: int = 0
    people_actual: int = 0  # people of the done delegations, as they went
    estimated: Money | None = None
    spent: Money | None = None


@dataclass
class Summary:
    year: int
    currency: str
    rows: list[SummaryRow] = field(default_factory=list)

    def total(self, direction: Direction | None = None) -> SummaryRow:
        """All rows (of one direction) added up."""
        out = SummaryRow("", direction or Direction.OUTBOUND)
        for r in self.rows:
            if direction is not None and r.direction is not direction:
                continue
            out.planned += r.planned
            out.done += r.done
            out.cancelled += r.cancelled
            out.people_planned += r.people_planned
            out.people_actual += r.people_actual
            out.estimated = _add(out.estimated, r.estimated)
            out.spent = _add(out.spent, r.spent)
        return out


def _add(a: Money | None, b: Money | None) -> Money | None:
    if b is None:
        return a
    return b if a is None else a + b


def summary(planner, year: int, currency: str = "VND", plan_id: str | None = None) -> Summary:
    """The year in numbers, in one plan (*plan_id*, default the current one; a plan imported
    again beside it is not added in): delegations and people in and out, by
    partner, planned against done, estimated against spent (in *currency*; actual
    costs in another currency are left out of "spent"). Like the budget, "spent" is the
    federation's: an actual cost entered for an item the partner pays is not in it."""
    rows: dict[tuple[str, str], SummaryRow] = {}
    for plan in [planner.plan(plan_id)]:
        for d in planner.repo.delegations(plan.id):
            if year not in d.timing.years() and not (d.outcome and d.outcome.start.year == year):
                continue
            row = rows.setdefault((d.partner, d.direction.value), SummaryRow(d.partner, d.direction))
            row.planned += 1
            row.people_planned += d.members
            if d.status is Status.CANCELLED:
                row.cancelled += 1
                continue
            estimate = planned_costs(planner, d, currency)
            priced = [m for m in estimate.values() if m is not None]
            row.estimated = _add(row.estimated, sum(priced, Money.zero(currency)) if priced else None)
            if d.status is Status.DONE and d.outcome is not None:
                row.done += 1
                row.people_actual += d.outcome.members
                spent = [s.amount for s in federation_spent(planner, d) if s.amount.currency == currency]
                row.spent = _add(row.spent, sum(spent, Money.zero(currency)) if spent else None)
    ordered = sorted(rows.values(), key=lambda r: (r.direction.value != "outbound", r.partner))
    return Summary(year, currency, ordered)


def cost_item_codes(planner) -> list[str]:
    """The items an actual cost may name: the estimate's own items (the rows of the rate
    tables), so that the results report lines up what was spent with what was planned."""
    from .budget.view import RATE_ITEMS

    codes = dict.fromkeys(RATE_ITEMS)
    for table in planner.registry.rate_tables.values():
        codes.update(dict.fromkeys(r.item for r in table.rates))
    return list(codes)


def actual_cost(item: str, amount: str, currency: str, known: list[str] | None = None) -> ActualCost:
    """One actual cost; *item* must be one of *known* (``cost_item_codes``) when given."""
    from .budget.service import parse_amount

    if known is not None and item not in known:
        raise UserError(N_("\"{item}\" is not a cost item. The items are: {known}."), item=item, known=", ".join(known))
    return ActualCost(item, parse_amount(amount, currency, "cost"))


def person(name: str, position: str = "", *, sex=None, born=None, passport: str = "", expires=None, lao_name: str = "",
           role: str = "member") -> Person:
    return Person(name=name.strip(), position=Text.of(position), sex=sex, born=born, passport=passport.strip(),
                  passport_expires=expires, lao_name=lao_name.strip(), role=role)


__all__ = ["FINAL", "NEXT", "ORDER", "check_move", "StatusError", "StatusFacts", "Summary", "SummaryRow", "add_person", "add_programme_item", "change_status",
           "edit_person", "edit_programme_item", "remove_programme_item",
           "import_roster", "planned_costs", "ReportCosts", "report_costs", "summary", "actual_cost", "cost_item_codes", "person", "remove_person",
           "estimate_by_item", "federation_spent", "partner_cost_warnings", "cost_item_label"]
