"""References to an organisation: full name, acronym, handles and hashtags built on the acronym."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from ..model import Identity
from ..matching.alternation import split_alternation
from ..matching.analysis_store import Branch
from ..matching.required_literals import requirements
from ..matching.scanning import Span
from ..matching.word_lists import Alternatives, WordLists
from ..text import Draft
from .lexicons import default_lexicons
from .templates import ORG, ORG_OR_ALIAS, PARTY, Templates, exact, fill, names_organisation, parties

@lru_cache(maxsize=256)
def _is_ordinary_word(word: str) -> bool:
    return default_lexicons()["disclaimer"].has_word("ordinary_words", word)


def _name_pattern(name: str) -> str:
    words = [regex.escape(w) for w in name.split()]
    joined = r"\s+".join(w if w not in ("and", r"\&") else r"(?:and|&)" for w in words)
    return rf"(?<!\w){joined}(?!\w)"


def _acronym_pattern(acronym: str) -> str:
    core = regex.escape(acronym)
    # Acronyms that are also ordinary words only count when written in capitals ("CARE", not "care").
    if _is_ordinary_word(acronym):
        core = f"(?-i:{core})"
    return rf"(?<![\w@#]){_not_a_plural(acronym)}{core}(?!\w)"


def _not_a_plural(acronym: str) -> str:
    # An acronym ending in S, written in capitals with a small final s, is the plural of a shorter
    # one: "ICIs" are immune checkpoint inhibitors, not ICIS.
    if len(acronym) < 3 or not acronym.upper().endswith("S"):
        return ""
    return rf"(?!(?-i:{regex.escape(acronym[:-1].upper())}s\b))"


def _handle_pattern(handle: str) -> str:
    return rf"(?<!\w)@{regex.escape(handle.lstrip('@'))}(?!\w)"


def _acronym_handle_pattern(acronym: str) -> str:
    # Affiliated accounts carry the acronym at the start or after an underscore: @IPEM_MR_SIG, @REBSIG_IPEM.
    return rf"(?<!\w)@(?:\w+_)?{regex.escape(acronym)}\w*"


def _hashtag_pattern(stem: str) -> str:
    return rf"(?<!\w)#{regex.escape(stem)}\w*"


# The organisation when no one has said who it is (the society pack as shipped): never matches.
_NOBODY = r"(?!x)x"


def _alternation(alternatives: list[str]) -> str:
    return "(?:" + "|".join(alternatives or [_NOBODY]) + ")"


def _ways_of_naming(alternatives: list[str]) -> list[Branch]:
    """Each way of naming the organisation, split as the split of a pattern holding them does, with
    what it requires: analysed here, in memory, and never stored (they are the user's)."""
    pieces = [piece for pattern in alternatives or [_NOBODY] for piece in split_alternation(pattern)]
    return [Branch(piece, requirements(piece), personal=True) for piece in pieces]


class OrganisationReferences:
    """Finds where a draft refers to one organisation, given that organisation's identity, and
    fills the organisation into the pack's patterns (see templates.py): the ``Context`` of the
    detectors of a pack built for that identity (detectors/contracts.py)."""

    def __init__(self, identity: Identity, words: WordLists, templates: Templates) -> None:
        self.identity = identity
        self.words = words
        self.templates = templates
        alternatives = (
            [_handle_pattern(h) for h in identity.handles]
            + [_acronym_handle_pattern(a) for a in identity.acronyms]
            + [_hashtag_pattern(s) for s in identity.stems]
            + [_name_pattern(n) for n in sorted(identity.names, key=len, reverse=True)]
            + [_acronym_pattern(a) for a in identity.acronyms]
        )
        aliases = [_name_pattern(a) for a in identity.aliases]
        self.source = _alternation(alternatives)
        self.alias_source = _alternation(alternatives + aliases)
        self._alternations = {ORG: self.source, ORG_OR_ALIAS: self.alias_source}
        self._names = {ORG: _ways_of_naming(alternatives), ORG_OR_ALIAS: _ways_of_naming(alternatives + aliases)}
        # One word list of the ways of naming it, already analysed.
        self._references = words.alternatives([self.source], lambda _: self._names[ORG])

    def expand(self, source: str) -> str:
        """Fill a pack pattern's placeholders: ``{org}`` the organisation, ``{org_or_alias}`` also its
        aliases, ``{party}`` any UK political party."""
        return source.replace(ORG_OR_ALIAS, self.alias_source).replace(ORG, self.source).replace(PARTY, parties())

    def alternatives(self, sources: Sequence[str]) -> Alternatives:
        """Patterns of a pack or a detector as one word list, the organisation filled in."""
        return self.words.alternatives(sources, self.branches)

    def branches(self, source: str) -> list[Branch]:
        """The branches of a pack pattern for this organisation, each with what it requires."""
        if not names_organisation(source):
            return list(self.templates.fixed(source))
        templates = self.templates.template(source)
        if templates is None:
            templates = self.templates.sized(source, len(self.source), len(self.alias_source))
        if templates is None:
            return exact(source, self.expand)
        return fill(templates, self._alternations, self._names)

    def references(self, draft: Draft) -> list[Span]:
        return self._references.spans(draft)

    @property
    def reference_words(self) -> Alternatives:
        """The references as a word list, for detectors that find nothing without one (their triggers)."""
        return self._references
