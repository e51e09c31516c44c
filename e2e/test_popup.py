"""The popup, driven in its own tab of a popup's size while a draft stays open on a site: that
it fits Chrome's 600 px with the site switches in sight, what it lists and in which order, and
that each change reaches the open draft at once. The rarer settings are on the settings page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

import engine
import harness
from composers import MAIN_COMPOSERS, each
from extension_pages import open_popup, open_settings
from service_worker import set_settings, stored_settings, wait_for_stored
from site_pages import SCREENSHOTS

BOTH_SOCIETIES = "Who's going to the ICIS and RCR meetings in October?"
CHROME_POPUP_MAX_HEIGHT = 600
EVERY_POLICY = [p.id for p in engine.list_policies()]
IN_FORCE = [p.id for p in engine.list_policies() if not p.superseded_by]
SUPERSEDED = [p.id for p in engine.list_policies() if p.superseded_by]


def _box(locator) -> dict:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not rendered"
    return box


def _reachable_without_scrolling(popup, locator) -> bool:
    """The control is inside the popup's first 600 px and on top there, with nothing scrolled."""
    box = _box(locator)
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    return locator.evaluate(
        """(el, [x, y]) => scrollY === 0 && [...document.querySelectorAll("*")].every((e) => e.scrollTop === 0)
             && document.elementFromPoint(x, y) === el""",
        [x, y],
    ) and box["y"] >= 0 and box["y"] + box["height"] <= CHROME_POPUP_MAX_HEIGHT


@pytest.mark.parametrize("policies", [[], EVERY_POLICY], ids=["nothing on", "every policy on"])
def test_the_popup_fits_in_chromes_600_px_with_the_site_switches_in_reach(browser, policies):
    set_settings(browser, activePolicies=policies)
    popup = open_popup(browser)
    expect(popup.locator("input[data-policy]")).to_have_count(len(EVERY_POLICY))
    # One switch per site adapter, named as the adapter names the site.
    assert [label.inner_text().strip() for label in popup.locator(".sites label").all()] == [site.label for site in harness.sites()]
    if "society" in policies:
        # The README's picture: a society named as a member would name theirs.
        popup.get_by_label("Organisation name").fill("British Society of Clinical Imaging")
        popup.get_by_label("Acronym").fill("BSCI")
        popup.get_by_label("Handles").fill("@BSCI_UK")
        popup.get_by_label("Handles").press("Enter")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        popup.screenshot(path=str(SCREENSHOTS / "popup.png"))
        # The tallest state: the society form open, with a refusal under it.
        popup.get_by_label("Handles").fill(", ".join(f"@handle{i}" for i in range(21)))
        popup.get_by_label("Handles").press("Enter")
        expect(popup.get_by_role("status").filter(has_text="At most 20 handles")).to_be_visible()

    height = _box(popup.locator("html"))["height"]
    print(f"popup height with {len(policies)} policies on: {height:.0f} px (Chrome shows at most 600)")
    assert height <= CHROME_POPUP_MAX_HEIGHT
    for site in harness.sites():
        assert _reachable_without_scrolling(popup, popup.locator(f'input[data-site="{site.name}"]')), f"the {site.label} switch is out of reach"


def test_current_policies_come_first_and_the_superseded_one_last_marked_as_replaced(browser):
    popup = open_popup(browser)
    boxes = popup.locator("input[data-policy]")
    expect(boxes).to_have_count(len(EVERY_POLICY))
    assert boxes.evaluate_all("(b) => b.map((i) => i.dataset.policy)") == IN_FORCE + SUPERSEDED
    assert SUPERSEDED == ["icis-2013"]
    old = popup.locator('li:has(input[data-policy="icis-2013"])')
    expect(old).to_have_attribute("data-superseded", "")
    expect(old).to_contain_text("Replaced by ICIS Social Media Policy (2020) · 1 December 2013")
    expect(popup.locator('li:has(input[data-policy="icis"])')).to_contain_text("International Cancer Imaging Society · April 2020")


def test_the_popup_speaks_of_dates_and_the_society_in_a_members_words(browser):
    popup = open_popup(browser)
    expect(popup.locator("#engine-status")).to_have_text("Ready: drafts are checked on this computer")
    expect(popup.locator('li:has(input[data-policy="rcr"])')).to_contain_text("The Royal College of Radiologists · date not given")
    society = popup.locator('li:has(input[data-policy="society"])')
    expect(society).to_contain_text("For your own society, named here · April 2024")
    text = popup.locator("body").inner_text()
    for jargon in ("undated", engine.__version__, "engine 0", "Decorum's settings", "make "):
        assert jargon not in text


def test_the_society_form_shows_only_while_the_society_policy_is_on_with_visible_labels(browser):
    popup = open_popup(browser)
    form = popup.locator("#identity-form")
    expect(popup.locator('input[data-policy="society"]')).not_to_be_checked()
    expect(form).to_be_hidden()

    popup.locator('input[data-policy="society"]').check()
    expect(form).to_be_visible()
    for label in ("Organisation name", "Acronym", "Handles"):
        field = popup.get_by_label(label)
        expect(field).to_be_visible()
        expect(field).to_have_value("")
        assert field.get_attribute("placeholder") is None  # a grey example reads as a value filled in
        expect(popup.locator("label", has_text=label)).to_be_visible()
    # It sits under the Society switch, not somewhere else in the popup.
    assert popup.locator('li:has(input[data-policy="society"]) #identity-form').count() == 1

    popup.get_by_label("Acronym").fill("BSCI")
    popup.get_by_label("Acronym").press("Enter")
    expect(popup.locator('li:has(input[data-policy="society"])')).to_contain_text("For BSCI · April 2024")
    popup.locator('input[data-policy="society"]').uncheck()
    expect(form).to_be_hidden()
    wait_for_stored(browser, "activePolicies", [])
    assert stored_settings(browser)["identities"]["society"]["acronyms"] == ["BSCI"]  # kept for when it is back on


def test_the_settings_button_opens_the_settings_page(browser):
    popup = open_popup(browser)
    with browser.expect_page() as opened:
        popup.get_by_role("button", name="Settings").click()
    settings = opened.value
    settings.wait_for_load_state()
    assert settings.url.endswith("/options/options.html")
    expect(settings.get_by_role("heading", name="Decorum settings")).to_be_visible()
    expect(settings.get_by_label("Balanced")).to_be_checked()


def test_the_popup_lists_the_engines_policies_and_says_when_none_is_on(browser):
    popup = open_popup(browser)
    expect(popup.locator("#engine-status")).to_have_attribute("data-status", "connected")

    packs = engine.list_policies()
    boxes = popup.locator("input[data-policy]")
    expect(boxes).to_have_count(len(packs))
    assert sorted(boxes.evaluate_all("(b) => b.map((i) => i.dataset.policy)")) == sorted(p.id for p in packs)
    for pack in packs:
        label = popup.locator(f'label:has(input[data-policy="{pack.id}"])')
        expect(label).to_contain_text(pack.name)
        if pack.id != "society" and not pack.superseded_by:
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


@each(MAIN_COMPOSERS, "site, editor", by_site=False)
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
    set_settings(browser, activePolicies=["society"])
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

    popup = open_settings(sites.context)
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

    # Switching rcr off in the popup keeps the answer for when it comes back, but it cannot be
    # changed meanwhile; the settings page follows the popup without a reload.
    switches = open_popup(sites.context)
    switches.locator('input[data-policy="rcr"]').uncheck()
    expect(rcr_profile).to_be_disabled()
    expect(rcr_profile).to_be_checked()
    expect(rcr_profile).to_have_accessible_description(re.compile("switched off in Decorum's popup"))
    switches.locator('input[data-policy="rcr"]').check()
    expect(rcr_profile).to_be_enabled()
    wait_for_stored(sites.context, "activePolicies", ["icis", "rcr"])

    reopened = open_settings(sites.context)  # what was saved is what the page shows next time
    reopened_rcr = reopened.locator('input[data-profile-disclaimer="rcr"]')
    expect(reopened_rcr).to_be_checked()
    reopened_rcr.uncheck()
    wait_for_stored(sites.context, "profileDisclaimer", [])
    draft.wait_for_finding("rcr", "disclaimer", record=False)
    assert draft.findings() == {("rcr", "disclaimer"), ("icis", "disclaimer")}
