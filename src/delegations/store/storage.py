"""TinyDB storage that never leaves a half-written file.

``AtomicJSONStorage`` writes the whole database to a temporary file in the same
folder, flushes and fsyncs it, then ``os.replace``s it over the old one, so a
crash at any moment leaves either the old or the new file. It remembers which
file it read and refuses to replace one that another program wrote since.
``WriteThroughCache`` keeps the decoded data in memory so reads cost nothing.

Files are left as a careful program leaves them: a replaced file keeps its mode
(and owner, where allowed); a new one gets the mode the user's umask gives; a
symbolic link is written through to its target, never replaced by a plain file;
temporary files of a save that was killed are removed by ``remove_stale_temp_files``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from tinydb.middlewares import Middleware
from tinydb.storages import Storage

from ..errors import N_, ConflictError, CorruptFileError, Msg


def _fingerprint(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def real_path(path: Path) -> Path:
    """The file a (possibly symlinked) path names; it need not exist yet."""
    return Path(os.path.realpath(path))


def _keep_mode(fd: int, target: Path) -> None:
    """Give the new file the old one's mode and owner, or the umask's mode when it is new."""
    if not hasattr(os, "fchmod"):  # Windows before Python 3.13: no modes to keep
        return
    try:
        st = os.stat(target)
    except FileNotFoundError:
        os.fchmod(fd, 0o666 & ~_umask())
        return
    os.fchmod(fd, st.st_mode & 0o7777)
    if hasattr(os, "fchown"):
        try:
            os.fchown(fd, st.st_uid, st.st_gid)
        except PermissionError:
            pass


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Write *payload* to *path* so that readers see the old or the new file, never a mix.
    A symbolic link is followed: its target is replaced, the link stays."""
    path = real_path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        _keep_mode(fd, path)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def remove_stale_temp_files(path: Path) -> list[Path]:
    """Remove the temporary files a killed save of *path* left beside it; return them.
    Call only while holding the database's lock (no save of it can be under way)."""
    path = real_path(path)
    pattern = re.compile(re.escape(_temp_prefix(path)) + r"[a-z0-9_]{8}\.tmp")
    removed = []
    try:
        candidates = [p for p in path.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return removed
    for tmp in candidates:
        try:
            tmp.unlink()
            removed.append(tmp)
        except OSError:
            pass
    return removed


def write_problem(path: Path):
    """Why *path* cannot be saved by this user (a ``Msg``), or ``None`` when it can."""
    path = real_path(path)
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return Msg(N_("you cannot create files in the folder {folder}"), folder=str(folder))
    if path.exists() and not os.access(path, os.W_OK):
        return Msg(N_("the file is read-only for you"))
    return None


ENCODED_ONCE = ("delegations",)  # the table that grows: its records' lines are kept between writes


def dumps(data: dict, lines: dict | None = None) -> str:
    """JSON with one record per line: fast to write, and a changed record is a
    one-line difference when the file is kept under version control.

    *lines* (kept by the caller between writes) remembers the line of each record of
    the ``ENCODED_ONCE`` tables with the record object it encoded: the same object is
    not encoded again, so a save of one delegation among thousands encodes one. A
    record changed in place must be forgotten first (``AtomicJSONStorage.forget``)."""
    enc = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def line(name: str, key: str, value) -> str:
        if lines is None or name not in ENCODED_ONCE:
            return f"  {enc(key)}: {enc(value)}"
        known = lines.get((name, key))
        if known is not None and known[1] is value:
            return known[0]
        text = f"  {enc(key)}: {enc(value)}"  # the whole line, key too: the next write only joins
        lines[(name, key)] = (text, value)
        return text

    tables = []
    for name, table in data.items():
        if isinstance(table, dict):
            rows = ",\n".join([line(name, str(k), v) for k, v in table.items()])
            tables.append(f" {enc(name)}: {{\n{rows}\n }}" if rows else f" {enc(name)}: {{}}")
        else:
            tables.append(f" {enc(name)}: {enc(table)}")
    return "{\n" + ",\n".join(tables) + "\n}\n"


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._seen: tuple[int, int, int] | None = None
        self._lines: dict = {}  # each record's last written line (see ``dumps``)

    def read(self) -> dict | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self._seen = None
            return None
        self._seen = _fingerprint(self.path)
        self._lines = {}
        if not raw.strip():
            raise CorruptFileError(path=str(self.path), problem=Msg(N_("the file is empty")))
        try:
            data = json.loads(raw)
        except UnicodeDecodeError as exc:
            raise CorruptFileError(path=str(self.path), problem=Msg(N_("not UTF-8 text (byte {at})"), at=exc.start)) from None
        except json.JSONDecodeError as exc:
            raise CorruptFileError(path=str(self.path), problem=Msg(N_("not valid JSON ({detail}, line {line} column {column})"), detail=exc.msg, line=exc.lineno, column=exc.colno)) from None
        if not isinstance(data, dict):
            raise CorruptFileError(path=str(self.path), problem=Msg(N_("the top level is not a JSON object")))
        return data

    def forget(self, table: str, key) -> None:
        """Record *key* of *table* is about to change in place: encode it again at the next write."""
        self._lines.pop((table, str(key)), None)

    def write(self, data: dict) -> None:
        if _fingerprint(self.path) != self._seen:
            raise ConflictError(path=str(self.path))
        atomic_write_bytes(self.path, dumps(data, self._lines).encode("utf-8"))
        self._seen = _fingerprint(self.path)

    def close(self) -> None:
        pass


class WriteThroughCache(Middleware):
    """Serve reads from memory; send every write straight to the storage.

    Unlike TinyDB's ``CachingMiddleware`` nothing waits in memory: each change
    is on disk when the call returns. A failed write drops the cache, so the
    next read shows what is really on disk; a write refused because another
    program replaced the file keeps it, so every later write is refused too
    until the file is reloaded.
    """

    def __init__(self, storage_cls=AtomicJSONStorage):
        super().__init__(storage_cls)
        self._cache: dict | None = None

    def __call__(self, *args, **kwargs):
        # TinyDB calls the middleware to build its storage; keep the one we have
        # so that reopening a database keeps the file fingerprint and cache.
        if self.storage is None:
            self.storage = self._storage_cls(*args, **kwargs)
        return self

    def read(self):
        if self._cache is None:
            self._cache = self.storage.read()
        return self._cache

    def write(self, data):
        try:
            self.storage.write(data)
        except ConflictError:
            # The file is another program's now: keep refusing until the user reloads,
            # rather than read it here under a repository that still holds ours.
            raise
        except BaseException:
            self._cache = None
            raise
        self._cache = data

    def reload(self):
        self._cache = None
        return self.read()
