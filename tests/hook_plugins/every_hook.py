"""A plugin that implements every hook, loaded from a folder as the officer's own
plugins are (tests/test_hooks.py checks what each one does)."""

from pathlib import Path

from delegations import hookimpl
from delegations.domain import CostLine, Organisation, Problem, Text
from delegations.errors import N_
from delegations.budget.tables import load_table
from delegations.registry import CostItem, FundingSource, LocaleInfo

HERE = Path(__file__).parent


@hookimpl
def register_partners(register):
    register(Organisation(
        code="sekong", country="LA",
        name=Text.of(vi="Liên hiệp Công đoàn tỉnh Sekong", lo="ສະຫະພັນກຳມະບານແຂວງເຊກອງ", en="Sekong Provincial Federation of Trade Unions"),
        short_name=Text.of(vi="LHCĐ tỉnh Sekong", lo="ສະຫະພັນກຳມະບານແຂວງເຊກອງ", en="Sekong FTU"),
        province=Text.of(vi="tỉnh Sekong", lo="ແຂວງເຊກອງ", en="Sekong Province"),
        default_cost_model="split_evenly",
    ))


@hookimpl
def register_cost_items(register):
    register(CostItem("visas", Text.of(vi="lệ phí thị thực", lo="ຄ່າວີຊາ", en="visa fees")))
    register(FundingSource("project_fund", Text.of(vi="nguồn dự án hợp tác", lo="ກອງທຶນໂຄງການ", en="cooperation project fund")))


class SplitEvenly:
    code = "split_evenly"
    label = Text.of(vi="Mỗi bên tự chi", lo="ແຕ່ລະຝ່າຍຈ່າຍເອງ", en="Each side pays its own")

    def cost_lines(self, delegation, home, partner):
        sender = delegation.sender(home.code)
        return (CostLine("board_lodging", sender, "project_fund"), CostLine("visas", sender, "project_fund"))

    def estimate(self, delegation, home, table):
        from delegations.domain import budget

        return budget.estimate(delegation, table, home.code, include=lambda rate: rate.item == "lodging")


@hookimpl
def register_cost_models(register):
    register(SplitEvenly())


@hookimpl
def register_rate_tables(register):
    register(load_table(HERE / "sekong-rates.json"))


@hookimpl
def register_locales(register):
    register(LocaleInfo("th", Text.of(vi="Tiếng Thái", en="Thai"), catalog_dir=HERE / "locales"))


class CsvExporter:
    format, suffix = "csv", ".csv"
    label = Text.of(vi="Bảng CSV", en="CSV table")

    def export(self, request):
        rows = [f"{d.seq},{d.name.get(request.lang)}" for d in request.delegations]
        return "\n".join(rows).encode("utf-8")


@hookimpl
def register_exporters(register):
    register(CsvExporter())


@hookimpl
def validate_delegation(delegation, plan, registry):
    if delegation.members > 12:
        return [Problem("members", N_("More than {n} members needs approval."), {"n": 12}, "warning")]


@hookimpl
def validate_plan(plan, delegations, registry):
    if len(delegations) < 5:
        return [Problem("plan", N_("Fewer than {n} delegations."), {"n": 5}, "warning")]


@hookimpl
def validate_schedule(delegation, plan, others, own_dates, registry):
    if delegation.partner != "sekong":
        return None
    same_year = [o.seq for o in others if o.partner == "sekong" and o.timing.year == delegation.timing.year]
    congress = [d.name.get() for d in own_dates if d.start.year == delegation.timing.year]
    if same_year or congress:
        return [Problem("timing", N_("Sekong in {year}: delegations {seqs}; dates {names}."),
                        {"year": delegation.timing.year, "seqs": same_year, "names": congress}, "warning")]
