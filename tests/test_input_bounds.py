"""Bounds at the edge, NFC text, refused characters, terminal escaping, one truth
for time (with the migration of old records), and the whole file checked at open."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from decimal import Decimal

import pytest

from delegations import cli
from delegations.defaults import default_data
from delegations.domain import DayRange, Leader, Text, Timing, ValidationError, limits
from delegations.errors import CorruptFileError
from delegations.forms import DelegationFields, delegation_from_fields
from delegations.store import Repository, codec, schema
from delegations.terminal import safe


def fields_of(planner, **changes) -> tuple:
    d = planner.delegation(planner.plan().id, 1)
    f = DelegationFields.of(d)
    for k, v in changes.items():
        setattr(f, k, v)
    return d, f


def problems_on_save(planner, **changes) -> list:
    d, f = fields_of(planner, **changes)
    new, problems = delegation_from_fields(d, f)
    if problems:
        return problems
    try:
        planner.save_delegation(new)
    except ValidationError as exc:
        return exc.problems
    return []


# --- bounds -------------------------------------------------------------------

@pytest.mark.parametrize("changes, field", [
    ({"members": str(10**25)}, "members"),
    ({"members": str(limits.MAX_MEMBERS + 1)}, "members"),
    ({"days_min": "1", "days_max": str(limits.MAX_DAYS + 1)}, "duration"),
    ({"year": "99999"}, "timing"),
    ({"year": "23"}, "timing"),
    ({"start": "15/1/23"}, "timing"),
    ({"start": "1/1/1850"}, "timing"),
    ({"leader_name": "x" * (limits.MAX_SHORT_TEXT + 1)}, "leader"),
    ({"leader_name": "Nguyễn\x1b[2J Văn A"}, "leader"),
    ({"leader_name": "Nguyễn \u202eA nă\u202c"}, "leader"),
    ({"name": {"vi": "Đoàn\tra"}}, "name"),
    ({"notes": "y" * (limits.MAX_LONG_TEXT + 1)}, "notes"),
])
def test_out_of_bounds_input_is_refused_naming_the_field(planner, db_path, changes, field):
    before = db_path.read_bytes()
    problems = problems_on_save(planner, **changes)
    assert field in {p.field for p in problems}, problems
    assert all(p.render() for p in problems)
    assert db_path.read_bytes() == before


def test_the_form_refuses_two_digit_years_before_anything_is_built(planner):
    for changes in ({"start": "15/1/23"}, {"year": "23", "start": ""}, {"start": "1/2/2024", "end": "3/2/24"}):
        d, f = fields_of(planner, **changes)
        built, problems = delegation_from_fields(d, f)
        assert built is None and [p.field for p in problems] == ["timing"], changes


def test_year_99999_is_a_problem_not_a_failed_validator(planner):
    problems = problems_on_save(planner, year="99999", start="", end="")
    assert [p.field for p in problems] == ["timing"]
    assert not planner.validation_faults


def test_notes_may_have_lines(planner):
    assert problems_on_save(planner, notes="dòng một\ndòng hai") == []
    assert planner.delegation(planner.plan().id, 1).notes == "dòng một\ndòng hai"


def test_limits_are_in_range_of_decimal_arithmetic():
    # the largest line converted at the smallest rate still fits the 28 digits of the default context
    worst = limits.MAX_AMOUNT * limits.MAX_MEMBERS * limits.MAX_DAYS / limits.MIN_EXCHANGE_RATE
    assert worst.adjusted() + 3 < 28
    assert limits.amount_problem("x", Decimal("NaN")) and limits.amount_problem("x", Decimal("-1"))
    assert limits.rate_problem("x", Decimal("0")) and limits.rate_problem("x", Decimal("Infinity"))
    assert limits.amount_problem("x", Decimal("3500000")) is None and limits.rate_problem("x", Decimal("25400")) is None


# --- NFC ------------------------------------------------------------------------

def test_text_typed_decomposed_is_stored_composed(planner, db_path):
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hoà")
    assert problems_on_save(planner, leader_name=nfd, name={"vi": unicodedata.normalize("NFD", "Đoàn Quảng Trị")}) == []
    stored = db_path.read_text("utf-8")
    assert "Nguyễn Thị Hoà" in stored and nfd not in stored and "Đoàn Quảng Trị" in stored


def test_imported_records_are_normalised():
    rec = codec.delegation_out(codec.delegation_in(default_data()["delegations"]["1"]))
    rec["leader"]["name"] = unicodedata.normalize("NFD", "Trần Văn Đức")
    rec["notes"] = unicodedata.normalize("NFD", "ghi chú")
    d = codec.delegation_in(rec)
    assert d.leader.name == "Trần Văn Đức" and d.notes == "ghi chú"


def test_cli_arguments_are_normalised(tmp_path, capsys):
    name = unicodedata.normalize("NFD", "Chămpasắc")
    assert cli.main(["partner", "new", name, "--dir", str(tmp_path)]) == 0
    written = next(tmp_path.glob("*.py")).read_text("utf-8")
    assert "Chămpasắc" in written and name not in written


# --- terminal ----------------------------------------------------------------------

def test_safe_escapes_control_and_bidi_characters():
    assert safe("a\x1b[31mb") == "a\\x1b[31mb"
    assert safe("x\u202ey") == "x\\u202ey"
    assert safe("l1\nl2") == "l1\\x0al2" and safe("l1\nl2", newlines=True) == "l1\nl2"
    assert safe("Quảng Trị ສະຫວັນນະເຂດ") == "Quảng Trị ສະຫວັນນະເຂດ"


def test_show_and_errors_never_write_raw_escapes(db_path, capsys):
    data = default_data()
    data["delegations"]["1"]["leader"]["name"] = "A\x1b]0;pwned\x07B"
    data["delegations"]["1"]["notes"] = "x\u202eevil"
    Repository(db_path, default_data=lambda: data).close()
    assert cli.main(["--db", str(db_path), "show", "1"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\\x1b" in out and "\\u202e" in out
    assert cli.main(["--db", str(db_path), "list", "--plan", "\x1b[2Jnope"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b[2Jnope" in err


# --- one truth for time ---------------------------------------------------------------

def test_dates_win_over_year_month_and_days():
    t = Timing(2018, 2, date(2024, 2, 28))
    assert (t.year, t.month, t.end, t.kind) == (2024, None, date(2024, 2, 28), "dates")
    d = codec.delegation_in(default_data()["delegations"]["1"])
    d = d.evolve(timing=Timing(2021, start=date(2021, 9, 24), end=date(2021, 9, 25)), duration=DayRange(1, 1))
    assert d.duration == DayRange(2, 2)


def test_correcting_only_the_dates_keeps_no_stale_year(planner, db_path):
    problems = problems_on_save(planner, year="2018", month="2", start="24/9/2021", end="25/9/2021", days_min="1", days_max="1")
    assert problems == []
    rec = next(r for r in json.loads(db_path.read_text("utf-8"))["delegations"].values() if r["seq"] == 1)
    assert rec["timing"] == {"start": "2021-09-24", "end": "2021-09-25"}
    assert rec["duration"] == {"min": 2, "max": 2}


def test_v2_records_are_migrated_dates_win_and_round_trip(tmp_path):
    data = default_data()
    data["meta"] = {"1": {"schema_version": 2}}
    rec = data["delegations"]["1"]
    rec["timing"] = {"year": 2018, "month": 2, "start": "2020-02-28", "end": "2020-03-01"}
    rec["duration"] = {"min": 1, "max": 1}
    other = data["delegations"]["2"]
    other["timing"] = {"year": 2021, "month": 9}
    db = tmp_path / "v2.json"
    db.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    before = db.read_bytes()
    with Repository(db) as repo:
        d = repo.delegation(rec["id"])
        assert (d.timing.year, d.timing.month, d.timing.start, d.duration) == (2020, None, date(2020, 2, 28), DayRange(3, 3))
        assert (repo.facets_of([rec["id"]])[0].min_days, repo.facets_of([rec["id"]])[0].max_days) == (3, 3)  # totals read these
        assert db.read_bytes() == before  # opening does not write
        repo.save_delegation(repo.delegation(other["id"]))  # a change elsewhere writes the migrated file
        assert repo.delegation(other["id"]).timing == Timing(2021, 9)
    saved = json.loads(db.read_text("utf-8"))
    assert saved["meta"]["1"]["schema_version"] == schema.CURRENT
    stored = next(r for r in saved["delegations"].values() if r["id"] == rec["id"])
    assert stored["timing"] == {"start": "2020-02-28", "end": "2020-03-01"} and stored["duration"] == {"min": 3, "max": 3}
    assert (tmp_path / "v2.json.v2.bak").read_bytes() == before
    with Repository(db, writable=False) as again:  # round trip: what was written reads back the same
        assert again.delegation(rec["id"]) == d.evolve()


# --- the whole file at open -----------------------------------------------------------------

def _write(tmp_path, data) -> "Path":
    db = tmp_path / "db.json"
    db.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return db


def test_duplicate_ids_and_numbers_are_reported_by_record(tmp_path):
    data = default_data()
    data["delegations"]["9"] = dict(data["delegations"]["1"])
    db = _write(tmp_path, data)
    before = db.read_bytes()
    with pytest.raises(CorruptFileError, match=r"records 1 and 9 .*same id"):
        Repository(db)
    assert db.read_bytes() == before
    data = default_data()
    data["delegations"]["9"] = {**data["delegations"]["1"], "id": "other"}
    db = _write(tmp_path, data)
    with pytest.raises(CorruptFileError, match=r"records 1 and 9 .*number 1 in plan"):
        Repository(db, writable=False)
    assert db.read_bytes() != before  # (the second file replaced the first: compare each with itself)
    before = db.read_bytes()
    with pytest.raises(CorruptFileError):
        Repository(db)
    assert db.read_bytes() == before
    data = default_data()
    data["plans"]["7"] = dict(data["plans"]["1"])
    with pytest.raises(CorruptFileError, match=r"records 1 and 7 of table 'plans'"):
        Repository(_write(tmp_path, data))


@pytest.mark.parametrize("meta", [{"1": {"schema_version": "3"}}, {"1": {"schema_version": None}}, {"1": {}},
                                  {"1": {"schema_version": True}}, [], {"1": {"schema_version": 1}, "2": {"schema_version": 2}}])
def test_unusable_schema_version_is_refused_not_migrated(tmp_path, meta):
    data = default_data()
    data["meta"] = meta
    db = _write(tmp_path, data)
    before = db.read_bytes()
    with pytest.raises(CorruptFileError):
        Repository(db)
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))


@pytest.mark.parametrize("settings", [{"1": {"last_plan": 5}}, {"1": {"language": ["vi"]}},
                                      {"1": {"exchange_rates": [{"source": "USD", "target": "VND", "rate": "x", "day": "2020-01-01"}]}},
                                      {"1": {"rate_amounts": {"t": {"noslash": "5"}}}}, {"1": "x"}])
def test_settings_of_the_wrong_type_are_refused(tmp_path, settings):
    data = default_data()
    data["settings"] = settings
    db = _write(tmp_path, data)
    before = db.read_bytes()
    with pytest.raises(CorruptFileError):
        Repository(db)
    assert db.read_bytes() == before
