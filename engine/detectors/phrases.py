"""Phrases with context: a term list that fires when its context words are near and no exception applies.

This one detector serves most rules (logo use, confidential material, …): the knowledge lives in
the pack's patterns, the machinery here.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from pydantic import Field

from ..text import Draft
from .base import Params, PatternError, Span, compile_pattern, finditer, register, search


class Requirement(Params):
    """Context that must be present: one of ``any`` within ``within`` characters of the hit."""

    any: list[str] = Field(min_length=1)
    within: int = Field(default=120, ge=0)


class PhrasesParams(Params):
    patterns: list[str] = Field(min_length=1)
    # A hit that overlaps a match of an exception is not a hit ("not confidential").
    exceptions: list[str] = []
    requires: list[Requirement] = []
    # A hit with one of these nearby is not a hit ("asked about using the logo").
    unless_near: list[str] = []
    near: int = Field(default=100, ge=0)
    # The draft must refer to the organisation somewhere (the rule concerns the organisation).
    needs_reference: bool = False
    # Report every hit, not only the first.
    each: bool = False


def _alternation(context, sources: list[str]):
    """One compiled alternation of ``sources``; each is compiled alone first so an error names it."""
    if not sources:
        return None
    expanded = [context.expand(s) for s in sources]
    try:
        return compile_pattern("|".join(f"(?:{s})" for s in expanded))
    except PatternError:
        for source, full in zip(sources, expanded):
            try:
                compile_pattern(full)
            except PatternError:
                raise PatternError(f"invalid pattern {source!r}") from None
        raise


class _Intervals:
    """Sorted, non-overlapping spans (as regex matches are) with an overlap test in log time."""

    def __init__(self, spans) -> None:
        self.spans = list(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        for s, e in self.spans[max(i, 0) : i + 2]:
            if s < end and start < e:
                return True
        return False


@register("phrases")
class Phrases:
    Params: ClassVar[type[PhrasesParams]] = PhrasesParams

    def __init__(self, params: PhrasesParams, context) -> None:
        self.params = params
        self.context = context
        self.pattern = _alternation(context, params.patterns)
        self.exception = _alternation(context, params.exceptions)
        self.requirements = [(_alternation(context, r.any), r.within) for r in params.requires]
        self.veto = _alternation(context, params.unless_near)

    def find(self, draft: Draft) -> list[Span]:
        if self.params.needs_reference and not self.context.references(draft):
            return []
        text = draft.text
        excepted = _Intervals(finditer(self.exception, text)) if self.exception else None
        hits: list[Span] = []
        for start, end in finditer(self.pattern, text):
            if excepted and excepted.overlaps(start, end):
                continue
            if not all(search(p, text, max(0, start - w), end + w) for p, w in self.requirements):
                continue
            if self.veto and search(self.veto, text, max(0, start - self.params.near), end + self.params.near):
                continue
            hits.append((start, end))
            if not self.params.each:
                break
        return hits
