"""Affiliation without disclaimer: the draft refers to the organisation but never says the views are personal.

The ways people say they speak for themselves are words (engine/lexicons/disclaimer.toml); what
is code is the rule: the first reference to the organisation counts unless one of them is anywhere.
"""

from __future__ import annotations

from typing import ClassVar

from ..matching.scanning import Span
from ..matching.word_lists import Alternatives
from ..text import Draft
from .contracts import Context, Detector, Params
from .lexicons import default_lexicons
from .registry import register


class DisclaimerParams(Params):
    pass


@register("disclaimer", formerly="affiliation_without_disclaimer")
class AffiliationWithoutDisclaimer(Detector):
    """Fires at the first reference to the organisation when no personal-views statement is present."""

    Params: ClassVar[type[DisclaimerParams]] = DisclaimerParams

    def __init__(self, params: DisclaimerParams, context: Context) -> None:
        self.context = context
        self.statement = context.alternatives(default_lexicons()["disclaimer"].patterns("personal_statements"))

    def triggers(self) -> tuple[Alternatives, ...]:
        """It concerns only drafts that refer to the organisation."""
        return (self.context.reference_words,)

    def find(self, draft: Draft) -> list[Span]:
        references = self.context.references(draft)
        if not references or self.statement.matches(draft):
            return []
        return [references[0]]
