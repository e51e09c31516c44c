"""Confidential material: what the draft marks, or implies, is not yet public.

Two kinds of evidence: explicit markers ("CONFIDENTIAL", "not public yet", "off the record"),
which fire unless negated, and an embargo, which fires only when the draft goes on to disclose
("embargoed till Thursday, but…"): an author who says results are embargoed and shares nothing
is keeping the embargo.
"""

from __future__ import annotations

from typing import ClassVar

from .contracts import Context, Params
from .registry import register
from .phrases import FirstFound, Phrases, PhrasesParams, Requirement

MARKERS = [
    r"\bconfidential(?!ity)\b",
    r"\b(?:commercial[- ])?in[- ]confidence\b",
    r"\bnot\s+for\s+(?:circulation|distribution|publication|sharing|forwarding)\b",
    r"\b(?:internal|board|council|committee|trustees?)[- ]only\b",
    r"\binternal\s+(?:use|discussions?|minutes|papers|emails?|memos?|documents?|meetings?|report)\b",
    r"\boff\s+the\s+record\b",
    r"\bhush[- ]hush\b",
    r"\bunder\s+wraps\b",
    r"\bkeep(?:ing)?\s+(?:it|this|that|the\s+\w+)\s+(?:shtum|schtum|quiet|under\s+your\s+hat|to\s+yoursel(?:f|ves)|between\s+us)\b",
    r"\b(?:don't|do\s+not)\s+(?:pass\s+(?:it|this)\s+on|quote\s+me|tell\s+anyone|repeat\s+this|"
    r"share\s+(?:this|it)\s+(?:beyond|outside|further|with\s+anyone))\b",
    r"\byou\s+didn't\s+hear\s+(?:it|this|that)\s+from\s+me\b",
    r"\b(?:you|u|ya)\s+heard\s+it\s+here\s+first\b",
    # Disowning the post itself: "this tweet never happened".
    r"\bthis\s+(?:tweet|post|message|conversation|chat)\s+(?:never\s+happened|didn't\s+happen|doesn't\s+exist)\b",
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
    r"\bbetween\s+(?:us|you\s+and\s+me|ourselves|these\s+four\s+walls)\b",
    r"\b(?:not\s+supposed|shouldn't\s+(?:really\s+)?be|not\s+meant)\s+to\s+(?:say|tell|share|post|be\s+(?:saying|telling|sharing))\b",
    r"\bshouldn't\s+(?:really\s+)?be\s+(?:saying|telling|sharing|posting)\b",
    r"\b(?:probably|really)?\s*shouldn't\s+(?:really\s+)?(?:post|share|say|tell|be\s+(?:posting|saying|telling))\b",
    r"\b(?:not|nothing)\s+(?:public|announced|out|official)\s+(?:till|until)\b",
    r"\b(?:aren't|isn't|not)\s+due\s+(?:out\s+)?(?:till|until|before)\b|\bnot\s+meant\s+to\s+be\s+(?:circulating|shared|out|public)\b",
    r"\bbefore\s+(?:the\s+)?(?:paper|report|results|study|data|figures|article)(?:'s|\s+is|\s+are)\s+(?:out|published)\b",
    r"\b(?:don't|do\s+not|pls\s+don't|please\s+don't)\s+share\s+(?:this\s+|it\s+)?yet\b",
    r"\b(?:nobody|no\s+one)\s+(?:outside\s+(?:the\s+)?\w+\s+|else\s+)?knows\s+yet\b",
    r"\bno\s+decision\s+(?:yet|has\s+been\s+(?:made|taken))\b",
    r"\bcan't\s+say\s+(?:much|more|too\s+much)\s*,?\s+but\b|\bdon't\s+ask\s+how\s+I\s+got\b",
    r"\bnot\s+(?:yet\s+)?circulated(?:\s+yet)?\b",
    r"\bnot\s+(?:yet\s+)?gone\s+to\s+(?:the\s+)?(?:board|council|committee|trustees|exec)(?:\s+yet)?\b",
    r"\b(?:strictly\s+(?:private|confidential|between)|in\s+(?:the\s+)?strictest\s+confidence|for\s+your\s+eyes\s+only|private\s+and\s+confidential)\b",
    r"\b(?:hasn't|has\s+not|haven't|not)\s+(?:yet\s+)?gone\s+out(?:\s+yet)?\b|\bbefore\s+it\s+goes\s+out\b",
    r"\byet\s+to\s+be\s+(?:announced|published|released|confirmed|ratified|made\s+public|signed\s+off)\b",
    r"\bunder\s+embargo\b.{0,60}\b(?:but|here)\b",
    r"\bnot\s+for\s+(?:public|wider|general)\s+(?:consumption|release|eyes)\b",
    r"\b(?:heard\s+(?:it\s+)?on\s+the\s+grapevine|a\s+little\s+bird\s+(?:told|tells|says))\b",
    r"\b(?:unreleased|unannounced|pre-?publication|not\s+yet\s+(?:public|published|announced|released))\b",
]

# An internal body's coming or undisclosed decision, told by an insider.
_INTERNAL_BODY = (
    r"\b(?:board|council|committee|trustees?|officers|exec(?:utive)?|working\s+party|working\s+group|SMT|"
    r"senior\s+management|management\s+team|panel|faculty\s+board)\b"
)
_COMING_DECISION = (
    r"\b(?:agreed\s+to|voted\s+to|decided\s+to|going\s+to|about\s+to|planning\s+to|plans\s+to|proposing\s+to|"
    r"considering|will\s+be\s+(?:scrapping|axing|cutting|closing|raising|dropping|merging|moving)|set\s+to|poised\s+to|"
    r"(?:are|is)\s+to\s+(?:be\s+)?\w+|"
    # Still deliberating: "discussed closing the branch", "mulling over raising subs".
    r"(?:discuss(?:ed|ing)|debat(?:ed|ing)|talk(?:ed|ing)\s+about|mulling(?:\s+over)?|weighing\s+up)\s+\w+ing|"
    # Agreed, with an aside before what: "agreed this morning (in principle) to back".
    r"(?:agreed|voted|decided)\s+[^.!?\n]{1,60}?\bto\s+(?:back|scrap|drop|axe|cut|close|raise|merge|support|approve|endorse|reject|fund))\b"
)
_INSIDER = (
    r"\b(?:heard\s+(?:from|that)|told\s+(?:me|us)|sat\s+in\s+on|word\s+is|rumou?r|apparently|sources?\s+(?:say|tell)|"
    r"inside\s+(?:info|track)|insider|you\s+didn't\s+hear|not\s+(?:yet\s+)?(?:public|announced)|nothing\s+(?:decided|agreed|confirmed|official)|"
    r"don't\s+(?:shout|spread)\s+(?:about\s+)?(?:it|this)?)\b|\U0001F92B|\U0001F440"
)

# Markers that are negated, joking, or name a public service are not markers.
NEGATIONS = [
    r"\b(?:patient|personal)\s+(?:info|information|data|details|records)\s+(?:is|are)\s+confidential\b",
    r"\bbetween\s+us\s+and\s+(?:the\s+)?(?:entire|whole|rest\s+of\s+the)\b",
    r"\b(?:not|isn't|no\s+longer|nothing|never\s+was)\s+(?:\w+\s+)?(?:confidential|embargoed|secret)\b",
    r"\b(?:non|un)-?confidential\b",
    r"\bconfidential\s+(?:\w+\s+){0,2}(?:helpline|line|service|support|advice|counsell?ing|listening|space|chat)\b",
    # The same promise said of the service after it: "the support line is completely confidential".
    r"\b(?:helpline|line|service|support|counsell?ing|advice|scheme|clinic|chat)\s+(?:is|are|was|is\s+all)\s+(?:\w+\s+)?confidential\b",
    # What the author said to a journalist, off the record, is how they spoke, not material they disclose.
    r"\b(?:told|tell|telling|spoke\s+to|speaking\s+to|talked\s+to|chatted\s+(?:to|with))\s+(?:her|him|them|the\s+(?:journalist|reporter|journo|paper)s?)\b"
    r"[^.!?\n]{0,30}\boff\s+the\s+record\b",
]

_EMBARGO = r"\bembargo(?:ed)?\b"
_DISCLOSES = [r"\b(?:but|however|anyway)\b", r"\bhere(?:'s| is| are)\b", r"\bsneak\s+peek\b", r"\d\s*%", r"\b(?:don't|do\s+not)\s+share\b"]
_KEEPS = [r"\b(?:so\s+)?you'll\s+(?:just\s+)?have\s+to\b", r"\bcan't\s+(?:say|share|tell)\b", r"\bno\s+spoilers\b", r"\blifted\b"]


class ConfidentialParams(Params):
    pass


@register("confidential", formerly="confidential_disclosure")
class ConfidentialDisclosure(FirstFound):
    # The organisation plays no part: one instance serves every pack, once per draft.
    uses_organisation = False
    Params: ClassVar[type[ConfidentialParams]] = ConfidentialParams

    def __init__(self, params: ConfidentialParams, context: Context) -> None:
        # The author's own unfinished work ("my dissertation, not for circulation") is theirs to hold back.
        own_work = [r"\bmy\s+(?:\w+\s+){0,2}(?:dissertation|thesis|essay|draft|abstract|homework|novel|CV|application)\b"]
        # Said to deny it: "'leaked'? It wasn't - this isn't confidential in the slightest".
        denied = [r"\b(?:isn't|is\s+not|wasn't|was\s+not|nothing)\s+(?:\w+\s+){0,2}(?:confidential|secret|leaked)\b"]
        self.marked = Phrases(PhrasesParams(patterns=MARKERS, exceptions=NEGATIONS, unless_near=own_work + denied, near=80), context)
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

        self.insider = Phrases(
            PhrasesParams(
                patterns=[_INTERNAL_BODY],
                requires=[Requirement(any=[_COMING_DECISION], within=120), Requirement(any=[_INSIDER], within=160)],
                # Already public, unless said not to be ("not announced").
                unless_near=[r"(?<!\bnot\s)(?<!\bnot\s+yet\s)\b(?:published|announced|press\s+release\s+(?:is\s+)?out|public\s+consultation|AGM|open\s+meeting)\b"],
                near=160,
            ),
            context,
        )

        # The contents of a draft document before it is published.
        self.draft_document = Phrases(
            PhrasesParams(
                patterns=[r"\bdraft\s+(?:\w+\s+){0,2}(?:guidance|guidelines|report|policy|recommendations?|standards?|minutes|strategy|proposals?|curriculum|budget|accounts)\b"],
                requires=[Requirement(any=[
                    r"\bwhen\s+it's\s+(?:eventually\s+|finally\s+)?(?:published|out|released|announced)\b",
                    r"\b(?:they're|they\s+are|it's|it\s+is)\s+(?:proposing|recommending|going\s+to\s+(?:say|recommend|propose))\b",
                    r"\b(?:before|ahead\s+of)\s+(?:it's\s+)?(?:publication|published|release)\b",
                    # Sent to the author in confidence, and its contents told: "got sent the draft to review…
                    # section 4 basically bans…".
                    r"\b(?:sent|given|shown|passed)\s+(?:me\s+|us\s+)?(?:[^.!?\n]{0,60}?\s)?(?:to|for)\s+(?:review|comment|comments|feedback|a\s+look)\b",
                    r"\b(?:section|para(?:graph)?|page|chapter|recommendation|item)\s+\d+\w?\s+(?:basically\s+|essentially\s+|effectively\s+|quietly\s+)?"
                    r"(?:says|bans|recommends|requires|proposes|drops|scraps|removes|makes|states|cuts)\b",
                ], within=200)],
                # A draft out for public comment is public.
                unless_near=[r"\b(?:public|open|out\s+for)\s+consultation\b|\b(?:has\s+been|have\s+been|was|were|now|just\s+been)\s+published\b"],
                near=200,
            ),
            context,
        )
        self.parts = (self.marked, self.embargo, self.insider, self.draft_document)
