"""Word lists: several patterns used as one alternation, of which only the branches a draft
holds the words of are run.

Every pattern is split into its branches (alternation.py), each indexed by the literals it
requires (required_literals.py, literal_index.py); for a draft, only the branches whose literals
it holds run, each compiled on first use (or ahead of time: ``WordList.compile``).
"""

from __future__ import annotations

import weakref
from bisect import bisect_left
from collections.abc import Callable, Sequence

import regex

from ..text import Draft
from .analysis_store import AnalysisStore, Branch
from .literal_index import LiteralIndex
from .pieces import Bounds
from .required_literals import DIGIT, Literals
from .safe_patterns import checked, compile_pattern, compile_personal
from .scanning import Span, scan
from .word_lookups import Passage, passages


class WordList:
    """Alternatives run as only the branches whose literals are in the draft.

    The regex module tries every branch of an alternation at every position, so a list of a
    hundred words costs about a hundred times one word, while a draft holds few of them. The
    branches are indexed by the literals of their first requirement; where the draft holds those
    (``LiteralIndex.literals_in``) and the further ones too, a branch can match. Only those are
    run, each compiled on first use (or ahead of time by ``compile``).
    """

    def __init__(self, index: LiteralIndex, branches: Sequence[Branch]) -> None:
        self.index = index
        self.branches = [b.text for b in branches]
        self.patterns: list[regex.Pattern[str] | None] = [None] * len(branches)
        self.personal = [b.personal for b in branches]  # see analysis_store.Branch
        self.always: list[int] = []
        self.serial = index.register(self)
        # What each branch requires ("you're" and "dead"): the first picks it out in the index.
        self.needs: list[tuple[Literals, ...]] = []
        # What bounds each branch's matches around a piece of a long paragraph (pieces.py), worked out on first use.
        self._bounds: list[Bounds | None] = [None] * len(branches)
        for i, needs in enumerate(b.needs for b in branches):
            self.needs.append(needs)
            if not needs:
                self.always.append(i)
                continue
            index.add(self.serial, i, needs)

    def _present(self, draft: Draft) -> list[tuple[regex.Pattern[str], list[Passage], Bounds]]:
        """The branches the draft can match, each with the paragraphs (or pieces of a long one) it
        can match in, and what bounds its matches around a piece (pieces.py)."""
        found = draft.cache.get(self)  # the object, not its id: an id is reused once its list is gone
        if found is not None:
            return found  # type: ignore[return-value]
        patterns, bounds = self.patterns, self._bounds
        where = self.paragraphs(draft)
        found = draft.cache[self] = [
            (patterns[i] or self._pattern(i), where[i], bounds[i] or self.bound(i)) for i in sorted(where)
        ] if where else []  # most lists, for most drafts
        return found

    def paragraphs(self, draft: Draft) -> dict[int, list[Passage]]:
        """The branches the draft can match, each with the paragraphs (or pieces of a long one) that
        hold what it requires, in order (literal_index.py)."""
        found = self.index.literals_in(draft).where.get(self.serial)
        if not self.always:
            return found or {}  # most lists, for most drafts: none
        where = dict(found) if found else {}
        every = list(passages(draft))  # branches the index cannot rule out: every paragraph
        for i in self.always:
            where[i] = every
        return where

    def bound(self, i: int) -> Bounds:
        """What bounds branch ``i``'s matches around a piece (pieces.py), worked out on first use."""
        found = self._bounds[i]
        if found is None:
            found = self._bounds[i] = Bounds(self.branches[i], self.needs[i])
        return found

    def _pattern(self, i: int) -> regex.Pattern[str]:
        pattern = self.patterns[i]
        if pattern is None:
            compile = compile_personal if self.personal[i] else compile_pattern
            pattern = self.patterns[i] = compile(self.branches[i])
        return pattern

    def uncompiled(self) -> list[int]:
        """The branches not compiled yet (each is compiled on first use, or by ``compile``)."""
        return [i for i, pattern in enumerate(self.patterns) if pattern is None]

    def compile(self, i: int) -> None:
        """Compile branch ``i`` (and work out its reach) now rather than on first use."""
        self._pattern(i)
        self.bound(i)

    def spans(self, draft: Draft) -> list[Span]:
        """The branches' matches merged, once per draft: the lists of several packs' detectors are
        one list (``WordLists``), asked by each."""
        key = ("spans", self)
        kept = draft.cache.get(key)
        if kept is not None:
            return kept  # type: ignore[return-value]
        present = self._present(draft)
        if not present:
            return []
        stopped_before = draft.unfinished
        if len(present) == 1:
            pattern, where, bounds = present[0]
            kept = list(scan(pattern, draft, where, bounds))  # one pattern's matches never overlap
        else:
            hits = sorted((h for p, where, bounds in present for h in scan(p, draft, where, bounds)), key=lambda h: (h[0], -h[1]))
            kept = []
            for hit in hits:
                if not kept or hit[0] >= kept[-1][1]:
                    kept.append(hit)
        if draft.unfinished == stopped_before:  # else every read must count the stopped scan again (scanning.py)
            draft.cache[key] = kept
        return kept

    def could_match(self, draft: Draft) -> bool:
        return bool(self._present(draft))

    def matches(self, draft: Draft) -> bool:
        """Whether any branch matches: scans stop at the first that does."""
        return any(scan(pattern, draft, where, bounds) for pattern, where, bounds in self._present(draft))

    def within(self, draft: Draft, start: int, end: int) -> bool:
        """Whether a match in the draft lies within ``draft.text[start:end]``.

        Each pattern is scanned once per draft and its matches kept, since a rule asks this
        for every hit (is the context near this one, is a veto near that one).
        """
        for pattern, where, bounds in self._present(draft):
            spans = scan(pattern, draft, where, bounds)
            i = bisect_left(spans, (start,))  # the first match that starts in the window
            if i < len(spans) and spans[i][1] <= end:
                return True
        return False


class Triggers:
    """Word lists one of which a draft must be able to match for a detector to find anything."""

    __slots__ = ("always", "index", "serials")

    def __init__(self, alternatives: Sequence[Alternatives]) -> None:
        lists = [a.words for a in alternatives if a.words is not None]
        self.always = any(words.always for words in lists)
        self.index = lists[0].index if lists else None  # one engine's lists share one index
        self.serials = tuple({words.serial for words in lists})

    def present(self, draft: Draft) -> bool:
        """Whether the draft holds the words of a branch of one of them: all it requires (no
        pattern is run to tell)."""
        if self.always:
            return True
        if self.index is None:
            return False
        candidates = self.index.literals_in(draft).where
        for serial in self.serials:
            if serial in candidates:
                return True
        return False


class Alternatives:
    """Several patterns used as one alternation: only the branches a draft can match are run.

    Every pattern, and every branch of a pattern that is a word list, is indexed by the literals
    it requires (see required_literals.py); for a draft, only the branches whose literals it holds run.
    Most drafts hold the words of few branches, and many of none.

    Patterns are not compiled here: a pack's own patterns are compiled and probed when the pack
    is loaded (packs.py), the detectors' by the tests, and every branch when first needed. Made
    by ``WordLists.alternatives``.
    """

    __slots__ = ("words",)

    def __init__(self, words: WordList | None) -> None:
        self.words = words

    def __bool__(self) -> bool:
        return self.words is not None

    def could_match(self, draft: Draft) -> bool:
        return self.words is not None and self.words.could_match(draft)

    def matches(self, draft: Draft) -> bool:
        """Whether any of the patterns matches anywhere in the draft."""
        return self.words is not None and self.words.matches(draft)

    def spans(self, draft: Draft) -> list[Span]:
        """Matches in order, leftmost and longest first, none overlapping another (as an alternation gives)."""
        return self.words.spans(draft) if self.words is not None else []

    def found(self, draft: Draft, start: int, end: int) -> bool:
        """Whether a match of any of the patterns lies within ``draft.text[start:end]``."""
        return self.words is not None and self.words.within(draft, start, end)


class WordLists:
    """Every word list one engine built, and the literal index a draft is looked up in for all of them.

    Lists are known by their branches: the same list (insults, words of criticism) in the
    detectors of five packs is one list, whose branches a draft works out once rather than once
    per pack. Lists are held weakly: those of a pack built for an identity no longer in use go,
    and their entries in the index with them.
    """

    def __init__(self, store: AnalysisStore) -> None:
        self.store = store
        self.index = LiteralIndex()
        self._by_branches: weakref.WeakValueDictionary[tuple[str, ...], WordList] = weakref.WeakValueDictionary()

    def alternatives(self, sources: Sequence[str], analyse: Callable[[str], list[Branch]] | None = None) -> Alternatives:
        """The patterns as one alternation of their branches; ``analyse`` gives each pattern's
        branches (the store's analysis, unless a detector's organisation fills its names in)."""
        analyse = analyse or self.store.branches
        branches = [branch for source in sources for branch in analyse(checked(source))]
        return Alternatives(self._shared(branches) if branches else None)

    def _shared(self, branches: list[Branch]) -> WordList:
        texts = tuple(b.text for b in branches)
        words = self._by_branches.get(texts)
        if words is None:
            words = self._by_branches[texts] = WordList(self.index, branches)
        return words

    def built(self) -> list[WordList]:
        """The word lists in use now."""
        return list(self._by_branches.values())

    def indexed_literals(self) -> list[str]:
        """Every literal drafts are looked up by, over the word lists built so far: the words the
        rules look for, from which tests and benchmarks build hostile drafts ("1" stands for any digit)."""
        word_starts, substrings = self.index.lookup_keys()
        return sorted({literal.replace(DIGIT, "1") for literal in word_starts.literals | substrings.literals})
