"""The compose boxes of the fixture pages, as the e2e tests drive them: one entry per box.

The sites themselves (their names, hosts and test pages) come from the extension's site adapters
(harness.sites()); what is here is what only the fixture pages know: where each box is, how it
opens and closes, and what its editor puts between a draft and a fix. test_every_site.py holds
this list to the adapters' sites.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class Composer:
    site: str
    name: str  # window.decorumFixture.text(name) reads this editor's own model
    selector: str
    submit: str  # the site's own Post / Reply / Comment button of this box
    frame: str  # the box around it the panel sits by (the site adapter's anchor), as closest() finds it
    opener: str | None = None  # clicked to open the dialog that holds it
    closer: str | None = None  # clicked to close that dialog
    newline: str = "Enter"  # the key that starts a new line (Enter posts a Facebook comment)
    dialog: str | None = None  # the dialog it lives in
    main: bool = False  # the site's main composer: the one the tests of every site type in

    @property
    def key(self) -> tuple[str, str]:
        return (self.site, self.name)


_ALL = [
    Composer(
        "x",
        "composer",
        '.DraftEditor-root [data-testid="tweetTextarea_0"][role="textbox"]',
        submit='[data-testid="tweetButtonInline"]',
        frame=".DraftEditor-root",
        main=True,
    ),
    Composer(
        "x",
        "reply",
        '[role="dialog"] .DraftEditor-root [data-testid="tweetTextarea_1"][role="textbox"]',
        submit='[role="dialog"] [data-testid="tweetButton"]',
        frame=".DraftEditor-root",
        opener='article[data-testid="tweet"] [data-testid="reply"]',
        closer='[role="dialog"] [data-testid="app-bar-close"]',
        dialog='[role="dialog"]',
    ),
    Composer(
        "linkedin",
        "share",
        '[role="dialog"].share-box .ql-editor[role="textbox"]',
        submit='[role="dialog"] .share-actions__primary-action',
        frame='[role="dialog"]',
        opener="button.share-box-feed-entry__trigger",
        closer='[role="dialog"] button[aria-label="Dismiss"]',
        dialog='[role="dialog"]',
        main=True,
    ),
    Composer(
        "linkedin",
        "comment",
        '.comments-comment-box .ql-editor[role="textbox"]',
        submit=".comments-comment-box__submit-button",
        frame=".comments-comment-box__form",
    ),
    Composer(
        "facebook",
        "composer",
        '[role="dialog"] [contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
        submit='[role="dialog"] [aria-label="Post"][role="button"]',
        frame='[role="dialog"]',
        opener="#composer-trigger",
        closer='[role="dialog"] [aria-label="Close"][role="button"]',
        dialog='[role="dialog"]',
        main=True,
    ),
    Composer(
        "facebook",
        "comment",
        '[data-lexical-editor="true"][aria-label="Write a comment…"]',
        submit='form [aria-label="Comment"][role="button"]',
        frame="form",
        newline="Shift+Enter",
    ),
]

COMPOSERS: dict[tuple[str, str], Composer] = {composer.key: composer for composer in _ALL}

# What goes between a draft and an appended fix on each site, unless the draft ends in
# whitespace: Quill (LinkedIn) takes a new line, while Draft.js and Lexical mangle one, so the
# extension appends after a space there.
JOINER = {"x": " ", "linkedin": "\n", "facebook": " "}

# Quill (LinkedIn) keeps Tab for itself and types a tab character: on the other sites one Tab
# from the draft leaves the editor.
TAB_LEAVES_THE_EDITOR = {"x", "facebook"}

# (site, composer) pairs for pytest.mark.parametrize.
MAIN_COMPOSERS = [c.key for c in _ALL if c.main]
OTHER_COMPOSERS = [c.key for c in _ALL if not c.main]
DIALOG_COMPOSERS = [c.key for c in _ALL if c.dialog]
PAGE_COMPOSERS = [c.key for c in _ALL if not c.dialog]


def each(pairs: list[tuple[str, str]], names: str = "site, composer", *, by_site: bool = True):
    """pytest.mark.parametrize over (site, composer) pairs, each test named for its site (or its site and box)."""
    ids = [site if by_site else f"{site}-{name}" for site, name in pairs]
    return pytest.mark.parametrize(names, pairs, ids=ids)


# A test for each site, in its main composer; a test for each compose box of each site.
each_site = each(MAIN_COMPOSERS)
each_box = each(list(COMPOSERS), "site, name", by_site=False)
