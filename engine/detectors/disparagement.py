"""Disparagement: criticising, mocking or defaming the organisation, its people, or (per policy) its stakeholders.

A target near a word of criticism. The organisation and its people are always targets; each pack
adds the stakeholders its policy names (government bodies, trusts, other colleges, partners).
Which parts a rule has, and the patterns said of each target, follow from the rule's parameters:
that is the code here. The words are in engine/lexicons/disparagement.toml.
"""

from __future__ import annotations

from typing import ClassVar

from .contracts import Context, Params
from .registry import register
from .lexicons import default_lexicons
from .phrases import FirstFound, Phrases, PhrasesParams, Requirement

def _words(name: str) -> str:
    return default_lexicons()["disparagement"].pattern(name)


def _said_of(target: str) -> str:
    """An adjective of contempt said of a target: "the RCR is useless", "our trust board are clueless"."""
    return rf"(?:{target})(?:'s)?\s+(?:\w+\s+){{0,3}}{_words('copula')}\s+(?:\w+\s+){{0,2}}{_words('contempt')}"


def _run_down(body: str) -> list[str]:
    """What else is said to run down a body (the organisation, a stakeholder), as frames around it."""
    t = f"(?:{body})"
    output, copula, contempt = _words("output"), _words("copula"), _words("contempt")
    return [
        # "RCEM's new position on CT head requesting is lazy"
        rf"{t}(?:'s)?\s+(?:\w+\s+){{0,2}}{output}\s+(?:on|about|for|to|over)\s+[^.!?\n]{{1,60}}?\s+{copula}\s+(?:\w+\s+){{0,2}}{contempt}",
        # "Reform haven't a clue", "the board clearly don't have the faintest idea"
        rf"{t}\s+(?:(?:just|really|clearly|simply|still|honestly)\s+)?(?:haven't|hasn't|don't|doesn't)\s+(?:got\s+|have\s+)?"
        r"(?:a|the\s+(?:faintest|foggiest|first))\s+(?:clue|idea)\b(?!\s+yet)",
        # "IPEM's no better", "as bad as the RCR" (not "no better placed", "wasn't as bad as")
        rf"{t}(?:'s)?(?:\s+(?:is|are))?\s+(?:no|not\s+any|hardly\s+any)\s+better\b(?!\s+(?:placed|off|equipped|informed))",
        rf"(?<!\bnot\s)(?<!n't\s)\bas\s+(?:bad|useless|clueless|hopeless|incompetent)\s+as\s+(?:the\s+)?{t}",
        # "don't know what the RCR is for any more", "what is IPEM even for?" (not a newcomer's question)
        rf"\b(?:don't|do\s+not|no\s+longer|never)\s+(?:know|understand|see)\s+what\s+(?:the\s+)?{t}\s+(?:is|are)\s+"
        r"(?:(?:even|actually|really)\s+for\b|for\s+(?:any\s*more|these\s+days|nowadays))",
        rf"\bwhat\s+(?:is|are)\s+(?:the\s+)?{t}\s+(?:even|actually|really)\s+for\b",
    ]


class DisparagementParams(Params):
    # Patterns for the stakeholders this policy also protects, beyond the organisation and its people.
    stakeholders: list[str] = []
    # Whether the organisation itself and its people are targets (a rule may cover only stakeholders).
    organisation: bool = True
    within: int = 250


@register("disparagement")
class Disparagement(FirstFound):
    """Criticism near a target. Insults count against people (officers, staff, a trust's managers);
    the organisation's bare name needs words of criticism, so that an insult aimed at a stranger on
    the way to #ICIS2025 is abuse, not disparagement of ICIS."""

    Params: ClassVar[type[DisparagementParams]] = DisparagementParams

    def __init__(self, params: DisparagementParams, context: Context) -> None:
        words = default_lexicons()["disparagement"]
        org = r"(?:{org}|the\s+College|the\s+Society|the\s+Institute)"
        # "the IPEM council", "IPEM's Scope editors"
        people = [rf"\b{org}(?:'s)?\s+(?:\w+\s+){{0,2}}{words.pattern('people')}\b"] if params.organisation else []
        veto = words.patterns("denied")
        targets = [*people, *params.stakeholders]
        name = [r"{org}"] if params.organisation else []
        insults = words.patterns("insults")
        parts = [
            # The organisation's bare name needs words of criticism nearby.
            Phrases(PhrasesParams(patterns=name, requires=[Requirement(any=words.patterns("criticism"), within=params.within)], unless_near=veto), context)
            if name
            else None,
            # Its people and stakeholders can also be insulted or accused.
            Phrases(
                PhrasesParams(patterns=targets, requires=[Requirement(any=[*words.patterns("criticism"), *insults], within=params.within)], unless_near=veto),
                context,
            )
            if targets
            else None,
            # "The chair of the IPEM Radiotherapy SIG is an idiot": searched for from the insult, which
            # is rare, rather than from the officer's title, which is a common word.
            Phrases(
                PhrasesParams(
                    patterns=insults,
                    requires=[Requirement(any=[rf"\b{words.pattern('officers')}\s+of\s+(?:the\s+)?{org}"], within=params.within)],
                    unless_near=veto,
                ),
                context,
            )
            if params.organisation
            else None,
            Phrases(
                PhrasesParams(
                    patterns=[*(_said_of(t) for t in name + targets), *(f for body in name + params.stakeholders for f in _run_down(body))],
                    unless_near=veto,
                ),
                context,
            ),
        ]
        self.parts = [p for p in parts if p is not None]
