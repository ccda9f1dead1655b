"""delegations: a plugin-based planner for international delegation exchanges."""

import pluggy

__version__ = "0.1.0"

hookimpl = pluggy.HookimplMarker("delegations")

__all__ = ["hookimpl", "__version__"]
