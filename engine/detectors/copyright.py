"""Sharing someone else's work without permission: their slides, papers, chapters, videos, paid content.

Three things together make the breach: a work (slides, a chapter, a course's videos), an act of
passing it on (scanned, uploaded, "DM me for the PDF"), and a sign that it is not the author's
to give (paid for, paywalled, someone else's talk, "they asked for no photos"). Strong signs
(a pirate library, "didn't ask the speakers") need only the work nearby. The author's own
material, or material shared with permission or open access, is not a breach.
"""

from __future__ import annotations

from typing import ClassVar

from .contracts import Context, Params
from .registry import register
from .phrases import FirstFound, Phrases, PhrasesParams, Requirement

WORK = (
    r"\b(?:slides?|slide\s*(?:deck|packs?|sets?)|decks?|handouts?|chapters?|textbooks?|books?|e-?books?|PDFs?|"
    r"papers?|articles?|manuals?|reports?|notes|lectures?|lecture\s+notes|course(?:\s+materials?)?|materials|"
    r"presentations?|talks?|keynotes?|posters?|recordings?|videos?|vids|footage|masterclass(?:es)?|webinars?|plenar(?:y|ies)|symposi(?:um|a)|"
    r"podcasts?|images?|photos?|pics|pictures|figures?|diagrams?|infographics?|question\s*banks?|qbank|MCQs?|"
    r"SBAs?|mock\s+(?:exams?|papers?)|exam\s+papers?|atlas(?:es)?|standards?|journals?|guidelines?|content|"
    r"teaching\s+files?|cases|modules?|workbooks?|software|licen[cs]es?|app|reviews?|full[- ]text|"
    r"cartoons?|memes?|comics?|illustrations?|drawings?|artwork|sketch(?:es)?|gifs?)\b"
)
_PASSING_ON = (
    r"\b(?:shar(?:e|ed|es|ing)|upload(?:ed|ing)?|post(?:ed|ing)|dropp?(?:ed|ing)?|sen[dt]|sending|circulat\w+|"
    r"distribut\w+|forward(?:ed|ing)?|re-?post(?:ed|ing|s)?|re-?shar(?:e|ed|es|ing)|re-?upload(?:ed|ing|s)?|"
    r"put\s+(?:it|them|the\s+\w+)\s+(?:up|on|in)|stuck|dumped|cop(?:y|ied|ying)|"
    r"scann?(?:ed|ing)?|photographed|snapped|screenshot(?:ted|s)?|recorded|download(?:ed|ing)?|ripped|"
    r"here(?:'s|\s+is|\s+are)|DM\s+me|message\s+me|anyone\s+(?:want|need)s?|happy\s+to\s+send|link\s+(?:below|in)|"
    r"on\s+my\s+(?:google\s+)?drive|in\s+(?:the|our)\s+(?:\w+\s+)?(?:group|chat|channel|folder|drive)|grab\s+(?:it|them|a\s+copy))\b"
)
# Whose work it is, when it is not the author's: "her", "the speaker's", "the faculty's".
_SOMEONE_ELSES = (
    r"(?:his|her|their|the\s+(?:speakers?|authors?|lecturers?|presenters?|faculty|tutors?|trainers?|organi[sz]ers|company|publishers?)(?:'s|s'))"
)
_THEIR_WORK = (
    r"(?:slides|talk|book|chapter|course|deck|lecture|videos?|recordings?|manual|materials|notes|images|content|files|presentation|keynote|"
    r"session|plenary|workshop|masterclass)"
)
# What a speaker asks of the room: no photos, no filming, no sharing.
_CAPTURE_OR_SHARE = (
    r"(?:photos|pictures|pics|photograph\w*|film(?:ing)?|share|sharing|record|recording|post|posting|upload|circulate|"
    r"take\s+(?:photos|pics|pictures))"
)
_NOT_THEIRS = (
    r"\b(?:paywall(?:ed)?|paid(?:-for)?|subscription|premium|pay(?:ing)?|costs?|price[dy]?|buy(?:ing)?|purchase[ds]?|"
    r"for\s+free|free\s+(?:copy|PDF|download|access)|without\s+paying|no\s+need\s+to\s+(?:pay|buy)|"
    r"saves?\s+you\s+(?:buying|paying)|publishers?|copyright(?:ed)?|members[- ]only|ticket(?:ed)?|"
    # The whole work: "the full deck", "all 60 pages".
    # Not where something is put: "the logo on every slide", "in the footer of every slide".
    r"the\s+(?:whole|entire|full)|(?<!\b(?:on|in|onto|across|(?:footer|header|corner|top|bottom)\s+of)\s)every\s+(?:slide|chapter|page|video|lecture)|"
    r"all\s+(?:the|of\s+the|their|his|her)\s+\w+|"
    r"all\s+\d+\s+(?:pages|chapters|slides|lectures|videos|episodes)|"
    # Someone else's, by name or by role: "Bushberg's radiation protection chapter", "the faculty's slides".
    r"(?-i:(?:Prof|Professor|Dr)\.?\s+[A-Z]\w+)|(?-i:[A-Z]\w+)'s\s+(?:\w+\s+){0,3}(?:talk|slides|book|lecture|course|keynote|deck|chapter|presentation)|"
    rf"{_SOMEONE_ELSES}\s+(?:\w+\s+)?{_THEIR_WORK}|(?:someone|somebody)'s|"
    r"(?:off|from|on)\s+(?:(?:another|someone|some|a|their|his|her)\s+(?:\w+(?:'s)?\s+)?)?(?:Insta(?:gram)?|Facebook|Reddit|TikTok|Pinterest|Tumblr)|"
    r"customer[- ](?:only|portal)|members[- ]only|(?:pinched|nicked|swiped|lifted|grabbed|ripped)\s+(?:\w+\s+){0,4}(?:off|from)|"
    r"new\s+edition|latest\s+edition)\b|£\s?\d|\$\s?\d"
)
_STRONG = [
    r"\bpaywalled\b",
    r"\b(?:sci-?hub|libgen|library\s+genesis|z-?library|torrents?|pirat(?:ed|e)|bootleg(?:ged)?|cracked\s+(?:copy|version))\b",
    r"\b(?:photos|pics|pictures|snaps|screenshots)\s+of\s+(?:every|all)\s+(?:the\s+)?(?:\w+\s+)?slides?\b",
    r"\b(?:didn't\s+want\s+(?:them|it|these)\s+(?:shared|posted|out)|said\s+no\s+(?:photos|pics|recording|sharing)|"
    r"didn't\s+ask\s+(?:the\s+)?(?:speakers?|authors?|publishers?|organi[sz]ers|permission)|"
    r"without\s+(?:asking|permission|their\s+permission|the\s+\w+'s\s+permission)|no\s+permission|not\s+(?:allowed|supposed)\s+to\s+share)\b",
    r"\bdon't\s+tell\s+the\s+(?:organi[sz]ers|publishers?|authors?|speakers?|lecturers?|course\s+\w+)\b",
    r"\b(?:no\s+need\s+to|don't\s+have\s+to|so\s+you\s+don't\s+have\s+to|won't\s+have\s+to)\s+(?:pay|buy)\b",
    r"\bsaves?\s+you\s+(?:buying|paying|£)",
    # Scanning something to read, not a phantom or a patient: "scanned the whole chest chapter".
    r"\bscann(?:ed|ing)\s+(?:in\s+)?(?:the\s+)?(?:whole|entire|full|all|every|a|the)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:of\s+)?(?:books?|chapters?|textbooks?|pages?|guides?|atlas(?:es)?|handbooks?|manuals?|journals?|notes|workbooks?|"
    r"editions?|copy|copies|papers?|articles?|issues?|question\s+banks?|syllabus|lecture\s+notes)\b",
    r"\b(?:nobody|no\s+one)\s+(?:checks|will\s+(?:know|notice|check))\b|\bbefore\s+they\s+notice\b|\bwon't\s+notice\b",
    r"\binformation\s+wants\s+to\s+be\s+free\b",
    # Removing whose it is: "cropped their watermark off".
    r"\b(?:cropp(?:ed|ing)|cut|remov(?:ed|ing)|blurr(?:ed|ing)|edit(?:ed|ing))\s+(?:out\s+|off\s+)?(?:the|their|his|her|its)\s+"
    r"(?:watermark|credit|signature|attribution|name|handle)s?\b",
    # The speaker's request, shown on screen: "a 'please don't photograph' slide".
    r"\b(?:please\s+)?(?:don't|do\s+not|no)\s+(?:photograph|photos|film|filming|record|recording|share|sharing)['’]?\s+(?:slide|sign|notice|request)\b",
    r"\b(?:full|whole|complete|entire)\s+set\s+of\s+(?:\w+\s+)?(?:slides|notes|handouts|recordings|videos|lectures)\b",
    r"\bevery\s+(?:single\s+)?slide\s+(?:of|from)\b",
    rf"\b(?:asked|told|requested)\s+(?:\w+\s+)?(?:for\s+)?(?:no|not\s+to)\s+{_CAPTURE_OR_SHARE}\b",
    r"\b(?:off|from)\s+Google\s+Images\b",
    # Not knowing whose it is: "no idea who drew it".
    r"\b(?:no\s+idea|don't\s+know|not\s+sure|dunno|can't\s+remember|(?:couldn't|can't|could\s+not|unable\s+to)\s+"
    r"(?:find|track\s+down|work\s+out|figure\s+out|trace)(?:\s+out)?)\s+who\s+(?:originally\s+)?"
    r"(?:drew|made|took|created|wrote|painted|designed|owns|shot)\s+(?:it|this|them|these|the\s+\w+)\b",
    # Its maker unknown or unnamed: "creator unknown", "credit to whoever made this".
    r"\b(?:(?:creator|artist|author|source|maker|owner)\s+unknown|unknown\s+(?:creator|artist|author|source|maker|owner)|"
    r"(?:credit|h/t|hat\s+tip|kudos)\s+to\s+whoever\s+(?:made|drew|created|designed|took|wrote))\b",
]
# Whose it is, named: "the speaker's", "Prof Ng's", "@DrKate_H's", "someone's".
_OWNER = rf"(?:{_SOMEONE_ELSES}|(?-i:(?:Prof|Professor|Dr)\.?\s+[A-Z]\w+)'s|@\w+'s|someone's)"
# A picture of someone else's talk or poster, or the slides from their session: theirs, whatever
# else the author shares of their own.
_CAPTURED = (
    rf"\b(?:(?:photos?|pics?|pictures|snaps?|screenshots?|recordings?)\s+of|(?:slides?|decks?|handouts?|slide\s+sets?)\s+(?:from|of))\s+"
    rf"{_OWNER}\s+(?:\w+\s+)?{_THEIR_WORK}\b"
)
_OWN = [
    r"\bmy\s+own\s+(?:\w+\s+){0,2}(?:work|slides|paper|photos?|notes|course|talk|book|deck|materials|images?)\b",
    # Made by the author: "I've designed a slide template", "I put together a revision deck".
    r"\bI(?:'ve|\s+have)?\s+(?:designed|created|drawn|written|put\s+together|developed|made)\s+(?:a|an|this|these|some)\s+"
    r"(?:[\w-]+\s+){0,2}(?:template|slides?|deck|handouts?|infographic|diagrams?|poster|notes|workbook|flashcards|guide|videos?)\b",
    r"\b(?:my|our)\s+(?:\w+\s+){0,2}(?:slides|talk|paper|notes|deck|course|book|poster|lecture|chapter|presentation|handouts|materials)\b",
]
_ALLOWED = [
    r"\bshare\s+away\b",
    r"\b(?:said|says|told\s+(?:me|us))\s+(?:it\s+was|it's|that\s+was|that's|it\s+would\s+be)\s+(?:fine|ok|okay|alright)\b",
    r"\bwith\s+(?:their|his|her|the\s+\w+'s|kind|full)\s+permission\b|\bshared\s+with\s+permission\b",
    # Leave given by name: "with Dr Okafor's kind permission", "reproduced with her OK", "with the author's blessing".
    r"\bwith\s+(?:(?:Dr|Prof|Professor)\.?\s+)?[\w'’-]+(?:'s|’s)\s+(?:kind\s+|full\s+|express\s+)?(?:permission|blessing|consent|OK|okay|go-ahead)\b|"
    r"\bwith\s+(?:her|his|their|the\s+\w+'s)\s+(?:OK|okay|blessing|consent|go-ahead)\b",
    r"\b(?:open[- ]access|freely\s+available|free\s+to\s+(?:read|download)|CC[- ]BY|creative\s+commons|public\s+domain)\b",
    r"\b(?:given|gave|granted|got|have)\s+(?:us\s+|me\s+)?(?:her|his|their|kind|full)?\s*permission\b|\bpermission\s+(?:for|to\s+share)\b",
    r"\b(?:kindly\s+)?(?:shared|agreed\s+to\s+share|happy\s+for\s+(?:us|me|them)\s+to\s+share)\b[^.!?\n]{0,40}\b(?:slides|talk|deck)\b",
]
_OWN_OR_ALLOWED = [*_OWN, *_ALLOWED]


class CopyrightParams(Params):
    pass


@register("copyright", formerly="copyright_sharing")
class CopyrightSharing(FirstFound):
    # The organisation plays no part: one instance serves every pack, once per draft.
    uses_organisation = False
    Params: ClassVar[type[CopyrightParams]] = CopyrightParams

    def __init__(self, params: CopyrightParams, context: Context) -> None:
        self.strong = Phrases(
            PhrasesParams(patterns=_STRONG, requires=[Requirement(any=[WORK], within=160)], unless_near=_OWN_OR_ALLOWED, near=200),
            context,
        )
        self.passing_on = Phrases(
            PhrasesParams(
                patterns=[_PASSING_ON],
                requires=[Requirement(any=[WORK], within=120), Requirement(any=[_NOT_THEIRS], within=160)],
                unless_near=_OWN_OR_ALLOWED,
                near=200,
            ),
            context,
        )

        # Its owner is named in the hit itself, so the author's own notes nearby do not excuse it.
        self.captured = Phrases(
            PhrasesParams(
                patterns=[_CAPTURED],
                requires=[Requirement(any=[_PASSING_ON, r"\b(?:includ(?:ed|ing)|attached|below)\b"], within=160)],
                unless_near=_ALLOWED,
                near=200,
            ),
            context,
        )
        self.parts = (self.strong, self.passing_on, self.captured)
