"""A pack compiled for one organisation identity: every pattern built once, then used for each draft."""

from __future__ import annotations

import json
import weakref
from typing import Any

from .detectors import REGISTRY, OrganisationReferences
from .matching.word_lists import Triggers
from .model import Finding, Fix, Identity, Pack, Rule
from .text import Draft


class RuleError(ValueError):
    """A rule whose detector could not be built from its parameters, and why (``cause``)."""

    def __init__(self, rule: Rule, cause: Exception) -> None:
        super().__init__(f"rule {rule.id!r}, field params: {cause}")
        self.rule = rule
        self.cause = cause


class CompiledPack:
    """A pack with its detectors built for one organisation identity: compiled once, used per draft."""

    def __init__(self, pack: Pack, identity: Identity) -> None:
        self.pack = pack
        self.identity = identity
        self.references = OrganisationReferences(identity)
        # Each rule with its detector and, where the detector says, the words a draft must hold
        # for it to find anything (most drafts hold none of most rules' words, and are done at
        # once); and what its findings say, with the organisation named.
        self.rules: list[tuple[Rule, Any, Triggers | None, str, str, Fix | None]] = []
        for rule in pack.rules:
            try:
                built = _build(rule.detector, json.dumps(rule.params, sort_keys=True), self.references)
                needs = getattr(built, "triggers", None)
                triggers = needs() if needs is not None else None
            except Exception as exc:
                raise RuleError(rule, exc) from exc
            fix = rule.fix.model_copy(update={"text": self._fill(rule.fix.text)}) if rule.fix else None
            said = (f"{pack.id}.{rule.id}", self._fill(rule.message), fix)
            self.rules.append((rule, built, Triggers(triggers) if triggers is not None else None, *said))

    def check(self, draft: Draft, profile_disclaimer: bool = False) -> tuple[list[Finding], list[str]]:
        """The findings in ``draft``, and the ids of the rules that could not finish (a pattern of
        their detector was stopped as runaway, so they may have missed something)."""
        found: list[Finding] = []
        unfinished: list[str] = []
        for rule, detector, triggers, rule_id, message, fix in self.rules:
            if profile_disclaimer and rule.satisfied_by_profile:
                continue
            if triggers is not None and not triggers.present(draft):
                continue
            spans, stopped = _find(detector, draft)
            if stopped:
                unfinished.append(rule_id)
            for start, end in spans:
                found.append(
                    # Built from the pack's validated rule and offsets the engine computed: no need
                    # to validate each field again on every pause in typing.
                    Finding.model_construct(
                        policy=self.pack.id,
                        rule=rule_id,
                        category=rule.category,
                        severity=rule.severity,
                        message=message,
                        start=draft.utf16(start),
                        end=draft.utf16(end),
                        clause=rule.clause,
                        fix=fix,  # one per rule: findings are read, never changed
                    )
                )
        return found, unfinished

    def _fill(self, text: str) -> str:
        """Name the organisation in a message: ``{acronym}`` and ``{name}`` come from the identity."""
        acronym = next(iter(self.identity.acronyms), None) or next(iter(self.identity.names), "the organisation")
        name = next(iter(self.identity.names), acronym)
        return text.replace("{acronym}", acronym).replace("{name}", name)


# Detectors built for identical parameters are one detector; those that ignore the organisation
# are shared by every pack, so a draft checked against five packs is scanned for abuse once.
# Held weakly: a detector goes with the last compiled pack that uses it (packs.compiled keeps
# the packs of the identities in use).
_BUILT: "weakref.WeakValueDictionary[tuple[str, str, str | None], Any]" = weakref.WeakValueDictionary()


def _build(name: str, params_json: str, references: OrganisationReferences) -> Any:
    detector = REGISTRY[name]
    uses_organisation = getattr(detector, "uses_organisation", True) or "{org" in params_json
    key = (name, params_json, references.alias_source if uses_organisation else None)  # aliases and all
    built = _BUILT.get(key)
    if built is None:
        built = _BUILT[key] = detector(detector.Params.model_validate(json.loads(params_json)), references)
    return built


def _find(detector: Any, draft: Draft) -> tuple[list[tuple[int, int]], bool]:
    """What ``detector`` finds in the draft, and whether a pattern it read was stopped as runaway;
    once per draft, whichever packs share the detector."""
    key = ("detector", detector)
    found = draft.cache.get(key)
    if found is None:
        before = draft.unfinished
        spans = detector.find(draft)
        found = draft.cache[key] = (spans, draft.unfinished != before)
    return found  # type: ignore[return-value]
