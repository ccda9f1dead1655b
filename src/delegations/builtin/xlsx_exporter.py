"""Built-in exporter: the plan as an Excel workbook (``export --format xlsx``), one sheet
per section of the plan (its delegations, its budget by item, by delegation, by paying
organisation, by funding source). openpyxl is imported only when a workbook is made."""

from .. import hookimpl
from ..domain import Text


class PlanWorkbookExporter:
    """The plan's table and budget as sheets of real numbers, dates and ``=SUM`` totals.
    ``wants_budget``: the export computes the budget of the delegations exported."""

    format = "xlsx"
    suffix = ".xlsx"
    wants_budget = True
    label = Text.of(vi="Bảng tính Excel (Kế hoạch và dự toán)", lo="ຕາຕະລາງ Excel (ແຜນການ ແລະ ງົບປະມານ)",
                    en="Excel workbook (plan and budget)")

    def export(self, request) -> bytes:
        from ..xlsx.plan_workbook import plan_workbook

        return plan_workbook(request)


@hookimpl
def register_exporters(register):
    register(PlanWorkbookExporter())
