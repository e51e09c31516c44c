"""Commercial content: endorsing a company's product, overtly commercial posts, blatant self-promotion.

Pointing people to a company's stand is allowed (IPEM's own example); superlatives about a
product, discount codes, sales calls and ambassador deals are not.
"""

from __future__ import annotations

from typing import ClassVar

from .contracts import Context, Params
from .registry import register
from .phrases import Phrases, PhrasesParams

PROMOTION = [
    # Superlatives about a product or company.
    r"\b(?:the\s+)?best\s+(?:\w+\s+){0,3}(?:on\s+the\s+(?:market|planet)|in\s+the\s+(?:business|industry|market|world|UK)|out\s+there)\b",
    r"\bbest\s+investment\b",
    r"\b(?:nothing|nobody|no\s+one|no-one)\s+(?:else\s+)?(?:on\s+the\s+market\s+)?comes\s+close\b",
    r"\bworld[- ]leaders?\s+in\b",
    r"\bstreets\s+ahead\s+of\b",
    r"\bmiles\s+(?:better\s+than|ahead\s+of)\b|\b(?:better\s+than|ahead\s+of)\s+(?:everything|anything)\s+else\b",
    r"\bjust\s+buy\s+(?:it|one|them)\b",
    r"\bbest\s+(?:\w+\s+){0,3}(?:software|system|scanner|tool|product|device|kit|app|platform|solution|linac|machine)s?\s+"
    r"(?:available|on\s+offer|you\s+can\s+buy)\b",
    r"\bunbeatable\s+(?:prices?|rates?|value|deals?)\b",
    r"\b(?:every|any)\s+(?:\w+\s+){0,2}department\s+should\s+(?:be\s+using|get|have|buy|use)\b",
    r"(?-i:\bGo\s+[A-Z][a-z]+[A-Za-z]*!)",
    # Sales calls.
    r"\bbook\s+(?:a\s+)?(?:demo|now|your\s+place)\b",
    r"\b(?:use|with)\s+(?:the\s+)?(?:promo\s+|discount\s+)?code\s+[A-Z0-9]{4,}\b",
    r"\b\d{1,2}\s*%\s+(?:\w+[- ]){0,3}(?:code|discount|off)\b",
    r"\b(?:discount|promo|friends[- ]and[- ]family)\s+code\b",
    r"\bearly[- ]bird\s+(?:price|offer|discount)\b",
    r"\b(?:exclusive|special)\s+(?:\w+\s+)?(?:pricing|offer|deal|discount)\b",
    r"\b(?:brand|clinical|product|company)\s+ambassador\b",
    r"\bhire\s+me\b",
    r"\bbest\s+(?:rates|prices)\b",
    r"\bget\s+in\s+touch\s+(?:today\s+)?for\s+a\s+quote\b",
    r"\bsponsored\s+by\b",
    r"\bofficially\s+recommend\b",
    r"\b(?:offer|sale)\s+ends\b",
    # The only one to have: "the only QA tool you'll ever need", "the only dosimeter worth buying".
    r"\bthe\s+only\s+(?:\w+\s+){0,5}(?:you'll\s+ever\s+need|worth\s+(?:buying|owning|paying\s+for|the\s+money))\b",
    r"\bbuy\s+(?:yours|yours\s+today|it\s+now|now|today|a\s+copy|your\s+copy)\b",
    r"\bbuy\s+(?:it|them|one|yours|a\s+copy)\s+(?:from|at|via|on|here|now|today|through)\b",
    r"\b(?:the\s+)?(?:UK's|world's|country's|market's|industry's|NHS's)\s+(?:leading|number\s+one|no\.?\s*1|#1|best|favourite)\b",
    # A superlative said of a product: "the world's smartest QA platform" (not "the world's biggest congress").
    r"\b(?:the\s+)?(?:UK's|world's|market's|industry's)\s+(?:most\s+\w+|\w+est)\s+(?:[\w-]+\s+){0,3}(?:system|software|scanner|tool|product|device|kit|app|platform|solution)s?\b",
    r"\btrusted\s+by\s+(?:more|over|thousands)\b|\bpaid\s+for\s+itself\b",
    r"\btaking\s+bookings\b|\bspaces\s+(?:are\s+)?limited\b|\bsecure\s+(?:yours|your\s+(?:place|spot|space|slot))\b",
    r"£\s?\d+(?:\.\d\d)?\s+(?:per|a|an)\s+(?:session|hour|year|month|visit|course|head|scan)\b|\bbundles?\s+available\b",
    r"#(?:ad|advert|sponsored|paidpartnership|gifted|spon|partner)\b",
    r"\b(?:wouldn't|won't|would\s+never|will\s+never)\s+use\s+anything\s+else\b|\bI\s+use\s+nothing\s+else\b",
    r"\bbest\s+(?:\w+\s+){0,3}money\s+can\s+buy\b",
    r"\b(?:message|DM|contact|email|call)\s+me\s+(?:today\s+)?for\s+(?:a\s+)?(?:quote|prices?|rates|details\s+of\s+(?:rates|prices))\b",
    r"#1\s+best[- ]?seller|\bbest[- ]?selling\b|\bpre-?order\s+(?:now|yours|today)\b",
    r"\b(?:must[- ]have|game[- ]changer)\b(?=[^.!?\n]{0,80}\b(?:system|software|scanner|tool|product|device|kit|app|platform))",
]


class EndorsementParams(Params):
    pass


@register("endorsement", formerly="commercial_promotion")
class CommercialPromotion(Phrases):
    # The organisation plays no part: one instance serves every pack, once per draft.
    uses_organisation = False
    Params: ClassVar[type[EndorsementParams]] = EndorsementParams

    def __init__(self, params: EndorsementParams, context: Context) -> None:
        super().__init__(PhrasesParams(patterns=PROMOTION), context)
