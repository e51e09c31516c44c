"""Detectors shared by every pack; importing this package registers them all."""

from . import brand, confidential, disclaimer, phrases  # noqa: F401  (registration side effects)
from .base import REGISTRY, MATCH_TIMEOUT_S, PatternError
from .organisation import OrganisationReferences

__all__ = ["REGISTRY", "MATCH_TIMEOUT_S", "PatternError", "OrganisationReferences"]
