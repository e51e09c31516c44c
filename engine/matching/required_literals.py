"""Required literals: a cheap test that tells when a pattern cannot match a draft at all.

For a pattern, find a set of literal strings such that every match contains at least one of
them (the "required factors" that RE2 and ripgrep extract). A draft that contains none of them
is skipped without running the pattern, which is most drafts for most rules: a substring test
costs a fraction of a regex scan.

A literal that the pattern can only match at the start of a word (``\\bgit``) is marked so, and
is looked up among the draft's words rather than anywhere in its text: "git" is not in
"digital", and "men" is not in "recommend".
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from re import _constants as c  # the standard library's own regex parser (Python 3.11+)
from re import _parser as parser

from .safe_patterns import MAX_PATTERN_DEPTH, nesting_depth
from .word_lookups import WORD, WORD_PREFIX_LIMIT

# Marks, while literals are gathered, one that must begin a word.
WORD_START = "\x00"
# Stands for "some digit" (from \\d): a draft without digits cannot match.
DIGIT = "\x01"


class Literals(NamedTuple):
    """One of these must be in a draft for the pattern to match it."""

    word_starts: frozenset[str]  # each begins a word of the draft
    substrings: tuple[str, ...]  # each is anywhere in the draft


@lru_cache(maxsize=4096)
def requirements(source: str) -> tuple[Literals, ...]:
    """Every independent requirement of ``source``, most selective first; empty if none is known.

    Each is a set of lower-case literals one of which every match contains, and a match
    satisfies all of them: "\\byou're\\s+dead\\b" needs "you're" and "dead". Words that
    nearly every draft holds ("the", "of") come last; together they still rule out a short
    draft that lacks one ("what do we even do").
    """
    if nesting_depth(source) > MAX_PATTERN_DEPTH:
        return ()  # refused before it is compiled (safe_patterns.py); the parser would give up on it
    try:
        tree = parser.parse(source, re.IGNORECASE)
    except (re.error, ValueError, TypeError, OverflowError):
        return ()  # syntax only the regex module knows: no prefilter, the pattern always runs
    found = _sequence(list(tree), word_start=False)
    ranked = sorted(found, key=_selectivity, reverse=True)
    return tuple(dict.fromkeys(_as_literals(c) for c in ranked[:_MAX_REQUIREMENTS]))


def required_literals(source: str) -> Literals | None:
    """Lower-case literals, one of which every match of ``source`` contains; None if unknown."""
    found = requirements(source)
    return found[0] if found else None


# A draft is tested against this many requirements of a pattern at most: the first picks the
# patterns to consider, the others rule most of those out.
_MAX_REQUIREMENTS = 3


def _as_literals(candidate: set[str]) -> Literals:
    starts: set[str] = set()
    rest: set[str] = set()
    for lit in (lit.lower() for lit in candidate):
        key = _word_start_key(lit)
        if key is not None:
            starts.add(key)
        else:
            rest.add(lit.lstrip(WORD_START))
    # "idiot" already finds every word "idiots" would; "fu" every text holding "fuc".
    starts = {s for s in starts if not any(o != s and s.startswith(o) for o in starts)}
    rest = {s for s in rest if not any(o != s and o in s for o in rest)}
    return Literals(frozenset(starts), tuple(sorted(rest)))


def _word_start_key(literal: str) -> str | None:
    """The word-start lookup for a literal that begins a word, or None to look for it anywhere.

    The draft's words are runs of word characters, with what an apostrophe or hyphen joins to
    them ("isn't", "no-one"); a literal that goes on past its word ("best seller") is looked up
    by that word, unless the word is so much weaker a test than the whole literal that looking
    for the whole anywhere is better.
    """
    if not literal.startswith(WORD_START):
        return None
    word = literal[1:]
    head = _leading_word(word)
    if not head or (len(head) < 2 and head != word):
        return None
    if head != word and _word_score(head) + 1 < len(word):
        return None
    return head[:WORD_PREFIX_LIMIT]  # the draft's index holds beginnings up to this long


def _leading_word(text: str) -> str:
    found = WORD.match(text)  # a word as the draft's index knows it (word_lookups.py)
    return found.group() if found else ""


# Words in nearly every draft: a literal that is one of them filters nothing, so any other
# requirement of the pattern is preferred ("\\bnot\\s+for\\s+circulation" is looked up by "circulation").
COMMON_WORDS = frozenset(
    """a about after all also am an and any are as at be been but by can could did do does for from
    get got had has have he her here him his how i if in into is it its just me more my no not now
    of on one or our out over she so some than that the their them then there these they this to
    too up us was we were what when where which who will with would you your""".split()
)


# The beginnings of the common words: a word starting "th" is in every draft.
_COMMON_PREFIXES = frozenset(word[:k] for word in COMMON_WORDS for k in range(1, len(word) + 1))


def _word_score(word: str) -> int:
    if word == DIGIT:
        return 2
    if word in _COMMON_PREFIXES or (len(word) == 1 and word.isalnum()):
        return 0  # in nearly every draft
    return len(word)


def _literal_score(literal: str) -> int:
    key = _word_start_key(literal.lower())
    if key is not None:
        # A literal that must start a word is worth one more character of one that may be anywhere.
        score = _word_score(key)
        return score + 1 if score else 0
    return _word_score(literal.lstrip(WORD_START).lower())


def _selectivity(literals: set[str]) -> tuple[int, int, int]:
    # Among words in nearly every draft, a longer one is still the better test: "would" begins
    # fewer words than "i" does.
    return min(_literal_score(lit) for lit in literals), min(map(len, literals)), -len(literals)


# Past this many alternative spellings, a run of literals stops growing ("[Mm](?:r|rs|s|iss)").
_MAX_SPELLINGS = 64
# Past this length too: no literal looked up is longer than a word's beginning (WORD_PREFIX_LIMIT)
# by much, and a run grown a character at a time costs the square of its length (2 MB: hours).
_MAX_LITERAL_CHARS = 64
# Past this many literals, alternatives require nothing the prefilter uses (the built-in packs' largest is 160).
_MAX_ALTERNATIVES = 1_024


def _too_many(spellings: set[str]) -> bool:
    return len(spellings) > _MAX_SPELLINGS or any(len(s) > _MAX_LITERAL_CHARS for s in spellings)


class _Run:
    """Literal text being read along a sequence: every way the run so far can be spelt."""

    def __init__(self, at_word_start: bool) -> None:
        self.at_word_start = at_word_start
        self.spellings = {""}

    def extend(self, more: set[str]) -> bool:
        longer = {a + b for a in self.spellings for b in more}
        if _too_many(longer):
            return False
        self.spellings = longer
        return True

    def candidate(self) -> set[str] | None:
        if not self.spellings or "" in self.spellings:
            return None
        return {(WORD_START if self.at_word_start and s[0].isalnum() else "") + s for s in self.spellings}


def _sequence(items: list, word_start: bool) -> list[set[str]]:
    """Every requirement of a sequence: its literal runs and what its groups require."""
    candidates: list[set[str]] = []
    run: _Run | None = None
    at_start = word_start

    def close() -> None:
        found = run.candidate() if run else None
        if found:
            candidates.append(found)

    for op, arg in items:
        spelt = _spellings(op, arg)
        if spelt is not None:
            if run is None:
                run = _Run(at_start)
            if not run.extend(spelt):
                close()
                run = _Run(False)
                run.extend(spelt)
            at_start = _after(op, arg, at_start)
            continue
        repeated = _repeated_spellings(op, arg)
        if repeated is not None:
            # "f+u+c+k": every match holds "fu", "uc" and "ck", whatever the counts;
            # "f[*#]{2,}" holds "f*" or "f#".
            if run is None:
                run = _Run(at_start)
            if run.extend(repeated):
                close()
            run = _Run(False)
            run.extend(repeated)
            at_start = _after(op, arg, at_start)
            continue
        close()
        run = None
        candidates.extend(_node(op, arg, at_start))
        at_start = _after(op, arg, at_start)
    close()
    return candidates


def _best(items: list, word_start: bool) -> set[str] | None:
    found = _sequence(items, word_start)
    return max(found, key=_selectivity) if found else None


def _spellings(op, arg) -> set[str] | None:
    """Every text a node can match, when that is a few literal strings ("(?:y|ies)", "[Mm]", "(?:s)?")."""
    char = _one_char(op, arg)
    if char is not None:
        return {char}
    if op is c.IN and arg and all(kind is c.LITERAL for kind, _ in arg) and len(arg) <= 4:
        return {chr(value).lower() for _, value in arg}
    if op is c.SUBPATTERN:
        return _sequence_spellings(list(arg[-1]))
    if op is c.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _sequence_spellings(list(branch))
            if found is None:
                return None
            union |= found
        return union if len(union) <= _MAX_SPELLINGS else None
    if op is c.MAX_REPEAT and arg[0] == 0 and arg[1] == 1:
        found = _sequence_spellings(list(arg[2]))
        return found | {""} if found is not None else None
    return None


def _sequence_spellings(items: list) -> set[str] | None:
    found = {""}
    for op, arg in items:
        more = _spellings(op, arg)
        if more is None:
            return None
        found = {a + b for a in found for b in more}
        if _too_many(found):
            return None
    return found


def _one_char(op, arg) -> str | None:
    """The character a node stands for, if one: a literal, or a class of one letter in both cases ("[Mm]")."""
    if op is c.LITERAL:
        return chr(arg)
    if op is c.IN and arg and all(kind is c.LITERAL for kind, _ in arg):
        chars = {chr(value).lower() for _, value in arg}
        if len(chars) == 1:
            return chars.pop()
    return None


def _repeated_spellings(op, arg) -> set[str] | None:
    """The spellings of one repetition of "c+", "[*#]{2,}": literal text repeated at least once."""
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, item = arg
        if low >= 1:
            found = _sequence_spellings(list(item))
            return found if found and "" not in found else None
    return None


def _after(op, arg, at_start: bool) -> bool:
    """Whether what follows this node starts a word, given whether the node itself started one:
    after \\b or whitespace it does; an optional part ending in whitespace keeps the state before it."""
    if op is c.AT:
        return True if arg is c.AT_BOUNDARY else at_start
    if op is c.ASSERT_NOT:
        # (?<!\\w) and its kin: no word character before, so a word starts here.
        direction, items = arg
        behind_no_word = direction < 0 and any(
            kind is c.IN and any(k is c.CATEGORY and v is c.CATEGORY_WORD for k, v in value) for kind, value in items
        )
        return True if behind_no_word else at_start
    if op is c.ASSERT:
        return at_start
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, item = arg
        repeated = _after_sequence(list(item), at_start)
        return repeated if low >= 1 else at_start and repeated
    if op is c.SUBPATTERN:
        return _after_sequence(list(arg[-1]), at_start)
    if op is c.ATOMIC_GROUP:
        return _after_sequence(list(arg), at_start)
    if op is c.BRANCH:
        return all(_after_sequence(list(branch), at_start) for branch in arg[1])
    return _is_space(op, arg)


def _after_sequence(items: list, at_start: bool) -> bool:
    for op, arg in items:
        at_start = _after(op, arg, at_start)
    return at_start


def _is_space(op, arg) -> bool:
    if op is c.LITERAL:
        return chr(arg).isspace()
    if op is c.IN:
        return all(kind is c.CATEGORY and value is c.CATEGORY_SPACE for kind, value in arg)
    return False


def _node(op, arg, word_start: bool) -> list[set[str]]:
    """What a node that is not plain literal text requires: all of its parts' requirements, or
    for alternatives, the union of the best requirement of each."""
    if op is c.SUBPATTERN:
        return _sequence(list(arg[-1]), word_start)
    if op is c.ATOMIC_GROUP:
        return _sequence(list(arg), word_start)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, item = arg
        return _sequence(list(item), word_start) if low >= 1 else []
    if op is c.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _best(list(branch), word_start)
            if found is None:
                return []
            union |= found
            if len(union) > _MAX_ALTERNATIVES:
                return []
        return [union]
    if op is c.IN and all(kind is c.LITERAL for kind, _ in arg) and 1 <= len(arg) <= 4:
        return [{chr(value).lower() for _, value in arg}]  # "[*#]": one of a few characters
    if op is c.IN and arg == [(c.CATEGORY, c.CATEGORY_DIGIT)]:
        return [{DIGIT}]
    return []  # classes, anchors, look-arounds, back-references: nothing certain
