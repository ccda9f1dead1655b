"""An official document (``doc_model.OfficialDocument``) as an Excel workbook: the
header lines, the type and subject, each section's heading, paragraphs and table,
and the signature, one sheet, in the document's order. Used for the estimate and
the settlement (``export --document budget --format xlsx``).

Table cells are numbers with their display format where the table gives their
values (amounts in their currency, quantities), a total row's figures are
``=SUM(...)`` formulas over the rows above (a total none of whose figures is known
yet keeps its printed "—": a formula would add it up to a false 0); the columns take the table's shares
of the width, table cells wrap, the lines of the document span the table's width,
and the rows down to the table's header stay in view (frozen) while scrolling.
"""

from __future__ import annotations

from ..doc_model import DocTable, OfficialDocument
from ..xlsx.sheets import cell_value, line_count, money_format, print_setup, workbook_to_bytes

# The width of the table, in characters, shared among its columns.
TABLE_WIDTH = 130


def number_cell(value) -> tuple[object, str]:
    """A table value as a spreadsheet number and its display format: an amount with its
    currency's decimals and code ('#,##0 "VND"'), a count as a whole number."""
    number, pattern = cell_value(value)
    return number, pattern or "#,##0"


class DocumentSheet:
    """Writes a document on one worksheet, row by row."""

    def __init__(self, ws, columns: int, widths: list[float]):
        self.ws, self.columns, self.widths = ws, columns, widths
        self.header_row = 0

    def line(self, text: str, bold: bool = False) -> None:
        """A line of the document across the table's width, wrapped, its row as tall as its text."""
        from openpyxl.styles import Alignment, Font

        ws = self.ws
        ws.append([text])
        row = ws.max_row
        cell = ws.cell(row, 1)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if bold:
            cell.font = Font(bold=True)
        if self.columns > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=self.columns)
        ws.row_dimensions[row].height = 15 * line_count(text, sum(self.widths) * 1.1)

    def table(self, table: DocTable) -> None:
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        ws, bold = self.ws, Font(bold=True)
        ws.append(table.heads)
        self.header_row = self.header_row or ws.max_row
        for cell in ws[ws.max_row]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        first = ws.max_row + 1
        values = table.values or []
        for k, printed in enumerate(table.rows):
            ws.append(list(printed))
            row = ws.max_row
            numbers = values[k] if k < len(values) else [None] * len(printed)
            total = k == len(table.rows) - 1 and bool(table.summed)
            for col, (cell, value) in enumerate(zip(ws[row], numbers)):
                cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center" if col in table.centred else None)
                if total:
                    cell.font = bold
                if isinstance(value, str):
                    cell.value = value
                elif total and col in table.summed and value is not None:
                    letter = get_column_letter(col + 1)
                    cell.value = f"=SUM({letter}{first}:{letter}{row - 1})"
                    cell.number_format = money_format(value.currency) if hasattr(value, "currency") else "#,##0"
                    cell.alignment = Alignment(horizontal="right", vertical="top")
                elif value is not None:
                    cell.value, cell.number_format = number_cell(value)
                    cell.alignment = Alignment(horizontal="right", vertical="top")
            ws.row_dimensions[row].height = 15 * max(line_count(str(c), w) for c, w in zip(printed, self.widths))


def workbook_bytes(doc: OfficialDocument) -> bytes:
    """*doc* as .xlsx bytes: table cells as numbers (with their display format) where the
    table gives their values, totals as formulas, the header of the first table frozen."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    tables = [s.table for s in doc.body if s.table is not None]
    shares = tables[0].shares if tables else (1.0,)
    widths = [max(6.0, share * TABLE_WIDTH) for share in shares]
    wb = Workbook()
    ws = wb.active
    ws.title = doc.kind[:31]
    sheet = DocumentSheet(ws, len(widths), widths)
    for k, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(k)].width = width
    for line in (doc.number, doc.dated):
        sheet.line(line)
    sheet.line(doc.doc_type, bold=True)
    sheet.line(doc.subject, bold=True)
    for line in doc.basis:
        sheet.line(line)
    for section in doc.body:
        if section.heading:
            sheet.line(section.heading, bold=True)
        for paragraph in section.paragraphs:
            sheet.line(paragraph)
        if section.table is not None:
            sheet.table(section.table)
    for line in doc.signature:
        if line:
            sheet.line(line, bold=True)
    if sheet.header_row:
        ws.freeze_panes = f"A{sheet.header_row + 1}"
    print_setup(ws, f"{sheet.header_row}:{sheet.header_row}" if sheet.header_row else None)
    ws.page_setup.orientation = "portrait"   # an official document: A4 portrait, the table on the page's width
    return workbook_to_bytes(wb)
