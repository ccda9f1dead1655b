"""Built-in cost models.

- Reciprocal hosting (the convention of the 2020–2022 plan): the host pays
  board and lodging; the sender pays transport and, when the home federation
  is the sender, its support contribution to the partner. The home
  federation's lines are paid from the trade-union budget. It has no
  ``estimate``: its budget prices just the items its lines name.
- Norm-based estimate: the same payers, and a full budget by the rate table's
  norms: lodging and meals by role, per diem, refreshments, a banquet, gifts,
  interpreting, transport and the support contribution.
"""

from .. import hookimpl
from ..domain import CostLine, Delegation, Direction, Organisation, RateTable, Text
from ..domain import budget


def home_funding(home: Organisation):
    """The home federation pays from the trade-union budget; a partner's source is its own."""
    return lambda payer: "union_budget" if payer == home.code else ""


def reciprocal_lines(delegation: Delegation, home: Organisation) -> tuple[CostLine, ...]:
    host, sender = delegation.host(home.code), delegation.sender(home.code)
    funding = home_funding(home)
    lines = [CostLine("board_lodging", host, funding(host)), CostLine("transport", sender, funding(sender))]
    if delegation.direction is Direction.OUTBOUND:
        lines.append(CostLine("support", sender, funding(sender)))
    return tuple(lines)


class ReciprocalHosting:
    code = "reciprocal"
    label = Text.of(vi="Đón tiếp có đi có lại", lo="ການຕ້ອນຮັບແບບຕ່າງຕອບແທນ", en="Reciprocal hosting")

    def cost_lines(self, delegation: Delegation, home: Organisation, partner: Organisation) -> tuple[CostLine, ...]:
        return reciprocal_lines(delegation, home)


class NormBasedEstimate:
    code = "norms"
    label = Text.of(vi="Dự toán theo định mức", lo="ການຄາດຄະເນຕາມມາດຕະຖານ", en="Norm-based estimate")

    def cost_lines(self, delegation: Delegation, home: Organisation, partner: Organisation) -> tuple[CostLine, ...]:
        lines = list(reciprocal_lines(delegation, home))
        host, sender = delegation.host(home.code), delegation.sender(home.code)
        funding = home_funding(home)
        # Receiving: the host also pays reception, gifts and the interpreter (Thông tư 35/2026, Điều 16).
        # Travelling: the sender pays its members' per diem and the gifts it brings.
        extra = (("reception", host), ("gifts", host), ("interpreting", host)) if delegation.direction is Direction.INBOUND \
            else (("per_diem", sender), ("gifts", sender))
        for item, payer in extra:
            lines.append(CostLine(item, payer, funding(payer)))
        return tuple(lines)

    def estimate(self, delegation: Delegation, home: Organisation, table: RateTable):
        return budget.estimate(delegation, table, home.code, funding_for=home_funding(home))


@hookimpl
def register_cost_models(register):
    register(ReciprocalHosting())
    register(NormBasedEstimate())
