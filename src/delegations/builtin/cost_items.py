"""Built-in cost items and funding sources, as the plan documents name them."""

from .. import hookimpl
from ..domain import Text
from ..registry import CostItem, FundingSource

COST_ITEMS = (
    CostItem("board_lodging", Text.of(vi="chi phí ăn, nghỉ", lo="ຄ່າອາຫານ ແລະ ທີ່ພັກ", en="board and lodging")),
    CostItem("transport", Text.of(vi="chi phí về phương tiện đi lại", lo="ຄ່າພາຫະນະເດີນທາງ", en="transport")),
    CostItem("support", Text.of(vi="kinh phí hỗ trợ cho bạn", lo="ເງິນສະໜັບສະໜູນໃຫ້ຝ່າຍຄູ່ຮ່ວມມື", en="support contribution to the partner")),
    CostItem("gifts", Text.of(vi="chi phí quà tặng", lo="ຄ່າຂອງຂວັນ", en="gifts")),
    CostItem("interpreting", Text.of(vi="chi phí phiên dịch", lo="ຄ່າແປພາສາ", en="interpreting")),
    CostItem("reception", Text.of(vi="chi phí tiếp khách (giải khát, chiêu đãi)", lo="ຄ່າຕ້ອນຮັບ (ເຄື່ອງດື່ມ, ງານລ້ຽງ)", en="reception (refreshments, banquet)")),
    CostItem("per_diem", Text.of(vi="phụ cấp lưu trú", lo="ເບ້ຍລ້ຽງ", en="per diem")),
)

FUNDING_SOURCES = (
    FundingSource("union_budget", Text.of(vi="nguồn ngân sách công đoàn", lo="ງົບປະມານກຳມະບານ", en="trade-union budget")),
    FundingSource("state_budget", Text.of(vi="nguồn ngân sách nhà nước", lo="ງົບປະມານແຫ່ງລັດ", en="state budget")),
)


@hookimpl
def register_cost_items(register):
    for item in COST_ITEMS + FUNDING_SOURCES:
        register(item)
