"""Affiliation without disclaimer: the draft refers to the organisation but never says the views are personal."""

from __future__ import annotations

from typing import ClassVar

from ..matching.scanning import Span
from ..matching.word_lists import Alternatives
from ..text import Draft
from .contracts import Context, Detector, Params
from .registry import register

_VIEWS = r"(?:v[ie]{1,2}ws?|opin?ions?|thoughts|comments|posts|tweets|words)"
_MINE = r"(?:(?:all|entirely|purely|strictly|solely)\s+)?(?:my\s+own|mine|my\s+personal\s+(?:ones?|views?)|personal|my\s+own\s+personal|our\s+own)"

# The ways people say they speak for themselves, before or after the mention, across line breaks.
PERSONAL_STATEMENTS = [
    # views (expressed here) are my own / views mine alone / opinions my own / all views on the site and here are my own
    # / opinion (mine alone) / thoughts – mine
    rf"\b(?:all\s+)?{_VIEWS}(?:\s*(?:/|&|and)\s*{_VIEWS})?\s+(?:[\w']+\s+){{0,7}}?(?:are|r|is|=|:|\(|[-–—])?\s*{_MINE}",
    # my own views / my views only / my personal opinion only / my views, not the College's
    r"\bmy\s+own\s+(?:personal\s+)?(?:views?|opinions?|thoughts)\b",
    r"\bmy\s+(?:personal\s+)?(?:views?|opinions?|thoughts)\s*(?:only|alone|,?\s*not\b|,?\s*as\s+(?:ever|always))",
    r"\bpersonal\s+(?:views?|opinions?|capacity|account|acct|thoughts|musings|reflections|ramblings|take|initiative|reminder)\b",
    # "Own views.", "(my views)", "My view." said on their own, as a sign-off: not "my views on X"
    r"\b(?:my\s+|all\s+)?own\s+views?(?:\s+only|,?\s+as\s+(?:ever|always))?\s*(?:[.!)\]]|$)",
    r"(?:\(|^|[.!?]\s+)my\s+views?\s*[.!)]",
    # "I can't speak for IPEM here", "I don't speak for the College"
    r"\b(?:can't|cannot|can\s+not|don't|do\s+not|won't)\s+speak\s+for\s+(?:the\s+)?(?:{org_or_alias}|society|college|institute|association|them)\b",
    r"\b(?:only\s+)?speaks?\s+(?:only\s+)?for\s+me\b|\bspeaking\s+only\s+for\s+(?:myself|herself|himself|themselves)\b",
    # "(not AoS!)", "(not the forum's)"
    r"\(\s*not\s+(?:the\s+)?(?:{org_or_alias})\s*!?\s*\)",
    # someone's views set apart from one's own: "their views ≠ mine", "the College's views aren't mine"
    rf"\b{_VIEWS}\s*(?:≠|!=|=/=|aren't|are\s+not|differ\s+from)\s*(?:mine|my\s+own)\b",
    r"\b(?:in\s+)?(?:a|my)\s+(?:personal|private|individual)\s+capacity\b",
    r"\b(?:speaking|posting|tweeting|writing|commenting|asking|sharing|here)\s+(?:purely\s+|only\s+|solely\s+|strictly\s+)?"
    r"(?:personally|for\s+myself|as\s+(?:myself|me|an?\s+individual|a\s+friend|a\s+private\s+(?:individual|citizen)))\b",
    r"\bme\s+speaking\s+for\s+myself\b",
    r"\bon\s+my\s+own\s+behalf\b",
    # not for / not on behalf of / don't represent / not those of
    r"\bnot\s+(?:speaking\s+|posting\s+|tweeting\s+|writing\s+)?(?:for|on\s+behalf\s+of|as\s+a\s+representative\s+of)\s+"
    r"(?:the\s+|either\s+|any\s+)?(?:{org_or_alias}|society|college|institute|organi[sz]ations?|board|council|committee)\b",
    r"\bnot\s+as\s+an?\s+(?:{org}\s+)?(?:trustee|officer|member|fellow|representative|spokes\w+)\b",
    r"\b(?:do(?:es)?\s*n[o']?t|don't|doesn't|not)\s+(?:necessarily\s+)?(?:represent|reflect)\b",
    r"\bnot\s+(?:necessarily\s+)?(?:those\s+of|the\s+views?\s+of)\b",
    r"\bnot\s+(?:the\s+)?(?:[\w@#]+'s\s+(?:or|and|nor)\s+)?(?:the\s+|any\s+)?(?:{org_or_alias}|society|college|organi[sz]ation|association|group|forum|faculty|institute)'?s\b",
    r"\bnot\s+on\s+(?:the\s+)?(?:{org_or_alias}|society's|college's|institute's)'?s?\s+behalf\b",
    r"\bmy\s+(?:tweets|posts|views|opinions|words)\s*(?:≠|!=|=/=|are\s+not|aren't|don't\s+(?:reflect|represent))",
    r"\b(?:standard\s+)?disclaimer\s*:",
    r"\b(?:wearing\s+)?my\s+own\s+hat\b|\bnot\s+(?:wearing\s+)?my\s+(?:\w+\s+)?(?:hat|{org}\s+(?:one|hat))\b",
    r"\bpersonal\s+(?:post|tweet|note|opinion)\b|\bnothing\s+official\b",
    r"\b(?:it's|this\s+is|that's|this\s+post\s+is)\s+(?:all\s+|100%\s+|entirely\s+|purely\s+|just\s+)?(?:mine|me)\b",
    r"\bme\s+(?:talking|speaking|posting|tweeting|writing)\b|\b(?:belong|belongs)\s+to\s+me\b",
    r"\bnothing\s+(?:\w+\s+){0,4}(?:represents?|reflects?|speaks\s+for)\b",
    # "nothing I say here is IPEM's view", "none of it is their view"
    r"\b(?:nothing|none\s+of\s+(?:this|it|that|these|the\s+above))\s+(?:[\w']+\s+){0,4}?(?:is|are)\s+"
    r"(?:[\w@#']+\s+){0,3}?(?:views?|positions?|line|opinions?|stance)\b",
    r"\b(?:had|has)\s+nothing\s+to\s+do\s+with\s+(?:this|my)\s+(?:opinion|view|post)",
    r"\bmy\s+(?:own\s+)?(?:views?|opinions?|thoughts),?\s+(?:nobody|no\s*one|not\s+anybody|no-one)\s+else'?s\b",
    r"\bnot\s+an?\s+(?:official\s+)?(?:{org_or_alias})\s+(?:thing|view|statement|position|line|account|post|tweet|one|reminder)\b",
    # Hashtags people use for it: #personalviews, #ViewsMyOwn, #myviews.
    r"#(?:personal\w*views?|views?(?:are)?(?:my|mine|myown|own)\w*|my(?:own)?views?|opinionsmyown)\b",
]


class DisclaimerParams(Params):
    pass


@register("disclaimer", formerly="affiliation_without_disclaimer")
class AffiliationWithoutDisclaimer(Detector):
    """Fires at the first reference to the organisation when no personal-views statement is present."""

    Params: ClassVar[type[DisclaimerParams]] = DisclaimerParams

    def __init__(self, params: DisclaimerParams, context: Context) -> None:
        self.context = context
        self.statement = context.alternatives(PERSONAL_STATEMENTS)

    def triggers(self) -> tuple[Alternatives, ...]:
        """It concerns only drafts that refer to the organisation."""
        return (self.context.reference_words,)

    def find(self, draft: Draft) -> list[Span]:
        references = self.context.references(draft)
        if not references or self.statement.matches(draft):
            return []
        return [references[0]]
