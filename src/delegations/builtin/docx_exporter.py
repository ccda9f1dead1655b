"""Built-in exporters of Word files (``--format docx``): the plan, each document of a
delegation (``export --document KIND --seq N --format docx``) and the budget's
estimate and settlement (``export --document budget|settlement --format docx``).

Each builds the same ``OfficialDocument`` as the PDF and hands it to the Word
renderer (``delegations.docx``); the kinds are keyed "proposal.docx", "budget.docx"…,
as the command line asks for a second format of a document.
"""

from __future__ import annotations

from .. import hookimpl
from ..domain import Text
from .exporters import BUDGET_LABELS, DOCUMENT_LABELS


class DocxExporter:
    """The plan as a Word document: its table on landscape pages."""

    format = "docx"
    suffix = ".docx"
    label = Text.of(vi="Văn bản Word (Kế hoạch)", lo="ເອກະສານ Word (ແຜນການ)", en="Word document (plan)")

    def export(self, request) -> bytes:
        from ..docx import build_docx
        from ..plan_model import plan_document

        return build_docx(request, plan_document(request))


class DocumentDocxExporter:
    """One of a delegation's documents as a Word file (``document = True``; the request carries ``delegation``)."""

    suffix = ".docx"
    document = True

    def __init__(self, kind: str, label: Text):
        self.format, self.label = f"{kind}.docx", label
        self.kind = kind

    def export(self, request) -> bytes:
        from ..docx import build_docx
        from ..documents import DocumentWriter

        return build_docx(request, DocumentWriter(request, request.delegation, request.planned).build(self.kind))


class BudgetDocxExporter(DocumentDocxExporter):
    """The estimate (``budget``) or the settlement (``settlement``), of one delegation or of
    the whole plan, as a Word file (the request carries ``budget``)."""

    budget_document = True

    def export(self, request) -> bytes:
        from ..budget.documents import BudgetDocumentWriter
        from ..docx import build_docx

        return build_docx(request, BudgetDocumentWriter(request, request.budget, request.delegation).build(self.kind))


@hookimpl
def register_exporters(register):
    register(DocxExporter())
    for kind, label in DOCUMENT_LABELS.items():
        register(DocumentDocxExporter(kind, label))
    for kind, label in BUDGET_LABELS.items():
        register(BudgetDocxExporter(kind, label))
