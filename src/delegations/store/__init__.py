"""Storage: atomic TinyDB JSON file, lock, schema migrations, repository."""

from .repository import Repository
from .storage import AtomicJSONStorage, WriteThroughCache, atomic_write_bytes

__all__ = ["AtomicJSONStorage", "Repository", "WriteThroughCache", "atomic_write_bytes"]
