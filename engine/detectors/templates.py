"""Pack patterns that name the organisation, analysed once whatever the organisation is.

Building a pack means splitting each pattern into branches and finding the literals each branch
requires (matching/). A pattern such as ``{org_or_alias}\\s+is\\s+delighted`` was analysed
with the organisation's names written in, so each identity a member typed cost that again (half
a second and more for ten names) and added its analysis to the store on disk.

Here such a pattern is analysed with a stand-in where the organisation goes, and stored like any
other pattern, since it names no one. For an identity the stand-in is filled in:

- where the split spreads the stand-in's alternatives over branches (it spreads the first group
  it meets), each of those branches becomes one branch per way of naming the organisation,
  exactly as the split of the filled-in pattern gives them; such a branch requires what its
  template requires and what that name requires;
- elsewhere the organisation's whole alternation takes the stand-in's place, and the branch
  requires what its template requires (where the organisation is, nothing is assumed).

The split keeps a pattern whole where the text around the group it would spread is long, and the
organisation's alternation is as long as its names make it: for a pattern where that can matter,
the split is worked out (with stand-ins made as long as needed) for every length at which it
changes, and stored with the rest. Only the identity's own reference patterns, a few short ones
per name, are analysed per identity, in memory; nothing about an identity is written to disk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from ..matching.alternation import MAX_CONTEXT as _LONGEST_CONTEXT  # the split's only rule that looks at lengths
from ..matching.alternation import split_alternation
from ..matching.analysis_store import AnalysisStore, Branch
from ..matching.required_literals import COMMON_WORDS, Literals, requirements
from .lexicons import default_lexicons

ORG, ORG_OR_ALIAS = "{org}", "{org_or_alias}"
PARTY = "{party}"


@lru_cache(maxsize=1)
def parties() -> str:
    """What ``{party}`` stands for in a pattern: any UK or Irish party (engine/lexicons/political.toml)."""
    return default_lexicons()["political"].pattern("parties")

# Each slot's stand-in is a group of two Unicode noncharacters, which no text carries: a group of
# alternatives, like the organisation's, so that the split spreads it wherever it would spread the
# names. The first marks where a name goes; branches holding the second are the same again.
_MARKS = {ORG: ("\ufdd0", "\ufdd1"), ORG_OR_ALIAS: ("\ufdd2", "\ufdd3")}
_LONE = {slot: first for slot, (first, _) in _MARKS.items()}
_SECONDS = tuple(second for _, second in _MARKS.values())
_STAND_INS = {slot: f"(?:{first}|{second})" for slot, (first, second) in _MARKS.items()}
_INTACT = re.compile("|".join(map(re.escape, _STAND_INS.values())))
_SLOT_OF_INTACT = {stand_in: slot for slot, stand_in in _STAND_INS.items()}
# A third alternative of this, as long as needed, makes a stand-in as long as an alternation;
# the shortest so made, and no alternation of ways of naming the organisation is shorter.
_PAD = "\ufdd4"
_SHORTEST = 9
_RESERVED = (*_LONE.values(), *_SECONDS, _PAD)
# Where the organisation is, in what a branch is said to require: anything at all.
_ANYTHING = r"(?:[\s\S]*)"
# A branch is tested against this many requirements at most, as required_literals.py gives them.
_MOST_REQUIREMENTS = 3


class Template(NamedTuple):
    """A branch of a pack pattern, the organisation left open."""

    # Around the one place where a name goes (``slot``), or the whole branch (``slot`` None, and
    # ``after`` empty); either may hold whole stand-ins, for the organisation's whole alternation.
    before: str
    after: str
    slot: str | None
    needs: tuple[Literals, ...]  # what the branch requires, wherever the organisation is


def names_organisation(source: str) -> bool:
    return ORG in source or ORG_OR_ALIAS in source


class Templates:
    """The packs' patterns analysed once, the organisation left open: the analysis store's answers
    (one engine's), kept in memory so that building a pack for another identity reads nothing again."""

    def __init__(self, store: AnalysisStore) -> None:
        self.store = store
        # Kept per pattern, as many as the packs hold (lru_cache: safe to share between threads).
        self.fixed = lru_cache(maxsize=4096)(self._fixed)
        self.template = lru_cache(maxsize=4096)(self._template_of)
        self._shapes = lru_cache(maxsize=1024)(self._shapes_of)
        self._needs = lru_cache(maxsize=4096)(self.store.requirements)

    def _fixed(self, source: str) -> tuple[Branch, ...]:
        """The branches of a pattern that names no organisation (``{party}`` filled in), each with
        what it requires."""
        return tuple(self.store.branches(source.replace(PARTY, parties())))

    def _template_of(self, source: str) -> tuple[Template, ...] | None:
        """The branches of a pattern that names the organisation, the organisation left open. None
        when the split may depend on the alternation's length (``sized``)."""
        if any(mark in source for mark in _RESERVED):
            return None
        branches = self.store.split(_with_stand_ins(source))
        # Where a stand-in is spread, or where nothing is, its length decides nothing.
        if len(branches) > 1 and any(_INTACT.search(b) for b in branches):
            return None
        return self._templates(branches)

    def sized(self, source: str, org_length: int, alias_length: int) -> tuple[Template, ...] | None:
        """As ``template``, for alternations of these lengths; None for the rare pattern that must be
        analysed with the names written in (``exact``)."""
        if any(mark in source for mark in _RESERVED) or min(org_length, alias_length) < _SHORTEST:
            return None
        # Past the limit, any length keeps a pattern whole wherever that one does.
        lengths = {ORG: min(org_length, _LONGEST_CONTEXT + 1), ORG_OR_ALIAS: min(alias_length, _LONGEST_CONTEXT + 1)}
        slots = [slot for slot in _MARKS if slot in source]
        if len(slots) > 1:  # the split turns on two lengths at once: split for these (no built-in pattern does)
            return self._templates(_split_sized(source, lengths))
        shapes = self._shapes(source, slots[0])
        return next(templates for shortest, templates in reversed(shapes) if shortest <= lengths[slots[0]])

    def _shapes_of(self, source: str, slot: str) -> list[tuple[int, tuple[Template, ...] | None]]:
        """How the split of ``source`` changes with the length of the slot's alternation: for each
        length from which it changes, the templates from there on. Stored (it names no one), and
        kept, every one analysed now, so that no identity has to read the store."""
        stored = self.store.shapes(_with_stand_ins(source), lambda _: _changes_of_shape(source, slot))
        return [(shortest, self._templates(list(branches))) for shortest, branches in stored]

    def _templates(self, branches: list[str]) -> tuple[Template, ...] | None:
        found = [self._template(b) for b in branches if not any(second in _INTACT.sub("", b) for second in _SECONDS)]
        return None if None in found else tuple(found)  # type: ignore[arg-type]

    def _template(self, branch: str) -> Template | None:
        """The branch as a template; None if more than one name would go in it (the split never does that)."""
        outside = _INTACT.sub("", branch)
        spread = [slot for slot, lone in _LONE.items() if lone in outside]
        needs = self._needs(_anything_for_the_organisation(branch))
        if not spread:
            return Template(branch, "", None, needs)
        if len(spread) > 1 or outside.count(_LONE[spread[0]]) > 1:
            return None
        before, after = _around_lone_mark(branch, _LONE[spread[0]])
        return Template(before, after, spread[0], needs)


def _changes_of_shape(source: str, slot: str) -> list[tuple[int, list[str]]]:
    """Found by halving: the split only ever keeps more of a pattern whole as a stand-in grows, so
    the same split at two lengths is the same split at every length between them."""

    def split_at(length: int) -> list[str]:
        return _split_sized(source, {slot: length})

    shortest, longest = _SHORTEST, _LONGEST_CONTEXT + 1
    changes = [(shortest, split_at(shortest))]

    def find(low: int, low_split: list[str], high: int, high_split: list[str]) -> None:
        if low_split == high_split:
            return
        if high - low == 1:
            changes.append((high, high_split))
            return
        middle = (low + high) // 2
        middle_split = split_at(middle)
        find(low, low_split, middle, middle_split)
        find(middle, middle_split, high, high_split)

    find(shortest, changes[0][1], longest, split_at(longest))
    return changes


def _split_sized(source: str, lengths: Mapping[str, int]) -> list[str]:
    """The split of ``source`` with stand-ins as long as these, then given back their short form."""
    marked = _with_stand_ins(source)
    for slot, length in lengths.items():
        marked = marked.replace(_STAND_INS[slot], _padded(slot, length))
    unpadded = [_unpadded(b, lengths) for b in split_alternation(marked)]
    return [b for b in unpadded if _PAD not in b]  # those holding the third alternative go


def _with_stand_ins(source: str) -> str:
    source = source.replace(PARTY, parties())
    for slot, stand_in in _STAND_INS.items():
        source = source.replace(slot, stand_in)
    return source


def _padded(slot: str, length: int) -> str:
    """The slot's stand-in made ``length`` long (at least ``_SHORTEST``) by a third alternative."""
    first, second = _MARKS[slot]
    head = f"(?:{first}|{second}|"
    return head + _PAD * max(1, length - len(head) - 1) + ")"


def _unpadded(branch: str, lengths: Mapping[str, int]) -> str:
    for slot, length in lengths.items():
        branch = branch.replace(_padded(slot, length), _STAND_INS[slot])
    return branch


def _anything_for_the_organisation(branch: str) -> str:
    branch = _INTACT.sub(lambda _: _ANYTHING, branch)
    for lone in _LONE.values():
        branch = branch.replace(lone, _ANYTHING)
    return branch


def _around_lone_mark(branch: str, mark: str) -> tuple[str, str]:
    """The branch before and after its one mark that is not inside a whole stand-in."""
    at = 0
    for intact in [*_INTACT.finditer(branch), None]:
        found = branch.find(mark, at, intact.start() if intact else len(branch))
        if found >= 0:
            return branch[:found], branch[found + 1 :]
        at = intact.end() if intact else at
    raise ValueError(f"no lone mark in {branch!r}")


def fill(templates: Sequence[Template], alternations: Mapping[str, str], names: Mapping[str, Sequence[Branch]]) -> list[Branch]:
    """The branches of a pattern for one organisation: ``alternations`` holds, for each slot, the
    whole alternation of the ways of naming it; ``names`` each of those ways, with what it requires."""

    def whole(text: str) -> str:
        return _INTACT.sub(lambda m: alternations[_SLOT_OF_INTACT[m.group()]], text)

    filled: list[Branch] = []
    for t in templates:
        if t.slot is not None:
            before, after = whole(t.before), whole(t.after)
            filled += [Branch(before + name.text + after, _ranked(name.needs + t.needs), personal=True) for name in names[t.slot]]
        elif _INTACT.search(t.before):
            filled.append(Branch(whole(t.before), t.needs, personal=True))
        else:
            filled.append(Branch(t.before, t.needs))
    return filled


def exact(source: str, expand: Callable[[str], str]) -> list[Branch]:
    """The branches of a pattern analysed with the organisation written in, for the rare pattern
    ``sized`` leaves alone: split as the store splits, analysed in memory, never stored."""
    return [Branch(branch, requirements(branch), personal=True) for branch in split_alternation(expand(source))]


@lru_cache(maxsize=4096)
def _strength(literals: Literals) -> int:
    """How rarely a draft holds one of these literals: the weakest decides; a common word is worth nothing."""
    scores = [0 if w in COMMON_WORDS or len(w) < 2 else len(w) + 1 for w in literals.word_starts]
    scores += [0 if s in COMMON_WORDS or len(s) < 2 else len(s) for s in literals.substrings]
    return min(scores, default=0)


def _ranked(needs: tuple[Literals, ...]) -> tuple[Literals, ...]:
    """The requirements, the rarest first (the index looks a branch up by its first), as many as a pattern gets."""
    return tuple(sorted(dict.fromkeys(needs), key=_strength, reverse=True)[:_MOST_REQUIREMENTS])
