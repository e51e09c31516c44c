"""What a detector is, and what it may ask of the pack it serves: the contracts every detector keeps."""

from __future__ import annotations

from typing import ClassVar, Protocol

from pydantic import BaseModel, ConfigDict

from ..matching.analysis_store import Branch
from ..matching.scanning import Span
from ..text import Draft


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
