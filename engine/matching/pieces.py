"""A long paragraph looked up piece by piece: a branch runs only where what it requires comes together.

A thread is matched post by post (its paragraphs: text.py), each against only the branches whose
literals that post holds. A draft typed without a blank line is one paragraph, in which the
literals a branch requires together are found in different posts ("this is" in one, "mine" in
another): such a draft ran twice the branches a thread runs, each over all of it. So a paragraph
of ``PIECES_FROM`` characters or more is cut into pieces, each looked up on its own as a
paragraph is (literal_index.py): after every line break, after every sentence's end (".", "!" or
"?" before a space), and where a stretch runs to ``LONGEST`` characters with neither, anywhere
(that piece is looked up ``overlap`` characters past its end, so that no literal is cut in two).

A match that runs over a cut holds the characters either side of it. Most branches can match
no ".", "!" nor "?" (and some no line break: ``reach.barriers``), so none of their matches runs
over a sentence's end: such a branch looks for its further requirements only between the cuts it
cannot run over around the piece holding its first one, as a thread's post holds them, and is
scanned only there, and no further from that piece than its reach (reach.py). A branch that can
run over every cut looks for them anywhere in the paragraph and is scanned within its reach.

The matches are exactly those of scanning the whole paragraph: a match holds a literal of each of
its branch's requirements, lies between two cuts it cannot run over and within its reach of the
literal of its first requirement, and so inside the stretch scanned around that literal's piece.
The regex module reads the text before a scan's start; after its end it reads nothing, where the
paragraph goes on with the character after a cut the branch cannot match (and no anchor of it
reads the end of the text), or past its reach. A literal is found in a piece only where the
regex module finds it: a paragraph holding a character that the regex module, ignoring case,
matches with one whose lower case is another (the long s, a final sigma: ``_CASE_APART``), that
changes length when lower-cased (the dotted capital I), or that the literal index and the regex
module read differently (``_apart``) is looked up whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

import regex

from ..text import Draft
from .reach import LINE_BREAK, SENTENCE_END, Reach, barriers, behind, longest_run, reach
from .required_literals import Literals
from .word_lookups import Passage, Substrings, WordStarts, passages

Span = tuple[int, int]

# Shorter paragraphs are looked up whole: cutting them costs more than it saves.
PIECES_FROM = 600
# A stretch with no line break nor sentence's end is cut this long.
LONGEST = 512
# Where a paragraph is cut: after a line break, and after a sentence's end followed by a space.
_CUTS = re.compile(r"\n|[.!?](?=\s)")
_SENTENCE_ENDS = frozenset(".!?")
_NOT_SPACE = re.compile(r"\S")
# The lower cases of the characters the regex module, ignoring case, matches with one whose lower
# case is another ("s" and the long s, the micro sign and mu, a final sigma and sigma): where a
# paragraph holds none, a literal is where its lower case holds it (tests/test_pieces.py holds
# this to the module's tables).
_CASE_APART = re.compile(
    "[\u00b5\u00df\u0131\u017f\u019b\u0264\u0277\u027c\u0345\u0390\u03b0\u03b2\u03b5\u03b8-\u03ba\u03bc"
    "\u03c0-\u03c3\u03c6\u03d0-\u03d1\u03d5-\u03d6\u03f0-\u03f1\u03f5\u0432\u0434\u043e\u0441-\u0442\u044a"
    "\u0463\u1c80-\u1c8a\u1e61\u1e9b\u1fbe\u1fd3\u1fe3\ua64b\ua7cb-\ua7cf\ua7d2-\ua7d5\ua7da-\ua7dd\ua7e2"
    "\uab4b-\uab4c\uab6c-\uab6d\ufb05-\ufb06\U00010d50-\U00010d65\U00010d70-\U00010d85\U00016ea0-\U00016eb8"
    "\U00016ebb-\U00016ed3\U0001df40-\U0001df41\U0001df48-\U0001df4b\U0001df4d-\U0001df4e\U0001df51-\U0001df52"
    "\U0001df68-\U0001df6f\U0001df72-\U0001df7f\U0001df95]"
)
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
_UNICODE = regex.VERSION0 | regex.UNICODE  # as the patterns read \w, \d and \s (safe_patterns.FLAGS)
_REGEX_WORD = regex.compile(r"\w", _UNICODE)
_REGEX_DIGIT = regex.compile(r"\d", _UNICODE)
_REGEX_SPACE = regex.compile(r"\s", _UNICODE)


class Cutting(NamedTuple):
    """How the literal index's literals let a paragraph be cut: at sentences' ends too (no literal
    holds one followed by a space), and how far past its end a piece cut anywhere is looked up
    (the longest literal)."""

    sentences: bool
    overlap: int


def cutting(word_starts: WordStarts, substrings: Substrings) -> Cutting | None:
    """How a paragraph may be cut for these literals; None: not at all (a literal holds a line break)."""
    if any("\n" in literal for literal in substrings.literals):
        return None
    longest = max(map(len, word_starts.literals | substrings.literals), default=0)
    return Cutting(not any(re.search(r"[.!?]\s", literal) for literal in substrings.literals), longest)


class Bounds:
    """What bounds a branch's matches around a piece: the barriers (reach.py) it cannot run over,
    and how far from the literal of its first requirement (and that literal's own length) it
    reaches (None: nothing bounds it); and how far before a match it reads (``reach.behind``), for
    a scan to take its matches from the last draft of a compose box (scanning.py)."""

    __slots__ = ("barriers", "reach", "longest", "behind")

    def __init__(self, source: str, needs: tuple[Literals, ...]) -> None:
        self.barriers = barriers(source)
        self.behind = behind(source)
        self.reach: Reach | None = reach(source) if needs else None
        self.longest = max(map(len, (*needs[0].word_starts, *needs[0].substrings))) if needs else 0


class Piece(Passage):
    """A piece of a long paragraph, looked up on its own (as far as ``looked_to``)."""

    __slots__ = ("of", "looked_to", "regions", "stretches", "arounds")

    def __init__(self, lower: str, start: int, end: int, of: Pieces) -> None:
        super().__init__(lower, start, end)
        self.of = of
        self.looked_to = start + len(lower)
        # By barriers: the first and last pieces between the cuts that are such barriers around
        # this one, and where in the draft they begin and end.
        self.regions: list[tuple[int, int]] = [(0, 0)] * 4
        self.stretches: list[Span] = [(0, 0)] * 4
        # By barriers: what ``around`` found there (None: not asked yet).
        self.arounds: list[tuple[frozenset[str], frozenset[str]] | bool | None] = [None] * 4

    def word_starts_among(self, literals: WordStarts) -> frozenset[str]:
        """As a paragraph's; looked up for other literals (a pack built since), what was found
        around the pieces is forgotten."""
        if self._word_starts is not None and self._word_starts[0] is not literals:
            self.arounds = [None] * 4
            self.of.forget()
        return super().word_starts_among(literals)

    def substrings_among(self, literals: Substrings, held: list[str] | None = None) -> frozenset[str]:
        """Those of ``literals`` in the piece: of those not made of word characters, only those its
        paragraph holds (of ``held``, when given) are looked for, found once."""
        if self._substrings is None or self._substrings[0] is not literals:
            self._substrings = (literals, literals.found_in(self.lower, self.words, self.of.outside_words(literals, held)))
        return self._substrings[1]

    def around(self, barriers: int) -> tuple[frozenset[str], frozenset[str]] | bool:
        """The literals found (beginning a word, anywhere) between the cuts around this piece that
        are ``barriers`` (in the whole paragraph for none); False where that is this piece alone."""
        found = self.arounds[barriers]
        if found is None:
            first, last = self.regions[barriers]
            found = self.arounds[barriers] = first != last and self.of.found(first, last)
        return found  # type: ignore[return-value]


class Pieces:
    """A long paragraph cut into pieces."""

    __slots__ = ("paragraph", "beyond", "pieces", "_found", "_outside", "_narrowed", "_longest", "_far")

    def __init__(self, paragraph: Passage, beyond: set[str], how: Cutting) -> None:
        self.paragraph = paragraph
        self.beyond = beyond  # the paragraph's characters beyond ASCII
        lower, start = paragraph.lower, paragraph.start
        bounds, cuts = [0], [0]  # where each piece begins; the barriers the cut before it is
        text_from = _NOT_SPACE.search(lower)  # a piece of spaces alone goes with the next
        for at, barrier in _cuts(lower, how.sentences):
            if text_from is None or text_from.start() >= at:
                continue
            bounds.append(at)
            cuts.append(barrier)
            text_from = _NOT_SPACE.search(lower, at)
        ends = bounds[1:] + [len(lower)]
        # A piece cut anywhere is looked up past its end as far as the longest literal goes.
        overlaps = [0 if barrier else how.overlap for barrier in cuts[1:]] + [0]
        self.pieces = [Piece(lower[a : b + overlap], start + a, start + b, self) for a, b, overlap in zip(bounds, ends, overlaps)]
        for kind in (0, LINE_BREAK, SENTENCE_END, LINE_BREAK | SENTENCE_END):
            first = 0
            for k in range(1, len(bounds) + 1):
                if k == len(bounds) or cuts[k] & kind:
                    region, stretch = (first, k - 1), (start + bounds[first], start + ends[k - 1])
                    for piece in self.pieces[first:k]:
                        piece.regions[kind] = region
                        piece.stretches[kind] = stretch
                    first = k
        self._found: dict[tuple[int, int], tuple[frozenset[str], frozenset[str]]] = {}
        self._outside: tuple[Substrings, list[str]] | None = None
        self._narrowed: str | None = None
        self._longest: dict[int, int] = {}
        self._far: dict[Bounds, int] = {}

    def forget(self) -> None:
        """Forget what was found in several pieces together: they are being looked up again."""
        self._found.clear()

    def outside_words(self, literals: Substrings, held: list[str] | None = None) -> list[str]:
        """Those of ``literals`` not made of word characters that the paragraph holds (of ``held``,
        when given: those its draft holds), looked for once."""
        known = self._outside
        if known is None or known[0] is not literals:
            lower = self.paragraph.lower
            found = literals.outside_words(lower) if held is None else [literal for literal in held if literal in lower]
            known = self._outside = (literals, found)
        return known[1]

    def found(self, first: int, last: int) -> tuple[frozenset[str], frozenset[str]]:
        """The literals found in pieces ``first`` to ``last``: beginning a word, and anywhere."""
        found = self._found.get((first, last))
        if found is None:
            pieces = self.pieces[first : last + 1]
            begun = frozenset().union(*[p._word_starts[1] for p in pieces])  # type: ignore[index]
            anywhere = frozenset().union(*[p._substrings[1] for p in pieces])  # type: ignore[index]
            found = self._found[first, last] = (begun, anywhere)
        return found

    def far(self, bound: Bounds) -> int:
        """How far from a piece holding its first requirement's literal (and that literal's own
        length) a match of the branch, and what it reads, can lie in this paragraph."""
        found = self._far.get(bound)
        if found is None:
            reach_, longest = bound.reach, self._longest
            found = reach_.chars + bound.longest  # type: ignore[union-attr]
            for kind, count in enumerate(reach_.runs):  # type: ignore[union-attr]
                if count:
                    if kind not in longest:
                        longest[kind] = longest_run(self.narrow(), kind)
                    found += count * longest[kind]
            self._far[bound] = found
        return found

    def narrow(self) -> str:
        """The paragraph as reach.longest_run reads it: every character beyond ASCII made a space
        if the regex module takes it for one, else "\x00"."""
        if self._narrowed is None:
            lower = self.paragraph.lower
            if self.beyond:
                spaces = "".join(ch for ch in self.beyond if _REGEX_SPACE.match(ch))
                if spaces:
                    lower = re.sub(f"[{re.escape(spaces)}]", " ", lower)
                lower = _BEYOND_ASCII.sub("\x00", lower)
            self._narrowed = lower
        return self._narrowed


def _cuts(lower: str, sentences: bool):
    """Where ``lower`` may be cut, each with the barriers the cut is: a match over it holds the
    characters either side of it; a stretch ``LONGEST`` long with no other cut is cut anywhere (0)."""
    last = 0
    for match in _CUTS.finditer(lower) if sentences else re.finditer("\n", lower):
        at = match.end()
        if at >= len(lower):
            break
        while at - last > LONGEST:
            last += LONGEST
            yield last, 0
        before, after = lower[at - 1], lower[at]
        yield at, (LINE_BREAK if "\n" in (before, after) else 0) | (SENTENCE_END if before in _SENTENCE_ENDS or after in _SENTENCE_ENDS else 0)
        last = at
    while len(lower) - last > LONGEST:
        last += LONGEST
        yield last, 0


def parts(where: Sequence[Passage], bound: Bounds | None) -> list[Span]:
    """The spans of the draft a branch is scanned in: each paragraph in ``where``, and around each
    piece the stretch between the cuts it cannot run over, no further than it reaches (the
    stretches of one paragraph that meet made one; those of two paragraphs never)."""
    spans: list[Span] = []
    barriers = bound.barriers if bound is not None else 0
    of = far = None
    joined = False
    for passage in where:
        if type(passage) is not Piece:
            spans.append((passage.start, passage.end))
            of = None
            continue
        low, high = passage.stretches[barriers]  # type: ignore[attr-defined]
        if passage.of is not of:  # type: ignore[attr-defined]
            of = passage.of  # type: ignore[attr-defined]
            far = of.far(bound) if bound.reach is not None else None  # type: ignore[union-attr]
            joined = False
        if far is not None:
            low = max(low, passage.start - far)
            high = min(high, passage.looked_to + far)  # type: ignore[attr-defined]
        if joined and spans[-1][1] >= low:
            if high > spans[-1][1]:
                spans[-1] = (spans[-1][0], high)
        else:
            spans.append((low, high))
            joined = True
    return spans


def units(draft: Draft, how: Cutting) -> tuple[Passage, ...]:
    """What the literal index looks up one by one: each paragraph, or the pieces of a long one."""
    key = (units, how)
    found = draft.cache.get(key)
    if found is None:
        found = []
        for paragraph in passages(draft):
            pieces = _pieces(paragraph, how)
            found += pieces.pieces if pieces is not None else [paragraph]
        found = draft.cache[key] = tuple(found)
    return found  # type: ignore[return-value]


def _pieces(paragraph: Passage, how: Cutting) -> Pieces | None:
    """The paragraph's pieces; None when it is looked up whole: short, or its literals cannot be
    trusted to be where the regex module finds them."""
    lower = paragraph.lower
    if paragraph.end - paragraph.start < PIECES_FROM or len(lower) != paragraph.end - paragraph.start or lower.isspace():
        return None
    beyond = set(_BEYOND_ASCII.findall(lower))
    if beyond and (_CASE_APART.search("".join(beyond)) or any(map(_apart, beyond))):
        return None
    pieces = Pieces(paragraph, beyond, how)
    return pieces if len(pieces.pieces) > 1 else None


@lru_cache(maxsize=4096)
def _apart(char: str) -> bool:
    """Whether the literal index would miss a literal the regex module finds at ``char``: a word
    character to Python's re and not to the regex module (to re, "²views" holds no word "views"),
    or a digit to the regex module and not to re."""
    return (re.match(r"\w", char) is not None and _REGEX_WORD.match(char) is None) or (
        _REGEX_DIGIT.match(char) is not None and re.match(r"\d", char) is None
    )
