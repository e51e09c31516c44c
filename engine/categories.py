"""The twelve categories a finding can belong to, and the severities it can carry."""

from typing import Literal, get_args

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

CATEGORIES: tuple[str, ...] = get_args(Category)

Severity = Literal["error", "warning", "info"]
