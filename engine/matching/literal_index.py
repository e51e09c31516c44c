"""The literals every word list's branches require, and where a draft holds each: every paragraph
of a draft (or piece of a long one: pieces.py) looks its words and text up once for all the lists,
and which branches of every list it can match once (word_lists.py reads its own)."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from ..text import Draft
from .pieces import Cutting, Piece, cutting, units
from .required_literals import Literals
from .word_lookups import Branches, Passage, Substrings, WordStarts, passages

if TYPE_CHECKING:
    from .word_lists import WordList

# A branch that a literal of its first requirement picks out: its word list's serial number, its
# number in the list, and its further requirements (each: literals beginning a word, and anywhere).
Posting = tuple[int, int, tuple[Literals, ...]]


class DraftLiterals:
    """For each word list (by serial number) of which a draft can match a branch, those branches,
    each with the paragraphs (or pieces) that hold what it requires, in order (``where``)."""

    __slots__ = ("where",)

    def __init__(self, draft_units: tuple[Passage, ...]) -> None:
        where: dict[int, dict[int, list[Passage]]] = {}
        for unit in draft_units:
            for serial, found in unit.branches[1].items():  # type: ignore[index]
                mine = where.get(serial)
                if mine is None:
                    mine = where[serial] = {}
                for i in found:
                    at = mine.get(i)
                    if at is None:
                        mine[i] = [unit]
                    else:
                        at.append(unit)
        self.where = where


class LiteralIndex:
    """Every literal the word lists look up, and how a draft is looked up for all of them at once.

    A branch's first requirement picks it out (word_lists.py); its further ones only rule it out.
    Both are looked for in every paragraph, as long as some branch of a list in use needs them.
    """

    def __init__(self) -> None:
        # The branches a literal picks out, beginning a word and anywhere; how many branches look
        # for each literal of a further requirement. Word lists are held weakly: those of a pack
        # built for an identity no longer in use go, and their literals with them.
        self._by_start: dict[str, list[Posting]] = {}
        self._by_substring: dict[str, list[Posting]] = {}
        self._lists: dict[int, weakref.ref[WordList]] = {}
        self._barriers: dict[tuple[int, int], int] = {}  # by word list and branch (pieces.py)
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
        self._lists[number] = weakref.ref(words)
        weakref.finalize(words, self._forget, number)
        return number

    def add(self, number: int, branch: int, needs: tuple[Literals, ...]) -> None:
        """Look for what branch ``branch`` of word list ``number`` requires."""
        posting = (number, branch, needs[1:])
        for literal in needs[0].word_starts:
            self._by_start.setdefault(literal, []).append(posting)
        for literal in needs[0].substrings:
            self._by_substring.setdefault(literal, []).append(posting)
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
            self._lists.pop(number, None)
            for branch in [key for key in self._barriers if key[0] == number]:
                del self._barriers[branch]
            for needs in self._needs_of.pop(number, ()):
                for by, literals in ((self._by_start, needs[0].word_starts), (self._by_substring, needs[0].substrings)):
                    for literal in literals:
                        postings = [posting for posting in by.get(literal, ()) if posting[0] != number]
                        if postings:
                            by[literal] = postings
                        else:
                            by.pop(literal, None)
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
        return frozenset(self._by_start)

    def lookup_keys(self) -> tuple[WordStarts, Substrings]:
        """Every literal looked for in a paragraph, the first requirements' and the further ones':
        at the beginning of a word, and anywhere."""
        if self._gone:
            self._prune()
        if self._keys is None:
            keys = (
                WordStarts(frozenset(self._by_start).union(self._further_words)),
                Substrings(frozenset(self._by_substring).union(self._further)),
            )
            self._cutting = cutting(*keys)  # first: cut for more literals than looked up, never fewer
            self._keys = keys
        return self._keys

    def literals_in(self, draft: Draft) -> DraftLiterals:
        """Which branches each paragraph (or piece of a long one: pieces.py) of the draft can match:
        each looks its words and text up once, for every word list; a paragraph of the same text
        as one of the last draft's in a compose box has taken them from it (word_lookups.passages)."""
        if not self._gone:  # else the literals of lists that are gone are pruned first, under a new key
            found = draft.cache.get(self._draft_key)
            if found is not None:
                return found  # type: ignore[return-value]
        keys = self.lookup_keys()
        paragraphs = passages(draft)
        draft_units = units(draft, self._cutting) if self._cutting is not None else paragraphs
        fresh = [unit for unit in draft_units if unit.branches is None or unit.branches[0] is not keys]
        if fresh:
            # The literals not made of word characters: where most of the draft is new, looked for
            # in the whole draft once, since most are in none of its paragraphs, which then need
            # not look for them (the paragraphs joined hold every literal one of them holds).
            held = keys[1].outside_words("".join(p.lower for p in paragraphs)) if 2 * len(fresh) > len(draft_units) else None
            for unit in fresh:  # all first: a piece's further requirements are looked for in the pieces around it
                unit.word_starts_among(keys[0])
                unit.substrings_among(keys[1], held)
            for unit in fresh:
                unit.branches = (keys, self._branches_in(unit))
        found = draft.cache[self._draft_key] = DraftLiterals(draft_units)
        return found

    def _branches_in(self, unit: Passage) -> Branches:
        """The branches of each word list whose requirements ``unit`` holds all of (for a piece,
        between the cuts around it the branch cannot run over: pieces.py)."""
        begun, anywhere = unit._word_starts[1], unit._substrings[1]  # type: ignore[index]
        found: Branches = {}
        piece = type(unit) is Piece
        for postings, literals in ((self._by_start, begun), (self._by_substring, anywhere)):
            for literal in literals:
                picked = postings.get(literal)
                if picked is None:
                    continue  # a literal of further requirements only
                for serial, i, also in picked:
                    for starts, elsewhere in also:
                        if starts.isdisjoint(begun) and anywhere.isdisjoint(elsewhere):
                            if not piece:
                                break  # a further requirement the paragraph does not meet
                            barriers = self._barriers.get((serial, i))
                            if barriers is None:
                                barriers = self._barriers_of(serial, i)
                            near = unit.arounds[barriers]  # type: ignore[attr-defined]
                            if near is None:
                                near = unit.around(barriers)  # type: ignore[attr-defined]
                            if near is False or (starts.isdisjoint(near[0]) and near[1].isdisjoint(elsewhere)):
                                break
                    else:
                        mine = found.get(serial)
                        if mine is None:
                            found[serial] = {i}
                        else:
                            mine.add(i)
        return found

    def _barriers_of(self, serial: int, i: int) -> int:
        """The cuts of a long paragraph that branch ``i`` of word list ``serial`` cannot run over
        (worked out on first use: a pattern's parse), kept."""
        words = self._lists[serial]()
        if words is None:
            return 0  # gone: no check reads its branches
        found = self._barriers[serial, i] = words.bound(i).barriers
        return found


def _count(counts: dict[str, int], literals, by: int) -> None:
    """Add ``by`` to the count of each literal; a literal whose count falls to nothing is forgotten."""
    for literal in literals:
        left = counts.get(literal, 0) + by
        if left > 0:
            counts[literal] = left
        else:
            counts.pop(literal, None)
