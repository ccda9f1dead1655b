"""Partner: the trade-union federation of Salavan province (Lao PDR).

Province: ແຂວງສາລະວັນ. The federation's Lao name is the usual form
"ສະຫະພັນກຳມະບານແຂວງ…" and should be checked against its letterhead.
"""

from delegations import hookimpl
from delegations.domain import Organisation, Text

PARTNER = Organisation(
    code="salavan",
    country="LA",
    name=Text.of(
        vi="Liên hiệp Công đoàn tỉnh Salavan",
        lo="ສະຫະພັນກຳມະບານແຂວງສາລະວັນ",
        en="Salavan Provincial Federation of Trade Unions",
    ),
    short_name=Text.of(vi="LHCĐ tỉnh Salavan", lo="ສະຫະພັນກຳມະບານແຂວງສາລະວັນ", en="Salavan FTU"),
    province=Text.of(vi="tỉnh Salavan", lo="ແຂວງສາລະວັນ", en="Salavan Province"),
    parent=Text.of(vi="Liên hiệp Công đoàn Lào", lo="ສະຫະພັນກຳມະບານລາວ", en="Lao Federation of Trade Unions"),
    # The host pays board and lodging; the sender pays transport and support.
    default_cost_model="reciprocal",
)


@hookimpl
def register_partners(register):
    register(PARTNER)
