"""Store benchmark: open a 10,000-delegation database and list a filtered view,
side by side with a plain ``json.load`` of the same file; then time saved edits.

Targets: open + filter within 2x of json.load; one saved edit under 150 ms.
Opening decodes only the listing fields of each delegation; the first write
decodes every record in full (so a damaged file is never written to), and the
script shows that first edit on its own line.

    python benchmarks/store_bench.py [--n 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from delegations.defaults import default_data
from delegations.domain import Direction
from delegations.plugins import build_plugin_host
from delegations.services import Filters, Planner
from delegations.store import Repository

ROOT = Path(__file__).resolve().parents[1]


def build(path: Path, n: int) -> None:
    data = default_data()
    template = data["delegations"]["1"]
    partners = ["savannakhet", "salavan"]
    data["delegations"] = {
        str(i): {
            **template,
            "id": f"b{i:05d}",
            "seq": i,
            "partner": partners[i % 2],
            "direction": "outbound" if i % 3 else "inbound",
            "timing": {"year": 2020 + i % 3},
            "name": {"vi": f"Đoàn số {i} trao đổi kinh nghiệm hoạt động công đoàn"},
            "cost_lines": [
                {"item": "board_lodging", "payer": partners[i % 2] if i % 3 else "quangtri", "funding": ""},
                {"item": "transport", "payer": "quangtri" if i % 3 else partners[i % 2], "funding": ""},
            ],
        }
        for i in range(1, n + 1)
    }
    Repository(path, default_data=lambda: data).close()


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    host = build_plugin_host(plugin_dirs=[ROOT / "plugins"], entry_points=False)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.json"
        build(path, args.n)
        size = path.stat().st_size

        def plain():
            with open(path, "rb") as fh:
                return json.load(fh)

        def open_and_filter():
            with Planner.open(path, writable=False, host=host) as planner:
                return planner.delegations("2020-2022", Filters(direction=Direction.OUTBOUND, search="savannakhet"))

        t_json, _ = timed(plain, args.repeat)
        t_open, rows = timed(open_and_filter, args.repeat)

        with Planner.open(path, host=host) as planner:
            first = planner.delegations("2020-2022")[0]
            edits = []
            for i in range(args.repeat * 2):
                d = first.evolve(members=11 + i)
                t0 = time.perf_counter()
                planner.save_delegation(d)
                edits.append(time.perf_counter() - t0)
            t_first, t_edit = edits[0], statistics.median(edits[1:])

    print(f"database: {args.n} delegations, {size / 1e6:.1f} MB")
    print(f"{'json.load (floor)':<28}{t_json * 1000:8.1f} ms")
    print(f"{'open + filtered list':<28}{t_open * 1000:8.1f} ms   ({t_open / t_json:.2f}x floor; target <= 2x; {len(rows)} rows)")
    print(f"{'first saved edit':<28}{t_first * 1000:8.1f} ms   (checks every record in full once before the first write)")
    print(f"{'one saved edit (median)':<28}{t_edit * 1000:8.1f} ms   (target < 150 ms)")


if __name__ == "__main__":
    main()
