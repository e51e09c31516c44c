"""On every site: the warnings a member sees in each compose box, and the fix that clears one.

The real browser, the extension and the real decorum-host, on fixture pages built from each
site's editor (X: Draft.js, LinkedIn: Quill, Facebook: Lexical). The sites are the extension's
site adapters; each site's own file (test_<site>_scenarios.py) covers its quirks.
"""

from __future__ import annotations

import harness
from composers import COMPOSERS, DIALOG_COMPOSERS, JOINER, MAIN_COMPOSERS, OTHER_COMPOSERS, TAB_LEAVES_THE_EDITOR, each, each_site
from site_pages import screenshot

SOCIETY_NO_DISCLAIMER = "Who's going to the ICIS meeting in October?"
LOGO = "Banner updated with the ICIS logo for our department stand. Views my own."
CONFIDENTIAL = "ICIS finance committee papers (marked CONFIDENTIAL) say the congress will move to Lisbon."
CLEAN = "Lovely sunny morning for a walk by the river before clinic."



@each_site
def test_naming_the_society_without_a_disclaimer_is_warned_and_the_fix_clears_it(sites, site, composer):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type(SOCIETY_NO_DISCLAIMER)

    finding = draft.wait_for_finding("icis", "disclaimer")
    draft.expand()
    assert "ICIS" in finding.text("blockquote")
    screenshot(draft.page, site)

    fix_text = draft.apply_fix(finding)
    # The editor's own model holds the disclaimer, appended after the draft.
    draft.wait_for_model_text("(text, want) => text === want", f"{SOCIETY_NO_DISCLAIMER}{JOINER[site]}{fix_text}")


@each_site
def test_using_the_society_logo_is_warned(sites, site, composer):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type(LOGO)
    draft.wait_for_finding("icis", "brand")
    assert draft.findings() == {("icis", "brand")}


@each_site
def test_confidential_material_is_warned(sites, site, composer):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type(CONFIDENTIAL)
    draft.wait_for_finding("icis", "confidential")


@each_site
def test_a_clean_draft_gets_no_warning(sites, site, composer):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type(CLEAN)
    draft.wait_for_state("ok")
    assert draft.findings() == set()


@each_site
def test_a_multi_line_draft_underlines_the_words_the_warning_is_about(sites, site, composer):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type("Agenda for Monday:\n\nposter session, then the ICIS reception.")
    draft.wait_for_finding("icis", "disclaimer")
    assert "ICIS" in draft.panel.underlined_words()


# The site's other compose boxes: X's reply dialog, opened after load; the comment boxes of
# LinkedIn and Facebook, there from load.
@each(OTHER_COMPOSERS)
def test_another_compose_box_is_checked_and_fixed(sites, site, composer):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type("Off to #ICIS2025 next week")
    finding = draft.wait_for_finding("icis", "disclaimer")
    fix_text = draft.apply_fix(finding)
    draft.wait_for_model_text("(text, want) => text === want", f"Off to #ICIS2025 next week{JOINER[site]}{fix_text}")


# Dialogs the member can close: X's reply, LinkedIn's share box, Facebook's "Create post".
@each(DIALOG_COMPOSERS)
def test_the_panel_goes_when_the_dialog_closes(sites, site, composer):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type(SOCIETY_NO_DISCLAIMER)
    draft.wait_for_finding("icis", "disclaimer")
    before = draft.panel.panel_count()
    draft.close()
    draft.world.wait_for("(n) => decorum.panels().length === n - 1", before, message="the panel stayed")


def test_the_fixture_pages_cover_every_site_the_extension_runs_on(fixtures_built):
    """A site adapter added without its fixture compose boxes (composers.py) fails here, and so
    does a fixture site no adapter runs on."""
    adapters = sorted(site.name for site in harness.sites())
    assert sorted({site for site, _ in COMPOSERS}) == adapters, "composers.py has the boxes of every site adapter's site, and of no other"
    assert sorted(site for site, _ in MAIN_COMPOSERS) == adapters, "each site has one main composer"
    assert sorted(JOINER) == adapters, "composers.py's JOINER says how each site's editor joins a fix"
    assert TAB_LEAVES_THE_EDITOR <= set(adapters)
    for site in adapters:
        assert (fixtures_built / f"{site}.html").is_file(), f"no fixture page e2e/fixtures/src/{site}.html"
