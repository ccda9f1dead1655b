"""Reading the table of a plan from a Word document (.docx), an Excel workbook (.xlsx)
or a CSV file: every table (or sheet) as rows of text cells with their row numbers.

A Word table's rows are numbered from 1 (its header row); a sheet's and a CSV file's
as the spreadsheet numbers them. A cell of several paragraphs keeps them on separate
lines, so that list items stay apart.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ..domain import nfc
from ..errors import N_, FileError, Msg, UserError

SUFFIXES = (".docx", ".xlsx", ".csv")


class ImportFileError(UserError):
    """The file cannot be read as a plan table (wrong type, damaged, no table)."""

    exit_status = 3


@dataclass(frozen=True)
class Grid:
    """One table of the file: ``rows`` are (row number, cells as text)."""

    source: str  # "table 2", "sheet Kế hoạch", "" for a CSV file
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def cell_text(value) -> str:
    """A spreadsheet value as the text it shows: 10 not 10.0, a date as 24/9/2025."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc(str(value)).strip()


def _docx(path: Path) -> list[Grid]:
    from docx import Document

    grids = []
    for n, table in enumerate(Document(str(path)).tables, 1):
        rows = []
        for number, row in enumerate(table.rows, 1):
            cells, last = [], None
            for cell in row.cells:
                # a cell merged across columns comes back once per column: keep it once
                text = "\n".join(p.text for p in cell.paragraphs)
                cells.append("" if cell._tc is last else nfc(text).strip())
                last = cell._tc
            rows.append((number, tuple(cells)))
        grids.append(Grid(f"table {n}", tuple(rows)))
    return grids


def _xlsx(path: Path) -> list[Grid]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        return [Grid(f"sheet {sheet.title}", tuple((number, tuple(cell_text(v) for v in values))
                                                   for number, values in enumerate(sheet.iter_rows(values_only=True), 1)))
                for sheet in book.worksheets]
    finally:
        book.close()


def _csv(path: Path) -> list[Grid]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        sample = fh.read(4096)
        fh.seek(0)
        try:
            dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = [(n, tuple(cell_text(c) for c in row)) for n, row in enumerate(csv.reader(fh, dialect), 1)]
    return [Grid("", tuple(rows))]


def read_grids(path: Path) -> list[Grid]:
    """Every table of *path*; ``ImportFileError`` (exit status 3) when it is not a
    readable .docx, .xlsx or .csv file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportFileError(N_("{path}: a plan is imported from a Word (.docx), Excel (.xlsx) or CSV (.csv) file."), path=str(path))
    if not path.is_file():
        if path.exists():
            raise ImportFileError(N_("{path} is not a file."), path=str(path))
        raise ImportFileError(N_("{path} does not exist."), path=str(path))
    try:
        if suffix == ".csv":
            return _csv(path)
        return _docx(path) if suffix == ".docx" else _xlsx(path)
    except OSError as exc:
        raise FileError.of(exc, N_("read the plan from"), path) from exc
    except UnicodeDecodeError as exc:
        raise ImportFileError(N_("{path} is not a CSV file in UTF-8."), path=str(path)) from exc
    except Exception as exc:  # python-docx and openpyxl raise several kinds for a damaged file
        kind = Msg(N_("a Word document (.docx)") if suffix == ".docx" else N_("an Excel workbook (.xlsx)"))
        raise ImportFileError(N_("{path} cannot be read as {kind}: the file is damaged or of another type."),
                              path=str(path), kind=kind) from exc


__all__ = ["Grid", "ImportFileError", "SUFFIXES", "cell_text", "read_grids"]
