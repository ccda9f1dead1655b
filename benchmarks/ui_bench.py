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
import os
import re
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


async def _open_times(app, key: str, runs: int, close: str = "escape", marks=None) -> list[float]:
    """Seconds from the key to the screen it opens drawn, measured two ways: the pilot's
    round trip (the key pressed, the new screen current, then the pilot's wait until the
    app is idle: this counts the pilot's own polling, 20 ms at a time), and inside the app,
    from the key sent to the first frame of the new screen that shows *marks(screen)*
    (see ``FrameClock``). Each value is a ``Took``; its ``frame`` is the in-app one."""
    clock = FrameClock(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        times = []
        for _ in range(runs + 1):  # the first opening is shown apart by the caller
            before = app.screen
            clock.frames.clear()
            t0, c0 = time.perf_counter(), time.process_time()
            await pilot.press(key)
            while app.screen is before:
                await asyncio.sleep(0)
            await pilot.pause()
            took = Took(time.perf_counter() - t0, time.process_time() - c0)
            took.frame = clock.first(app.screen, marks(app.screen) if marks else (), t0, c0)
            times.append(took)
            await pilot.press(close)
            await pilot.pause()
        return times


ESCAPES = re.compile(r"\x1b\[(\d+);(\d+)H|\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


def plain(data: str) -> str:
    """The text of a frame written to the terminal: escapes removed, each cursor move a new line."""
    return ESCAPES.sub(lambda m: "\n" if m.group(1) else "", data)


class FrameClock:
    """Every frame the app hands to its driver (``App._display``), stamped with the time it
    was ready to write: after it was turned into terminal text, as a terminal driver does
    (the headless driver skips that step; here it is done, and counted)."""

    def __init__(self, app):
        from textual._compositor import CompositorUpdate

        self.frames: list[tuple[float, float, object, str]] = []
        display = app._display

        def stamped(screen, renderable) -> None:
            if isinstance(renderable, CompositorUpdate) and not app._batch_count:
                data = renderable.render_segments(app.console)
                self.frames.append((time.perf_counter(), time.process_time(), screen, data))
            display(screen, renderable)

        app._display = stamped

    def first(self, screen, marks, t0: float, c0: float) -> "Took":
        """Time from *t0* to the frame of *screen* by which every one of *marks* (texts, or
        patterns) has been written: a frame may redraw only what changed, so a mark may come
        in an earlier frame than the others. The first mark (the screen's title) must be once
        in its frame: the new screen is in the frame, drawn once. ``frames_before`` counts the
        new screen's frames before the last mark."""
        missing = list(marks)
        before = 0
        for stamp, cpu, shown, data in self.frames:
            if shown is not screen:
                continue
            text = plain(data)
            for m in list(missing):
                if m.search(text) if isinstance(m, re.Pattern) else m in text:
                    if marks and m is marks[0] and text.count(m) != 1:
                        raise AssertionError(f"{m!r} is {text.count(m)} times in the frame")
                    missing.remove(m)
            if not missing:
                took = Took(stamp - t0, cpu - c0)
                took.frames_before = before
                return took
            before += 1
        raise AssertionError(f"no frame of {type(screen).__name__} shows {missing!r}: {[plain(f[3])[:400] for f in self.frames]}")


def floor_app(inputs: int, selects: int, areas: int, reused: bool = False):
    """A minimal Textual app whose key pushes a modal with the same number of
    inputs, selects and text areas as the delegation form: built each time, or
    (*reused*) built once, installed and pushed again, as the app's form is."""
    from textual.app import App
    from textual.containers import VerticalScroll
    from textual.screen import ModalScreen
    from textual.widgets import Input, Select, Static, TextArea

    class Modal(ModalScreen):
        BINDINGS = [("escape", "dismiss", "")]

        def compose(self):
            yield Static("Floor modal  (Esc closes)")
            with VerticalScroll():
                yield from (Input(f"field {i}", compact=True) for i in range(inputs))
                yield from (Select([("a", 1), ("b", 2)], value=1, compact=True) for _ in range(selects))
                yield from (TextArea("x", compact=True) for _ in range(areas))

    class Floor(App):
        BINDINGS = [("e", "open", "")]

        def compose(self):
            yield Static("floor")

        def action_open(self):
            if not reused:
                self.push_screen(Modal())
                return
            if "modal" not in self._installed_screens:
                self.install_screen(Modal(), "modal")
            self.push_screen("modal")

    return Floor()


def heading(screen) -> str:
    """The first line of the screen's first text (its title), as far as it surely fits."""
    from textual.widgets import Static

    return screen.query(Static).first().visual.plain.splitlines()[0][:25].rstrip()


def first_row(screen) -> str:
    """The first line of a screen drawn by a ``RowsView`` (budget, plugins)."""
    from delegations.ui.widgets.rows import RowsView

    return next(label for label, _v, _s in screen.query_one(RowsView).rows if label.strip())[:20].strip()


def marks(key: str):
    """What the frame of the screen opened by *key* must show to count as drawn: its
    title (once) and something of its content (a field's label, the first row)."""
    from delegations.i18n import _

    content = {"e": lambda s: _("Members"), "a": lambda s: _("Members"), "o": lambda s: _("Folder"),
               "h": lambda s: s.query_one("#title_vi").value[:20], "l": lambda s: s.app.plan_id,
               "b": first_row, "g": first_row, "floor": lambda s: "field 15"}[key]
    return lambda screen: (heading(screen), content(screen))


async def screen_times(db: Path, runs: int) -> dict[str, list[float]]:
    from textual.widgets import Input, Select, TextArea

    from delegations.plugins import build_plugin_host
    from delegations.services import Planner
    from delegations.ui.app import DelegationsApp

    found = {}
    host = build_plugin_host(plugin_dirs=[ROOT / "plugins"], entry_points=False)
    with Planner.open(db, host=host) as planner:
        for key in ("e", "a", "b", "o", "h", "l", "g"):
            found[key] = await _open_times(DelegationsApp(planner, blink=False), key, runs, marks=marks(key))
        app = DelegationsApp(planner, blink=False)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.3)
            found["idle-main"] = await _idle_trips(pilot, runs)
            await pilot.press("e")
            await pilot.pause()
            counts = (len(app.screen.query(Input)), len(app.screen.query(Select)), len(app.screen.query(TextArea)))
            found["idle-form"] = await _idle_trips(pilot, runs)
    found["floor"] = await _open_times(floor_app(*counts), "e", runs, marks=marks("floor"))
    found["floor-reused"] = await _open_times(floor_app(*counts, reused=True), "e", runs, marks=marks("floor"))
    found["counts"] = counts
    return found


async def _idle_trips(pilot, runs: int) -> list[float]:
    """The pilot's round trip for a key nothing is bound to (F12): what the pilot's own waiting
    costs on the screen shown (it calls back every widget of the screen, then polls for idle)."""
    times = []
    for _ in range(runs + 1):
        t0, c0 = time.perf_counter(), time.process_time()
        await pilot.press("f12")
        await pilot.pause()
        times.append(Took(time.perf_counter() - t0, time.process_time() - c0))
    return times


async def big_times(db: Path, runs: int) -> tuple[list[float], list[float]]:
    """The budget screen opened, and a save from the form, at a big plan."""
    from delegations.plugins import build_plugin_host
    from delegations.services import Planner
    from delegations.ui.app import DelegationsApp

    from delegations.i18n import _

    with Planner.open(db, host=build_plugin_host(plugin_dirs=[ROOT / "plugins"], entry_points=False)) as planner:
        budget = await _open_times(DelegationsApp(planner, blink=False), "b", runs, marks=marks("b"))
        app = DelegationsApp(planner, blink=False)
        clock = FrameClock(app)
        saves = []
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.3)
            for i in range(runs + 1):
                await pilot.press("e")
                await pilot.pause()
                form = app.screen
                members = str(2 + i % 5)  # another number than the last save's
                form.query_one("#members").value = members
                clock.frames.clear()
                t0, c0 = time.perf_counter(), time.process_time()
                await pilot.press("ctrl+s")
                while app.screen is form:
                    await asyncio.sleep(0)
                await pilot.pause()
                took = Took(time.perf_counter() - t0, time.process_time() - c0)
                # Drawn: the table again under the plan's title, the saved row with the number saved, the
                # totals line as it is after the save (its count of people follows that number), and the
                # detail pane of the saved row with that number.
                totals = app.screen.query_one("#totals").visual.plain.splitlines()[0][:40]
                row = re.compile(rf"(?m)^ *{form.base.seq} .* {members} +\S")
                detail = re.compile(rf"{re.escape(_('Members'))} +{members}\b")  # the selected row in full, below
                took.frame = clock.first(app.screen, (heading(app.screen), totals, row, detail), t0, c0)
                saves.append(took)
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
    """Medians (the first opening left out) of the pilot's round trip, clock and processor,
    and of the in-app key to frame, clock and processor."""
    rest = times[1:] or times
    cpu = statistics.median(t.cpu for t in rest)
    frame = statistics.median(t.frame for t in rest)
    frame_cpu = statistics.median(t.frame.cpu for t in rest)
    return (f"{frame * 1000:6.0f} /{frame_cpu * 1000:4.0f}    {statistics.median(rest) * 1000:6.0f} /{cpu * 1000:4.0f}"
            f"    {times[0].frame * 1000:5.0f} /{times[0] * 1000:5.0f}")


def _row(name: str, times: list, target: int | None, floor: list | None) -> str:
    line = f"  {name:<30}{_ms(times)}"
    if target is not None:
        frame = statistics.median(t.frame for t in (times[1:] or times)) * 1000
        line += f"   <= {target:3d} {'ok' if frame <= target else 'MISSED'}"
    if floor is not None:
        ratio = statistics.median(t.frame for t in times[1:]) / statistics.median(t.frame for t in floor[1:])
        line += f"  {ratio:4.2f}x floor"
    partial = max(t.frame.frames_before for t in times)
    return line + (f"  ({partial} frames before)" if partial else "")


HEADER = (f"  {'':<30}{'key to frame':>13}    {'pilot trip':>11}    {'first':>12}   target\n"
          f"  {'':<30}{'ms / cpu':>13}    {'ms / cpu':>11}    {'frame/trip':>12}   (frame)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--big", type=int, default=2_000)
    ap.add_argument("--only-screens", action="store_true", help="skip the launch and search measures")
    ap.add_argument("--only-big", action="store_true", help="only the budget screen and the save at --big delegations")
    args = ap.parse_args()
    import store_bench

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = tmp / "seed.json"
        shutil.copy(ROOT / "data" / "delegations.json", db)
        print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} on {os.cpu_count()} processors")
        if not args.only_big:
            times = asyncio.run(screen_times(db, args.runs))
            counts = times.pop("counts")
            idle = {key: times.pop(key) for key in ("idle-main", "idle-form")}
            floor = times.pop("floor")
            reused = times.pop("floor-reused")
            print(f"key to screen drawn, headless 80x24, median of {args.runs} (the first opening apart).")
            print("key to frame: inside the app, from the key sent to the first frame of the new screen showing its")
            print("title and content, turned into terminal text; pilot trip: until the pilot's wait for idle ends.")
            print(HEADER)
            print(_row("floor: minimal modal %d/%d/%d" % counts, floor, None, None))
            print(_row("  the same, built once, reshown", reused, None, None))
            names = {"e": "delegation form (e)", "a": "new delegation form (a)", "b": "budget (b)", "o": "export (o)",
                     "h": "plan header (h)", "l": "plans (l)", "g": "plugins (g)"}
            for key, found in times.items():
                print(_row(names[key], found, 100 if key in "ea" else 150, floor))
            for key, name in (("idle-main", "main screen"), ("idle-form", "delegation form")):
                rest = idle[key][1:]
                print(f"  {'pilot trip, key bound to nothing':<32}{'':>13}    {statistics.median(rest) * 1000:6.0f} /"
                      f"{statistics.median(t.cpu for t in rest) * 1000:4.0f}    (on the {name}: the pilot's own waiting)")
        big = tmp / "big2000.json"
        store_bench.build(big, args.big)
        budget, saves = asyncio.run(big_times(big, args.runs))
        print(f"with {args.big} delegations (save: to the saved row, its detail and the totals line drawn again):")
        print(_row("budget screen (b)", budget, 200, None))
        print(_row("save from the form (Ctrl+S)", saves, 100, None))
        if args.only_screens or args.only_big:
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
