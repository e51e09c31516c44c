"""The draft as the detectors see it, and the conversion of its offsets to JavaScript's."""

from __future__ import annotations

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
    _literals: dict[str, bool] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.text = normalise(self.original)
        # Code points above U+FFFF take two UTF-16 code units; remember where they are.
        self._astral = [i for i, ch in enumerate(self.original) if ord(ch) > 0xFFFF] if not self.original.isascii() else []

    def contains_any(self, literals: frozenset[str]) -> bool:
        """Whether the draft (lower-cased) contains one of ``literals``; each literal is tested once per draft."""
        if self._lower is None:
            self._lower = self.text.lower()
        seen = self._literals
        for literal in literals:
            present = seen.get(literal)
            if present is None:
                present = seen[literal] = literal in self._lower
            if present:
                return True
        return False

    def utf16(self, index: int) -> int:
        """Convert a code-point offset into the UTF-16 offset that JavaScript uses."""
        return index + bisect_left(self._astral, index)


# Facebook's post limit, the longest of the supported sites, in UTF-16 code units: longer drafts are refused.
MAX_DRAFT_UTF16_UNITS = 63_206


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what JavaScript's ``length`` says), lone surrogates included."""
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2
