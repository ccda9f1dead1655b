import pytest

from delegations.domain import DayRange, Direction, Leader, Status, Text, Timing, ValidationError
from delegations.errors import UserError
from delegations.services import Filters

SEED_TABLE = [
    # name, leader, members, country, activities, days, timing, funding
    ("Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)", "Chủ tịch LĐLĐ tỉnh Quảng Trị", "10", "Lào",
     ["Trao đổi kinh nghiệm hoạt động công đoàn", "Đi thực tế một số CĐCS"], "3-4 ngày", "Năm 2020",
     ["LHCĐ tỉnh Savannakhet chịu chi phí ăn, nghỉ",
      "LĐLĐ tỉnh Quảng Trị chịu chi phí về phương tiện đi lại và kinh phí hỗ trợ cho bạn (nguồn ngân sách công đoàn)"]),
    ("Đoàn LĐLĐ tỉnh Quảng Trị (Đoàn ra)", "Chủ tịch LĐLĐ tỉnh Quảng Trị", "10", "Lào",
     ["Trao đổi kinh nghiệm hoạt động công đoàn", "Đi thực tế một số CĐCS"], "3-4 ngày", "Năm 2020",
     ["LHCĐ tỉnh Salavan chịu chi phí ăn, nghỉ",
      "LĐLĐ tỉnh Quảng Trị chịu chi phí về phương tiện đi lại và kinh phí hỗ trợ cho bạn (nguồn ngân sách công đoàn)"]),
    ("Đoàn LĐLĐ tỉnh Savannakhet (Đoàn vào)", "Chủ tịch LĐLĐ tỉnh savannakhet", "10", "Việt Nam",
     ["Toạ đàm trao đổi kinh nghiệm hoạt động công đoàn", "Đi thực tế một số CĐCS"], "3-4 ngày", "Năm 2022",
     ["LĐLĐ tỉnh Quảng Trị chịu chi phí ăn, nghỉ của đoàn (nguồn ngân sách công đoàn)",
      "LHCĐ tỉnh Savannakhet chịu chi phí về phương tiện đi lại"]),
    ("Đoàn LĐLĐ tỉnh Salavan (Đoàn vào)", "Chủ tịch LĐLĐ tỉnh Salavan", "10", "Việt Nam",
     ["Toạ đàm trao đổi kinh nghiệm hoạt động công đoàn", "Đi thực tế một số CĐCS"], "3-4 ngày", "Năm 2022",
     ["LĐLĐ tỉnh Quảng Trị chịu chi phí ăn, nghỉ của đoàn (nguồn ngân sách công đoàn)",
      "LHCĐ tỉnh Salavan chịu chi phí về phương tiện đi lại"]),
]


def test_default_plan_words_every_cell_of_the_seed_table(planner):
    """The seed writes "LHCD" for the Lao federations; the partner plugins give the
    correct abbreviation "LHCĐ" (Liên hiệp Công đoàn), so that is what we expect."""
    w = planner.wording("vi")
    cells = [w.cells(d) for d in planner.delegations()]
    got = [(c.name, c.leader, c.members, c.destination, c.activities, c.days, c.timing, c.funding) for c in cells]
    assert got == SEED_TABLE


def test_default_plan_header(planner):
    plan = planner.plan()
    assert plan.period.start_year == 2020 and plan.period.end_year == 2022
    assert plan.is_draft
    assert plan.basis[0].number == "4214/UBND-ĐN" and plan.basis[0].issued.isoformat() == "2019-09-16"
    assert [r.get() for r in plan.recipients] == ["Sở Ngoại vụ", "Lưu: VT, TH"]
    assert (plan.signature.authority.get(), plan.signature.position.get(), plan.signature.name) == (
        "TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "Nguyễn Đăng Bảo")
    assert planner.home().parent.get() == "Tổng Liên đoàn Lao động Việt Nam"


@pytest.mark.parametrize("query, expected", [
    ("quang tri", [1, 2]),
    ("SALAVAN", [2, 4]),
    ("toa dam", [3, 4]),
    ("Tọa đàm", [3, 4]),               # new tone placement finds the old "Toạ"
    ("ແຂວງສາລະວັນ", [2, 4]),
    ("cdcs savannakhet", [1, 3]),
])
def test_search_ignores_diacritics_and_tone_placement(planner, query, expected):
    assert [d.seq for d in planner.delegations(filters=Filters(search=query))] == expected


def test_filters(planner):
    assert [d.seq for d in planner.delegations(filters=Filters(direction=Direction.INBOUND))] == [3, 4]
    assert [d.seq for d in planner.delegations(filters=Filters(year=2020, partner="salavan"))] == [2]
    assert planner.delegations(filters=Filters(status=Status.DONE)) == []


def test_new_delegation_gets_cost_lines_from_the_partner_model(planner):
    d = planner.new_delegation("2020-2022", direction=Direction.INBOUND, partner="salavan", name=Text.of("Đoàn mới"),
                               leader=Leader(Text.of("Phó Chủ tịch")), members=5, duration=DayRange(2, 3), timing=Timing(2021))
    assert d.seq == 5
    assert [(c.item, c.payer, c.funding) for c in d.cost_lines] == [
        ("board_lodging", "quangtri", "union_budget"), ("transport", "salavan", "")]
    planner.save_delegation(d)
    assert planner.delegation("2020-2022", 5) == d


def test_invalid_change_is_rejected_and_nothing_stored(planner, db_path):
    before = db_path.read_bytes()
    d = planner.delegations()[0]
    with pytest.raises(ValidationError) as err:
        planner.save_delegation(d.evolve(members=0, timing=Timing(2025)))
    assert {p.field for p in err.value.problems} == {"members", "timing"}
    assert db_path.read_bytes() == before
    assert planner.delegations()[0] == d


def test_restore_defaults(planner):
    planner.delete_delegation(planner.delegations()[0].id)
    assert len(planner.delegations()) == 3
    planner.restore_defaults()
    assert len(planner.delegations()) == 4


def test_search_sees_an_edit_and_a_deletion_at_once(planner):
    assert list(planner.delegations(filters=Filters(search="hợp tác xã"))) == []  # builds the search cache
    d = planner.delegation(planner.plan().id, 2)
    planner.save_delegation(d.evolve(activities=(*d.activities, Text.of("Thăm Hợp tác xã dệt"))))
    assert [x.seq for x in planner.delegations(filters=Filters(search="hop tac xa"))] == [2]
    planner.delete_delegation(d.id)
    assert list(planner.delegations(filters=Filters(search="hop tac xa"))) == []


def test_listing_decodes_only_what_is_read(planner):
    """Opening and filtering read listing fields only; a delegation is built when read."""
    planner.repo._decoded.clear()
    found = planner.delegations(filters=Filters(direction=Direction.INBOUND))
    assert len(found) == 2 and planner.repo._decoded == {}
    assert found[0].seq == 3 and list(planner.repo._decoded) == [found.ids[0]]


def test_undo_takes_back_edit_add_and_delete_on_disk(planner, db_path):
    import json

    def members_on_disk():
        data = json.loads(db_path.read_text("utf-8"))
        return sorted((r["seq"], r["members"]) for r in data["delegations"].values())

    start = members_on_disk()
    d = planner.delegation(planner.plan().id, 1)
    planner.save_delegation(d.evolve(members=12))
    new = planner.duplicate_delegation(d)
    assert new.seq == 5 and new.id != d.id
    planner.save_delegation(new)
    planner.delete_delegation(planner.delegation(planner.plan().id, 2).id)
    assert [s for s, _m in members_on_disk()] == [1, 3, 4, 5]
    assert planner.undo().kind == "delegation"   # the deletion
    assert planner.undo().kind == "delegation"   # the copy
    assert members_on_disk() == [(1, 12), *start[1:]]
    planner.undo()                          # the edit
    assert members_on_disk() == start
    assert not planner.can_undo()
    with pytest.raises(UserError):
        planner.undo()


def test_new_plan_copies_the_header_for_another_period(planner):
    plan = planner.new_plan(2023, 2025)
    assert plan.id == "2023-2025" and plan.is_draft and "2023-2025" in plan.title.get()
    assert plan.signature == planner.plan().signature
    planner.save_plan(plan)
    assert planner.open_plan("2023-2025").id == "2023-2025"
    assert planner.plan().id == "2023-2025"           # remembered as the last plan opened
    with pytest.raises(UserError):
        planner.new_plan(2023, 2025)
    with pytest.raises(UserError):
        planner.new_plan(2026, 2024)
    planner.undo()
    assert [p.id for p in planner.plans()] == ["2020-2022"]


def test_totals_of_the_seed_plan_and_of_a_filtered_view(planner):
    t = planner.totals(planner.delegations())
    assert (t.all.delegations, t.all.people, t.all.min_days, t.all.max_days) == (4, 40, 12, 16)
    assert {y: v.people for y, v in t.by_year.items()} == {2020: 20, 2022: 20}
    t = planner.totals(planner.delegations(filters=Filters(direction=Direction.INBOUND)))
    assert (t.all.delegations, list(t.by_direction)) == (2, [Direction.INBOUND])


@pytest.mark.parametrize("order, descending, expected", [
    ("seq", True, [4, 3, 2, 1]), ("partner", False, [2, 4, 1, 3]), ("direction", False, [1, 2, 3, 4]),
    ("name", False, [1, 2, 4, 3]),
])
def test_sort_by_any_column(planner, order, descending, expected):
    assert [d.seq for d in planner.delegations(order=order, descending=descending)] == expected
