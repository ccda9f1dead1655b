"""Partner: the trade-union federation of Savannakhet province (Lao PDR).

Lao spellings follow the names the federation uses in its correspondence
(province: ແຂວງສະຫວັນນະເຂດ); the federation's Lao name is the usual form
"ສະຫະພັນກຳມະບານແຂວງ…" and should be checked against its letterhead.
"""

from delegations import hookimpl
from delegations.domain import Organisation, Text

PARTNER = Organisation(
    code="savannakhet",
    country="LA",
    name=Text.of(
        vi="Liên hiệp Công đoàn tỉnh Savannakhet",
        lo="ສະຫະພັນກຳມະບານແຂວງສະຫວັນນະເຂດ",
        en="Savannakhet Provincial Federation of Trade Unions",
    ),
    short_name=Text.of(vi="LHCĐ tỉnh Savannakhet", lo="ສະຫະພັນກຳມະບານແຂວງສະຫວັນນະເຂດ", en="Savannakhet FTU"),
    province=Text.of(vi="tỉnh Savannakhet", lo="ແຂວງສະຫວັນນະເຂດ", en="Savannakhet Province"),
    parent=Text.of(vi="Liên hiệp Công đoàn Lào", lo="ສະຫະພັນກຳມະບານລາວ", en="Lao Federation of Trade Unions"),
    # The host pays board and lodging; the sender pays transport and support.
    default_cost_model="reciprocal",
)


@hookimpl
def register_partners(register):
    register(PARTNER)
