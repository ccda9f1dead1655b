"""Kill a saving process with SIGKILL at random moments: the file always loads
and holds every save that returned before the kill."""

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

from delegations.store import Repository
from delegations.defaults import default_data

CHILD = textwrap.dedent("""
    import sys
    from delegations.defaults import default_data
    from delegations.store import Repository
    repo = Repository(sys.argv[1], default_data=default_data)
    d = repo.delegations()[0]
    start = d.members
    print("ready", flush=True)
    i = start
    while True:
        i += 1
        repo.save_delegation(d.evolve(members=i, notes="x" * (i % 5000)))
        print(i, flush=True)
""")


def test_sigkill_never_leaves_a_broken_file(tmp_path):
    rng = random.Random(20260)
    db = tmp_path / "crash.json"
    # Pad the database so that a save takes long enough to be interrupted mid-write.
    data = default_data()
    base = data["delegations"]["1"]
    for n in range(5, 1500):
        data["delegations"][str(n)] = {**base, "id": f"pad{n}", "seq": n}
    Repository(db, default_data=lambda: data).close()

    confirmed = 10
    for _round in range(25):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(db)], stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        done = [int(x) for x in out.split()]
        if done:
            confirmed = done[-1]
        with Repository(db, writable=False) as repo:
            members = repo.delegations()[0].members
            assert members >= confirmed, (members, confirmed)
            assert len(repo.delegations()) == 1499
            confirmed = members
