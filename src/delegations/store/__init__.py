"""Storage: atomic TinyDB JSON file, lock, schema migrations, repository."""

from .repository import DelegationList, Repository
from .storage import AtomicJSONStorage, WriteThroughCache, atomic_write_bytes

__all__ = ["AtomicJSONStorage", "DelegationList", "Repository", "WriteThroughCache", "atomic_write_bytes"]
