"""What plugins register, gathered in one place for the services to use."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from .domain import BudgetLine, CostLine, Delegation, Organisation, RateTable, Text


@dataclass(frozen=True, slots=True)
class CostItem:
    code: str
    label: Text


@dataclass(frozen=True, slots=True)
class FundingSource:
    code: str
    label: Text


@dataclass(frozen=True, slots=True)
class LocaleInfo:
    """A language for the interface and the documents: ``code`` ("th"), its ``name``
    as a ``Text``, and ``catalog_dir`` holding ``<code>/LC_MESSAGES/delegations.mo``
    (None: the built-in catalogs)."""

    code: str
    name: Text
    catalog_dir: Path | None = None


@dataclass(frozen=True, slots=True)
class MessageCatalog:
    """A plugin's own translations: ``directory`` holds
    ``<lang>/LC_MESSAGES/<domain>.mo`` for its messages, in its own gettext
    ``domain`` (e.g. the plugin's name). Messages the program translates
    (``Problem`` messages, labels passed through ``translate``) are looked up in
    the program's catalog first, then in every registered plugin domain."""

    domain: str
    directory: Path


class CostModel(Protocol):
    """See ``hookspecs.register_cost_models``; ``estimate`` is optional."""

    code: str
    label: Text

    def cost_lines(self, delegation: Delegation, home: Organisation, partner: Organisation) -> tuple[CostLine, ...]: ...

    def estimate(self, delegation: Delegation, home: Organisation, table: RateTable) -> list[BudgetLine]: ...


class Exporter(Protocol):
    """See ``hookspecs.register_exporters``."""

    format: str
    suffix: str
    label: Text

    def export(self, request: Any) -> bytes: ...


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two plugins gave the same *code* of a *kind* ("partners", "exporters"…, or
    "plugins" for two plugins of the same name). ``plugins`` is (earlier, later) in
    the load order; ``kept`` is the one in use ("" when both are: two plugins of the
    same name both load, the later under another id)."""

    kind: str
    code: str
    plugins: tuple[str, ...]
    kept: str = ""


@dataclass(frozen=True, slots=True)
class Replacement:
    """*by* registered *code* with ``replace=True`` and so replaced the one of *replaced*."""

    kind: str
    code: str
    by: str
    replaced: str


@dataclass
class Registry:
    partners: dict[str, Organisation] = field(default_factory=dict)
    cost_items: dict[str, CostItem] = field(default_factory=dict)
    funding_sources: dict[str, FundingSource] = field(default_factory=dict)
    cost_models: dict[str, Any] = field(default_factory=dict)
    rate_tables: dict[str, RateTable] = field(default_factory=dict)
    locales: dict[str, LocaleInfo] = field(default_factory=dict)
    exporters: dict[str, Any] = field(default_factory=dict)
    owners: dict[tuple[str, str], str] = field(default_factory=dict)
    catalogs: dict[str, MessageCatalog] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    replacements: list[Replacement] = field(default_factory=list)
    incomplete: dict[str, list[str]] = field(default_factory=dict)
    registered: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # plugin -> kind -> codes

    def add(self, kind: str, code: str, obj: Any, plugin: str, *, replace: bool = False) -> None:
        """Register *obj* as *code* of *kind* for *plugin*. The first registration of a
        code is kept and a later one is a ``Conflict``, unless the later one asks
        ``replace=True`` (a ``Replacement``)."""
        table: dict = getattr(self, kind)
        key = (kind, code)
        self.registered.setdefault(plugin, {}).setdefault(kind, []).append(code)
        if code in table:
            earlier = self.owners[key]
            if not replace:
                self.conflicts.append(Conflict(kind, code, (earlier, plugin), kept=earlier))
                return
            self.replacements.append(Replacement(kind, code, plugin, earlier))
        table[code] = obj
        self.owners[key] = plugin

    def cost_item_label(self, code: str, lang: str) -> str:
        item = self.cost_items.get(code)
        return item.label.get(lang) if item else code

    def funding_label(self, code: str, lang: str) -> str:
        src = self.funding_sources.get(code)
        return src.label.get(lang) if src else code
