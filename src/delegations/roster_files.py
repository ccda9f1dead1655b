"""Reading a roster from a spreadsheet the office already keeps (.csv or .xlsx).

The first row names the columns, in Vietnamese or English, any order
("Họ và tên" / "name", "Chức vụ" / "position", "Giới tính" / "sex", "Ngày sinh" /
"born", "Số hộ chiếu" / "passport", "Ngày hết hạn" / "expires", "Tên tiếng Lào" /
"lao name", "Vai trò" / "role"). Dates are 2026-11-23 or 23/11/2026. A file
without a column of names, or with a column of another name, is refused with the
columns named; a faulty row is reported with its number and column; nothing is
imported then.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from .domain import ROLES, Person, Sex, Text, fold, nfc
from .domain.limits import MAX_YEAR, MIN_YEAR
from .errors import N_, FileError, UserError

COLUMNS = {
    "name": ("ho va ten", "ho ten", "name", "full name"),
    "position": ("chuc vu", "chuc vu, don vi", "position", "position and organisation"),
    "sex": ("gioi tinh", "sex"),
    "born": ("ngay sinh", "born", "date of birth"),
    "passport": ("so ho chieu", "ho chieu", "passport"),
    "expires": ("ngay het han", "het han ho chieu", "expires", "passport expires"),
    "lao_name": ("ten tieng lao", "lao name"),
    "role": ("vai tro", "role"),
}
_SEX = {"nam": Sex.MALE, "male": Sex.MALE, "m": Sex.MALE, "nu": Sex.FEMALE, "female": Sex.FEMALE, "f": Sex.FEMALE}
_ROLES = {"truong doan": "leader", "pho doan": "deputy", "thanh vien": "member", "phien dich": "interpreter", "lai xe": "driver",
          **{r: r for r in ROLES}}


class RosterFileError(UserError):
    pass


def parse_date(value, row: int, column: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return _in_bounds(value, row, column)
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return _in_bounds(datetime.strptime(text, fmt).date(), row, column)
        except ValueError:
            continue
    raise RosterFileError(N_("Row {row}: \"{value}\" in the column {column} is not a date (2026-11-23 or 23/11/2026)."),
                          row=row, value=text, column=column)


def _in_bounds(day: date, row: int, column: str) -> date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise RosterFileError(N_("Row {row}: the year {value} in the column {column} is not plausible (from {low} to {high})."),
                              row=row, value=day.year, column=column, low=MIN_YEAR, high=MAX_YEAR)
    return day


def _rows(path: Path) -> list[list]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as fh:
                return [row for row in csv.reader(fh)]
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            sheet = load_workbook(path, read_only=True, data_only=True).active
            return [list(r) for r in sheet.iter_rows(values_only=True)]
    except OSError as exc:
        raise FileError.of(exc, N_("read the roster from")) from exc
    except UnicodeDecodeError as exc:
        raise RosterFileError(N_("{path} is not a CSV file in UTF-8."), path=str(path)) from exc
    except Exception as exc:  # openpyxl raises several kinds for a damaged workbook
        if suffix == ".xlsx":
            raise RosterFileError(N_("{path} cannot be read as an Excel workbook (.xlsx)."), path=str(path)) from exc
        raise
    raise RosterFileError(N_("A roster is read from a .csv or .xlsx file, not {path}."), path=str(path))


_HEADINGS = {"name": "Họ và tên", "position": "Chức vụ", "sex": "Giới tính", "born": "Ngày sinh", "passport": "Số hộ chiếu",
             "expires": "Ngày hết hạn", "lao_name": "Tên tiếng Lào", "role": "Vai trò"}


def _title(titles: list[str], where: dict[str, int], key: str) -> str:
    return titles[where[key]] if key in where else key


def read_roster(path: Path) -> list[Person]:
    """The people listed in *path*, in its order."""
    rows = [r for r in _rows(path) if any(c not in (None, "") for c in r)]
    if not rows:
        raise RosterFileError(N_("{path} holds no rows."), path=str(path))
    titles = [str(c).strip() if c is not None else "" for c in rows[0]]
    where: dict[str, int] = {}
    unknown = []
    for i, title in enumerate(titles):
        key = next((k for k, names in COLUMNS.items() if fold(title) in names), None)
        if key is None or key in where:
            if title or any(i < len(r) and r[i] not in (None, "") for r in rows[1:]):
                unknown.append(title or f"#{i + 1}")
            continue
        where[key] = i
    known = ", ".join(f"{_HEADINGS[k]} / {k.replace('_', ' ')}" for k in COLUMNS)
    if "name" not in where:
        raise RosterFileError(N_("{path} has no column of names (\"Họ và tên\" or \"name\") in its first row. The columns are: {known}."),
                              path=str(path), known=known)
    if unknown:
        raise RosterFileError(N_("{path}: unknown columns {columns} in the first row; nothing was imported. The columns are: {known}."),
                              path=str(path), columns=", ".join(f"\"{c}\"" for c in unknown), known=known)
    people = []
    for number, row in enumerate(rows[1:], 2):
        def get(key):
            i = where.get(key)
            value = row[i] if i is not None and i < len(row) else None
            return "" if value is None else (value if isinstance(value, (date, datetime)) else nfc(str(value)).strip())

        name = get("name")
        if not name:
            raise RosterFileError(N_("Row {row} has no name (column {column})."), row=number, column=titles[where["name"]])
        sex_text = fold(str(get("sex")))
        if sex_text and sex_text not in _SEX:
            raise RosterFileError(N_("Row {row}: \"{value}\" in the column {column} is not a sex (Nam/Nữ, male/female)."),
                                  row=number, value=get("sex"), column=_title(titles, where, "sex"))
        role_text = fold(str(get("role"))) or "member"
        if role_text not in _ROLES:
            raise RosterFileError(N_("Row {row}: \"{value}\" in the column {column} is not a role ({roles})."), row=number,
                                  value=get("role"), column=_title(titles, where, "role"), roles=", ".join(ROLES))
        people.append(Person(name=name, position=Text.of(str(get("position"))), sex=_SEX.get(sex_text),
                             born=parse_date(get("born"), number, _title(titles, where, "born")), passport=str(get("passport")),
                             passport_expires=parse_date(get("expires"), number, _title(titles, where, "expires")), lao_name=str(get("lao_name")),
                             role=_ROLES[role_text]))
    return people


__all__ = ["COLUMNS", "RosterFileError", "read_roster", "parse_date"]
