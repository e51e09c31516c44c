"""The draft as the detectors see it: its text normalised, its paragraphs, and its offsets in JavaScript's units."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

# The longest draft, in UTF-16 code units: the extension's limit too, so it lives in engine/contract.py.
from .contract import MAX_DRAFT_UTF16_UNITS  # noqa: F401

if TYPE_CHECKING:
    from .recall import Before

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
# The characters normalise() replaces, replaced where they are (str.translate looks every
# character of the draft up in a table: ten times slower for the few a draft holds).
_TYPOGRAPHIC = re.compile("[" + "".join(_SAME_LENGTH) + "]")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def normalise(text: str) -> str:
    """Return ``text`` with typographic variants replaced, keeping every offset."""
    return _TYPOGRAPHIC.sub(lambda m: _SAME_LENGTH[m.group()], text)


# A blank line ends a paragraph, and no phrase a rule looks for runs on across one: a draft is
# matched paragraph by paragraph, each against only the rules whose words that paragraph holds,
# so a long thread costs what its posts would cost one by one.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Where each paragraph of ``text`` starts, and where the next starts (the blank lines
    between belong to the paragraph before them)."""
    starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text) if m.end() < len(text)]
    return list(zip(starts, starts[1:] + [len(text)]))


@dataclass
class Draft:
    """A draft post: the text as typed and its normalised twin, with UTF-16 offset mapping."""

    original: str
    text: str = field(init=False)
    _astral: list[int] = field(init=False, repr=False)
    # Results that several rules share (an organisation's references), keyed by whoever computes them.
    cache: dict[object, object] = field(init=False, repr=False, default_factory=dict)
    # How many times a detector read the answer of a pattern stopped as runaway (matching/time_limits.py):
    # a rule whose detector read one could not finish.
    unfinished: int = field(init=False, repr=False, default=0)
    # For a draft checked in a compose box, the last draft checked there and how this one differs
    # from it (recall.py): what its check worked out where this draft is the same, and what this
    # check works out is kept for the next. None for a draft checked on its own.
    before: Before | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        self.text = normalise(self.original)
        # Code points above U+FFFF take two UTF-16 code units; remember where they are.
        self._astral = [m.start() for m in _ASTRAL.finditer(self.original)] if not self.original.isascii() else []

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


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what JavaScript's ``length`` says), lone surrogates included."""
    return len(text.encode("utf-16-le", errors="surrogatepass")) // 2
