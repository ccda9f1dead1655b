"""A translation knows what it translates: a change of the Vietnamese outdates the
other versions until they are typed again or declared still correct; old files
keep their translations current; ``validate`` and a Lao export name the outdated ones."""

from __future__ import annotations

import json

import pytest

from delegations.cli import main
from delegations.defaults import default_data
from delegations.domain import Text
from delegations.domain.translations import Outdated, outdated_in_delegation, outdated_in_plan
from delegations.services import Planner
from delegations.store import schema
from delegations.store.codec import text_in, text_out
from delegations.store.storage import dumps


def test_a_new_vietnamese_outdates_the_translations_until_they_are_typed_again():
    t = Text.of(vi="Chủ tịch", lo="ປະທານ", en="Chair")
    assert t.outdated() == ()
    changed = t.edited({"vi": "Phó Chủ tịch"})
    assert changed.get("vi") == "Phó Chủ tịch" and changed.get("lo") == "ປະທານ"
    assert changed.outdated() == ("en", "lo")
    resaved = changed.edited({"vi": "Phó Chủ tịch", "lo": "ຮອງປະທານ"})
    assert resaved.outdated() == ("en",)
    assert resaved.confirmed("en").outdated() == () and resaved.confirmed().outdated() == ()
    assert changed.edited({"vi": "Chủ tịch"}).outdated() == ()   # back to what they were made from


def test_an_unchanged_text_keeps_its_state_and_stores_it():
    stale = Text.of(vi="A", lo="ກ").edited({"vi": "B"})
    again = stale.edited({"vi": "B", "lo": "ກ"})        # the form saved with the Lao as it was: still outdated
    assert again.outdated() == ("lo",)
    stored = text_out(again)
    assert set(stored) == {"vi", "lo", "from_vi"}
    assert text_in(json.loads(json.dumps(stored))) == again and text_in(stored).outdated() == ("lo",)
    assert text_in({"vi": "B", "lo": "ກ"}).outdated() == ()   # a text stored without fingerprints is current


def test_the_plan_and_delegation_name_their_outdated_fields():
    from delegations.store.codec import delegation_in, plan_in

    data = default_data()
    plan = plan_in(next(iter(data["plans"].values())))
    d = delegation_in(data["delegations"]["1"])
    assert outdated_in_plan(plan) == [] and outdated_in_delegation(d) == []
    sig = plan.signature
    plan = plan.__class__(**{**{f: getattr(plan, f) for f in plan.__slots__},
                             "signature": sig.__class__(sig.authority, sig.position.edited({"vi": "CHỦ TỊCH"}), sig.name),
                             "recipients": (plan.recipients[0], plan.recipients[1].edited({"vi": "Lưu: VT"}))})
    assert outdated_in_plan(plan) == [Outdated("recipients", "en", 2), Outdated("recipients", "lo", 2),
                                      Outdated("position", "en"), Outdated("position", "lo")]
    d = d.evolve(name=d.name.edited({"vi": "Đoàn khác"}))
    assert outdated_in_delegation(d) == [Outdated("name", "lo")]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db.json"
    path.write_text(dumps(default_data()), encoding="utf-8")
    return path


def test_a_version_4_file_keeps_its_translations_current(db):
    data = json.loads(db.read_text("utf-8"))
    data["meta"] = {"1": {"schema_version": 4}}
    db.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with Planner.open(db) as p:
        plan = p.plan()
        assert outdated_in_plan(plan) == []
        d = p.delegation(plan.id, 1)
        p.save_delegation(d.evolve(name=d.name.edited({"vi": "Đoàn mới"})))
    saved = json.loads(db.read_text("utf-8"))
    assert saved["meta"]["1"]["schema_version"] == schema.CURRENT == 5
    title = next(iter(saved["plans"].values()))["title"]
    assert set(title["from_vi"]) == {"lo", "en"}                     # fingerprinted at migration
    with Planner.open(db, writable=False) as p:
        d = p.delegation(p.plan().id, 1)
        assert d.name.outdated() == ("lo",) and outdated_in_plan(p.plan()) == []


def _stale_leader(db):
    with Planner.open(db) as p:
        d = p.delegation(p.plan().id, 2)
        p.save_delegation(d.evolve(leader=d.leader.__class__(d.leader.position.edited({"vi": "Phó Chủ tịch"}), d.leader.name)))


def test_validate_names_the_field_the_language_and_the_delegation(db, capsys):
    _stale_leader(db)
    assert main(["--db", str(db), "--lang", "en", "validate"]) == 0     # warnings only
    err = capsys.readouterr().err
    assert ('delegation 2: warning: Leader: the Lao version of "Leader" was made from an earlier Vietnamese text; check it.'
            in err.splitlines())
    assert "delegation 1" not in err and "plan:" not in err
    assert main(["--db", str(db), "--lang", "vi", "validate"]) == 0
    err = capsys.readouterr().err
    assert 'đoàn 2: cảnh báo: Trưởng đoàn: bản tiếng Lào của "Trưởng đoàn" được dịch từ một bản tiếng Việt cũ hơn; hãy kiểm tra lại.' in err


def test_a_lao_export_warns_of_outdated_translations_and_still_exports(db, tmp_path, capsys):
    _stale_leader(db)
    assert main(["--db", str(db), "--lang", "en", "export", "--lang", "vi", "--output", str(tmp_path)]) == 0
    assert capsys.readouterr().err == ""                                # the Vietnamese document has none
    assert main(["--db", str(db), "--lang", "en", "export", "--lang", "vi-lo", "--output", str(tmp_path), "--force"]) == 0
    captured = capsys.readouterr()
    assert "Warning: These translations were made from an earlier Vietnamese text:" in captured.err
    assert "  - delegation 2: Leader (Lao)" in captured.err
    assert captured.out.strip().endswith(".pdf")


def test_the_officers_document_text_in_vietnamese_outdates_its_lao(db):
    from delegations import lifecycle

    with Planner.open(db) as p:
        d = p.delegation(p.plan().id, 1)
        d, _w = lifecycle.set_document_text(p, d, "proposal", "vi", "Đề nghị cử đoàn")
        d, _w = lifecycle.set_document_text(p, d, "proposal", "lo", "ສະເໜີສົ່ງຄະນະ")
        assert dict(d.texts)["proposal"].outdated() == ()
        d, _w = lifecycle.set_document_text(p, d, "proposal", "vi", "Đề nghị cử đoàn sang Lào")
        assert dict(d.texts)["proposal"].outdated() == ("lo",)
        assert [str(w.params["field"]) for w in p.check(d) if w.severity == "warning" and "version" in w.message] == ["Nội dung văn bản 1"]


def test_a_row_removed_from_the_header_form_leaves_the_others_as_they_were():
    from dataclasses import replace

    from delegations.forms import PlanFields, plan_from_fields
    from delegations.store.codec import plan_in

    plan = plan_in(next(iter(default_data()["plans"].values())))
    stale = plan.recipients[1].edited({"vi": "Lưu: VT"})
    plan = replace(plan, recipients=(plan.recipients[0], stale))
    fields = PlanFields.of(plan)
    del fields.recipients[0]                                   # "Sở Ngoại vụ" removed
    new, problems = plan_from_fields(plan, fields)
    assert problems == [] and new.recipients == (stale,) and new.recipients[0].outdated() == ("en", "lo")
    fields = PlanFields.of(new)
    fields.still_correct = {"recipients-0": ("lo",)}           # Ctrl+T on its Lao line
    assert plan_from_fields(new, fields)[0].recipients[0].outdated() == ("en",)
