"""What every detector shares: the registry, scans that stop only runaway patterns, and word lists."""

from __future__ import annotations

import logging
from bisect import bisect_left
import time
import weakref
from collections.abc import Callable, Sequence
from typing import ClassVar, Protocol

import regex
from pydantic import BaseModel, ConfigDict

from ..text import Draft, Passage, Substrings, WordStarts
from .analysis_store import STORE, Branch
from .limits import MATCH_TIMEOUT_S, Runaway, cpu_limit, run_bounded  # noqa: F401 (MATCH_TIMEOUT_S: re-exported)
# Re-exported: detectors and the pack loader take these from here.
from .patterns import (  # noqa: F401
    FLAGS, PatternError, checked, compile_pattern, compile_personal, hostile_inputs, probe_pattern,
)
from .prefilter import DIGIT, Literals

log = logging.getLogger("decorum.engine")

Span = tuple[int, int]


class _Stopped(tuple):
    """What a scan stopped as runaway found: nothing. Kept as the scan's answer for the draft, so
    that every rule that reads it, first or later, is told it could not finish."""


_STOPPED = _Stopped()


def _stopped(pattern: regex.Pattern[str], length: int) -> _Stopped:
    log.warning(
        "pattern %r timed out (over %.2f s of CPU time) on %d characters; the rules using it did not finish",
        pattern.pattern[:80], cpu_limit(length), length,
    )
    return _STOPPED


def _matches(pattern: regex.Pattern[str], text: str, parts: Sequence[Span], timeout: float) -> list[Span]:
    """Every match of ``pattern`` in each part of ``text``, within ``timeout`` (see limits.py) for all together."""
    if len(parts) == 1:
        return [match.span() for match in pattern.finditer(text, *parts[0], timeout=timeout)]
    clock = time.monotonic  # cheap; a try it cuts short is judged by its CPU time (limits.run_bounded)
    deadline = clock() + timeout
    found: list[Span] = []
    for start, end in parts:
        left = deadline - clock()
        if left <= 0:
            raise TimeoutError
        found += [match.span() for match in pattern.finditer(text, start, end, timeout=left)]
    return found


def scan(pattern: regex.Pattern[str], draft: Draft, where: tuple[Passage, ...]) -> Sequence[Span]:
    """Every match of ``pattern`` in those paragraphs of the draft, computed once per draft whoever asks.

    No match runs on across a blank line (see text.py). Callers pass the paragraphs found to
    hold the pattern's literals (see ``_WordList``), which are the same whoever asks. A pattern
    has the CPU time of the whole draft for all of them together; one that runs past it is
    stopped and finds nothing, and the draft counts each read of that (``Draft.unfinished``).
    """
    key = ("scan", pattern)
    found = draft.cache.get(key)
    if found is None:
        parts = [(part.start, part.end) for part in where]
        text = draft.text
        try:
            found = run_bounded(lambda wall: _matches(pattern, text, parts, wall), cpu_limit(len(text)))
        except Runaway:
            found = _stopped(pattern, len(text))
        draft.cache[key] = found
    if found is _STOPPED:
        draft.unfinished += 1
    return found  # type: ignore[return-value]


def search(pattern: regex.Pattern[str], draft: Draft, pos: int, endpos: int) -> Span | None:
    """The first match of ``pattern`` in ``draft.text[pos:endpos]``, or None (also when it is stopped
    as runaway, which the draft counts, as ``scan`` does)."""
    text = draft.text
    try:
        match = run_bounded(lambda wall: pattern.search(text, pos, endpos, timeout=wall), cpu_limit(endpos - pos))
    except Runaway:
        _stopped(pattern, endpos - pos)
        draft.unfinished += 1
        return None
    return match.span() if match else None


class Params(BaseModel):
    """Base for a detector's parameters: unknown keys are an error that names the key."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Context(Protocol):
    """What a detector may ask about the organisation whose pack it serves."""

    def branches(self, source: str) -> list[Branch]: ...

    def references(self, draft: Draft) -> list[Span]: ...


class Detector(Protocol):
    """A compiled detector: finds the spans in a draft where its rule is broken."""

    Params: ClassVar[type[Params]]

    def find(self, draft: Draft) -> list[Span]: ...


REGISTRY: dict[str, type] = {}


def register(name: str) -> Callable[[type], type]:
    """Class decorator that makes a detector available to packs under ``name``."""

    def add(cls: type) -> type:
        REGISTRY[name] = cls
        return cls

    return add


_WORD_LISTS: "weakref.WeakSet[_WordList]" = weakref.WeakSet()


def warm(pause: float = 0.0) -> None:
    """Compile every branch of every word list built so far (they are otherwise compiled on first use).

    ``pause`` seconds between branches hand the interpreter back to whoever is checking a draft
    meanwhile (the host warms up in a background thread while it already serves).
    """
    for words in list(_WORD_LISTS):
        words.warm(pause)


# A paragraph a word list visits: the paragraph, the literals it holds (beginning a word, and
# anywhere), and the branches of the list its literals pick out.
_Visit = tuple[Passage, frozenset[str], frozenset[str], list[int]]


class _LiteralIndex:
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
        self._gone: set[int] = set()

    def register(self, words: _WordList) -> int:
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
        gone, self._gone = self._gone, set()
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
            self._keys = (
                WordStarts(frozenset(self.by_word_start).union(self._further_words)),
                Substrings(frozenset(self.by_substring).union(self._further)),
            )
        return self._keys

    def lists_in(self, draft: Draft) -> dict[int, list[_Visit]]:
        """For each word list (by serial number), the draft's paragraphs holding the first requirement
        of one of its branches: each with the literals it holds (for the further requirements) and
        those branches. A list visits only these paragraphs.

        Each paragraph looks its words and text up here once.
        """
        if not self._gone:  # else entries of lists that are gone are pruned first, under a new key
            found = draft.cache.get(self._draft_key)
            if found is not None:
                return found  # type: ignore[return-value]
        word_starts, substrings = self.lookup_keys()
        found = draft.cache[self._draft_key] = {}
        by_word_start, by_substring = self.by_word_start, self.by_substring
        for passage in draft.passages:
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


_INDEX = _LiteralIndex()


def indexed_literals() -> list[str]:
    """Every literal drafts are looked up by, over the word lists built so far: the words the rules
    look for, from which tests and benchmarks build hostile drafts ("1" stands for any digit)."""
    word_starts, substrings = _INDEX.lookup_keys()
    return sorted({literal.replace(DIGIT, "1") for literal in word_starts.literals | substrings.literals})


class _WordList:
    """Alternatives run as only the branches whose literals are in the draft.

    The regex module tries every branch of an alternation at every position, so a list of a
    hundred words costs about a hundred times one word, while a draft holds few of them. An
    index from each branch's required literals (``_LiteralIndex``) finds the branches a draft
    can match; only those are run, each compiled on first use (or ahead of time by ``warm``).
    """

    def __init__(
        self, branches: list[str], requirements: list[tuple[Literals, ...]] | None = None, personal: list[bool] | None = None
    ) -> None:
        self.branches = branches
        self.patterns: list[regex.Pattern[str] | None] = [None] * len(branches)
        self.personal = personal or [False] * len(branches)  # see analysis_store.Branch
        _WORD_LISTS.add(self)
        self.always: list[int] = []
        self.serial = _INDEX.register(self)
        # What each branch found by the index must also hold ("you're" and "dead"): for each
        # further requirement, the literals that begin a word and those that may be anywhere.
        self.also: list[tuple[Literals, ...]] = []
        for i, needs in enumerate(requirements if requirements is not None else map(STORE.requirements, branches)):
            self.also.append(needs[1:])  # each (word starts, substrings)
            if not needs:
                self.always.append(i)
                continue
            _INDEX.add(self.serial, i, needs)

    def _present(self, draft: Draft) -> list[tuple[regex.Pattern[str], tuple[Passage, ...]]]:
        """The branches the draft can match, each with the paragraphs it can match in."""
        found = draft.cache.get(self)  # the object, not its id: an id is reused once its list is gone
        if found is not None:
            return found  # type: ignore[return-value]
        visits = _INDEX.lists_in(draft).get(self.serial, ())
        if not (visits or self.always):
            found = draft.cache[self] = []  # most lists, for most drafts
            return found
        if self.always:  # branches the index cannot rule out: every paragraph is visited
            visits = self._every_paragraph(draft, visits)
        # Plain loops and tuples: this runs for every word list on every pause in typing.
        always, also = self.always, self.also
        where: dict[int, list[Passage]] = {}
        add = where.setdefault
        for passage, begun, anywhere, indexed in visits:
            for i in indexed + always if always else indexed:  # each once (see lists_in)
                for starts, elsewhere in also[i]:
                    if starts.isdisjoint(begun) and anywhere.isdisjoint(elsewhere):
                        break  # a further requirement the paragraph does not meet
                else:
                    add(i, []).append(passage)
        patterns = self.patterns
        found = draft.cache[self] = [(patterns[i] or self._pattern(i), tuple(where[i])) for i in sorted(where)]
        return found

    @staticmethod
    def _every_paragraph(draft: Draft, visits: list[_Visit]) -> list[_Visit]:
        indexed = {visit[0]: visit for visit in visits}  # a paragraph is known by itself
        word_starts, substrings = _INDEX.lookup_keys()
        return [
            indexed.get(p) or (p, p.word_starts_among(word_starts), p.substrings_among(substrings), [])
            for p in draft.passages
        ]

    def _pattern(self, i: int) -> regex.Pattern[str]:
        pattern = self.patterns[i]
        if pattern is None:
            compile = compile_personal if self.personal[i] else compile_pattern
            pattern = self.patterns[i] = compile(self.branches[i])
        return pattern

    def warm(self, pause: float = 0.0) -> None:
        """Compile every branch now rather than on first use."""
        for i in range(len(self.branches)):
            if self.patterns[i] is None:
                self._pattern(i)
                if pause:
                    time.sleep(pause)

    def spans(self, draft: Draft) -> list[Span]:
        present = self._present(draft)
        if not present:
            return []
        if len(present) == 1:
            return list(scan(present[0][0], draft, present[0][1]))  # one pattern's matches never overlap
        hits = sorted((h for p, where in present for h in scan(p, draft, where)), key=lambda h: (h[0], -h[1]))
        kept: list[Span] = []
        for hit in hits:
            if not kept or hit[0] >= kept[-1][1]:
                kept.append(hit)
        return kept

    def could_match(self, draft: Draft) -> bool:
        return bool(self._present(draft))

    def matches(self, draft: Draft) -> bool:
        """Whether any branch matches: scans stop at the first that does."""
        return any(scan(pattern, draft, where) for pattern, where in self._present(draft))

    def within(self, draft: Draft, start: int, end: int) -> bool:
        """Whether a match in the draft lies within ``draft.text[start:end]``.

        Each pattern is scanned once per draft and its matches kept, since a rule asks this
        for every hit (is the context near this one, is a veto near that one).
        """
        for pattern, where in self._present(draft):
            spans = scan(pattern, draft, where)
            i = bisect_left(spans, (start,))  # the first match that starts in the window
            if i < len(spans) and spans[i][1] <= end:
                return True
        return False


class Triggers:
    """Word lists one of which a draft must hold the words of for a detector to find anything."""

    __slots__ = ("always", "serials")

    def __init__(self, alternatives: tuple[Alternatives, ...]) -> None:
        lists = [a.words for a in alternatives if a.words is not None]
        self.always = any(words.always for words in lists)
        self.serials = tuple({words.serial for words in lists})

    def present(self, draft: Draft) -> bool:
        """Whether the draft holds them: the index's first requirement, before the further ones."""
        if self.always:
            return True
        candidates = _INDEX.lists_in(draft)
        for serial in self.serials:
            if serial in candidates:
                return True
        return False


# Word lists by their branches: the same list (insults, words of criticism) in the detectors of
# five packs is one list, whose branches a draft works out once rather than once per pack.
_SHARED: "weakref.WeakValueDictionary[tuple[str, ...], _WordList]" = weakref.WeakValueDictionary()


def _shared_word_list(branches: list[Branch]) -> _WordList:
    texts = tuple(b.text for b in branches)
    words = _SHARED.get(texts)
    if words is None:
        words = _SHARED[texts] = _WordList(list(texts), [b.needs for b in branches], [b.personal for b in branches])
    return words


class Alternatives:
    """Several patterns used as one alternation: only the branches a draft can match are run.

    Every pattern, and every branch of a pattern that is a word list, is indexed by the literals
    it requires (see prefilter.py); for a draft, only the branches whose literals it holds run.
    Most drafts hold the words of few branches, and many of none.

    Patterns are not compiled here: a pack's own patterns are compiled and probed when the pack
    is loaded (packs.py), the detectors' by the tests, and every branch when first needed.
    ``analyse`` gives each pattern's branches: a detector passes its organisation's
    (``Context.branches``), which fills in the organisation's names.
    """

    def __init__(self, sources: list[str], analyse: Callable[[str], list[Branch]] = STORE.branches) -> None:
        branches = [branch for source in sources for branch in analyse(checked(source))]
        self.words = _shared_word_list(branches) if branches else None

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
