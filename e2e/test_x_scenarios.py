"""X (Draft.js): the real browser, the extension and the real decorum-host on the fixture page.

The inline composer renders ~600 ms after load (a late composer); the reply dialog opens later.
What every site does is in test_every_site.py.
"""

from __future__ import annotations

SOCIETY_NO_DISCLAIMER = "Who's going to the ICIS meeting in October?"


def test_a_dismissed_warning_stays_dismissed_for_that_draft(sites):
    draft = sites.draft("x", "composer", policies=["icis"])
    draft.type(SOCIETY_NO_DISCLAIMER)
    finding = draft.wait_for_finding("icis", "disclaimer")
    draft.expand()
    finding.click("dismiss")
    draft.wait_for_state("dismissed")  # not "ok": nothing was fixed
    draft.type(" Bring slides.")
    draft.wait_for_state("dismissed")  # typing made it 'checking': this is the re-check's answer
    assert draft.status_text() == "1 warning dismissed"
    assert draft.findings() == set()


def test_offsets_after_emoji_and_line_breaks_underline_the_right_words(sites):
    # Emoji are two UTF-16 units: the engine's offsets must still land on the mention.
    draft = sites.draft("x", "composer", policies=["icis"])
    draft.type("🎉🎉 Big week!\nOff to #ICIS2025 in Lisbon 🇵🇹")
    draft.wait_for_finding("icis", "disclaimer")
    assert draft.panel.underlined_words() == ["#ICIS2025"]
