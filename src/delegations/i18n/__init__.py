"""Translations (gettext catalogs managed with Babel) and the current language.

Message ids are English; catalogs for vi (the default), en and lo live in
``i18n/locales``. The interface language comes from ``--lang``, then
``$DELEGATIONS_LANG``, then ``$LANGUAGE``, else Vietnamese. Documents choose
their language per export and use ``translator(lang)`` directly.
"""

from __future__ import annotations

import gettext as _gettext
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "delegations"
LOCALE_DIR = Path(__file__).parent / "locales"
DEFAULT_LANGUAGE = "vi"
SUPPORTED = ("vi", "lo", "en")

_extra_dirs: list[Path] = []
_domains: list[tuple[str, Path]] = []  # plugins' own catalogs, looked up after the program's
_current = DEFAULT_LANGUAGE


def add_catalog_dir(path: Path) -> None:
    """Let a locale plugin add catalogs (``<path>/<lang>/LC_MESSAGES/delegations.mo``)."""
    if path not in _extra_dirs:
        _extra_dirs.append(path)
        translator.cache_clear()


def add_domain(domain: str, path: Path) -> None:
    """Let a plugin add catalogs of its own messages
    (``<path>/<lang>/LC_MESSAGES/<domain>.mo``), consulted after the program's."""
    if (domain, path) not in _domains:
        _domains.append((domain, path))
        translator.cache_clear()


@lru_cache(maxsize=None)
def translator(lang: str) -> _gettext.NullTranslations:
    base = _gettext.NullTranslations()
    for domain, folder in [*((DOMAIN, f) for f in [LOCALE_DIR, *_extra_dirs]), *_domains]:
        try:
            tr = _gettext.translation(domain, folder, languages=[lang])
        except Exception:  # missing, or a plugin's damaged catalog: the message stays untranslated
            continue
        if isinstance(base, _gettext.GNUTranslations):
            base.add_fallback(tr)
        else:
            base = tr
    return base


def explicit_environment_language() -> str | None:
    """The language named by ``$DELEGATIONS_LANG`` or ``$LANGUAGE``, if any."""
    for env in ("DELEGATIONS_LANG", "LANGUAGE"):
        raw = os.environ.get(env, "")
        for part in raw.split(":"):
            code = part.split(".")[0].split("_")[0].strip().lower()
            if code:
                return code
    return None


def environment_language() -> str:
    return explicit_environment_language() or DEFAULT_LANGUAGE


def set_language(lang: str | None) -> str:
    global _current
    _current = lang or environment_language()
    return _current


def current_language() -> str:
    return _current


def gettext(message: str) -> str:
    return translator(_current).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translator(_current).ngettext(singular, plural, n)


_ = gettext


def translate(message: str, lang: str | None = None) -> str:
    """*message* in *lang* (default: the interface language), from the program's
    catalogs or a plugin's own (``MessageCatalog``)."""
    return translator(lang or _current).gettext(message)


def N_(message: str) -> str:
    """Mark a string for extraction; translate it later with ``_``."""
    return message


def describe(error) -> str:
    """Render a ``UserError`` or a ``Problem`` in the current language, its dates as
    ``formatting.short_date`` writes them."""
    from ..errors import Msg

    if type(error).__name__ == "Problem":
        return Msg(error.message, **error.params).render(gettext)
    return error.render(gettext)
