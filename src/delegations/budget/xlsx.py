"""An official document (``doc_model.OfficialDocument``) as an Excel workbook: the
header lines, the type and subject, each section's heading, paragraphs and table,
and the signature, one sheet, in the document's order. Used for the estimate and
the settlement (``export --document budget --format xlsx``)."""

from __future__ import annotations

from io import BytesIO

from ..doc_model import OfficialDocument


def workbook_bytes(doc: OfficialDocument) -> bytes:
    """*doc* as .xlsx bytes; table cells are written as the document prints them."""
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
            for row in section.table.rows:
                put(row)
    authority, position, name = doc.signature
    for line in (authority, position, name):
        if line:
            put([line])
    for col, width in zip("ABCDEF", (8, 36, 12, 18, 20, 30)):
        ws.column_dimensions[col].width = width
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
