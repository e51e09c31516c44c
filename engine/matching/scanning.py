"""Scans with time limits: every match of a pattern in the paragraphs of a draft, once per draft.

A pattern has the CPU time of the whole draft (time_limits.py) for all the paragraphs it runs
in; one that runs past it is stopped and finds nothing, and the draft counts each read of that
(``Draft.unfinished``), so that the rules that read it are reported as not finished.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

import regex

from ..text import Draft
from .pieces import Bounds
from .pieces import parts as parts_of
from .reach import behind
from .time_limits import Runaway, cpu_limit, retried, run_bounded
from .word_lookups import Passage

log = logging.getLogger("decorum.engine")

Span = tuple[int, int]


class _Stopped(tuple):
    """What a scan stopped as runaway found: nothing. Kept as the scan's answer for the draft, so
    that every rule that reads it, first or later, is told it could not finish."""


_STOPPED = _Stopped()


def _stopped(pattern: regex.Pattern[str], length: int) -> _Stopped:
    log.warning(
        "pattern %r timed out (over %.2f s of CPU time) on %d characters; the rules using it did not finish",
        pattern.pattern[:80], cpu_limit(length), length,
    )
    return _STOPPED


def _matches(pattern: regex.Pattern[str], text: str, parts: Sequence[Span], timeout: float) -> list[Span]:
    """Every match of ``pattern`` in each part of ``text``, within ``timeout`` (see time_limits.py) for all together."""
    if len(parts) == 1:
        return [match.span() for match in pattern.finditer(text, *parts[0], timeout=timeout)]
    clock = time.monotonic  # cheap; a try it cuts short is judged by its CPU time (time_limits.run_bounded)
    deadline = clock() + timeout
    found: list[Span] = []
    for start, end in parts:
        left = deadline - clock()
        if left <= 0:
            raise TimeoutError
        found += [match.span() for match in pattern.finditer(text, start, end, timeout=left)]
    return found


def scan(pattern: regex.Pattern[str], draft: Draft, where: Sequence[Passage], bounds: Bounds | None = None) -> Sequence[Span]:
    """Every match of ``pattern`` in those paragraphs of the draft, computed once per draft whoever asks.

    No match runs on across a blank line (see text.py). Callers pass the paragraphs, or pieces of a
    long one, found to hold the pattern's literals (see ``WordList``), which are the same whoever
    asks, and what bounds its matches around a piece (pieces.py: it is scanned only there). A
    pattern has the CPU time of the whole draft for all of them together; one that runs past it is
    stopped and finds nothing, and the draft counts each read of that (``Draft.unfinished``).
    """
    key = ("scan", pattern)
    found = draft.cache.get(key)
    if found is None:
        parts = parts_of(where, bounds)
        text = draft.text
        limit = cpu_limit(len(text))
        try:  # run_bounded, its first try written out: this runs ~150 times for a 3,000-character draft
            found = _matches(pattern, text, parts, limit) if draft.before is None else _taking(pattern, draft, parts, limit, bounds)
        except TimeoutError:
            try:
                found = retried(lambda wall: _matches(pattern, text, parts, wall), limit)
            except Runaway:
                found = _stopped(pattern, len(text))
        draft.cache[key] = found
    if found is _STOPPED:
        draft.unfinished += 1
    return found  # type: ignore[return-value]


def _taking(pattern: regex.Pattern[str], draft: Draft, parts: Sequence[Span], timeout: float, bounds: Bounds | None) -> list[Span]:
    """``_matches`` for a draft of a compose box: each part's matches taken from the last draft
    where the text the scan reads there is that draft's (recall.py), the other parts scanned; each
    part's kept for the next draft."""
    before = draft.before
    earlier = before.draft.cache.get(("parts", pattern)) if before.draft is not None else None
    if earlier and parts[-1][1] <= before.same_to and list(earlier) == parts:
        # The same parts, all in the text both drafts start with (a word typed further on): the
        # last draft's matches, as they are.
        draft.cache["parts", pattern] = earlier
        return before.draft.cache["scan", pattern]  # type: ignore[return-value]
    # Worked out with the branch's bounds, when it is first used (a pattern's parse: most of a millisecond).
    reads_before = (bounds.behind if bounds is not None else behind(pattern.pattern)) if earlier else None
    deadline = time.monotonic() + timeout
    each: dict[Span, list[Span]] = {}
    for start, end in parts:
        if earlier:
            if end <= before.same_to:  # all it reads, text[:end], is the last draft's, in place
                taken = earlier.get((start, end))
                if taken is not None:
                    each[start, end] = taken
                    continue
            elif reads_before is not None and start - reads_before >= before.same_from:  # moved with the text after an edit
                moved = before.moved
                taken = earlier.get((start - moved, end - moved))
                if taken is not None:
                    each[start, end] = [(a + moved, b + moved) for a, b in taken]
                    continue
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        each[start, end] = _matches(pattern, draft.text, ((start, end),), left)
    draft.cache["parts", pattern] = each
    return [span for part in parts for span in each[part]]


def search(pattern: regex.Pattern[str], draft: Draft, pos: int, endpos: int) -> Span | None:
    """The first match of ``pattern`` in ``draft.text[pos:endpos]``, or None (also when it is stopped
    as runaway, which the draft counts, as ``scan`` does)."""
    text = draft.text
    try:
        match = run_bounded(lambda wall: pattern.search(text, pos, endpos, timeout=wall), cpu_limit(endpos - pos))
    except Runaway:
        _stopped(pattern, endpos - pos)
        draft.unfinished += 1
        return None
    return match.span() if match else None
