"""``check``: judge a draft against the active packs and return findings in the protocol's shape."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from .compiled import CompiledPack
from .model import Clause, Finding, Identity, PolicyInfo
from .matching.safe_patterns import PatternError
from .matching.word_lists import warm as warm_word_lists
from .packs import compiled, load_all, refusal
from .learned import DEFAULT_SENSITIVITY, DETECTIONS, SENSITIVITIES, PackView, default_checker
from .text import Draft


class UnknownPolicy(ValueError):
    """A request named a pack that does not exist."""


class IdentityError(ValueError):
    """A request's identity override is not of the protocol's shape."""


def _identity_overrides(identity: Mapping[str, Any] | None, known: Mapping[str, object]) -> dict[str, Identity]:
    """Each pack's identity override, validated (and bounded: see ``Identity``) whether or not the pack is checked."""
    if identity is None:
        return {}
    if not isinstance(identity, Mapping):
        raise IdentityError("identity must be an object keyed by pack id")
    unknown = [key for key in identity if key not in known]
    if unknown:
        raise IdentityError(f"identity for unknown policy {_quoted(unknown[0])}; known: {', '.join(sorted(known))}")
    return {pack_id: _override(pack_id, given) for pack_id, given in identity.items() if given is not None}


def _override(pack_id: str, given: object) -> Identity:
    try:
        return Identity.model_validate(given)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = f"identity for {pack_id!r}" + (f", field {'.'.join(str(p) for p in first['loc'])}" if first["loc"] else "")
        raise IdentityError(f"{where}: {first['msg']}") from exc


def _quoted(value: str, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class CheckReport:
    """What a check found, and which rules could not finish.

    ``incomplete`` holds the ids (``pack.rule``, as in a finding's ``rule``) of the rules whose
    detector had a pattern stopped as runaway (more CPU time than any legitimate scan takes): they
    may have missed something, and the draft must not look clean because of it. ``needs_identity``
    holds the ids of the checked packs whose organisation the member has not named yet, which could
    not look for it at all.
    """

    findings: list[Finding]
    incomplete: tuple[str, ...] = ()
    # The checked packs whose organisation the member is to name and has not (the Society policy):
    # their rules about mentions of it found nothing because there was nothing to look for.
    needs_identity: tuple[str, ...] = ()


def check_report(
    text: str,
    policies: Sequence[str],
    identity: Mapping[str, Any] | None = None,
    site: str | None = None,
    profile_disclaimer: Sequence[str] = (),
    sensitivity: str = DEFAULT_SENSITIVITY,
    detection: str = "combined",
) -> CheckReport:
    """Findings for ``text`` under each pack in ``policies``, ordered by where they start, and the
    rules that could not finish.

    ``identity`` maps a pack id to an override of that pack's organisation identity
    (``{"names": [], "acronyms": [], "handles": []}``); ``site`` is where the draft is typed;
    ``profile_disclaimer`` names the packs for which the member's profile already carries the
    personal-views statement (it silences only the rules whose policy accepts that);
    ``sensitivity`` ("fewer", "balanced", "more") sets how sure the learned checker must be;
    ``detection`` is "combined" (rules and learned checker), or "rules" or "model" alone.
    """
    if sensitivity not in SENSITIVITIES:
        raise ValueError(f"sensitivity must be one of {', '.join(SENSITIVITIES)}, not {sensitivity!r}")
    if detection not in DETECTIONS:
        raise ValueError(f"detection must be one of {', '.join(DETECTIONS)}, not {detection!r}")
    packs = load_all()
    unknown = [p for p in policies if p not in packs]
    if unknown:
        reasons = [why for why in map(refusal, unknown) if why]
        raise UnknownPolicy(
            f"unknown policy {', '.join(map(repr, unknown))}; known: {', '.join(sorted(packs))}"
            + "".join(f"; refused: {why}" for why in reasons)
        )
    overrides = _identity_overrides(identity, packs)
    draft = Draft(text)
    findings: list[Finding] = []
    incomplete: list[str] = []
    built = [_compiled(pack_id, overrides.get(pack_id)) for pack_id in dict.fromkeys(policies)]
    for pack in built:
        found, unfinished = pack.check(draft, profile_disclaimer=pack.pack.id in profile_disclaimer)
        findings.extend(found)
        incomplete.extend(unfinished)
    checker = default_checker() if detection != "rules" else None
    if checker is not None:
        views, named = views_for_model(draft, built, overrides)
        findings = checker.review(draft, views, named, findings, sensitivity, detection)
    findings.sort(key=lambda f: (f.start, f.policy, f.rule))
    return CheckReport(findings, tuple(incomplete), tuple(pack.pack.id for pack in built if _waits_for_member(pack)))


def check(
    text: str,
    policies: Sequence[str],
    identity: Mapping[str, Any] | None = None,
    site: str | None = None,
    profile_disclaimer: Sequence[str] = (),
    sensitivity: str = DEFAULT_SENSITIVITY,
    detection: str = "combined",
) -> list[Finding]:
    """The findings of ``check_report`` (which also says which rules could not finish)."""
    return check_report(text, policies, identity, site, profile_disclaimer, sensitivity, detection).findings


def _waits_for_member(pack: CompiledPack) -> bool:
    """The member is to name this pack's organisation, and has not: nothing names it."""
    return pack.pack.identity_from_member and pack.identity.is_empty


def views_for_model(
    draft: Draft, built: Sequence[CompiledPack], overrides: Mapping[str, Identity]
) -> tuple[list[PackView], list[tuple[int, int]]]:
    """Each active pack as the learned checker sees it (where the draft names its organisation),
    and every place the draft names an organisation of any loaded pack (all are masked)."""
    named = {pack_id: _compiled(pack_id, overrides.get(pack_id)).references.references(draft) for pack_id in load_all()}
    views = [PackView(pack.pack, named[pack.pack.id]) for pack in built]
    return views, [span for spans in named.values() for span in spans]


def _compiled(pack_id: str, override: Identity | None) -> CompiledPack:
    try:
        return compiled(pack_id, override)
    except PatternError as exc:  # only an override can fail here: the pack itself was built at load
        raise IdentityError(f"identity for {pack_id!r}: {exc}") from exc


def list_policies() -> list[PolicyInfo]:
    return [
        PolicyInfo(
            id=p.id,
            name=p.name,
            organisation=p.organisation,
            date=p.date,
            categories=p.categories,
            profile_disclaimer=any(rule.satisfied_by_profile for rule in p.rules),
            superseded_by=p.superseded_by,
            ask={category: Clause(section=a.section, quote=a.quote) for a in p.asks for category in a.categories},
            needs_identity=p.identity_from_member,
        )
        for p in load_all().values()
    ]


def warm(pause: float = 0.0) -> None:
    """Build every pack and compile every pattern now, so that no draft waits for a compile.

    Patterns are otherwise compiled on first use; a long-lived process (the native host) calls
    this in a background thread once it is serving, with a ``pause`` between patterns so that
    checks meanwhile are not kept waiting.
    """
    for pack_id in load_all():
        compiled(pack_id, None)
    warm_word_lists(pause)
    default_checker()
    # What is built by now (packs, patterns, the literal index: hundreds of thousands of
    # references) lives as long as the process. Frozen, it is no longer walked by every full
    # collection, which otherwise stops a check for 20 ms or more now and then.
    gc.freeze()


