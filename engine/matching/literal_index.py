"""One index of the literals every word list's branches require: which branch of which list
each literal picks out, looked up once per paragraph of a draft (or piece of a long one:
pieces.py) for all the lists at once."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from ..text import Draft
from .pieces import Cutting, cutting, units
from .required_literals import Literals
from .word_lookups import Passage, Substrings, WordStarts, passages

if TYPE_CHECKING:
    from .word_lists import WordList

# A paragraph (or piece of one) a word list visits: it, the literals it holds (beginning a word,
# and anywhere), and the branches of the list its literals pick out.
Visit = tuple[Passage, frozenset[str], frozenset[str], list[int]]


class LiteralIndex:
    """Which branch of which word list each required literal picks out, over every word list built.

    A draft looks the words and text of each of its paragraphs up here once and learns, for every
    word list at once, the branches each paragraph could match; a word list then only reads its
    entry.
    """

    def __init__(self) -> None:
        # literal -> {word list's serial number: its branches}. Word lists are known by number and
        # held weakly: those of a pack built for an identity no longer in use go, and their entries.
        self.by_word_start: dict[str, dict[int, list[int]]] = {}
        self.by_substring: dict[str, dict[int, list[int]]] = {}
        # Literals only the further requirements look for, with how many branches look for each
        # (those of an identity's lists go with them), and which each word list added.
        self._further_words: dict[str, int] = {}
        self._further: dict[str, int] = {}
        self._further_of: dict[int, list[Literals]] = {}
        self._next_serial = 0
        self.version = 0
        self._draft_key = ("literal index", 0)
        self._keys: tuple[WordStarts, Substrings] | None = None
        self._cutting: Cutting | None = None  # how a long paragraph is cut into pieces (pieces.py)
        self._gone: set[int] = set()

    def register(self, words: WordList) -> int:
        """A new word list's serial number, never given again; its entries go when it does."""
        number = self._next_serial
        self._next_serial += 1
        weakref.finalize(words, self._forget, number)
        return number

    def add(self, number: int, i: int, needs: tuple[Literals, ...]) -> None:
        """Index branch ``i`` of word list ``number`` under its first requirement."""
        for literal in needs[0].word_starts:
            self.by_word_start.setdefault(literal, {}).setdefault(number, []).append(i)
        for literal in needs[0].substrings:
            self.by_substring.setdefault(literal, {}).setdefault(number, []).append(i)
        for further in needs[1:]:
            _count(self._further_words, further.word_starts, 1)
            _count(self._further, further.substrings, 1)
        if len(needs) > 1:
            self._further_of.setdefault(number, []).extend(needs[1:])
        self._changed()

    def _forget(self, number: int) -> None:
        # Called when a word list is collected, on whatever thread dropped it (the host's warm-up
        # thread, say) while a check may be reading the postings: only note it; they are pruned
        # by the next check, before it reads them.
        self._gone.add(number)

    def _prune(self) -> None:
        gone: set[int] = set()
        while self._gone:  # taken one by one: another thread's collection may add to it meanwhile
            gone.add(self._gone.pop())
        for postings in (self.by_word_start, self.by_substring):
            for literal in [lit for lit, lists in postings.items() if not gone.isdisjoint(lists)]:
                for number in gone.intersection(postings[literal]):
                    del postings[literal][number]
                if not postings[literal]:
                    del postings[literal]
        for number in gone:
            for further in self._further_of.pop(number, ()):
                _count(self._further_words, further.word_starts, -1)
                _count(self._further, further.substrings, -1)
        self._changed()

    def _changed(self) -> None:
        self.version += 1
        self._draft_key = ("literal index", self.version)  # a pack built since a draft was indexed adds lists
        self._keys = None

    @property
    def word_starts(self) -> frozenset[str]:
        """The literals that pick branches out as the beginning of a word."""
        self.lookup_keys()
        return frozenset(self.by_word_start)

    def lookup_keys(self) -> tuple[WordStarts, Substrings]:
        """Every literal looked for in a paragraph, the index's own and the further requirements':
        at the beginning of a word, and anywhere."""
        if self._gone:
            self._prune()
        if self._keys is None:
            keys = (
                WordStarts(frozenset(self.by_word_start).union(self._further_words)),
                Substrings(frozenset(self.by_substring).union(self._further)),
            )
            self._cutting = cutting(*keys)  # first: cut for more literals than looked up, never fewer
            self._keys = keys
        return self._keys

    def lists_in(self, draft: Draft) -> dict[int, list[Visit]]:
        """For each word list (by serial number), the draft's paragraphs (or pieces of a long one:
        pieces.py) holding the first requirement of one of its branches: each with the literals it
        holds (for the further requirements) and those branches. A list visits only these.

        Each paragraph or piece looks its words and text up here once.
        """
        if not self._gone:  # else entries of lists that are gone are pruned first, under a new key
            found = draft.cache.get(self._draft_key)
            if found is not None:
                return found  # type: ignore[return-value]
        word_starts, substrings = self.lookup_keys()
        found = draft.cache[self._draft_key] = {}
        by_word_start, by_substring = self.by_word_start, self.by_substring
        for passage in units(draft, self._cutting) if self._cutting is not None else passages(draft):
            begun = passage.word_starts_among(word_starts)
            anywhere = passage.substrings_among(substrings)
            postings = [by_word_start[w] for w in begun if w in by_word_start]
            postings += [by_substring[s] for s in anywhere if s in by_substring]
            for lists in postings:
                for number, branches in lists.items():
                    visits = found.get(number)
                    if visits is None:
                        found[number] = [(passage, begun, anywhere, branches)]  # the index's own list: never changed
                    elif visits[-1][0] is passage:  # a branch may be indexed under several literals
                        visits[-1] = (passage, begun, anywhere, list({*visits[-1][3], *branches}))
                    else:
                        visits.append((passage, begun, anywhere, branches))
        return found


def _count(counts: dict[str, int], literals, by: int) -> None:
    """Add ``by`` to the count of each literal; a literal whose count falls to nothing is forgotten."""
    for literal in literals:
        left = counts.get(literal, 0) + by
        if left > 0:
            counts[literal] = left
        else:
            counts.pop(literal, None)
