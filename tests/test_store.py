import json
import subprocess
import sys
import textwrap

import pytest

from delegations.defaults import default_data
from delegations.errors import ConflictError, CorruptFileError, LockedError, ReadOnlyError, SchemaTooNewError
from delegations.store import Repository
from delegations.store import schema


def open_repo(path, **kw):
    return Repository(path, default_data=default_data, **kw)


def test_missing_file_is_created_with_the_default_plan(db_path):
    with open_repo(db_path) as repo:
        assert [p.id for p in repo.plans()] == ["2020-2022"]
        assert len(repo.delegations("2020-2022")) == 4
    assert json.loads(db_path.read_text("utf-8"))["meta"]["1"]["schema_version"] == schema.CURRENT


def test_round_trip_keeps_every_field(db_path):
    with open_repo(db_path) as repo:
        before = repo.delegations()
        d = before[0].evolve(members=12, notes="ghi chú có dấu")
        repo.save_delegation(d)
    with open_repo(db_path, writable=False) as repo:
        after = repo.delegations()
        assert after[0] == d
        assert after[1:] == before[1:]
        assert repo.plans()[0].signature.name == "Nguyễn Đăng Bảo"


def test_delete_and_settings_persist(db_path):
    with open_repo(db_path) as repo:
        repo.delete_delegation("d002")
        repo.set_setting("last_plan", "2020-2022")
    with open_repo(db_path) as repo:
        assert [d.id for d in repo.delegations()] == ["d001", "d003", "d004"]
        assert repo.setting("last_plan") == "2020-2022"


def test_invalid_json_is_reported_with_file_and_position_and_never_overwritten(db_path):
    db_path.write_text('{"plans": {', encoding="utf-8")
    with pytest.raises(CorruptFileError) as err:
        open_repo(db_path)
    msg = str(err.value)
    assert str(db_path) in msg and "not valid JSON" in msg and "line 1" in msg
    assert db_path.read_text("utf-8") == '{"plans": {'


def test_invalid_record_names_table_record_and_field(db_path):
    data = default_data()
    del data["delegations"]["3"]["cost_lines"][0]["payer"]
    db_path.write_text(json.dumps(data), encoding="utf-8")
    original = db_path.read_bytes()
    repo = open_repo(db_path)  # listing fields are fine: the file opens
    try:
        with pytest.raises(CorruptFileError) as err:
            list(repo.delegations())
        assert "record 3 of table 'delegations'" in str(err.value)
        assert "missing field 'payer'" in str(err.value)
        assert str(db_path) in str(err.value)
        # Any write first checks every record, so the damaged file is never written to.
        first = repo.delegation(repo.facets()[0].id)
        with pytest.raises(CorruptFileError):
            repo.save_delegation(first.evolve(members=99))
        with pytest.raises(CorruptFileError):
            repo.set_setting("last_plan", "x")
    finally:
        repo.close()
    assert db_path.read_bytes() == original


@pytest.mark.parametrize("field, value, named", [("seq", "one", "'seq'"), ("members", "ten", "'members'"), ("direction", "sideways", "'direction'"), ("timing", {"year": 2020, "start": "2020-13-01"}, "timing.start")])
def test_bad_listing_field_is_refused_at_open(db_path, field, value, named):
    data = default_data()
    data["delegations"]["2"][field] = value
    db_path.write_text(json.dumps(data), encoding="utf-8")
    original = db_path.read_bytes()
    with pytest.raises(CorruptFileError) as err:
        open_repo(db_path)
    assert "record 2 of table 'delegations'" in str(err.value) and named in str(err.value)
    assert db_path.read_bytes() == original


def test_newer_schema_is_refused_untouched(db_path):
    data = default_data()
    data["meta"] = {"1": {"schema_version": schema.CURRENT + 1}}
    db_path.write_text(json.dumps(data), encoding="utf-8")
    original = db_path.read_bytes()
    with pytest.raises(SchemaTooNewError):
        open_repo(db_path)
    assert db_path.read_bytes() == original


def test_version_1_file_is_migrated_and_backed_up_on_first_save(db_path):
    data = default_data()
    data["meta"] = {"1": {"schema_version": 1}}
    for rec in data["delegations"].values():
        rec["duration"] = "3-4 ngày"
    db_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    v1 = db_path.read_bytes()
    with open_repo(db_path) as repo:
        assert repo.migrated_from == 1
        d = repo.delegations()[0]
        assert (d.duration.min_days, d.duration.max_days) == (3, 4)
        repo.save_delegation(d.evolve(members=9))
    assert db_path.with_name(db_path.name + ".v1.bak").read_bytes() == v1
    saved = json.loads(db_path.read_text("utf-8"))
    assert saved["meta"]["1"]["schema_version"] == schema.CURRENT
    assert all(r["duration"] == {"min": 3, "max": 4} for r in saved["delegations"].values())


def test_second_writer_is_locked_out_but_a_reader_may_open(db_path):
    with open_repo(db_path):
        with pytest.raises(LockedError) as err:
            open_repo(db_path)
        assert "another copy" in str(err.value)
        with open_repo(db_path, writable=False) as reader:
            assert len(reader.delegations()) == 4
            with pytest.raises(ReadOnlyError):
                reader.delete_delegation("d001")


def test_lock_held_by_another_process(db_path):
    open_repo(db_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from delegations.store import Repository
            r = Repository({str(db_path)!r})
            print("locked", flush=True)
            sys.stdin.readline()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError):
            open_repo(db_path)
    finally:
        holder.communicate("\n", timeout=10)
    open_repo(db_path).close()


def test_change_by_another_program_is_detected_not_overwritten(db_path):
    with open_repo(db_path) as repo:
        d = repo.delegations()[0]
        other = default_data()
        other["plans"]["1"]["title"] = {"vi": "Sửa bởi chương trình khác"}
        db_path.write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(ConflictError):
            repo.save_delegation(d.evolve(members=3))
    assert "Sửa bởi chương trình khác" in db_path.read_text("utf-8")


def test_failed_write_leaves_old_file_and_no_temp_files(db_path, monkeypatch):
    with open_repo(db_path) as repo:
        before = db_path.read_bytes()
        import delegations.store.storage as storage

        def boom(*a, **k):
            raise OSError("disk full")

        monkeypatch.setattr(storage.os, "replace", boom)
        from delegations.errors import FileError

        with pytest.raises(FileError, match="disk full"):
            repo.save_delegation(repo.delegations()[0].evolve(members=2))
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.endswith(".tmp")) == []
