"""Patterns as the engine takes them: compiled once, refused when too long, too deeply nested or
catastrophic on hostile input (the probe a pack's patterns pass at load)."""

from __future__ import annotations

from functools import lru_cache

import regex

from .time_limits import Runaway, run_bounded

# VERSION0 (re-compatible): VERSION1 turns on full case-folding, which makes every class slow.
FLAGS = regex.IGNORECASE | regex.VERSION0 | regex.UNICODE

# A pack's pattern is at most this long as written: the longest built-in pattern has about 6,300
# characters, and compiling and analysing a pattern grows faster than its length (a literal of
# 2 MB takes 15 s to compile alone).
MAX_PATTERN_CHARS = 10_000
# Groups nest at most this deep: the regex module and the standard library's parser recurse once
# per level and give up (RecursionError) near 200; the built-in patterns nest 5 deep.
MAX_PATTERN_DEPTH = 50
# Patterns the engine builds itself (a pack's with the organisation's names filled in) may be longer.
_MAX_BUILT_CHARS = 200_000


class PatternError(ValueError):
    """A pattern in a pack that cannot be compiled; the message names the pattern."""


def nesting_depth(source: str) -> int:
    """How deep the groups of ``source`` nest: ``(?:a(?:b))`` is 2. Escapes and classes hold no groups."""
    depth = deepest = 0
    in_class = escaped = False
    for i, ch in enumerate(source):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]" or source[i - 1] == "["
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")":
            depth -= 1
    return deepest


def shape_error(source: str, max_chars: int = MAX_PATTERN_CHARS) -> str | None:
    """Why ``source`` is too big or too deep to be used (and analysed, compiled), or None."""
    if len(source) > max_chars:
        return f"the pattern is {len(source):,} characters long; at most {max_chars:,} are allowed"
    # A pattern with no more parentheses than that cannot nest deeper: most are read no further,
    # which matters at every start (about a thousand patterns).
    depth = nesting_depth(source) if source.count("(") > MAX_PATTERN_DEPTH else 0
    if depth > MAX_PATTERN_DEPTH:
        return f"the pattern nests groups {depth:,} deep; at most {MAX_PATTERN_DEPTH} levels are allowed"
    return None


def checked(source: str) -> str:
    """``source``, if it is small and shallow enough to analyse and compile; else a PatternError."""
    refused = shape_error(source, _MAX_BUILT_CHARS)
    if refused:
        raise PatternError(f"invalid pattern {source[:120]!r}: {refused}")
    return source


@lru_cache(maxsize=4096)
def compile_pattern(source: str, flags: int = FLAGS) -> regex.Pattern[str]:
    """Compile once per source: packs share most of their patterns, and compiling is the slow part of loading."""
    return _compile(source, flags, shared=True)


def compile_personal(source: str) -> regex.Pattern[str]:
    """Compile a pattern built for one identity: kept only by whoever asked, in no cache, so that
    it goes when the identity's pack does."""
    return _compile(source, FLAGS, shared=False)


def _compile(source: str, flags: int, shared: bool) -> regex.Pattern[str]:
    checked(source)
    try:
        return regex.compile(source, flags, cache_pattern=shared)
    except regex.error as exc:
        raise PatternError(f"invalid pattern {source!r}: {exc}") from exc


# How much CPU time a pattern may take on one hostile probe before it is judged catastrophic.
PROBE_TIMEOUT_S = 0.05
_PROBE_LENGTH = 2_000
# What a class escape stands for in a probe: a character it matches.
_CLASS_SAMPLES = {"w": "a", "d": "1", "s": " ", "W": "!", "D": "a", "S": "a", "n": "\n", "t": "\t"}
# Escapes that match no character (anchors, boundaries): nothing to repeat.
_ZERO_WIDTH = frozenset("AbBZzG")
# Unescaped, these are syntax, not characters the pattern matches.
_SYNTAX = frozenset("()[]{}|?*+^$")
# A probe ends in the first of these that the pattern does not name, to make the match fail last:
# one probe with a character that is not a word character (fails "$"), one with one that is (fails "\b").
_FAILING = ("!~§\x00\u2603", "zqjkéß")
# Bounds on the probes of one pattern: a few hundred at most, a few milliseconds.
_MAX_PROBE_CHARS = 48
_MAX_PROBE_PAIRS = 64


def pattern_characters(source: str) -> list[str]:
    """The characters ``source`` names, in order, escaped ones too (``\\.`` is "."), a sample for
    each class escape (``\\w`` is "a") and nothing for syntax or anchors."""
    found: list[str] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\" and i + 1 < len(source):
            escaped = source[i + 1]
            i += 2
            if escaped in _CLASS_SAMPLES:
                found.append(_CLASS_SAMPLES[escaped])
            elif escaped not in _ZERO_WIDTH and not escaped.isalnum():
                found.append(escaped)
            continue
        if ch not in _SYNTAX:
            found.append(ch)
        i += 1
    return found


def hostile_inputs(source: str) -> list[str]:
    """Inputs that make a backtracking pattern blow up: long runs of the characters it is built from
    (letters, punctuation, escaped characters), alone, with spaces and in the pairs it names, each
    ending in a character that makes the match fail at the last moment."""
    named = pattern_characters(source)
    chars = list(dict.fromkeys(named + ["a", "x", "1"]))[:_MAX_PROBE_CHARS]
    pairs = list(dict.fromkeys(a + b for a, b in zip(named, named[1:]) if a != b))[:_MAX_PROBE_PAIRS]
    endings = [next((c for c in candidates if c not in chars), candidates[0]) for candidates in _FAILING]
    half = _PROBE_LENGTH // 2
    runs = [c * _PROBE_LENGTH for c in chars]
    runs += [(c + " ") * half for c in chars if c != " "]
    runs += [pair * half for pair in pairs]
    runs += ["word " * (_PROBE_LENGTH // 5), " " * _PROBE_LENGTH]
    return [run + ending for run in runs for ending in endings]


def probe_source(source: str) -> None:
    """Compile ``source`` and probe it (``probe_pattern``), keeping it in no cache: a pack's whole
    pattern is compiled for the probe alone (its branches are what checks run)."""
    probe_pattern(_compile(source, FLAGS, shared=False))


def probe_pattern(pattern: regex.Pattern[str]) -> None:
    """Refuse a pattern that backtracks catastrophically on a hostile input (it would hang a check).

    Judged by the CPU time the pattern spends, not the time on the clock: a busy machine must not
    refuse a pack.
    """
    for probe in hostile_inputs(pattern.pattern):
        try:
            run_bounded(lambda wall: [m.span() for m in pattern.finditer(probe, timeout=wall)], PROBE_TIMEOUT_S)
        except Runaway:
            raise PatternError(
                f"pattern {pattern.pattern[:120]!r} backtracks catastrophically on a hostile input "
                f"({probe[:12]!r}…, {len(probe)} characters); rewrite it without nested repetition"
            ) from None
