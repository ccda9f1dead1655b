"""Terminal UI benchmark.

1. Launch to first full frame of ``delegations`` on the shipped plan, side by
   side with a minimal Textual app showing one static table (the floor);
   target within 1.5x of the floor. Both run headless at 80x24 in a fresh
   process; the time is from spawning the process to the first frame drawn.
   The plugin loading part (built-in and shipped plugins) is shown apart.
2. With 10,000 delegations loaded: a key typed in the search box to the table
   redrawn, timed inside the app (from the input's change to after the
   refresh); target under 50 ms median. The first key also folds every
   delegation's text once, and is shown apart.

    python benchmarks/ui_bench.py [--runs 5] [--n 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def launch(kind: str, db: Path, tmp: Path) -> tuple[float, float]:
    out = tmp / f"{kind}.txt"
    out.unlink(missing_ok=True)
    t0 = time.time()
    subprocess.run([sys.executable, str(HERE / "ui_launch.py"), kind, str(db), str(out)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    frame, plugins_ms = (float(x) for x in out.read_text().split())
    return frame - t0, plugins_ms


async def search_keys(db: Path, text: str) -> list[float]:
    from delegations.plugins import build_plugin_host
    from delegations.services import Planner
    from delegations.ui.app import DelegationsApp

    with Planner.open(db, host=build_plugin_host(plugin_dirs=[ROOT / "plugins"], entry_points=False)) as planner:
        app = DelegationsApp(planner, blink=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.screen.timings = []
            await pilot.press("slash")
            for ch in text:
                await pilot.press(ch)
                await pilot.pause()
            await pilot.pause()
            return list(app.screen.timings)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--n", type=int, default=10_000)
    args = ap.parse_args()
    import store_bench

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "seed.json"
        shutil.copy(ROOT / "data" / "delegations.json", db)
        launch("floor", db, tmp)  # warm the disk cache once
        floors, apps, plugins = [], [], []
        for _ in range(args.runs):
            floors.append(launch("floor", db, tmp)[0])
            t, p = launch("app", db, tmp)
            apps.append(t)
            plugins.append(p)
        f, a = statistics.median(floors), statistics.median(apps)
        print(f"launch to first frame, 80x24, median of {args.runs}:")
        print(f"  {'minimal Textual table (floor)':<34}{f * 1000:8.0f} ms")
        print(f"  {'delegations':<34}{a * 1000:8.0f} ms   ({a / f:.2f}x floor; target <= 1.5x)")
        print(f"  {'  of which loading plugins':<34}{statistics.median(plugins):8.1f} ms   (target < 50 ms)")

        big = tmp / "big.json"
        store_bench.build(big, args.n)
        times = asyncio.run(search_keys(big, "savannakhet"))
        rest = times[1:]
        print(f"search box with {args.n} delegations, {len(times)} keys typed:")
        print(f"  {'first key (folds all text once)':<34}{times[0] * 1000:8.1f} ms")
        print(f"  {'next keys, median':<34}{statistics.median(rest) * 1000:8.1f} ms   (target < 50 ms; max {max(rest) * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
