"""Plans with long, realistic texts, made the same way every time (for the page-geometry checks).

Every delegation has Vietnamese and Lao texts: a long name, a long leader
position (and often a name), several activities of a sentence or two, cost
lines with details; dates with two-digit days and months. Some rows are taller
than a whole landscape page (``TALL_EVERY``, and the only row of a one-row plan).
"""

from __future__ import annotations

import random
from datetime import date

from delegations.domain import Text
from delegations.domain.delegation import CostLine, DayRange, Delegation, Direction, Leader, Timing

HOME = "quangtri"
PARTNERS = ("savannakhet", "salavan")
TALL_EVERY = 13  # rows 1, 14, 27, … carry a long programme: each is taller than a page

# (Vietnamese, Lao) pairs, as an officer writes them.
ACTIVITIES = (
    ("Trao đổi kinh nghiệm về công tác tuyên truyền, phổ biến, giáo dục pháp luật cho đoàn viên, người lao động "
     "tại các doanh nghiệp có vốn đầu tư nước ngoài trên địa bàn tỉnh",
     "ແລກປ່ຽນບົດຮຽນກ່ຽວກັບວຽກງານໂຄສະນາ ເຜີຍແຜ່ກົດໝາຍ ໃຫ້ແກ່ສະມາຊິກກຳມະບານ ແລະ ຜູ້ອອກແຮງງານ ຢູ່ບັນດາວິສາຫະກິດ"),
    ("Đi thực tế tại một số công đoàn cơ sở trong khu công nghiệp Nam Đông Hà, tìm hiểu mô hình nhà ở công nhân "
     "và thiết chế văn hóa",
     "ລົງຢ້ຽມຢາມກຳມະບານຮາກຖານ ຢູ່ເຂດອຸດສາຫະກຳ ແລະ ສຶກສາຮູບແບບທີ່ພັກອາໄສຂອງກຳມະກອນ"),
    ("Tọa đàm về chăm lo đời sống, bảo vệ quyền, lợi ích hợp pháp, chính đáng của đoàn viên và người lao động",
     "ສຳມະນາກ່ຽວກັບການປົກປ້ອງສິດ ແລະ ຜົນປະໂຫຍດອັນຊອບທຳ ຂອງສະມາຊິກກຳມະບານ ແລະ ຜູ້ອອກແຮງງານ"),
    ("Thăm hỏi, tặng quà gia đình đoàn viên có hoàn cảnh khó khăn ở các huyện biên giới Hướng Hóa, Đakrông",
     "ຢ້ຽມຢາມ ແລະ ມອບຂອງຂວັນໃຫ້ຄອບຄົວສະມາຊິກ ທີ່ມີຄວາມຫຍຸ້ງຍາກ ຢູ່ບັນດາເມືອງຊາຍແດນ"),
    ("Trao đổi về phát triển đoàn viên, thành lập công đoàn cơ sở và xây dựng quan hệ lao động hài hòa, ổn định, "
     "tiến bộ trong doanh nghiệp",
     "ແລກປ່ຽນກ່ຽວກັບການຂະຫຍາຍສະມາຊິກ ການສ້າງຕັ້ງກຳມະບານຮາກຖານ ແລະ ການພົວພັນແຮງງານທີ່ກົມກຽວ"),
    ("Thống nhất nội dung hợp tác giai đoạn tiếp theo và ký biên bản ghi nhớ giữa hai bên",
     "ເຫັນດີເປັນເອກະພາບ ເນື້ອໃນການຮ່ວມມືໄລຍະຕໍ່ໄປ ແລະ ເຊັນບົດບັນທຶກຄວາມເຂົ້າໃຈ ລະຫວ່າງສອງຝ່າຍ"),
    ("Tham quan Thành cổ Quảng Trị, Địa đạo Vịnh Mốc và dâng hương tại Nghĩa trang liệt sĩ quốc gia Trường Sơn",
     "ທ່ຽວຊົມເມືອງບູຮານກວາງຈິ ອຸໂມງວິງໝົກ ແລະ ຈູດທູບທີ່ສຸສານວິລະຊົນແຫ່ງຊາດເຈື່ອງເຊີນ"),
    ("Làm việc với Sở Lao động - Thương binh và Xã hội về đưa người lao động đi làm việc có thời hạn",
     "ເຮັດວຽກກັບພະແນກແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ ກ່ຽວກັບການສົ່ງແຮງງານໄປເຮັດວຽກ"),
)
POSITIONS = (
    ("Phó Chủ tịch Thường trực Liên đoàn Lao động tỉnh Quảng Trị, Trưởng ban Tổ chức kiêm Chánh Văn phòng",
     "ຮອງປະທານປະຈຳສະຫະພັນກຳມະບານແຂວງກວາງຈິ ຫົວໜ້າພະແນກຈັດຕັ້ງ"),
    ("Chủ tịch Liên đoàn Lao động tỉnh Quảng Trị", "ປະທານສະຫະພັນກຳມະບານແຂວງກວາງຈິ"),
    ("Trưởng ban Tuyên giáo - Nữ công Liên đoàn Lao động tỉnh", "ຫົວໜ້າພະແນກໂຄສະນາອົບຮົມ ແລະ ແມ່ຍິງ"),
)
NAMES = ("", "Nguyễn Đăng Bảo", "Lê Thị Thu Hương", "Trần Văn Quang")
DETAILS = (("", ""), ("của đoàn theo định mức hiện hành", "ຂອງຄະນະ ຕາມມາດຕະຖານ"))


def _timing(rng: random.Random, year: int) -> Timing:
    kind = rng.randrange(3)
    if kind == 0:
        return Timing(year)
    if kind == 1:
        return Timing(year, month=rng.choice((10, 11, 12, 9)))
    start = date(year, rng.choice((10, 11, 12)), rng.randrange(10, 24))
    return Timing(year, start=start, end=start.replace(day=start.day + rng.randrange(2, 6)))


def long_delegations(n: int, plan_id: str, seed: int = 12) -> list[Delegation]:
    """*n* delegations with long texts; row 1 and every ``TALL_EVERY``-th after it are taller than a page."""
    rng = random.Random(seed * 1000 + n)
    out = []
    for i in range(n):
        direction = Direction.OUTBOUND if i % 2 == 0 else Direction.INBOUND
        partner = PARTNERS[(i // 2) % 2]
        province = "Savannakhet" if partner == "savannakhet" else "Salavan"
        lo_province = "ສະຫວັນນະເຂດ" if partner == "savannakhet" else "ສາລະວັນ"
        if direction is Direction.OUTBOUND:
            name = Text.of(vi=f"Đoàn cán bộ Liên đoàn Lao động tỉnh Quảng Trị thăm và làm việc tại tỉnh {province} (lần {i + 1})",
                           lo=f"ຄະນະຜູ້ແທນສະຫະພັນກຳມະບານແຂວງກວາງຈິ ຢ້ຽມຢາມ ແລະ ເຮັດວຽກຢູ່ແຂວງ{lo_province} (ຄັ້ງທີ {i + 1})")
        else:
            name = Text.of(vi=f"Đoàn Liên hiệp Công đoàn tỉnh {province} sang thăm và trao đổi kinh nghiệm (lần {i + 1})",
                           lo=f"ຄະນະຜູ້ແທນສະຫະພັນກຳມະບານແຂວງ{lo_province} ມາຢ້ຽມຢາມ ແລະ ແລກປ່ຽນບົດຮຽນ (ຄັ້ງທີ {i + 1})")
        vi_pos, lo_pos = rng.choice(POSITIONS)
        tall = i % TALL_EVERY == 0
        count = 14 if tall else rng.randrange(2, 6)
        activities = tuple(Text.of(vi=vi, lo=lo) for vi, lo in (rng.choice(ACTIVITIES) for _ in range(count)))
        sender, host = (HOME, partner) if direction is Direction.OUTBOUND else (partner, HOME)
        vi_detail, lo_detail = rng.choice(DETAILS)
        detail = Text.of(vi=vi_detail, lo=lo_detail) if vi_detail else Text()
        cost_lines = (CostLine("board_lodging", host, "union_budget" if host == HOME else "", detail),
                      CostLine("transport", sender, "union_budget" if sender == HOME else ""),
                      CostLine("support", sender, "union_budget" if sender == HOME else "", detail))
        low = rng.randrange(3, 9)
        out.append(Delegation(
            id=f"g{i + 1}", plan_id=plan_id, seq=i + 1, direction=direction, partner=partner, name=name,
            leader=Leader(Text.of(vi=vi_pos, lo=lo_pos), rng.choice(NAMES)), members=rng.randrange(5, 26),
            duration=DayRange(low, low + rng.randrange(0, 3)), timing=_timing(rng, 2020 + i % 3),
            activities=activities, cost_lines=cost_lines,
        ))
    return out
