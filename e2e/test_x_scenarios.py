"""X (Draft.js): the real browser, the extension and the real decorum-host on the fixture page.

The inline composer renders ~600 ms after load (a late composer); the reply dialog opens later.
"""

from __future__ import annotations

from scenario import highlighted_texts, screenshot, sites  # noqa: F401  (sites is a fixture)

SOCIETY_NO_DISCLAIMER = "Who's going to the ICIS meeting in October?"
LOGO = "Banner updated with the ICIS logo for our department stand. Views my own."
CONFIDENTIAL = "ICIS finance committee papers (marked CONFIDENTIAL) say the congress will move to Lisbon."
CLEAN = "Lovely sunny morning for a walk by the river before clinic."


def test_naming_the_society_without_a_disclaimer_is_warned_and_the_fix_clears_it(sites):
    draft = sites.draft("x", "composer", policies=["icis"])
    draft.type(SOCIETY_NO_DISCLAIMER)

    finding = draft.wait_for_finding("icis", "disclaimer")
    draft.expand()
    assert "ICIS" in finding.locator("blockquote").inner_text()  # the clause, in the policy's words
    screenshot(draft.page, "x")

    fix = finding.locator('[data-action="fix"]')
    fix_text = fix.get_attribute("data-fix-text")
    fix.click()

    draft.wait_for_state("ok")
    assert draft.count() == 0
    # Draft.js's own model holds the disclaimer, appended after the draft.
    draft.wait_for_model_text("(text, want) => text === want", f"{SOCIETY_NO_DISCLAIMER} {fix_text}")


def test_using_the_society_logo_is_warned(sites):
    draft = sites.draft("x", "composer", policies=["icis"])
    draft.type(LOGO)
    draft.wait_for_finding("icis", "brand")
    assert draft.findings() == {("icis", "brand")}


def test_confidential_material_is_warned(sites):
    draft = sites.draft("x", "composer", policies=["icis"])
    draft.type(CONFIDENTIAL)
    draft.wait_for_finding("icis", "confidential")


def test_a_clean_draft_gets_no_warning(sites):
    draft = sites.draft("x", "composer", policies=["icis"])
    draft.type(CLEAN)
    draft.wait_for_state("ok")
    assert draft.count() == 0
    assert draft.findings() == set()


def test_a_reply_dialog_opened_after_load_is_checked_and_fixed(sites):
    draft = sites.draft("x", "reply", policies=["icis"])
    draft.type("See you at #ICIS2025 in Lisbon!")
    finding = draft.wait_for_finding("icis", "disclaimer")
    draft.expand()
    fix = finding.locator('[data-action="fix"]')
    fix_text = fix.get_attribute("data-fix-text")
    fix.click()
    draft.wait_for_state("ok")
    draft.wait_for_model_text("(text, want) => text.endsWith(want)", f" {fix_text}")


def test_the_panel_goes_when_the_reply_dialog_closes(sites):
    draft = sites.draft("x", "reply", policies=["icis"])
    draft.type(SOCIETY_NO_DISCLAIMER)
    draft.wait_for_finding("icis", "disclaimer")
    panels = draft.page.locator("[data-decorum-panel]")
    before = panels.count()
    draft.close()
    draft.page.wait_for_function(
        "(n) => document.querySelectorAll('[data-decorum-panel]').length === n - 1", arg=before
    )


def test_a_dismissed_warning_stays_dismissed_for_that_draft(sites):
    draft = sites.draft("x", "composer", policies=["icis"])
    draft.type(SOCIETY_NO_DISCLAIMER)
    finding = draft.wait_for_finding("icis", "disclaimer")
    draft.expand()
    finding.locator('[data-action="dismiss"]').click()
    draft.wait_for_state("ok")
    draft.type(" Bring slides.")
    draft.wait_for_state("ok")
    assert draft.findings() == set()


def test_offsets_after_emoji_and_line_breaks_underline_the_right_words(sites):
    # Emoji are two UTF-16 units: the engine's offsets must still land on the mention.
    draft = sites.draft("x", "composer", policies=["icis"])
    draft.type("🎉🎉 Big week!\nOff to #ICIS2025 in Lisbon 🇵🇹")
    draft.wait_for_finding("icis", "disclaimer")
    assert highlighted_texts(draft.page) == ["#ICIS2025"]
