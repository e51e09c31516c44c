"""The extension's own pages, opened in tabs as the browser opens them: the popup and the settings page."""

from __future__ import annotations

import harness

# Chrome sizes a popup to its page, up to 800 × 600 px: the popup's page is 400 px wide.
POPUP_SIZE = {"width": 400, "height": 600}


def open_popup(context):
    """The extension's popup page, in its own tab of the size Chrome gives the popup."""
    page = context.new_page()
    page.set_viewport_size(POPUP_SIZE)
    page.goto(f"chrome-extension://{harness.extension_id(context)}/popup/popup.html")
    return page


def open_settings(context):
    """The extension's settings page (options_ui), in a tab as chrome.runtime.openOptionsPage opens it."""
    page = context.new_page()
    page.goto(f"chrome-extension://{harness.extension_id(context)}/options/options.html")
    return page
