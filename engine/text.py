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
    _substrings: tuple[frozenset[str], frozenset[str]] | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        self.text = normalise(self.original)
        # Code points above U+FFFF take two UTF-16 code units; remember where they are.
        self._astral = [m.start() for m in _ASTRAL.finditer(self.original)] if not self.original.isascii() else []
        self.lower = self.text.lower()
        words = set(_WORD_STARTS.findall(self.lower))
        self.word_prefixes = {w[:k] for w in words for k in range(1, min(len(w), WORD_PREFIX_LIMIT) + 1)}

    def substrings_among(self, literals: frozenset[str]) -> frozenset[str]:
        """Those of ``literals`` that occur anywhere in the lower-cased draft ("\\x01": any digit).

        Callers pass the same set of every literal they look for, draft after draft, so that it
        is tested once per draft, not once per pattern.
        """
        if self._substrings is None or self._substrings[0] is not literals:
            lower = self.lower
            has_digit = _DIGIT.search(lower) is not None
            found = frozenset(lit for lit in literals if (has_digit if lit == "\x01" else lit in lower))
            self._substrings = (literals, found)
        return self._substrings[1]

    def utf16(self, index: int) -> int:
        """Convert a code-point offset into the UTF-16 offset that JavaScript uses."""
        return index + bisect_left(self._astral, index)


# Facebook's post limit, the longest of the supported sites, in UTF-16 code units: longer drafts are refused.
MAX_DRAFT_UTF16_UNITS = 63_206


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what JavaScript's ``length`` says), lone surrogates included."""
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2
