"""The papers of a delegation's life, each built as an ``OfficialDocument``:
``proposal`` (tờ trình), ``decision`` (quyết định cử đoàn, the roster attached),
``invitation`` (giấy mời), ``programme`` (chương trình làm việc), ``roster``
(danh sách đoàn) and ``report`` (báo cáo kết quả, planned against actual).

The body's main paragraph of each kind is the officer's own text when one is
stored for the delegation (``Delegation.texts``, per language); otherwise the
default wording below, translated like every other message.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from .doc_model import DocTable, OfficialDocument, Section
from .domain import Delegation, Direction, Status
from .i18n import N_, translator
from .i18n.languages import in_each
from .i18n.formatting import date_line, format_money, identity_date, short_date
from .budget.view import RATE_ITEMS
from .wording import Wording, country_name

# What a cell shows where there is no figure (an amount with no rate, a result not yet known).
NONE = "—"

KINDS = ("proposal", "decision", "invitation", "programme", "roster", "report")

SYMBOLS = {"proposal": "TTr-LĐLĐ", "decision": "QĐ-LĐLĐ", "invitation": "GM-LĐLĐ", "programme": "CTr-LĐLĐ",
           "roster": "DS-LĐLĐ", "report": "BC-LĐLĐ"}

TYPES = {"proposal": N_("PROPOSAL"), "decision": N_("DECISION"), "invitation": N_("INVITATION"),
         "programme": N_("WORKING PROGRAMME"), "roster": N_("LIST OF THE DELEGATION"), "report": N_("REPORT")}

LABELS = {"proposal": N_("Proposal"), "decision": N_("Decision sending the delegation"), "invitation": N_("Invitation"),
          "programme": N_("Working programme"), "roster": N_("List of the delegation"), "report": N_("Report on results")}

# The main paragraph each kind prints while the officer has stored no text of its own
# (the invitation's depends on the direction: inbound, outbound).
NAMED = ("decision", "roster")  # the kinds that attach the list count its people (``named``)
DEFAULTS = {
    "proposal": N_("{home} respectfully asks for approval of the {name}: {members} members, led by {leader}, "
                   "to {country}, {days}, {when}. Activities: {activities}. Funding: {funding}."),
    "decision.outbound": N_("Article 1. To send the {name} of {members} members, led by {leader}, to {country}, "
                            "{days}, {when}, with the list attached."),
    # An inbound delegation is the partner's: the federation receives it, it does not send it.
    "decision.inbound": N_("Article 1. To receive the {name} of {members} members, led by {leader}, visiting and working in "
                           "{home_province}, {days}, {when}, with the list of the delegation attached. Programme: {activities}."),
    "invitation.inbound": N_("{home} respectfully invites {partner_full} to send a delegation of {members} members to {country}, "
                             "{days}, {when}, to {activities}."),
    "invitation.outbound": N_("{home} respectfully informs {partner_full} that its delegation of {members} members, led by {leader}, "
                              "will visit {country}, {days}, {when}, to {activities}, and asks for its reception."),
    "programme": N_("The working programme of the {name}, {when}."),
    "roster": N_("The {name}: {members} members, {when}."),
    "report": N_("{home} reports on the {name} ({when})."),
}


class DocumentWriter:
    """Builds the documents of one delegation in one or two languages."""

    def __init__(self, request, d: Delegation, planned: dict | None = None):
        self.r, self.d = request, d
        self.langs = request.languages
        self.words = {lang: Wording(lang, request.registry, request.home) for lang in self.langs}
        self.planned = planned or {}

    # --- language helpers -------------------------------------------------------
    def both(self, pick: Callable[[str], str]) -> str:
        return in_each(self.langs, pick)

    def tr(self, message: str, **params) -> str:
        return self.both(lambda lang: translator(lang).gettext(message).format(**params) if params else translator(lang).gettext(message))

    def each(self, message: str, params: Callable[[str], dict]) -> str:
        """*message* in each language, with parameters worded in that language."""
        return self.both(lambda lang: translator(lang).gettext(message).format(**params(lang)))

    # --- the facts, worded ---------------------------------------------------------
    def facts(self, lang: str) -> dict:
        d, w = self.d, self.words[lang]
        home, partner = self.r.home, self.r.registry.partners.get(d.partner)
        t = d.timing
        when = (self._range(t.start, t.end) if t.start else w.timing_in_sentence(d))
        return {
            "name": d.name.get(lang), "home": home.name.get(lang), "partner": w.org_short(d.partner),
            "partner_full": partner.name.get(lang) if partner else d.partner,
            "country": w.destination(d), "members": d.members, "home_province": home.province.get(lang) or home.name.get(lang), "days": w.days(d), "when": when,
            # the leader's name in Lao script in a Lao text, when it is known
            "leader": " ".join(p for p in (d.leader.position.get(lang), d.leader.name_in(lang)) if p),
            "activities": "; ".join(a.get(lang) for a in d.activities), "funding": "; ".join(w.funding_lines(d)),
        }

    @staticmethod
    def _range(start: date, end: date | None) -> str:
        return short_date(start) if end in (None, start) else f"{short_date(start)} - {short_date(end)}"

    def default(self, kind: str) -> str:
        """The message of *kind*'s main paragraph when no text of the officer's is stored."""
        if kind in ("invitation", "decision"):
            return DEFAULTS[f"{kind}." + ("inbound" if self.d.direction is Direction.INBOUND else "outbound")]
        return DEFAULTS[kind]

    def default_text(self, kind: str, lang: str) -> str:
        """*kind*'s default main paragraph in *lang* (one of the request's languages), its facts filled in."""
        params = self.named(lang) if kind in NAMED else self.facts(lang)
        return translator(lang).gettext(self.default(kind)).format(**params)

    def own_text(self, kind: str, default: str, params: Callable[[str], dict]) -> str:
        """The officer's stored text for *kind* in each language, else the default message."""
        stored = self.d.text_for(kind)

        def pick(lang):
            text = stored.get(lang, fallback=False)
            return text if text else translator(lang).gettext(default).format(**params(lang))
        return self.both(pick)

    # --- the parts every document shares -----------------------------------------------
    def number(self, kind: str) -> str:
        if kind == "decision" and self._own_decision():
            return self.both(lambda lang: f"{translator(lang).gettext(N_('No.:'))} {self.d.approval.number}")
        return self.both(lambda lang: f"{translator(lang).gettext(N_('No.:'))}      /{SYMBOLS[kind]}")

    def _decision_number(self) -> str:
        """The number of the decision document itself: the federation's own decision's
        number, else blank to be filled in ("     /QĐ-LĐLĐ"), never another body's."""
        return self.d.approval.number if self._own_decision() else f"     /{SYMBOLS['decision']}"

    def _own_decision(self) -> bool:
        """The approval is the federation's own decision ("125/QĐ-LĐLĐ"): the decision
        document carries its number and date; another body's approval is cited instead."""
        a = self.d.approval
        return a is not None and a.number.endswith("/" + SYMBOLS["decision"])

    def dated(self, kind: str) -> str:
        plan = self.r.plan
        when = self.d.approval.issued if kind == "decision" and self._own_decision() else None
        if kind == "report" and self.d.outcome is not None:
            when = None
        return self.both(lambda lang: date_line(plan.place.get(lang), when, lang))

    def basis(self) -> list[str]:
        plan = self.r.plan
        return [self.each(N_("Pursuant to the plan {title}, delegation no. {seq} of its table;"),
                          lambda lang: {"title": self.words[lang].plan_subject(plan), "seq": self.d.seq})]

    def signature(self) -> tuple[str, str, str]:
        sig = self.r.plan.signature
        if sig is None:
            return ("", "", "")
        return (self.both(sig.authority.get), self.both(sig.position.get), sig.name)

    def recipients(self, *messages: str) -> list[str]:
        return [self.tr(m) for m in (*messages, N_("Archive: office"))]

    def document(self, kind: str, **parts) -> OfficialDocument:
        return OfficialDocument(kind=kind, number=self.number(kind), dated=self.dated(kind), doc_type=self.tr(TYPES[kind]),
                                signature=self.signature(), **parts)

    # --- tables ---------------------------------------------------------------------
    def roster_table(self) -> DocTable:
        heads = [self.tr(h) for h in (N_("No."), N_("Full name"), N_("Sex"), N_("Date of birth"), N_("Position and organisation"),
                                      N_("Passport"), N_("Role"))]
        rows = []
        for n, p in enumerate(self.d.roster, 1):
            name = "\n".join(x for x in (p.name, p.lao_name if "lo" in self.langs else "") if x)
            sex = self.tr(N_("Male") if p.sex and p.sex.value == "male" else N_("Female")) if p.sex else ""
            passport = "\n".join(x for x in (p.passport, self.each(N_("valid until {date}"), lambda lang: {"date": identity_date(p.passport_expires)})
                                              if p.passport_expires else "") if x)
            rows.append([str(n), name, sex, identity_date(p.born) if p.born else "", self.both(p.position.get), passport,
                         self.both(lambda lang: self.words[lang].role(p.role))])
        return DocTable(heads, rows, (0.06, 0.2, 0.09, 0.13, 0.24, 0.16, 0.12), frozenset({0, 2, 3}))

    def programme_table(self) -> DocTable:
        heads = [self.tr(h) for h in (N_("Day"), N_("Time"), N_("Activity"), N_("Place"))]
        rows = [[short_date(i.day), i.time, self.both(i.activity.get), self.both(i.place.get)] for i in self.d.programme]
        return DocTable(heads, rows, (0.15, 0.1, 0.5, 0.25), frozenset({0, 1}))

    # --- the kinds -------------------------------------------------------------------------
    def proposal(self) -> OfficialDocument:
        d = self.d
        subject = (N_("On sending a delegation to {partner}") if d.direction is Direction.OUTBOUND
                   else N_("On receiving the delegation of {partner}"))
        body = [Section(paragraphs=[
            self.own_text("proposal", self.default("proposal"), self.facts),
        ])]
        if d.roster:
            body.append(Section(heading=self.tr(N_("Members of the delegation")), table=self.roster_table()))
        if d.programme:
            body.append(Section(heading=self.tr(N_("Programme")), table=self.programme_table()))
        return self.document("proposal", subject=self.each(subject, self.facts), basis=self.basis(),
                             addressee=self.tr(N_("To: the Standing Board of the Provincial Party Committee")),
                             body=body, recipients=self.recipients(N_("As above")))

    def named(self, lang: str) -> dict:
        """The facts, with the count of the people named in the roster: the documents that
        attach the list (the decision, the list itself) count its people, not the plan's size."""
        return {**self.facts(lang), "members": len(self.d.roster) or self.d.members}

    def _own_estimate(self, lang: str) -> str:
        """The federation's own estimate of the delegation (its share: the lines a partner
        pays carry no amount), worded in *lang*; empty when it is not priced."""
        amounts = [m for m in self.planned.values() if m is not None]
        return format_money(sum(amounts[1:], amounts[0]), lang) if amounts else ""

    def decision(self) -> OfficialDocument:
        d = self.d
        if d.direction is Direction.INBOUND:
            subject = N_("On receiving the {name} visiting and working in {home_province}")
            estimate = lambda lang: {**self.facts(lang), "amount": self._own_estimate(lang)}  # noqa: E731
            funding = (N_("Article 2. The costs of the reception borne by {home}: {amount}, according to the estimate. "
                          "Costs shared as agreed: {funding}.") if self.planned and any(m is not None for m in self.planned.values())
                       else N_("Article 2. The costs of the reception: {funding}."))
            articles = [
                self.own_text("decision", self.default("decision"), self.named),
                self.each(funding, estimate),
                self.each(N_("Article 3. The office and the departments of {home} and the staff assigned to receive the "
                             "delegation carry out this decision."), self.facts),
            ]
            annex_title = self.tr(N_("LIST OF THE VISITING DELEGATION"))
        else:
            subject = N_("On sending the {name}")
            articles = [
                self.own_text("decision", self.default("decision"), self.named),
                self.each(N_("Article 2. Funding: {funding}."), self.facts),
                self.tr(N_("Article 3. The office, the departments concerned and the members named in Article 1 carry out this decision.")),
            ]
            annex_title = self.tr(N_("LIST OF THE DELEGATION"))
        basis = self.basis()
        if d.approval is not None and not self._own_decision():
            basis.append(self.each(N_("Pursuant to the approval of {body}, decision {number} of {date};"),
                                   lambda lang: {"body": d.approval.body.get(lang), "number": d.approval.number,
                                                 "date": short_date(d.approval.issued)}))
        return self.document("decision", subject=self.each(subject, self.facts), basis=basis,
                             body=[Section(heading=self.tr(N_("DECIDES:")), paragraphs=articles)],
                             recipients=self.recipients(N_("As in Article 3")),
                             annex=Section(table=self.roster_table()) if d.roster else None,
                             annex_title=annex_title + "\n" + self.each(
                                 N_("(attached to the decision {number})"), lambda lang: {"number": self._decision_number()}))

    def invitation(self) -> OfficialDocument:
        d = self.d
        body = [Section(paragraphs=[self.own_text("invitation", self.default("invitation"), self.facts)])]
        if d.programme:
            body.append(Section(heading=self.tr(N_("Programme")), table=self.programme_table()))
        return self.document("invitation", subject=self.each(N_("{name}"), self.facts), basis=self.basis(),
                             addressee=self.each(N_("To: {partner_full}"), self.facts), body=body,
                             recipients=self.recipients(N_("As above")))

    def programme(self) -> OfficialDocument:
        body = [Section(paragraphs=[self.own_text("programme", self.default("programme"), self.facts)],
                        table=self.programme_table())]
        return self.document("programme", subject=self.each(N_("{name}"), self.facts), basis=self.basis(), body=body,
                             recipients=self.recipients(N_("The delegation's members"), N_("The partner")))

    def roster(self) -> OfficialDocument:
        body = [Section(paragraphs=[self.own_text("roster", self.default("roster"), self.named)],
                        table=self.roster_table())]
        return self.document("roster", subject=self.each(N_("{name}"), self.facts), basis=self.basis(), body=body,
                             recipients=self.recipients(N_("The delegation's members")))

    def report(self) -> OfficialDocument:
        d = self.d
        o = d.outcome
        lang0 = self.langs[0]
        money = lambda m: format_money(m, lang0) if m is not None else NONE  # noqa: E731
        heads = [self.tr(h) for h in (N_("Item"), N_("Planned"), N_("Actual"))]
        t = d.timing
        rows = [
            [self.tr(N_("Dates")), self._range(t.start, t.end) if t.start else self.words[lang0].timing(d),
             self._range(o.start, o.end) if o else NONE],
            [self.tr(N_("Members")), str(d.members), str(o.members) if o else NONE],
            [self.tr(N_("Days")), str(d.duration), str(o.days) if o else NONE],
        ]
        actual, theirs = self._spent()
        # The federation's items: those it estimated or spent on (a partner's line has no amount of ours).
        items = [i for i in dict.fromkeys([*self.planned, *actual]) if self.planned.get(i) is not None or i in actual]
        for item in items:
            rows.append([self._item_label(item), money(self.planned.get(item)), money(actual.get(item))])
        if items:
            planned_total = [m for m in self.planned.values() if m is not None]
            spent_total = list(actual.values())
            rows.append([self.each(N_("Total paid by {org}"), lambda lang: {"org": self.words[lang].org_short(self.r.home.code)}),
                         money(sum(planned_total[1:], planned_total[0]) if planned_total else None),
                         money(sum(spent_total[1:], spent_total[0]) if spent_total else None)])
        for spent, amount in theirs:  # entered as spent on an item the partner pays: apart, in no total of ours
            rows.append([self.each(N_("{item}, paid by {org} (not in the total)"),
                                   lambda lang: {"item": self._item_label(spent.item, lang), "org": self.words[lang].org_short(spent.payer)}),
                         NONE, money(amount)])
        results = self.both(o.results.get) if o and o.results else self.tr(N_("(results not yet written)"))
        opening = [self.own_text("report", self.default("report"), self.facts)]
        if d.status is not Status.DONE:
            opening.append(self.each(N_("Status: {status}."), lambda lang: {"status": self.words[lang].status(d.status)}))
        body = [
            Section(paragraphs=opening),
            Section(heading=self.tr(N_("I. PLANNED AND ACTUAL")), table=DocTable(heads, rows, (0.4, 0.3, 0.3), frozenset({1, 2}))),
            Section(heading=self.tr(N_("II. RESULTS")), paragraphs=[results]),
        ]
        if d.programme:
            body.append(Section(heading=self.tr(N_("III. ACTIVITIES")), table=self.programme_table()))
        return self.document("report", subject=self.each(N_("Results of the {name}"), self.facts), basis=self.basis(),
                             body=body, recipients=self.recipients(N_("The Provincial Department of Foreign Affairs")))

    def _item_label(self, item: str, lang: str | None = None) -> str:
        """A budget item's name in *lang*, or in each of the document's languages."""
        def one(lg):
            return translator(lg).gettext(RATE_ITEMS[item]) if item in RATE_ITEMS else self.r.registry.cost_item_label(item, lg)
        return one(lang) if lang else self.both(one)

    def _spent(self) -> tuple[dict, tuple]:
        """What the federation spent per item, and the ``(Spent, amount)`` entered for a partner's
        items, as the budget service splits them (``ExportRequest.spent``); a request made
        without the split counts every actual cost as entered."""
        spent = getattr(self.r, "spent", None)
        if spent is None:
            spent = {}
            for c in (self.d.outcome.costs if self.d.outcome else ()):
                spent[c.item] = c.amount if c.item not in spent else spent[c.item] + c.amount
        return spent, tuple(getattr(self.r, "partner_spent", ()))

    def build(self, kind: str) -> OfficialDocument:
        return getattr(self, kind)()


__all__ = ["DEFAULTS", "KINDS", "LABELS", "DocumentWriter", "country_name"]
