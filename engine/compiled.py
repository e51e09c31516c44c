"""A pack compiled for one organisation identity: every pattern built once, then used for each draft."""

from __future__ import annotations

import json
import weakref
from collections.abc import Mapping
from typing import NamedTuple

from .detectors import OrganisationReferences
from .detectors.contracts import Detector
from .detectors.templates import Templates
from .matching.scanning import Span
from .matching.word_lists import Triggers, WordLists
from .model import Finding, Fix, Identity, Pack, Rule
from .text import Draft


class RuleError(ValueError):
    """A rule whose detector could not be built from its parameters, and why (``cause``)."""

    def __init__(self, rule: Rule, cause: Exception) -> None:
        super().__init__(f"rule {rule.id!r}, field params: {cause}")
        self.rule = rule
        self.cause = cause


class CompiledRule(NamedTuple):
    """A pack's rule with its detector built, and what its findings say with the organisation named."""

    rule: Rule
    detector: Detector
    # The words a draft must hold for the detector to find anything (most drafts hold none of
    # most rules' words, and are done at once); None when it may find something in any draft.
    triggers: Triggers | None
    id: str  # as a finding's ``rule``: "pack.rule"
    message: str
    fix: Fix | None  # one per rule: findings are read, never changed
    # A finding of the rule at no place yet: each finding is a copy of it with its place, made
    # from the pack's validated rule with no field validated again on every pause in typing.
    finding: Finding


class PackBuilder:
    """What building a pack for an identity takes: the detectors by name, each built once for the
    same parameters and organisation, and the word lists and pattern analysis they are built from."""

    def __init__(self, registry: Mapping[str, type[Detector]], words: WordLists, templates: Templates) -> None:
        self.registry = registry
        self.words = words
        self.templates = templates
        # Detectors built for identical parameters are one detector; those that ignore the
        # organisation are shared by every pack, so a draft checked against five packs is scanned
        # for abuse once. Held weakly: a detector goes with the last compiled pack that uses it
        # (the pack library keeps the packs of the identities in use).
        self._built: weakref.WeakValueDictionary[tuple[type[Detector], str, str | None], Detector] = weakref.WeakValueDictionary()

    def compile(self, pack: Pack, identity: Identity) -> CompiledPack:
        return CompiledPack(pack, identity, self)

    def references(self, identity: Identity) -> OrganisationReferences:
        return OrganisationReferences(identity, self.words, self.templates)

    def detector(self, name: str, params: dict, references: OrganisationReferences) -> Detector:
        """The detector ``name`` (or a former name of it) built from ``params`` for the organisation of ``references``."""
        detector = self.registry[name]
        params_json = json.dumps(params, sort_keys=True)
        key = (detector, params_json, references.alias_source if detector.uses_organisation else None)  # aliases and all
        built = self._built.get(key)
        if built is None:
            built = self._built[key] = detector(detector.Params.model_validate(json.loads(params_json)), references)
        return built


class CompiledPack:
    """A pack with its detectors built for one organisation identity: compiled once, used per draft."""

    def __init__(self, pack: Pack, identity: Identity, builder: PackBuilder) -> None:
        self.pack = pack
        self.identity = identity
        self.references = builder.references(identity)
        self.rules: list[CompiledRule] = []
        for rule in pack.rules:
            try:
                detector = builder.detector(rule.detector, rule.params, self.references)
                triggers = detector.triggers()
            except Exception as exc:
                raise RuleError(rule, exc) from exc
            fix = rule.fix.model_copy(update={"text": self._fill(rule.fix.text)}) if rule.fix else None
            rule_id, message = f"{pack.id}.{rule.id}", self._fill(rule.message)
            finding = Finding.model_construct(
                policy=pack.id, rule=rule_id, category=rule.category, severity=rule.severity, message=message,
                start=0, end=0, clause=rule.clause, fix=fix,
            )
            self.rules.append(
                CompiledRule(rule, detector, Triggers(triggers) if triggers is not None else None, rule_id, message, fix, finding)
            )

    def check(self, draft: Draft, profile_disclaimer: bool = False) -> tuple[list[Finding], list[str]]:
        """The findings in ``draft``, and the ids of the rules that could not finish (a pattern of
        their detector was stopped as runaway, so they may have missed something)."""
        found: list[Finding] = []
        unfinished: list[str] = []
        for rule, detector, triggers, rule_id, _message, _fix, finding in self.rules:
            if profile_disclaimer and rule.satisfied_by_profile:
                continue
            if triggers is not None and not triggers.present(draft):
                continue
            spans, stopped = _find(detector, draft)
            if stopped:
                unfinished.append(rule_id)
            for start, end in spans:
                found.append(finding.model_copy(update={"start": draft.utf16(start), "end": draft.utf16(end)}))
        return found, unfinished

    def _fill(self, text: str) -> str:
        """Name the organisation in a message: ``{acronym}`` and ``{name}`` come from the identity."""
        acronym = next(iter(self.identity.acronyms), None) or next(iter(self.identity.names), "the organisation")
        name = next(iter(self.identity.names), acronym)
        return text.replace("{acronym}", acronym).replace("{name}", name)


def _find(detector: Detector, draft: Draft) -> tuple[list[Span], bool]:
    """What ``detector`` finds in the draft, and whether a pattern it read was stopped as runaway;
    once per draft, whichever packs share the detector."""
    key = ("detector", detector)
    found = draft.cache.get(key)
    if found is None:
        before = draft.unfinished
        spans = detector.find(draft)
        found = draft.cache[key] = (spans, draft.unfinished != before)
    return found  # type: ignore[return-value]
