"""Detectors shared by every pack: those of code (one module each) and those the lexicons define.

Importing this package registers them all: first the modules of code, then every detector of the
lexicons in engine/lexicons/ (which check that those they say are code were registered).
"""

from . import (  # noqa: F401  (registration side effects)
    disclaimer,
    disparagement,
    personal_data,
    phrases,
)
from .lexicon_detectors import register_lexicon_detectors
from .lexicons import default_lexicons
from .organisation import OrganisationReferences
from .registry import REGISTRY

register_lexicon_detectors(default_lexicons(), REGISTRY)

__all__ = ["REGISTRY", "OrganisationReferences"]
