"""What the UI says when something the user, the file system or a plugin caused
goes wrong, instead of dying. A fault of the program itself is not explained
here: it still ends the program, with a non-zero exit status."""

from __future__ import annotations

import traceback
from types import ModuleType

from ..domain import ValidationError
from ..errors import PluginError, UserError
from ..i18n import _, describe
from ..plugins import PluginFailure, PluginHost


def culprit(exc: BaseException, host: PluginHost) -> str | None:
    """The plugin whose code raised *exc* (the innermost plugin frame), if any."""
    modules: dict[str, str] = {}
    for name, plugin in host.pm.list_name_plugin():
        module = plugin.__name__ if isinstance(plugin, ModuleType) else type(plugin).__module__
        modules[module] = name
    found = None
    for frame, _line in traceback.walk_tb(exc.__traceback__):
        module = frame.f_globals.get("__name__", "")
        for prefix, name in modules.items():
            if module == prefix or module.startswith(prefix + "."):
                found = name
    return found


def explain(exc: BaseException, host: PluginHost, doing: str = "") -> str | None:
    """A message in the user's language for *exc*, or ``None`` when it is a fault
    of the program. A plugin that raised is named and recorded among the failures
    the plugins screen (g) lists."""
    if isinstance(exc, ValidationError):
        return "\n".join(describe(p) for p in exc.problems)
    if isinstance(exc, PluginError):
        record(host, exc)
    if isinstance(exc, UserError):
        return describe(exc)
    if not isinstance(exc, Exception):
        return None
    if isinstance(exc, ArithmeticError):
        return _("A figure is too large (or not a number) to compute with: check the rates, exchange rates and amounts ({error}).").format(error=type(exc).__name__)
    plugin = culprit(exc, host)
    if plugin is not None:
        error = f"{type(exc).__name__}: {exc}"
        host.failures.append(PluginFailure(plugin, host.sources.get(plugin, "?"), "".join(traceback.format_exception(exc)), doing or None))
        return _("The plugin {plugin} failed: {error}. Nothing was changed; the plugins screen (g) lists it.").format(plugin=plugin, error=error)
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else ""
        return _("The file system refused: {reason} ({path}). Nothing was changed.").format(reason=exc.strerror or str(exc), path=where)
    return None


def record(host: PluginHost, exc: PluginError) -> None:
    """Add a plugin's call-time failure (already named by ``plugins.guarded``) to the
    failures the plugins screen (g) lists, once."""
    plugin, hook, error = exc.params.get("plugin", "?"), exc.params.get("hook"), str(exc.params.get("error", ""))
    failure = PluginFailure(plugin, host.sources.get(plugin, "?"), error, hook)
    if failure not in host.failures:
        host.failures.append(failure)
