"""Facebook (Lexical): the real browser, the extension and the real decorum-host on the fixture page.

The "Create post" composer is a dialog opened after load; the comment box is there from load
(and Enter posts the comment, so nothing here presses Enter in it). What every site does is in
test_every_site.py.
"""

from __future__ import annotations

from playwright.sync_api import expect


SOCIETY_NO_DISCLAIMER = "Who's going to the ICIS meeting in October?"


def test_the_panel_works_from_the_keyboard(sites):
    draft = sites.draft("facebook", "composer", policies=["icis"])
    draft.type(SOCIETY_NO_DISCLAIMER)
    draft.wait_for_finding("icis", "disclaimer")
    page = draft.page

    panel = draft.panel
    panel.focus('button[aria-label="Show policy warnings"]')
    page.keyboard.press("Enter")
    assert panel.is_focused('button[aria-label="Hide policy warnings"]')
    page.keyboard.press("Tab")
    assert panel.is_focused('[data-action="fix"]')
    page.keyboard.press("Escape")  # back to the draft, list closed
    expect(draft.editor).to_be_focused()
    assert panel.is_visible('button[aria-label="Show policy warnings"]')
