"""A month of the plan on screen: its visits (their numbers), deadlines (``!``) and
the officer's own dates (``*``) day by day, and below it what is due (overdue first).
``←``/``→`` change the month, PgUp/PgDn the year, Home comes back to today's."""

from __future__ import annotations

import calendar as monthly
from datetime import date

from babel.dates import format_date, get_day_names
from rich.console import Group
from rich.table import Table
from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ... import deadline_settings as ds
from ...domain.conflicts import distinct_names
from ...domain.deadlines import select_due, visit_span
from ...i18n import N_, _, ngettext
from ..bindings import translate_bindings


def _shift(month: date, by: int) -> date:
    index = month.year * 12 + month.month - 1 + by
    return date(index // 12, index % 12 + 1, 1)



def dm(day) -> str:
    """Day and month as written everywhere else in the program: 30/4, 1/5."""
    return f"{day.day}/{day.month}"

class CalendarScreen(ModalScreen):
    """The month view of visits and deadlines, and the list of what is due."""

    BINDINGS = [
        Binding("escape,q", "close", N_("Close")),
        Binding("left,comma", "month(-1)", N_("Previous month")),
        Binding("right,full_stop", "month(1)", N_("Next month")),
        Binding("pageup", "month(-12)", N_("Previous year")),
        Binding("pagedown", "month(12)", N_("Next year")),
        Binding("home", "today", N_("This month")),
    ]

    def __init__(self, today: date | None = None):
        super().__init__()
        translate_bindings(self)
        self.today = today or date.today()
        self.month = self.today.replace(day=1)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(id="calendar-heading")
            with VerticalScroll():
                yield Static(id="calendar-body")

    def on_mount(self) -> None:
        self.show_month()

    def show_month(self) -> None:
        app = self.app
        lang = app.lang if app.lang in ("vi", "lo", "en") else "en"
        plan = app.planner.plan(app.plan_id)
        visits = [(d, visit_span(d)) for d in app.planner.repo.delegations(plan.id)]
        visits = [(d, s) for d, s in visits if s is not None]
        items = ds.plan_due(app.planner, plan)
        now = ds.plan_due(app.planner, plan, self.today)
        met = ds.met(app.planner.repo)
        own = ds.own_dates(app.planner.repo)
        from ...holiday_data import public_holidays

        feasts = [o for o in public_holidays([self.month.year]) if o.start.month == self.month.month]
        first, days = self.month, monthly.monthrange(self.month.year, self.month.month)[1]
        last = first.replace(day=days)
        month = format_date(first, "LLLL", locale=lang)
        month = month[:1].upper() + month[1:]
        # TRANSLATORS: a month's heading; vi "{month} năm {year}" (Tháng 11 năm 2026), lo "ເດືອນ{month} ປີ {year}".
        heading = _("{month} {year}").format(month=month, year=first.year)
        self.query_one("#calendar-heading", Static).update(
            "[b]" + heading + "  [/b]" + _("← → month, PgUp PgDn year, Home this month, Esc closes"))

        grid = Table(expand=True, pad_edge=False, show_lines=False, padding=(0, 0))
        names = get_day_names("abbreviated", locale=lang)
        for wd in range(7):
            grid.add_column(names[wd], justify="left", ratio=1, no_wrap=True)
        for week in monthly.Calendar().monthdatescalendar(first.year, first.month):
            row = []
            for day in week:
                if day.month != first.month:
                    row.append(RichText(""))
                    continue
                marks = [str(d.seq) for d, (s, e) in visits if s <= day <= e]
                due = any(i.due == day for i in items)
                cell = RichText(f"{day.day:>2}", style="reverse" if day == self.today else "")
                if marks:
                    cell.append(" " + ",".join(marks), style="bold cyan")
                if due:
                    cell.append(" !", style="bold red")
                flags = "".join(sorted({o.country[0] for o in feasts if o.start == day}))  # V, L: a public holiday
                if flags:
                    cell.append(" " + flags.lower(), style="green")
                if any(o.start <= day <= o.end for o in own):
                    cell.append(" *", style="bold yellow")
                row.append(cell)
            grid.add_row(*row)

        lines = [grid]
        for d, (s, e) in sorted(visits, key=lambda v: v[1][0]):
            if s <= last and first <= e:
                lines.append(RichText(f"{dm(s)}–{dm(e)}  {d.seq}. {d.name.get(lang)}", style="cyan"))
        for country in ("VN", "LA"):
            days = [o for o in feasts if o.country == country]
            names = distinct_names([o.name.get(lang) for o in days])
            if days:
                lines.append(RichText(f"{country[0].lower()}  {', '.join(f'{o.start:%d}' for o in days)}: {', '.join(names)}", style="green"))
        for o in own:
            if o.start <= last and first <= o.end:
                lines.append(RichText(f"{dm(o.start)}–{dm(o.end)}  * {o.name.get(lang)}", style="yellow"))
        for i in items:
            if first <= i.due <= last:
                whom = f"{i.delegation.seq}. " if i.delegation else f"{i.year}: "
                lines.append(RichText(f"{dm(i.due)}  ! {whom}{i.rule.what.get(lang)}", style="red"))
        shown = select_due(now, self.today, 30, met)
        lines.append(RichText("\n" + _("Due (overdue first)") + ":", style="bold"))
        if not shown:
            lines.append(RichText(_("Nothing due within {n} days.").format(n=30), style="dim"))
        for i in shown:
            left = i.days_left(self.today)
            state = (ngettext("{n} day overdue", "{n} days overdue", -left).format(n=-left) if left < 0
                     else ngettext("in {n} day", "in {n} days", left).format(n=left))
            whom = f"{i.delegation.seq}. " if i.delegation else f"{i.year}: "
            lines.append(RichText(f"{dm(i.due)}/{i.due.year} {state}: {whom}{i.rule.what.get(lang)}", style="bold red" if left < 0 else ""))
        self.shown = Group(*lines)  # kept for tests
        self.query_one("#calendar-body", Static).update(self.shown)

    def action_month(self, by: int) -> None:
        self.month = _shift(self.month, by)
        self.show_month()

    def action_today(self) -> None:
        self.month = self.today.replace(day=1)
        self.show_month()

    def action_close(self) -> None:
        self.dismiss(None)
