"""Use of an organisation's marks: its logo on one's own material, or a new account under its name.

Talking about the logo is not using it: the detector wants a verb or a place of use nearby and
stands down when the draft asks about permission or admires the organisation's own design.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from .contracts import Context, Params
from .registry import register
from .phrases import FirstFound, Phrases, PhrasesParams, Requirement

MARKS = [r"logos?", r"crests?", r"coats?\s+of\s+arms", r"artwork", r"taglines?", r"slogans?", r"emblems?", r"insignia", r"trade\s*marks?", r"brand(?:ing)?(?![- ]new)"]

_USE = (
    r"\b(?:put|putting|popped|pop|used|using|added|adding|stuck|slapped|printed|branded|swapped|made|"
    r"knocked\s+up|nicked|borrowed|pinched|copied|lifted|grabbed|updated|designed|created|carr(?:y|ies|ied)|"
    r"featur(?:e|es|ing)|bearing|emblazoned|plastered|has\s+the|with\s+(?:the|our|an?)|and\s+everything)\b"
)
_PLACES = (
    r"\b(?:banners?|headers?|footers?|masthead|pfp|dp|profile\s+pic|homepage|title\s+(?:page|slide)|(?:zoom\s+|virtual\s+)?background|slides?|slide\s*deck|deck|posters?|flyers?|leaflets?|newsletters?|"
    r"profile(?:\s+(?:pic(?:ture)?|photo|banner))?|avatar|cover\s+(?:photo|image)|icon|templates?|"
    r"hood(?:ie|y)s?|t-?shirts?|mugs?|merch(?:andise)?|lanyards?|website|materials|letterhead|certificates?|"
    r"badges?|frame|stickers?|business\s+cards?|signature|account|page|group|channel|intro|outro|cards?|"
    r"thumbnails?|videos?|watermarks?|series|podcast|artwork|cover|wallpaper|cakes?|shirts?|polos?|scrubs|"
    r"tote\s+bags?|bags?|caps?|jackets?|fleeces?|email\s+footer|CV|invitations?)\b"
)
# A platform stands for the page on it: "we've launched 'IPEM Northern Trainees' here on LinkedIn".
_ON_PLATFORM = (
    r"\b(?:here\s+)?on\s+(?:LinkedIn|Facebook|FB|Insta(?:gram)?|TikTok|WhatsApp|Discord|YouTube|Bluesky|Threads|Mastodon|Twitter|Reddit)\b"
)
_TALK_ONLY = [
    # Noticing the mark is talk; "nobody will notice" is hoping a use goes unseen.
    r"(?<!\b(?:nobody|no\s+one|no-one|never)\s+(?:will\s+|would\s+|'ll\s+)?)(?<!\b(?:won't|wouldn't)\s+)\bnotic(?:e|ed|ing)\b",
    r"\b(?:has|have|had)\s+refreshed\b|\brefresh(?:ed|es)?\s+(?:its|their|the)\s+(?:logo|brand|look|identity)\b",
    # A new design, said of the mark itself: "the logo's had a refresh", "the crest got a makeover".
    r"\b(?:has|have|had|'s\s+had|got|gets|getting|having)\s+(?:a\s+|its\s+)?(?:refresh|makeover|facelift|redesign|revamp|new\s+look)\b",
    r"\brebrand",
    r"\b(?:unveil(?:s|ed|ing)?|reveal(?:s|ed|ing))\b",
    r"\b(?:love|like|loving|liking|admire)\s+(?:the|their|its)\b",
    # Any word for leave to use it: "need the marketing team's OK", "sought approval".
    r"\b(?:ask|asking|asked|request|requesting|seek|seeking|sought|get|getting|got|need|needs)\s+(?:[\w']+\s+){0,4}"
    r"(?:permission|approval|consent|sign-?off|go-ahead|blessing|(?-i:OK)|okay)\b",
    r"\b(?:ask|asking|asked)\s+(?:about|whether|if)\b",
    r"\bnot\s+going\s+to\s+(?:use|touch)\b",
    r"\b(?:can|may|could)\s+(?:i|we)\s+use\b",
    # A wish or a question is not a use: "I'd love to put the RCR logo on the flyer", "is it OK to…".
    r"\b(?:i'd|i\s+would|we'd|we\s+would)\s+(?:love|like)\s+to\b|\b(?:is\s+it|would\s+it\s+be)\s+(?:ok|okay|alright|allowed|possible)\b",
    r"\b(?:don't|do\s+not|never|shouldn't|should\s+not)\s+use\b",
    r"\bwho(?:ever)?\s+(?:designed|made|drew)\b",
    r"\bnot\s+(?:using|used|putting|going\s+to\s+put)\b",
    r"\b(?:logo|crest|design)\s+looks?\s+like\b",
    r"\b(?:i|who)\s+thinks?\s+the\b",
    r"\b(?:what\s+do\s+you\s+think|thoughts)\s+(?:of|on)\s+the\b",
]


class LogoUseParams(Params):
    # Which marks the policy protects, as patterns; by default logos, crests, brands and trademarks.
    marks: list[str] = Field(default_factory=lambda: list(MARKS))


@register("brand", formerly="logo_use")
class LogoUse(Phrases):
    """The organisation's logo (or other mark) put on the author's own slides, banner, profile, merchandise…"""

    Params: ClassVar[type[LogoUseParams]] = LogoUseParams

    def __init__(self, params: LogoUseParams, context: Context) -> None:
        mark = "(?:" + "|".join(params.marks) + ")"
        super().__init__(
            PhrasesParams(
                patterns=[rf"\b{mark}\b"],
                requires=[
                    # The mark is the organisation's: named just before or after ("the RCR crest", "logo of ICIS").
                    Requirement(any=[r"{org_or_alias}", r"\b(?:society|college|institute)'?s?\b", r"\bofficial\s+(?:logo|crest|emblem)"], within=45),
                    Requirement(any=[_USE, _PLACES, _ON_PLATFORM], within=110),
                ],
                unless_near=_TALK_ONLY,
                near=110,
                needs_reference=True,
            ),
            context,
        )


_SET_UP = (
    r"\b(?:set\s+up|setting\s+up|started|starting|start|created|creating|launch(?:ed|ing)?|made|making|opened|"
    r"new|brand-new|live)\b"
)
_ACCOUNT = r"\b(?:accounts?|pages?|groups?|channels?|forums?|handles?|communit(?:y|ies)|networks?)\b"
# Only the author setting something up: "ICIS launched its report, discussed on LinkedIn" is news.
_WE_SET_UP = r"\b(?:I've|I\s+have|we've|we\s+have|I|we|just)\s+(?:set\s+up|started|created|launched|opened|made)\b"


class AccountParams(Params):
    within: int = Field(default=120, ge=10)


@register("brand_account", formerly="account_under_name")
class AccountUnderName(FirstFound):
    """A new account, page or group set up under the organisation's name or logo."""

    Params: ClassVar[type[AccountParams]] = AccountParams

    def __init__(self, params: AccountParams, context: Context) -> None:
        self.on_platform = Phrases(
            PhrasesParams(
                patterns=[_ON_PLATFORM],
                requires=[Requirement(any=[_WE_SET_UP], within=80), Requirement(any=[r"{org}"], within=80)],
                needs_reference=True,
            ),
            context,
        )
        self.named_account = Phrases(
            PhrasesParams(
                patterns=[_ACCOUNT],
                requires=[
                    Requirement(any=[_SET_UP], within=params.within),
                    Requirement(any=[r"{org}"], within=params.within),
                ],
                # The author's own account is not one under the organisation's name.
                exceptions=[r"\b(?:personal|private|own)\s+(?:accounts?|pages?|handles?)\b"],
                unless_near=[r"\bofficial\s+(?:account|page|group)s?\s+(?:is|are)\b", r"\bfollow\s+(?:the\s+)?(?:official)\b"],
                needs_reference=True,
            ),
            context,
        )
        self.parts = (self.named_account, self.on_platform)
