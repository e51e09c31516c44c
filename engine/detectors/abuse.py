"""Abusive content: insults, threats, obscenity, and discriminatory remarks about protected groups."""

from __future__ import annotations

from typing import ClassVar

from .base import Params, register
from .phrases import Phrases, PhrasesParams, Requirement
from .vocabulary import DISCRIMINATORY, GENERALISING, INSULT_NOUNS, INSULTS, OBSCENITY, PROTECTED_GROUPS, THREATS

# An insult aimed at a person; "useless" about a printer is not abuse, so bare adjectives need a target.
_TARGETED = [
    r"\b(?:you|you're|ur|u)\s+(?:\w+\s+){0,3}" + INSULTS,
    r"\b(?:is|are|was|were)\s+(?:a|an|such\s+a|some|the)?\s*(?:\w+\s+){0,3}" + INSULT_NOUNS,
    r"\b(?:some|that|this|what\s+an?|bunch\s+of|full\s+of|total|absolute|complete|utter)\s+(?:\w+\s+){0,2}" + INSULT_NOUNS,
    r"\b(?:rudest|stupidest|dumbest|thickest|laziest)\s+(?:\w+\s+){0,2}" + INSULT_NOUNS,
    r"(?-i:\b[A-Z]\w+\s+and\s+their\s+cronies)",
]


class AbuseParams(Params):
    pass


@register("abuse")
class Abuse(Phrases):
    # The organisation plays no part: one instance serves every pack, once per draft.
    uses_organisation = False
    Params: ClassVar[type[AbuseParams]] = AbuseParams

    def __init__(self, params: AbuseParams, context) -> None:
        super().__init__(
            PhrasesParams(
                patterns=[
                    *_TARGETED,
                    THREATS,
                    OBSCENITY,
                    rf"\b{PROTECTED_GROUPS}\b[^.!?\n]{{0,60}}\b{GENERALISING}",
                    rf"\b{DISCRIMINATORY}",
                ],
                exceptions=[r"\bnot\s+(?:a|an)\s+(?:idiot|moron|muppet)\b"],
            ),
            context,
        )
