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
    code: str
    name: Text
    catalog_dir: Path | None = None


class CostModel(Protocol):
    """See ``hookspecs.register_cost_models``; ``estimate`` is optional."""

    code: str
    label: Text

    def cost_lines(self, delegation: Delegation, home: Organisation, partner: Organisation) -> tuple[CostLine, ...]: ...

    def estimate(self, delegation: Delegation, home: Organisation, table: RateTable) -> list[BudgetLine]: ...


class Exporter(Protocol):
    format: str
    suffix: str
    label: Text

    def export(self, request: Any) -> bytes: ...


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: str
    code: str
    plugins: tuple[str, ...]


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
    conflicts: list[Conflict] = field(default_factory=list)
    incomplete: dict[str, list[str]] = field(default_factory=dict)

    def add(self, kind: str, code: str, obj: Any, plugin: str, *, replace: bool = False) -> None:
        table: dict = getattr(self, kind)
        key = (kind, code)
        if code in table and not replace:
            self.conflicts.append(Conflict(kind, code, (self.owners[key], plugin)))
            return
        table[code] = obj
        self.owners[key] = plugin

    def cost_item_label(self, code: str, lang: str) -> str:
        item = self.cost_items.get(code)
        return item.label.get(lang) if item else code

    def funding_label(self, code: str, lang: str) -> str:
        src = self.funding_sources.get(code)
        return src.label.get(lang) if src else code
