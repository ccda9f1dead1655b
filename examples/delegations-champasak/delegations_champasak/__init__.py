"""A packaged plugin for delegations: the partner province Champasak (Lao PDR), a
cost model in which the host pays everything, a CSV exporter, a check of its own
with its message translated in the plugin's own catalog.

Install it into the program's environment (`.venv/bin/pip install examples/delegations-champasak`);
the entry point in pyproject.toml makes `delegations` load it at start. Its tests
(`tests/`) use `delegations.testing.planner_with`.
"""

import csv
import io
from pathlib import Path

from delegations.api import CostLine, MessageCatalog, N_, Organisation, Problem, Text, hookimpl

LOCALES = Path(__file__).parent / "locales"

PARTNER = Organisation(
    code="champasak",
    country="LA",
    name=Text.of(
        vi="Liên hiệp Công đoàn tỉnh Champasak",
        lo="ສະຫະພັນກຳມະບານແຂວງຈຳປາສັກ",
        en="Champasak Provincial Federation of Trade Unions",
    ),
    short_name=Text.of(vi="LHCĐ tỉnh Champasak", lo="ສະຫະພັນກຳມະບານແຂວງຈຳປາສັກ", en="Champasak FTU"),
    province=Text.of(vi="tỉnh Champasak", lo="ແຂວງຈຳປາສັກ", en="Champasak Province"),
    parent=Text.of(vi="Liên hiệp Công đoàn Lào", lo="ສະຫະພັນກຳມະບານລາວ", en="Lao Federation of Trade Unions"),
    default_cost_model="host_pays_all",
)


class HostPaysAll:
    """The host pays board and lodging and the travel inside its province; the
    sender pays only the journey to the border."""

    code = "host_pays_all"
    label = Text.of(vi="Bên đón tiếp chịu toàn bộ", lo="ຝ່າຍເຈົ້າພາບຮັບຜິດຊອບທັງໝົດ", en="Host pays everything")

    def cost_lines(self, delegation, home, partner):
        host = delegation.host(home.code)
        funding = "union_budget" if host == home.code else ""
        return (CostLine("board_lodging", host, funding), CostLine("transport", host, funding))


class CsvExporter:
    """The plan's delegations as a CSV table (one row per delegation), in the
    document language; for a bilingual export ("vi-lo") the first language."""

    format, suffix = "csv", ".csv"
    label = Text.of(vi="Bảng CSV", lo="ຕາຕະລາງ CSV", en="CSV table")

    def export(self, request):
        lang = request.languages[0]
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["seq", "direction", "partner", "name", "members", "year"])
        for d in request.delegations:
            partner = request.registry.partners.get(d.partner)
            writer.writerow([d.seq, d.direction.value, partner.short_name.get(lang) if partner else d.partner,
                             d.name.get(lang), d.members, d.timing.year])
        return out.getvalue().encode("utf-8")


@hookimpl
def register_partners(register):
    register(PARTNER)


@hookimpl
def register_cost_models(register):
    register(HostPaysAll())


@hookimpl
def register_exporters(register):
    register(CsvExporter())


@hookimpl
def register_locales(register):
    # the plugin's own messages, in its own gettext domain (locales/<lang>/LC_MESSAGES/delegations_champasak.mo)
    register(MessageCatalog("delegations_champasak", LOCALES))


@hookimpl
def validate_delegation(delegation, plan, registry):
    if delegation.partner == "champasak" and delegation.members > 15:
        return [Problem("members", N_("A delegation to Champasak has at most {n} members."), {"n": 15}, "warning")]
