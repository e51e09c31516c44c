"""The draft as the detectors see it, and the conversion of its offsets to JavaScript's."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

# One character for one character, so that offsets in the normalised text are offsets in the
# draft: curly quotes, the non-breaking space Quill writes, and the dashes people type.
_SAME_LENGTH = str.maketrans(
    {
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
)


# A word and what an apostrophe or hyphen joins to it ("you're", "no-one"): literals that begin a
# word are looked up among the beginnings of these, and of what follows each joint ("re", "one").
_WORD = re.compile(r"\w+(?:['-]\w+)*")
_JOINTS = ("'", "-")
_DIGIT = re.compile(r"\d")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
# Beginnings longer than this are not looked up (see detectors/prefilter.py).
WORD_PREFIX_LIMIT = 24


# The characters normalise() replaces: a draft without them (most) is left as it is.
_TYPOGRAPHIC = re.compile("[" + "".join(map(chr, _SAME_LENGTH)) + "]")


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


class Substrings:
    """Literals looked for anywhere in drafts, grouped by their first two characters: a draft
    tests only those whose first two it holds ("\\x01" stands for any digit)."""

    def __init__(self, literals: frozenset[str]) -> None:
        self.literals = literals
        self.digit = "\x01" in literals
        self.singles = tuple(lit for lit in literals if len(lit) == 1 and lit != "\x01")
        by_pair: dict[int, list[str]] = {}
        for lit in literals:
            if len(lit) > 1:
                by_pair.setdefault(_pair_codes(lit[:2]).pop(), []).append(lit)
        self.by_pair = {pair: tuple(group) for pair, group in by_pair.items()}
        self.pairs = frozenset(self.by_pair)

    def found_in(self, lower: str) -> frozenset[str]:
        groups = [self.by_pair[pair] for pair in self.pairs.intersection(_pair_codes(lower))]
        found = [lit for group in groups for lit in group if lit in lower]
        found += [lit for lit in self.singles if lit in lower]
        if self.digit and _DIGIT.search(lower):
            found.append("\x01")
        return frozenset(found)


def normalise(text: str) -> str:
    """Return ``text`` with typographic variants replaced, keeping every offset."""
    return text.translate(_SAME_LENGTH) if _TYPOGRAPHIC.search(text) else text


def word_starts(lower: str) -> set[str]:
    """Every word of ``lower``, and what follows each apostrophe or hyphen within one."""
    words = set(_WORD.findall(lower))
    for word in [w for w in words if "'" in w or "-" in w]:
        words.update(word[k + 1 :] for k, c in enumerate(word) if c in _JOINTS)
    return words


@lru_cache(maxsize=4096)
def _beginnings(word: str) -> tuple[str, ...]:
    # A member's drafts use a few thousand words over and over: their beginnings are kept.
    return tuple(word[:k] for k in range(1, min(len(word), WORD_PREFIX_LIMIT) + 1))


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
    """A paragraph of a draft, lower-cased, and every beginning of every word of it ("you're"
    gives "y", "yo", … "you're"): the literals rules require are looked up in these (see
    detectors/prefilter.py)."""

    __slots__ = ("start", "end", "lower", "word_prefixes", "cache", "_substrings")

    def __init__(self, lower: str, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.lower = lower
        self.word_prefixes: set[str] = set()
        for word in word_starts(lower):
            self.word_prefixes.update(_beginnings(word))
        self.cache: dict[object, object] = {}  # what the literal index found in it
        self._substrings: tuple[Substrings, frozenset[str]] | None = None

    def substrings_among(self, literals: Substrings) -> frozenset[str]:
        """Those of ``literals`` that occur anywhere in the passage ("\\x01": any digit).

        Callers pass the same set of every literal they look for, draft after draft, so that it
        is tested once per passage, not once per pattern.
        """
        if self._substrings is None or self._substrings[0] is not literals:
            self._substrings = (literals, literals.found_in(self.lower))
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

    def __post_init__(self) -> None:
        self.text = normalise(self.original)
        # Code points above U+FFFF take two UTF-16 code units; remember where they are.
        self._astral = [m.start() for m in _ASTRAL.finditer(self.original)] if not self.original.isascii() else []
        # Bounds found in the text, not its lower case: lower-casing may change a string's length.
        text = self.text
        self.passages = tuple(Passage(text[start:end].lower(), start, end) for start, end in paragraph_bounds(text))

    @property
    def word_prefixes(self) -> set[str]:
        """Every beginning of every word of the draft."""
        if len(self.passages) == 1:
            return self.passages[0].word_prefixes
        return set().union(*(p.word_prefixes for p in self.passages))

    def substrings_among(self, literals: Substrings) -> frozenset[str]:
        """Those of ``literals`` that occur in one of the draft's paragraphs."""
        if len(self.passages) == 1:
            return self.passages[0].substrings_among(literals)
        return frozenset().union(*(p.substrings_among(literals) for p in self.passages))

    def utf16(self, index: int) -> int:
        """Convert a code-point offset into the UTF-16 offset that JavaScript uses."""
        return index + bisect_left(self._astral, index)


# Facebook's post limit, the longest of the supported sites, in UTF-16 code units: longer drafts are refused.
MAX_DRAFT_UTF16_UNITS = 63_206


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what JavaScript's ``length`` says), lone surrogates included."""
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2
