"""A table as a worksheet: a bold header row (frozen, with an autofilter), one row per
record with numbers and dates as real values and their display formats, column widths
and wrapping set, and an optional total row whose figures are ``=SUM(...)`` formulas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ..domain.money import CURRENCY_EXPONENT, Money

DATE_FORMAT = "DD/MM/YYYY"


def money_format(currency: str) -> str:
    """The display format of an amount in *currency*: its decimals and its code ('#,##0 "VND"')."""
    places = CURRENCY_EXPONENT.get(currency, 2)
    return "#,##0" + ("." + "0" * places if places else "") + f' "{currency}"'


def cell_value(value) -> tuple[object, str | None]:
    """A Python value as a spreadsheet value and its number format: Money as its amount
    (an int when whole) in its currency's format, a Decimal as a number, a date as a date."""
    if isinstance(value, Money):
        amount = value.amount
        return (int(amount) if amount == amount.to_integral_value() else float(amount)), money_format(value.currency)
    if isinstance(value, Decimal):
        whole = value == value.to_integral_value()
        return (int(value) if whole else float(value)), ("#,##0" if whole else "#,##0.##")
    if isinstance(value, bool):
        return value, None
    if isinstance(value, int):
        return value, "0"
    if isinstance(value, date):
        return value, DATE_FORMAT
    return value, None


@dataclass
class Column:
    """A column: its header, its width in characters, whether long text wraps in it,
    and whether the total row sums it."""

    head: str
    width: float = 12
    wrap: bool = False
    total: bool = False


@dataclass
class SheetTable:
    """What ``write_table`` puts on a sheet: columns, rows of values, and the label of
    the total row (no total row when it is empty or no column is summed)."""

    title: str
    columns: list[Column]
    rows: list[list[object]] = field(default_factory=list)
    total_label: str = ""
    total_label_column: int = 0
    total_unknown: bool = False   # nothing summed is known yet: the total shows "—", not a formula adding up to a false 0
    title_columns: int = 0  # the first columns printed again at the left of each page (the number, the name)
    # Rows written under the total, outside its formula (the lines a partner pays), after a heading line.
    after: list[list[object]] = field(default_factory=list)
    after_heading: str = ""


def line_count(text: str, width: float) -> int:
    """How many lines *text* takes wrapped in a column *width* characters wide (for a row's height:
    a spreadsheet does not size a row of wrapped text written by a program)."""
    return sum(max(1, -(-len(part) // max(int(width) - 1, 1))) for part in (text or "").split("\n"))


def safe_title(title: str, taken: set[str]) -> str:
    """A sheet name Excel accepts: no []:*?/\\, at most 31 characters, unique."""
    clean = "".join(" " if ch in "[]:*?/\\" else ch for ch in title.split("\n")[0]).strip()[:31] or "Sheet"
    name, n = clean, 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        name, n = clean[:31 - len(suffix)] + suffix, n + 1
    return name


def write_table(wb, table: SheetTable) -> object:
    """Add *table* to the workbook *wb* as a new sheet; return the sheet."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(safe_title(table.title, set(wb.sheetnames)))
    bold = Font(bold=True)
    ws.append([c.head for c in table.columns])
    ws.row_dimensions[1].height = 15 * max(line_count(c.head, c.width) for c in table.columns)
    for cell in ws[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for values in table.rows:
        ws.append([cell_value(v)[0] for v in values])
        for cell, value, column in zip(ws[ws.max_row], values, table.columns):
            number_format = cell_value(value)[1]
            if number_format:
                cell.number_format = number_format
            cell.alignment = Alignment(wrap_text=column.wrap, vertical="top",
                                       horizontal="right" if number_format and not isinstance(value, date) else None)
        lines = max([line_count(str(v), c.width) for v, c in zip(values, table.columns) if c.wrap and isinstance(v, str)] or [1])
        ws.row_dimensions[ws.max_row].height = 15 * lines
    last = ws.max_row
    for k, column in enumerate(table.columns, 1):
        ws.column_dimensions[get_column_letter(k)].width = column.width
    ws.freeze_panes = "A2"
    print_setup(ws, "1:1", table.title_columns)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{max(last, 1)}"
    if table.total_label and any(c.total for c in table.columns):
        total_row = last + 1
        ws.cell(total_row, table.total_label_column + 1, table.total_label).font = bold
        for k, column in enumerate(table.columns, 1):
            if not column.total:
                continue
            letter = get_column_letter(k)
            if table.total_unknown:
                ws.cell(total_row, k, "—").alignment = Alignment(horizontal="right")
                continue
            cell = ws.cell(total_row, k, f"=SUM({letter}2:{letter}{last})" if last >= 2 else 0)
            cell.font = bold
            formats = {ws.cell(r, k).number_format for r in range(2, last + 1)} - {"General"}
            if len(formats) == 1:
                cell.number_format = formats.pop()
            cell.alignment = Alignment(horizontal="right")
    if table.after:
        _append_after(ws, table, bold)
    return ws


def _append_after(ws, table: SheetTable, bold) -> None:
    """*table*'s rows that no total counts, below the total row and a blank line, under their heading."""
    from openpyxl.styles import Alignment

    row = ws.max_row + 2
    if table.after_heading:
        ws.cell(row, 1, table.after_heading).font = bold
        row += 1
    for values in table.after:
        for k, (value, column) in enumerate(zip(values, table.columns), 1):
            number, number_format = cell_value(value)
            cell = ws.cell(row, k, number)
            if number_format:
                cell.number_format = number_format
            cell.alignment = Alignment(wrap_text=column.wrap, vertical="top",
                                       horizontal="right" if number_format and not isinstance(value, date) else None)
        lines = max([line_count(str(v), c.width) for v, c in zip(values, table.columns) if c.wrap and isinstance(v, str)] or [1])
        ws.row_dimensions[row].height = 15 * lines
        row += 1


# A4 landscape, and the margins the sheets print with (inches, as a spreadsheet stores them).
PAGE_WIDTH_MM = 297
SIDE_MARGIN_IN = 0.5
# Below this scale a page of the default 11 pt font prints smaller than 7.5 pt: the sheet then
# runs on to a second page across, its first columns repeated, rather than being shrunk further.
MIN_SCALE = 70


def column_mm(width: float) -> float:
    """The printed width of a column *width* characters wide (7 px a character and 5 px of
    padding at 96 px to the inch, as Excel and LibreOffice measure the default font)."""
    return (width * 7 + 5) * 25.4 / 96


def sheet_widths(ws) -> list[float]:
    """The width of each used column of *ws* (the default 8.43 where none is set)."""
    from openpyxl.utils import get_column_letter

    return [ws.column_dimensions[get_column_letter(k)].width or 8.43 for k in range(1, ws.max_column + 1)]


def print_scale(widths: list[float], repeated: int = 0) -> int | None:
    """The scale (percent) a sheet of columns *widths* prints at: None when every column fits
    the page's width at ``MIN_SCALE`` or more (the page is then fitted to its width);
    otherwise the largest scale, not below ``MIN_SCALE``, at which it runs over two pages
    across, the first *repeated* columns printed again on the second."""
    printable = PAGE_WIDTH_MM - 2 * SIDE_MARGIN_IN * 25.4
    total = sum(column_mm(w) for w in widths)
    if total * MIN_SCALE / 100 <= printable:
        return None
    again = sum(column_mm(w) for w in widths[:repeated])
    two_pages = 100 * 2 * printable / (total + again) * 0.95  # a column is not split: leave room for the break
    return max(MIN_SCALE, min(100, int(two_pages)))


def print_setup(ws, title_rows: str | None, title_columns: int = 0) -> None:
    """Printed on A4 landscape with *title_rows* ("1:1") repeated at the top of each page:
    fitted to the page's width when that keeps the print at ``MIN_SCALE`` or larger, else at a
    readable scale over two pages across, the first *title_columns* (the number, the name)
    repeated at the left of each."""
    from openpyxl.utils import get_column_letter

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_margins.left = ws.page_margins.right = SIDE_MARGIN_IN
    scale = print_scale(sheet_widths(ws), title_columns)
    if scale is None:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    else:
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        ws.page_setup.scale = scale
    if title_rows:
        ws.print_title_rows = title_rows
    if title_columns:
        ws.print_title_cols = f"A:{get_column_letter(title_columns)}"


def new_workbook(title: str = ""):
    """An empty workbook (its default sheet removed) titled *title*."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    if title:
        wb.properties.title = title
    return wb


def workbook_to_bytes(wb) -> bytes:
    from io import BytesIO

    out = BytesIO()
    wb.save(out)
    return out.getvalue()
