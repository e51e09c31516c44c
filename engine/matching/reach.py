"""How far from a literal it requires a match of a pattern can reach, and which cuts no match of
it runs over: what bounds the text a branch is scanned in around a piece of a long paragraph
(pieces.py).

A match holds one of its pattern's required literals (required_literals.py); it is no longer than
the longest text the pattern can match, and what its assertions look at (``\\b``, look-arounds)
lies a little beyond it. A pattern of bounded width (``\\bsent\\b``: 4 characters) has a reach
of a few characters. A repetition with no upper bound (``\\s+``, ``\\w*``) matches a run of
characters of one kind, no longer than the longest such run in the paragraph: the reach is a
number of characters and a number of runs of each kind (``RUN_KINDS``), which a paragraph turns
into characters once it knows its longest runs (``longest_run``). A pattern that can match runs
of any character at all, or whose reach cannot be read (back-references, conditionals, syntax
only the regex module knows), has no reach: it is scanned in the whole paragraph.

A pattern that can match no line break, or none of ".", "!" and "?", has a match in no text that
holds one (``barriers``): a paragraph cut after its line breaks and sentences' ends holds each
match of it between two cuts.

Read through the standard library's parser, as required_literals.py reads the literals; every
character class is judged as the regex module (which runs the patterns) understands it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from re import _constants as c  # the standard library's own regex parser (Python 3.11+)
from re import _parser as parser
from typing import NamedTuple, TypeVar

import regex

from .safe_patterns import MAX_PATTERN_DEPTH, nesting_depth

# The kinds of runs an unbounded repetition may match, each a class of the regex module, narrowest
# first: a repetition is bounded by the first kind that holds every character it can match.
SPACE, WORD, NOT_WORD, NOT_SPACE, LINE = range(5)
RUN_KINDS = (SPACE, WORD, NOT_WORD, NOT_SPACE, LINE)
_KIND_CLASSES = {SPACE: r"\s", WORD: r"\w", NOT_WORD: r"\W", NOT_SPACE: r"\S", LINE: r"[^\n]"}
# Which kinds each kind lies within (every \s is a \W, every \w a \S, every \S is not a line break).
_WITHIN = {
    SPACE: {SPACE, NOT_WORD},
    WORD: {WORD, NOT_SPACE, LINE},
    NOT_WORD: {NOT_WORD},
    NOT_SPACE: {NOT_SPACE, LINE},
    LINE: {LINE},
}
_CATEGORY_KIND = {
    c.CATEGORY_SPACE: SPACE,
    c.CATEGORY_WORD: WORD,
    c.CATEGORY_DIGIT: WORD,
    c.CATEGORY_NOT_WORD: NOT_WORD,
    c.CATEGORY_NOT_SPACE: NOT_SPACE,
}
# The kinds a negated class lies within, by what it leaves out: [^\s…] holds no space, [^\w…] no
# word character, [^\n…] no line break.
_NEGATED_KIND = {c.CATEGORY_SPACE: NOT_SPACE, c.CATEGORY_WORD: NOT_WORD}
_UNICODE_FLAGS = regex.VERSION0 | regex.UNICODE  # as safe_patterns.FLAGS; case changes no kind
_KIND_OF_CHAR = {kind: regex.compile(cls, _UNICODE_FLAGS) for kind, cls in _KIND_CLASSES.items()}
# What an assertion looks at beyond where it stands (\b reads the characters on both sides), with
# a character to spare.
_ASSERTION_MARGIN = 2
# A range of a class is judged character by character up to this size; a larger one is any character.
_MAX_RANGE = 256
_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT)
_UNREAD_FLAGS = re.DOTALL | re.ASCII | re.LOCALE  # they change what a class holds: such patterns have no reach
# What the regex module reads otherwise than the standard library's parser, which reads the
# patterns here: POSIX classes ("[[:space:]]", a few letters to the parser) and fuzzy matching
# ("(?:views){e<=1}", letters to the parser); looked for loosely ("{the_org}" too).
_REGEX_ONLY = re.compile(r"\[:\^?[a-z]+:\]|\{[^}]*[a-z][^}]*\}")

_T = TypeVar("_T")


class Reach(NamedTuple):
    """How far a match, and what its assertions read, can lie from a literal within it, on either
    side: ``chars`` characters and, for each kind of run (``RUN_KINDS``), that many of the
    paragraph's longest runs of that kind."""

    chars: int
    runs: tuple[int, ...]


class _Unbounded(Exception):
    """The pattern can match runs of any character, or holds what is not read here."""


def _read(source: str, reader: Callable[[list], _T]) -> _T | None:
    """``reader`` applied to the items of ``source`` as the standard library's parser reads it;
    None where the pattern is not read here: refused before it is compiled (safe_patterns.py),
    syntax or flags the parser misreads, or what ``reader`` gives up on (``_Unbounded``)."""
    if nesting_depth(source) > MAX_PATTERN_DEPTH or _REGEX_ONLY.search(source):
        return None
    try:
        tree = parser.parse(source, re.IGNORECASE)
        if tree.state.flags & _UNREAD_FLAGS:
            return None
        return reader(list(tree))
    except (re.error, ValueError, TypeError, OverflowError, RecursionError, _Unbounded):
        return None


@lru_cache(maxsize=8192)
def reach(source: str) -> Reach | None:
    """How far a match of ``source`` reaches from a literal it holds; None when nothing bounds it."""
    read = _read(source, lambda items: _add(_width(items), _assertions(items)))
    if read is None:
        return None
    total = _add(read, (_ASSERTION_MARGIN, 0, 0, 0, 0, 0))
    return Reach(total[0], total[1:])


@lru_cache(maxsize=8192)
def behind(source: str) -> int | None:
    """How far before where a match of ``source`` starts it can read (``\\b`` the character before,
    a look-behind as far as it can match): the text a scan reads before where it starts (the
    regex module reads it, recall.py). None where that has no bound in characters, or the pattern
    is not read here (back-references, conditionals: ``_width`` gives up on them)."""
    read = _read(source, lambda items: (_width(items), _assertions(items))[1])
    if read is None or any(read[1:]):
        return None
    return read[0] + _ASSERTION_MARGIN


# What a match of a branch can never run over (``barriers``): a line break, a sentence's end.
LINE_BREAK, SENTENCE_END = 1, 2
_BARRIER_CHARS = {LINE_BREAK: "\n", SENTENCE_END: ".!?"}
_CATEGORY_CLASS = {
    c.CATEGORY_SPACE: r"\s", c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w",
    c.CATEGORY_NOT_WORD: r"\W", c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D",
}
_CATEGORY_HOLDS = {cat: regex.compile(cls, _UNICODE_FLAGS) for cat, cls in _CATEGORY_CLASS.items()}
# Anchors that read the end of the text (or a line's): in a stretch scanned alone, they would read
# its end (the regex module reads the text before where a scan starts: "^" is not met there).
_READS_THE_END = (c.AT_END, c.AT_END_STRING, c.AT_END_LINE)


@lru_cache(maxsize=8192)
def barriers(source: str) -> int:
    """The barriers (``LINE_BREAK``, ``SENTENCE_END``) no match of ``source`` runs over: those whose
    characters (a line break; ".", "!" and "?") neither the pattern nor its look-arounds can match,
    and no anchor of it reads the end of the text. 0 when that cannot be read from the pattern."""
    matched = _read(source, lambda items: _chars_matched(items, "\n.!?"))
    if matched is None:
        return 0
    return sum(bit for bit, chars in _BARRIER_CHARS.items() if not matched & set(chars))


def _chars_matched(items: list, chars: str) -> set[str]:
    """Those of ``chars`` a sequence can match, its look-arounds included; every one of them where
    an anchor reads the end of the text."""
    found: set[str] = set()
    for op, arg in items:
        if op is c.LITERAL:
            found.update(ch for ch in chars if ord(ch) == arg)
        elif op is c.NOT_LITERAL:
            found.update(ch for ch in chars if ord(ch) != arg)
        elif op is c.ANY:
            found.update(ch for ch in chars if ch != "\n")  # DOTALL is refused above
        elif op is c.IN:
            found.update(ch for ch in chars if _class_holds(arg, ch))
        elif op is c.AT:
            if arg in _READS_THE_END:
                return set(chars)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            found |= _chars_matched(list(arg[1]), chars)
        elif op is c.SUBPATTERN:
            if arg[1] & _UNREAD_FLAGS:
                raise _Unbounded
            found |= _chars_matched(list(arg[-1]), chars)
        elif op is c.ATOMIC_GROUP:
            found |= _chars_matched(list(arg), chars)
        elif op is c.BRANCH:
            for branch in arg[1]:
                found |= _chars_matched(list(branch), chars)
        elif op in _REPEATS:
            found |= _chars_matched(list(arg[2]), chars)
        else:
            raise _Unbounded  # back-references, conditionals: not read here
    return found


def _class_holds(items: list, char: str) -> bool:
    """Whether a character class holds ``char`` (a character no case changes), as the regex module reads it."""
    negated = bool(items) and items[0][0] is c.NEGATE
    held = False
    for op, arg in items[1:] if negated else items:
        if op is c.LITERAL:
            held = held or arg == ord(char)
        elif op is c.RANGE:
            held = held or arg[0] <= ord(char) <= arg[1]
        elif op is c.CATEGORY and arg in _CATEGORY_HOLDS:
            held = held or _CATEGORY_HOLDS[arg].fullmatch(char) is not None
        else:
            return True  # not read here: it may hold anything
    return held != negated


# A width as (characters, runs of each kind): what a part of a pattern may match at most.
_Width = tuple[int, int, int, int, int, int]
_NOTHING: _Width = (0, 0, 0, 0, 0, 0)
_ONE_CHAR: _Width = (1, 0, 0, 0, 0, 0)


def _add(a: _Width, b: _Width) -> _Width:
    return tuple(x + y for x, y in zip(a, b))  # type: ignore[return-value]


def _width(items: list) -> _Width:
    """The most a sequence of nodes matches (its look-arounds aside: ``_assertions``)."""
    total = _NOTHING
    for op, arg in items:
        total = _add(total, _node_width(op, arg))
    return total


def _node_width(op, arg) -> _Width:
    if op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY):
        return _ONE_CHAR
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _NOTHING
    if op is c.SUBPATTERN:
        _group, add_flags, _del_flags, items = arg
        if add_flags & _UNREAD_FLAGS:
            raise _Unbounded
        return _width(list(items))
    if op is c.ATOMIC_GROUP:
        return _width(list(arg))
    if op is c.BRANCH:
        widths = [_width(list(branch)) for branch in arg[1]]
        return tuple(map(max, *widths)) if len(widths) > 1 else widths[0]  # type: ignore[return-value]
    if op in _REPEATS:
        _low, high, items = arg
        if high == c.MAXREPEAT:
            kind = _run_kind(list(items))
            return (0, *(int(k == kind) for k in RUN_KINDS))  # type: ignore[return-value]
        return tuple(high * x for x in _width(list(items)))  # type: ignore[return-value]
    raise _Unbounded  # back-references, conditionals, anything else


def _assertions(items: list) -> _Width:
    """How far the look-arounds of a sequence read, all of them together (nested ones too): a
    bound on how far past a match's ends the pattern looks."""
    total = _NOTHING
    for op, arg in items:
        if op in (c.ASSERT, c.ASSERT_NOT):
            inner = list(arg[1])
            total = _add(total, _add(_width(inner), _assertions(inner)))
        elif op is c.SUBPATTERN:
            total = _add(total, _assertions(list(arg[-1])))
        elif op is c.ATOMIC_GROUP:
            total = _add(total, _assertions(list(arg)))
        elif op is c.BRANCH:
            for branch in arg[1]:
                total = _add(total, _assertions(list(branch)))
        elif op in _REPEATS:
            total = _add(total, _assertions(list(arg[2])))
    return total


def _run_kind(items: list) -> int:
    """The narrowest kind of run that holds every character a repeated part can match."""
    kinds = set(RUN_KINDS)
    for held in _kinds_of_chars(items):
        kinds &= held
    if not kinds:
        raise _Unbounded
    return min(kinds)


def _kinds_of_chars(items: list):
    """For each character-matching node of a sequence, the kinds of run that hold what it matches."""
    for op, arg in items:
        if op is c.LITERAL:
            yield _kinds_of(chr(arg))
        elif op is c.NOT_LITERAL:
            yield {LINE} if arg == ord("\n") else set()
        elif op is c.ANY:
            yield {LINE}  # without DOTALL (refused above), "." is anything but a line break
        elif op is c.IN:
            yield _kinds_of_class(arg)
        elif op is c.SUBPATTERN:
            if arg[1] & _UNREAD_FLAGS:
                raise _Unbounded
            yield from _kinds_of_chars(list(arg[-1]))
        elif op is c.ATOMIC_GROUP:
            yield from _kinds_of_chars(list(arg))
        elif op is c.BRANCH:
            for branch in arg[1]:
                yield from _kinds_of_chars(list(branch))
        elif op in _REPEATS:
            yield from _kinds_of_chars(list(arg[2]))
        elif op not in (c.AT, c.ASSERT, c.ASSERT_NOT):
            raise _Unbounded


def _kinds_of_class(items: list) -> set[int]:
    if items and items[0][0] is c.NEGATE:
        left_out = items[1:]
        kinds: set[int] = set()
        for op, arg in left_out:
            if op is c.CATEGORY and arg in _NEGATED_KIND:
                kinds |= _WITHIN[_NEGATED_KIND[arg]]
            if (op is c.LITERAL and arg == ord("\n")) or (op is c.CATEGORY and arg is c.CATEGORY_SPACE):
                kinds.add(LINE)
            if op is c.RANGE and arg[0] <= ord("\n") <= arg[1]:
                kinds.add(LINE)
        return kinds
    kinds = set(RUN_KINDS)
    for op, arg in items:
        if op is c.CATEGORY:
            kind = _CATEGORY_KIND.get(arg)
            kinds &= _WITHIN[kind] if kind is not None else set()
        elif op is c.LITERAL:
            kinds &= _kinds_of(chr(arg))
        elif op is c.RANGE and arg[1] - arg[0] < _MAX_RANGE:
            for code in range(arg[0], arg[1] + 1):
                kinds &= _kinds_of(chr(code))
        else:
            return set()
    return kinds


@lru_cache(maxsize=1024)
def _kinds_of(char: str) -> set[int]:
    """The kinds of run a character, and (ignoring case) its other cases, lie within.

    Punctuation and spaces have no other case; the other cases of a word character (the Kelvin
    sign for "k", the long s for "s") are word characters too (tests/test_pieces.py holds the
    regex module to both). Of any other character nothing is assumed.
    """
    if char.isascii() or unicodedata.category(char)[0] in "PZ":
        return {kind for kind, pattern in _KIND_OF_CHAR.items() if pattern.fullmatch(char)}
    return _WITHIN[WORD] if _KIND_OF_CHAR[WORD].fullmatch(char) else set()


# The longest run of each kind in a paragraph, read in the paragraph narrowed to ASCII (pieces.py:
# every other character made a space if the regex module takes it for one, else "\x00", which each
# class below but spaces holds, so a run is never shorter than the regex module's): runs shorter
# than the floor are not looked for (the floor less one is the bound then), so only the rare long ones are.
_RUN_FLOORS = {SPACE: 2, WORD: 16, NOT_WORD: 4, NOT_SPACE: 24}
_NARROW_CLASSES = {SPACE: r"[\t\n\x0b\x0c\r ]", WORD: r"[0-9A-Za-z_\x00]", NOT_WORD: r"[^0-9A-Za-z_]", NOT_SPACE: r"[^\t\n\x0b\x0c\r ]"}
_LONG_RUNS = {kind: re.compile(f"{_NARROW_CLASSES[kind]}{{{floor},}}") for kind, floor in _RUN_FLOORS.items()}


def longest_run(narrow: str, kind: int) -> int:
    """At least the length of the longest run of ``kind`` in a paragraph, given as ``narrow`` (see above)."""
    if kind == LINE:
        return max(map(len, narrow.split("\n")))  # "." stops at "\n" alone
    return max(map(len, _LONG_RUNS[kind].findall(narrow)), default=_RUN_FLOORS[kind] - 1)

