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


@hookimpl
def register_exporters(register):
    register(PdfExporter())
