"""Layout at 80x24 and wider: the key line's spacing in every language, the "no rows"
line of the wide layout, and what each screen shows at 80x24."""

import re

import pytest
from textual.widgets._footer import FooterKey

from delegations import i18n
from delegations.services import Planner
from delegations.ui.app import DelegationsApp
from delegations.ui.widgets.footer import KeyFooter
from delegations.ui.widgets.plan_table import PlanTable
from test_ui_snapshots import settle
from ui_support import SIZE


def screen_lines(app) -> list[str]:
    """The screen as text, one string per line (as a terminal shows it)."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.fixture
def app_in(db_path, host):
    opened = []

    def make(lang: str) -> DelegationsApp:
        i18n.set_language(lang)
        planner = Planner.open(db_path, host=host)
        opened.append(planner)
        return DelegationsApp(planner, lang=lang, blink=False)

    yield make
    for p in opened:
        p.close()
    i18n.set_language("vi")


def footer_entries(app) -> tuple[list[str], str]:
    """The entries the key line shows ("k Label"), and the palette's entry."""
    keys = app.screen.query_one(KeyFooter).query(FooterKey)
    shown = [f"{k.key_display} {k.description}" for k in keys if k.display and not k.has_class("-command-palette")]
    palette = [f"{k.key_display} {k.description}" for k in keys if k.has_class("-command-palette")]
    return shown, palette[0]


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
@pytest.mark.parametrize("width", [80, 100, 64])
async def test_the_key_line_spaces_its_entries_alike_in_every_language(app_in, lang, width):
    """A key, one space, its label; two columns between entries, the last before the
    palette's key holding its bar; entries that do not fit are left out whole."""
    app = app_in(lang)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        line = screen_lines(app)[-1]
        shown, palette = footer_entries(app)
        left, bar, right = line.partition("▏")
        assert bar, line
        assert right == palette                                  # "^p palette", nothing after it
        assert left.startswith(" ") and left.endswith(" "), line  # a space before the bar: "q Quit ▏^p"
        assert left.strip() == "  ".join(shown), line             # every entry whole, two columns apart
        assert all(re.fullmatch(r"\S+ \S.*", e) for e in shown)
        if width >= 80:  # at 80 columns every main key has room, in every language
            assert len(shown) == 8, shown
        else:
            assert 0 < len(shown) < 8


@pytest.mark.parametrize("lang", ["vi", "en"])
async def test_no_piece_of_the_key_line_starts_with_a_space(app_in, lang):
    """Each coloured piece (key, label) carries its spaces at its end: a picture of the
    screen drawn from its SVG (rsvg drops a piece's leading space) spaces it as the terminal."""
    app = app_in(lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        svg = app.export_screenshot()
        last = max(int(n) for n in re.findall(r"line-(\d+)\)", svg))
        pieces = re.findall(rf'line-{last}\)">([^<]*)</text>', svg)
        shown, _palette = footer_entries(app)
        assert shown[0].split()[0] in pieces[0] and any("▏" in p for p in pieces), pieces  # the key line's pieces
        assert not [p for p in pieces if p.startswith("&#160;") and p.strip("&#160;")], pieces


async def test_the_no_rows_line_is_above_the_table_in_the_wide_layout(app_in):
    app = app_in("vi")
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzzz", "enter")
        await settle(pilot)
        empty = app.screen.query_one("#no-rows")
        table = app.screen.query_one(PlanTable)
        detail = app.screen.query_one("#detail-box")
        assert empty.display and "Không có đoàn nào khớp bộ lọc (0 bỏ lọc)" in str(empty.render())
        assert empty.region.bottom <= table.region.y and empty.region.bottom <= detail.region.y
        assert table.region.width > 60 and detail.region.width > 40   # both still side by side
        assert table.region.y == detail.region.y


def test_the_no_rows_line_wide_picture(snap_compare, app_in):
    async def no_match(pilot):
        await settle(pilot)
        await pilot.press("slash", *"zzzz", "enter")
        await settle(pilot)

    assert snap_compare(app_in("vi"), terminal_size=(140, 30), run_before=no_match)


SCREENS = ["e", "a", "h", "l", "b", "o", "g", "D", "i", "I", "question_mark"]


@pytest.mark.parametrize("key", SCREENS)
async def test_a_full_size_screen_shows_nothing_of_the_main_screen_around_it(app_in, key):
    """Around the dialog box only blank lines: no piece of the title, totals or key line
    (the import screen showed the totals' second line, cut, and the key line)."""
    app = app_in("vi")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot, 0.3)
        lines = screen_lines(app)
        top = next(i for i, line in enumerate(lines) if "╭" in line)
        bottom = max(i for i, line in enumerate(lines) if "╰" in line)
        outside = lines[:top] + lines[bottom + 1:]
        assert all(not line.strip() for line in outside), outside


@pytest.mark.parametrize("lang", ["vi", "lo", "en"])
async def test_the_export_screens_choices_are_whole_at_80_columns(app_in, lang):
    from textual.widgets import Checkbox

    app = app_in(lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot, 0.3)
        text = "\n".join(screen_lines(app))
        labels = [str(box.label) for box in app.screen.query(Checkbox)]
        assert len(labels) == 4
        assert [label for label in labels if label not in text] == []
        assert "…" not in text


@pytest.mark.parametrize("lang", ["vi", "lo"])
async def test_the_plugins_screen_names_what_a_plugin_registers_in_the_interface_language(app_in, lang):
    app = app_in(lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot, 0.3)
        rows = [label for label, _value, _style in app.screen.rows()]
        labels = [row.split(":")[0].strip() for row in rows if row.startswith("    ") and ":" in row]
        english = {"hook", "hooks", "version", "partners", "cost items", "funding sources", "cost models", "rate tables", "languages"}
        assert labels and not [label for label in labels if "_" in label or label in english], labels
        assert "    " + {"vi": "khoản chi", "lo": "ລາຍການຄ່າໃຊ້ຈ່າຍ"}[lang] + ": board_lodging" in "\n".join(rows)


@pytest.mark.parametrize("key", ["b", "g"])
async def test_a_long_list_of_rows_scrolls_down_only(app_in, key):
    """The budget and plugins lists fit their rows to the width: with the vertical scroll
    bar there is no horizontal one (it hid the last row shown)."""
    from delegations.ui.widgets.rows import RowsView

    app = app_in("vi")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot, 0.3)
        view = app.screen.query_one(RowsView)
        assert view.show_vertical_scrollbar                       # more rows than fit
        assert not view.show_horizontal_scrollbar
        assert view.virtual_size.width <= view.scrollable_content_region.width


@pytest.mark.parametrize("key", ["e", "h", "l", "b", "o", "g", "D", "I", "question_mark"])
async def test_a_screens_heading_keeps_its_spaces_in_a_picture(app_in, key):
    """The bold heading carries the spaces after it: the SVG picture has no piece of the
    heading's line starting with a space (rsvg drops it: "Dự toánmô hình")."""
    app = app_in("vi")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot, 0.3)
        top = next(i for i, line in enumerate(screen_lines(app)) if "╭" in line)
        svg = app.export_screenshot()
        pieces = re.findall(rf'line-{top + 1}\)">([^<]*)</text>', svg)
        assert len(pieces) >= 2, pieces                                  # bold heading, then the rest
        assert not [p for p in pieces if p.startswith("&#160;") and p.strip("&#160;")], pieces


async def test_the_new_plans_title_field_lines_up_with_its_year_fields(app_in):
    """The main screen's title line's style (padding, colour) stays on the main screen."""
    from textual.widgets import Input

    app = app_in("vi")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot, 0.3)
        start, title = app.screen.query_one("#start", Input), app.screen.query_one("#title", Input)
        assert title.region.x == start.region.x
        assert title.styles.padding == start.styles.padding
        assert title.styles.background == start.styles.background


@pytest.mark.parametrize("lang", ["en", "vi"])
async def test_a_documents_default_text_too_long_for_its_lines_ends_in_an_ellipsis(app_in, lang):
    """The life screen's F5: the default paragraph has four lines at 80 columns; the
    rest was cut off unsaid ("… Đi thực")."""
    app = app_in(lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot, 0.3)
        await pilot.press("f5")
        await settle(pilot, 0.3)
        box = app.screen.query_one("#t_default")
        shown = [line[box.region.x:box.region.right].rstrip() for line in screen_lines(app)[box.region.y:box.region.bottom]]
        assert len(shown) == 4 and shown[-1].endswith("…"), shown
        whole = box.text.plain
        assert len(" ".join(shown)) < len(whole)
        assert whole.startswith(shown[0])
