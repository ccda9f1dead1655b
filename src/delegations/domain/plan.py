"""The cooperation plan (kế hoạch) and the parts of its official document."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .text import Text, fold


@dataclass(frozen=True, slots=True)
class BasisDocument:
    """A document the plan implements or rests on ("Thực hiện Công văn số …").

    ``verb`` opens the citation ("Thực hiện", "căn cứ"); ``kind`` names the
    document ("Công văn"); ``number`` is its number and symbol ("4214/UBND-ĐN");
    ``issuer`` who issued it; ``subject`` what it is about, as it is cited.
    """

    verb: Text
    kind: Text
    number: str = ""
    issued: date | None = None
    issuer: Text = field(default_factory=Text)
    subject: Text = field(default_factory=Text)


@dataclass(frozen=True, slots=True)
class Signature:
    """Signature block: authority line ("TM. BAN THƯỜNG VỤ"), position, name."""

    authority: Text
    position: Text
    name: str = ""


@dataclass(frozen=True, slots=True)
class Period:
    start_year: int
    end_year: int

    def contains_year(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year

    def first_day(self) -> date:
        return date(self.start_year, 1, 1)

    def last_day(self) -> date:
        return date(self.end_year, 12, 31)

    def __str__(self) -> str:
        return f"{self.start_year}-{self.end_year}"


@dataclass(frozen=True, slots=True)
class Plan:
    """A multi-year cooperation plan as the federation issues it.

    ``number`` and ``issued`` stay ``None`` while the plan is a draft; the
    document then leaves blanks for the clerk. ``symbol`` is the part after the
    slash ("KH-LĐLĐ"); ``place`` the place name of the date line ("Quảng Trị").
    ``issuer`` is the code of the home organisation; ``recipients`` the
    "Nơi nhận" lines without their leading dash and trailing punctuation, the
    archive line ("Lưu: VT, TH") last.
    """

    id: str
    title: Text
    period: Period
    issuer: str = "home"
    number: int | None = None
    symbol: str = "KH-LĐLĐ"
    place: Text = field(default_factory=Text)
    issued: date | None = None
    basis: tuple[BasisDocument, ...] = ()
    introduction: Text = field(default_factory=Text)
    recipients: tuple[Text, ...] = ()
    signature: Signature | None = None
    cost_model: str = ""  # "" = not chosen: each partner's default model

    @property
    def is_draft(self) -> bool:
        return self.number is None or self.issued is None


# How an archive line ("Nơi nhận" ... "Lưu: VT, TH.") begins in each language, folded.
ARCHIVE_STARTS = ("luu:", "luu ", "archive", "ເກັບ")


def is_archive(recipient: Text) -> bool:
    """Whether *recipient* is the archive line ("Lưu: VT, TH", "ເກັບມ້ຽນ: …", "Archived: …")."""
    return any(fold(v).startswith(ARCHIVE_STARTS) for v in recipient.all_text())


def archive_last(recipients: "tuple[Text, ...] | list[Text]") -> tuple[Text, ...]:
    """*recipients* in their order, the archive line(s) moved last: the national format
    ends "Nơi nhận" with "- Lưu: …" whatever order the rows were typed in."""
    return (*(r for r in recipients if not is_archive(r)), *(r for r in recipients if is_archive(r)))
