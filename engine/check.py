"""The engine as functions: ``check`` and the rest, each served by the process's default ``Engine``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .engine import CheckReport, IdentityError, UnknownPolicy, default_engine, identity_overrides
from .learned import DEFAULT_SENSITIVITY, PackView
from .model import Finding, Identity, PolicyInfo
from .recall import Recall
from .text import Draft

if TYPE_CHECKING:  # the engine imports them when it first builds a pack (Engine.packs)
    from .compiled import CompiledPack
    from .matching.scanning import Span

__all__ = ["CheckReport", "IdentityError", "Recall", "UnknownPolicy", "check", "check_report", "list_policies", "views_for_model", "warm"]

# What tools/train_model.py validates a corpus draft's identity with.
_identity_overrides = identity_overrides


def check_report(
    text: str,
    policies: Sequence[str],
    identity: Mapping[str, Any] | None = None,
    *,
    profile_disclaimer: Sequence[str] = (),
    sensitivity: str = DEFAULT_SENSITIVITY,
    detection: str = "combined",
    recall: Recall | None = None,
) -> CheckReport:
    """``Engine.check_report`` of the default engine."""
    return default_engine().check_report(
        text, policies, identity, profile_disclaimer=profile_disclaimer, sensitivity=sensitivity, detection=detection,
        recall=recall,
    )


def check(
    text: str,
    policies: Sequence[str],
    identity: Mapping[str, Any] | None = None,
    *,
    profile_disclaimer: Sequence[str] = (),
    sensitivity: str = DEFAULT_SENSITIVITY,
    detection: str = "combined",
    recall: Recall | None = None,
) -> list[Finding]:
    """The findings of ``check_report`` (which also says which rules could not finish)."""
    return check_report(
        text, policies, identity, profile_disclaimer=profile_disclaimer, sensitivity=sensitivity, detection=detection,
        recall=recall,
    ).findings


def views_for_model(
    draft: Draft, built: Sequence[CompiledPack], overrides: Mapping[str, Identity]
) -> tuple[list[PackView], list[Span]]:
    """``Engine.views_for_model`` of the default engine."""
    return default_engine().views_for_model(draft, built, overrides)


def list_policies() -> list[PolicyInfo]:
    """What ``hello`` says of each pack of the default engine."""
    return default_engine().list_policies()


def warm(pause: float = 0.0, compile_patterns: bool = True) -> None:
    """``Engine.warm`` of the default engine: build every pack, load the model and (``compile_patterns``) compile every pattern now."""
    default_engine().warm(pause, compile_patterns)
