"""Confidential material: what the draft marks, or implies, is not yet public.

Two kinds of evidence: explicit markers ("CONFIDENTIAL", "not public yet", "off the record"),
which fire unless negated, and an embargo, which fires only when the draft goes on to disclose
("embargoed till Thursday, but…"): an author who says results are embargoed and shares nothing
is keeping the embargo.
"""

from __future__ import annotations

from typing import ClassVar

from ..text import Draft
from .base import Params, Span, register
from .phrases import Phrases, PhrasesParams, Requirement

MARKERS = [
    r"\bconfidential(?!ity)\b",
    r"\b(?:commercial[- ])?in[- ]confidence\b",
    r"\bnot\s+for\s+(?:circulation|distribution|publication|sharing|forwarding)\b",
    r"\b(?:internal|members|board|council)[- ]only\b",
    r"\binternal\s+(?:use|discussions?|minutes|papers|emails?|memos?|documents?|meetings?|report)\b",
    r"\boff\s+the\s+record\b",
    r"\bhush[- ]hush\b",
    r"\bunder\s+wraps\b",
    r"\bkeep(?:ing)?\s+(?:it|this|that|the\s+\w+)\s+(?:shtum|schtum|quiet|under\s+your\s+hat|to\s+yoursel(?:f|ves)|between\s+us)\b",
    r"\b(?:don't|do\s+not)\s+(?:pass\s+(?:it|this)\s+on|quote\s+me|tell\s+anyone|repeat\s+this|"
    r"share\s+(?:this|it)\s+(?:beyond|outside|further|with\s+anyone))\b",
    r"\byou\s+didn't\s+hear\s+(?:it|this|that)\s+from\s+me\b",
    r"\byou\s+heard\s+it\s+here\s+first\b",
    r"\b(?:not|isn't|aren't|wasn't)\s+(?:been\s+)?(?:made\s+)?(?:public|announced|published|released|official)\s+yet\b",
    r"\b(?:hasn't|has\s+not|haven't|have\s+not|hadn't|had\s+not)\s+(?:yet\s+)?been\s+"
    r"(?:released|announced|published|made\s+public|decided|told|circulated|shared)\b",
    r"\b(?:nothing|none\s+of\s+(?:this|it))(?:\s+has|'s|\s+is)\s+(?:yet\s+)?been\s+(?:announced|decided|published|released|agreed)\b",
    r"\bbefore\s+(?:the\s+)?(?:press\s+release|official\s+announcement|announcement|publication)\b",
    r"\b(?:announcement|decision|press\s+release|report)\s+(?:isn't|is\s+not|won't\s+be)\s+(?:due|public|out)\b",
    r"\bleaked\b(?!\s+(?:contrast|fluid|into|out|from\s+the\s+(?:line|cannula)))",
    r"\bunpublished\b",
    r"\bclosed\s+(?:meeting|session)\b",
    r"\(closed\)",
    r"(?-i:\bNDA\b)|\bnon[- ]disclosure\b",
    r"\b(?:line|position|decision|minutes|figures|numbers|plan|deal|contract|budget|report)\s+(?:is\s+|are\s+)?(?:not|isn't|aren't)\s+"
    r"(?:\w+\s+)?(?:agreed|final|finalised|signed(?:\s+off)?|out|public|announced|confirmed)\s+yet\b",
    r"\b(?:official|formal)\s+(?:line|announcement|statement|decision|word)\s+(?:comes?\s+out|is\s+(?:due|out)|isn't\s+(?:due|out)|won't\s+be\s+out)\b",
    r"\b(?:before|ahead\s+of)\s+(?:the\s+|it's\s+|it\s+is\s+)?(?:official|public|announced|published|made\s+public)\b",
    r"\bearly\s+warning\b",
]

# Markers that are negated or name a public service are not markers.
NEGATIONS = [
    r"\b(?:not|isn't|no\s+longer|nothing|never\s+was)\s+(?:\w+\s+)?(?:confidential|embargoed|secret)\b",
    r"\b(?:non|un)-?confidential\b",
    r"\bconfidential\s+(?:\w+\s+){0,2}(?:helpline|line|service|support|advice|counsell?ing|listening|space|chat)\b",
]

_EMBARGO = r"\bembargo(?:ed)?\b"
_DISCLOSES = [r"\b(?:but|however|anyway)\b", r"\bhere(?:'s| is| are)\b", r"\bsneak\s+peek\b", r"\d\s*%", r"\b(?:don't|do\s+not)\s+share\b"]
_KEEPS = [r"\b(?:so\s+)?you'll\s+(?:just\s+)?have\s+to\b", r"\bcan't\s+(?:say|share|tell)\b", r"\bno\s+spoilers\b", r"\blifted\b"]


class ConfidentialParams(Params):
    pass


@register("confidential_disclosure")
class ConfidentialDisclosure:
    # The organisation plays no part: one instance serves every pack, once per draft.
    uses_organisation = False
    Params: ClassVar[type[ConfidentialParams]] = ConfidentialParams

    def __init__(self, params: ConfidentialParams, context) -> None:
        self.marked = Phrases(PhrasesParams(patterns=MARKERS, exceptions=NEGATIONS), context)
        self.embargo = Phrases(
            PhrasesParams(
                patterns=[_EMBARGO],
                exceptions=NEGATIONS,
                requires=[Requirement(any=_DISCLOSES, within=90)],
                unless_near=_KEEPS,
                near=90,
            ),
            context,
        )

    def find(self, draft: Draft) -> list[Span]:
        return self.marked.find(draft) or self.embargo.find(draft)
