"""Make the README's pictures of the delegation documents: page 1 of each kind as PNG
under docs/ (poppler's pdftoppm), from the shipped plan with an example roster,
programme and outcome in a temporary database.

    python scripts/document_previews.py
"""

from __future__ import annotations

import subprocess
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

from delegations import lifecycle
from delegations.defaults import default_data
from delegations.domain import ActualCost, Approval, Money, Outcome, Person, ProgrammeItem, Sex, Status, Text
from delegations.exporting import export_document
from delegations.services import Planner
from delegations.store.storage import dumps

ROOT = Path(__file__).resolve().parents[1]
PEOPLE = (
    ("Nguyễn Đăng Bảo", "Phó Chủ tịch Thường trực LĐLĐ tỉnh Quảng Trị", Sex.MALE, date(1968, 4, 12), "C2345678", "ຫງວຽນ ດັງ ບາວ", "leader"),
    ("Lê Thị Hương", "Trưởng Ban Tuyên giáo LĐLĐ tỉnh Quảng Trị", Sex.FEMALE, date(1979, 9, 3), "C3456789", "ເລ ທິ ເຫືອງ", "member"),
    ("Trần Văn Minh", "Chủ tịch LĐLĐ huyện Hướng Hóa", Sex.MALE, date(1975, 1, 20), "C4567890", "ຕຣັນ ວັນ ມິງ", "member"),
    ("Phạm Thị Lan", "Chuyên viên Văn phòng LĐLĐ tỉnh", Sex.FEMALE, date(1988, 6, 15), "C5678901", "ຟາມ ທິ ລານ", "interpreter"),
)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "db.json"
        db.write_text(dumps(default_data()), encoding="utf-8")
        with Planner.open(db) as p:
            plan = p.plan()
            people = [Person(n, Text.of(pos), sex, born, pp, date(2030, 1, 1), lao, role) for n, pos, sex, born, pp, lao, role in PEOPLE]
            for seq, programme in ((1, ((date(2020, 6, 2), "08:00", "Làm việc với LHCĐ tỉnh Savannakhet", "ເຮັດວຽກກັບສະຫະພັນກຳມະບານແຂວງສະຫວັນນະເຂດ", "Kaysone Phomvihane"),
                                        (date(2020, 6, 3), "08:30", "Thăm công đoàn cơ sở nhà máy", "ຢ້ຽມຢາມກຳມະບານຮາກຖານໂຮງງານ", "Savannakhet"))),
                                   (3, ((date(2022, 5, 10), "08:30", "Đón đoàn tại cửa khẩu quốc tế Lao Bảo", "ຕ້ອນຮັບຄະນະທີ່ດ່ານສາກົນລາວບາວ", "Lao Bảo"),
                                        (date(2022, 5, 11), "08:00", "Toạ đàm trao đổi kinh nghiệm hoạt động công đoàn", "ສຳມະນາແລກປ່ຽນບົດຮຽນວຽກງານກຳມະບານ", "Đông Hà"),
                                        (date(2022, 5, 12), "14:00", "Thăm Khu công nghiệp Nam Đông Hà", "ຢ້ຽມຢາມເຂດອຸດສາຫະກຳ", "Đông Hà")))):
                d = p.delegation(plan.id, seq)
                d, _ = lifecycle.import_roster(p, d, people)
                for day, time, vi, lo, place in programme:
                    d, _ = lifecycle.add_programme_item(p, d, ProgrammeItem(day, Text.of(vi=vi, lo=lo), time, Text.of(vi=place)))
            d = p.delegation(plan.id, 1)
            d, _ = lifecycle.change_status(p, d, Status.PROPOSED, date(2020, 5, 1))
            d, _ = lifecycle.change_status(p, d, Status.APPROVED, date(2020, 5, 15), lifecycle.StatusFacts(
                approval=Approval("45-CV/TU", date(2020, 5, 15), Text.of("Ban Thường vụ Tỉnh ủy Quảng Trị"))))
            d = p.delegation(plan.id, 3)
            d, _ = lifecycle.change_status(p, d, Status.PROPOSED, date(2022, 3, 1))
            d, _ = lifecycle.change_status(p, d, Status.APPROVED, date(2022, 3, 10), lifecycle.StatusFacts(
                approval=Approval("125/QĐ-LĐLĐ", date(2022, 3, 10), Text.of("Ban Thường vụ LĐLĐ tỉnh"))))
            d, _ = lifecycle.change_status(p, d, Status.DONE, date(2022, 5, 14), lifecycle.StatusFacts(outcome=Outcome(
                date(2022, 5, 10), date(2022, 5, 12), 4, (ActualCost("lodging", Money(Decimal("24000000"), "VND")),
                                                          ActualCost("meals", Money(Decimal("14400000"), "VND")),
                                                          # Savannakhet pays the transport: entered, shown apart
                                                          ActualCost("transport", Money(Decimal("6000000"), "VND"))),
                Text.of("Hai bên ký biên bản ghi nhớ hợp tác giai đoạn 2022-2025; trao đổi kinh nghiệm tổ chức Đại hội công đoàn cơ sở."))))
            for kind, seq, lang in (("proposal", 1, "vi"), ("decision", 1, "vi"), ("decision", 3, "vi"), ("invitation", 3, "vi-lo"),
                                    ("programme", 3, "vi-lo"), ("roster", 1, "lo"), ("report", 3, "vi")):
                pdf = export_document(p, kind, seq, lang=lang, output=Path(tmp), today=date(2026, 11, 24), force=True)
                inbound = "-inbound" if kind == "decision" and seq == 3 else ""  # the decision receiving the partner's delegation
                out = ROOT / "docs" / f"doc-{kind}{inbound}-{lang}"
                subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out)], check=True)
                print(out.with_suffix(".png"))


if __name__ == "__main__":
    main()
