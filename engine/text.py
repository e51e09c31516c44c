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


_WORDS = re.compile(r"\w+")


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
    _lower: str | None = field(init=False, repr=False, default=None)
    _prefixes: set[str] | None = field(init=False, repr=False, default=None)
    _substrings: dict[str, bool] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.text = normalise(self.original)
        # Code points above U+FFFF take two UTF-16 code units; remember where they are.
        self._astral = [i for i, ch in enumerate(self.original) if ord(ch) > 0xFFFF] if not self.original.isascii() else []

    def word_starts_among(self, literals: frozenset[str]) -> set[str]:
        """Those of ``literals`` that begin some word of the draft."""
        return literals & self._word_prefixes()

    def holds_one_of(self, literals) -> bool:
        """Whether the draft holds one of a pattern's required literals (a ``prefilter.Literals``)."""
        return bool(literals.word_starts & self._word_prefixes()) or any(
            self.contains_substring(literal) for literal in literals.substrings
        )

    def contains_substring(self, literal: str) -> bool:
        found = self._substrings.get(literal)
        if found is None:
            if self._lower is None:
                self._lower = self.text.lower()
            # "\x01" stands for any digit (see detectors/prefilter.py).
            found = any(ch.isdigit() for ch in self._lower) if literal == "\x01" else literal in self._lower
            self._substrings[literal] = found
        return found

    def _word_prefixes(self) -> set[str]:
        # Every beginning of every word, so that a literal that starts a word is one set lookup.
        if self._prefixes is None:
            if self._lower is None:
                self._lower = self.text.lower()
            self._prefixes = {w[:k] for w in set(_WORDS.findall(self._lower)) for k in range(1, min(len(w), 24) + 1)}
        return self._prefixes

    def utf16(self, index: int) -> int:
        """Convert a code-point offset into the UTF-16 offset that JavaScript uses."""
        return index + bisect_left(self._astral, index)


# Facebook's post limit, the longest of the supported sites, in UTF-16 code units: longer drafts are refused.
MAX_DRAFT_UTF16_UNITS = 63_206


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what JavaScript's ``length`` says), lone surrogates included."""
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2
