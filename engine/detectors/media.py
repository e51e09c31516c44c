"""Dealing with the press about the organisation: talking to journalists, or offering to."""

from __future__ import annotations

from typing import ClassVar

from .contracts import Context, Params
from .registry import register
from .phrases import Phrases, PhrasesParams, Requirement
from .vocabulary import PRESS

_DEALING = (
    r"\b(?:spoke|speak|speaking|talk(?:ed|ing)?|told|tell|telling|quoted|quote|quotes|briefed|brief|walked|"
    r"tipped\s+off|sent|gave|give|giving|happy\s+to|comment(?:ed)?|interview(?:ed)?|on\s+the\s+phone|"
    r"off\s+the\s+phone|got\s+in\s+touch|keep\s+ringing|rang|ringing|asking|asked|DMd|DM'd|DMs\s+(?:are\s+)?open|"
    r"contact\s+me|come\s+on\s+air|on\s+air|had\s+the|welcome\s+to|calls?|called|calling|phoned|given\s+them|"
    r"gave\s+them|comment|two\s+pennies|my\s+(?:view|take|side)|chat(?:ted)?\s+(?:to|with)|lunch\s+with|off\s+the\s+record|"
    r"going\s+on|appearing\s+on|will\s+be\s+on|(?:be|was|am|I'm)\s+on\s+(?:the\s+)?(?:radio|telly|TV|air)|"
    r"get\s+in\s+touch|inbox\s+(?:is\s+)?open|available\s+for\s+(?:comment|interview)|happy\s+to\s+(?:talk|comment|speak|chat|help|explain)|"
    r"leaked\s+to|tipped|briefing|spill|spoke\s+with|speaking\s+to|talking\s+to|interview(?:ing)?|walk\s+you\s+through|"
    # Being asked on, and saying yes: "want someone from the RCR on", "said I'd do it".
    r"want(?:s|ed)?\s+(?:someone|somebody|me|us)\s+(?:from|to|on)|said\s+(?:I'd|I\s+would|I'll|yes)|agreed\s+to\s+(?:go\s+on|do\s+it|appear))\b"
)


class MediaParams(Params):
    pass


@register("media", formerly="press_contact")
class PressContact(Phrases):
    Params: ClassVar[type[MediaParams]] = MediaParams

    def __init__(self, params: MediaParams, context: Context) -> None:
        super().__init__(
            PhrasesParams(
                patterns=[rf"(?<!\w){PRESS}(?!\w)"],
                requires=[Requirement(any=[_DEALING], within=120)],
                unless_near=[
                    r"\b(?:pass(?:ed)?|refer(?:red)?|forward(?:ed)?|sent)\s+(?:her|him|them|it|the\s+\w+)\s+(?:straight\s+|directly\s+)?(?:on\s+)?to\s+(?:the\s+)?(?:\w+\s+)?press\s+office\b",r"\b(?:listening|listened|listen)\s+to\b", r"\bgood\s+piece\s+in\b", r"\bread\s+(?:this|the)\b"],
                near=60,
                needs_reference=True,
            ),
            context,
        )
