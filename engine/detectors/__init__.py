"""Detectors shared by every pack, one module per category; importing this package registers them all."""

from . import (  # noqa: F401  (registration side effects)
    abusive,
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
from .organisation import OrganisationReferences
from .registry import REGISTRY

__all__ = ["REGISTRY", "OrganisationReferences"]
