"""Built-in cost model: reciprocal hosting, the convention of the 2020–2022 plan.

The host pays board and lodging; the sender pays transport and, when the home
federation is the sender, its support contribution to the partner. The home
federation's lines are paid from the trade-union budget.
"""

from .. import hookimpl
from ..domain import CostLine, Delegation, Direction, Organisation, Text


class ReciprocalHosting:
    code = "reciprocal"
    label = Text.of(vi="Đón tiếp có đi có lại", lo="ການຕ້ອນຮັບແບບຕ່າງຕອບແທນ", en="Reciprocal hosting")

    def cost_lines(self, delegation: Delegation, home: Organisation, partner: Organisation) -> tuple[CostLine, ...]:
        host, sender = delegation.host(home.code), delegation.sender(home.code)

        def funding(payer: str) -> str:
            return "union_budget" if payer == home.code else ""

        lines = [CostLine("board_lodging", host, funding(host))]
        lines.append(CostLine("transport", sender, funding(sender)))
        if delegation.direction is Direction.OUTBOUND:
            lines.append(CostLine("support", sender, funding(sender)))
        return tuple(lines)


@hookimpl
def register_cost_models(register):
    register(ReciprocalHosting())
