"""The repository: the one in-memory view of a database file.

It opens the file once (through TinyDB with ``AtomicJSONStorage`` behind a
``WriteThroughCache``), decodes every record strictly, and serves reads from
memory. Each change is written to disk before the call returns. A writable
repository holds an exclusive lock on ``<file>.lock`` for as long as it is
open, so a second copy of the program cannot edit the same file.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from filelock import FileLock, Timeout
from tinydb import TinyDB

from ..domain import Delegation, Organisation, Plan
from ..errors import N_, CorruptFileError, Msg, LockedError, NotFoundError, ReadOnlyError, SchemaTooNewError
from . import codec, schema
from .storage import AtomicJSONStorage, WriteThroughCache

SETTINGS_ID = "1"


@dataclass
class _Row:
    doc_id: int
    obj: object


class Repository:
    def __init__(self, path: str | Path, *, writable: bool = True, default_data: Callable[[], dict] | None = None):
        self.path = Path(path)
        self.writable = writable
        self.migrated_from: int | None = None
        self._lock: FileLock | None = None
        if writable:
            self._lock = FileLock(str(self.path) + ".lock", timeout=0)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._lock.acquire()
            except Timeout:
                raise LockedError(path=str(self.path)) from None
        try:
            self._open(default_data)
        except BaseException:
            self.close()
            raise

    # --- opening ---------------------------------------------------------
    def _open(self, default_data) -> None:
        self._mw = WriteThroughCache(AtomicJSONStorage)
        self._db = TinyDB(str(self.path), storage=self._mw)
        data = self._mw.read()
        if data is None:
            data = default_data() if default_data else {}
            schema.set_version(data, schema.CURRENT)
            if self.writable:
                self._mw.write(data)
            else:
                self._mw._cache = data
        found = schema.version_of(data)
        if found > schema.CURRENT:
            raise SchemaTooNewError(path=str(self.path), found=found, supported=schema.CURRENT)
        if found < schema.CURRENT:
            schema.migrate(data)
            self.migrated_from = found
        self._decode(data)

    def _decode(self, data: dict) -> None:
        self._plans: dict[str, _Row] = {}
        self._delegations: dict[str, _Row] = {}
        self._orgs: dict[str, _Row] = {}
        for table, decode, target, key in (
            ("plans", codec.plan_in, self._plans, "id"),
            ("delegations", codec.delegation_in, self._delegations, "id"),
            ("organisations", codec.organisation_in, self._orgs, "code"),
        ):
            raw = data.get(table, {})
            if not isinstance(raw, dict):
                raise CorruptFileError(path=str(self.path), problem=Msg(N_("table '{table}' is not an object"), table=table))
            for doc_id, rec in raw.items():
                try:
                    if not isinstance(rec, dict):
                        raise codec.RecordError("the record is not an object")
                    obj = decode(rec)
                    target[getattr(obj, key)] = _Row(int(doc_id), obj)
                except (codec.RecordError, ValueError) as exc:
                    raise CorruptFileError(path=str(self.path), problem=Msg(N_("record {record} of table '{table}': {detail}"), record=doc_id, table=table, detail=str(exc))) from None
        settings = data.get("settings", {}).get(SETTINGS_ID, {})
        self._settings = dict(settings) if isinstance(settings, dict) else {}

    def close(self) -> None:
        db = getattr(self, "_db", None)
        if db is not None:
            db.close()
        if self._lock is not None and self._lock.is_locked:
            self._lock.release()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- reading ---------------------------------------------------------
    def plans(self) -> list[Plan]:
        return sorted((r.obj for r in self._plans.values()), key=lambda p: (p.period.start_year, p.id))

    def plan(self, plan_id: str) -> Plan:
        try:
            return self._plans[plan_id].obj
        except KeyError:
            raise NotFoundError(what="Plan", key=plan_id) from None

    def delegations(self, plan_id: str | None = None) -> list[Delegation]:
        rows = (r.obj for r in self._delegations.values())
        if plan_id is not None:
            rows = (d for d in rows if d.plan_id == plan_id)
        return sorted(rows, key=lambda d: (d.seq, d.id))

    def delegation(self, delegation_id: str) -> Delegation:
        try:
            return self._delegations[delegation_id].obj
        except KeyError:
            raise NotFoundError(what="Delegation", key=delegation_id) from None

    def organisations(self) -> list[Organisation]:
        return [r.obj for r in self._orgs.values()]

    def setting(self, key: str, default=None):
        return self._settings.get(key, default)

    # --- writing ---------------------------------------------------------
    def _require_writable(self) -> None:
        if not self.writable:
            raise ReadOnlyError(path=str(self.path))
        if self.migrated_from is not None:
            backup = self.path.with_name(f"{self.path.name}.v{self.migrated_from}.bak")
            if self.path.exists() and not backup.exists():
                shutil.copy2(self.path, backup)
            self.migrated_from = None

    def _put(self, table: str, index: dict[str, _Row], key: str, obj, record: dict) -> None:
        self._require_writable()
        tbl = self._db.table(table)
        row = index.get(key)
        if row is None:
            doc_id = tbl.insert(record)
        else:
            doc_id = row.doc_id

            def replace(doc, record=record):
                doc.clear()
                doc.update(record)

            tbl.update(replace, doc_ids=[doc_id])
        index[key] = _Row(doc_id, obj)

    def save_delegation(self, d: Delegation) -> None:
        self._put("delegations", self._delegations, d.id, d, codec.delegation_out(d))

    def save_plan(self, p: Plan) -> None:
        self._put("plans", self._plans, p.id, p, codec.plan_out(p))

    def save_organisation(self, o: Organisation) -> None:
        self._put("organisations", self._orgs, o.code, o, codec.organisation_out(o))

    def delete_delegation(self, delegation_id: str) -> None:
        self._require_writable()
        row = self._delegations.get(delegation_id)
        if row is None:
            raise NotFoundError(what="Delegation", key=delegation_id)
        self._db.table("delegations").remove(doc_ids=[row.doc_id])
        del self._delegations[delegation_id]

    def set_setting(self, key: str, value) -> None:
        self._require_writable()
        self._settings[key] = value
        tbl = self._db.table("settings")
        settings = dict(self._settings)

        def replace(doc):
            doc.clear()
            doc.update(settings)

        if tbl.contains(doc_id=int(SETTINGS_ID)):
            tbl.update(replace, doc_ids=[int(SETTINGS_ID)])
        else:
            from tinydb.table import Document

            tbl.insert(Document(settings, doc_id=int(SETTINGS_ID)))

    def replace_all(self, data: dict) -> None:
        """Replace the whole database with *data* (raw TinyDB tables) in one write."""
        self._require_writable()
        schema.set_version(data, schema.CURRENT)
        self._decode(data)  # refuse bad data before anything is written
        self._mw.write(data)
        self._db.close()
        self._db = TinyDB(str(self.path), storage=self._mw)
