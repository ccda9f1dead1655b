"""Importing an existing plan from the table of a Word document, an Excel workbook or
a CSV file: columns found by their headers whatever the wording, each row turned into a
delegation and checked like one saved from a form; all rows are stored or none.

``preview`` reads and checks, ``commit`` stores (one undoable change).
"""

from .readers import SUFFIXES, ImportFileError
from .rows import Finding, RowResult
from .service import IMPORT, ImportRefused, Preview, commit, preview

__all__ = ["IMPORT", "SUFFIXES", "Finding", "ImportFileError", "ImportRefused", "Preview", "RowResult", "commit", "preview"]
