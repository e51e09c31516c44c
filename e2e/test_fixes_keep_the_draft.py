"""A one-click fix never loses or changes what the member typed, in every compose box.

The real browser, extension and decorum-host on the fixture editors (X: Draft.js, LinkedIn:
Quill, Facebook: Lexical with its history plugin). For each box and each shape of draft that
has broken editors before (a trailing new line crashed Draft.js; a selection made Lexical
replace the selected words), the fix goes at the end whatever the caret and selection, the
member's text is kept exactly, the page throws nothing, and one Ctrl+Z takes the fix back out.
"""

from __future__ import annotations

import re

import pytest

import harness
from composers import JOINER, each_box
from draft import Draft, FindingView

MENTION = "Who's going to the ICIS meeting in October?"


def _type(text):
    return lambda draft: draft.type(text)


def _caret_in_the_middle(draft: Draft) -> None:
    draft.type(MENTION)
    for _ in range(12):
        draft.page.keyboard.press("ArrowLeft")


def _selection(draft: Draft) -> None:
    draft.type(MENTION)
    draft.select("meeting in Octo")


# Each leaves the draft with a disclaimer warning pending and the caret where a member might.
SHAPES = {
    "trailing space": _type(MENTION + " "),
    "trailing new line": _type(MENTION + "\n"),
    "several trailing new lines": _type(MENTION + "\n\n\n"),
    "caret in the middle": _caret_in_the_middle,
    "a selection": _selection,
    "emoji": _type("🎉 Off to the ICIS meeting 🩻🇵🇹 in October 👩🏽‍⚕️"),
    "right-to-left text": _type("نلتقي في ICIS الأسبوع المقبل"),
    "a blank line inside": _type("Agenda for Monday\n\nposter session, then the ICIS reception"),
}


def _expected(before: str, fix_text: str, site: str) -> str:
    glue = "" if before == "" or before[-1].isspace() else JOINER[site]
    return before + glue + fix_text


def _fix_and_undo_it(draft: Draft, finding: FindingView, site: str) -> None:
    """Clicks the fix: it goes at the end of the draft kept exactly, and one Ctrl+Z takes out the fix alone."""
    before = draft.model_text()
    fix_text = draft.apply_fix(finding)
    draft.wait_for_model_text("(text, want) => text === want", _expected(before, fix_text, site))
    draft.undo()
    draft.wait_for_model_text("(text, want) => text === want", before)


@pytest.mark.parametrize("shape", SHAPES)
@each_box
def test_the_fix_goes_at_the_end_keeps_the_draft_and_one_undo_takes_it_back(sites, site, name, shape):
    draft = sites.draft(site, name, policies=["icis"])
    SHAPES[shape](draft)
    finding = draft.wait_for_finding("icis", "disclaimer", record=False)
    _fix_and_undo_it(draft, finding, site)


def _delete_words(draft: Draft) -> None:
    draft.select("meeting in Octo")
    draft.page.keyboard.press("Backspace")


# Changes a member makes after a pause that the editor makes itself from the key, with no `input`
# event (Quill's keyboard module handles Enter and a deletion of selected words). Quill folds every
# change within a second of an undo step's first change into that step: after the pause each
# starts a step of its own, which a fix clicked at once must not join.
EDITS_AFTER_A_PAUSE = {"a new line": _type("\n"), "a deletion": _delete_words}
# Longer than the fixture editors' own undo grouping (Quill's and Lexical's history delay: 1 s).
PAUSE_MS = 1200


@pytest.mark.parametrize("edit", EDITS_AFTER_A_PAUSE)
@each_box
def test_one_undo_takes_back_only_the_fix_clicked_right_after_a_new_line_or_a_deletion(sites, site, name, edit):
    draft = sites.draft(site, name, policies=["icis"])
    draft.type(MENTION)
    finding = draft.wait_for_finding("icis", "disclaimer", record=False)
    draft.page.wait_for_timeout(PAUSE_MS)
    EDITS_AFTER_A_PAUSE[edit](draft)
    _fix_and_undo_it(draft, finding, site)


@pytest.mark.parametrize("site, name", [("facebook", "composer"), ("facebook", "comment"), ("x", "composer")])
def test_enter_on_the_fix_with_words_selected_appends_it_and_keeps_them(sites, site, name):
    draft = sites.draft(site, name, policies=["icis"])
    _selection(draft)
    finding = draft.wait_for_finding("icis", "disclaimer", record=False)

    fix_text = draft.apply_fix(finding, keyboard=True)

    draft.wait_for_model_text("(text, want) => text === want", _expected(MENTION, fix_text, site))


# The shipped module, run in the page: an empty box never gets a fix from the panel (a fix needs
# words to warn about), but the member may empty it while the list is still open.
INSERT_TEXT_MODULE = harness.EXTENSION_DIR / "content" / "insert-text.js"
# The module it imports, inlined before it: an inline module cannot import by a relative path.
SELECTION_MODULE = harness.EXTENSION_DIR / "content" / "editor-selection.js"


def _shipped_append_text() -> str:
    inserting = re.sub(r'^import [^\n]* from "\./editor-selection\.js";$', "", INSERT_TEXT_MODULE.read_text(), flags=re.M)
    return SELECTION_MODULE.read_text() + inserting + "\nwindow.decorumAppendText = appendText;"


@each_box
def test_appending_to_an_empty_box_fills_it_and_typing_carries_on(sites, site, name):
    draft = sites.draft(site, name)
    page = draft.page
    page.add_script_tag(type="module", content=_shipped_append_text())
    page.wait_for_function("() => typeof window.decorumAppendText === 'function'")

    assert draft.editor.evaluate("(editor) => window.decorumAppendText(editor, 'Views my own.')") is True

    draft.wait_for_model_text("(text, want) => text === want", "Views my own.")
    draft.page.keyboard.type(" Really.")
    draft.wait_for_model_text("(text, want) => text === want", "Views my own. Really.")
    # Each editor groups typed words into undo steps its own way (Draft.js by timing, Quill and
    # Lexical by a delay that may take in the fix too), so count no steps: undoing goes back to
    # the empty box, and no step ever takes part of the fix.
    text = draft.model_text()
    for _ in range(len(" Really.") + 1):
        draft.undo()
        draft.wait_for_model_text("(text, before) => text !== before", text)
        text = draft.model_text()
        assert text == "" or text.startswith("Views my own."), f"an undo step took part of the fix: {text!r}"
        if text == "":
            break
    assert text == "", f"undoing everything typed left {text!r}"
