"""Abusive content: insults, threats, obscenity, and discriminatory remarks about protected groups."""

from __future__ import annotations

from typing import ClassVar

from .contracts import Context, Params
from .registry import register
from .phrases import FirstFound, Phrases, PhrasesParams, Requirement
from .vocabulary import (
    DISCRIMINATORY,
    DOUBLE_INSULT,
    DOUBTED_ABILITY,
    GENERALISING,
    INSULT_ADJECTIVES,
    INSULT_IDIOMS,
    INSULT_NOUNS,
    INSULTS,
    LOT_OF_THEM,
    MARKED_PERSON,
    OBSCENITY,
    PROTECTED_GROUPS,
    ROLES,
    SLURS,
    THREATS,
)

# An insult aimed at a person; "useless" about a printer is not abuse, so bare adjectives need a target.
_PERSON = r"(?:you|you're|ur|u|he|she|they|he's|she's|they're|him|her|them|@\w+|(?-i:[A-Z][a-z]+))"
# Someone named by their job as the subject of a sentence: "the new trainee is".
_ROLE_SUBJECT = rf"(?:the|our|my|that|this|your|their)\s+(?:[\w-]+\s+){{0,2}}{ROLES}\s+(?:is|are|was|were)"
# Words between may be hyphenated: "you jumped-up little prat", "is a brain-dead moron".
_TARGETED = [
    r"\b(?:you|you're|ur|u|yer)\s+(?:[\w-]+\s+){0,3}" + INSULTS,
    r"\b(?:is|are|was|were|'s|'re)\s+(?:a|an|such\s+a|some|the|just\s+a|nothing\s+but\s+a)?\s*(?:[\w-]+\s+){0,3}" + INSULT_NOUNS,
    # An insulting adjective said of a person: "she's so useless", "the new trainee is so thick".
    rf"\b(?:he|she|they|he's|she's|they're|you're|{_ROLE_SUBJECT})\s+"
    r"(?:is\s+|are\s+)?(?:so\s+|such\s+an?\s+|a\s+|an\s+|completely\s+|totally\s+|utterly\s+|really\s+|bloody\s+)?"
    + INSULT_ADJECTIVES,
    r"\b(?:some|that|this|what\s+an?|bunch\s+of|full\s+of|total|absolute|complete|utter|little|lying|stupid|useless|fat|old|"
    r"(?:from|by|with|like|of)\s+an?)\s+(?:[\w*]+\s+){0,2}"
    + INSULT_NOUNS,
    r"\b(?:rudest|stupidest|dumbest|thickest|laziest|ugliest|worst)\s+(?:\w+\s+){0,2}" + INSULT_NOUNS,
    # A protected group said not to be built for the work: "women just aren't built for IR".
    rf"\b{PROTECTED_GROUPS}\s+(?:just\s+|simply\s+|really\s+)?(?:aren't|are\s+not|isn't|is\s+not)\s+(?:built|made|designed)\s+for\b",
    # "the most useless trainee I have ever had": an insulting superlative of someone by their job.
    rf"\bthe\s+(?:most|least)\s+{INSULT_ADJECTIVES}\s+(?:[\w-]+\s+){{0,2}}{ROLES}\b",
    r"@\w+\s*,?\s+(?:you\s+)?" + INSULT_NOUNS,
    # A vocative at the end of a sentence: "…, junkie", "…, you muppet".
    r",\s+(?:you\s+)?(?:\w+\s+)?" + INSULT_NOUNS + r"\s*(?:[.!?]|$|\W)",
    LOT_OF_THEM,
    DOUBLE_INSULT,
    r"(?-i:\b[A-Z]\w+\s+and\s+their\s+cronies)",
]


class AbuseParams(Params):
    pass


# A protected group as the subject of an absolute: "gay radiologists always…", "women can't…".
_ABSOLUTES = (
    r"\b(?:always|never|just\s+(?:don't|can't)|can't|cannot|shouldn't|should\s+not|"
    r"aren't\s+(?:capable|able|fit|suited|cut\s+out)|are\s+(?:all|always|useless|lazy|incapable))\b"
)
_EXCEPTIONS = [
    r"\bnot\s+(?:a|an)\s+(?:idiot|moron|muppet)\b",
    r"\b(?:guinea\s+)?pigs?\s+(?:model|study|studies|heart)\b",
    r"\bold\s+fossils?\b(?=\s+(?:record|fuel))",
    r"\bclowns?\s+(?:show|car|world)\b",
]


@register("abusive", formerly="abuse")
class Abuse(FirstFound):
    # The organisation plays no part: one instance serves every pack, once per draft.
    uses_organisation = False
    Params: ClassVar[type[AbuseParams]] = AbuseParams

    def __init__(self, params: AbuseParams, context: Context) -> None:
        self.parts = [
            Phrases(
                PhrasesParams(patterns=[*_TARGETED, INSULT_IDIOMS, THREATS, OBSCENITY, SLURS, rf"\b{DISCRIMINATORY}"], exceptions=_EXCEPTIONS),
                context,
            ),
            # A generalisation about a protected group: the group with a generalising phrase near it.
            # Kept as two lists, so that each runs only for the words a draft holds.
            Phrases(
                PhrasesParams(patterns=[rf"\b{PROTECTED_GROUPS}\b"], requires=[Requirement(any=[rf"\b{GENERALISING}"], within=80)]),
                context,
            ),
            Phrases(
                PhrasesParams(patterns=[rf"\b{PROTECTED_GROUPS}\b"], requires=[Requirement(any=[_ABSOLUTES], within=30)]),
                context,
            ),
            # One person picked out by their religion or disability, generalised about or doubted.
            Phrases(PhrasesParams(patterns=[MARKED_PERSON], requires=[Requirement(any=[rf"\b{GENERALISING}", DOUBTED_ABILITY], within=80)]), context),
        ]
