"""Encoding and decoding of a delegation's life-cycle records: its roster, programme,
approval, outcome, cancellation reason, status history and documents' own texts.

Strict like ``codec`` (whose helpers it uses): a missing or ill-typed field raises
``RecordError`` naming it.
"""

from __future__ import annotations

from typing import Any

from ..domain import ActualCost, Approval, Delegation, Outcome, Person, ProgrammeItem, Sex, StatusChange, nfc
from .codec import _enum, _opt, _req, date_in, date_out, money_in, money_out, text_in, text_out


def life_in(rec: dict) -> dict:
    """The life-cycle fields of a delegation record, as keyword arguments of ``Delegation``."""
    roster = tuple(
        Person(name=nfc(_req(p, "name", str)), position=text_in(p.get("position"), "roster.position"),
               sex=_enum(Sex, p, "sex") if p.get("sex") is not None else None, born=date_in(p.get("born"), "roster.born"),
               passport=nfc(_opt(p, "passport", str, "")), passport_expires=date_in(p.get("passport_expires"), "roster.passport_expires"),
               lao_name=nfc(_opt(p, "lao_name", str, "")), role=_opt(p, "role", str, "member"))
        for p in _opt(rec, "roster", list, []))
    programme = tuple(
        ProgrammeItem(day=date_in(_req(i, "day", str), "programme.day"), activity=text_in(i.get("activity"), "programme.activity"),
                      time=_opt(i, "time", str, ""), place=text_in(i.get("place"), "programme.place"))
        for i in _opt(rec, "programme", list, []))
    a = _opt(rec, "approval", dict)
    approval = Approval(nfc(_req(a, "number", str)), date_in(_req(a, "issued", str), "approval.issued"), text_in(a.get("body"), "approval.body")) if a else None
    o = _opt(rec, "outcome", dict)
    outcome = Outcome(
        start=date_in(_req(o, "start", str), "outcome.start"), end=date_in(_req(o, "end", str), "outcome.end"), members=_req(o, "members", int),
        costs=tuple(ActualCost(_req(c, "item", str), money_in(c, "outcome.costs")) for c in _opt(o, "costs", list, [])),
        results=text_in(o.get("results"), "outcome.results")) if o else None
    history = tuple(StatusChange(_req(h, "status", str), date_in(_req(h, "on", str), "history.on"), nfc(_opt(h, "note", str, "")))
                    for h in _opt(rec, "history", list, []))
    texts = tuple((k, text_in(v, "texts")) for k, v in sorted(_opt(rec, "texts", dict, {}).items()))
    return {"roster": roster, "programme": programme, "approval": approval, "outcome": outcome,
            "cancel_reason": text_in(rec.get("cancel_reason"), "cancel_reason"), "history": history, "texts": texts}


def life_out(d: Delegation) -> dict:
    """The life-cycle fields of *d* that are set, as record fields (absent ones left out)."""
    rec: dict[str, Any] = {}
    if d.roster:
        rec["roster"] = [{
            "name": p.name, "position": text_out(p.position), "sex": p.sex.value if p.sex else None, "born": date_out(p.born),
            "passport": p.passport, "passport_expires": date_out(p.passport_expires), "lao_name": p.lao_name, "role": p.role,
        } for p in d.roster]
    if d.programme:
        rec["programme"] = [{"day": date_out(i.day), "time": i.time, "activity": text_out(i.activity), "place": text_out(i.place)}
                            for i in d.programme]
    if d.approval:
        rec["approval"] = {"number": d.approval.number, "issued": date_out(d.approval.issued), "body": text_out(d.approval.body)}
    if d.outcome:
        o = d.outcome
        rec["outcome"] = {"start": date_out(o.start), "end": date_out(o.end), "members": o.members,
                          "costs": [{"item": c.item, **money_out(c.amount)} for c in o.costs], "results": text_out(o.results)}
    if d.cancel_reason:
        rec["cancel_reason"] = text_out(d.cancel_reason)
    if d.history:
        rec["history"] = [{"status": h.status, "on": date_out(h.on), **({"note": h.note} if h.note else {})} for h in d.history]
    if d.texts:
        rec["texts"] = {k: text_out(v) for k, v in d.texts}
    return rec
