"""`make run` opens ready to use: the popup's page in front, and nothing of Chromium's own over
the page (no "unsupported command-line flag" bar, no "Restore pages?" bubble).

Both only appear in a visible window, so the demo runs on Xvfb here as it does on a machine
without a display. Chromium counts what it showed in its histograms (chrome://histograms):
`InfoBar.Shown` for a bar, `Session.SessionCrashed.Bubble` for the restore bubble.
"""

from __future__ import annotations

import json
import shutil

import pytest
from playwright.sync_api import expect

import harness
import run_demo
from native_host import EXTENSION_ID

pytestmark = pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb not installed (make test installs it)")


def histograms(context, prefix: str) -> str:
    """What chrome://histograms says of the histograms whose names start with ``prefix``."""
    page = context.new_page()
    page.goto(f"chrome://histograms/{prefix}")
    text = page.inner_text("body")
    page.close()
    return text


def mark_as_crashed(profile) -> None:
    """The profile as a demo stopped by `kill` leaves it: Chromium would offer to restore its pages."""
    preferences = profile / "Default" / "Preferences"
    preferences.parent.mkdir(parents=True)
    preferences.write_text(json.dumps({"profile": {"exit_type": "Crashed", "exited_cleanly": False}}))


def test_the_demo_opens_on_the_popup_with_nothing_of_chromiums_over_the_page(
    pw, fixtures_built, extension_built, tmp_path
):
    profile = tmp_path / "profile"
    mark_as_crashed(profile)
    with harness.virtual_display():
        context = run_demo.start(profile, playwright=pw)
        try:
            front = context.pages[0]
            assert front.url == f"chrome-extension://{EXTENSION_ID}/popup/popup.html"
            expect(front.locator("#engine-status")).to_have_text("Ready: drafts are checked on this computer")
            assert [page.url for page in context.pages[1:]] == [site.test_page for site in harness.sites()]

            assert "InfoBar.Shown" not in histograms(context, "InfoBar")
            assert "SessionCrashed.Bubble" not in histograms(context, "Session.SessionCrashed")
        finally:
            context.close()
