"""Child process of ui_bench.py: start one app headless, note the wall-clock time
of its first full frame in a file, and exit.

    python benchmarks/ui_launch.py app|floor DB OUT
"""

import sys
import time

STARTED = time.time()


def floor(out: str) -> None:
    from textual.app import App
    from textual.widgets import DataTable

    class Floor(App):
        def compose(self):
            yield DataTable()

        def on_mount(self):
            table = self.query_one(DataTable)
            table.add_columns("TT", "Tên đoàn", "Ra/vào", "Đối tác", "Người", "Số ngày", "Thời gian")
            for i, p in enumerate(["Savannakhet", "Salavan"] * 2, 1):
                table.add_row(str(i), "Đoàn LĐLĐ tỉnh Quảng Trị", "Đoàn ra", p, "10", "3-4 ngày", "Năm 2020")
            self.call_after_refresh(done, self, out)

    Floor().run(headless=True, size=(80, 24))


def app(db: str, out: str) -> None:
    import textual.app  # noqa: F401  (the framework, which the floor loads too)
    import delegations.domain  # noqa: F401  (the model, which every plugin builds on)

    t0 = time.perf_counter()
    from delegations.plugins import build_plugin_host  # pluggy and entry-point discovery

    host = build_plugin_host()  # built-in plugins, the plugins folder, entry points, shipped partners
    plugins_ms = (time.perf_counter() - t0) * 1000
    from delegations.services import Planner
    from delegations.ui.app import DelegationsApp
    from delegations.ui.screens import main

    original = main.MainScreen.on_mount

    def on_mount(screen):
        original(screen)
        screen.call_after_refresh(done, screen.app, out, plugins_ms)

    main.MainScreen.on_mount = on_mount
    with Planner.open(db, host=host) as planner:
        DelegationsApp(planner).run(headless=True, size=(80, 24))


def done(the_app, out: str, plugins_ms: float = 0.0) -> None:
    with open(out, "w") as fh:
        fh.write(f"{time.time()} {plugins_ms}")
    the_app.exit()


if __name__ == "__main__":
    if sys.argv[1] == "floor":
        floor(sys.argv[3])
    else:
        app(sys.argv[2], sys.argv[3])
