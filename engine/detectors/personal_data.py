"""Personal data about an identifiable other person: patients and colleagues.

Identifiers are validated before they count (an NHS number passes its modulus-11 check); contact
details count when they are someone else's, not the author's own ("email me at…"); and the
combinations that identify a patient (initials or a first name with age, ward, bed or condition)
count together, where each part alone would not.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import ClassVar

import regex

from ..matching.safe_patterns import compile_pattern
from ..matching.scanning import Span, search
from ..text import Draft
from .contracts import Context, Detector, Params
from .registry import register
from .phrases import Phrases, PhrasesParams, Requirement
from .vocabulary import HEALTH


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS number's check digit: weights 10..2 on the first nine digits, 11 minus the sum mod 11."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    check = 11 - sum(int(d) * w for d, w in zip(digits, range(10, 1, -1))) % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


_NHS_NUMBER = r"(?<![\d+])\d{3}[ \-]?\d{3}[ \-]?\d{4}(?![\d])"
_NHS_CONTEXT = r"\bNHS\s*(?:no\.?|number|num|#)?\s*[:.]?\s*$"
# UK numbers, and Australian mobiles (04xx xxx xxx, or +61 4xx): members post from abroad too.
_PHONE = r"(?<![\d+])(?:(?:\+(?:44|61)\s?\(?0?\)?\s?|0)(?:7\d{3}|1\d{3}|2\d|3\d{2}|8\d{2}|4\d{2})[\s-]?\d{3}[\s-]?\d{3,4})(?!\d)"
_EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_POSTCODE = r"(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b)"
_STREET_NAME = r"(?-i:[A-Z][a-z]+\s+(?:Road|Street|Avenue|Lane|Close|Drive|Way|Crescent|Gardens|Terrace|Place|Grove))\b"
_STREET = rf"\b\d{{1,4}}\s+{_STREET_NAME}"
_DATE = r"\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)?\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\s+(?:19|20)\d{2}"
_DOB = rf"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|born(?:\s+on)?)\s*[:\-]?\s*(?:{_DATE})"
_HOSPITAL_NUMBER = r"\b(?:hosp(?:ital)?\.?\s+(?:no\.?|number|num|#)|MRN|unit\s+(?:no\.?|number)|CHI(?:\s+(?:no\.?|number))?|RXX)\s*[:.#]?\s*[A-Z]{0,3}\d{5,}\b"

# The author giving their own details is not disclosure.
_OWN = (
    r"\b(?:email|e-mail|ring|call|text|phone|contact|reach|message|whatsapp)\s+me\b|"
    r"\b(?:my|our)\s+(?:email|e-mail|mobile|number|phone|address|inbox|office)\b"
)
_SOMEONE_ELSES = (
    # Anyone's, accents included: "the treasurer's mobile", "Sinéad's personal email".
    r"\b(?:his|her|their|[^\W\d_]+'s)\s+(?:\w+\s+)?(?:email|e-mail|mobile|number|phone|address|place|house|flat|home)|"
    r"\b(?:try|ring|call|text|email)\s+(?:him|her|them)\b|\bpop\s+round\b|"
    # Where someone else is found, just before the details: "he's at 14 Larch Close", "she lives at…", "he's on 07700…".
    r"\b(?:he|she|they|who)(?:'s|\s+is|'re|\s+are)?\s+(?:now\s+)?(?:(?:lives?|living|staying|moved)\s+(?:at|to)|at|on)\s*$"
)

_TITLE_INITIALS = r"(?-i:\b(?:[Mm]r|[Mm]rs|[Mm]s|[Mm]iss|[Mm]x)\.?\s+[A-Z](?:\.?[A-Z])*\.?)(?![a-z])"
# A scan or finding near a name-and-age makes it a patient.
_CLINICAL = r"\b(?:scanned|scan|CT|MRI|X-?ray|ultrasound|PET|biopsy|\d+\s*(?:wks|weeks)|resus|ED|A&E|fracture|mass|tumou?r)\b"
_NAME_WITH_AGE = r"(?-i:\b[A-Z][a-z]+)\s*\(\d{1,3}\)|\b(?:name's|name\s+is|called)\s+(?-i:[A-Z][a-z]+)"
_TITLE_SURNAME = r"(?-i:\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
_NAME_INITIAL = r"(?-i:\b[A-Z][a-z]+\s+[A-Z]\.)"
_AGE = (
    r"(?:,\s*\d{1,3}\s*(?:,|yo\b|y/o|years?\s+old)|\baged\s+\d{1,3}\b|\b\d{1,3}\s*(?:yo|y/o|year[- ]old)\b|"
    r"\(\d{1,3}\)|(?-i:\b\d{1,3}\s?[MF]\b))"
)
_PLACE = r"\b(?:ward|bed|bay|side\s+room|cubicle|resus|room)\s*\d+[A-Z]?\b"
# Someone at a bed or ward ("the lady in bed 6", "that mum on the ward"), and what brought them in.
_SOMEONE_THERE = (
    r"\b(?:patient|pt|lady|gent(?:leman)?|man|woman|bloke|guy|chap|fella|lad|girl|boy|mum|dad|toddler|baby|kid|child|grandad|grandma|nan)\b"
)
_ADMITTED = (
    r"\b(?:(?:(?:came|brought)\s+in|admitted)\s+with\s+(?:a|an|the|his|her|their|suspected)|in\s+with\s+(?:a|an|his|her|their|suspected))\b"
    # Who came in with them is company, not a condition: "in with his daughter".
    r"(?!\s+(?:\w+\s+)?(?:daughter|son|wife|husband|partner|mum|mother|dad|father|family|carer|friend|sister|brother|kids?|children)\b)"
)
_UNANONYMISED = [
    r"\b(?:not|didn't|haven't|hasn't|forgot\s+to|without)\s+(?:\w+\s+){0,4}anonymi[sz](?:e|ed|ing)\b",
    r"\b(?:patient's|the)\s+name(?:'s|\s+is)\s+(?:visible|in\s+the\s+(?:top\s+)?corner|on\s+the\s+(?:image|scan|screenshot))",
    r"\b(?:patient's|patient|the)\s+name(?:'s|\s+is|\s+was)\s+(?:still\s+)?(?:on|in)\s+the\s+(?:overlay|image|scan|screenshot|header|film|label|corner|DICOM)",
    r"\bforgot\s+to\s+(?:crop|blank|redact|remove|black\s+out|hide)\s+(?:the\s+)?(?:patient's\s+)?(?:name|details|ID|identifiers)\b",
]
_SOMEONE = (
    r"(?:\b(?:my|our)\s+(?:old\s+|new\s+|lovely\s+)?(?:colleague|friend|reg|registrar|boss|treasurer|chair|consultant|"
    r"radiographer|trainee|mate|secretary|manager|physicist|sonographer|student|team\s+leader)\b|"
    r"\bkeep\s+(?-i:[A-Z])\w+\b[^.!?]{0,60}\bin\s+your\s+(?:thoughts|prayers)|\bin\s+your\s+(?:thoughts|prayers)\b|"
    r"\bget\s+well\s+soon\b|\b(?:thoughts|love|prayers)\s+(?:are\s+)?with\s+(?-i:[A-Z])|"
    r"\bpoor\s+(?-i:[A-Z])[a-z]+\b|(?-i:\b[A-Z][a-z]+),\s+(?:our\s+)?(?:treasurer|chair|secretary)\b|"
    r"(?-i:\b[A-Z][a-z]+)\s+(?:in|from|on)\s+(?:our|my|the)\s+(?:\w+\s+){0,2}(?:team|department|dept|office|unit|list|rota)\b|"
    r"(?-i:\b[A-Z][a-z]+\s+[A-Z][a-z]+),?\s+(?:is|was|has|had|from|in\s+our|on\s+our))"
)


# Where a named person works: "Ian in physics", "Rachel Simms from our neuro team".
_FROM_TEAM = r"(?:\s+(?:from|in|on|at)\s+(?:the\s+|our\s+|my\s+)?(?:[\w-]+\s+){0,2}[\w-]+)"
# Someone else's condition told as news about them: "she starts chemo", "Ian has had a stroke".
_CONDITIONS = (
    r"(?:chemo\w*|radiotherapy|cancer|tumou?r|leuk(?:a)?emia|lymphoma|depression|anxiety|a\s+breakdown|stroke|heart\s+attack|"
    r"epilepsy|seizures?|diabetes|MS|multiple\s+sclerosis|dementia|Parkinson's|a\s+miscarriage|IVF|HIV|cirrhosis|"
    r"an?\s+eating\s+disorder|bipolar|psychosis|autism|ADHD|a\s+transplant|surgery|an\s+operation|blind|deaf|"
    r"\d+\s*(?:weeks|wks)(?:\s+pregnant)?|pregnant|twins|long[- ]covid|alcohol\s+problems?|drinking\s+problems?|"
    r"(?:a\s+)?drink\s+problem|addiction|covid|sepsis|(?:sick|stress)\s+leave|rehab)"
)
_HEALTH_VERB = (
    r"(?:\s+is|\s+has|\s+had|\s+was|\s+starts?|\s+started|\s+begins?|\s+came\s+back\s+from|\s+(?:is\s+)?off|"
    r"\s+(?:has\s+)?been|\s+got|\s+(?:was\s+)?diagnosed)"
)
_THIRD_PERSON_HEALTH = (
    rf"(?:(?-i:\b(?:[Hh]e|[Ss]he|[Tt]hey|who))(?:'s|'re|{_HEALTH_VERB})|(?-i:\b[A-Z][a-z]+),?{_FROM_TEAM}?{_HEALTH_VERB})\s+(?:\w+\s+){{0,6}}{_CONDITIONS}\b"
)
# A person named in passing ("Lorraine from our committee", "our secretary Ian"), not the first word of a sentence.
# Days and months are capitalised too, and are no one.
_NOT_A_NAME = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|"
    r"September|October|November|December)\b)"
)
_NAMED = (
    rf"@\w+|(?-i:(?<=[a-z,;:]\s){_NOT_A_NAME}[A-Z][a-z]{{2,}}\b)|(?-i:\b[A-Z][a-z]{{2,}})\s+(?:from|on|in|at)\s+(?:our|the|my)\b|"
    r"\b(?:my|our)\s+(?:\w+\s+){0,2}(?:colleague|secretary|treasurer|chair|friend|reg|registrar|boss|manager|trainee|"
    r"radiographer|physicist|sonographer|consultant|nurse|student|member)\b"
)


# A condition in the name of a charity or a service is nobody's health: "the Stroke Association",
# "our stroke unit", "code stroke", "the HIV clinic".
_HEALTH_SERVICE = (
    r"\b(?:stroke|cancer|heart|dementia|HIV|MS|diabetes|mental\s+health|rehab)\s+(?:Association|Society|UK|Research|Trust|"
    r"Foundation|Charity|Alliance|Action|Awareness|units?|wards?|teams?|services?|pathways?|centres?|clinics?|nurses?|"
    r"physicians?|network|CTs?|imaging|protocols?|thrombolysis|thrombectomy|calls?|alerts?)\b|\bcode\s+stroke\b"
)


class PersonalDataParams(Params):
    pass


@register("personal_data")
class PersonalData(Detector):
    """Identifiers, someone else's contact details, patient descriptions and colleagues' health."""

    # The organisation plays no part: one instance serves every pack, once per draft.
    uses_organisation = False
    Params: ClassVar[type[PersonalDataParams]] = PersonalDataParams

    def __init__(self, params: PersonalDataParams, context: Context) -> None:
        self.nhs = context.alternatives([_NHS_NUMBER])
        self.nhs_context = compile_pattern(_NHS_CONTEXT)
        # A street without a number is someone's home only after "her place on", "his house in" (below).
        self.contacts = context.alternatives([_PHONE, _EMAIL, _POSTCODE, _STREET, rf"\b{_STREET_NAME}"])
        self.own = compile_pattern(_OWN)
        self.someone_elses = compile_pattern(_SOMEONE_ELSES)
        self.identifiers = context.alternatives([_DOB, _HOSPITAL_NUMBER])
        self.patient = Phrases(
            PhrasesParams(
                patterns=[_TITLE_INITIALS, _NAME_INITIAL, _PLACE, _TITLE_SURNAME, _NAME_WITH_AGE],
                requires=[Requirement(any=[_AGE, _PLACE, _DOB, _TITLE_INITIALS, _CLINICAL], within=90)],
                each=True,
            ),
            context,
        )
        # _PLACE satisfies its own requirement; a place alone is not a patient, so check pairs below.
        self.place = compile_pattern(_PLACE)
        self.person_or_age = compile_pattern(f"{_TITLE_INITIALS}|{_AGE}|{_NAME_INITIAL}")
        self.someone_there = compile_pattern(_SOMEONE_THERE)
        self.condition = compile_pattern(rf"\b{_CONDITIONS}\b|{_ADMITTED}")
        self.unanonymised = Phrases(PhrasesParams(patterns=_UNANONYMISED), context)
        self.health = Phrases(
            PhrasesParams(
                patterns=[rf"\b{HEALTH}\b", _THIRD_PERSON_HEALTH],
                exceptions=[_HEALTH_SERVICE],
                requires=[Requirement(any=[_SOMEONE, _NAMED], within=200)],
            ),
            context,
        )

    def find(self, draft: Draft) -> list[Span]:
        text = draft.text
        spans: list[Span] = []
        for start, end in self.nhs.spans(draft):
            digits = regex.sub(r"\D", "", text[start:end])
            if nhs_number_is_valid(digits) or search(self.nhs_context, draft, max(0, start - 20), start):
                spans.append((start, end))
        spans += self.identifiers.spans(draft)
        inside_one = _Covered(spans)
        for start, end in self.contacts.spans(draft):
            if inside_one(start):
                continue
            # Someone else's details ("her mobile", "Jane's email"), unless the author gives their own.
            if search(self.someone_elses, draft, max(0, start - 60), start) and not search(self.own, draft, max(0, start - 30), start):
                spans.append((start, end))
        for start, end in self.patient.find(draft):
            if self._is_patient(draft, start, end):
                spans.append((start, end))
        spans += self.unanonymised.find(draft) + self.health.find(draft)
        return _distinct(spans)

    def _is_patient(self, draft: Draft, start: int, end: int) -> bool:
        # A bed or ward number alone is a place; with a person or an age nearby it is a patient, and
        # so is someone there with a condition ("the lady in bed 6, in with her gallstones").
        text = draft.text
        if not self.place.fullmatch(text, start, end):
            return True
        near = _window(text, start, end, 60)
        if search(self.person_or_age, draft, *near):
            return True
        someone_there = search(self.someone_there, draft, *near) is not None
        return someone_there and search(self.condition, draft, *_window(text, start, end, 90)) is not None


class _Covered:
    """Whether an offset lies inside one of some spans, which may overlap, in log time: a draft
    holding thousands of numbers must not compare each with every other."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        # The furthest any of the first i + 1 spans reaches: a long one may cover what follows it.
        self.reach = list(accumulate((end for _, end in ordered), max))

    def __call__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.reach[i]


def _window(text: str, start: int, end: int, width: int) -> Span:
    """The span ``width`` characters either side of ``start``..``end``, within the text."""
    return max(0, start - width), min(len(text), end + width)


def _distinct(spans: list[Span]) -> list[Span]:
    """Spans in order, dropping any that overlaps one already kept."""
    kept: list[Span] = []
    for span in sorted(spans):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept
