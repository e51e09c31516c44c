"""What every detector shares: the registry, safe matching with a timeout, and pattern building."""

from __future__ import annotations

import logging
from functools import lru_cache
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Protocol

import regex
from pydantic import BaseModel, ConfigDict

from ..text import Draft
from .prefilter import required_literals

log = logging.getLogger("decorum.engine")

Span = tuple[int, int]

# A pattern gets this long on one draft before it is abandoned: a safety net, not a budget, and
# it grows with the draft so that a linear pattern on a long draft is never cut short.
MATCH_TIMEOUT_S = 0.05
MATCH_TIMEOUT_PER_CHAR_S = 2e-6
# VERSION0 (re-compatible): VERSION1 turns on full case-folding, which makes every class slow.
FLAGS = regex.IGNORECASE | regex.VERSION0 | regex.UNICODE


class PatternError(ValueError):
    """A pattern in a pack that cannot be compiled; the message names the pattern."""


@lru_cache(maxsize=4096)
def compile_pattern(source: str, flags: int = FLAGS) -> regex.Pattern[str]:
    """Compile once per source: packs share most of their patterns, and compiling is the slow part of loading."""
    try:
        return regex.compile(source, flags)
    except regex.error as exc:
        raise PatternError(f"invalid pattern {source!r}: {exc}") from exc


def finditer(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Span]:
    """Every match of ``pattern`` as a span; a pattern that runs past its timeout yields no more."""
    end = len(text) if endpos is None else endpos
    timeout = MATCH_TIMEOUT_S + MATCH_TIMEOUT_PER_CHAR_S * (end - pos)
    try:
        for match in pattern.finditer(text, pos, end, timeout=timeout):
            yield match.span()
    except TimeoutError:
        log.warning("pattern %r timed out on a %d-character draft; skipped", pattern.pattern[:80], len(text))


# How long a pattern may take on one hostile probe before it is judged catastrophic.
PROBE_TIMEOUT_S = 0.05
_PROBE_LENGTH = 2_000


def hostile_inputs(source: str) -> list[str]:
    """Inputs that make a backtracking pattern blow up: long runs of the characters it is built from,
    each ending in a character that makes the match fail at the last moment."""
    letters = {c for c in regex.sub(r"\\.", "", source) if c.isalnum()} | {"a", "x", "1"}
    runs = []
    for c in sorted(letters):
        runs.append(c * _PROBE_LENGTH + "!")
        runs.append((c + " ") * (_PROBE_LENGTH // 2) + "!")
    runs.append("word " * (_PROBE_LENGTH // 5) + "!")
    runs.append(" " * _PROBE_LENGTH + "!")
    return runs


def probe_pattern(pattern: regex.Pattern[str]) -> None:
    """Refuse a pattern that backtracks catastrophically on a hostile input (it would hang a check)."""
    for probe in hostile_inputs(pattern.pattern):
        try:
            for _ in pattern.finditer(probe, timeout=PROBE_TIMEOUT_S):
                pass
        except TimeoutError:
            raise PatternError(
                f"pattern {pattern.pattern[:120]!r} backtracks catastrophically on a hostile input "
                f"({probe[:12]!r}…, {len(probe)} characters); rewrite it without nested repetition"
            ) from None


def could_match(pattern: regex.Pattern[str], draft: Draft) -> bool:
    """False when the draft lacks every literal the pattern requires, so it cannot match."""
    literals = required_literals(pattern.pattern)
    return literals is None or draft.contains_any(literals)


def scan(pattern: regex.Pattern[str], draft: Draft) -> list[Span]:
    """Every match of ``pattern`` in the whole draft, computed once per draft whoever asks."""
    key = ("scan", pattern)
    found = draft.cache.get(key)
    if found is None:
        found = draft.cache[key] = list(finditer(pattern, draft.text)) if could_match(pattern, draft) else []
    return found  # type: ignore[return-value]


def search(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> Span | None:
    return next(finditer(pattern, text, pos, endpos), None)


class Params(BaseModel):
    """Base for a detector's parameters: unknown keys are an error that names the key."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Context(Protocol):
    """What a detector may ask about the organisation whose pack it serves."""

    def expand(self, source: str) -> str: ...

    def references(self, draft: Draft) -> list[Span]: ...


class Detector(Protocol):
    """A compiled detector: finds the spans in a draft where its rule is broken."""

    Params: ClassVar[type[Params]]

    def find(self, draft: Draft) -> list[Span]: ...


DetectorFactory = Callable[[Any, Context], Detector]
REGISTRY: dict[str, type] = {}


def register(name: str) -> Callable[[type], type]:
    """Class decorator that makes a detector available to packs under ``name``."""

    def add(cls: type) -> type:
        REGISTRY[name] = cls
        return cls

    return add


class Alternatives:
    """Several patterns used as one alternation, but each compiled, prefiltered and scanned alone.

    The regex module runs one big alternation far slower than its parts (it loses each part's
    literal-prefix search), and a part whose literals are absent from the draft costs nothing.
    """

    def __init__(self, sources: list[str], expand: Callable[[str], str] = lambda s: s) -> None:
        self.patterns: list[regex.Pattern[str]] = []
        for source in sources:
            try:
                self.patterns.append(compile_pattern(expand(source)))
            except PatternError:
                raise PatternError(f"invalid pattern {source!r}") from None

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def could_match(self, draft: Draft) -> bool:
        return any(could_match(p, draft) for p in self.patterns)

    def spans(self, draft: Draft) -> list[Span]:
        """Matches in order, leftmost and longest first, none overlapping another (as an alternation gives)."""
        hits = sorted((h for p in self.patterns for h in scan(p, draft)), key=lambda h: (h[0], -h[1]))
        kept: list[Span] = []
        for hit in hits:
            if not kept or hit[0] >= kept[-1][1]:
                kept.append(hit)
        return kept

    def found(self, draft: Draft, start: int, end: int) -> bool:
        """Whether any of the patterns matches within ``draft.text[start:end]``."""
        return any(could_match(p, draft) and search(p, draft.text, start, end) for p in self.patterns)
