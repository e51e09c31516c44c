"""On every site: the warnings a member sees in the main composer, and the fix that clears one.

The real browser, the extension and the real decorum-host, on fixture pages built from each
site's editor (X: Draft.js, LinkedIn: Quill, Facebook: Lexical). Each site's own file covers
its other compose boxes and its quirks.
"""

from __future__ import annotations

import pytest

from scenario import screenshot, sites  # noqa: F401  (sites is a fixture)

SOCIETY_NO_DISCLAIMER = "Who's going to the ICIS meeting in October?"
LOGO = "Banner updated with the ICIS logo for our department stand. Views my own."
CONFIDENTIAL = "ICIS finance committee papers (marked CONFIDENTIAL) say the congress will move to Lisbon."
CLEAN = "Lovely sunny morning for a walk by the river before clinic."

# Site, its main composer, and how a fix is joined to the draft: Quill takes a new line, while
# Draft.js and Lexical mangle one, so the extension appends after a space there.
MAIN_COMPOSERS = [("x", "composer", " "), ("linkedin", "share", "\n"), ("facebook", "composer", " ")]
each_site = pytest.mark.parametrize("site, composer, joiner", MAIN_COMPOSERS, ids=[s for s, _, _ in MAIN_COMPOSERS])


@each_site
def test_naming_the_society_without_a_disclaimer_is_warned_and_the_fix_clears_it(sites, site, composer, joiner):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type(SOCIETY_NO_DISCLAIMER)

    finding = draft.wait_for_finding("icis", "disclaimer")
    draft.expand()
    assert "ICIS" in finding.text("blockquote")
    screenshot(draft.page, site)

    fix_text = draft.apply_fix(finding)
    # The editor's own model holds the disclaimer, appended after the draft.
    draft.wait_for_model_text("(text, want) => text === want", f"{SOCIETY_NO_DISCLAIMER}{joiner}{fix_text}")


@each_site
def test_using_the_society_logo_is_warned(sites, site, composer, joiner):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type(LOGO)
    draft.wait_for_finding("icis", "brand")
    assert draft.findings() == {("icis", "brand")}


@each_site
def test_confidential_material_is_warned(sites, site, composer, joiner):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type(CONFIDENTIAL)
    draft.wait_for_finding("icis", "confidential")


@each_site
def test_a_clean_draft_gets_no_warning(sites, site, composer, joiner):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type(CLEAN)
    draft.wait_for_state("ok")
    assert draft.findings() == set()


# Composers that live in a dialog the member can close (X's reply, LinkedIn's share box, Facebook's "Create post").
DIALOG_COMPOSERS = [("x", "reply"), ("linkedin", "share"), ("facebook", "composer")]


@pytest.mark.parametrize("site, composer", DIALOG_COMPOSERS, ids=[s for s, _ in DIALOG_COMPOSERS])
def test_the_panel_goes_when_the_dialog_closes(sites, site, composer):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type(SOCIETY_NO_DISCLAIMER)
    draft.wait_for_finding("icis", "disclaimer")
    before = draft.panel.panel_count()
    draft.close()
    draft.world.wait_for("(n) => decorum.panels().length === n - 1", before, message="the panel stayed")
