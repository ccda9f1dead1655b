"""Built-in rate tables: receiving foreign delegations (Thông tư 35/2026/TT-BTC and
71/2018/TT-BTC) and short trips to Laos (Thông tư 102/2012/TT-BTC), read from data files."""

from importlib import resources

from .. import hookimpl
from ..budget.tables import load_table


@hookimpl
def register_rate_tables(register):
    folder = resources.files("delegations") / "data" / "rates"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            register(load_table(entry))
