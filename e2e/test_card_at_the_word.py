"""A card at the word (issue 10, part 2): pointing at an underlined word, clicking it or moving the
caret into it opens that problem's card by the words, with the list's content and actions.

The real browser, extension and decorum-host on the fixture pages (X: Draft.js, LinkedIn: Quill,
Facebook: Lexical), driven with the real mouse and keyboard. The underlines take no pointer events
and the editor's DOM is never touched: the card is found from the underlines' rectangles.
"""

from __future__ import annotations

import time

from composers import JOINER, TAB_LEAVES_THE_EDITOR, each_site
from service_worker import press_keyboard_command
from site_pages import screenshot

MENTION = "Who's going to the ICIS meeting in October?"
LABEL = "Warning: No personal-views statement, “ICIS”"
# The card opens under the words (or over them): this close to them, and level with their start.
NEAR_PX = 8


def _mention(sites, site, composer):
    draft = sites.draft(site, composer, policies=["icis"])
    draft.type(MENTION)
    draft.wait_for_finding("icis", "disclaimer", record=False)
    return draft


def _wait_for_caret(draft, caret: int, timeout: float = 2.0) -> None:
    deadline = time.monotonic() + timeout
    while (now := draft.caret()) != caret:
        assert time.monotonic() < deadline, f"the caret is at {now}, not back at {caret}"
        draft.page.wait_for_timeout(50)


def _is_by(card: dict, word: dict) -> bool:
    under = abs(card["y"] - (word["y"] + word["height"])) <= NEAR_PX
    over = abs(card["y"] + card["height"] - word["y"]) <= NEAR_PX
    return (under or over) and abs(card["x"] - word["x"]) <= 2


@each_site
def test_pointing_at_a_flagged_word_opens_its_card_by_it_and_select_puts_the_editors_selection_on_it(sites, site, composer):
    draft = _mention(sites, site, composer)
    assert not draft.word_card.is_open()

    word = draft.point_at("ICIS")
    draft.word_card.wait_until_open()

    card = draft.word_card.box()
    print(f"{site}: “ICIS” at {word}, its card at {card}")
    screenshot(draft.page, f"{site}-card-at-the-word")
    assert _is_by(card, word), f"the card {card} is not by the word {word}"
    viewport = draft.page.viewport_size
    assert card["x"] >= 0 and card["y"] >= 0 and card["x"] + card["width"] <= viewport["width"] and card["y"] + card["height"] <= viewport["height"]
    # For screen readers: a dialog named as the list's card is, the problem and its words.
    assert draft.world.evaluate("() => [decorum.wordCard().getAttribute('role'), decorum.wordCard().getAttribute('aria-label')]") == ["dialog", LABEL]
    assert draft.word_card.text(".message") == draft.finding("icis", "disclaimer").text(".message")
    # Pointing moved no focus: the member is still in the draft.
    draft.page.wait_for_function("(selector) => document.activeElement?.closest(selector) !== null", arg=draft.composer.selector)

    draft.word_card.click('[data-action="select"]')
    draft.wait_for_model_selection("ICIS")  # read back from the editor's own model
    draft.word_card.wait_until_closed()


@each_site
def test_add_disclaimer_in_the_card_at_the_word_appends_it_and_keeps_the_draft(sites, site, composer):
    draft = _mention(sites, site, composer)
    draft.point_at("ICIS")
    draft.word_card.wait_until_open()
    fix_text = draft.word_card.attribute('[data-action="fix"]', "data-fix-text")

    draft.word_card.click('[data-action="fix"]')

    draft.wait_for_model_text("(text, want) => text === want", f"{MENTION}{JOINER[site]}{fix_text}")
    draft.wait_for_state("ok")


@each_site
def test_the_caret_moved_into_a_flagged_word_opens_its_card_and_escape_closes_it_leaving_the_caret(sites, site, composer):
    draft = _mention(sites, site, composer)
    page = draft.page
    # From the end of the draft back into "ICIS" with the arrow keys.
    for _ in range(len(MENTION) - MENTION.index("ICIS") - 2):
        page.keyboard.press("ArrowLeft")
    draft.word_card.wait_until_open()
    caret = draft.caret()
    assert caret == MENTION.index("ICIS") + 2

    page.keyboard.press("Escape")
    draft.word_card.wait_until_closed()
    assert draft.caret() == caret  # the focus never left the draft: the caret is where it was

    # Back in with the keyboard: the caret moves in, Tab (or the keyboard command, where the editor
    # keeps Tab for itself) goes into the card, Escape comes back.
    page.keyboard.press("ArrowRight")
    draft.word_card.wait_until_open()
    caret = draft.caret()
    if site in TAB_LEAVES_THE_EDITOR:
        page.keyboard.press("Tab")
    else:
        press_keyboard_command(sites.context)
    draft.world.wait_for("() => decorum.wordCard()?.contains(decorum.wordCard().getRootNode().activeElement)", message="the focus did not go into the card")
    assert draft.caret() is None  # the focus left the draft for the card
    page.keyboard.press("Escape")
    draft.word_card.wait_until_closed()
    _wait_for_caret(draft, caret)  # the editor has the focus again, the caret where it was
    page.keyboard.type("X")  # typing goes where the caret was
    at = MENTION.index("ICIS") + 3
    draft.wait_for_model_text("(text, want) => text === want", MENTION[:at] + "X" + MENTION[at:])


@each_site
def test_the_card_closes_when_the_pointer_leaves_the_word_but_not_while_it_is_on_the_card(sites, site, composer):
    draft = _mention(sites, site, composer)
    page = draft.page
    draft.point_at("ICIS")
    draft.word_card.wait_until_open()

    card = draft.word_card.box()
    page.mouse.move(card["x"] + card["width"] / 2, card["y"] + card["height"] / 2, steps=6)  # across the gap onto the card
    page.wait_for_timeout(1000)
    assert draft.word_card.is_open()

    page.mouse.move(2, page.viewport_size["height"] - 2, steps=6)  # away from both
    draft.word_card.wait_until_closed(timeout=2.0)


@each_site
def test_a_click_on_a_flagged_word_reaches_the_editor_and_opens_the_card(sites, site, composer):
    draft = _mention(sites, site, composer)
    word = draft.words_box("ICIS")
    draft.page.mouse.click(word["x"] + word["width"] / 2, word["y"] + word["height"] / 2)
    draft.word_card.wait_until_open()
    # The click went through the underline to the editor: the caret is in the word.
    assert MENTION.index("ICIS") <= draft.caret() <= MENTION.index("ICIS") + len("ICIS")
    draft.page.mouse.move(2, draft.page.viewport_size["height"] - 2, steps=4)
    draft.page.wait_for_timeout(800)
    assert draft.word_card.is_open()  # opened by the caret: it stays while the caret is in the word
