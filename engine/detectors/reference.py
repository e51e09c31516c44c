"""Giving a reference or recommendation for another individual (a person, not a book or a restaurant)."""

from __future__ import annotations

from typing import ClassVar

from .contracts import Context, Params
from .registry import register
from .phrases import FirstFound, Phrases, PhrasesParams, Requirement
from .vocabulary import NAME, ROLES

# Someone pointed at: "hire this man".
_THIS_PERSON = r"this\s+(?:man|woman|guy|lad|lass|chap|gent|person|legend)\b"
_PERSON = (
    rf"(?:(?-i:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss)\.?\s+[A-Z][\w'.-]*)|@\w+|{NAME}\s+{NAME}|"
    r"(?-i:(?<=[a-z,;:]\s)[A-Z][a-z]{2,}\b)|"
    rf"(?:her|him|them)\b|(?:my|our)\s+(?:\w+\s+)?(?:colleague|reg|registrar|trainee|fellow|friend|mentee)|{_THIS_PERSON})"
)
_VOUCH = (
    r"\b(?:recommend(?:ing|ed|s)?|endors(?:e|ing)|vouch(?:ing)?\s+for|back(?:ing)?(?=\s+(?:him|her|them|@|(?-i:[A-Z])))|support(?:ing)?\s+(?:his|her|their)\s+application|"
    r"put\s+(?:in\s+)?a\s+(?:good\s+)?word\s+(?:in\s+)?for|can't\s+recommend|cannot\s+recommend|would\s+(?:happily\s+|gladly\s+)?(?:hire|employ|appoint)|"
    rf"hire\s+(?:him|her|them|{_THIS_PERSON}|{NAME}\s+{NAME})|snap\s+(?:him|her|them)\s+up|grab\s+(?:him|her|them)|take\s+(?-i:(?:Dr|Prof)\.?\s+[A-Z]\w+)|"
    r"nominat(?:e|ed|ing)|shortlist|(?:he|she|they)(?:'d|\s+would)\s+be\s+(?:perfect|ideal|great|brilliant|fantastic|an\s+asset|a\s+great\s+\w+)|"
    r"(?:he|she|they)\s+deserves?\s+(?:the|this|that|a)\s+(?:job|post|role|award|fellowship|prize|promotion|place)|"
    r"would\s+(?:happily|gladly)\s+work\s+with\s+(?:him|her|them)\s+again|(?:is|he's|she's|they're)\s+the\s+real\s+deal|"
    r"(?:grab|snap\s+up)\s+(?-i:(?:Dr|Prof)\.?\s+[A-Z]\w+)|(?:would|I'd|we'd)\s+(?:take|have|hire)\s+(?:him|her|them)\s+back|(?:he's|she's|they're)\s+your\s+(?:man|woman|person|guy|girl)|"
    # Choosing them for a post oneself: "I'd take @DrOla for any fellowship".
    rf"(?:I'd|I\s+would|we'd|we\s+would)\s+(?:happily\s+|gladly\s+)?(?:take|have|pick|choose|appoint)\s+(?:him|her|them|@\w+|(?:(?-i:Dr|Prof)\.?\s+)?{NAME}(?:\s+{NAME})?)\s+for\s+(?:any|a|an|the|your))"
)
_ROLE = (
    r"\b(?:post|role|job|position|vacanc(?:y|ies)|award|fellowship|bursary\s+application|application|"
    r"shortlist|panels?|recruit(?:ing|ers?|ment)?|hire|hiring|consultant|director|supervisor|candidate|interview|"
    r"locum|fellow|registrar\s+post|promotion|scholarship|prize|team|department|referees?|reference|tutors?|mentors?|coach)\b"
)


# Vouching from experience: "sharpest reg I've ever supervised", "best hands I've ever seen, take my word
# for it". Said in congratulations it is praise, not a reference.
_FROM_EXPERIENCE = (
    r"\b(?:(?:best|sharpest|finest|brightest|strongest|ablest|safest)\s+(?:\w+\s+){0,4}(?:I've|I\s+have)\s+ever\s+"
    r"(?:supervised|trained|taught|worked\s+with|seen|had|mentored)|take\s+my\s+word\s+for\s+it)\b"
)
# Someone asking for a person in a post: "need a locum sonographer?", "looking for a physicist".
_SEEKING = rf"\b(?:looking\s+for|need(?:ing|s)?|after|hiring|recruiting)\s+an?\s+(?:\w+\s+){{0,2}}{ROLES}\b"


class ReferenceParams(Params):
    pass


# Said of a person, these are a reference whatever verb comes before.
_SHORTLIST = (
    r"\b(?:put\s+me\s+down\s+as\s+(?:a|your|her|his|their)\s+referee|(?:I'll|I\s+will|I'd|happy\s+to|glad\s+to)\s+(?:happily\s+|gladly\s+)?"
    r"(?:be|act\s+as|serve\s+as)\s+(?:a|your|her|his|their)\s+referee|strongest\s+possible\s+recommendation|"
    r"give\s+(?:him|her|them|(?-i:[A-Z][a-z]+))\s+(?:the|that|this)\s+(?:job|post|award|role|fellowship|prize|place)|"
    r"(?:should|must|deserves?\s+to)\s+(?:absolutely\s+|definitely\s+)?(?:get|win|be\s+given|be\s+awarded)\s+(?:this\s+year's|the|this|that)\s+(?:\w+\s+){0,4}"
    r"(?:award|job|post|role|fellowship|prize|place|promotion)|(?:he's|she's|they're)\s+the\s+best\s+(?:\w+\s+)?"
    r"(?:candidate|applicant|person|choice|radiologist|radiographer|physicist|sonographer|nurse|registrar)\s+(?:for|they'll|you'll|I've))\b|"
    r"\b(?:(?:he|she|they)\s+(?:should|must|deserves?\s+to)\s+be\s+(?:at\s+the\s+top\s+of|on)\s+(?:your|the|any|every)\s+shortlist|"
    r"(?:(?:any|every)\s+(?:team|department|trust|practice|unit|hospital|employer|service)\s+would|you'd|you\s+would|you'll)\s+be\s+lucky\s+to\s+(?:have|get)\s+(?:him|her|them)|"
    r"(?:he|she|they)(?:'d|\s+would)\s+be\s+an\s+asset\s+to\s+any|you\s+won't\s+find\s+(?:a\s+)?better\s+(?:\w+\s+)?(?:than\s+(?:him|her|them))?)\b"
)


@register("reference", formerly="personal_reference")
class PersonalReference(FirstFound):
    # The organisation plays no part: one instance serves every pack, once per draft.
    uses_organisation = False
    Params: ClassVar[type[ReferenceParams]] = ReferenceParams

    def __init__(self, params: ReferenceParams, context: Context) -> None:
        self.shortlist = Phrases(PhrasesParams(patterns=[_SHORTLIST]), context)
        self.vouching = Phrases(
            PhrasesParams(
                patterns=[_VOUCH],
                requires=[Requirement(any=[_PERSON], within=60), Requirement(any=[_ROLE], within=160)],
                unless_near=[r"\b(?:apply|applying)\s+for\s+the\b[^.!?\n]{0,30}\b(?:bursary|grant|scheme)\b"],
                near=60,
            ),
            context,
        )

        self.experience = Phrases(
            PhrasesParams(
                patterns=[_FROM_EXPERIENCE],
                requires=[Requirement(any=[_PERSON], within=60), Requirement(any=[_ROLE, _SEEKING], within=160)],
                unless_near=[r"\b(?:congrat\w*|well\s+done|welcome)\b"],
                near=160,
            ),
            context,
        )
        self.parts = (self.vouching, self.shortlist, self.experience)
