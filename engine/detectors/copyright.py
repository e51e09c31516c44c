"""Sharing someone else's work without permission: their slides, papers, chapters, manuals, paid content."""

from __future__ import annotations

from typing import ClassVar

from .base import Params, register
from .phrases import Phrases, PhrasesParams, Requirement

_WORK = (
    r"\b(?:slides?|slide\s+packs?|decks?|handouts?|chapters?|textbooks?|books?|PDFs?|papers?|articles?|"
    r"manuals?|reports?|lecture\s+notes|course\s+materials?|presentations?|recordings?|photos\s+of\s+(?:every|all)|"
    r"pics\s+of\s+(?:every|all)|videos?|recordings?|masterclass|webinars?|courses?|lectures?|notes|e-?books?|"
    r"question\s+banks?|mock\s+(?:exams?|papers?)|journals?|guidelines?)\b"
)
_REDISTRIBUTION = [
    r"\bpaywalled\b",
    r"\bscann(?:ed|ing)\b",
    r"\b(?:full|whole|entire)\s+(?:PDF|chapter|set|book|manual|slide\s+packs?|deck)\b",
    r"\bfree\s+PDF\b",
    r"\b(?:photos|pics|pictures|snaps)\s+of\s+(?:every|all)\s+(?:the\s+)?(?:\w+\s+)?slides?\b",
    r"\b(?:no\s+need\s+to|don't\s+have\s+to|so\s+you\s+don't\s+have\s+to)\s+pay\b",
    r"\bsaves?\s+you\s+(?:buying|paying)\b",
    r"\b(?:asked\s+for\s+no\s+(?:photos|pictures|sharing)|didn't\s+want\s+(?:them|it)\s+shared|"
    r"didn't\s+ask\s+(?:the\s+)?(?:speakers?|authors?|publishers?|permission)|without\s+(?:asking|permission))\b",
    r"\b(?:uploaded|put|posted)\s+(?:\w+\s+){0,3}(?:up\s+)?(?:on|to)\s+(?:my|our|a|the)\s+(?:\w+\s+){0,2}"
    r"(?:drive|dropbox|group\s+files|page|site|channel)\b",
    r"\bon\s+my\s+(?:google\s+)?drive\b",
    r"\bpaid\s+(?:\w+\s+){0,3}(?:course|masterclass|webinar|content|videos?|recordings?|subscription|app|bank)\b",
    r"\b(?:into|in|on|to)\s+(?:our|the|a|my)\s+(?:\w+\s+)?(?:WhatsApp|Telegram|Slack|Discord|Facebook|Teams)\s+(?:group|chat|channel)\b",
    r"\bdon't\s+tell\s+the\s+(?:organi[sz]ers|publishers?|authors?|speakers?|lecturers?)\b",
    r"\b(?:pirated|bootleg|ripped|cracked)\b",
]


class CopyrightParams(Params):
    pass


@register("copyright_sharing")
class CopyrightSharing(Phrases):
    # The organisation plays no part: one instance serves every pack, once per draft.
    uses_organisation = False
    Params: ClassVar[type[CopyrightParams]] = CopyrightParams

    def __init__(self, params: CopyrightParams, context) -> None:
        super().__init__(
            PhrasesParams(
                patterns=_REDISTRIBUTION,
                requires=[Requirement(any=[_WORK], within=140)],
                unless_near=[r"\bmy\s+own\s+(?:work|slides|paper|photos)\b", r"\bshare\s+away\b", r"\bwith\s+(?:their|his|her)\s+permission\b"],
                near=140,
            ),
            context,
        )
