"""Speaking for the organisation without authority: announcing, answering or stating its position.

Saying one is *not* speaking for it is the opposite, and so is announcing one's own appointment.
"""

from __future__ import annotations

from typing import ClassVar

from .base import Params, register
from .phrases import Phrases, PhrasesParams

_ORG = r"(?:the\s+)?{org_or_alias}"
SPEAKING_FOR = [
    rf"\bon\s+behalf\s+of\s+{_ORG}",
    rf"\bon\s+behalf\s+of\s+(?:the\s+)?{{org}}\s+(?:\w+\s+)?(?:committee|board|council|trustees|officers)",
    rf"\bspeaking\s+(?:for|as)\s+{_ORG}",
    rf"\bspeaking\s+for\s+(?:the\s+)?{{org}}\s+(?:\w+\s+)?(?:committee|board|council|trustees)",
    rf"\b{_ORG}'s\s+(?:official\s+)?(?:position|stance|line|response|view)\b(?:\s+is\b|\s*:)",
    rf"\b(?:give|giving|gave)\s+(?:you|them)\s+{_ORG}'s\s+(?:response|position|view|reaction|take)",
    rf"\bwhere\s+you'll\s+get\s+{_ORG}'s\b",
    rf"\bcan\s+confirm\s+(?:that\s+)?(?:the\s+)?{{org_or_alias}}",
    rf"\bconfirm\s+the\s+(?:College|Society|Institute)'s\s+position\b",
    rf"\bwe\s+at\s+{{org}}\b",
    rf"\b{_ORG}\s+(?:has|have)\s+decided\b",
    rf"\b(?:told|tell|telling)\s+(?:them|him|her|the\s+\w+)\s+(?:that\s+)?{_ORG}\s+(?:is|will|has|thinks|believes|would)\b",
    rf"\bthat\s+is\s+what\s+{_ORG}\s+believes\b",
    r"\bofficially\s+recommend\b",
]
NOT_SPEAKING_FOR = [
    r"\bnot\s+(?:speaking\s+|posting\s+|tweeting\s+|writing\s+)?(?:for|on\s+behalf\s+of)\s+(?:the\s+)?{org_or_alias}",
    r"\bnot\s+(?:speaking\s+|posting\s+)?(?:for|on\s+behalf\s+of)\s+(?:the\s+)?(?:society|college|institute)",
]


class RepresentationParams(Params):
    pass


@register("speaking_for_organisation")
class SpeakingForOrganisation(Phrases):
    Params: ClassVar[type[RepresentationParams]] = RepresentationParams

    def __init__(self, params: RepresentationParams, context) -> None:
        super().__init__(
            PhrasesParams(
                patterns=SPEAKING_FOR,
                exceptions=NOT_SPEAKING_FOR,
                unless_near=[r"\bcan't\s+answer\s+for\b"],
                near=40,
                needs_reference=True,
            ),
            context,
        )
