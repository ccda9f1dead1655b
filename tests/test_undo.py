"""Undo and redo per plan: what they say, which plan they touch, and the cases
that used to crash (undoing the creation of a plan, a second undo after adding
to a new plan)."""

import json

import pytest

from delegations import i18n
from delegations.domain import DayRange, Direction, Leader, Text, Timing
from delegations.errors import UserError
from delegations.i18n import describe


def said(done) -> str:
    return done.message.render(i18n.gettext)


def plans_on_disk(db_path) -> list[str]:
    return sorted(p["id"] for p in json.loads(db_path.read_text("utf-8"))["plans"].values())


def add(planner, plan_id, name="Đoàn thử"):
    d = planner.new_delegation(plan_id, name=Text.of({"vi": name}), leader=Leader(Text.of({"vi": "Trưởng đoàn"})),
                               members=3, duration=DayRange(2, 3), timing=Timing(int(plan_id[:4])), partner="savannakhet",
                               direction=Direction.OUTBOUND)
    planner.save_delegation(d)
    return d


def test_undo_says_what_it_undid_in_the_users_language(planner):
    planner.save_plan(planner.new_plan(2023, 2025))
    planner.open_plan("2023-2025")
    d = add(planner, "2023-2025")
    assert d.seq == 1
    assert said(planner.undo("2023-2025")) == "Đã hoàn tác: thêm đoàn 1 vào kế hoạch 2023-2025"
    i18n.set_language("en")
    assert said(planner.redo("2023-2025")) == "Redone: add delegation 1 to plan 2023-2025"
    i18n.set_language("lo")
    assert "2023-2025" in said(planner.undo("2023-2025")) and "ເພີ່ມ" in said(planner.redo("2023-2025"))


def test_undoing_the_creation_of_a_plan_goes_back_to_the_plan_shown_before(planner, db_path):
    planner.save_plan(planner.new_plan(2026, 2027))
    planner.open_plan("2026-2027")
    done = planner.undo("2026-2027")
    assert (done.plan_id, said(done)) == ("2020-2022", "Đã hoàn tác: tạo kế hoạch 2026-2027")
    assert plans_on_disk(db_path) == ["2020-2022"] and planner.plan().id == "2020-2022"
    # The creation can be redone from the plan now shown; it shows the new plan again.
    done = planner.redo("2020-2022")
    assert done.plan_id == "2026-2027" and plans_on_disk(db_path) == ["2020-2022", "2026-2027"]


def test_a_second_undo_after_adding_to_a_new_plan(planner, db_path):
    planner.save_plan(planner.new_plan(2023, 2025))
    planner.open_plan("2023-2025")
    add(planner, "2023-2025")
    planner.undo("2023-2025")                    # the delegation
    done = planner.undo("2023-2025")             # the plan itself
    assert done.plan_id == "2020-2022" and plans_on_disk(db_path) == ["2020-2022"]
    with pytest.raises(UserError) as exc:
        planner.undo("2023-2025")
    assert "Không có gì để hoàn tác" in describe(exc.value)
    planner.redo("2020-2022")                    # the plan back ...
    planner.redo("2023-2025")                    # ... and its delegation
    assert [d.seq for d in planner.repo.delegations("2023-2025")] == [1]


def test_undo_never_touches_a_plan_not_on_screen(planner, db_path):
    d = planner.delegation("2020-2022", 1)
    planner.save_delegation(d.evolve(members=12))
    planner.save_plan(planner.new_plan(2023, 2025))
    planner.undo("2023-2025")                              # only the creation of 2023-2025
    assert planner.delegation("2020-2022", 1).members == 12
    with pytest.raises(UserError):
        planner.undo("2030-2031")                          # a plan with no history
    assert said(planner.undo("2020-2022")) == "Đã hoàn tác: sửa đoàn 1 của kế hoạch 2020-2022"
    assert planner.delegation("2020-2022", 1).members == 10


def test_a_new_change_clears_redo_and_the_plan_with_delegations_is_kept(planner):
    d = planner.delegation("2020-2022", 2)
    planner.delete_delegation(d.id)
    planner.undo("2020-2022")
    assert planner.can_redo("2020-2022")
    planner.save_delegation(d.evolve(members=4))
    assert not planner.can_redo("2020-2022")
    with pytest.raises(UserError):
        planner.redo("2020-2022")


def test_undo_refuses_what_changed_since_instead_of_overwriting_it(planner):
    d = planner.delegation("2020-2022", 1)
    planner.save_delegation(d.evolve(members=12))
    planner.repo.save_delegation(d.evolve(members=20))     # behind the planner's back (a reload, say)
    with pytest.raises(UserError) as exc:
        planner.undo("2020-2022")
    assert "đã bị thay đổi" in describe(exc.value)
    assert planner.delegation("2020-2022", 1).members == 20


def test_a_plan_is_created_with_a_title_and_what_it_carries_over_renamed_and_deleted_undoably(planner):
    from delegations.domain import Text

    old = planner.plan()
    plan = planner.new_plan(2023, 2025, Text.of(vi="Hợp tác 2023–2025"), carry=("signature",))
    assert plan.title.get("vi") == "Hợp tác 2023–2025"
    assert plan.signature == old.signature and plan.basis == () and plan.recipients == () and not plan.introduction.get("vi", fallback=False)
    assert planner.new_plan(2026, 2027).recipients == old.recipients      # by default everything is carried over
    planner.save_plan(plan)
    planner.rename_plan(plan.id, Text.of(vi="Kế hoạch mới", lo="ແຜນໃໝ່"))
    assert planner.repo.plan(plan.id).title.get("lo") == "ແຜນໃໝ່"
    planner.undo(plan.id)
    assert planner.repo.plan(plan.id).title.get("vi") == "Hợp tác 2023–2025"

    count = len(planner.repo.delegations(old.id))
    planner.delete_plan(old.id, shown_after=plan.id)                       # with its delegations
    assert old.id not in {p.id for p in planner.plans()}
    assert not any(f.plan_id == old.id for f in planner.repo._facets.values())
    done = planner.undo(plan.id)                                           # from the plan shown after the delete
    assert done.plan_id == old.id and planner.repo.plan(old.id) == old
    assert len(planner.repo.delegations(old.id)) == count
    done = planner.redo(old.id)
    assert done.plan_id == plan.id and old.id not in {p.id for p in planner.plans()}
