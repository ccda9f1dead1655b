"""Checks of a database file as a whole, at open: the settings and meta tables
(the type of every known key), and ids and sequence numbers that appear twice.

Each check raises ``codec.RecordError`` (or returns problems naming the
records); the repository turns them into ``CorruptFileError`` before anything
is written, so a damaged file is reported and left as it is.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from ..errors import N_, Msg
from .codec import Facets, RecordError


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _decimal(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return Decimal(value).is_finite()
    except InvalidOperation:
        return False


def _iso_date(value: Any) -> bool:
    try:
        date.fromisoformat(value)
        return True
    except (TypeError, ValueError):
        return False


def _exchange_rates(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(r, dict) and _text(r.get("source")) and _text(r.get("target")) and _decimal(r.get("rate")) and _iso_date(r.get("day"))
        for r in value)


def _rate_amounts(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(rows, dict) and all(_text(k) and "/" in k and _decimal(v) for k, v in rows.items()) for rows in value.values())


# Every setting the program keeps, with what its value must look like.
SETTINGS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "home": (_text, N_("an organisation code (text)")),
    "last_plan": (_text, N_("a plan id (text)")),
    "language": (_text, N_("a language code (text)")),
    "exchange_rates": (_exchange_rates, N_("a list of (source, target, rate, day)")),
    "rate_amounts": (_rate_amounts, N_("tables of \"item/role\": amount")),
    "deadline_rules": (lambda v: isinstance(v, dict) and all(_text(k) and isinstance(c, dict) for k, c in v.items()),
                       N_("changes of deadline rules by code")),
    "deadlines_met": (lambda v: isinstance(v, list) and all(_text(k) for k in v), N_("a list of deadlines met")),
    "own_dates": (lambda v: isinstance(v, list) and all(isinstance(r, dict) and {"start", "end", "name"} <= set(r) and _iso_date(r["start"])
                                                         and _iso_date(r["end"]) and _text(r["name"]) for r in v),
                  N_("a list of (start, end, name)")),
}


def check_settings(table: Any) -> dict:
    """The settings record, checked key by key; raises ``RecordError`` naming the key."""
    if not isinstance(table, dict):
        raise RecordError(N_("the table 'settings' is not an object"))
    for doc_id, rec in table.items():
        if not isinstance(rec, dict):
            raise RecordError(N_("record {record} of table 'settings' is not an object"), record=doc_id)
        for key, value in rec.items():
            check = SETTINGS.get(key)
            if check is not None and value is not None and not check[0](value):
                raise RecordError(N_("the setting '{key}' should be {expected}, not {value}"),
                                  key=key, expected=Msg(check[1]), value=_short(value))
    return table.get("1", {}) if isinstance(table.get("1", {}), dict) else {}


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def duplicate_delegations(rows: list[tuple[str, Facets]]) -> Msg | None:
    """The first id or (plan, number) that two delegation records share, naming both records."""
    if len({f.id for _d, f in rows}) == len(rows) and len({(f.plan_id, f.seq) for _d, f in rows}) == len(rows):
        return None  # the usual case, found with two sets
    ids: dict[str, str] = {}
    seqs: dict[tuple[str, int], str] = {}
    for doc_id, f in rows:
        if f.id in ids:
            return Msg(N_("records {first} and {second} of table 'delegations' have the same id {id}"), first=ids[f.id], second=doc_id, id=f.id)
        ids[f.id] = doc_id
        key = (f.plan_id, f.seq)
        if key in seqs:
            return Msg(N_("records {first} and {second} of table 'delegations' both have number {seq} in plan {plan}"),
                       first=seqs[key], second=doc_id, seq=f.seq, plan=f.plan_id)
        seqs[key] = doc_id
    return None


def duplicate_key(table: str, rows: list[tuple[str, str]]) -> Msg | None:
    """The first key (plan id, organisation code) that two records of *table* share."""
    seen: dict[str, str] = {}
    for doc_id, key in rows:
        if key in seen:
            return Msg(N_("records {first} and {second} of table '{table}' have the same key {key}"),
                       first=seen[key], second=doc_id, table=table, key=key)
        seen[key] = doc_id
    return None
