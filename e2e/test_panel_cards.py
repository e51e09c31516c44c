"""The panel as a member meets it, on every site: one card per problem (naming its words, listing
every policy it breaks), a dismissal that can be undone and is remembered, a policy that says it
cannot check, a next step for every card (select the words, whom to ask), and the keyboard.

The real browser, extension and decorum-host on the fixture pages (X: Draft.js, LinkedIn: Quill,
Facebook: Lexical). The expected findings are the engine's, asked in this process.
"""

from __future__ import annotations

from playwright.sync_api import expect

import engine
from composers import MAIN_COMPOSERS, TAB_LEAVES_THE_EDITOR, each, each_site
from engine.packs import load_all
from service_worker import press_keyboard_command, service_worker, set_settings
from tests.drafts import SEVEN_LINES, THREE_POLICIES


# One patient sentence, two policies: before, four cards in two identical pairs.
PATIENT = "Saw Mr John Smith (DOB 04/07/1961) in clinic today with a huge tumour."
TWO_POLICIES = ["rcr", "icis"]
PRESS = "The Guardian rang me about the RCR workforce figures and I gave them my view."


@each_site
def test_a_seven_line_draft_with_three_policies_gets_one_card_per_problem(sites, site, composer):
    findings = engine.check(SEVEN_LINES, THREE_POLICIES)
    draft = sites.draft(site, composer, policies=THREE_POLICIES)
    cards = draft.type_until_the_panel_shows_every_finding(SEVEN_LINES, THREE_POLICIES)
    print(f"{site}: {len(findings)} findings (one card each before) -> {len(cards)} cards")

    # The problems, worst first, then in the order of the draft: each policy's finding on the same
    # words is in the one card, the three unsigned mentions of the first line are one problem, and
    # the patient's name and date of birth (one sentence) are one.
    assert [(c["severity"], c["category"]) for c in cards] == [
        ("error", "personal_data"),
        ("error", "confidential"),
        ("error", "abusive"),
        ("warning", "disclaimer"),
        ("warning", "disparagement"),  # "The RCR board papers …"
        ("warning", "political"),
        ("warning", "disparagement"),  # "the Tories have wrecked the NHS": an RCR stakeholder
        ("warning", "brand"),
        ("warning", "disparagement"),  # "the IPEM council are a bunch of idiots"
        ("warning", "media"),
    ]
    by_category = {c["category"]: c for c in cards}
    assert sorted(by_category["confidential"]["policies"]) == sorted(THREE_POLICIES)
    assert by_category["confidential"]["words"] == "“strictly confidential”"
    assert by_category["disclaimer"]["words"] == "“RCR”, “IPEM”, “ICIS”"
    assert draft.count() == len(cards)
    assert draft.status_text() == f"{len(cards)} policy warnings"
    assert len(cards) < len(findings)


@each_site
def test_one_patient_sentence_with_two_policies_is_one_card_naming_its_words(sites, site, composer):
    findings = engine.check(PATIENT, TWO_POLICIES)
    draft = sites.draft(site, composer, policies=TWO_POLICIES)
    [card] = draft.type_until_the_panel_shows_every_finding(PATIENT, TWO_POLICIES)
    print(f"{site}: {len(findings)} findings (one card each before) -> 1 card")

    assert card["category"] == "personal_data" and card["severity"] == "error"
    assert card["words"] == "“Mr John”, “DOB 04/07/1961”"
    assert card["label"] == "Error: Personal data, “Mr John”, “DOB 04/07/1961”"  # the problem in a few words, not the clause
    assert sorted(card["policies"]) == sorted(TWO_POLICIES)
    draft.expand()
    first, second = card["policies"]
    assert draft.panel.is_visible(f'[data-policy="{first}"]')
    assert not draft.panel.is_visible(f'[data-policy="{second}"]')  # one click away
    other = draft.finding(second, "personal_data")
    clause = next(r.clause for r in load_all()[second].rules if r.category == "personal_data")
    assert clause.quote in other.text("blockquote")  # reveal() clicked "Also in 1 other policy"


@each_site
def test_a_dismissed_problem_can_be_undone_and_stays_dismissed_while_its_words_stay(sites, site, composer):
    draft = sites.draft(site, composer, policies=TWO_POLICIES)
    draft.type(PATIENT)
    finding = draft.wait_for_finding("rcr", "personal_data", record=False)
    draft.expand()
    finding.click("dismiss")

    draft.wait_for_state("dismissed")  # not green: nothing was fixed
    assert draft.status_text() == "1 warning dismissed"
    [card] = draft.panel.cards()
    assert card["dismissed"] and card["policies"] == []
    assert draft.panel.text("[data-card][data-dismissed]").startswith("Dismissed")
    assert draft.panel.underlined_words() == []

    draft.type(" Lovely man.")  # typing makes the panel 'checking': back to 'dismissed' after the re-check
    draft.wait_for_state("dismissed")
    assert draft.status_text() == "1 warning dismissed"
    assert draft.panel.cards()[0]["dismissed"]

    finding.undo()
    draft.wait_for_finding("rcr", "personal_data", record=False)
    assert draft.status_text() == "1 policy warning"
    draft.panel.wait_for_underline("DOB 04/07/1961")


@each_site
def test_a_dismissal_is_kept_by_the_words_so_other_problems_still_show(sites, site, composer):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type("Off to #ICIS2025 next week.")
    draft.wait_for_finding("icis", "disclaimer", record=False)
    draft.expand()
    draft.finding("icis", "disclaimer").click("dismiss")
    draft.wait_for_state("dismissed")

    draft.type(" The board papers are strictly confidential.")
    draft.wait_for_finding("icis", "confidential", record=False)
    cards = draft.panel.cards()
    assert [(c["category"], c["dismissed"]) for c in cards] == [("confidential", False), ("disclaimer", True)]
    assert draft.status_text() == "1 policy warning · 1 dismissed"


@each_site
def test_the_society_policy_with_no_society_named_says_it_cannot_check_and_opens_where_to_name_it(sites, site, composer):
    draft = sites.draft(site, composer, policies=["society"])
    draft.type("Thrilled to join the BSCI council this year!")
    draft.wait_for_state("ok")
    assert draft.status_text() == "No policy warnings found, but one policy could not check"
    assert draft.panel.attribute("[data-needs-identity]", "data-needs-identity") == "society"
    assert "cannot look for mentions of your society until you name it" in draft.panel.text(".notice")

    with sites.context.expect_page() as opened:
        draft.panel.click('[data-action="name-society"]')
    page = opened.value
    page.wait_for_load_state()
    # The popup's page, where the society is named under the Society policy (not the settings page).
    manifest = service_worker(sites.context).evaluate("() => chrome.runtime.getManifest()")
    assert page.url.endswith("/" + manifest["action"]["default_popup"])
    expect(page.locator("#identity-names")).to_be_visible()

    set_settings(sites.context, identities={"society": {"names": [], "acronyms": ["BSCI"], "handles": []}})
    draft.wait_for_finding("society", "disclaimer", record=False)
    assert not draft.panel.exists("[data-needs-identity]")


@each_site
def test_select_puts_the_editors_selection_on_the_flagged_words_and_the_card_says_whom_to_ask(sites, site, composer):
    draft = sites.draft(site, composer, policies=["rcr"])
    draft.type(PRESS)
    finding = draft.wait_for_finding("rcr", "media", record=False)
    draft.expand()
    [media] = [f for f in engine.check(PRESS, ["rcr"]) if f.category == "media"]
    words = PRESS[media.start : media.end]

    ask = next(a for a in load_all()["rcr"].asks if "media" in a.categories)
    assert f"“{ask.quote}”" in finding.text("[data-ask]")  # in the policy's own words

    finding.click("select")
    draft.wait_for_model_selection(words)  # the editor's own model holds the selection
    draft.page.keyboard.type("A reporter")  # and typing replaces the words, as the member wants
    draft.wait_for_model_text("(text, want) => text === want", PRESS.replace(words, "A reporter"))


@each_site
def test_the_keyboard_command_moves_between_the_draft_and_a_card_that_names_its_words(sites, site, composer):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type("Who's going to the ICIS meeting in October?")
    draft.wait_for_finding("icis", "disclaimer", record=False)
    worker = service_worker(sites.context)
    commands = worker.evaluate("() => chrome.commands.getAll()")
    assert {"name": "focus-panel", "shortcut": "Alt+Shift+D"}.items() <= next(c for c in commands if c["name"] == "focus-panel").items()

    press_keyboard_command(sites.context)
    draft.world.wait_for(
        "() => { const card = decorum.find('[data-card]'); return card && card.getRootNode().activeElement === card; }",
        message="the first card did not take the focus",
    )
    label = draft.world.evaluate("() => decorum.find('[data-card]').getAttribute('aria-label')")
    assert label == "Warning: No personal-views statement, “ICIS”"
    draft.page.keyboard.press("Tab")
    assert draft.panel.is_focused('[data-action="fix"]')

    press_keyboard_command(sites.context)
    draft.page.wait_for_function("(selector) => document.activeElement?.closest(selector) !== null", arg=draft.composer.selector)


@each_site
def test_the_panel_comes_right_after_the_compose_box_in_the_reading_order(sites, site, composer):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type("Who's going to the ICIS meeting in October?")
    draft.wait_for_finding("icis", "disclaimer", record=False)
    follows = draft.world.evaluate(
        """(selector) => {
          const next = document.querySelector(selector).nextElementSibling;
          const root = next && chrome.dom.openOrClosedShadowRoot(next);
          return !!root && root.contains(decorum.active());
        }""",
        draft.composer.selector,
    )
    assert follows


# Where Tab types a tab character (Quill), the keyboard command is the way (test_card_at_the_word.py).
@each([(site, name) for site, name in MAIN_COMPOSERS if site in TAB_LEAVES_THE_EDITOR])
def test_tab_from_the_draft_reaches_the_panel_before_the_sites_own_buttons(sites, site, composer):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type("Who's going to the ICIS meeting in October?")
    draft.wait_for_finding("icis", "disclaimer", record=False)
    draft.page.keyboard.press("Tab")
    assert draft.panel.is_focused('button[aria-label="Show policy warnings"]')
    draft.page.keyboard.press("Shift+Tab")
    draft.page.wait_for_function("(selector) => document.activeElement?.closest(selector) !== null", arg=draft.composer.selector)
