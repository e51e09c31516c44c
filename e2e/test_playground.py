"""The playground page of `decorum serve`, in Chromium: type a draft, tick a pack, see the finding and its highlight."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

import harness
from tests.served_api import ServedApi

ICIS_CLAUSE = "If you disclose your affiliation with ICIS, you must state that your views do not represent those of ICIS."


@pytest.fixture(scope="module")
def served() -> Iterator[ServedApi]:
    running = ServedApi()
    yield running
    running.stop()


@pytest.fixture
def page(pw, served) -> Iterator[Page]:
    browser = pw.chromium.launch(executable_path=harness.CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
    page = browser.new_page()
    outside: list[str] = []
    page.on("request", lambda request: None if request.url.startswith(served.url) else outside.append(request.url))
    page.goto(f"{served.url}/")
    yield page
    browser.close()
    assert outside == [], "the playground asked for something not on its own server"


def tick(page: Page, pack: str) -> None:
    page.locator(f'#policies input[value="{pack}"]').check()


def test_a_typed_draft_gets_its_finding_with_the_clause_and_the_words_highlighted(page):
    tick(page, "icis")
    page.locator("#draft").press_sequentially("Off to Lisbon for #ICIS2025 next week")
    card = page.locator('.finding[data-rule="icis.disclaimer"]')
    expect(card).to_be_visible()
    expect(card.locator(".severity")).to_have_text("warning")
    expect(card.locator(".policy")).to_have_text("ICIS Social Media Policy (2020)")
    expect(card.locator(".quote")).to_have_text(ICIS_CLAUSE)
    expect(card.locator(".section")).to_contain_text("Appropriate professional use of social media")
    expect(page.locator("#rendering mark")).to_have_text(["#ICIS2025"])
    expect(page.locator("#rendering")).to_have_text("Off to Lisbon for #ICIS2025 next week")


def test_offsets_after_an_emoji_highlight_the_right_words(page):
    # An emoji is two UTF-16 code units: the engine's offsets are JavaScript's string indices.
    tick(page, "icis")
    page.locator("#draft").fill("\U0001f389\U0001f389 Proud to present at #ICIS2025!")
    page.locator("#check").click()
    expect(page.locator("#rendering mark")).to_have_text(["#ICIS2025"])


def test_markup_in_the_draft_is_shown_as_text_and_never_run(page):
    tick(page, "icis")
    draft = 'See <b>you</b> at #ICIS2025 <img src=x onerror="window.ran=1">'
    page.locator("#draft").fill(draft)
    page.locator("#check").click()
    expect(page.locator(".finding")).to_have_count(1)
    expect(page.locator("#rendering")).to_have_text(draft)
    assert page.locator("#rendering b, #rendering img, .finding img").count() == 0
    assert page.evaluate("window.ran") is None


def test_the_society_pack_uses_the_identity_typed_on_the_page(page):
    tick(page, "society")
    page.locator("#society-acronyms").fill("BSCI")
    page.locator("#draft").fill("Delighted to chair the BSCI session today.")
    page.locator("#check").click()
    expect(page.locator('.finding[data-rule="society.disclaimer"]')).to_be_visible()
    expect(page.locator("#rendering mark")).to_have_text(["BSCI"])


def test_a_clean_draft_says_so(page):
    tick(page, "icis")
    page.locator("#draft").fill("Lovely weather in Lisbon today.")
    page.locator("#check").click()
    expect(page.locator("#status")).to_have_text("No findings.")
    expect(page.locator(".finding")).to_have_count(0)
