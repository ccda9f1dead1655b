"""Schema versions of the database file and the migrations between them.

Each migration takes the raw TinyDB data of version N and returns version N+1.
A file of a newer version than ``CURRENT`` is refused, never rewritten.
"""

from __future__ import annotations

import re
from typing import Callable

CURRENT = 2
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


MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2}


def version_of(data: dict) -> int:
    meta = data.get(META_TABLE) or {}
    for rec in meta.values():
        if isinstance(rec, dict) and isinstance(rec.get("schema_version"), int):
            return rec["schema_version"]
    return 1


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
