"""LinkedIn (Quill): the real browser, the extension and the real decorum-host on the fixture page.

The share box is a dialog opened after load ("Start a post"); the comment box is there from load.
"""

from __future__ import annotations

from scenario import sites  # noqa: F401  (sites is a fixture)



def test_a_comment_box_is_checked_and_fixed(sites):
    draft = sites.draft("linkedin", "comment", policies=["icis"])
    draft.type("Great to see #ICIS2025 announced ")  # Quill keeps the trailing space as U+00A0
    finding = draft.wait_for_finding("icis", "disclaimer")
    fix_text = draft.apply_fix(finding)
    # The draft ended in a space: the fix goes straight after it.
    draft.wait_for_model_text("(text, want) => text === want", f"Great to see #ICIS2025 announced {fix_text}")


def test_a_multi_line_draft_underlines_the_words_the_warning_is_about(sites):
    draft = sites.draft("linkedin", "share", policies=["icis"])
    draft.type("Agenda for Monday:\n\nposter session, then the ICIS reception.")
    draft.wait_for_finding("icis", "disclaimer")
    assert "ICIS" in draft.panel.underlined_words()
