"""Schema versions of the database file and the migrations between them.

Each migration takes the raw TinyDB data of version N and returns version N+1.
A file of a newer version than ``CURRENT`` is refused, never rewritten.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Callable

from ..errors import N_

CURRENT = 5
META_TABLE = "meta"


def _v1_to_v2(data: dict) -> dict:
    """Version 1 kept the duration as the text of the plan ("3-4 ngày");
    version 2 keeps it as numbers: {"min": 3, "max": 4}."""
    for rec in data.get("delegations", {}).values():
        dur = rec.get("duration")
        if isinstance(dur, str):
            nums = [int(n) for n in re.findall(r"\d+", dur)]
            if nums:
                rec["duration"] = {"min": min(nums), "max": max(nums)}
    return data


def _v2_to_v3(data: dict) -> dict:
    """Version 2 could keep a year and a month beside the dates, contradicting them
    ({"year": 2018, "month": 2, "start": "2024-02-28"}), and a number of days the
    dates did not cover. Version 3 keeps the dates only and counts the days from
    them: the dates win. A record whose dates do not parse is left for the
    strict decoding to report."""
    for rec in data.get("delegations", {}).values():
        tim = rec.get("timing") if isinstance(rec, dict) else None
        if not isinstance(tim, dict) or tim.get("start") is None:
            continue
        try:
            start = date.fromisoformat(tim["start"])
            end = date.fromisoformat(tim["end"]) if tim.get("end") is not None else start
        except (TypeError, ValueError):
            continue
        rec["timing"] = {"start": start.isoformat(), "end": end.isoformat()}
        if end >= start:
            days = (end - start).days + 1
            rec["duration"] = {"min": days, "max": days}
    return data


def _v3_to_v4(data: dict) -> dict:
    """Version 4 keeps each delegation's life: roster, programme, approval, outcome,
    cancellation reason, status history and the officer's document texts, and the
    status "proposed". All are optional and absent in a version-3 record, which
    therefore reads as it is (empty roster, member count as typed). The version
    goes up so that an older program, which would drop these fields on saving,
    refuses the file instead. A record whose status is not a known one is left for
    the strict decoding to report."""
    return data


TEXT_TABLES = ("delegations", "plans", "organisations")  # the tables whose records hold translated texts
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


def _fingerprint_translations(value):
    """Every text in *value* (a mapping of language to text with a Vietnamese and
    another version) with the fingerprint of its Vietnamese beside its translations."""
    from ..domain.text import fingerprint

    if isinstance(value, list):
        return [_fingerprint_translations(v) for v in value]
    if not isinstance(value, dict):
        return value
    is_text = (len(value) > 1 and isinstance(value.get("vi"), str)
               and all(_LANGUAGE.match(k) and isinstance(v, str) for k, v in value.items()))
    if is_text:
        source = fingerprint(value["vi"])
        return {**value, "from_vi": {lang: source for lang in sorted(value) if lang != "vi"}}
    return {k: _fingerprint_translations(v) for k, v in value.items()}


def _v4_to_v5(data: dict) -> dict:
    """Version 5 keeps beside each translation a fingerprint of the Vietnamese it was
    made from ("from_vi"), so that a later change of the Vietnamese marks it outdated.
    The translations of a version-4 file are taken as current: each is fingerprinted
    with the Vietnamese it stands beside now."""
    for table in TEXT_TABLES:  # in place: the caller keeps using *data*
        if isinstance(data.get(table), dict):
            data[table] = _fingerprint_translations(data[table])
    return data


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5}


class SchemaVersionError(ValueError):
    """The meta table does not hold a usable ``schema_version``; ``detail`` says what is wrong."""

    def __init__(self, detail: str, value=None):
        self.detail, self.value = detail, value
        super().__init__(detail)



def version_of(data: dict) -> int:
    """The file's schema version; 1 for a file without a meta table (the first
    version had none). A meta table that is not an object of records, that has
    no ``schema_version``, or whose version is not a whole number raises
    ``SchemaVersionError``: such a file is refused, never migrated."""
    if META_TABLE not in data:
        return 1
    meta = data[META_TABLE]
    if not isinstance(meta, dict) or not all(isinstance(r, dict) for r in meta.values()):
        raise SchemaVersionError(N_("the table 'meta' is not an object of records"))
    versions = [r["schema_version"] for r in meta.values() if "schema_version" in r]
    if not versions:
        raise SchemaVersionError(N_("the table 'meta' has no schema_version"))
    if len(versions) > 1:
        raise SchemaVersionError(N_("the table 'meta' has more than one schema_version"))
    version = versions[0]
    if type(version) is not int or version < 1:
        raise SchemaVersionError(N_("schema_version is not a whole number"), version)
    return version


def set_version(data: dict, version: int) -> None:
    data[META_TABLE] = {"1": {"schema_version": version}}


def migrate(data: dict) -> tuple[dict, int]:
    """Bring *data* to ``CURRENT``; return it with the version it had."""
    found = version_of(data)
    version = found
    while version < CURRENT:
        data = MIGRATIONS[version](data)
        version += 1
    set_version(data, version)
    return data, found
