"""Required literals: a cheap test that tells when a pattern cannot match a draft at all.

For a pattern, find a set of literal strings such that every match contains at least one of
them (the "required factors" that RE2 and ripgrep extract). A draft that contains none of them
is skipped without running the pattern, which is most drafts for most rules: a substring test
costs a fraction of a regex scan.
"""

from __future__ import annotations

import re
from functools import lru_cache

from re import _constants as c  # the standard library's own regex parser (Python 3.11+)
from re import _parser as parser

Literals = frozenset[str] | None  # None: no literal is required (the pattern must always run)


@lru_cache(maxsize=4096)
def required_literals(source: str) -> Literals:
    """Lower-case literals, one of which every match of ``source`` contains; None if unknown."""
    try:
        tree = parser.parse(source, re.IGNORECASE)
    except (re.error, ValueError, TypeError, OverflowError):
        return None  # syntax only the regex module knows: no prefilter, the pattern always runs
    found = _sequence(list(tree))
    if found is None or any(not lit for lit in found):
        return None
    return frozenset(lit.lower() for lit in found)


def _sequence(items: list) -> set[str] | None:
    """Best requirement of a sequence: a literal run, or the most selective requirement of one item."""
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is c.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            candidates.append({"".join(run)})
            run = []
        found = _node(op, arg)
        if found is not None:
            candidates.append(found)
    if run:
        candidates.append({"".join(run)})
    if not candidates:
        return None
    # The most selective requirement: longest shortest literal, then fewest literals.
    return max(candidates, key=lambda lits: (min(map(len, lits)), -len(lits)))


def _node(op, arg) -> set[str] | None:
    if op is c.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is c.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _sequence(list(branch))
            if found is None:
                return None
            union |= found
        return union
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _high, item = arg
        return _sequence(list(item)) if low >= 1 else None
    if op is c.ATOMIC_GROUP:
        return _sequence(list(arg))
    if op is c.IN and len(arg) == 1 and arg[0][0] is c.LITERAL:
        return {chr(arg[0][1])}
    return None  # classes, anchors, look-arounds, back-references: nothing certain
