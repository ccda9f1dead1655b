"""The repository: the one in-memory view of a database file.

It opens the file once (through TinyDB with ``AtomicJSONStorage`` behind a
``WriteThroughCache``) and serves reads from memory. Plans and organisations are
decoded strictly at once. Delegations, which can number in the thousands, are
checked at once only for the fields that listing and filtering read
(``codec.Facets``); each is decoded in full, strictly, the first time it is
asked for, and all of them before the first write, so a file holding a
damaged record is reported and never written to. Each change is written to disk before the call returns. A writable
repository holds an exclusive lock on ``<file>.lock`` for as long as it is
open (``<file>.lock`` beside the real file when the path is a symbolic link), so a
second copy of the program cannot edit the same file under any name. Opening for
editing removes the temporary files a killed save left, and is refused with the
reason (``NotWritableError``) when this user cannot save the file.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

from filelock import FileLock, Timeout
from tinydb import TinyDB

from ..domain import Delegation, Organisation, Plan
from ..errors import N_, CorruptFileError, FileError, StoreError, Msg, LockedError, NotFoundError, NotWritableError, ReadOnlyError, SchemaTooNewError
from ..paths import lock_path
from . import codec, integrity, schema
from .rows import DelegationList, _detail, _doc_id, _order, _Row, _saving, gc_paused  # noqa: F401 (gc_paused, DelegationList: public here)
from .storage import AtomicJSONStorage, WriteThroughCache, real_path, remove_stale_temp_files, write_problem

SETTINGS_ID = "1"


class Repository:
    """The one in-memory view of a database file, locked for editing while open (see the module's docstring)."""

    def __init__(self, path: str | Path, *, writable: bool = True, default_data: Callable[[], dict] | None = None):
        self.path = Path(path)
        self.writable = writable
        self.migrated_from: int | None = None
        self._lock: FileLock | None = None
        try:
            if writable:
                problem = write_problem(self.path)
                if problem is not None:
                    raise NotWritableError(path=str(self.path), problem=problem)
                self._lock = FileLock(str(lock_path(self.path)), timeout=0)
                try:
                    real_path(self.path).parent.mkdir(parents=True, exist_ok=True)
                    self._lock.acquire()
                except Timeout:
                    raise LockedError(path=str(self.path)) from None
                except PermissionError as exc:
                    raise NotWritableError(path=str(self.path), problem=exc.strerror or str(exc)) from None
                remove_stale_temp_files(self.path)
            with gc_paused():
                self._open(default_data)
        except OSError as exc:
            self.close()
            raise FileError.of(exc, N_("open the database"), self.path) from exc
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
        try:
            found = schema.version_of(data)
        except schema.SchemaVersionError as exc:
            detail = Msg(N_("{detail} ({value}); the file is not migrated"), detail=Msg(exc.detail), value=repr(exc.value)) \
                if exc.value is not None else Msg(exc.detail)
            raise CorruptFileError(path=str(self.path), problem=detail) from None
        if found > schema.CURRENT:
            raise SchemaTooNewError(path=str(self.path), found=found, supported=schema.CURRENT)
        if found < schema.CURRENT:
            schema.migrate(data)
            self.migrated_from = found
        self._decode(data)

    def _corrupt(self, table: str, record, detail) -> CorruptFileError:
        return CorruptFileError(path=str(self.path), problem=Msg(N_("record {record} of table '{table}': {detail}"), record=record, table=table, detail=detail))

    def _table(self, data: dict, table: str) -> dict:
        raw = data.get(table, {})
        if not isinstance(raw, dict):
            raise CorruptFileError(path=str(self.path), problem=Msg(N_("table '{table}' is not an object"), table=table))
        return raw

    def _decode(self, data: dict) -> None:
        plans: dict[str, _Row] = {}
        orgs: dict[str, _Row] = {}
        for table, decode, target, key in (
            ("plans", codec.plan_in, plans, "id"),
            ("organisations", codec.organisation_in, orgs, "code"),
        ):
            keys: list[tuple[str, str]] = []
            for doc_id, rec in self._table(data, table).items():
                try:
                    if not isinstance(rec, dict):
                        raise codec.RecordError(N_("the record is not an object"))
                    obj = decode(rec)
                    target[getattr(obj, key)] = _Row(int(doc_id), obj)
                    keys.append((doc_id, getattr(obj, key)))
                except (codec.RecordError, ValueError) as exc:
                    raise self._corrupt(table, doc_id, _detail(exc)) from None
            twice = integrity.duplicate_key(table, keys)
            if twice is not None:
                raise CorruptFileError(path=str(self.path), problem=twice)
        rows: dict[str, tuple[int, dict]] = {}
        facets: dict[str, codec.Facets] = {}
        listed: list[tuple[str, codec.Facets]] = []
        for doc_id, rec in self._table(data, "delegations").items():
            try:
                if type(rec) is not dict:
                    raise codec.RecordError(N_("the record is not an object"))
                f = codec.facets_in(rec)
                listed.append((doc_id, f))
                rows[f.id] = (int(doc_id), rec)
                facets[f.id] = f
            except (codec.RecordError, ValueError) as exc:
                raise self._corrupt("delegations", doc_id, _detail(exc)) from None
        twice = integrity.duplicate_delegations(listed)
        if twice is not None:
            raise CorruptFileError(path=str(self.path), problem=twice)
        try:
            settings = integrity.check_settings(data.get("settings", {}))
        except codec.RecordError as exc:
            raise CorruptFileError(path=str(self.path), problem=exc.detail) from None
        self._plans, self._orgs = plans, orgs
        self._rows, self._facets = rows, facets
        self._decoded: dict[str, Delegation] = {}
        self._verified = False
        self._settings = dict(settings) if isinstance(settings, dict) else {}
        self.generation = getattr(self, "generation", 0) + 1

    def reload(self) -> None:
        """Read the file again, as another program left it; a writable copy keeps its lock."""
        if not self.path.exists():
            raise StoreError(N_("The database file {path} is gone; nothing was reloaded."), path=str(self.path))
        self._db.close()
        with gc_paused():
            self._open(None)

    def fingerprint(self) -> tuple[int, int, int] | None:
        """Inode, modification time and size of the file (``None``: no file): what
        changes when any program replaces it."""
        from .storage import _fingerprint

        return _fingerprint(self.path)

    def lock_is_free(self) -> bool:
        """Whether no copy of the program holds the file for editing (probed, not kept)."""
        probe = FileLock(str(lock_path(self.path)), timeout=0)
        try:
            probe.acquire()
        except Timeout:
            return False
        except OSError:
            return False
        probe.release()
        return True

    def become_writable(self) -> None:
        """Take the lock a read-only copy did not get, and read the file again;
        raise ``LockedError`` if another copy holds it."""
        if self.writable:
            return
        lock = FileLock(str(lock_path(self.path)), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            raise LockedError(path=str(self.path)) from None
        self._lock, self.writable = lock, True
        try:
            self.reload()
        except BaseException:
            self.writable = False
            self._lock = None
            lock.release()
            raise

    def verify(self) -> None:
        """Decode every delegation not yet decoded; raise ``CorruptFileError`` on the first bad one."""
        if not self._verified:
            for delegation_id in list(self._rows):
                self.delegation(delegation_id)
            self._verified = True

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

    def facets(self, plan_id: str | None = None) -> list[codec.Facets]:
        """The listing fields of the delegations (of one plan), in listing order."""
        rows = self._facets.values()
        if plan_id is not None:
            rows = [f for f in rows if f.plan_id == plan_id]
        return sorted(rows, key=_order)

    def facets_of(self, ids) -> list[codec.Facets]:
        facets = self._facets
        return [facets[i] for i in ids]

    def delegations(self, plan_id: str | None = None) -> DelegationList:
        return DelegationList(self, [f.id for f in self.facets(plan_id)])

    def delegation(self, delegation_id: str) -> Delegation:
        d = self._decoded.get(delegation_id)
        if d is not None:
            return d
        try:
            doc_id, rec = self._rows[delegation_id]
        except KeyError:
            raise NotFoundError(what="Delegation", key=delegation_id) from None
        try:
            d = self._decoded[delegation_id] = codec.delegation_in(rec)
        except (codec.RecordError, ValueError) as exc:
            raise self._corrupt("delegations", doc_id, _detail(exc)) from None
        return d

    def organisations(self) -> list[Organisation]:
        return [r.obj for r in self._orgs.values()]

    def setting(self, key: str, default=None):
        return self._settings.get(key, default)

    # --- writing ---------------------------------------------------------
    def _require_writable(self) -> None:
        if not self.writable:
            raise ReadOnlyError(path=str(self.path))
        self.verify()
        if self.migrated_from is not None:
            backup = self.path.with_name(f"{self.path.name}.v{self.migrated_from}.bak")
            if self.path.exists() and not backup.exists():
                shutil.copy2(self.path, backup)
            self.migrated_from = None

    def _put(self, table: str, doc_id: int | None, record: dict) -> int:
        """Insert *record*, or replace document *doc_id*; return its doc id."""
        self._require_writable()
        tbl = self._db.table(table)
        if doc_id is None:
            return tbl.insert(record)

        def replace(doc, record=record):
            doc.clear()
            doc.update(record)

        self._forget(table, doc_id)  # changed in place: its line is written anew
        tbl.update(replace, doc_ids=[doc_id])
        return doc_id

    def _forget(self, table: str, doc_id: int) -> None:
        storage = getattr(self._db.storage, "storage", None)
        if hasattr(storage, "forget"):
            storage.forget(table, doc_id)

    @_saving
    def save_delegation(self, d: Delegation) -> None:
        record = codec.delegation_out(d)
        row = self._rows.get(d.id)
        doc_id = self._put("delegations", row[0] if row else None, record)
        self._rows[d.id] = (doc_id, record)
        self._facets[d.id] = codec.facets_in(record)
        self._decoded[d.id] = d

    @_saving
    def save_plan(self, p: Plan) -> None:
        self._plans[p.id] = _Row(self._put("plans", _doc_id(self._plans, p.id), codec.plan_out(p)), p)

    @_saving
    def save_organisation(self, o: Organisation) -> None:
        self._orgs[o.code] = _Row(self._put("organisations", _doc_id(self._orgs, o.code), codec.organisation_out(o)), o)

    @_saving
    def delete_delegation(self, delegation_id: str) -> None:
        self._require_writable()
        row = self._rows.get(delegation_id)
        if row is None:
            raise NotFoundError(what="Delegation", key=delegation_id)
        self._db.table("delegations").remove(doc_ids=[row[0]])
        del self._rows[delegation_id], self._facets[delegation_id]
        self._decoded.pop(delegation_id, None)

    @_saving
    def delete_plan(self, plan_id: str) -> None:
        """Remove an empty plan (one without delegations)."""
        self._require_writable()
        row = self._plans.get(plan_id)
        if row is None:
            raise NotFoundError(what="Plan", key=plan_id)
        if any(f.plan_id == plan_id for f in self._facets.values()):
            raise StoreError(N_("The plan {plan} still has delegations."), plan=plan_id)
        self._db.table("plans").remove(doc_ids=[row.doc_id])
        del self._plans[plan_id]

    @_saving
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

    @_saving
    def replace_all(self, data: dict) -> None:
        """Replace the whole database with *data* (raw TinyDB tables) in one write."""
        self._require_writable()
        schema.set_version(data, schema.CURRENT)
        self._decode(data)  # refuse bad data before anything is written
        self.verify()
        self._mw.write(data)
        self._db.close()
        self._db = TinyDB(str(self.path), storage=self._mw)
