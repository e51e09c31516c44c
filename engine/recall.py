"""What the last check of one compose box worked out, for the next check of the same box to take.

A member's draft is checked at every pause in typing, so the next draft is mostly the last one: a
word added at the end, or an edit somewhere with the text either side of it unchanged. A check
takes from the last only what it would have worked out the same way itself, judged by content:

- which literals a paragraph holds, and so which branches of the word lists it can match
  (literal_index.py), depends on its text alone: taken from a paragraph of the last draft with the
  same text, wherever it now lies;
- a scan of a pattern over a stretch of the draft reads that stretch and, before it, as far as
  the pattern's look-behinds reach (``reach.behind``; nothing after its end): its matches are
  taken where all it reads lies in the text the two drafts share at their start, or, moved, in
  the text they share at their end (scanning.py); a pattern whose parts are all the last draft's
  in place takes its matches whole;
- the learned checker's feature numbers and counted sentences, by their text (learned/).

The findings are those of a check of the draft on its own, to the bit (tests/test_recall.py). Only
the last draft is kept, with what its check worked out: a box's memory is one draft's.
"""

from __future__ import annotations

from .text import Draft


class Recall:
    """The last draft checked in one compose box (a native host serves one connection, one box at
    a time). Made empty; every check given it keeps its draft for the next."""

    __slots__ = ("_last",)

    def __init__(self) -> None:
        self._last: Draft | None = None

    def draft(self, text: str) -> Draft:
        """The draft of ``text``, told what the last draft checked in this box was (``Draft.before``)."""
        draft = Draft(text)
        draft.before = Before(self._last, draft.text)
        return draft

    def keep(self, draft: Draft) -> None:
        """Remember ``draft``, just checked, in place of the last: unless a pattern was stopped in
        it (its scans are not what another check would find)."""
        draft.before = None  # one draft kept, not a chain of them
        self._last = None if draft.unfinished else draft


class Before:
    """The last draft checked in the same box (None: the box's first), and where the new draft's
    text is still its text: ``text[:same_to]`` is the last draft's from its start, and
    ``text[same_from:]`` is its text from ``same_from - moved`` (the two never overlap)."""

    __slots__ = ("draft", "same_to", "same_from", "moved")

    def __init__(self, earlier: Draft | None, text: str) -> None:
        old = earlier.text if earlier is not None else ""
        self.draft = earlier
        self.same_to = _common_prefix(old, text)
        shorter = min(len(old), len(text)) - self.same_to
        self.moved = len(text) - len(old)
        self.same_from = len(text) - _common_prefix(old[::-1][:shorter], text[::-1][:shorter])


def _common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share from their start: halving, each comparison in C."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low
