"""The text a fix adds never becomes a warning itself: each pack's suggested disclaimer, checked by
every pack at once (rules and the learned checker, at every sensitivity), finds nothing in it.

The issue that asked for this saw the RCR's own suggested disclaimer ("…not necessarily those of the
RCR.") underlined as criticism of the RCR once it was inserted.
"""

from __future__ import annotations

import pytest

import engine
from engine.learned import SENSITIVITIES
from engine.packs import load_all

IDENTITY = {"society": {"names": ["British Society of Clinical Imaging"], "acronyms": ["BSCI"], "handles": ["@BSCI_UK"]}}
EVERY_PACK = sorted(load_all())


def _acronym(pack_id: str) -> str:
    identity = load_all()[pack_id].identity
    return (identity.acronyms or tuple(IDENTITY.get(pack_id, {}).get("acronyms", ())) or identity.names)[0]


def _fixes() -> list[tuple[str, str]]:
    """(pack id, the mention draft) for every pack whose disclaimer has a fix."""
    return [(pack_id, f"Off to the {_acronym(pack_id)} meeting in October!") for pack_id in EVERY_PACK
            if any(rule.fix for rule in load_all()[pack_id].rules)]


def _fix_text(pack_id: str, draft: str) -> str:
    """The fix text as the engine offers it (its {acronym} filled in from the pack's identity)."""
    [fix] = [f.fix.text for f in engine.check(draft, [pack_id], identity=IDENTITY) if f.fix]
    return fix


@pytest.mark.parametrize("sensitivity", SENSITIVITIES)
@pytest.mark.parametrize("pack_id, draft", _fixes(), ids=[pack_id for pack_id, _ in _fixes()])
def test_a_packs_fix_text_alone_gives_no_finding_under_any_pack(pack_id, draft, sensitivity):
    fix = _fix_text(pack_id, draft)
    assert engine.check(fix, EVERY_PACK, identity=IDENTITY, sensitivity=sensitivity) == []


@pytest.mark.parametrize("sensitivity", SENSITIVITIES)
@pytest.mark.parametrize("pack_id, draft", _fixes(), ids=[pack_id for pack_id, _ in _fixes()])
def test_once_added_to_the_draft_the_fix_text_is_never_flagged_and_clears_its_warning(pack_id, draft, sensitivity):
    fix = _fix_text(pack_id, draft)
    fixed = f"{draft} {fix}"
    findings = engine.check(fixed, EVERY_PACK, identity=IDENTITY, sensitivity=sensitivity)
    in_fix = [(f.rule, fixed[f.start : f.end]) for f in findings if f.end > len(draft)]
    assert in_fix == []
    assert not [f for f in findings if f.policy == pack_id and f.category == "disclaimer"]
