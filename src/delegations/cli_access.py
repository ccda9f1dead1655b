"""Which command-line runs change the file, and so need the lock.

A listing (``rates``, ``fx``, ``deadlines``, ``dates``, ``due``, ``guest-class SEQ``,
``translation SEQ``) only reads: it opens the file read-only and runs while the
terminal UI edits it. Only the forms that set something take the lock."""

from __future__ import annotations

_CHANGES = {
    "rates": lambda a: a.action in ("set", "cap"),
    "fx": lambda a: bool(a.source or a.target or a.rate),
    "guest-class": lambda a: bool(a.guest_class),
    "translation": lambda a: a.pages is not None,
    "deadlines": lambda a: a.action == "set",
    "dates": lambda a: a.action in ("add", "remove"),
    "due": lambda a: bool(getattr(a, "met", None) or getattr(a, "unmet", None)),
}


def reads_only(command: str, args) -> bool:
    """True when this run of *command* (a listing form) changes nothing."""
    changes = _CHANGES.get(command)
    return changes is not None and not changes(args)
