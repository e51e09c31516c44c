"""The learned check in the browser: a warning the rules' words miss, shown on every site with its
clause, the sentence behind it underlined and the words that weighed; and the sensitivity chosen
on the settings page moving it.

The real browser, extension and decorum-host; the expected words and sentence are worked out by
the engine in this process, which reads the same model file as the host.
"""

from __future__ import annotations

import pytest

import engine
from composers import each_site
from engine.packs import load_all
from extension_pages import open_settings
from service_worker import wait_for_stored

# Kept from a board meeting, passed on: the rules find nothing (no "confidential", no "leaked").
BOARD_PAPERS = (
    "Great to catch up with everyone at the regional meeting. "
    "The board papers (not public, but I've read them all) say the exam fee is going up next year."
)
SENTENCE = "The board papers (not public, but I've read them all) say the exam fee is going up next year."


def test_the_rules_alone_miss_the_draft_these_tests_type():
    assert "rcr/confidential" not in {f"{f.policy}/{f.category}" for f in engine.check(BOARD_PAPERS, ["rcr"], detection="rules")}
    [finding] = [f for f in engine.check(BOARD_PAPERS, ["rcr"]) if f.category == "confidential"]
    assert finding.source == "model"


@each_site
def test_a_warning_only_the_learned_check_gives_is_shown_with_its_clause_sentence_and_reasons(sites, site, composer):
    [expected] = [f for f in engine.check(BOARD_PAPERS, ["rcr"]) if f.category == "confidential"]
    draft = sites.draft(site, composer, policies=["rcr"])
    draft.type(BOARD_PAPERS)

    finding = draft.wait_for_finding("rcr", "confidential", record=False)
    draft.expand()
    clause = next(r.clause for r in load_all()["rcr"].rules if r.category == "confidential")
    assert clause.quote in finding.text("blockquote")
    reasons = finding.text("[data-reasons]")
    assert reasons.startswith("Flagged by Decorum's learned check because of:")
    for reason in expected.reasons:
        assert f"“{reason}”" in reasons
    assert draft.panel.underlined_words() == [SENTENCE]


def test_the_sensitivity_on_the_settings_page_decides_how_sure_the_learned_check_must_be(sites):
    text, pair = _a_draft_only_more_warnings_flags()
    draft = sites.draft("linkedin", "share", policies=["rcr", "ipem", "icis"])
    draft.type(text)
    # The rules may have their own say (a disclaimer when the draft names the College).
    draft.wait_for_state("findings" if engine.check(text, ["rcr", "ipem", "icis"]) else "ok")
    assert pair not in {f"{p}/{c}" for p, c in draft.findings()}

    popup = open_settings(sites.context)
    popup.get_by_label("More warnings").check()
    wait_for_stored(sites.context, "sensitivity", "more")
    policy, category = pair.split("/")
    draft.wait_for_finding(policy, category, record=False)

    popup.get_by_label("Fewer warnings").check()
    wait_for_stored(sites.context, "sensitivity", "fewer")
    draft.world.wait_for(
        "(selector) => decorum.find(selector) === null",
        f'[data-policy="{policy}"][data-category="{category}"]',
        message=f"the {pair} warning stayed with fewer warnings",
    )


# Mild drafts, one of which the model flags at "more" but not at "balanced" (which one depends on
# the trained thresholds: the test asks the engine rather than assuming).
CANDIDATES = [
    "Not sure the College has thought this through. Again.",
    "Interesting choice of keynote speaker at #RCR2026... I'll say no more 🙃",
    "Heard a few things at the committee meeting that would surprise you. Watch this space.",
    "If anyone from the press wants a radiologist's view on waiting lists, my DMs are open.",
    "Some of our registrars could do with a bit more common sense, honestly.",
    "The new guidance reads like it was written by people who have never done an on-call.",
    "Lots of talk about the merger at the network meeting today, none of it official yet.",
    "Wonder who will get the consultant post... I have my favourite 😉",
]


def _flagged(text: str, sensitivity: str) -> set[str]:
    return {f"{f.policy}/{f.category}" for f in engine.check(text, ["rcr", "ipem", "icis"], sensitivity=sensitivity) if f.source == "model"}


def _a_draft_only_more_warnings_flags() -> tuple[str, str]:
    for text in CANDIDATES:
        more, balanced, fewer = _flagged(text, "more"), _flagged(text, "balanced"), _flagged(text, "fewer")
        for pair in sorted(more - balanced - fewer):
            return text, pair
    pytest.fail("no candidate draft is flagged at 'more' only: add one to CANDIDATES")
