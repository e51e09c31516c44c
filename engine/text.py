"""The draft as the detectors see it, and the conversion of its offsets to JavaScript's."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

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


# Where each word starts, the word and what an apostrophe or hyphen joins to it ("you're",
# "no-one"): literals that begin a word are looked up among the beginnings of these.
_WORD_STARTS = re.compile(r"(?<!\w)(?=(\w+(?:['-]\w+)*))")
_DIGIT = re.compile(r"\d")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
# Beginnings longer than this are not looked up (see detectors/prefilter.py).
WORD_PREFIX_LIMIT = 24


_PAIRS_UP_TO = 600


class Substrings:
    """Literals looked for anywhere in drafts, grouped by their first two characters: a draft
    tests only those whose first two it holds ("\\x01" stands for any digit)."""

    def __init__(self, literals: frozenset[str]) -> None:
        self.literals = literals
        self.digit = "\x01" in literals
        self.singles = tuple(lit for lit in literals if len(lit) == 1 and lit != "\x01")
        by_pair: dict[str, list[str]] = {}
        for lit in literals:
            if len(lit) > 1:
                by_pair.setdefault(lit[:2], []).append(lit)
        self.by_pair = {pair: tuple(group) for pair, group in by_pair.items()}
        self.pairs = frozenset(self.by_pair)

    def found_in(self, lower: str) -> frozenset[str]:
        if len(lower) > _PAIRS_UP_TO:
            # Listing a long draft's pairs costs more than looking for every literal in it.
            found = [lit for lit in self.literals if lit != "\x01" and lit in lower]
        else:
            pairs = self.pairs.intersection(map(str.__add__, lower, lower[1:]))
            found = [lit for pair in pairs for lit in self.by_pair[pair] if lit in lower]
            found += [lit for lit in self.singles if lit in lower]
        if self.digit and _DIGIT.search(lower):
            found.append("\x01")
        return frozenset(found)


def normalise(text: str) -> str:
    """Return ``text`` with typographic variants replaced, keeping every offset."""
    return text.translate(_SAME_LENGTH)


@dataclass
class Draft:
    """A draft post: the text as typed and its normalised twin, with UTF-16 offset mapping."""

    original: str
    text: str = field(init=False)
    _astral: list[int] = field(init=False, repr=False)
    # Results that several rules share (an organisation's references), keyed by whoever computes them.
    cache: dict[object, object] = field(init=False, repr=False, default_factory=dict)
    # The normalised text lower-cased, and every beginning of every word of it ("you're" gives
    # "y", "yo", … "you're"): literals are looked up in these (see detectors/prefilter.py).
    lower: str = field(init=False, repr=False)
    word_prefixes: set[str] = field(init=False, repr=False)
    _substrings: tuple[Substrings, frozenset[str]] | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        self.text = normalise(self.original)
        # Code points above U+FFFF take two UTF-16 code units; remember where they are.
        self._astral = [m.start() for m in _ASTRAL.finditer(self.original)] if not self.original.isascii() else []
        self.lower = self.text.lower()
        words = set(_WORD_STARTS.findall(self.lower))
        self.word_prefixes = {w[:k] for w in words for k in range(1, min(len(w), WORD_PREFIX_LIMIT) + 1)}

    def substrings_among(self, literals: Substrings) -> frozenset[str]:
        """Those of ``literals`` that occur anywhere in the lower-cased draft ("\\x01": any digit).

        Callers pass the same set of every literal they look for, draft after draft, so that it
        is tested once per draft, not once per pattern.
        """
        if self._substrings is None or self._substrings[0] is not literals:
            self._substrings = (literals, literals.found_in(self.lower))
        return self._substrings[1]

    def utf16(self, index: int) -> int:
        """Convert a code-point offset into the UTF-16 offset that JavaScript uses."""
        return index + bisect_left(self._astral, index)


# Facebook's post limit, the longest of the supported sites, in UTF-16 code units: longer drafts are refused.
MAX_DRAFT_UTF16_UNITS = 63_206


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what JavaScript's ``length`` says), lone surrogates included."""
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2
