"""The export, budget and rates screens at 80x24: buttons always reachable, every
message readable, figures saved all or nothing, the partner's lines listed."""

import shutil
import subprocess

import pytest
from textual.widgets import Button, Checkbox, Select

from delegations import i18n
from ui_support import SIZE, open_screen, type_into


async def _export_with_budget(app, pilot, folder) -> None:
    await open_screen(pilot, "o")
    screen = app.screen
    screen.query_one("#lang", Select).value = "vi-lo"
    screen.query_one("#budget", Checkbox).value = True
    screen.query_one("#status-column", Checkbox).value = True
    await type_into(pilot, "#folder", str(folder))
    await pilot.pause()
    await pilot.press("ctrl+o")
    await pilot.pause()
    if app.screen is not screen:   # outdated or missing translations listed: export anyway
        await pilot.press("y")
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
async def test_after_an_export_with_warnings_the_buttons_stay_on_screen_and_every_warning_is_reachable(make_app, tmp_path, lang):
    i18n.set_language(lang)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _export_with_budget(app, pilot, tmp_path)
        screen = app.screen
        target = screen.query_one("#target")
        said = str(target.render())
        assert str(tmp_path) in said.replace("\n", "")
        assert len(said.splitlines()) > 3, said                      # the warnings of the budget appendix
        for button in screen.query(Button):
            r = button.region
            assert r.height and 0 <= r.y and r.bottom <= SIZE[1] and r.right <= SIZE[0], (button.id, r)
        body = screen.query_one("#export-body")
        body.scroll_end(animate=False)
        await pilot.pause()
        last = target.region
        assert last.height and last.bottom <= body.region.bottom, (last, body.region)   # the whole text shown by scrolling
        for button in screen.query(Button):
            assert button.region.height and button.region.bottom <= SIZE[1]
        if lang == "vi" and shutil.which("rsvg-convert"):
            svg = tmp_path / "export.svg"
            svg.write_text(app.export_screenshot(), "utf-8")
            png = tmp_path / "export.png"
            subprocess.run(["rsvg-convert", "-o", str(png), str(svg)], check=True)
            assert png.stat().st_size > 1000
