"""The pure domain model: no I/O, no UI, no ReportLab (a test enforces it)."""

from .delegation import CostLine, DayRange, Delegation, Direction, Leader, Status, Timing
from .money import Money
from .organisation import Organisation, missing_fields
from .plan import BasisDocument, Period, Plan, Signature
from .text import Text, fold, nfc
from .validation import Problem, ValidationError, check_delegation, check_plan

__all__ = [
    "BasisDocument", "CostLine", "DayRange", "Delegation", "Direction", "Leader", "Money",
    "Organisation", "Period", "Plan", "Problem", "Signature", "Status", "Text", "Timing",
    "ValidationError", "check_delegation", "check_plan", "fold", "missing_fields", "nfc",
]
