"""What every detector shares: the registry, safe matching with a timeout, and pattern building."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any, ClassVar, Protocol

import regex
from pydantic import BaseModel, ConfigDict

from ..text import Draft

log = logging.getLogger("decorum.engine")

Span = tuple[int, int]

# A pattern gets this long on one draft before it is abandoned (a safety net, not a budget).
MATCH_TIMEOUT_S = 0.05
FLAGS = regex.IGNORECASE | regex.VERSION1 | regex.UNICODE


class PatternError(ValueError):
    """A pattern in a pack that cannot be compiled; the message names the pattern."""


def compile_pattern(source: str, flags: int = FLAGS) -> regex.Pattern[str]:
    try:
        return regex.compile(source, flags)
    except regex.error as exc:
        raise PatternError(f"invalid pattern {source!r}: {exc}") from exc


def finditer(pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Span]:
    """Every match of ``pattern`` as a span; a pattern that runs past its timeout yields no more."""
    try:
        for match in pattern.finditer(text, pos, len(text) if endpos is None else endpos, timeout=MATCH_TIMEOUT_S):
            yield match.span()
    except TimeoutError:
        log.warning("pattern %r timed out on a %d-character draft; skipped", pattern.pattern[:80], len(text))


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
