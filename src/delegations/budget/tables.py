"""Rate tables kept as data: JSON files with the legal source and validity of every figure.

The built-in tables are in ``delegations/data/rates/``; a plugin registers
more with the ``register_rate_tables`` hook. A malformed file is reported with
its name and the field at fault.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..domain import Money, Rate, RateTable, Side, Text, Unit
from ..errors import N_, UserError


class RateTableError(UserError):
    pass


def _date(value, where: str, origin: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise RateTableError(N_("Rate table {file}: {field} is not a date (YYYY-MM-DD)."), file=origin, field=where) from exc


def _money(value, currency: str, where: str, origin: str) -> Money | None:
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise InvalidOperation
        return Money(Decimal(value), currency)
    except (InvalidOperation, ValueError) as exc:
        raise RateTableError(N_("Rate table {file}: {field} must be an amount written as text, e.g. \"3000000\"."),
                             file=origin, field=where) from exc


def _article(row: dict) -> tuple[str, Text | None]:
    """A row's rule: as the officer reads it (Vietnamese, with the remark on what is not
    verified, ``article_check``, in brackets) and, when the data gives versions per
    language (``{"vi": …, "lo": …, "en": …}``), the rule alone in each language for documents."""
    article, check = row.get("article", ""), row.get("article_check", "")
    text = Text.of(article) if isinstance(article, dict) else None
    plain = text.get("vi") if text is not None else article
    return (f"{plain} ({check})" if check else plain), text


def table_from_dict(raw: dict, origin: str) -> RateTable:
    try:
        currency = raw["currency"]
        rates = []
        for i, row in enumerate(raw["rates"], 1):
            where = f"rates[{i}]"
            rates.append(Rate(
                item=row["item"], cost_item=row["cost_item"], unit=Unit(row["unit"]),
                amount=_money(row.get("amount"), currency, f"{where}.amount", origin),
                role=row.get("role", "all"), per_day=Decimal(row.get("per_day", "1")), side=Side(row.get("side", "host")),
                cap=bool(row.get("cap", True)), verified=bool(row.get("verified", raw.get("verified", False))),
                note=row.get("note", ""), article=_article(row)[0], article_text=_article(row)[1],
                banquet_day=None if row.get("banquet_day") is None else Decimal(row["banquet_day"]),
                share_of=row.get("share_of", ""), share=None if row.get("share") is None else Decimal(row["share"]),
            ))
        return RateTable(
            code=raw["code"], label=Text.of(raw["label"]), direction=raw["direction"],
            source=Text.of(raw["source"]).get("vi"), sources=Text.of(raw["source"]) if isinstance(raw["source"], dict) else None,
            currency=currency, valid_from=_date(raw.get("valid_from"), "valid_from", origin),
            valid_to=_date(raw.get("valid_to"), "valid_to", origin), rates=tuple(rates),
            verified=bool(raw.get("verified", False)), note=raw.get("note", ""),
            guest_class=raw.get("guest_class", "") or "", replaces=raw.get("replaces", "") or "", transition=raw.get("transition", "") or "",
        )
    except KeyError as exc:
        raise RateTableError(N_("Rate table {file}: the field {field} is missing."), file=origin, field=str(exc)) from exc
    except (ValueError, InvalidOperation) as exc:
        raise RateTableError(N_("Rate table {file}: {problem}."), file=origin, problem=str(exc)) from exc


def load_table(path: Path) -> RateTable:
    try:
        raw = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise RateTableError(N_("Rate table {file} cannot be read: {problem}."), file=str(path), problem=str(exc)) from exc
    return table_from_dict(raw, str(path))
