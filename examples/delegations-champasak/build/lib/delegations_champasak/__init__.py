"""A packaged plugin for delegations: the partner province Champasak (Lao PDR) and a
cost model in which the host pays everything.

Install it into the program's environment (`.venv/bin/pip install examples/delegations-champasak`);
the entry point in pyproject.toml makes `delegations` load it at start.
"""

from delegations import hookimpl
from delegations.domain import CostLine, Organisation, Text

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


@hookimpl
def register_partners(register):
    register(PARTNER)


@hookimpl
def register_cost_models(register):
    register(HostPaysAll())
