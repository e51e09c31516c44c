"""Decorum's policy engine: judges a draft post against the active policy packs."""

from .check import CheckReport, IdentityError, Recall, UnknownPolicy, check, check_report, list_policies, warm
from .engine import Engine, default_engine
from .model import Finding, PolicyInfo
from .packs import PackError, load_errors

__version__ = "0.1.0"

__all__ = [
    "CheckReport",
    "Engine",
    "Finding",
    "IdentityError",
    "PackError",
    "PolicyInfo",
    "Recall",
    "UnknownPolicy",
    "__version__",
    "check",
    "check_report",
    "default_engine",
    "load_errors",
    "list_policies",
    "warm",
]
