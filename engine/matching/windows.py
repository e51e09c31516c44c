"""The parts of a long paragraph a branch is scanned in: windows around the literals that picked it.

A branch runs in the paragraphs that hold the literals it requires (literal_index.py). A draft
of one long paragraph (a post typed without a blank line) would have every branch whose words it
holds anywhere scan all of it: a 60,000-character paragraph cost 1,300 scans of 60,000
characters. Every match holds a literal of each of the branch's requirements and reaches no
further from it than the branch's reach (reach.py), so in a long paragraph the branch is scanned
only where windows that far around a literal of every requirement meet.

The paragraph is cut into blocks of ``BLOCK`` characters; each literal is known by the blocks it
is found in (a bit per block, kept for the draft and shared by every branch), a requirement by
the blocks of any of its literals, spread by the reach, and a branch by the blocks every one of
its requirements reaches: a few operations on integers per branch, however often its words come.

The matches are exactly those of a scan of the whole paragraph: a match, and what its assertions
read, lie inside the windows around the literals it holds, so no match starts outside them, and
the text a scan of a window reads at each place is the text a scan of the paragraph reads there
(the regex module sees the text before a scan's start, and none after its end, which is why a
window reaches past its matches by a margin). Literals are looked for in the paragraph
lower-cased, where the regex module, ignoring case, matches an ASCII letter with any character
whose lower case is that letter; the characters for which that is not so (``_CASE_APART``, and
the dotted capital I, which lower-cases to two characters) send the paragraph back to being
scanned whole, as do literals beyond ASCII. A literal that begins a word in every match is known
to be missing where the literal index found no word it begins, unless a character of the
paragraph is a word character to the index (Python's ``re``) and not to the regex module ("²"):
the regex module would see a word begin after it where the index does not.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

import regex

from ..text import Draft
from .reach import RUN_KINDS, Reach, leads_with_literal, longest_run, reach
from .required_literals import DIGIT, Literals, requirements
from .word_lookups import WORD, WORD_PREFIX_LIMIT, Passage, passages

Span = tuple[int, int]

# Shorter paragraphs are scanned whole: finding the windows costs more than it saves. The regex
# module scans 1,000 characters in some 30 µs with most patterns, and in 3 µs with those that
# begin with a given character; finding the windows of a branch costs some 5 µs, and scanning
# them a few more: at 1,000 characters, drafts in one paragraph cost as much with windows as
# without, at 3,000 and beyond less.
WINDOWS_FROM = 2_000
LITERAL_LED_WINDOWS_FROM = 8_000
# Windows are made of blocks of this many characters (a power of two).
BLOCK_BITS = 5
BLOCK = 1 << BLOCK_BITS
# Characters the regex module, ignoring case, matches with an ASCII letter ("s" and the long s)
# while their lower case is not that letter (tests/test_windows.py holds this to the module).
_CASE_APART = frozenset("ıſ")
_DIGIT = regex.compile(r"\d", regex.VERSION0 | regex.UNICODE)  # what a pattern's \d matches
_REGEX_WORD = regex.compile(r"\w", regex.VERSION0 | regex.UNICODE)
# What a paragraph's literals and runs are looked for in (``narrowed``): all but ASCII made "\x00".
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")
# Windows fewer blocks apart than this are scanned as one: a scan costs more than that much text.
_GAP_BLOCKS = 4
# Past this share of the paragraph, the branch is scanned in the whole of it, in one go.
_MOST_COVERED = 0.75


class Requirement:
    """Literals one of which every match of a branch holds: those that begin a word, and those
    anywhere. Made once for all branches that require the same (``requirement``), so that a
    paragraph works out where each is once, and knows it by itself."""

    __slots__ = ("starts", "anywhere", "_unknown", "__weakref__")

    def __init__(self, starts: tuple[str, ...], anywhere: tuple[str, ...]) -> None:
        self.starts = frozenset(starts)
        self.anywhere = frozenset(anywhere)
        self._unknown: tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]] | None = None

    def unknown(self, word_keys: frozenset[str], keys: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
        """Those of the literals the literal index does not look up (``word_keys`` at the
        beginning of words, ``keys`` anywhere; a digit is a digit to each module its own way),
        which a paragraph knows nothing of; the same keys come again draft after draft."""
        known = self._unknown
        if known is None or known[0] is not word_keys or known[1] is not keys:
            known = self._unknown = (word_keys, keys, self.starts - word_keys, (self.anywhere - keys) | (self.anywhere & {DIGIT}))
        return known[2], known[3]


_REQUIREMENTS: weakref.WeakValueDictionary[tuple, Requirement] = weakref.WeakValueDictionary()


def requirement(literals: Literals) -> Requirement:
    """The one ``Requirement`` for these literals (they go with the last branch that needs them)."""
    key = (tuple(sorted(literals.word_starts)), literals.substrings)
    found = _REQUIREMENTS.get(key)
    if found is None:
        found = _REQUIREMENTS[key] = Requirement(*key)
    return found


class Plan:
    """What windows for a branch are made from: its reach and its requirements."""

    __slots__ = ("reach", "requirements", "longest", "windows_from")

    def __init__(self, reach: Reach, requirements: tuple[Requirement, ...], longest: int, windows_from: int) -> None:
        self.reach = reach
        self.requirements = requirements
        self.longest = longest  # the longest literal's length
        # Paragraphs shorter than this are scanned whole: a branch the regex module finds by its
        # first character scans them sooner than their windows are found (WINDOWS_FROM for others).
        self.windows_from = windows_from


def plan(source: str, needs: tuple[Literals, ...]) -> Plan | None:
    """How to find the windows of the branch ``source`` that requires ``needs``; None when it
    is to be scanned in whole paragraphs (nothing bounds its reach, or no literal can be looked up)."""
    bound = reach(source)
    if bound is None:
        return None
    # A branch built for an organisation requires what its template does (templates.py): its own
    # text may require more (the organisation's names).
    usable = [
        literals for literals in dict.fromkeys((*needs, *requirements(source)))
        if (literals.word_starts or literals.substrings) and all(lit.isascii() for lit in (*literals.word_starts, *literals.substrings))
    ]
    if not usable:
        return None
    longest = max(len(lit) for literals in usable for lit in (*literals.word_starts, *literals.substrings))
    windows_from = LITERAL_LED_WINDOWS_FROM if leads_with_literal(source) else WINDOWS_FROM
    return Plan(bound, tuple(map(requirement, usable)), longest, windows_from)


class _LongParagraph:
    """A long paragraph's makings of windows, worked out once per draft for every branch: the
    blocks each literal is in, its longest runs, and the blocks each requirement reaches."""

    __slots__ = (
        "passage", "text", "narrow", "blocks", "full", "words_agree", "_by_words", "_starts", "_anywhere", "_runs", "_far", "_held", "_reached",
        "_where",
    )

    def __init__(self, passage: Passage, text: str, narrow: str, words_agree: bool) -> None:
        self.passage = passage
        self.text = text
        self.narrow = narrow
        self.words_agree = words_agree
        self.blocks = (passage.end - passage.start + BLOCK - 1) >> BLOCK_BITS
        self.full = (1 << self.blocks) - 1
        self._by_words: _WordBlocks | None | bool = False
        self._starts: dict[str, int] = {}  # the blocks of the words each literal begins
        self._anywhere: dict[str, int] = {}  # the blocks each literal looked for anywhere is in
        self._runs: list[int | None] = [None] * len(RUN_KINDS)
        self._far: dict[tuple[int, ...], int] = {}  # how far the runs of a reach reach
        self._held: dict[Requirement, int] = {}  # the blocks holding a literal of each requirement
        self._reached: dict[int, int] = {}  # and those within so many blocks of them, by requirement and blocks
        self._where: dict[Plan, int] = {}  # the blocks each branch can match in

    def windows(self, plan: Plan) -> list[Span] | None:
        """Where the branch can match (perhaps nowhere); None: anywhere in the paragraph."""
        found = self.reached(plan)
        if not found:
            return []
        if found.bit_count() >= _MOST_COVERED * self.blocks:
            return None
        return self._spans(found)

    def reached(self, plan: Plan) -> int:
        """The blocks within the branch's reach of a literal of every one of its requirements."""
        found = self._where.get(plan)
        if found is None:
            found = self._where[plan] = self._reached_by(plan)
        return found

    def _reached_by(self, plan: Plan) -> int:
        bound = plan.reach
        runs = self._far.get(bound.runs)
        if runs is None:
            runs = self._far[bound.runs] = bound.runs_within(self._longest(bound.runs))
        far = bound.chars + runs
        # A literal in block b is within reach of blocks b - spread to b + spread (past the
        # paragraph's length, of all of it).
        spread = min((far + plan.longest) // BLOCK + 1, self.blocks)
        reached = self._reached
        found = self.full
        for needed in plan.requirements:
            key = id(needed) << 16 | spread  # the requirement lives as long as the plans that hold it
            blocks = reached.get(key)
            if blocks is None:
                held = self._held.get(needed)
                if held is None:
                    held = self._held[needed] = self._blocks_of(needed)
                if held.bit_count() * (2 * spread + 1) >= self.blocks:
                    blocks = self.full  # a requirement met all over the paragraph narrows little
                else:
                    blocks = _spread(held, spread) & self.full if held else 0
                reached[key] = blocks
            found &= blocks
            if not found:
                break
        return found

    def _spans(self, blocks: int) -> list[Span]:
        """The runs of ``blocks`` as spans of the draft, those fewer than ``_GAP_BLOCKS`` apart made one."""
        runs: list[list[int]] = []
        at = 0
        while blocks:
            skipped = (blocks & -blocks).bit_length() - 1
            blocks >>= skipped
            at += skipped
            length = (~blocks & (blocks + 1)).bit_length() - 1
            if runs and at - runs[-1][1] < _GAP_BLOCKS:
                runs[-1][1] = at + length
            else:
                runs.append([at, at + length])
            blocks >>= length
            at += length
        start = self.passage.start
        spans = [(start + (first << BLOCK_BITS), start + (last << BLOCK_BITS)) for first, last in runs]
        if spans and spans[-1][1] > self.passage.end:
            spans[-1] = (spans[-1][0], self.passage.end)
        return spans

    def _blocks_of(self, needed: Requirement) -> int:
        """The blocks holding one of the requirement's literals: of those the literal index looks
        up, only those it found in the paragraph are looked for; a literal that begins a word in
        every match is looked for among the beginnings of the paragraph's words, where those are the
        regex module's words, and anywhere in it elsewhere."""
        word_keys, word_found = self.passage.word_starts_found()
        keys, found_anywhere = self.passage.substrings_found()
        unknown_starts, unknown_anywhere = needed.unknown(word_keys, keys)
        found = 0
        if needed.starts:
            words = self._words()
            by_start = self._starts
            held = needed.starts if words is None else word_found.intersection(needed.starts) | unknown_starts
            for literal in held:
                blocks = by_start.get(literal)
                if blocks is None:
                    blocks = by_start[literal] = self._find(literal) if words is None else words.begun_by(literal)
                found |= blocks
        if needed.anywhere:
            anywhere = self._anywhere
            for literal in found_anywhere.intersection(needed.anywhere) | unknown_anywhere:
                blocks = anywhere.get(literal)
                if blocks is None:
                    blocks = anywhere[literal] = self._find(literal)
                found |= blocks
        return found

    def _words(self) -> _WordBlocks | None:
        """The paragraph's words with the blocks they begin in; None where the regex module may
        see a word begin where the literal index does not."""
        if self._by_words is False:
            self._by_words = _WordBlocks(self.passage.lower) if self.words_agree else None
        return self._by_words  # type: ignore[return-value]

    def _find(self, literal: str) -> int:
        """The blocks ``literal`` begins in (DIGIT: any digit), each looked for once."""
        passage, found = self.passage, 0
        if literal == DIGIT:
            search, text, start, end = _DIGIT.search, self.text, passage.start, passage.end
            match = search(text, start, end)
            while match is not None:
                block = (match.start() - start) >> BLOCK_BITS
                found |= 1 << block
                match = search(text, start + ((block + 1) << BLOCK_BITS), end)
            return found
        find = self.narrow.find
        at = find(literal)
        while at != -1:
            block = at >> BLOCK_BITS
            found |= 1 << block
            at = find(literal, (block + 1) << BLOCK_BITS)
        return found

    def _longest(self, runs: tuple[int, ...]) -> tuple[int, ...]:
        """The longest run of each kind the reach counts (0 for the others)."""
        known = self._runs
        for kind, count in enumerate(runs):
            if count and known[kind] is None:
                known[kind] = longest_run(self.narrow, kind)
        return tuple((known[kind] or 0) if count else 0 for kind, count in enumerate(runs))


class _WordBlocks:
    """The words of a paragraph as the literal index reads them (and what follows an apostrophe or
    hyphen in one: "re" in "you're"), each with the blocks it begins in, in order, so that the
    words a literal begins lie side by side: one pass over the paragraph for every literal."""

    def __init__(self, lower: str) -> None:
        blocks: dict[str, int] = {}
        for match in WORD.finditer(lower):
            at, word = match.start(), match.group()
            blocks[word] = blocks.get(word, 0) | (1 << (at >> BLOCK_BITS))
            if "'" in word or "-" in word:
                for k, ch in enumerate(word):
                    if ch in "'-":
                        rest = word[k + 1 : k + 1 + WORD_PREFIX_LIMIT]
                        blocks[rest] = blocks.get(rest, 0) | (1 << ((at + k + 1) >> BLOCK_BITS))
        self.words = sorted(blocks)
        self.blocks = blocks

    def begun_by(self, literal: str) -> int:
        """The blocks of the words ``literal`` begins."""
        words, found = self.words, 0
        for i in range(bisect_left(words, literal), len(words)):
            if not words[i].startswith(literal):
                break
            found |= self.blocks[words[i]]
        return found


def _spread(blocks: int, by: int) -> int:
    """Every block of ``blocks`` and those up to ``by`` blocks either side of it."""
    done, step = 0, 1
    while done < by:
        step = min(step, by - done)
        blocks |= (blocks << step) | (blocks >> step)
        done += step
        step *= 2
    return blocks


def parts(draft: Draft, passage: Passage, branch_plan: Plan | None) -> list[Span]:
    """Where in ``passage`` a branch can match: windows around its literals in a long paragraph
    (when it has a ``plan``), else the whole paragraph."""
    if branch_plan is not None and passage.end - passage.start >= branch_plan.windows_from:
        long = _long_paragraph(draft, passage)
        if long is not None:
            found = long.windows(branch_plan)
            if found is not None:
                return found
    return [(passage.start, passage.end)]


def has_long_paragraph(draft: Draft) -> bool:
    """Whether a paragraph of the draft is long enough to be scanned in windows, once per draft."""
    found = draft.cache.get(has_long_paragraph)
    if found is None:
        found = draft.cache[has_long_paragraph] = any(p.end - p.start >= WINDOWS_FROM for p in passages(draft))
    return found  # type: ignore[return-value]


def _long_paragraph(draft: Draft, passage: Passage) -> _LongParagraph | None:
    """The paragraph's makings of windows, once per draft; None when its literals cannot be trusted
    to be where its lower case holds them."""
    known = draft.cache.get(_LongParagraph)
    if known is None:
        known = draft.cache[_LongParagraph] = {}
    if passage not in known:  # type: ignore[operator]
        lower = passage.lower
        beyond = set(_BEYOND_ASCII.findall(lower))
        trusted = len(lower) == passage.end - passage.start and not beyond & _CASE_APART
        narrow = _BEYOND_ASCII.sub("\x00", lower) if beyond else lower
        words_agree = not any(map(_words_apart, beyond))
        known[passage] = _LongParagraph(passage, draft.text, narrow, words_agree) if trusted else None  # type: ignore[index]
    return known[passage]  # type: ignore[index]


@lru_cache(maxsize=4096)
def _words_apart(char: str) -> bool:
    """Whether Python's re (the literal index's words) takes ``char`` for a word character and the
    regex module (the patterns' \\b) does not ("²", "½")."""
    return re.match(r"\w", char) is not None and _REGEX_WORD.match(char) is None
