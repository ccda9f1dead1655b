"""Catalogs, formatting per language, and the command line in the user's language."""

import re
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from delegations import i18n
from delegations.domain import Money
from delegations.i18n import SUPPORTED, translator
from delegations.i18n.formatting import admin_date_line, date_line, document_number, format_money, long_date

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "src" / "delegations" / "i18n" / "locales"
KEYWORDS = {"_": None, "N_": None, "t": None, "gettext": None, "ngettext": (1, 2), "nt": (1, 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\([a-z_]+\)[sr]|%[sr]")


def source_messages() -> set:
    """Every message id marked in the source, extracted afresh (so a string added
    to the code but never extracted fails too)."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "src"), method_map=[("**.py", "python")], keywords=KEYWORDS,
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


@pytest.fixture(scope="module")
def extracted():
    return source_messages()


@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_catalog_is_complete(lang, extracted):
    with (LOCALES / lang / "LC_MESSAGES" / "delegations.po").open("rb") as f:
        catalog = read_po(f)
    messages = {m.id: m for m in catalog if m.id}
    missing = sorted(str(m) for m in extracted if m not in messages)
    assert not missing, f"{lang}: not in the catalog (run scripts/catalogs.py): {missing}"
    for msgid, m in messages.items():
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        assert not m.fuzzy, f"{lang}: fuzzy translation of {msgid!r}"
        assert all(strings), f"{lang}: no translation of {msgid!r}"
        wanted = set(PLACEHOLDER.findall(msgid if isinstance(msgid, str) else msgid[-1]))
        for s in strings:
            found = set(PLACEHOLDER.findall(s))
            # Our {names} must all be kept; argparse's %(type)s ("int") may be left out.
            assert {p for p in wanted if p.startswith("{")} <= found <= wanted, f"{lang}: placeholders of {msgid!r} differ in {s!r}"


@pytest.mark.parametrize("lang", SUPPORTED)
def test_compiled_catalog_matches_its_po_file(lang):
    with (LOCALES / lang / "LC_MESSAGES" / "delegations.po").open("rb") as f:
        catalog = read_po(f)
    tr = translator(lang)
    for m in catalog:
        if m.id and isinstance(m.id, str):
            assert tr.gettext(m.id) == m.string, f"{lang}: delegations.mo is stale for {m.id!r} (scripts/catalogs.py compile)"


def test_vietnamese_administrative_date_keeps_its_leading_zeros():
    assert admin_date_line("Quảng Trị", date(2020, 1, 5)) == "Quảng Trị, ngày 05 tháng 01 năm 2020"
    assert admin_date_line("Quảng Trị", date(2019, 9, 16)) == "Quảng Trị, ngày 16 tháng 9 năm 2019"
    assert admin_date_line("Quảng Trị", date(2021, 2, 28)) == "Quảng Trị, ngày 28 tháng 02 năm 2021"
    assert admin_date_line("Quảng Trị", date(2021, 12, 3)) == "Quảng Trị, ngày 03 tháng 12 năm 2021"
    assert date_line("Quảng Trị", date(2020, 1, 5), "vi") == "Quảng Trị, ngày 05 tháng 01 năm 2020"


def test_lao_dates_use_lao_month_names_and_no_zero_width_space():
    assert long_date(date(2019, 9, 16), "lo") == "16 ກັນຍາ 2019"
    months = "ມັງກອນ ກຸມພາ ມີນາ ເມສາ ພຶດສະພາ ມິຖຸນາ ກໍລະກົດ ສິງຫາ ກັນຍາ ຕຸລາ ພະຈິກ ທັນວາ".split()
    for month, name in enumerate(months, 1):
        assert long_date(date(2024, month, 14), "lo") == f"14 {name} 2024"
    line = date_line("ກວາງຈິ", date(2019, 9, 16), "lo")
    assert line == "ກວາງຈິ, ວັນທີ 16 ກັນຍາ 2019" and "\u200b" not in line


def test_document_number_label_per_language():
    assert document_number(5, "KH-LĐLĐ") == "Số: 05/KH-LĐLĐ"
    assert document_number(12, "KH-LĐLĐ", "lo") == "ເລກທີ: 12/KH-LĐLĐ"
    assert document_number(None, "KH-LĐLĐ", "vi") == "Số:      /KH-LĐLĐ"


@pytest.mark.parametrize("money, lang, text", [
    (Money(Decimal("1234567"), "VND"), "vi", "1.234.567\u00a0₫"),
    (Money(Decimal("1234567.5"), "VND"), "vi", "1.234.568\u00a0₫"),  # whole dong, half up
    (Money(Decimal("1234567"), "LAK"), "lo", "₭1.234.567"),
    (Money(Decimal("1234567.49"), "LAK"), "lo", "₭1.234.567"),
    (Money(Decimal("1234.5"), "USD"), "en", "$1,234.50"),
    (Money(Decimal("1234.5"), "USD"), "vi", "1.234,50\u00a0US$"),
    (Money(Decimal("250000"), "VND"), "lo", "₫250.000"),
])
def test_money_in_each_locale(money, lang, text):
    assert format_money(money, lang) == text


def run_cli(*args, env_lang="vi"):
    import os

    env = {**os.environ, "DELEGATIONS_LANG": env_lang}
    return subprocess.run([sys.executable, "-m", "delegations.cli", *args], capture_output=True, text=True, env=env)


def test_help_and_argument_errors_in_the_users_language(db_path):
    lo = run_cli("--lang", "lo", "--db", str(db_path), "export", "--help")
    assert "ວິທີໃຊ້:" in lo.stdout and "ສະແດງຄຳແນະນຳນີ້ ແລ້ວອອກ" in lo.stdout
    vi = run_cli("--db", str(db_path), "show", "x")
    assert vi.returncode == 2 and "lỗi" in vi.stderr and "giá trị không hợp lệ: 'x'" in vi.stderr
    en = run_cli("--lang=en", "list", "--nope")
    assert "unrecognized arguments: --nope" in en.stderr


def test_document_language_does_not_change_the_interface_language(db_path, tmp_path):
    result = run_cli("--db", str(db_path), "export", "--lang", "lo", "--output", str(tmp_path), "--format", "nope")
    assert result.returncode == 2
    assert "Không có chức năng xuất cho định dạng" in result.stderr  # still Vietnamese


def test_interface_strings_switch_with_the_language():
    try:
        for lang, expected in (("vi", "Đoàn vào"), ("lo", "ຄະນະເຂົ້າ"), ("en", "Inbound")):
            i18n.set_language(lang)
            assert i18n.gettext("Inbound") == expected
    finally:
        i18n.set_language("vi")
