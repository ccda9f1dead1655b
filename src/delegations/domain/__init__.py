"""The pure domain model: no I/O, no UI, no ReportLab (a test enforces it)."""

from .budget import Basis, Budget, BudgetLine, CapRaises, ExchangeRate, MissingExchangeRate, Rate, RateTable, Side, TableChoice, Unit
from .delegation import CostLine, DayRange, Delegation, Direction, Leader, RateOverride, Status, Timing
from .life import ROLES, ActualCost, Approval, Outcome, Person, ProgrammeItem, Sex, StatusChange
from .money import Money
from .organisation import Organisation, missing_fields
from .plan import BasisDocument, Period, Plan, Signature, archive_last, is_archive
from .text import Text, fold, nfc
from .totals import Counted, Tally, Totals, totals
from .validation import Problem, ValidationError, check_delegation, check_plan

__all__ = [
    "ROLES", "ActualCost", "Approval", "Outcome", "Person", "ProgrammeItem", "Sex", "StatusChange",
    "Basis", "BasisDocument", "Budget", "BudgetLine", "CapRaises", "TableChoice", "ExchangeRate", "MissingExchangeRate", "Rate", "RateOverride", "RateTable",
    "Side", "Unit", "CostLine", "Counted", "DayRange", "Delegation", "Direction", "Leader", "Money",
    "Organisation", "Period", "Plan", "Problem", "Signature", "archive_last", "is_archive", "Status", "Tally", "Text", "Timing", "Totals",
    "ValidationError", "check_delegation", "check_plan", "fold", "missing_fields", "nfc", "totals",
]
