"""Files as a careful program leaves them: modes, symbolic links, leftovers of a killed
save, and a database this user may read but not write."""

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from delegations.defaults import default_data
from delegations.errors import LockedError, NotWritableError
from delegations.exporting import write_export
from delegations.store import Repository


def open_repo(path, **kw):
    return Repository(path, default_data=default_data, **kw)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield 0o027
    os.umask(old)


def test_a_new_database_follows_the_umask_and_a_save_keeps_the_mode(db_path, umask_027):
    with open_repo(db_path) as repo:
        assert mode(db_path) == 0o640                       # 0o666 & ~0o027, not mkstemp's 0o600
        os.chmod(db_path, 0o604)
        inode = os.stat(db_path).st_ino
        repo.save_delegation(repo.delegations()[0].evolve(members=3))
    assert os.stat(db_path).st_ino != inode                  # replaced (atomically) ...
    assert mode(db_path) == 0o604                            # ... with the mode it had


def test_exports_follow_the_umask(tmp_path, umask_027):
    path = write_export(b"%PDF-1.4\n", tmp_path / "out", "plan.pdf", force=False)
    assert mode(path) == 0o640
    os.umask(0o002)
    path = write_export(b"%PDF-1.4\n", tmp_path / "out", "plan2.pdf", force=False)
    assert mode(path) == 0o664


def test_a_symlinked_database_is_written_through_and_locked_by_its_real_path(tmp_path):
    real = tmp_path / "sync" / "delegations.json"
    open_repo(real).close()
    link = tmp_path / "desk" / "plan.json"
    link.parent.mkdir()
    link.symlink_to(real)
    with open_repo(link) as repo:
        assert (real.parent / "delegations.json.lock").exists() and not (link.parent / "plan.json.lock").exists()
        with pytest.raises(LockedError):
            open_repo(real)                                  # the other name is refused while the link holds the lock
        repo.save_delegation(repo.delegations()[0].evolve(members=3))
    assert link.is_symlink() and link.resolve() == real      # still a link ...
    assert json.loads(real.read_text("utf-8"))["delegations"]["1"]["members"] == 3   # ... to the changed file
    assert sorted(p.name for p in link.parent.iterdir()) == ["plan.json"]
    with open_repo(real):
        with pytest.raises(LockedError):
            open_repo(link)


def test_a_read_only_copy_through_a_symlink_probes_and_takes_the_real_files_lock(tmp_path):
    real = tmp_path / "sync" / "delegations.json"
    open_repo(real).close()
    link = tmp_path / "desk" / "plan.json"
    link.parent.mkdir()
    link.symlink_to(real)
    writer = open_repo(real)
    reader = Repository(link, writable=False)
    try:
        assert not reader.lock_is_free()                     # the editing copy is seen under the other name
        writer.close()
        assert reader.lock_is_free()
        reader.become_writable()
        with pytest.raises(LockedError):
            open_repo(real)
    finally:
        writer.close()
        reader.close()
    assert sorted(p.name for p in link.parent.iterdir()) == ["plan.json"]


def test_temp_files_of_a_killed_save_are_removed_at_the_next_writable_open(db_path):
    open_repo(db_path).close()
    folder = db_path.parent
    leftovers = [folder / ".delegations.json.k1ll3d_x.tmp", folder / ".delegations.json.a0b1c2d3.tmp"]
    for p in leftovers:
        p.write_text("{half", encoding="utf-8")
    others = [folder / ".other.json.a0b1c2d3.tmp", folder / "notes.tmp"]
    for p in others:
        p.write_text("keep", encoding="utf-8")
    open_repo(db_path, writable=False).close()               # a reader leaves them: a save may be under way
    assert all(p.exists() for p in leftovers)
    open_repo(db_path).close()
    assert not any(p.exists() for p in leftovers) and all(p.exists() for p in others)


def test_a_killed_save_leaves_a_temp_file_that_the_next_open_removes(db_path):
    open_repo(db_path).close()
    killed = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os
        from delegations.store import Repository, storage
        real_replace = os.replace
        def die(*a):
            os._exit(9)                                       # killed between writing and replacing
        storage.os.replace = die
        r = Repository({str(db_path)!r})
        r.save_delegation(r.delegations()[0].evolve(members=2))
    """)])
    assert killed.returncode == 9
    [tmp] = [p for p in db_path.parent.iterdir() if p.suffix == ".tmp"]
    with open_repo(db_path) as repo:
        assert not tmp.exists() and repo.delegations()[0].members != 2


NOBODY = 65534


def _unprivileged_run(code: str, cwd: Path, scratch: Path):
    """Run *code* as a user who cannot write the database's folder. When the tests run as root
    (root writes anywhere) the process loads the program and its libraries first (the
    interpreter lives in root's home), runs once on *scratch*, then becomes 'nobody'."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DELEGATIONS_")}
    env.update(DELEGATIONS_LANG="en", HOME=str(cwd))
    prelude = textwrap.dedent(f"""
        import json, os
        from delegations import cli
        from delegations.ui import open_planner
        cli.main(["--db", {str(scratch)!r}, "list"]); cli.main(["--db", {str(scratch)!r}, "model", "norms"])
        open_planner({str(scratch)!r})[0].close()
        if os.geteuid() == 0:
            os.setgroups([]); os.setgid({NOBODY}); os.setuid({NOBODY})
        assert os.geteuid() != 0
    """)
    return subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True, env=env, cwd=cwd)


@pytest.fixture
def shared_folder():
    """A folder 'nobody' can reach (pytest's tmp_path is private to the test user)."""
    folder = Path(tempfile.mkdtemp(prefix="delegations-ro-"))
    os.chmod(folder, 0o755)
    yield folder
    for sub in folder.iterdir():
        if sub.is_dir():
            os.chmod(sub, 0o755)
    shutil.rmtree(folder)


def test_a_database_in_a_folder_the_user_cannot_write_opens_read_only_saying_why(shared_folder, tmp_path):
    folder = shared_folder / "office"
    db = folder / "delegations.json"
    open_repo(db).close()
    os.chmod(db, 0o644)
    os.chmod(folder, 0o555)
    before = sorted(p.name for p in folder.iterdir())
    # and a file the user may not write, in a folder everyone may write
    common = shared_folder / "common"
    theirs = common / "delegations.json"
    open_repo(theirs).close()
    os.chmod(theirs, 0o644)
    os.chmod(common, 0o777)
    code = textwrap.dedent(f"""
        planner, why = open_planner({str(db)!r})
        with planner:
            seen = {{"writable": planner.repo.writable, "why": why, "plans": [p.id for p in planner.plans()]}}
        planner, seen["why_file"] = open_planner({str(theirs)!r})
        planner.close()
        seen["list"] = cli.main(["--db", {str(db)!r}, "list"])
        seen["save"] = cli.main(["--db", {str(db)!r}, "model", "norms"])
        print(json.dumps(seen))
    """)
    result = _unprivileged_run(code, shared_folder, tmp_path / "scratch.json")
    if os.geteuid() == 0 and "Operation not permitted" in result.stderr:
        pytest.skip("root here cannot become another user (no CAP_SETUID), and root writes anywhere")
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["writable"] is False and seen["plans"] == ["2020-2022"]
    assert seen["why"] == f"The database {db} cannot be changed by you (you cannot create files in the folder {folder}); it can be opened read-only."
    assert seen["why_file"] == f"The database {theirs} cannot be changed by you (the file is read-only for you); it can be opened read-only."
    assert seen["list"] == 0 and seen["save"] == 3  # a file that cannot be written: status 3
    assert f"cannot create files in the folder {folder}" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == before
