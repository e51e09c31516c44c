"""The extension as `make package` ships it (only what its manifest reaches, Chrome's manifest)
works in Chromium: the popup reaches the engine and a draft on a site gets its warning."""

from __future__ import annotations

from playwright.sync_api import expect

import harness
from extension_pages import open_popup
from native_host import EXTENSION_ID
from site_pages import Sites
from tools import package


def test_the_packaged_chrome_extension_connects_and_checks_a_draft(pw, fixtures_built, extension_built, tmp_path, request):
    unpacked = package.stage_extension("chrome-unpacked", tmp_path / "chrome")
    context = harness.launch(tmp_path / "profile", extension_dir=unpacked, playwright=pw)
    try:
        assert harness.extension_id(context) == EXTENSION_ID  # the id the host manifest allows
        popup = open_popup(context)
        expect(popup.locator("#engine-status")).to_have_text("Ready: drafts are checked on this computer")

        draft = Sites(context, request.node.nodeid).draft("x", "composer", policies=["icis"])
        draft.type("Who's heading to #ICIS2025?")
        draft.wait_for_finding("icis", "disclaimer", record=False)
        assert draft.findings() == {("icis", "disclaimer")}
    finally:
        context.close()
