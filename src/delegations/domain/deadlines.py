"""Deadlines as rules with their source, and what is due: pure functions of the
delegations, the rules and today (no I/O; the rules the officer changed come in
as arguments)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from .delegation import Delegation, Status
from .problem import N_
from .text import Text

AFTER_END, BEFORE_START, YEARLY = "after_end", "before_start", "yearly"


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    """What is due (``what``), relative to what: ``days`` after a visit ends
    (``after_end``), before it starts (``before_start``), or a fixed day each year
    (``yearly``: ``month``/``day``). ``direction`` limits it to outbound or inbound
    visits ("" both); ``statuses`` are the statuses in which it is still owed (once
    the delegation moves on, it is met). ``source`` cites where the rule comes
    from; ``verified`` is False when it was not read in Quảng Trị's own rules."""

    code: str
    what: Text
    anchor: str
    source: str
    days: int = 0
    month: int = 0
    day: int = 0
    direction: str = ""
    statuses: tuple[str, ...] = ()
    verified: bool = False
    enabled: bool = True

    def describe_when(self) -> tuple[str, dict]:
        """An untranslated phrase saying when the rule falls, and its parameters."""
        if self.anchor == AFTER_END:
            return N_("{days} days after the visit ends"), {"days": self.days}
        if self.anchor == BEFORE_START:
            return N_("{days} days before the visit starts"), {"days": self.days}
        return N_("every year on {day:02d}/{month:02d}"), {"day": self.day, "month": self.month}


DEFAULT_RULES: tuple[DeadlineRule, ...] = (
    DeadlineRule("results_report", Text.of(vi="Báo cáo kết quả chuyến đi", lo="ບົດລາຍງານຜົນການເດີນທາງ", en="Report on the results of the trip"),
                 AFTER_END, "Thông tư 03/2023/TT-BNV; Ministry of Education practice (15 days); QĐ 3800/QĐ-BCT (2018) says 10 days",
                 days=15, direction="outbound", statuses=(Status.DONE.value,)),
    DeadlineRule("reception_application", Text.of(vi="Hồ sơ xin phép đón đoàn vào", lo="ເອກະສານຂໍອະນຸຍາດຮັບຄະນະ", en="Application to receive the delegation"),
                 BEFORE_START, "Đồng Nai procedure: at least 5 days before arrival (decision within 7 working days)",
                 days=5, direction="inbound", statuses=(Status.PLANNED.value, Status.PROPOSED.value)),
    DeadlineRule("proposal", Text.of(vi="Tờ trình xin cử đoàn ra", lo="ໜັງສືສະເໜີສົ່ງຄະນະ", en="Proposal to send the delegation"),
                 BEFORE_START, "no source found: a guess (5 days before the decision is needed, plus 7 working days for it)",
                 days=15, direction="outbound", statuses=(Status.PLANNED.value,)),
    DeadlineRule("yearly_plan", Text.of(vi="Kế hoạch đối ngoại và dự toán năm sau", lo="ແຜນການພົວພັນຕ່າງປະເທດປີຕໍ່ໄປ", en="Next year's foreign-affairs plan and budget"),
                 YEARLY, "Hà Nội rule: the annual plan and budget go through Sở Ngoại vụ; the day is a guess",
                 month=12, day=15),
)


@dataclass(frozen=True, slots=True)
class DueItem:
    """One thing due: the rule, the day, and the delegation it is for (None: the yearly plan)."""

    rule: DeadlineRule
    due: date
    delegation: Delegation | None = None
    year: int = 0  # a yearly rule: the year the plan is for

    @property
    def key(self) -> str:
        """Stable identity: the delegation's id (or the year) and the rule's code."""
        owner = self.delegation.id if self.delegation is not None else f"year-{self.year}"
        return f"{owner}/{self.rule.code}"

    def days_left(self, today: date) -> int:
        return (self.due - today).days


def visit_span(d: Delegation) -> tuple[date, date] | None:
    """The days of the visit: what happened if it is done, else its planned dates; None without dates."""
    if d.status is Status.CANCELLED:
        return None
    if d.outcome is not None:
        return d.outcome.start, d.outcome.end
    if d.timing.start is not None:
        return d.timing.start, d.timing.last_day()
    return None


def apply_overrides(rules: tuple[DeadlineRule, ...], overrides: dict) -> tuple[DeadlineRule, ...]:
    """The rules with the officer's changes: ``{code: {"days": N} | {"date": "MM-DD"} | {"enabled": bool}}``."""
    out = []
    for rule in rules:
        change = overrides.get(rule.code) or {}
        kw = {}
        if "days" in change:
            kw["days"] = int(change["days"])
        if "date" in change:
            month, day = (int(x) for x in str(change["date"]).split("-"))
            kw.update(month=month, day=day)
        if "enabled" in change:
            kw["enabled"] = bool(change["enabled"])
        if kw:
            kw.update(verified=False, source=f"{rule.source} — changed by the officer")
        out.append(replace(rule, **kw))
    return tuple(out)


def due_items(delegations, rules, years) -> list[DueItem]:
    """Every deadline the rules give for *delegations* (and, for yearly rules, each of *years*),
    sorted by day. A rule is owed only while the delegation's status is one of its ``statuses``."""
    items: list[DueItem] = []
    for rule in rules:
        if not rule.enabled:
            continue
        if rule.anchor == YEARLY:
            items.extend(DueItem(rule, date(y - 1, rule.month, rule.day), None, y) for y in years)
            continue
        for d in delegations:
            if rule.direction and d.direction.value != rule.direction:
                continue
            if rule.statuses and d.status.value not in rule.statuses:
                continue
            span = visit_span(d)
            if span is None:
                continue
            day = span[1] + timedelta(days=rule.days) if rule.anchor == AFTER_END else span[0] - timedelta(days=rule.days)
            items.append(DueItem(rule, day, d))
    return sorted(items, key=lambda i: (i.due, i.key))


def select_due(items: list[DueItem], today: date, within: int, met: set[str] = frozenset(), everything: bool = False) -> list[DueItem]:
    """What to show: overdue first (not marked met), then what falls within *within* days of
    *today*; ``everything`` keeps all, met and past ones too (still overdue first)."""
    if not everything:
        items = [i for i in items if i.key not in met and i.due <= today + timedelta(days=within)]
    overdue = [i for i in items if i.due < today and i.key not in met]
    rest = [i for i in items if not (i.due < today and i.key not in met)]
    return overdue + rest


def overdue_count(items: list[DueItem], today: date, met: set[str] = frozenset()) -> int:
    return sum(1 for i in items if i.due < today and i.key not in met)
