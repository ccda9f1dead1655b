"""Turn stored JSON records into domain objects and back.

Decoding is strict: a record with a missing or ill-typed field raises
``RecordError`` naming the field, so a damaged file is reported, not guessed at.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from ..errors import N_, Msg
from ..domain import (
    BasisDocument, CostLine, DayRange, Delegation, Direction, Leader, Money, Organisation, Period,
    Plan, RateOverride, Signature, Status, Text, Timing, nfc,
)


class RecordError(ValueError):
    """A stored record does not have the expected shape; ``detail`` is a translatable ``Msg``."""

    def __init__(self, message: str, **params):
        self.detail = Msg(message, **params)
        super().__init__(str(self.detail))


def _req(rec: dict, key: str, kind: type | tuple[type, ...]) -> Any:
    if key not in rec:
        raise RecordError(N_("missing field '{field}'"), field=key)
    value = rec[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise RecordError(N_("field '{field}' has the wrong type ({kind})"), field=key, kind=type(value).__name__)
    return value


def _opt(rec: dict, key: str, kind, default=None):
    value = rec.get(key, default)
    if value is not None and not isinstance(value, kind):
        raise RecordError(N_("field '{field}' has the wrong type ({kind})"), field=key, kind=type(value).__name__)
    return value


# Texts repeat across records (activities, positions, cost details): decode each once.
_TEXT_MEMO: dict[tuple, Text] = {}


def text_in(value: Any, key: str = "text") -> Text:
    if value is None:
        return Text()
    if isinstance(value, str):
        return Text.of(value)
    if type(value) is dict:
        sources = value.get(SOURCES_KEY)
        if sources is not None:
            if type(sources) is not dict or not all(type(v) is str for v in sources.values()):
                raise RecordError(N_("field '{field}' must be text or a mapping of language to text"), field=key)
            value = {k: v for k, v in value.items() if k != SOURCES_KEY}
        try:
            memo = (tuple(value.items()), tuple(sources.items()) if sources else ())
            cached = _TEXT_MEMO.get(memo)
            if cached is None:
                if len(_TEXT_MEMO) > 100_000:
                    _TEXT_MEMO.clear()
                cached = _TEXT_MEMO[memo] = Text.from_stored(value, sources)
            return cached
        except TypeError:
            pass
    raise RecordError(N_("field '{field}' must be text or a mapping of language to text"), field=key)


SOURCES_KEY = "from_vi"  # language -> fingerprint of the Vietnamese its version was made from


def text_out(t: Text) -> dict:
    out: dict = t.as_dict()
    if t.sources:
        out[SOURCES_KEY] = dict(t.sources)
    return out


def date_in(value: Any, key: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise RecordError(N_("field '{field}' is not a date (YYYY-MM-DD): {value}"), field=key, value=repr(value)) from None


def date_out(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _enum(enum, rec: dict, key: str, default=None):
    raw = rec.get(key, default)
    try:
        return enum(raw)
    except ValueError:
        choices = ", ".join(e.value for e in enum)
        raise RecordError(N_("field '{field}' is {value}; expected one of {choices}"), field=key, value=repr(raw), choices=choices) from None


# --- delegations -----------------------------------------------------------

class Facets(NamedTuple):
    """What listing, filtering and searching need of a stored delegation,
    read without building the whole domain object (a tuple: cheap to make)."""

    id: str
    plan_id: str
    seq: int
    direction: str
    partner: str
    status: str
    years: tuple[int, ...]
    members: int
    min_days: int
    max_days: int
    texts: list[str]  # every searchable string of the record, as stored


_LISTING_FIELDS = (("id", str), ("plan_id", str), ("seq", int), ("partner", str), ("timing", dict), ("members", int), ("duration", dict))


def facets_in(rec: dict) -> Facets:
    """Read the listing fields of a delegation record, strictly for those fields."""
    get = rec.get
    id_, plan_id, seq, partner, tim = get("id"), get("plan_id"), get("seq"), get("partner"), get("timing")
    members, dur = get("members"), get("duration")
    if not (type(id_) is str and type(plan_id) is str and type(seq) is int and type(partner) is str
            and type(tim) is dict and type(members) is int and type(dur) is dict):
        for key, kind in _LISTING_FIELDS:
            _req(rec, key, kind)  # raises with the field named
    min_days, max_days = dur.get("min"), dur.get("max")
    if type(min_days) is not int or type(max_days) is not int:
        _req(dur, "min", int), _req(dur, "max", int)
    if tim.get("start") is not None:
        start = date_in(tim["start"], "timing.start")
        end = date_in(tim.get("end"), "timing.end") or start
        years: tuple[int, ...] = tuple(range(start.year, end.year + 1))
    else:
        year = tim.get("year")
        if type(year) is not int:
            _req(tim, "year", int)
        years = (year,)
    direction = get("direction")
    if direction not in _DIRECTIONS:
        _enum(Direction, rec, "direction")
    status = get("status", "planned")
    if status not in _STATUSES:
        _enum(Status, rec, "status")
    texts: list[str] = []
    leader = get("leader")
    values = [get("name"), get("notes")]
    activities = get("activities")
    if type(activities) is list:
        values += activities
    if type(leader) is dict:
        values += (leader.get("position"), leader.get("name"), leader.get("name_lo"))
    for v in values:
        if type(v) is str:
            texts.append(v)
        elif type(v) is dict:
            texts += [t for t in v.values() if type(t) is str]
    return Facets(id_, plan_id, seq, direction, partner, status, years, members, min_days, max_days, texts)


_DIRECTIONS = frozenset(e.value for e in Direction)
_STATUSES = frozenset(e.value for e in Status)


def delegation_in(rec: dict) -> Delegation:
    dur = _req(rec, "duration", dict)
    tim = _req(rec, "timing", dict)
    leader = _req(rec, "leader", dict)
    return Delegation(
        id=_req(rec, "id", str),
        plan_id=_req(rec, "plan_id", str),
        seq=_req(rec, "seq", int),
        direction=_enum(Direction, rec, "direction"),
        partner=_req(rec, "partner", str),
        name=text_in(_req(rec, "name", (str, dict)), "name"),
        leader=Leader(text_in(leader.get("position"), "leader.position"), nfc(_opt(leader, "name", str, "")),
                      nfc(_opt(leader, "name_lo", str, ""))),
        # A record written while the roster was the count keeps the plan's size in "planned_members".
        members=_opt(rec, "planned_members", int) or _req(rec, "members", int),
        duration=DayRange(_req(dur, "min", int), _req(dur, "max", int)),
        timing=timing_in(tim),
        activities=tuple(text_in(a, "activities") for a in _opt(rec, "activities", list, [])),
        cost_lines=tuple(
            CostLine(_req(c, "item", str), _req(c, "payer", str), _opt(c, "funding", str, ""), text_in(c.get("detail"), "detail"))
            for c in _opt(rec, "cost_lines", list, [])
        ),
        status=_enum(Status, rec, "status", "planned"),
        notes=nfc(_opt(rec, "notes", str, "")),
        cost_model=_opt(rec, "cost_model", str, ""),
        rates=tuple(
            RateOverride(_req(r, "item", str), _opt(r, "role", str, "all"), money_in(r, "rates.amount"))
            for r in _opt(rec, "rates", list, [])
        ),
        guest_class=_opt(rec, "guest_class", str, ""),
        translation_pages=_opt(rec, "translation_pages", int, 0),
        **life_in(rec),
    )


def timing_in(tim: dict) -> Timing:
    """Dates win: with a start date the year and month are derived from it (see ``Timing``)."""
    start = date_in(tim.get("start"), "timing.start")
    if start is not None:
        return Timing(start.year, None, start, date_in(tim.get("end"), "timing.end"))
    return Timing(year=_req(tim, "year", int), month=_opt(tim, "month", int))


def timing_out(t: Timing) -> dict[str, Any]:
    """A year, a year and a month, or dates: never a year or month beside dates."""
    if t.start is not None:
        return {"start": date_out(t.start), "end": date_out(t.end)}
    return {"year": t.year, **({"month": t.month} if t.month is not None else {})}


def money_in(rec: dict, where: str) -> Money:
    """{"amount": "3500000", "currency": "VND"}: the amount is a string, never a float."""
    amount, currency = _req(rec, "amount", str), _req(rec, "currency", str)
    try:
        return Money(Decimal(amount), currency)
    except (InvalidOperation, ValueError) as exc:
        raise RecordError(N_("field '{field}' is not an amount of money: {value}"), field=where, value=f"{amount} {currency}") from exc


def money_out(m: Money) -> dict:
    return {"amount": str(m.amount), "currency": m.currency}


def delegation_out(d: Delegation) -> dict:
    timing = timing_out(d.timing)
    rec = {
        "id": d.id,
        "plan_id": d.plan_id,
        "seq": d.seq,
        "direction": d.direction.value,
        "partner": d.partner,
        "name": text_out(d.name),
        "leader": {"position": text_out(d.leader.position), "name": d.leader.name,
                   **({"name_lo": d.leader.name_lo} if d.leader.name_lo else {})},
        "members": d.members,
        "duration": {"min": d.duration.min_days, "max": d.duration.max_days},
        "timing": timing,
        "activities": [text_out(a) for a in d.activities],
        "cost_lines": [
            {"item": c.item, "payer": c.payer, "funding": c.funding, **({"detail": text_out(c.detail)} if c.detail else {})}
            for c in d.cost_lines
        ],
        "status": d.status.value,
        "notes": d.notes,
    }
    if d.cost_model:
        rec["cost_model"] = d.cost_model
    if d.rates:
        rec["rates"] = [{"item": r.item, "role": r.role, **money_out(r.amount)} for r in d.rates]
    if d.guest_class:
        rec["guest_class"] = d.guest_class
    if d.translation_pages:
        rec["translation_pages"] = d.translation_pages
    rec.update(life_out(d))
    return rec


# --- plans -----------------------------------------------------------------

def plan_in(rec: dict) -> Plan:
    period = _req(rec, "period", dict)
    sig = rec.get("signature")
    return Plan(
        id=_req(rec, "id", str),
        title=text_in(_req(rec, "title", (str, dict)), "title"),
        period=Period(_req(period, "start", int), _req(period, "end", int)),
        issuer=_opt(rec, "issuer", str, "home"),
        number=_opt(rec, "number", int),
        symbol=nfc(_opt(rec, "symbol", str, "KH-LĐLĐ")),
        place=text_in(rec.get("place"), "place"),
        issued=date_in(rec.get("issued"), "issued"),
        basis=tuple(
            BasisDocument(
                verb=text_in(b.get("verb"), "basis.verb"),
                kind=text_in(b.get("kind"), "basis.kind"),
                number=nfc(_opt(b, "number", str, "")),
                issued=date_in(b.get("issued"), "basis.issued"),
                issuer=text_in(b.get("issuer"), "basis.issuer"),
                subject=text_in(b.get("subject"), "basis.subject"),
            )
            for b in _opt(rec, "basis", list, [])
        ),
        introduction=text_in(rec.get("introduction"), "introduction"),
        recipients=tuple(text_in(r, "recipients") for r in _opt(rec, "recipients", list, [])),
        signature=Signature(text_in(sig.get("authority"), "signature.authority"), text_in(sig.get("position"), "signature.position"), nfc(_opt(sig, "name", str, "")))
        if isinstance(sig, dict) else None,
        cost_model=_opt(rec, "cost_model", str, ""),
    )


def plan_out(p: Plan) -> dict:
    return {
        "id": p.id,
        "title": text_out(p.title),
        "period": {"start": p.period.start_year, "end": p.period.end_year},
        "issuer": p.issuer,
        "number": p.number,
        "symbol": p.symbol,
        "place": text_out(p.place),
        "issued": date_out(p.issued),
        "basis": [
            {
                "verb": text_out(b.verb), "kind": text_out(b.kind), "number": b.number,
                "issued": date_out(b.issued), "issuer": text_out(b.issuer), "subject": text_out(b.subject),
            }
            for b in p.basis
        ],
        "introduction": text_out(p.introduction),
        "recipients": [text_out(r) for r in p.recipients],
        "signature": None if p.signature is None else {
            "authority": text_out(p.signature.authority), "position": text_out(p.signature.position), "name": p.signature.name,
        },
        "cost_model": p.cost_model,
    }


# --- organisations ---------------------------------------------------------

def organisation_in(rec: dict) -> Organisation:
    return Organisation(
        code=_req(rec, "code", str),
        country=_req(rec, "country", str),
        name=text_in(_req(rec, "name", (str, dict)), "name"),
        short_name=text_in(rec.get("short_name"), "short_name"),
        province=text_in(rec.get("province"), "province"),
        parent=text_in(rec.get("parent"), "parent"),
        default_cost_model=_opt(rec, "default_cost_model", str, "reciprocal"),
    )


def organisation_out(o: Organisation) -> dict:
    return {
        "code": o.code, "country": o.country, "name": text_out(o.name), "short_name": text_out(o.short_name),
        "province": text_out(o.province), "parent": text_out(o.parent), "default_cost_model": o.default_cost_model,
    }


# The life-cycle records (roster, programme, approval, outcome, status history) have a module
# of their own; imported last, as it builds on the helpers above, and re-exported here.
from .life_codec import life_in, life_out  # noqa: E402
