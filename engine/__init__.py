"""Decorum's policy engine: judges a draft post against the active policy packs."""

from .check import CheckReport, IdentityError, UnknownPolicy, check, check_report, list_policies, warm
from .model import Finding, PolicyInfo
from .packs import PackError, load_errors

__version__ = "0.1.0"

__all__ = [
    "CheckReport",
    "Finding",
    "IdentityError",
    "PackError",
    "PolicyInfo",
    "UnknownPolicy",
    "__version__",
    "check",
    "check_report",
    "load_errors",
    "list_policies",
    "warm",
]
