"""What a lexicon file may hold (engine/lexicons/<category>.toml), checked as it is read.

Unknown keys are refused, and so are entries that could not show what they do: phrases, and
detectors that are code, must give a draft they fire on. A refusal names the file, the entry
(``phrases.x``) and the field.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator


class LexiconError(ValueError):
    """A lexicon that cannot be used; the message names the file, the entry and the field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Example(_Strict):
    """A draft an entry is tried on: with the lexicon's packs unless it names its own, and the
    findings of other categories it also gives (``also``, as ``policy/category``)."""

    text: str = Field(min_length=1)
    packs: tuple[str, ...] | None = None
    identity: str | None = None
    also: tuple[str, ...] = ()


def _example(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


_Examples = tuple[Annotated[Example, BeforeValidator(_example)], ...]


class _Entry(_Strict):
    why: str = Field(min_length=1)
    fires: _Examples = ()
    silent: _Examples = ()


class _Shown(_Entry):
    """An entry whose findings are its own (phrases, a detector): it must show a draft it fires on."""

    @model_validator(mode="after")
    def _fires_somewhere(self) -> _Shown:
        if not self.fires:
            raise ValueError("no examples it fires on: give at least one draft under fires (and near misses under silent)")
        return self


class Words(_Entry):
    """Exactly one of: a ``pattern``; ``alternatives`` joined as one group (``(?:a|b)``), put where
    ``frame`` has ``{}``; a list of ``patterns``; or ``plain`` words, not patterns (split on spaces),
    with or instead of a ``plain_file`` beside the lexicon that holds more of them, one per line (a
    list too long to read in a lexicon, such as a dictionary's)."""

    pattern: str | None = None
    alternatives: tuple[str, ...] | None = Field(default=None, min_length=1)
    frame: str = "{}"
    patterns: tuple[str, ...] | None = Field(default=None, min_length=1)
    plain: str | None = None
    plain_file: str | None = Field(default=None, pattern=r"^[\w.-]+\.txt$")

    @property
    def is_plain(self) -> bool:
        return self.plain is not None or self.plain_file is not None

    @model_validator(mode="after")
    def _one_kind(self) -> Words:
        given = [k for k in ("pattern", "alternatives", "patterns") if getattr(self, k) is not None] + (["plain"] if self.is_plain else [])
        if len(given) != 1:
            raise ValueError(f"give exactly one of pattern, alternatives, patterns, plain or plain_file (got {', '.join(given) or 'none'})")
        if self.frame != "{}" and self.alternatives is None:
            raise ValueError("frame is for alternatives")
        if self.frame.count("{}") != 1:
            raise ValueError("frame must hold {} once, where the alternatives go")
        return self


_ParamOrInt = int | Annotated[str, Field(pattern=r"^\{[a-z_][a-z0-9_]*\}$")]


class Context(_Strict):
    """Context that must be near a hit: one of ``any`` within ``within`` characters."""

    any: tuple[str, ...] = Field(min_length=1)
    within: _ParamOrInt = 120


class Phrases(_Shown):
    """What the ``phrases`` detector takes (phrases.py), as data, with its examples."""

    patterns: tuple[str, ...] = Field(min_length=1)
    exceptions: tuple[str, ...] = ()
    requires: tuple[Context, ...] = ()
    unless_near: tuple[str, ...] = ()
    near: _ParamOrInt = 100
    unless: tuple[Context, ...] = ()
    needs_reference: bool = False
    each: bool = False


class Param(_Strict):
    """A parameter a pack's rule may give the detector: its default (a list of patterns, a number
    or a yes/no) and, for a number, its least value."""

    default: tuple[str, ...] | bool | int
    at_least: int | None = None


class Detector(_Entry):
    """A detector packs name: its ``phrases`` tried in turn (the first that finds anything gives the
    findings), or the ``code`` module that holds its logic, with examples of what the code decides."""

    phrases: tuple[str, ...] | None = Field(default=None, min_length=1)
    code: str | None = None
    formerly: str | None = None
    params: dict[str, Param] = {}

    @model_validator(mode="after")
    def _phrases_or_code(self) -> Detector:
        if (self.phrases is None) == (self.code is None):
            raise ValueError("give either phrases (its phrases, tried in turn) or code (the module that holds it)")
        if self.code is not None and self.params:
            raise ValueError("params of a detector in code are declared in its code")
        if self.code is not None and not self.fires:
            raise ValueError("no examples it fires on: give at least one draft under fires (and near misses under silent)")
        if self.phrases is not None and (self.fires or self.silent):
            raise ValueError("examples of a detector made of phrases go beside its phrases")
        return self


class ExampleDefaults(_Strict):
    packs: tuple[str, ...] = Field(min_length=1)


class LexiconFile(_Strict):
    examples: ExampleDefaults
    detectors: dict[str, Detector] = {}
    words: dict[str, Words] = {}
    phrases: dict[str, Phrases] = {}


def read_lexicon_file(path: Path) -> LexiconFile:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path}: {exc}") from exc
    try:
        return LexiconFile.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        place = [str(p) for p in first["loc"] if not (isinstance(p, str) and p.startswith("function-"))]
        entry = ".".join(place[:2]) if place and place[0] in ("words", "phrases", "detectors") else ".".join(place[:1])
        field = ".".join(place[2:] if place and place[0] in ("words", "phrases", "detectors") else place[1:])
        message = first["msg"].removeprefix("Value error, ")
        raise LexiconError(f"{path}, entry '{entry}'" + (f", field {field}" if field else "") + f": {message}") from exc
