"""Validation that fails closed: the problems the validators found, and the
validators that could not say (they raised, or returned something that is not a
list of problems).

A fault counts as an error: the save is refused, ``validate`` exits non-zero,
``plugins`` lists it, and the terminal UI shows it like any problem (each fault
is also given as a ``Problem`` on the field ``plugin``).
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Any

from .domain import Problem, ValidationError
from .i18n import N_

SEVERITIES = ("error", "warning")


@dataclass(frozen=True)
class ValidatorFault:
    """A validator hook (built-in or a plugin's) that raised or returned garbage."""

    plugin: str
    hook: str
    error: str  # one line: the exception, or what was returned

    def problem(self) -> Problem:
        return Problem("plugin", N_("The validator {plugin} ({hook}) failed: {error}. Nothing can be saved until it is fixed or disabled."),
                       {"plugin": self.plugin, "hook": self.hook, "error": self.error})


@dataclass
class ValidationReport:
    """What validating one delegation (or a plan header) found.

    ``problems`` are the validators' own; ``faults`` the validators that failed.
    ``all_problems()`` gives both, faults as errors; ``blocked`` says whether a
    save must be refused.
    """

    problems: list[Problem] = field(default_factory=list)
    faults: list[ValidatorFault] = field(default_factory=list)

    def all_problems(self) -> list[Problem]:
        return [*self.problems, *(f.problem() for f in self.faults)]

    @property
    def blocked(self) -> bool:
        return bool(self.faults) or any(p.severity == "error" for p in self.problems)

    def error(self) -> ValidationError:
        """The error that refuses a save: ``ValidatorFailed`` when a validator failed."""
        return (ValidatorFailed if self.faults else ValidationError)(self.all_problems())


class ValidatorFailed(ValidationError):
    """A save refused because a validator failed (its fault is among ``problems``);
    the command line exits with the plugin status (4) rather than 1."""

    exit_status = 4


def _garbage(result: Any) -> str | None:
    """Why *result* is not an acceptable answer of a validator; ``None`` if it is."""
    if result is None:
        return None
    if not isinstance(result, (list, tuple)):
        return f"returned {_short(result)} instead of a list of problems"
    for item in result:
        if not isinstance(item, Problem):
            return f"returned {_short(item)} in its list instead of a Problem"
        if item.severity not in SEVERITIES or not isinstance(item.field, str) or not isinstance(item.params, dict):
            return f"returned a malformed Problem {_short(item)}"
        try:
            item.render()
        except Exception as exc:  # a message whose parameters do not fit it
            return f"returned a Problem that cannot be shown ({type(exc).__name__}: {exc})"
    return None


def _short(value: Any) -> str:
    try:
        text = repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 80 else text[:77] + "..."


def run_validators(host, hook_name: str, **kwargs) -> ValidationReport:
    """Call every implementation of *hook_name* on its own; collect problems and faults.

    Faults are also recorded in ``host.failures`` (once each), so ``plugins``
    and the UI's plugin screen list them.
    """
    from .plugins import PluginFailure, locate

    report = ValidationReport()
    caller = getattr(host.pm.hook, hook_name)
    for impl in reversed(caller.get_hookimpls()):
        name = impl.plugin_name
        try:
            result = impl.function(**{k: kwargs[k] for k in impl.argnames})
            why = _garbage(result)
            detail = why
            code = getattr(impl.function, "__code__", None)  # a wrong result: point at the hook itself
            where = (code.co_filename, code.co_firstlineno) if code else (None, None)
        except Exception as exc:
            why = f"{type(exc).__name__}: {exc}".strip()
            detail = traceback.format_exc()
            where = locate(exc)
            result = None
        if why is not None:
            fault = ValidatorFault(name, hook_name, why.splitlines()[0][:200] if why else "")
            report.faults.append(fault)
            failure = PluginFailure(name, host.sources.get(name, "?"), detail or why, hook_name, *where)
            if all((f.plugin, f.hook, f.short()) != (name, hook_name, failure.short()) for f in host.failures):
                host.failures.append(failure)
            continue
        report.problems.extend(result or [])
    return report
