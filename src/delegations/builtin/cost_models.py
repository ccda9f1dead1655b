"""Built-in cost models.

- Reciprocal hosting (the convention of the 2020–2022 plan): the host pays
  board and lodging; the sender pays transport and, when the home federation
  is the sender, its support contribution to the partner. The home
  federation's lines are paid from the trade-union budget. It has no
  ``estimate``: its budget prices just the items its lines name.
- Norm-based estimate: the same payers, and a full budget by the rate table's
  norms: lodging and meals by role, per diem, refreshments, a banquet, gifts,
  interpreting, transport and the support contribution.
- Guests pay board and lodging (Thông tư 35/2026, Điều 16): the guests pay
  their own lodging and meals and their travel; the host pays reception,
  gifts and the interpreter.
- Guests pay all but courtesy costs (Thông tư 35/2026, Điều 18): every line
  is the guests' except the refreshments of the working sessions.
- Co-organised (Thông tư 35/2026, Điều 27): the two sides share the costs as they
  agreed; each line is paid by the side the delegation's cost lines name, and an
  item no line names is left out of the estimate and listed until a side is agreed.

Each line of the last three cites the rule its amount follows and, for the
circular's modes, the article that decides who pays.
"""

from dataclasses import replace


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


ART_16_TEXT = Text.of(
    vi="Điều 16 Thông tư 35/2026/TT-BTC: khách tự trả tiền ăn, ở; bên đón trả chi phí đón tiếp, phiên dịch, quà tặng",
    lo="ມາດຕາ 16 Thông tư 35/2026/TT-BTC: ແຂກຈ່າຍຄ່າອາຫານ, ຄ່າພັກເອງ; ຝ່າຍຕ້ອນຮັບຈ່າຍຄ່າຕ້ອນຮັບ, ຄ່າແປພາສາ, ຂອງຂວັນ",
    en="Article 16, Thông tư 35/2026/TT-BTC: the guests pay their board and lodging; the host pays reception, interpreting and gifts")
ART_18_TEXT = Text.of(
    vi="Điều 18 Thông tư 35/2026/TT-BTC: khách tự trả mọi chi phí, trừ nước uống, hoa quả các buổi làm việc",
    lo="ມາດຕາ 18 Thông tư 35/2026/TT-BTC: ແຂກຈ່າຍທຸກຄ່າໃຊ້ຈ່າຍເອງ, ຍົກເວັ້ນນ້ຳດື່ມ, ໝາກໄມ້ ໃນການເຮັດວຽກ",
    en="Article 18, Thông tư 35/2026/TT-BTC: the guests pay all costs except drinks and fruit at the working sessions")
ART_16 = ART_16_TEXT.get("vi")
ART_18 = ART_18_TEXT.get("vi")


def _cited(lines, article: str, payer_of=None, funding=None):
    """*lines* citing *article* beside their own rule; *payer_of* (line -> payer) re-assigns who pays."""
    out = []
    for line in lines:
        payer = payer_of(line) if payer_of else line.payer
        out.append(replace(line, payer=payer, funding=funding(payer) if funding else line.funding,
                           article="; ".join(a for a in (line.article, article) if a)))
    return out


class GuestsPayBoard:
    """Thông tư 35/2026 Điều 16: the guests pay their board and lodging (and their travel);
    the host pays reception, gifts and the interpreter."""

    code = "art16"
    articles = {ART_16: ART_16_TEXT}   # the rule it cites, in each language, for documents
    label = Text.of(vi="Khách tự trả ăn, ở (Điều 16 TT 35/2026)", lo="ແຂກຈ່າຍຄ່າກິນ, ຄ່າພັກເອງ (ມາດຕາ 16 TT 35/2026)",
                    en="Guests pay board and lodging (Art. 16, Circular 35/2026)")

    def cost_lines(self, delegation: Delegation, home: Organisation, partner: Organisation) -> tuple[CostLine, ...]:
        host, guests = delegation.host(home.code), delegation.sender(home.code)
        funding = home_funding(home)
        pays = (("board_lodging", guests), ("transport", guests), ("reception", host), ("gifts", host), ("interpreting", host))
        return tuple(CostLine(item, payer, funding(payer)) for item, payer in pays)

    def estimate(self, delegation: Delegation, home: Organisation, table: RateTable):
        return _cited(budget.estimate(delegation, table, home.code, funding_for=home_funding(home)), ART_16)


class GuestsPayAll:
    """Thông tư 35/2026 Điều 18: the guests pay everything but the refreshments of the
    working sessions, which the host pays."""

    code = "art18"
    articles = {ART_18: ART_18_TEXT}   # the rule it cites, in each language, for documents
    label = Text.of(vi="Khách tự trả mọi chi phí (Điều 18 TT 35/2026)", lo="ແຂກຈ່າຍທຸກຄ່າໃຊ້ຈ່າຍເອງ (ມາດຕາ 18 TT 35/2026)",
                    en="Guests pay all but courtesy costs (Art. 18, Circular 35/2026)")

    def cost_lines(self, delegation: Delegation, home: Organisation, partner: Organisation) -> tuple[CostLine, ...]:
        host, guests = delegation.host(home.code), delegation.sender(home.code)
        funding = home_funding(home)
        pays = (("board_lodging", guests), ("transport", guests), ("reception", host), ("gifts", guests), ("interpreting", guests))
        return tuple(CostLine(item, payer, funding(payer)) for item, payer in pays)

    def estimate(self, delegation: Delegation, home: Organisation, table: RateTable):
        host, guests = delegation.host(home.code), delegation.sender(home.code)
        lines = budget.estimate(delegation, table, home.code, funding_for=home_funding(home))
        return _cited(lines, ART_18, lambda ln: host if ln.item == "refreshments" else guests, home_funding(home))


ART_27_TEXT = Text.of(
    vi="Điều 27 Thông tư 35/2026/TT-BTC: hoạt động phối hợp tổ chức, dự toán ghi rõ bên chi trả từng khoản theo thỏa thuận",
    lo="ມາດຕາ 27 Thông tư 35/2026/TT-BTC: ກິດຈະກຳຮ່ວມກັນຈັດຕັ້ງ, ງົບປະມານລະບຸຢ່າງຈະແຈ້ງຝ່າຍທີ່ຈ່າຍແຕ່ລະລາຍການຕາມການຕົກລົງ",
    en="Article 27, Thông tư 35/2026/TT-BTC: for a co-organised activity, the estimate names the side paying each item as agreed")
ART_27 = ART_27_TEXT.get("vi") + " (chưa đối chiếu văn bản chính thức)"   # the officer's remark: not for documents


class CoOrganised:
    """Thông tư 35/2026 Điều 27: for an activity organised with the partner, the budget says
    which side pays each item. The delegation's cost lines (what the sides agreed) name the
    payers; the items of the table they do not name are not estimated and are listed in the
    budget's notes (``names_every_payer``) until the officer adds a cost line for them."""

    code = "art27"
    articles = {ART_27: ART_27_TEXT}   # the rule it cites, in each language, for documents
    names_every_payer = True
    label = Text.of(vi="Phối hợp tổ chức, ghi rõ bên chi từng khoản (Điều 27 TT 35/2026)",
                    lo="ຮ່ວມກັນຈັດຕັ້ງ, ລະບຸຝ່າຍຈ່າຍແຕ່ລະລາຍການ (ມາດຕາ 27 TT 35/2026)",
                    en="Co-organised, each item's payer named (Art. 27, Circular 35/2026)")

    def cost_lines(self, delegation: Delegation, home: Organisation, partner: Organisation) -> tuple[CostLine, ...]:
        return delegation.cost_lines

    def estimate(self, delegation: Delegation, home: Organisation, table: RateTable):
        named = {c.item for c in delegation.cost_lines}
        lines = budget.estimate(delegation, table, home.code, include=lambda r: r.cost_item in named, funding_for=home_funding(home))
        return _cited(lines, ART_27)


@hookimpl
def register_cost_models(register):
    register(ReciprocalHosting())
    register(NormBasedEstimate())
    register(GuestsPayBoard())
    register(GuestsPayAll())
    register(CoOrganised())
