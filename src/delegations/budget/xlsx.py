"""An official document (``doc_model.OfficialDocument``) as an Excel workbook: the
header lines, the type and subject, each section's heading, paragraphs and table,
and the signature, one sheet, in the document's order. Used for the estimate and
the settlement (``export --document budget --format xlsx``)."""

from __future__ import annotations

from io import BytesIO

from ..doc_model import OfficialDocument


def number_cell(value) -> tuple[object, str]:
    """A table value as a spreadsheet number and its display format: an amount with its
    currency's decimals and symbol ("#,##0 [$₫]"), a count as a whole number."""
    from ..domain.money import CURRENCY_EXPONENT, Money

    if isinstance(value, Money):
        places = CURRENCY_EXPONENT[value.currency]
        pattern = "#,##0" + ("." + "0" * places if places else "")
        return value.amount, f'{pattern} "{value.currency}"'
    return value, "#,##0" if value == int(value) else "#,##0.##"


def workbook_bytes(doc: OfficialDocument) -> bytes:
    """*doc* as .xlsx bytes: table cells as the document prints them, and as numbers
    (with their display format) where the table gives their values."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = doc.kind[:31]
    bold = Font(bold=True)

    def put(values, font=None):
        ws.append(list(values))
        if font is not None:
            for cell in ws[ws.max_row]:
                cell.font = font
        for cell in ws[ws.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")

    for line in (doc.number, doc.dated):
        put([line])
    put([doc.doc_type], bold)
    put([doc.subject], bold)
    for line in doc.basis:
        put([line])
    for section in doc.body:
        if section.heading:
            put([section.heading], bold)
        for paragraph in section.paragraphs:
            put([paragraph])
        if section.table is not None:
            put(section.table.heads, bold)
            values = section.table.values or []
            for k, row in enumerate(section.table.rows):
                put(row)
                numbers = values[k] if k < len(values) else None
                if numbers and any(v is not None for v in numbers):
                    for cell, value in zip(ws[ws.max_row], numbers):
                        if value is not None:
                            cell.value, cell.number_format = number_cell(value)
                            cell.alignment = Alignment(horizontal="right", vertical="top")
    authority, position, name = doc.signature
    for line in (authority, position, name):
        if line:
            put([line])
    for col, width in zip("ABCDEF", (8, 36, 12, 18, 20, 30)):
        ws.column_dimensions[col].width = width
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
