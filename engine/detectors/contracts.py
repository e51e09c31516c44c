"""What a detector is, and what it may ask of the pack it serves: the contracts every detector keeps."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar, Protocol

from pydantic import BaseModel, ConfigDict

from ..matching.scanning import Span
from ..matching.word_lists import Alternatives
from ..text import Draft


class Params(BaseModel):
    """Base for a detector's parameters: unknown keys are an error that names the key."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Context(Protocol):
    """What a detector may ask about the organisation whose pack it serves (``OrganisationReferences``)."""

    def alternatives(self, sources: Sequence[str]) -> Alternatives:
        """Patterns as one word list, with ``{org}``, ``{org_or_alias}`` and ``{party}`` filled in."""
        ...

    def references(self, draft: Draft) -> list[Span]:
        """Where the draft names the organisation, in order."""
        ...

    @property
    def reference_words(self) -> Alternatives:
        """The ways of naming the organisation as a word list: a trigger for detectors that find
        nothing in a draft that does not name it."""
        ...


class Detector(ABC):
    """A detector built from a rule's parameters for one organisation: finds the spans in a draft
    where its rule is broken. A category module subclasses it and registers it under a name
    (registry.py) that packs give as a rule's ``detector``."""

    # The rule's ``params``, validated (a pack naming a field this does not have is refused).
    Params: ClassVar[type[Params]] = Params
    # Whether what it finds depends on the organisation (its names, its patterns with {org}): one
    # that does not is built once for every pack and identity, and runs once per draft whichever
    # packs ask.
    uses_organisation: ClassVar[bool] = True

    @abstractmethod
    def __init__(self, params: Params, context: Context) -> None: ...

    @abstractmethod
    def find(self, draft: Draft) -> list[Span]:
        """Where the rule is broken, in order."""

    def triggers(self) -> Sequence[Alternatives] | None:
        """Word lists one of which a draft must hold words of for ``find`` to return anything, so
        that most drafts are done without running it; None when it may find something in any draft."""
        return None
