"""The default data the program ships with: the 2020–2022 cooperation plan
of LĐLĐ tỉnh Quảng Trị with its four delegations (seed document 000)."""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _raw() -> dict:
    return json.loads(resources.files("delegations").joinpath("data/default.json").read_text("utf-8"))


def default_data() -> dict:
    """A fresh copy of the shipped default database (raw TinyDB tables)."""
    return copy.deepcopy(_raw())
