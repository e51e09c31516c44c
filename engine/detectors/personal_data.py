"""Personal data about an identifiable other person: patients and colleagues.

Identifiers are validated before they count (an NHS number passes its modulus-11 check); contact
details count when they are someone else's, not the author's own ("email me at…"); and the
combinations that identify a patient (initials or a first name with age, ward, bed or condition)
count together, where each part alone would not. That is the logic kept here; the words and
patterns it weighs are in engine/lexicons/personal_data.toml.
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
from .lexicons import default_lexicons
from .phrases import Phrases, PhrasesParams, Requirement


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS number's check digit: weights 10..2 on the first nine digits, 11 minus the sum mod 11."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    check = 11 - sum(int(d) * w for d, w in zip(digits, range(10, 1, -1))) % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


class PersonalDataParams(Params):
    pass


@register("personal_data")
class PersonalData(Detector):
    """Identifiers, someone else's contact details, patient descriptions and colleagues' health."""

    # The organisation plays no part: one instance serves every pack, once per draft.
    uses_organisation = False
    Params: ClassVar[type[PersonalDataParams]] = PersonalDataParams

    def __init__(self, params: PersonalDataParams, context: Context) -> None:
        words = default_lexicons()["personal_data"]
        w = words.pattern
        self.nhs = context.alternatives([w("nhs_number")])
        self.nhs_context = compile_pattern(w("nhs_context"))
        # A street without a number is someone's home only after "her place on", "his house in" (below).
        self.contacts = context.alternatives([w("phone"), w("email"), w("postcode"), w("street"), rf"\b{w('street_name')}"])
        self.own = compile_pattern(w("own"))
        self.someone_elses = compile_pattern(w("someone_elses"))
        self.identifiers = context.alternatives([w("dob"), w("hospital_number")])
        self.patient = Phrases(
            PhrasesParams(
                patterns=[w("title_initials"), w("name_initial"), w("place"), w("title_surname"), w("name_with_age")],
                requires=[Requirement(any=[w("age"), w("place"), w("dob"), w("title_initials"), w("clinical")], within=90)],
                each=True,
            ),
            context,
        )
        # A place satisfies its own requirement; a place alone is not a patient, so check pairs below.
        self.place = compile_pattern(w("place"))
        self.person_or_age = compile_pattern(f"{w('title_initials')}|{w('age')}|{w('name_initial')}")
        self.someone_there = compile_pattern(w("someone_there"))
        self.condition = compile_pattern(rf"\b{w('conditions')}\b|{w('admitted')}")
        self.unanonymised = Phrases(PhrasesParams(patterns=words.patterns("unanonymised")), context)
        self.health = Phrases(
            PhrasesParams(
                patterns=[rf"\b{w('health')}\b", w("third_person_health")],
                exceptions=[w("health_service")],
                requires=[Requirement(any=[w("someone"), w("named")], within=200)],
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
