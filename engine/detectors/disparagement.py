"""Disparagement: criticising, mocking or defaming the organisation, its people, or (per policy) its stakeholders.

A target near a word of criticism. The organisation and its people are always targets; each pack
adds the stakeholders its policy names (government bodies, trusts, other colleges, partners).
"""

from __future__ import annotations

from typing import ClassVar

from ..text import Draft
from .base import Params, Span, register
from .phrases import Phrases, PhrasesParams, Requirement
from .vocabulary import INSULT_ADJECTIVES, INSULTS

_PEOPLE = (
    r"(?:council(?:\s+member)?s?|committee|board|trustees?|officers?|treasurer|president|chair|secretary|"
    r"staff|exams?\s+office|education\s+committee|executive|management|leadership|members?|speakers?|webinar)"
)
CRITICISM = [
    r"\b(?:shambles|fiasco|farce|joke|disgrace(?:ful)?|embarrass(?:ing|ment)|shameful|a\s+mess|omnishambles|"
    r"incompeten(?:t|ce)|lost\s+the\s+plot|asleep\s+at\s+the\s+wheel|closed\s+shop|old\s+boys'?\s+club|"
    r"old\s+mates|stitch[- ]up|cover[- ]up|pure\s+fantasy|out\s+of\s+touch|not\s+fit\s+for\s+purpose|"
    r"(?:a\s+)?decade\s+out\s+of\s+date|hopeless|bit\s+rich|do\s+better|pull\s+your\s+socks\s+up|"
    r"rubbish|a\s+waste\s+of|waste\s+of\s+(?:time|money|space)|never\s+stood\s+next\s+to|"
    r"running\s+\w+(?:\s+\w+)?\s+into\s+the\s+ground|can't\s+organi[sz]e|couldn't\s+organi[sz]e|"
    r"what\s+i\s+think\s+of|sort\s+(?:it|themselves)\s+out|dinosaurs|corrupt(?:ion)?|racist|clowns|liars?|"
    r"(?:complete|total|utter|right|such\s+a)\s+mess|made\s+a\s+mess|"
    r"makes?\s+no\s+sense|nonsense|worst|should\s+be\s+ashamed|ashamed\s+of\s+(?:them|itself|yourselves)|"
    r"self-(?:congratulatory|serving|important)|smug|arrogant|boring|tedious|dire|zzz+|snooze|"
    r"(?:most|so)\s+(?:pointless|useless|boring)|pointless|toothless|spineless|gutless|cowardly|"
    r"let\s+(?:us|everyone|members|trainees|patients)\s+down|failed\s+(?:us|members|trainees|patients)|"
    r"isn't\s+a\s+plan|no\s+plan|sham|laughing\s*stock|amateur(?:s|ish)?|clueless)\b",
]


# Said of people, these accuse; said of a scan or a plan ("a dodgy scaphoid") they do not.
ACCUSATION = r"\b(?:dodgy|shady|fishy|crooked|on\s+the\s+take|fiddling|where\s+the\s+money\s+went)\b"

# "The RCR is useless": an adjective of contempt said of the organisation itself.
_PREDICATE = rf"{{org}}(?:'s)?\s+(?:\w+\s+){{0,3}}(?:is|are|was|were|has\s+been)\s+(?:\w+\s+){{0,2}}{INSULT_ADJECTIVES}"


class DisparagementParams(Params):
    # Patterns for the stakeholders this policy also protects, beyond the organisation and its people.
    stakeholders: list[str] = []
    # Whether the organisation itself and its people are targets (a rule may cover only stakeholders).
    organisation: bool = True
    within: int = 160


@register("disparagement")
class Disparagement:
    """Criticism near a target. Insults count against people (officers, staff, a trust's managers);
    the organisation's bare name needs words of criticism, so that an insult aimed at a stranger on
    the way to #ICIS2025 is abuse, not disparagement of ICIS."""

    Params: ClassVar[type[DisparagementParams]] = DisparagementParams

    def __init__(self, params: DisparagementParams, context) -> None:
        people = [rf"\b(?:{{org}}|the\s+College|the\s+Society|the\s+Institute)(?:'s)?\s+(?:\w+\s+){{0,2}}{_PEOPLE}\b"]
        veto = [r"\b(?:not|never|isn't|wasn't)\s+(?:a\s+)?(?:shambles|fiasco|joke|disgrace|useless|incompetent)\b"]
        self.parts: list[Phrases] = []
        if params.organisation:
            self.parts.append(
                Phrases(
                    PhrasesParams(
                        patterns=[r"{org}"],
                        requires=[Requirement(any=CRITICISM, within=params.within)],
                        unless_near=veto,
                    ),
                    context,
                )
            )
            self.parts.append(
                Phrases(
                    PhrasesParams(patterns=[_PREDICATE], unless_near=veto),
                    context,
                )
            )
        targets = [*(people if params.organisation else []), *params.stakeholders]
        if targets:
            self.parts.append(
                Phrases(
                    PhrasesParams(
                        patterns=targets,
                        requires=[Requirement(any=[*CRITICISM, INSULTS, ACCUSATION], within=params.within)],
                        unless_near=veto,
                    ),
                    context,
                )
            )

    def find(self, draft: Draft) -> list[Span]:
        for part in self.parts:
            found = part.find(draft)
            if found:
                return found
        return []
