"""Which of many literals a paragraph of a draft holds: looked up per word, and kept per word.

A draft is matched paragraph by paragraph (``Passage``): each paragraph's text lower-cased and
its words, in which the literals the rules require (required_literals.py) are looked up once for
every word list at once (literal_index.py). Drafts use the same few thousand words over and
over, so which literals a word holds is worked out once per word and kept.
"""

from __future__ import annotations

import re
from array import array

from ..text import Draft, paragraph_bounds

# A word and what an apostrophe or hyphen joins to it ("you're", "no-one"): literals that begin a
# word are looked up among the beginnings of these, and of what follows each joint ("re", "one").
WORD = re.compile(r"\w+(?:['-]\w+)*")
_JOINTS = ("'", "-")
_DIGIT = re.compile(r"\d")
# Beginnings longer than this are not looked up (see required_literals.py).
WORD_PREFIX_LIMIT = 24
# Words whose literals are kept (WordStarts, Substrings): more than a member writes between two starts.
_WORDS_KEPT = 20_000


def _pair_codes(text: str) -> set[int]:
    """Every two neighbouring characters of ``text``, each pair read as one 64-bit number.

    In UTF-32 a pair is eight bytes; two arrays (from the first character and from the second)
    list them all, in C: several times faster than making a string of every pair.
    """
    wide = text.encode("utf-32-le", "surrogatepass")
    n = len(wide) // 4
    codes = set(array("Q", wide[: 4 * (n - n % 2)]))
    codes.update(array("Q", wide[4 : 4 * (n - (n - 1) % 2)]))
    return codes


def _keep(per_word: dict[str, tuple[str, ...]], word: str, literals: tuple[str, ...]) -> tuple[str, ...]:
    """Remember the literals ``word`` holds; past ``_WORDS_KEPT`` words, start again."""
    if len(per_word) >= _WORDS_KEPT:
        per_word.clear()
    per_word[word] = literals
    return literals


# Characters most text holds few of: a literal with one ("#gtto", "b*tch", "@ipemnews") is looked
# for only in text that holds that character.
_RARE = frozenset("#@*!/&()%£+=$?:,;\"|~^<>[]{}\\_0123456789")
_WORD_CHARS = re.compile(r"\w+")


# Joins the stretches of text around a rare character (``_RareGroup``): no literal holding it is looked for there.
_APART = "\x00"
# Cutting out the stretch around one occurrence of a rare character costs about as much as looking
# for a literal in this many characters (measured): with many occurrences, the text is searched whole.
_STEP_COST = 1000


class _RareGroup:
    """Literals that hold one rare character ("#gtto", "@ipemnews"), looked for only around where
    the text holds it: a draft holds a few "#", and a hundred hashtags searched for in all of a
    long draft cost more than the rest of its literals."""

    __slots__ = ("char", "literals", "before", "after")

    def __init__(self, char: str, literals: list[str]) -> None:
        self.char = char
        self.literals = tuple(literals)
        # Every occurrence of a literal holds the character this far into it, and reaches this far past it.
        self.before = max(lit.index(char) for lit in literals)
        self.after = max(len(lit) - lit.index(char) for lit in literals)

    def found_in(self, lower: str) -> list[str]:
        """Those of the literals in ``lower``."""
        count = lower.count(self.char)
        if not count:
            return []
        near = lower
        literals = len(self.literals)
        if count * (literals * (self.before + self.after) + _STEP_COST) < literals * len(lower):
            # Each stretch is text of ``lower``, and a literal cannot run across the joint between two.
            stretches, at = [], lower.find(self.char)
            while at >= 0:
                stretches.append(lower[max(0, at - self.before) : at + self.after])
                at = lower.find(self.char, at + 1)
            near = _APART.join(stretches)
        return [lit for lit in self.literals if lit in near]


class Substrings:
    """Literals looked for anywhere in drafts ("\\x01" stands for any digit).

    A literal of word characters only ("rcr", "ing") lies within one word: which of them each
    word holds is worked out once per word and kept, as drafts reuse their words. The others are
    looked for only where a rare character of theirs is, or else in every text.
    """

    def __init__(self, literals: frozenset[str]) -> None:
        self.literals = literals
        self.digit = "\x01" in literals
        self.singles = tuple(lit for lit in literals if len(lit) == 1 and lit != "\x01")
        in_words = [lit for lit in literals if len(lit) > 1 and _WORD_CHARS.fullmatch(lit)]
        # Those inside words, by their first two characters, for a word met for the first time.
        by_pair: dict[int, list[str]] = {}
        for lit in in_words:
            by_pair.setdefault(_pair_codes(lit[:2]).pop(), []).append(lit)
        self._in_words_by_pair = {pair: tuple(group) for pair, group in by_pair.items()}
        self._in_words_pairs = frozenset(by_pair)
        self._within: dict[str, tuple[str, ...]] = {}
        by_char: dict[str, list[str]] = {}
        plain: list[str] = []
        for lit in literals.difference(in_words, self.singles, {"\x01"}):
            rare = next((c for c in lit if c in _RARE or not c.isascii()), None)
            if rare is None or _APART in lit:
                plain.append(lit)
            else:
                by_char.setdefault(rare, []).append(lit)
        self.by_char = {c: _RareGroup(c, group) for c, group in by_char.items()}
        self.plain = tuple(plain)

    def outside_words(self, lower: str) -> list[str]:
        """Those of the literals not made of word characters that are in ``lower``."""
        found = [lit for group in self.by_char.values() for lit in group.found_in(lower)]
        found += [lit for lit in self.plain if lit in lower]
        found += [lit for lit in self.singles if lit in lower]
        return found

    def found_in(self, lower: str, words: set[str], outside: list[str] | None = None) -> frozenset[str]:
        """Those of the literals in ``lower``, whose words (see ``word_starts``) are ``words``; of
        those not made of word characters, only ``outside`` are looked for when given (those the
        text ``lower`` is part of holds: its draft, or a piece's paragraph, pieces.py)."""
        found = self.outside_words(lower) if outside is None else [lit for lit in outside if lit in lower]
        within = self._within
        for word in words:
            known = within.get(word)
            if known is None:
                groups = (self._in_words_by_pair[pair] for pair in self._in_words_pairs.intersection(_pair_codes(word)))
                known = _keep(within, word, tuple(lit for group in groups for lit in group if lit in word))
            found += known
        if self.digit and _DIGIT.search(lower):
            found.append("\x01")
        return frozenset(found)


def word_starts(lower: str) -> set[str]:
    """Every word of ``lower``, and the beginning of what follows each apostrophe or hyphen within one.

    Only the first ``WORD_PREFIX_LIMIT`` characters after a joint are kept: no literal looked up
    is longer, and the whole word is there for literals inside it. Every suffix in full would
    make a word of 63,000 characters joined 30,000 times ("a'a'a…") cost a gigabyte.
    """
    words = set(WORD.findall(lower))
    for word in [w for w in words if "'" in w or "-" in w]:
        words.update(word[k + 1 : k + 1 + WORD_PREFIX_LIMIT] for k, c in enumerate(word) if c in _JOINTS)
    return words


class WordStarts:
    """Literals looked for at the beginning of words ("you" begins "you're" and "young").

    Drafts use the same few thousand words over and over: which of the literals begin a word is
    worked out once per word and kept (a fresh instance, made when the literals change, forgets).
    """

    def __init__(self, literals: frozenset[str]) -> None:
        self.literals = literals
        self._begun: dict[str, tuple[str, ...]] = {}

    def found_in(self, words: set[str]) -> frozenset[str]:
        """Those of the literals that begin one of ``words``."""
        begun, found = self._begun, []
        for word in words:
            known = begun.get(word)
            if known is None:
                beginnings = (word[:k] for k in range(1, min(len(word), WORD_PREFIX_LIMIT) + 1))
                known = _keep(begun, word, tuple(b for b in beginnings if b in self.literals))
            found += known
        return frozenset(found)


# The branches of each word list (by serial number) a passage can match (literal_index.py).
Branches = dict[int, set[int]]


class Passage:
    """A paragraph of a draft (or a piece of a long one: pieces.py): where it is, its text
    lower-cased and its words, in which the literals rules require are looked up (see
    required_literals.py), and which branches of the word lists it can match."""

    __slots__ = ("start", "end", "lower", "_words", "_word_starts", "_substrings", "branches")

    def __init__(self, lower: str, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.lower = lower
        self._words: set[str] | None = None
        self._word_starts: tuple[WordStarts, frozenset[str]] | None = None
        self._substrings: tuple[Substrings, frozenset[str]] | None = None
        # Set by the literal index, after its keys (``LiteralIndex.lookup_keys``): the branches it can match.
        self.branches: tuple[tuple[WordStarts, Substrings], Branches] | None = None

    @property
    def words(self) -> set[str]:
        """The passage's words (``word_starts``), found on first use: a long paragraph looked up
        piece by piece (pieces.py) needs no words of its own."""
        if self._words is None:
            self._words = word_starts(self.lower)
        return self._words

    def take(self, earlier: Passage) -> None:
        """What a passage of the same text looked up (a paragraph of the last draft of the same
        compose box, recall.py): it depends on the text alone."""
        self._words, self._word_starts, self._substrings = earlier._words, earlier._word_starts, earlier._substrings
        self.branches = earlier.branches

    # Callers pass the same set of every literal they look for, draft after draft, so that it is
    # looked for once per passage, not once per pattern.

    def word_starts_among(self, literals: WordStarts) -> frozenset[str]:
        """Those of ``literals`` that begin a word of the passage."""
        if self._word_starts is None or self._word_starts[0] is not literals:
            self._word_starts = (literals, literals.found_in(self.words))
        return self._word_starts[1]

    def substrings_among(self, literals: Substrings, held: list[str] | None = None) -> frozenset[str]:
        """Those of ``literals`` that occur anywhere in the passage ("\\x01": any digit); of those
        not made of word characters, only ``held`` are looked for when given (those the whole draft
        holds: most are in none of its paragraphs)."""
        if self._substrings is None or self._substrings[0] is not literals:
            self._substrings = (literals, literals.found_in(self.lower, self.words, held))
        return self._substrings[1]


def passages(draft: Draft) -> tuple[Passage, ...]:
    """The draft's paragraphs as the literal index reads them, made once per draft; a draft of
    one paragraph is one passage."""
    found = draft.cache.get(Passage)
    if found is None:
        # Bounds found in the text, not its lower case: lower-casing may change a string's length.
        text = draft.text
        found = draft.cache[Passage] = tuple(Passage(text[start:end].lower(), start, end) for start, end in paragraph_bounds(text))
        earlier = draft.before.draft if draft.before is not None else None
        if earlier is not None:
            by_text = {passage.lower: passage for passage in passages(earlier)}
            for passage in found:
                same = by_text.get(passage.lower)
                if same is not None:
                    passage.take(same)
    return found  # type: ignore[return-value]
