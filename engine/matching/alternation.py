"""Alternation splitting: a pattern that is one alternation becomes one pattern per branch.

The regex module tries every branch of an alternation at every position, so a word list of a
hundred words costs about a hundred times one word; split, each branch is indexed by its
required literals (required_literals.py) and only the branches a draft holds words of run
(word_lists.py).
"""

from __future__ import annotations

import re

from .safe_patterns import MAX_PATTERN_DEPTH, nesting_depth

# A group that does not capture, perhaps with flags of its own: "(?:", "(?-i:", "(?i:".
_GROUP_OPENER = re.compile(r"\(\?[a-zA-Z]*(?:-[a-zA-Z]+)?:")
_GLOBAL_FLAGS = re.compile(r"\(\?[a-zA-Z]+\)")
# Past this much pattern around the alternation, splitting costs more to compile than it saves.
MAX_CONTEXT = 400


def split_alternation(source: str) -> list[str]:
    """The branches of a pattern that is one alternation, each with the pattern's prefix and suffix.

    ``\\b(?:shambles|fiasco|farce)\\b`` gives three patterns, and so does
    ``\\bshambles\\b|\\bfiasco\\b|\\bfarce\\b``. A pattern that is not one group of
    alternatives at its top level (or whose group is quantified) comes back whole. Groups of one
    branch are looked into: ``(?:\\b(?:a|b)\\b)``. Each branch comes without a group around
    the whole of it, so that the same branch met in several patterns is one pattern, scanned once.
    """
    if nesting_depth(source) > MAX_PATTERN_DEPTH:
        return [source]  # refused before it is compiled (safe_patterns.py)
    return [bare(branch) for branch in _split(source)]


def bare(source: str) -> str:
    """``source`` without the non-capturing groups around the whole of it: ``(?:(?:x))`` is ``x``."""
    while source.startswith("(?:") and source.endswith(")") and not _GLOBAL_FLAGS.search(source):
        closes = (i for i, ch, depth, in_class in _characters(source) if ch == ")" and depth == 0 and not in_class)
        if next(closes, None) != len(source) - 1:
            break  # "(?:a)(?:b)", or not a pattern at all ("(?:a\\)")
        source = source[3:-1]
    return source


def _split(source: str) -> list[str]:
    if _GLOBAL_FLAGS.match(source):
        return [source]  # "(?x)…" sets flags for the whole pattern: its branches cannot stand alone
    top = _top_level_split(source)
    if len(top) > 1:
        return [part for branch in top for part in _split(branch)]
    group = _first_group(source)
    if group is None:
        return [source]
    start, body_start, end = group
    prefix, opener, body, suffix = source[:start], source[start:body_start], source[body_start:end], source[end + 1 :]
    if len(prefix) + len(suffix) > MAX_CONTEXT:
        return [source]  # each branch would carry (and compile) the long rest of the pattern again
    branches = _top_level_split(body)
    if len(branches) == 1:
        inner = _split(body)
        return [f"{prefix}{opener}{b}){suffix}" for b in inner] if len(inner) > 1 else [source]
    return [part for branch in branches for part in _split(f"{prefix}{opener}{branch}){suffix}")]


def _characters(source: str):
    """Yield (index, char, depth, in_class) for each unescaped character of a pattern."""
    depth, in_class, i = 0, False, 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if source[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            yield i, ch, depth, False
            depth += 1
            i += 1
            continue
        elif ch == ")":
            depth -= 1
        yield i, ch, depth, in_class
        i += 1


def _first_group(source: str) -> tuple[int, int, int] | None:
    """(start, body start, end) of the first top-level "(?:" or "(?-i:" group, if no "|" stands outside groups."""
    found: list[int | None] | None = None
    for i, ch, depth, in_class in _characters(source):
        if in_class:
            continue
        if depth == 0 and ch == "|":
            return None
        opener = _GROUP_OPENER.match(source, i) if found is None and depth == 0 and ch == "(" else None
        if opener:
            found = [i, opener.end(), None]
        elif found is not None and found[2] is None and depth == 0 and ch == ")":
            found[2] = i
    if found is None or found[2] is None:
        return None
    # A quantified group ("(?:…)?", "(?:…){0,3}") would change meaning if distributed.
    after = source[found[2] + 1 : found[2] + 2]
    if after and after in "?*+{":
        return None
    return found[0], found[1], found[2]  # type: ignore[return-value]


def _top_level_split(body: str) -> list[str]:
    parts, last = [], 0
    for i, ch, depth, in_class in _characters(body):
        if not in_class and depth == 0 and ch == "|":
            parts.append(body[last:i])
            last = i + 1
    parts.append(body[last:])
    return parts
