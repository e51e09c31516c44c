"""The draft as the detectors see it, and the conversion of its offsets to JavaScript's."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property

# One character for one character, so that offsets in the normalised text are offsets in the
# draft: curly quotes, the non-breaking space Quill writes, and the dashes people type.
_SAME_LENGTH = {
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2013": "-",
    "\u2014": "-",
    "\u2011": "-",
}


# A word and what an apostrophe or hyphen joins to it ("you're", "no-one"): literals that begin a
# word are looked up among the beginnings of these, and of what follows each joint ("re", "one").
_WORD = re.compile(r"\w+(?:['-]\w+)*")
_JOINTS = ("'", "-")
_DIGIT = re.compile(r"\d")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
# Beginnings longer than this are not looked up (see detectors/prefilter.py).
WORD_PREFIX_LIMIT = 24
# Words whose literals are kept (WordStarts, Substrings): more than a member writes between two starts.
_WORDS_KEPT = 20_000


# The characters normalise() replaces, replaced where they are (str.translate looks every
# character of the draft up in a table: ten times slower for the few a draft holds).
_TYPOGRAPHIC = re.compile("[" + "".join(_SAME_LENGTH) + "]")


def _pair_codes(text: str) -> set[int]:
    """Every two neighbouring characters of ``text``, each pair read as one 64-bit number.

    In UTF-32 a pair is eight bytes; two arrays (from the first character and from the second)
    list them all, in C: several times faster than making a string of every pair.
    """
    wide = text.encode("utf-32-le", "surrogatepass")
    n = len(wide) // 4
    codes = set(array("Q", wide[: 4 * (n - n % 2)]))
    codes.update(array("Q", wide[4 : 4 * (n - (n - 1) % 2)]))
    return codes


def _keep(per_word: dict[str, tuple[str, ...]], word: str, literals: tuple[str, ...]) -> tuple[str, ...]:
    """Remember the literals ``word`` holds; past ``_WORDS_KEPT`` words, start again."""
    if len(per_word) >= _WORDS_KEPT:
        per_word.clear()
    per_word[word] = literals
    return literals


# Characters most text holds few of: a literal with one ("#gtto", "b*tch", "@ipemnews") is looked
# for only in text that holds that character.
_RARE = frozenset("#@*!/&()%£+=$?:,;\"|~^<>[]{}\\_0123456789")
_WORD_CHARS = re.compile(r"\w+")


class Substrings:
    """Literals looked for anywhere in drafts ("\\x01" stands for any digit).

    A literal of word characters only ("rcr", "ing") lies within one word: which of them each
    word holds is worked out once per word and kept, as drafts reuse their words. The others are
    looked for only where a rare character of theirs is, or else in every text.
    """

    def __init__(self, literals: frozenset[str]) -> None:
        self.literals = literals
        self.digit = "\x01" in literals
        self.singles = tuple(lit for lit in literals if len(lit) == 1 and lit != "\x01")
        in_words = [lit for lit in literals if len(lit) > 1 and _WORD_CHARS.fullmatch(lit)]
        # Those inside words, by their first two characters, for a word met for the first time.
        by_pair: dict[int, list[str]] = {}
        for lit in in_words:
            by_pair.setdefault(_pair_codes(lit[:2]).pop(), []).append(lit)
        self._in_words_by_pair = {pair: tuple(group) for pair, group in by_pair.items()}
        self._in_words_pairs = frozenset(by_pair)
        self._within: dict[str, tuple[str, ...]] = {}
        by_char: dict[str, list[str]] = {}
        plain: list[str] = []
        for lit in literals.difference(in_words, self.singles, {"\x01"}):
            rare = next((c for c in lit if c in _RARE or not c.isascii()), None)
            if rare is None:
                plain.append(lit)
            else:
                by_char.setdefault(rare, []).append(lit)
        self.by_char = {c: tuple(group) for c, group in by_char.items()}
        self.plain = tuple(plain)

    def found_in(self, lower: str, words: set[str]) -> frozenset[str]:
        """Those of the literals in ``lower``, whose words (see ``word_starts``) are ``words``."""
        by_char = self.by_char
        found = [lit for c in by_char if c in lower for lit in by_char[c] if lit in lower]
        found += [lit for lit in self.plain if lit in lower]
        found += [lit for lit in self.singles if lit in lower]
        within = self._within
        for word in words:
            known = within.get(word)
            if known is None:
                groups = (self._in_words_by_pair[pair] for pair in self._in_words_pairs.intersection(_pair_codes(word)))
                known = _keep(within, word, tuple(lit for group in groups for lit in group if lit in word))
            found += known
        if self.digit and _DIGIT.search(lower):
            found.append("\x01")
        return frozenset(found)


def normalise(text: str) -> str:
    """Return ``text`` with typographic variants replaced, keeping every offset."""
    return _TYPOGRAPHIC.sub(lambda m: _SAME_LENGTH[m.group()], text)


def word_starts(lower: str) -> set[str]:
    """Every word of ``lower``, and the beginning of what follows each apostrophe or hyphen within one.

    Only the first ``WORD_PREFIX_LIMIT`` characters after a joint are kept: no literal looked up
    is longer, and the whole word is there for literals inside it. Every suffix in full would
    make a word of 63,000 characters joined 30,000 times ("a'a'a…") cost a gigabyte.
    """
    words = set(_WORD.findall(lower))
    for word in [w for w in words if "'" in w or "-" in w]:
        words.update(word[k + 1 : k + 1 + WORD_PREFIX_LIMIT] for k, c in enumerate(word) if c in _JOINTS)
    return words


class WordStarts:
    """Literals looked for at the beginning of words ("you" begins "you're" and "young").

    Drafts use the same few thousand words over and over: which of the literals begin a word is
    worked out once per word and kept (a fresh instance, made when the literals change, forgets).
    """

    def __init__(self, literals: frozenset[str]) -> None:
        self.literals = literals
        self._begun: dict[str, tuple[str, ...]] = {}

    def found_in(self, words: set[str]) -> frozenset[str]:
        """Those of the literals that begin one of ``words``."""
        begun, found = self._begun, []
        for word in words:
            known = begun.get(word)
            if known is None:
                beginnings = (word[:k] for k in range(1, min(len(word), WORD_PREFIX_LIMIT) + 1))
                known = _keep(begun, word, tuple(b for b in beginnings if b in self.literals))
            found += known
        return frozenset(found)


# A blank line ends a paragraph, and no phrase a rule looks for runs on across one: a draft is
# matched paragraph by paragraph, each against only the rules whose words that paragraph holds,
# so a long thread costs what its posts would cost one by one.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Where each paragraph of ``text`` starts, and where the next starts (the blank lines
    between belong to the paragraph before them)."""
    starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text) if m.end() < len(text)]
    return list(zip(starts, starts[1:] + [len(text)]))


class Passage:
    """A paragraph of a draft: where it is, its text lower-cased and its words, in which the
    literals rules require are looked up (see detectors/prefilter.py)."""

    __slots__ = ("start", "end", "lower", "words", "cache", "_word_starts", "_substrings")

    def __init__(self, lower: str, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.lower = lower
        self.words = word_starts(lower)
        self.cache: dict[object, object] = {}  # what the literal index found in it
        self._word_starts: tuple[WordStarts, frozenset[str]] | None = None
        self._substrings: tuple[Substrings, frozenset[str]] | None = None

    # Callers pass the same set of every literal they look for, draft after draft, so that it is
    # looked for once per passage, not once per pattern.

    def word_starts_among(self, literals: WordStarts) -> frozenset[str]:
        """Those of ``literals`` that begin a word of the passage."""
        if self._word_starts is None or self._word_starts[0] is not literals:
            self._word_starts = (literals, literals.found_in(self.words))
        return self._word_starts[1]

    def substrings_among(self, literals: Substrings) -> frozenset[str]:
        """Those of ``literals`` that occur anywhere in the passage ("\\x01": any digit)."""
        if self._substrings is None or self._substrings[0] is not literals:
            self._substrings = (literals, literals.found_in(self.lower, self.words))
        return self._substrings[1]


@dataclass
class Draft:
    """A draft post: the text as typed and its normalised twin, with UTF-16 offset mapping."""

    original: str
    text: str = field(init=False)
    _astral: list[int] = field(init=False, repr=False)
    # Results that several rules share (an organisation's references), keyed by whoever computes them.
    cache: dict[object, object] = field(init=False, repr=False, default_factory=dict)
    # Its paragraphs, each with the literals it holds; a draft of one paragraph is one passage.
    passages: tuple[Passage, ...] = field(init=False, repr=False)
    # How many times a detector read the answer of a pattern stopped as runaway (detectors/limits.py):
    # a rule whose detector read one could not finish.
    unfinished: int = field(init=False, repr=False, default=0)

    def __post_init__(self) -> None:
        self.text = normalise(self.original)
        # Code points above U+FFFF take two UTF-16 code units; remember where they are.
        self._astral = [m.start() for m in _ASTRAL.finditer(self.original)] if not self.original.isascii() else []
        # Bounds found in the text, not its lower case: lower-casing may change a string's length.
        text = self.text
        self.passages = tuple(Passage(text[start:end].lower(), start, end) for start, end in paragraph_bounds(text))

    def utf16(self, index: int) -> int:
        """Convert a code-point offset into the UTF-16 offset that JavaScript uses."""
        return index + bisect_left(self._astral, index)

    def index(self, utf16: int) -> int:
        """Convert a UTF-16 offset (a finding's) back into a code-point offset: ``utf16``'s inverse."""
        # The k-th astral character (0-based) sits at UTF-16 offset position + k.
        return utf16 - bisect_left(self._astral_utf16, utf16)

    @cached_property
    def _astral_utf16(self) -> list[int]:
        return [position + k for k, position in enumerate(self._astral)]


# Facebook's post limit, the longest of the supported sites, in UTF-16 code units: longer drafts are refused.
MAX_DRAFT_UTF16_UNITS = 63_206


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what JavaScript's ``length`` says), lone surrogates included."""
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2
