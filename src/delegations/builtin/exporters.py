"""Built-in exporter: the plan as the official PDF document (ReportLab).

ReportLab is imported only when a PDF is made, so start-up stays fast.
"""

from .. import hookimpl
from ..domain import Text


class PdfExporter:
    format = "pdf"
    suffix = ".pdf"
    label = Text.of(vi="Văn bản PDF (Kế hoạch)", lo="ເອກະສານ PDF", en="PDF document (plan)")

    def export(self, request) -> bytes:
        from ..pdf.document import build_pdf

        return build_pdf(request)


class DocumentExporter:
    """One of a delegation's documents (``document = True``: exported with
    ``export --document KIND --seq N``; the request carries ``delegation``)."""

    suffix = ".pdf"
    document = True

    def __init__(self, kind: str, label: Text):
        self.format, self.label = kind, label

    def export(self, request) -> bytes:
        from ..documents import DocumentWriter
        from ..pdf.official import build_official_pdf

        model = DocumentWriter(request, request.delegation, request.planned).build(self.format)
        return build_official_pdf(request, model)


class BudgetDocumentExporter:
    """The estimate (``budget``) or the settlement (``settlement``) of one delegation,
    or of the whole plan without ``--seq``, as an official PDF (the request carries ``budget``)."""

    suffix = ".pdf"
    document = True
    budget_document = True

    def __init__(self, kind: str, label: Text):
        self.format, self.label = kind, label

    def export(self, request) -> bytes:
        from ..budget.documents import BudgetDocumentWriter
        from ..pdf.official import build_official_pdf

        model = BudgetDocumentWriter(request, request.budget, request.delegation).build(self.format)
        return build_official_pdf(request, model)


class BudgetWorkbookExporter(BudgetDocumentExporter):
    """The estimate or the settlement as an Excel workbook (``--format xlsx``): the same
    document model, written one line per row."""

    suffix = ".xlsx"

    def export(self, request) -> bytes:
        from ..budget.documents import BudgetDocumentWriter
        from ..budget.xlsx import workbook_bytes

        return workbook_bytes(BudgetDocumentWriter(request, request.budget, request.delegation).build(self.kind))

    @property
    def kind(self) -> str:
        return self.format.split(".", 1)[0]


BUDGET_LABELS = {
    "budget": Text.of(vi="Dự toán kinh phí", lo="ງົບປະມານຄາດຄະເນ", en="Budget estimate"),
    "settlement": Text.of(vi="Quyết toán kinh phí", lo="ການສະຫຼຸບງົບປະມານ", en="Budget settlement"),
}

DOCUMENT_LABELS = {
    "proposal": Text.of(vi="Tờ trình", lo="ໜັງສືສະເໜີ", en="Proposal"),
    "decision": Text.of(vi="Quyết định cử đoàn", lo="ຂໍ້ຕົກລົງແຕ່ງຕັ້ງຄະນະ", en="Decision sending the delegation"),
    "invitation": Text.of(vi="Giấy mời", lo="ໜັງສືເຊີນ", en="Invitation"),
    "programme": Text.of(vi="Chương trình làm việc", lo="ແຜນການເຮັດວຽກ", en="Working programme"),
    "roster": Text.of(vi="Danh sách đoàn", lo="ລາຍຊື່ຄະນະ", en="List of the delegation"),
    "report": Text.of(vi="Báo cáo kết quả", lo="ບົດລາຍງານຜົນ", en="Report on results"),
}


@hookimpl
def register_exporters(register):
    register(PdfExporter())
    for kind, label in DOCUMENT_LABELS.items():
        register(DocumentExporter(kind, label))
    for kind, label in BUDGET_LABELS.items():
        register(BudgetDocumentExporter(kind, label))
        register(BudgetWorkbookExporter(f"{kind}.xlsx", label))
