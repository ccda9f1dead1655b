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

   Clock and processor time are printed side by side (the machine may be shared).

3. Key to screen drawn, headless at 80x24, median of --runs openings: the
   delegation form (`e`, `a`; target <= 100 ms, goal 50 ms) and every other
   screen (budget `b`, export `o`, header `h`, plans `l`, plugins `g`; target
   <= 150 ms), beside the floor: a minimal Textual modal with the same number
   of inputs, selects and text areas as the form, pushed the same way.
4. With --big delegations (2,000): the budget screen (target <= 200 ms) and a
   save from the form (target <= 100 ms).

    python benchmarks/ui_bench.py [--runs 5] [--n 10000] [--big 2000]
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


async def _open_times(app, key: str, runs: int, close: str = "escape") -> list[float]:
    """Seconds from the key to the screen it opens drawn (the first full refresh after it)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        times = []
        for _ in range(runs + 1):  # the first opening is shown apart by the caller
            before = app.screen
            t0, c0 = time.perf_counter(), time.process_time()
            await pilot.press(key)
            while app.screen is before:
                await asyncio.sleep(0)
            await pilot.pause()
            times.append(Took(time.perf_counter() - t0, time.process_time() - c0))
            await pilot.press(close)
            await pilot.pause()
        return times


def floor_app(inputs: int, selects: int, areas: int):
    """A minimal Textual app whose key pushes a modal with the same number of
    inputs, selects and text areas as the delegation form (built each time)."""
    from textual.app import App
    from textual.containers import VerticalScroll
    from textual.screen import ModalScreen
    from textual.widgets import Input, Select, Static, TextArea

    class Modal(ModalScreen):
        BINDINGS = [("escape", "dismiss", "")]

        def compose(self):
            with VerticalScroll():
                yield from (Input(str(i), compact=True) for i in range(inputs))
                yield from (Select([("a", 1), ("b", 2)], value=1, compact=True) for _ in range(selects))
                yield from (TextArea("x", compact=True) for _ in range(areas))

    class Floor(App):
        BINDINGS = [("e", "open", "")]

        def compose(self):
            yield Static("floor")

        def action_open(self):
            self.push_screen(Modal())

    return Floor()


async def screen_times(db: Path, runs: int) -> dict[str, list[float]]:
    from textual.widgets import Input, Select, TextArea

    from delegations.plugins import build_plugin_host
    from delegations.services import Planner
    from delegations.ui.app import DelegationsApp

    found = {}
    host = build_plugin_host(plugin_dirs=[ROOT / "plugins"], entry_points=False)
    with Planner.open(db, host=host) as planner:
        for key in ("e", "a", "b", "o", "h", "l", "g"):
            found[key] = await _open_times(DelegationsApp(planner, blink=False), key, runs)
        app = DelegationsApp(planner, blink=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.3)
            await pilot.press("e")
            await pilot.pause()
            counts = (len(app.screen.query(Input)), len(app.screen.query(Select)), len(app.screen.query(TextArea)))
    found["floor"] = await _open_times(floor_app(*counts), "e", runs)
    found["counts"] = counts
    return found


async def big_times(db: Path, runs: int) -> tuple[list[float], list[float]]:
    """The budget screen opened, and a save from the form, at a big plan."""
    from delegations.plugins import build_plugin_host
    from delegations.services import Planner
    from delegations.ui.app import DelegationsApp

    with Planner.open(db, host=build_plugin_host(plugin_dirs=[ROOT / "plugins"], entry_points=False)) as planner:
        budget = await _open_times(DelegationsApp(planner, blink=False), "b", runs)
        app = DelegationsApp(planner, blink=False)
        saves = []
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.3)
            for i in range(runs + 1):
                await pilot.press("e")
                await pilot.pause()
                form = app.screen
                form.query_one("#members").value = str(2 + i % 5)
                t0, c0 = time.perf_counter(), time.process_time()
                await pilot.press("ctrl+s")
                while app.screen is form:
                    await asyncio.sleep(0)
                await pilot.pause()
                saves.append(Took(time.perf_counter() - t0, time.process_time() - c0))
        return budget, saves


class Took(float):
    """Seconds on the clock, with the processor seconds of this process beside (on a
    machine shared with others the clock also counts their work; the processor time
    does not, though it still counts every thread of this process)."""

    def __new__(cls, wall: float, cpu: float):
        took = super().__new__(cls, wall)
        took.cpu = cpu
        return took


def _ms(times: list) -> str:
    rest = times[1:] or times
    cpu = statistics.median(getattr(t, "cpu", t) for t in rest)
    return f"{statistics.median(rest) * 1000:8.0f} ms  cpu {cpu * 1000:5.0f} ms   (first {times[0] * 1000:.0f} ms)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--big", type=int, default=2_000)
    ap.add_argument("--only-screens", action="store_true", help="skip the launch and search measures")
    args = ap.parse_args()
    import store_bench

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "seed.json"
        shutil.copy(ROOT / "data" / "delegations.json", db)
        times = asyncio.run(screen_times(db, args.runs))
        print(f"key to screen drawn, 80x24, median of {args.runs} (the first opening apart):")
        print(f"  {'floor: minimal modal, %d/%d/%d widgets' % times.pop('counts'):<34}{_ms(times.pop('floor'))}")
        names = {"e": "delegation form (e)", "a": "new delegation form (a)", "b": "budget (b)", "o": "export (o)",
                 "h": "plan header (h)", "l": "plans (l)", "g": "plugins (g)"}
        for key, found in times.items():
            target = "100" if key in "ea" else "150"
            print(f"  {names[key]:<34}{_ms(found)}   target <= {target} ms")
        big = tmp / "big2000.json"
        store_bench.build(big, args.big)
        budget, saves = asyncio.run(big_times(big, args.runs))
        print(f"with {args.big} delegations:")
        print(f"  {'budget screen (b)':<34}{_ms(budget)}   target <= 200 ms")
        print(f"  {'save from the form (Ctrl+S)':<34}{_ms(saves)}   target <= 100 ms")
        if args.only_screens:
            return
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
