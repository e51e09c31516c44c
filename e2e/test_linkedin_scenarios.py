"""LinkedIn (Quill): the real browser, the extension and the real decorum-host on the fixture page.

The share box is a dialog opened after load ("Start a post"); the comment box is there from load.
"""

from __future__ import annotations

from scenario import highlighted_texts, sites  # noqa: F401  (sites is a fixture)

SOCIETY_NO_DISCLAIMER = "Who's going to the ICIS meeting in October?"


def test_a_comment_box_is_checked_and_fixed(sites):
    draft = sites.draft("linkedin", "comment", policies=["icis"])
    draft.type("Great to see #ICIS2025 announced ")  # Quill keeps the trailing space as U+00A0
    finding = draft.wait_for_finding("icis", "disclaimer")
    draft.expand()
    fix = finding.locator('[data-action="fix"]')
    fix_text = fix.get_attribute("data-fix-text")
    fix.click()
    draft.wait_for_state("ok")
    # The draft ended in a space: the fix goes straight after it.
    draft.wait_for_model_text("(text, want) => text === want", f"Great to see #ICIS2025 announced {fix_text}")


def test_a_multi_line_draft_underlines_the_words_the_warning_is_about(sites):
    draft = sites.draft("linkedin", "share", policies=["icis"])
    draft.type("Agenda for Monday:\n\nposter session, then the ICIS reception.")
    draft.wait_for_finding("icis", "disclaimer")
    assert "ICIS" in highlighted_texts(draft.page)


def test_the_panel_goes_when_the_share_dialog_closes(sites):
    draft = sites.draft("linkedin", "share", policies=["icis"])
    draft.type(SOCIETY_NO_DISCLAIMER)
    draft.wait_for_finding("icis", "disclaimer")
    panels = draft.page.locator("[data-decorum-panel]")
    before = panels.count()
    draft.close()
    draft.page.wait_for_function(
        "(n) => document.querySelectorAll('[data-decorum-panel]').length === n - 1", arg=before
    )
