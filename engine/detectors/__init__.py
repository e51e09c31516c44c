"""Detectors shared by every pack; importing this package registers them all."""

from . import (  # noqa: F401  (registration side effects)
    abuse,
    brand,
    confidential,
    copyright,
    disclaimer,
    disparagement,
    endorsement,
    media,
    personal_data,
    phrases,
    political,
    reference,
    representation,
)
from ..matching.safe_patterns import PatternError
from ..matching.time_limits import MATCH_TIMEOUT_S
from .registry import REGISTRY
from .organisation import OrganisationReferences

__all__ = ["REGISTRY", "MATCH_TIMEOUT_S", "PatternError", "OrganisationReferences"]
