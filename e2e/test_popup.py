"""The popup, driven in its own tab while a draft stays open on a site: what it lists, and
that each change reaches the open draft at once."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

import engine
from scenario import open_popup, set_settings, sites, stored_settings, wait_for_stored  # noqa: F401  (sites is a fixture)

BOTH_SOCIETIES = "Who's going to the ICIS and RCR meetings in October?"
SITE_EDITORS = [("x", "composer"), ("linkedin", "share"), ("facebook", "composer")]


def test_the_popup_lists_the_engines_policies_and_says_when_none_is_on(browser):
    popup = open_popup(browser)
    expect(popup.locator("#engine-status")).to_have_text(f"Connected — engine {engine.__version__}")

    packs = engine.list_policies()
    boxes = popup.locator("input[data-policy]")
    expect(boxes).to_have_count(len(packs))
    assert boxes.evaluate_all("(b) => b.map((i) => i.dataset.policy)") == [p.id for p in packs]
    for pack in packs:
        label = popup.locator(f'label:has(input[data-policy="{pack.id}"])')
        expect(label).to_contain_text(pack.name)
        expect(label).to_contain_text(pack.organisation)
    expect(boxes.and_(popup.locator(":checked"))).to_have_count(0)  # nothing on by default
    none_on = popup.get_by_text("No policy is switched on: Decorum is not checking anything")
    expect(none_on).to_be_visible()

    popup.locator('input[data-policy="icis"]').check()
    popup.locator('input[data-policy="rcr"]').check()
    wait_for_stored(browser, "activePolicies", ["icis", "rcr"])
    expect(none_on).to_be_hidden()
    popup.locator('input[data-policy="icis"]').uncheck()
    popup.locator('input[data-policy="rcr"]').uncheck()
    wait_for_stored(browser, "activePolicies", [])
    expect(none_on).to_be_visible()


@pytest.mark.parametrize("site, editor", SITE_EDITORS)
def test_switching_policies_in_the_popup_changes_the_open_draft(sites, site, editor):
    draft = sites.draft(site, editor, policies=[])
    draft.type(BOTH_SOCIETIES)
    draft.wait_for_state("inactive")  # and the panel says why nothing is checked
    assert "No policy switched on" in draft.status_text()

    popup = open_popup(sites.context)
    popup.locator('input[data-policy="icis"]').check()
    draft.wait_for_finding("icis", "disclaimer", record=False)
    assert draft.findings() == {("icis", "disclaimer")}

    popup.locator('input[data-policy="rcr"]').check()
    draft.wait_for_finding("rcr", "disclaimer", record=False)
    assert draft.findings() == {("icis", "disclaimer"), ("rcr", "disclaimer")}

    popup.locator('input[data-policy="icis"]').uncheck()
    draft.world.wait_for("() => decorum.find('[data-policy=\"icis\"]') === null", message="the ICIS warning stayed")
    assert draft.findings() == {("rcr", "disclaimer")}

    popup.locator('input[data-policy="rcr"]').uncheck()
    draft.wait_for_state("inactive")


def test_the_society_named_in_the_popup_is_the_one_checked_for(sites):
    draft = sites.draft("x", "composer", policies=["society"])
    draft.type("Thrilled to join the BSCI council this year!")
    draft.wait_for_state("ok")  # the 2024 policy names no society: nothing to look for yet

    popup = open_popup(sites.context)
    # Typed key by key, as a member does: no half-typed name is sent to be checked or stored.
    popup.get_by_label("Organisation name").press_sequentially("British Society of Clinical Imaging")
    popup.get_by_label("Acronym").press_sequentially("BSCI")
    popup.get_by_label("Handles").press_sequentially("@BSCI_UK, @bsci_news")
    expect(popup.get_by_role("status").filter(has_text="Not saved yet")).to_be_visible()
    assert "identities" not in stored_settings(sites.context)
    assert draft.findings() == set()

    popup.get_by_role("button", name="Save").click()
    expect(popup.get_by_text("Saved", exact=True)).to_be_visible()
    wait_for_stored(
        sites.context,
        "identities",
        {
            "society": {
                "names": ["British Society of Clinical Imaging"],
                "acronyms": ["BSCI"],
                "handles": ["@BSCI_UK", "@bsci_news"],
            }
        },
    )
    draft.wait_for_finding("society", "disclaimer", record=False)

    reopened = open_popup(sites.context)  # what was saved is what the popup shows next time
    expect(reopened.get_by_label("Acronym")).to_have_value("BSCI")
    expect(reopened.get_by_label("Handles")).to_have_value("@BSCI_UK, @bsci_news")
    # Kept on this computer: nothing for the browser's sync to upload.
    assert stored_settings(sites.context, "sync") == {}


def test_a_society_over_the_bounds_is_refused_in_the_popup_with_the_reason(browser):
    popup = open_popup(browser)
    handles = ", ".join(f"@handle{i}" for i in range(21))
    popup.get_by_label("Handles").fill(handles)
    popup.get_by_label("Handles").press("Enter")
    expect(popup.get_by_role("status").filter(has_text="At most 20 handles")).to_be_visible()
    expect(popup.get_by_label("Handles")).to_have_attribute("aria-invalid", "true")
    assert "identities" not in stored_settings(browser)


def test_settings_an_earlier_version_kept_in_browser_sync_move_to_this_computer(browser):
    set_settings(browser, "sync", activePolicies=["rcr"], disabledSites=["facebook"])
    popup = open_popup(browser)
    expect(popup.locator('input[data-policy="rcr"]')).to_be_checked()
    expect(popup.locator('input[data-site="facebook"]')).not_to_be_checked()
    wait_for_stored(browser, "activePolicies", ["rcr"])
    assert stored_settings(browser, "sync") == {}


def test_switching_a_site_off_removes_its_panels_and_on_brings_them_back(sites):
    draft = sites.draft("x", "composer", policies=["icis"])
    draft.type(BOTH_SOCIETIES)
    draft.wait_for_finding("icis", "disclaimer")

    popup = open_popup(sites.context)
    x_switch = popup.locator('input[data-site="x"]')
    expect(x_switch).to_be_checked()
    x_switch.uncheck()
    wait_for_stored(sites.context, "disabledSites", ["x"])
    draft.world.wait_for("() => decorum.panels().length === 0", message="the panel stayed")
    draft.type(" See you there.")
    draft.wait_for_model_text("(text, want) => text.endsWith(want)", " See you there.")
    assert draft.panel.panel_count() == 0

    x_switch.check()
    wait_for_stored(sites.context, "disabledSites", [])
    draft.wait_for_finding("icis", "disclaimer", record=False)
    assert stored_settings(sites.context)["activePolicies"] == ["icis"]


def test_a_profile_carrying_the_disclaimer_silences_only_the_policies_that_accept_it(sites):
    draft = sites.draft("linkedin", "share", policies=["rcr", "icis"])
    draft.type("Great RCR and ICIS teaching day")
    draft.wait_for_finding("rcr", "disclaimer", record=False)
    draft.wait_for_finding("icis", "disclaimer", record=False)
    assert draft.findings() == {("rcr", "disclaimer"), ("icis", "disclaimer")}

    popup = open_popup(sites.context)
    expect(popup.locator("#engine-status")).to_have_attribute("data-status", "connected")
    # Offered where the host says the policy accepts a statement on the profile: rcr and ipem, not icis.
    offered = popup.locator("input[data-profile-disclaimer]")
    accepting = [p.id for p in engine.list_policies() if p.profile_disclaimer]
    expect(offered).to_have_count(len(accepting))
    assert offered.evaluate_all("(b) => b.map((i) => i.dataset.profileDisclaimer)") == accepting
    expect(popup.locator('input[data-profile-disclaimer="icis"]')).to_have_count(0)
    rcr_profile = popup.locator('input[data-profile-disclaimer="rcr"]')
    expect(rcr_profile).to_have_accessible_name("My profile already carries the disclaimer")
    expect(rcr_profile).to_have_accessible_description(re.compile("accepts .* on your profile"))
    expect(rcr_profile).not_to_be_checked()
    expect(rcr_profile).to_be_enabled()
    expect(popup.locator('input[data-profile-disclaimer="ipem"]')).to_be_disabled()  # ipem is off

    rcr_profile.check()
    wait_for_stored(sites.context, "profileDisclaimer", ["rcr"])
    draft.world.wait_for("() => decorum.find('[data-policy=\"rcr\"]') === null", message="the RCR warning stayed")
    draft.wait_for_state("findings")
    assert draft.findings() == {("icis", "disclaimer")}

    # Switching rcr off keeps the answer for when it comes back, but it cannot be changed meanwhile.
    popup.locator('input[data-policy="rcr"]').uncheck()
    expect(rcr_profile).to_be_disabled()
    expect(rcr_profile).to_be_checked()
    popup.locator('input[data-policy="rcr"]').check()
    expect(rcr_profile).to_be_enabled()
    wait_for_stored(sites.context, "activePolicies", ["icis", "rcr"])

    reopened = open_popup(sites.context)  # what was saved is what the popup shows next time
    reopened_rcr = reopened.locator('input[data-profile-disclaimer="rcr"]')
    expect(reopened_rcr).to_be_checked()
    reopened_rcr.uncheck()
    wait_for_stored(sites.context, "profileDisclaimer", [])
    draft.wait_for_finding("rcr", "disclaimer", record=False)
    assert draft.findings() == {("rcr", "disclaimer"), ("icis", "disclaimer")}
