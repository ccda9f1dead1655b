"""``rates set`` / ``rates cap`` on the command line: a row written as ``rates`` lists it
("lodging/leader") or as an item and ``--role``, and the one line that changed, old → new."""

from __future__ import annotations

from .errors import N_, UserError


def split_row(item: str, role: str) -> tuple[str, str]:
    """The item and role of a row typed "lodging/leader" (as ``rates`` lists it) or "lodging"
    with ``--role leader``; both forms naming different roles is refused."""
    name, slash, listed = item.partition("/")
    if not slash:
        return item, role
    if role not in ("all", listed):
        raise UserError(N_("The row {item} names the role {listed}, but --role says {role}: write one of them."),
                        item=item, listed=listed, role=role)
    return name, listed


def _amount(table, item: str, role: str) -> str:
    rate = table.rate(item, role)
    amount = getattr(rate, "amount", None)
    return "—" if amount is None else f"{amount.amount} {table.currency}"


def changed_line(before, after, item: str, role: str) -> str:
    """"tt102-2012-laos lodging/leader: — → 100 USD": the row of *before* and *after* (the same table)."""
    return f"{after.code} {item}/{role}: {_amount(before, item, role)} → {_amount(after, item, role)}"
