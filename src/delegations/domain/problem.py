"""A problem found in input, named by field, and the error that carries problems."""

from __future__ import annotations

from dataclasses import dataclass, field


def N_(message: str) -> str:
    """Mark *message* for the catalogs without translating it here."""
    return message


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: the ``field`` it concerns, an untranslated message and its parameters."""

    field: str
    message: str
    params: dict = field(default_factory=dict)
    severity: str = "error"  # or "warning"

    def render(self, translate=lambda s: s) -> str:
        """The message in the language of *translate*; a parameter that renders itself (a
        field's or a language's name, ``errors.Msg``) is worded in that language too."""
        params = {k: v.render(translate) if hasattr(v, "render") else v for k, v in self.params.items()}
        return translate(self.message).format(**params)


class ValidationError(ValueError):
    """Raised when input is rejected; ``problems`` says what and where."""

    def __init__(self, problems: list[Problem]):
        self.problems = [p for p in problems if p.severity == "error"]
        super().__init__("; ".join(f"{p.field}: {p.render()}" for p in self.problems))
