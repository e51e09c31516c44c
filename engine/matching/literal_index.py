"""The literals every word list's branches require, and where a draft holds each: every paragraph
of a draft (or piece of a long one: pieces.py) looks its words and text up once for all the lists,
and each list then reads only the literals of its own branches (word_lists.py)."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from ..text import Draft
from .pieces import Cutting, cutting, units
from .required_literals import Literals
from .word_lookups import Passage, Substrings, WordStarts, passages

if TYPE_CHECKING:
    from .word_lists import WordList

# A paragraph (or piece of one) and the literals it holds: beginning a word, and anywhere.
Found = tuple[Passage, frozenset[str], frozenset[str]]


class DraftLiterals:
    """Where a draft holds each literal of a first requirement: the paragraphs (or pieces) that
    hold it, in order, beginning a word (``starts``) and anywhere (``substrings``), each with all
    the literals it holds (for the further requirements); and for each word list (by serial number)
    those of its literals the draft holds, beginning a word and anywhere (``of_list``).

    A literal is looked for in a list's postings once per draft, not once per paragraph that holds
    it: "not" or "," is in most paragraphs of a long draft.
    """

    __slots__ = ("starts", "substrings", "of_list")

    def __init__(self, draft_units: tuple[Passage, ...], keys: tuple[WordStarts, Substrings], held: list[str], lists: tuple[dict, dict]) -> None:
        starts: dict[str, list[Found]] = {}
        anywhere: dict[str, list[Found]] = {}
        lists_by_start, lists_by_substring = lists
        for unit in draft_units:
            found = (unit, unit.word_starts_among(keys[0]), unit.substrings_among(keys[1], held))
            for literal in found[1]:
                if literal in lists_by_start:
                    starts.setdefault(literal, []).append(found)
            for literal in found[2]:
                if literal in lists_by_substring:
                    anywhere.setdefault(literal, []).append(found)
        of_list: dict[int, tuple[list[str], list[str]]] = {}
        for kind, located, lists_by in ((0, starts, lists_by_start), (1, anywhere, lists_by_substring)):
            for literal in located:
                for number in lists_by[literal]:
                    mine = of_list.get(number)
                    if mine is None:
                        mine = of_list[number] = ([], [])
                    mine[kind].append(literal)
        self.starts, self.substrings, self.of_list = starts, anywhere, of_list


class LiteralIndex:
    """Every literal the word lists look up, and how a draft is looked up for all of them at once.

    A branch's first requirement picks it out (word_lists.py); its further ones only rule it out.
    Both are looked for in every paragraph, as long as some branch of a list in use needs them.
    """

    def __init__(self) -> None:
        # The word lists (by serial number) whose branches a literal picks out, beginning a word
        # and anywhere; how many branches look for each literal of a further requirement. Word lists
        # are held weakly: those of a pack built for an identity no longer in use go, and their
        # literals with them.
        self._lists_by_start: dict[str, set[int]] = {}
        self._lists_by_substring: dict[str, set[int]] = {}
        self._further_words: dict[str, int] = {}
        self._further: dict[str, int] = {}
        self._needs_of: dict[int, list[tuple[Literals, ...]]] = {}
        self._next_serial = 0
        self.version = 0
        self._draft_key = ("literal index", 0)
        self._keys: tuple[WordStarts, Substrings] | None = None
        self._cutting: Cutting | None = None  # how a long paragraph is cut into pieces (pieces.py)
        self._gone: set[int] = set()

    def register(self, words: WordList) -> int:
        """A new word list's serial number, never given again; its literals go when it does."""
        number = self._next_serial
        self._next_serial += 1
        weakref.finalize(words, self._forget, number)
        return number

    def add(self, number: int, needs: tuple[Literals, ...]) -> None:
        """Look for what a branch of word list ``number`` requires."""
        for literal in needs[0].word_starts:
            self._lists_by_start.setdefault(literal, set()).add(number)
        for literal in needs[0].substrings:
            self._lists_by_substring.setdefault(literal, set()).add(number)
        self._count_further(needs, 1)
        self._needs_of.setdefault(number, []).append(needs)
        self._changed()

    def _count_further(self, needs: tuple[Literals, ...], by: int) -> None:
        for further in needs[1:]:
            _count(self._further_words, further.word_starts, by)
            _count(self._further, further.substrings, by)

    def _forget(self, number: int) -> None:
        # Called when a word list is collected, on whatever thread dropped it (the host's warm-up
        # thread, say) while a check may be reading the counts: only note it; they are pruned by
        # the next check, before it reads them.
        self._gone.add(number)

    def _prune(self) -> None:
        while self._gone:  # taken one by one: another thread's collection may add to it meanwhile
            number = self._gone.pop()
            for needs in self._needs_of.pop(number, ()):
                for lists_by, literals in ((self._lists_by_start, needs[0].word_starts), (self._lists_by_substring, needs[0].substrings)):
                    for literal in literals:
                        lists = lists_by.get(literal)
                        if lists is not None:
                            lists.discard(number)
                            if not lists:
                                del lists_by[literal]
                self._count_further(needs, -1)
        self._changed()

    def _changed(self) -> None:
        self.version += 1
        self._draft_key = ("literal index", self.version)  # a pack built since a draft was looked up adds lists
        self._keys = None

    @property
    def word_starts(self) -> frozenset[str]:
        """The literals that pick branches out as the beginning of a word."""
        self.lookup_keys()
        return frozenset(self._lists_by_start)

    def lookup_keys(self) -> tuple[WordStarts, Substrings]:
        """Every literal looked for in a paragraph, the first requirements' and the further ones':
        at the beginning of a word, and anywhere."""
        if self._gone:
            self._prune()
        if self._keys is None:
            keys = (
                WordStarts(frozenset(self._lists_by_start).union(self._further_words)),
                Substrings(frozenset(self._lists_by_substring).union(self._further)),
            )
            self._cutting = cutting(*keys)  # first: cut for more literals than looked up, never fewer
            self._keys = keys
        return self._keys

    def literals_in(self, draft: Draft) -> DraftLiterals:
        """Where the draft holds each literal: each paragraph (or piece of a long one: pieces.py)
        looks its words and text up once."""
        if not self._gone:  # else the literals of lists that are gone are pruned first, under a new key
            found = draft.cache.get(self._draft_key)
            if found is not None:
                return found  # type: ignore[return-value]
        keys = self.lookup_keys()
        paragraphs = passages(draft)
        draft_units = units(draft, self._cutting) if self._cutting is not None else paragraphs
        # The literals not made of word characters are looked for in the whole draft once: most are
        # in none of its paragraphs, which then need not look for them (the paragraphs joined hold
        # every literal one of them holds).
        held = keys[1].outside_words("".join(paragraph.lower for paragraph in paragraphs))
        lists = (self._lists_by_start, self._lists_by_substring)
        found = draft.cache[self._draft_key] = DraftLiterals(draft_units, keys, held, lists)
        return found


def _count(counts: dict[str, int], literals, by: int) -> None:
    """Add ``by`` to the count of each literal; a literal whose count falls to nothing is forgotten."""
    for literal in literals:
        left = counts.get(literal, 0) + by
        if left > 0:
            counts[literal] = left
        else:
            counts.pop(literal, None)
