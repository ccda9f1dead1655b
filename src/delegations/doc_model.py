"""One model for every official document of the federation, whatever its kind.

A document is its header (number line, place-date line), its type and subject,
the addressee ("Kính gửi"), the basis it rests on, the body (paragraphs and tables), "Nơi
nhận", the signature and an optional annex (the decision's attached list). Every
string is already in the document's languages (a bilingual one has each version on
its own line). The PDF renderer (``pdf.official``) and the Word renderer
(``docx``) lay it out in the national format; the plan itself is one too
(``plan_model``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DocTable:
    """A table: its header cells, its rows, and each column's share of the width
    (they add up to 1). ``centred`` names the columns printed centred."""

    heads: list[str]
    rows: list[list[str]]
    shares: tuple[float, ...]
    centred: frozenset[int] = frozenset()
    # The cells as numbers, for a spreadsheet: per row, per column, an int, a Decimal or a
    # Money, or None where the printed text stands (a name, an unknown amount), or a text the
    # spreadsheet shows instead of the printed one (a total's label). A row
    # whose values are all None (or no values at all) is written as printed.
    values: list[list[object]] | None = None
    # The columns whose figure in the last row is the sum of the rows above it (a total row):
    # a spreadsheet writes those cells as =SUM(...) formulas.
    summed: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Section:
    """A part of the body: an optional heading, paragraphs, an optional table after them.
    A *landscape* section's table goes on landscape pages (the plan's nine columns),
    and what follows it (the closing) stays with its end."""

    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)
    table: DocTable | None = None
    landscape: bool = False


@dataclass(frozen=True)
class OfficialDocument:
    """A document of one *kind* ("proposal", "decision"…), ready to be rendered."""

    kind: str
    number: str
    dated: str
    doc_type: str
    subject: str
    basis: list[str] = field(default_factory=list)
    addressee: str = ""
    body: list[Section] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: tuple[str, str, str] = ("", "", "")  # authority, position, name
    annex: Section | None = None
    annex_title: str = ""
    annex_more: list[Section] = field(default_factory=list)   # the annex's further sections (the plan's budget appendix)

    def all_text(self) -> str:
        """Every string of the document, for search and tests."""
        parts = [self.number, self.dated, self.doc_type, self.subject, *self.basis, self.addressee, *self.recipients, *self.signature]
        for sec in [*self.body, *([self.annex] if self.annex else []), *self.annex_more]:
            parts += [sec.heading, *sec.paragraphs]
            if sec.table:
                parts += sec.table.heads + [c for r in sec.table.rows for c in r]
        return "\n".join(p for p in parts if p)


def recipient_lines(recipients: list[str]) -> list[str]:
    """The "Nơi nhận" lines as the national format writes them: each recipient (each of its
    language versions, one per line) starts "- " and ends ";", the last one "."
    ("- Như trên;" … "- Lưu: VT.")."""
    out = []
    for i, recipient in enumerate(recipients):
        end = "." if i == len(recipients) - 1 else ";"
        out.append("\n".join(f"- {line.rstrip(';.').strip()}{end}" for line in recipient.split("\n") if line.strip()))
    return out
