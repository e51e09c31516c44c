"""LinkedIn (Quill): the real browser, the extension and the real decorum-host on the fixture page.

The share box is a dialog opened after load ("Start a post"); the comment box is there from load.
What every site does is in test_every_site.py.
"""

from __future__ import annotations


def test_a_draft_ending_in_a_space_gets_the_fix_straight_after_it(sites):
    draft = sites.draft("linkedin", "comment", policies=["icis"])
    draft.type("Great to see #ICIS2025 announced ")  # Quill keeps the trailing space as U+00A0
    finding = draft.wait_for_finding("icis", "disclaimer")
    fix_text = draft.apply_fix(finding)
    # No new line of its own: the draft ended in a space, and the fix goes straight after it.
    draft.wait_for_model_text("(text, want) => text === want", f"Great to see #ICIS2025 announced {fix_text}")
