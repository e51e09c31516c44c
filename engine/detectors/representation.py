"""Speaking for the organisation without authority: announcing, answering or stating its position.

Saying one is *not* speaking for it is the opposite, and so is announcing one's own appointment.
"""

from __future__ import annotations

from typing import ClassVar

from .contracts import Context, Params
from .registry import register
from .phrases import FirstFound, Phrases, PhrasesParams, Requirement

_ORG = r"(?:the\s+)?{org_or_alias}"
# At the start of a pattern the optional "the" is left out: "the RCR will" still holds "RCR will",
# and a pattern that starts with a literal is searched for far faster.
_LEAD_ORG = r"{org_or_alias}"
SPEAKING_FOR = [
    rf"\bon\s+behalf\s+of\s+(?:both\s+|all\s+of\s+|each\s+of\s+)?{_ORG}",
    r"\bon\s+behalf\s+of\s+(?:the\s+)?{org}\s+(?:\w+\s+)?(?:committee|board|council|trustees|officers)",
    rf"\bspeaking\s+(?:for|as)\s+{_ORG}",
    r"\bspeaking\s+for\s+(?:the\s+)?{org}\s+(?:\w+\s+)?(?:committee|board|council|trustees)",
    r"\b(?:speaking|writing|posting|answering)\s+(?:for|on\s+behalf\s+of)\s+(?:all\s+of\s+us|every(?:one|body)|the\s+(?:rest|whole)\s+of\s+us|us\s+all)\s+"
    r"(?:on|at|in|from)\s+(?:the\s+)?{org_or_alias}",
    rf"{_LEAD_ORG}'s\s+(?:official\s+)?(?:position|stance|stand|line|response|view)\b(?:\s+is\b|\s*:)",
    # Its voice: "as a College, we call on…", "ISMIT is delighted to announce".
    r"\bas\s+(?:a|the)\s+(?:{org_or_alias}|College|Society|Institute)\s*,\s*we\b",
    rf"{_LEAD_ORG}\s+(?:is|are)\s+(?:delighted|pleased|proud|thrilled|excited|happy)\s+to\s+(?:announce|confirm|share|welcome|launch)\b",
    r"\b(?:that's|that\s+is|this\s+is|it's)\s+the\s+official\s+(?:line|position|stance|word|answer)\b",
    rf"\b(?:give|giving|gave|told)\s+(?:you|them|him|her|the\s+\w+)\s+{_ORG}'s\s+(?:official\s+)?(?:response|position|view|reaction|take|line|stance)",
    # The same, said the other way round: "gave her the line the RCR will be taking".
    rf"\b(?:give|giving|gave|told|tell|telling|briefed)\s+(?:you|them|him|her|the\s+\w+)\s+(?:on\s+)?the\s+(?:official\s+)?(?:line|position|stance|view|response)\s+(?:that\s+)?{_ORG}\s+(?:will|is|has|takes|took|would)\b",
    # One's own words given as its line: "that's the college line", "consider this the RCR's official word".
    r"\b(?:that's|that\s+is|this\s+is|it's|consider\s+this|take\s+this\s+as|treat\s+this\s+as)\s+(?:the\s+)?"
    r"(?:{org_or_alias}|college|society|institute)(?:'s|')?\s+(?:official\s+|final\s+)?(?:policy|position|line|stance|word|statement|answer)\b",
    rf"\b(?:walk\s+you\s+through|explain|tell\s+you|give\s+you)\s+(?:where|what|how)\s+{_ORG}\s+(?:stands|thinks|believes|feels|wants|is\s+doing)",
    rf"{_LEAD_ORG}'s\s+official\s+(?:response|position|line|stance|view)\b[^.!?\n]{{0,80}}:\s*(?:we|our)\b",
    rf"{_LEAD_ORG}(?:'s)?\s+(?:\w+\s+)?(?:has|have)\s+(?:decided|agreed|voted)\b",
    r"\b(?:has\s+been|was|have\s+been)\s+(?:decided|agreed|confirmed|approved)\s+by\s+(?:the\s+)?{org}",
    rf"{_LEAD_ORG}'s\s+official\s+(?:updates|news|announcements|account|page|channel|voice)\b",
    r"\b(?:I'll|I\s+will|I'm|I\s+am)\s+(?:be\s+)?(?:the\s+)?(?:[\w-]+'s\s+)?official\s+(?:voice|spokes\w+|account|representative)\b",
    r"\banswer(?:ing)?\s+(?:questions|queries)\s+(?:for|on\s+behalf\s+of)\s+(?:the\s+)?(?:{org_or_alias}|society|network|collective|group|institute|college|committee)\b",
    rf"\bwhere\s+you'll\s+get\s+{_ORG}'s\b",
    r"\bcan\s+confirm\s+(?:that\s+)?(?:the\s+)?{org_or_alias}",
    r"\bconfirm\s+the\s+(?:College|Society|Institute)'s\s+position\b",
    r"\bwe\s+at\s+{org}\b",
    rf"{_LEAD_ORG}\s+(?:has|have)\s+decided\b",
    rf"\b(?:told|tell|telling)\s+(?:them|him|her|the\s+\w+)[:,]?\s+(?:that\s+)?{_ORG}\s+(?:is|will|has|thinks|believes|would)\b",
    rf"\bthat\s+is\s+what\s+{_ORG}\s+believes\b",
    r"\bofficially\s+recommend\b",
    rf"\bas\s+(?:the\s+)?(?:voice|spokes\w+|representative|official\s+voice)\s+(?:of|for)\s+{_ORG}",
    r"\b(?:that's|that\s+is|this\s+is|here's)\s+our\s+(?:official\s+)?(?:position|line|stance|response)\b",
    rf"{_LEAD_ORG}(?:'s)?\s+(?:official\s+)?(?:position|stance|line|view)\s+on\s+[^.!?\n]{{1,60}}?\s+is\b",
    rf"\bconfirm\w*\s+(?:\w+\s+){{0,3}}(?:for|on\s+behalf\s+of)\s+{_ORG}",
    r"\bon\s+behalf\s+of\s+(?:both|all\s+(?:three|two|four)|the|our|these)\s+(?:organi[sz]ations|bodies|colleges|societies|institutes)\b",
    r"\bI\s+can\s+say\s+(?:that|this|so)\s+officially\b",
    r"\bwhat\s+we'll\s+be\s+telling\b",
    r"\bI\s+can\s+answer\s+(?:that|this|those|your\s+questions?)\b",
    rf"{_LEAD_ORG}(?:'s|')?\s+(?:official\s+)?position\s+(?:on\s+[^.!?\n]{{1,60}}?\s+)?is\s+(?:as\s+follows|simple|clear)\b",
    r"\bon\s+(?:the\s+)?(?:{org_or_alias}|Society|College|Institute)(?:'s|')\s+behalf\b",
    r"\bannouncing\s*:?\s+(?:that\s+)?(?:the\s+)?{org_or_alias}",
    # Answering for it: "to answer for the Institute", "responding on behalf of the RCR". ("A reply
    # for IPEM membership" is a noun; "answer for the RCR's failings" is being held to account.)
    r"(?<!\ba\s)(?<!\bthe\s)(?<!\bno\s)(?<!\bany\s)\b(?:answer|respond|reply)(?:ing)?\s+(?:(?:this|that|you|questions|queries)\s+)?"
    r"(?:for|on\s+behalf\s+of)\s+(?:the\s+)?{org_or_alias}(?!'s)",
    r"\bas\s+an?\s+{org}\s+(?:\w+\s+)?(?:committee\s+member|trustee|officer|council\s+member|board\s+member|rep)\b[^.!?\n]{0,30}\bI\s+can\s+(?:confirm|tell|say)\b",
    r"\b(?:and\s+)?so\s+should\s+(?:every|all)\s+(?:member|members|one\s+of\s+us)\b",
    rf"\b(?:we|us)\s+(?:at|as|in|here\s+at)\s+{_ORG}",
    rf"\bhere\s+at\s+{_ORG}\s+we\b",
    rf"\b(?:announce|confirm|inform\s+you|let\s+you\s+(?:all\s+)?know)\s*,?\s+(?:that\s+)?{_ORG}\s+(?:will|has|have|is|are|won't)\b",
    # Breaking its coming decision as news, perhaps after an aside: "pleased to share, ahead of the
    # formal announcement, that the RCR will…". Sharing what it has done ("the RCR has accepted my
    # abstract") is not speaking for it.
    rf"\b(?:announce|confirm|share|reveal|tell\s+you|let\s+you\s+(?:all\s+)?know)\s*(?:,[^,.!?\n]{{1,60}},)?\s+(?:that\s+)?{_ORG}\s+"
    r"(?:will|won't|(?:is|are)\s+(?:going|set|about)\s+to|(?:has|have)\s+decided)\b",
    rf"{_LEAD_ORG}'s\s+(?:official\s+)?(?:answer|reply|response)\s+(?:is|to\s+(?:this|that|you))\b",
    rf"\b(?:yes|no|yep|nope|sorry)\b[\s,!.:;-]+(?:\w+[\s,!]+){{0,2}}{_ORG}\s+(?:will|won't|does|doesn't|is|isn't|has|hasn't|can|can't|do|don't|are|aren't)\b",
    rf"\bfor\s+and\s+on\s+behalf\s+of\s+{_ORG}",
    rf"\b(?:official|formal)\s+(?:statement|response|word|line)\s+from\s+{_ORG}\s*:",
]
# The organisation's future or stance, asserted by someone who says they can vouch for it.
_ORG_WILL = (
    rf"{_LEAD_ORG}\s+(?:will|won't|WILL|is\s+going\s+to|are\s+going\s+to|(?:does|do)\s+not|doesn't|don't|"
    r"(?:is|are)\s+(?:fully\s+|firmly\s+)?(?:behind|against|committed\s+to|opposed\s+to|in\s+favour)|stands?\s+(?:behind|with|by)|"
    r"(?:fully\s+|strongly\s+)?(?:supports|opposes|backs|welcomes|rejects|condemns|endorses|recommends|advises|expects|wants|insists|agrees|disagrees|"
    r"rates|prefers|considers|believes|thinks|accepts|recogni[sz]es|allows|counts))\b"
)
# The same stance in the progressive: "SMIP is backing the pledge". (A pattern of its own: short
# patterns that start with the organisation are searched as one pattern per way of naming it.)
_ORG_IS_BACKING = (
    rf"{_LEAD_ORG}\s+(?:is|are)\s+(?:now\s+|\w+ly\s+)?(?:backing|supporting|opposing|rejecting|endorsing|recommending|welcoming|condemning|"
    r"calling\s+for|pushing\s+for|lobbying\s+for|campaigning\s+for|"
    # Its decisions announced as under way: "APIP is waiving conference fees".
    r"waiving|scrapping|axing|cutting|raising|freezing|dropping|introducing|launching|extending|reducing|increasing|postponing|cancelling|merging)\b"
)
# Its stance asserted outright: "as far as the RCR is concerned, X is off the table".
_AS_FAR_AS_ORG = r"\bas\s+far\s+as\s+(?:the\s+)?{org_or_alias}\s+(?:is|are)\s+concerned\b"
_VOUCHING = (
    r"\b(?:I've|I\s+have|I\s+can|can)\s+(?:confirmed?|tell\s+you|say)\b|\bofficially\b|\bconfirmed\s+(?:it|that|this)\b|"
    r"\bquick\s+(?:answer|reply)\b|\banswering\b|\breply\s+to\s+all\b|\btake\s+it\s+from\s+me\b|\btrust\s+me\b|"
    r"\bas\s+an?\s+(?:\w+\s+)?(?:officer|trustee|council\s+member|board\s+member|committee\s+member|rep(?:resentative)?)\b|"
    r"\bas\s+(?:the\s+)?{org}(?:'s)?\s+(?:rep|representative|spokes\w+|lead|delegate|officer)\b|"
    r"\bon\s+(?:the\s+)?(?:council|board|committee|exec)\b|\bin\s+my\s+role\s+as\b|\b(?:wearing|with)\s+my\s+\w+\s+hat\s+on\b|"
    r"\b(?:rest\s+assured|you\s+have\s+my\s+word|i\s+promise|guarantee|(?:can|let\s+me)\s+reassure|for\s+the\s+record|"
    r"to\s+be\s+clear|(?:that's|it's)\s+(?:final|official|settled|decided))\b|"
    # Calling on members to follow its stance: "IPEM backs the pledge - so should you".
    r"\bso\s+should\s+(?:you|we|every\w*|all\s+of\s+(?:you|us))\b|"
    # Telling it as the body, or for it: "update from the committee:", "we'd say so to any minister".
    r"\b(?:update|news|message|announcement)\s+from\s+(?:the\s+|your\s+)?(?:committee|board|council|trustees|exec)\b|"
    r"\bwe(?:'d|\s+would|'ll|\s+will)\s+(?:say|tell|argue)\s+(?:so|that|the\s+same)\b"
)
NOT_SPEAKING_FOR = [
    r"\bnot\s+on\s+(?:the\s+)?(?:{org_or_alias}|Society|College|Institute)(?:'s|')\s+behalf\b",
    r"\bnot\s+(?:speaking\s+|posting\s+|tweeting\s+|writing\s+|answering\s+|responding\s+|replying\s+)?(?:for|on\s+behalf\s+of)\s+(?:the\s+)?{org_or_alias}",
    r"\bnot\s+(?:speaking\s+|posting\s+)?(?:for|on\s+behalf\s+of)\s+(?:the\s+)?(?:society|college|institute)",
]


class RepresentationParams(Params):
    pass


@register("representation", formerly="speaking_for_organisation")
class SpeakingForOrganisation(FirstFound):
    Params: ClassVar[type[RepresentationParams]] = RepresentationParams

    def __init__(self, params: RepresentationParams, context: Context) -> None:
        self.claims = Phrases(
            PhrasesParams(
                patterns=SPEAKING_FOR,
                exceptions=NOT_SPEAKING_FOR,
                unless_near=[r"\bcan't\s+answer\s+for\b"],
                near=40,
                needs_reference=True,
            ),
            context,
        )
        self.vouched = Phrases(
            PhrasesParams(
                patterns=[_ORG_WILL, _ORG_IS_BACKING, _AS_FAR_AS_ORG],
                requires=[Requirement(any=[_VOUCHING], within=120)],
                unless_near=[r"\bcan't\s+answer\s+for\b", r"\b(?:I\s+)?(?:hope|wish|think|reckon|guess|doubt)\b"],
                near=60,
                needs_reference=True,
            ),
            context,
        )
        self.parts = (self.claims, self.vouched)
