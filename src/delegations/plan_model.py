"""The cooperation plan (Kế hoạch, Mẫu 1.4) as an ``OfficialDocument``.

The same content every renderer lays out: the number and place-date lines, the
type name and subject, the basis paragraph (one per language), the nine-column
delegation table (bilingual cells: each version on its own line, list items
one per line) with the optional status column, "Nơi nhận" and the signature.
The table's section is ``landscape``: it goes on landscape pages, as the PDF
prints it. The PDF's own layout (``pdf.document``) takes its table from here.
"""

from __future__ import annotations

from collections.abc import Callable

from .doc_model import DocTable, OfficialDocument, Section
from .domain import Status, archive_last
from .i18n import N_, _, translator
from .i18n.formatting import date_line, document_number
from .i18n.languages import in_each
from .wording import Wording

# Column shares of the landscape table (TT … Nguồn kinh phí); they add up to 1.
# Each header word fits its column at 12 pt bold in vi, lo and en, and so does a date such as 25/12/2021.
COLUMN_SHARES = (0.04, 0.13, 0.12, 0.08, 0.095, 0.17, 0.065, 0.09, 0.21)
# With the optional status column (``export --status-column``): activities and funding give it room.
STATUS_SHARES = (0.04, 0.12, 0.11, 0.08, 0.09, 0.15, 0.065, 0.09, 0.18, 0.075)
# The columns printed centred: TT, members, destination, days, timing, status.
CENTRED = frozenset({0, 3, 4, 6, 7, 9})

HEADS = (N_("No."), N_("Delegation"), N_("Leader"), N_("Members"), N_("Destination"), N_("Activities"), N_("Days"),
         N_("Timing"), N_("Funding"))


def cancelled_seqs(delegations) -> list[int]:
    """The numbers of the cancelled delegations among *delegations*."""
    return [d.seq for d in delegations if d.status is Status.CANCELLED]


def cancelled_note(delegations) -> str:
    """What the officer is told before exporting a plan with cancelled delegations, in the
    interface language (empty when there is none): they stay in the plan, marked."""
    seqs = cancelled_seqs(delegations)
    if not seqs:
        return ""
    return _("Cancelled delegations, printed with the line \"(Cancelled)\" under their name: delegation {seqs}.").format(
        seqs=", ".join(str(s) for s in seqs))


def _list(items: list[str]) -> str:
    return "\n".join(f"- {i}" for i in items)


class PlanWriter:
    """The plan of an export request in one language ("vi", "lo") or two ("vi-lo":
    every label in both, as joint documents are)."""

    def __init__(self, request):
        self.r = request
        self.langs = request.languages
        self.words = {lang: Wording(lang, request.registry, request.home) for lang in self.langs}

    def both(self, pick: Callable[[str], str], langs: list[str] | None = None) -> str:
        """*pick* in each document language (or *langs*), one per line; a repeated version is printed once."""
        return in_each(langs or self.langs, pick)

    def tr(self, message: str, langs: list[str] | None = None) -> str:
        return self.both(lambda lang: translator(lang).gettext(message), langs)

    def field(self, text) -> str:
        return self.both(text.get)

    def items(self, pick: Callable[[str], list[str]]) -> str:
        """A list cell: the items in each document language, each item on its own line;
        an item printed for an earlier language (one with no version in a later
        language) is not printed again."""
        seen: set[str] = set()
        blocks = []
        for lang in self.langs:
            fresh = [i for i in pick(lang) if i and i not in seen]
            seen.update(fresh)
            if fresh:
                blocks.append(_list(fresh))
        return "\n".join(blocks)

    # --- the parts ---------------------------------------------------------------
    def heading(self) -> tuple[str, str]:
        """The number line ("Số: …/KH-LĐLĐ") and the place-date line, in the document's languages."""
        plan = self.r.plan
        return (self.both(lambda lang: document_number(plan.number, plan.symbol, lang)),
                self.both(lambda lang: date_line(plan.place.get(lang), plan.issued, lang)))

    def subject(self) -> str:
        """The title under "KẾ HOẠCH", without a "Kế hoạch" of its own (``wording.plan_subject``)."""
        return self.both(lambda lang: self.words[lang].plan_subject(self.r.plan))

    def basis(self) -> list[str]:
        """One paragraph per language; a paragraph not yet written in Lao is printed once."""
        return list(dict.fromkeys(w.basis_paragraph(self.r.plan) for w in self.words.values()))

    def leader(self, d) -> str:
        """The leader's position (in each language), and on its own lines the name
        (in Lao script too for a Lao text, when it is known)."""
        return "\n".join(p for p in (self.field(d.leader.position), self.both(d.leader.name_in)) if p)

    def cancelled_mark(self, d) -> str:
        """"(Đã hủy)" (in each document language, the status column's word) for a cancelled
        delegation, "" for any other: the plan keeps a cancelled visit, never shown as planned."""
        if d.status is not Status.CANCELLED:
            return ""
        return self.both(lambda lang: f"({self.words[lang].status(d.status)})")

    def name(self, d) -> str:
        """The delegation's name in each document language; a cancelled one's ends with the
        line "(Đã hủy)", with or without the status column, in every format."""
        name = self.both(lambda lang: d.name.get(lang))
        mark = self.cancelled_mark(d)
        return f"{name}\n{mark}" if mark else name

    def status_cell(self, d) -> str:
        """The status in each language; a cancelled delegation's reason after a colon, on the next line
        ("Đã hủy:" / "Đối tác đề nghị lùi lại")."""
        label = self.both(lambda lang: self.words[lang].status(d.status))
        return f"{label}:\n{self.both(d.cancel_reason.get)}" if d.cancel_reason else label

    def table(self) -> DocTable:
        """The delegation table; with ``request.status_column`` a last column says each delegation's status."""
        with_status = getattr(self.r, "status_column", False)
        heads = [self.tr(h) for h in ((*HEADS, N_("Status")) if with_status else HEADS)]
        rows, values = [], []
        for n, d in enumerate(self.r.delegations, 1):
            c = {lang: w.cells(d) for lang, w in self.words.items()}

            def cell(pick) -> str:
                return self.both(lambda lang: pick(c[lang]))

            rows.append([
                str(n), self.name(d), self.leader(d), cell(lambda x: x.members), cell(lambda x: x.destination),
                self.items(lambda lang: c[lang].activities), cell(lambda x: x.days), cell(lambda x: x.timing),
                self.items(lambda lang: c[lang].funding),
            ] + ([self.status_cell(d)] if with_status else []))
            values.append([n, None, None, d.members] + [None] * (len(heads) - 4))
        return DocTable(heads, rows, STATUS_SHARES if with_status else COLUMN_SHARES, CENTRED, values)

    def recipients(self) -> list[str]:
        """Each recipient in the document's languages, without its end (the renderer puts ";" or ".");
        the archive line ("Lưu: …") last, whatever the rows' order."""
        return [self.both(lambda lang, r=r: r.get(lang).rstrip(";.").strip()) for r in archive_last(self.r.plan.recipients)]

    def signature(self) -> tuple[str, str, str]:
        sig = self.r.plan.signature
        return ("", "", "") if sig is None else (self.field(sig.authority), self.field(sig.position), sig.name)

    def appendix(self) -> list[Section]:
        """The appendix "Dự toán kinh phí" when the request carries the budget: what the PDF's
        says (``budget.appendix_model``): the plan it is attached to, the estimate's table,
        the partner's lines, the totals by delegation, year, payer and funding, the notes."""
        if self.r.budget is None:
            return []
        from .budget.appendix_model import appendix_model

        model = appendix_model(self.r, {d.seq: n for n, d in enumerate(self.r.delegations, 1)})
        first, *rest = model.sections
        sections = [Section(heading=self.tr(N_("BUDGET ESTIMATE")), paragraphs=[model.of_plan, model.heading], table=first.table), *rest]
        if model.notes:
            sections.append(Section(paragraphs=model.notes))
        return sections

    def build(self) -> OfficialDocument:
        number, dated = self.heading()
        body = [Section(table=self.table(), landscape=True)] if self.r.delegations else []
        appendix = self.appendix()
        return OfficialDocument(kind="plan", number=number, dated=dated, doc_type=self.tr(N_("PLAN")),
                                subject=self.subject(), basis=self.basis(), body=body,
                                recipients=self.recipients(), signature=self.signature(),
                                annex=appendix[0] if appendix else None, annex_more=appendix[1:], annex_title=self.tr(N_("Appendix")))


def plan_document(request) -> OfficialDocument:
    """The plan of *request* (its delegations, filtered and in order) as an ``OfficialDocument``."""
    return PlanWriter(request).build()
