"""Reading the file again after another program wrote it; a read-only copy
becoming the editing one; a conflict that stays a conflict until reloaded."""

import json
import os

import pytest

from delegations.errors import ConflictError, LockedError
from delegations.services import Planner


def rewrite(db_path, seq, **fields):
    data = json.loads(db_path.read_text("utf-8"))
    for rec in data["delegations"].values():
        if rec["seq"] == seq:
            rec.update(fields)
    tmp = db_path.with_suffix(".other")
    tmp.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    os.replace(tmp, db_path)


def members_on_disk(db_path, seq):
    return next(r["members"] for r in json.loads(db_path.read_text("utf-8"))["delegations"].values() if r["seq"] == seq)


def test_a_conflict_is_refused_every_time_until_reloaded(planner, db_path):
    d = planner.delegation("2020-2022", 1)
    rewrite(db_path, 1, members=77)
    for _attempt in range(2):  # the second save used to overwrite the other program's 77 silently
        with pytest.raises(ConflictError):
            planner.save_delegation(d.evolve(notes="mine"))
        assert members_on_disk(db_path, 1) == 77
    planner.reload()
    assert planner.delegation("2020-2022", 1).members == 77 and not planner.can_undo("2020-2022")
    planner.save_delegation(planner.delegation("2020-2022", 1).evolve(notes="mine"))
    assert members_on_disk(db_path, 1) == 77


def test_a_read_only_copy_sees_saves_and_becomes_writable_when_freed(db_path, host):
    writer = Planner.open(db_path, host=host)
    reader = Planner.open(db_path, host=host, writable=False)
    try:
        seen = reader.repo.fingerprint()
        writer.save_delegation(writer.delegation("2020-2022", 2).evolve(members=5))
        assert reader.repo.fingerprint() != seen
        reader.reload()
        assert reader.delegation("2020-2022", 2).members == 5
        assert not reader.repo.lock_is_free()
        with pytest.raises(LockedError):
            reader.become_writable()
        writer.close()
        assert reader.repo.lock_is_free()
        reader.become_writable()
        reader.save_delegation(reader.delegation("2020-2022", 2).evolve(members=6))
        assert members_on_disk(db_path, 2) == 6
        with pytest.raises(LockedError):  # now it holds the file: a new copy cannot edit it
            Planner.open(db_path, host=host)
    finally:
        writer.close()
        reader.close()
