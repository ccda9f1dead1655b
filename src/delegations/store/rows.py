"""The repository's in-memory rows, the lazy ``DelegationList`` it hands out, and the helpers
it opens and saves with (pausing the garbage collector, saying a failed save in the user's words)."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import N_, FileError
from . import codec

if TYPE_CHECKING:
    from .repository import Repository


def _doc_id(index: dict[str, _Row], key: str) -> int | None:
    row = index.get(key)
    return row.doc_id if row else None


def _detail(exc: ValueError):
    return exc.detail if isinstance(exc, codec.RecordError) else str(exc)


@contextmanager
def gc_paused():
    """Pause the cyclic garbage collector during a bulk load.

    Reading a large file makes hundreds of thousands of containers, none of
    them garbage; each collection the allocations trigger walks all of them
    again. Pausing halves the time to open a 10,000-delegation file.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _saving(method):
    """Say an ``OSError`` while writing the file (disk full, permission denied, ...) in
    the user's words, naming the database; the file keeps its earlier content."""
    import functools

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except OSError as exc:
            raise FileError.of(exc, N_("save the database"), self.path) from exc

    return wrapper


def _order(f: codec.Facets) -> tuple[int, str]:
    return (f.seq, f.id)


@dataclass
class _Row:
    doc_id: int
    obj: object


class DelegationList(Sequence):
    """Delegations in listing order, decoded only when an item is read."""

    def __init__(self, repo: "Repository", ids: list[str]):
        self._repo = repo
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return DelegationList(self._repo, self.ids[index])
        return self._repo.delegation(self.ids[index])

    def __iter__(self):
        delegation = self._repo.delegation
        return (delegation(i) for i in self.ids)

    def without(self, delegation_id: str) -> "DelegationList":
        """The same list but the delegation *delegation_id* (none is read, the ids are
        listed again only when asked for: validating a long plan asks this of every row)."""
        return _Without(self._repo, self.ids, delegation_id)

    def __eq__(self, other) -> bool:
        if isinstance(other, (list, tuple, DelegationList)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"<DelegationList of {len(self.ids)}>"


class _Without(DelegationList):
    """A ``DelegationList`` but one delegation (``DelegationList.without``)."""

    def __init__(self, repo: "Repository", ids: list[str], skip: str):
        self._repo, self._all, self._skip, self._ids = repo, ids, skip, None

    @property
    def ids(self) -> list[str]:
        if self._ids is None:
            self._ids = [i for i in self._all if i != self._skip]
        return self._ids

    def __iter__(self):
        delegation, skip = self._repo.delegation, self._skip
        return (delegation(i) for i in self._all if i != skip)
