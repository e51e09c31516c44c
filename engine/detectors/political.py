"""Party-political content: supporting or attacking a party or candidate, urging a vote, partisan slogans.

A party named neutrally ("Labour's health secretary said…") is not partisan; the detector wants a
vote, backing, an attack or a slogan.
"""

from __future__ import annotations

from typing import ClassVar

from .contracts import Context, Params
from .registry import register
from .phrases import FirstFound, Phrases, PhrasesParams, Requirement
from .vocabulary import DAMAGE, NAME, PARTISAN_HASHTAGS, PARTY_CASED, PARTY_HANDLE

_SUPPORT_OR_ATTACK = [
    # After "vote", a bare colour names a party ("Vote Green"), and "labour" in any case is the party;
    # members abroad vote too ("Vote 1 Labor", Australia's ballot-paper numbering).
    rf"\bvot(?:e|ing)\s+(?:for\s+)?(?:the\s+)?(?:1\s+)?(?:{PARTY_CASED}|(?-i:Green|Red|Blue|Yellow|Labor)\b|labour\b|reform\b|greens?\b)",
    # Any party, named as the one to vote for: "vote AAP in the Delhi polls. Only party which…"
    r"\bvot(?:e|ing)\s+(?:for\s+)?[^.!?\n]{1,60}[.!]?\s+(?:the\s+)?only\s+party\s+(?:which|that|who|to|with)\b",
    # Urging a vote against someone: "remember that at the ballot box".
    r"\bremember\s+(?:that|this|it|them|him|her)\s+(?:at|on|in|when)\s+(?:the\s+)?(?:ballot\s+box|polls|polling\s+(?:day|station)|election\s+day|next\s+election|you\s+vote)\b",
    rf"\b(?:{PARTY_CASED}|labour|reform|tory|conservative|green|lib\s*dem|snp|plaid)\s+(?:candidate|MP|MSP|MLA|TD|councillor|leaflets?|canvassers?|voters?)\b",
    rf"\b(?:back(?:ing)?|support(?:ing)?|join(?:ed|ing)?|campaign(?:ing)?\s+for|standing\s+for|"
    rf"canvass(?:ing)?\s+for|delivering\s+leaflets\s+for|backs|supports)\s+(?:the\s+)?{PARTY_CASED}",
    rf"\b(?:Radiologists|Doctors|Physicists|Radiographers|Nurses|Scientists|Medics)\s+for\s+{PARTY_CASED}",
    rf"\b{PARTY_CASED}(?:'s)?\s+(?:all\s+the\s+way|out|in|to\s+win|are\s+the\s+only|is\s+the\s+only|plan\s+for\b.*?\b(?:exactly|just)\s+what)",
    rf"\b{PARTY_CASED}(?:\s+and\s+their\s+\w+)?\s+(?:are|is)\s+(?:a\s+bunch\s+of|the\s+only|running|ruining|destroying|liars|clowns|useless|a\s+disgrace)",
    rf"\b(?:years\s+of|get|kick|vote)\s+(?:the\s+)?{PARTY_CASED}\s+(?:out|running|ruining|in)\b",
    rf"\b{PARTY_CASED}\b[^.!?\n]{{0,60}}\b(?:into\s+the\s+ground|kick\s+them\s+out|get\s+them\s+out)",
    r"\bkick\s+them\s+out\b",
    rf"\bvote\s+for\s+(?:literally\s+)?(?:anyone|anybody)\s+(?:else\s+)?but\s+(?:the\s+)?{PARTY_CASED}",
    r"\b(?:i'm|i\s+am)\s+standing\s+(?:as\s+a\s+candidate\s+)?for\s+\w+(?:\s+\w+)?\s+council\b",
    # Electioneering for a named person or account: "out canvassing for @ElaineForPlaid", "leafleting for Sam Hughes".
    rf"\b(?:canvass(?:ing|ed)?|leaflet(?:t?ing|t?ed)|door-?knock(?:ing|ed)?|knocking\s+(?:on\s+)?doors)\s+(?:for|with)\s+(?:@\w+|{NAME})",
    PARTISAN_HASHTAGS,
]


# Near a party's name, these take a side: support, a vote, a candidacy, or an attack.
_TAKING_SIDES = (
    r"\b(?:vot(?:e|ed|es|ing)|back(?:ing)?|support(?:ing)?|join(?:ed|ing)?|member\s+of|campaign\w*|canvass\w*|leaflet\w*|"
    r"candidate|stand(?:ing)?\s+for|elect(?:ed|ion)?|by-election|sold\s+(?:us\s+)?out|betray\w*|lying|liars?|lies|"
    rf"disgrace(?:ful)?|shameful|useless|clowns?|crooks?|corrupt|{DAMAGE}|destroy\w*|into\s+the\s+ground|"
    r"get\s+(?:them\s+)?out|kick\w*\s+out|never\s+again|can't\s+be\s+trusted|only\s+party|the\s+party\s+for|"
    r"out\s+now|must\s+go|have\s+to\s+go|bring\s+back|all\s+the\s+way|another\s+term|don't\s+give\s+them|"
    r"time\s+for\s+a\s+change|next\s+election|general\s+election|got\s+worse\s+under|(?:sell|flog)(?:ing)?\s+off|"
    r"privati[sz]\w+|anyone\s+(?:who\s+)?vot(?:es|ing)|not\s+one\s+(?:extra|more|single)|broken\s+promises?|"
    r"anyone\s+but\s+(?:them|the)|sent\s+(?:him|her|them)\s+packing|so\s+should\s+(?:every|all|you)|"
    r"only\s+(?:lot|ones|party)\s+who|every\s+single\s+box|(?:more|so\s+much|untold|lasting|irreparable)\s+(?:damage|harm)|or\s+nothing\s+for\s+me)\b"
)


_OWN_ELECTION = (
    r"\bif\s+you(?:'re|\s+are)\s+an?\s+(?:[\w-]+\s+){0,2}(?:fellows?|members?|trainees?)\b|"
    r"\b(?:council|presidential|faculty|board|trustee|officer|society|college)\s+(?:elections?|ballot)\b|"
    r"\b(?:elections?|ballot)\s+(?:for|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:council|board|faculty|committee|president|presidency|trustees?)\b"
)


class PoliticalParams(Params):
    pass


@register("political", formerly="party_political")
class PartyPolitical(FirstFound):
    # The organisation plays no part: one instance serves every pack, once per draft.
    uses_organisation = False
    Params: ClassVar[type[PoliticalParams]] = PoliticalParams

    def __init__(self, params: PoliticalParams, context: Context) -> None:
        self.explicit = Phrases(PhrasesParams(patterns=_SUPPORT_OR_ATTACK), context)
        # Asking for votes is electioneering, unless the election is the organisation's own (the
        # RCR's policy allows canvassing for its elections, 2.27).
        self.canvassing = Phrases(
            PhrasesParams(patterns=[r"\bgrateful\s+for\s+your\s+vote\b"], unless_near=[_OWN_ELECTION], near=250), context
        )
        self.sides = Phrases(
            # A handle that carries a party's name counts as naming the party.
            PhrasesParams(patterns=[rf"\b(?:{PARTY_CASED}|(?-i:Green))\b", PARTY_HANDLE], requires=[Requirement(any=[_TAKING_SIDES], within=70)]),
            context,
        )
        self.parts = (self.explicit, self.canvassing, self.sides)
