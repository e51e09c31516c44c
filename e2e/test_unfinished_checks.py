"""A check the engine could not finish never looks clean in the panel.

A member's own pack may hold a pattern that is slow on some draft (quadratic, not catastrophic:
the load-time probe lets it through). The engine stops it at its time limit and says which rule
did not finish; the panel says so instead of turning green.
"""

from __future__ import annotations

import os
import shutil

import pytest

import harness
from composers import COMPOSERS
from draft import Draft
from site_pages import open_site

SLOW_PACK = """
id = "mine"
name = "My society's policy"
organisation = "My Society"
date = "2024"

[[rules]]
id = "slow"
category = "confidential"
severity = "warning"
message = "A word ending in a digit."
detector = "phrases"
params = { patterns = ['[a-z]+\\d'] }
clause = { section = "Confidentiality", quote = "Do not share what is not public." }
"""


@pytest.fixture
def browser_with_a_slow_pack(fixtures_built, extension_built, pw, tmp_path):
    """Chromium whose host loads, beside the built-in packs, a user pack with a quadratic pattern."""
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "mine.toml").write_text(SLOW_PACK, encoding="utf-8")
    profile = tmp_path / "profile"
    # The browser hands its environment to the native host it starts.
    context = harness.launch(profile, playwright=pw, env={**os.environ, "DECORUM_POLICY_PATH": str(packs)})
    yield context
    context.close()
    shutil.rmtree(profile, ignore_errors=True)


def test_a_rule_stopped_as_runaway_is_said_not_to_have_finished(request, browser_with_a_slow_pack):
    page = open_site(browser_with_a_slow_pack, "linkedin", policies=["mine"])
    draft = Draft(page, COMPOSERS[("linkedin", "comment")], request.node.nodeid).open()
    draft.editor.click()
    # The pattern's worst case, pasted in one go: a digit (which the rule needs to run at all),
    # then a 40,000-letter word.
    draft.page.keyboard.insert_text("Room 101: " + "a" * 40_000)

    draft.panel.wait_for_status_text("No policy warnings found, but some checks did not finish")
    assert draft.world.evaluate("() => decorum.active().hasAttribute('data-incomplete')")

    draft.page.keyboard.press("Control+a")  # a draft the slow pattern finishes on is clean again
    draft.page.keyboard.type("Lovely day.")
    draft.panel.wait_for_status_text("No policy warnings")
    assert not draft.world.evaluate("() => decorum.active().hasAttribute('data-incomplete')")
