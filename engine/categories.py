"""The twelve categories a finding can belong to, and the severities it can carry."""

from typing import Literal

CATEGORIES: tuple[str, ...] = (
    "disclaimer",
    "brand",
    "confidential",
    "personal_data",
    "political",
    "disparagement",
    "endorsement",
    "abusive",
    "representation",
    "reference",
    "media",
    "copyright",
)

Category = Literal[
    "disclaimer",
    "brand",
    "confidential",
    "personal_data",
    "political",
    "disparagement",
    "endorsement",
    "abusive",
    "representation",
    "reference",
    "media",
    "copyright",
]

Severity = Literal["error", "warning", "info"]
