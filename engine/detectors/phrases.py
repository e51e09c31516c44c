"""Phrases with context: a term list that fires when its context words are near and no exception applies.

This one detector serves most rules (logo use, confidential material, …): the knowledge lives in
the pack's patterns, the machinery here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import ClassVar

from pydantic import Field

from ..matching.scanning import Span
from ..matching.word_lists import Alternatives
from ..text import Draft
from .contracts import Context, Detector, Params
from .registry import register


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
    # Vetoes with a reach of their own, as ``requires`` has: sending the journalist to the press
    # office settles the matter a sentence or two on, where other vetoes must stay close.
    unless: list[Requirement] = []
    # The draft must refer to the organisation somewhere (the rule concerns the organisation).
    needs_reference: bool = False
    # Report every hit, not only the first.
    each: bool = False


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
class Phrases(Detector):
    Params: ClassVar[type[PhrasesParams]] = PhrasesParams

    def __init__(self, params: PhrasesParams, context: Context) -> None:
        self.params = params
        self.context = context
        self.pattern = context.alternatives(params.patterns)
        self.exception = context.alternatives(params.exceptions)
        self.requirements = [(context.alternatives(r.any), r.within) for r in params.requires]
        vetoes = [(context.alternatives(params.unless_near), params.near)] if params.unless_near else []
        self.vetoes = vetoes + [(context.alternatives(u.any), u.within) for u in params.unless]

    def triggers(self) -> tuple[Alternatives, ...] | None:
        """What a draft must hold words of for ``find`` to return anything: its own patterns.

        None for a subclass that finds in some other way (it may find without them).
        """
        return (self.pattern,) if type(self).find is Phrases.find else None

    def find(self, draft: Draft) -> list[Span]:
        # Cheapest tests first: most drafts hold none of a rule's words, and then nothing else is asked.
        if not self.pattern.could_match(draft):
            return []
        if self.params.needs_reference and not self.context.references(draft):
            return []
        # Context that is nowhere in the draft cannot be near a hit: skip the scan.
        if not all(alternatives.could_match(draft) for alternatives, _ in self.requirements):
            return []
        found = self.pattern.spans(draft)
        if not found:
            return []
        n = len(draft.text)
        excepted = _Intervals(self.exception.spans(draft)) if self.exception else None
        hits: list[Span] = []
        for start, end in found:
            if excepted and excepted.overlaps(start, end):
                continue
            if not all(p.found(draft, max(0, start - w), min(n, end + w)) for p, w in self.requirements):
                continue
            if any(v.found(draft, max(0, start - w), min(n, end + w)) for v, w in self.vetoes):
                continue
            hits.append((start, end))
            if not self.params.each:
                break
        return hits


class FirstFound(Detector):
    """A detector made of parts tried in turn (set ``self.parts``): the hits of the first that finds any."""

    parts: Sequence[Detector] = ()

    def find(self, draft: Draft) -> list[Span]:
        for part in self.parts:
            found = part.find(draft)
            if found:
                return found
        return []

    def triggers(self) -> tuple[Alternatives, ...] | None:
        """Those of every part; None if one part has none, as it may then find something whatever
        the draft holds."""
        found: list[Alternatives] = []
        for part in self.parts:
            own = part.triggers()
            if own is None:
                return None
            found.extend(own)
        return tuple(found)
