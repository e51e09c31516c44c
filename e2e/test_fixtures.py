"""The fixture pages are real editors under the real URLs, with nothing going to the network.

These tests run without the extension loaded (marker below): they check the ground the
extension's own e2e tests stand on, and must not fail because the extension is mid-change. Of the
extension they take only the sites' hosts and test pages, which its site adapters declare.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import harness
from engine.contract import HOST_NAME
from native_host import EXTENSION_ID

pytestmark = pytest.mark.extension(None)


@dataclass(frozen=True)
class Editor:
    site: str
    name: str  # decorumFixture.text(name)
    selector: str  # the contenteditable, as a content script for the real site would find it
    opener: str | None = None  # clicked to open the editor's dialog
    closer: str | None = None  # clicked to close it again (removing it from the DOM)

    @property
    def id(self) -> str:
        return f"{self.site}-{self.name}"


EDITORS = [
    Editor(
        "x",
        "composer",
        '.DraftEditor-root [data-testid="tweetTextarea_0"][role="textbox"][contenteditable="true"]',
    ),
    Editor(
        "x",
        "reply",
        '[role="dialog"] .DraftEditor-root [data-testid="tweetTextarea_1"][role="textbox"][contenteditable="true"]',
        opener='article[data-testid="tweet"] [data-testid="reply"]',
        closer='[role="dialog"] [data-testid="app-bar-close"]',
    ),
    Editor(
        "linkedin",
        "share",
        '[role="dialog"].share-box .ql-editor[role="textbox"][contenteditable="true"]'
        '[aria-label="Text editor for creating content"][aria-multiline="true"]',
        opener="button.share-box-feed-entry__trigger",
        closer='[role="dialog"] button[aria-label="Dismiss"]',
    ),
    Editor(
        "linkedin",
        "comment",
        '.comments-comment-box .ql-editor[role="textbox"][contenteditable="true"]'
        '[aria-label="Text editor for creating a comment"]',
    ),
    Editor(
        "facebook",
        "composer",
        '[role="dialog"] [contenteditable="true"][role="textbox"][data-lexical-editor="true"]'
        "[aria-label=\"What's on your mind, Alex?\"]",
        opener="[role=\"button\"]:has-text(\"What's on your mind, Alex?\")",
        closer='[role="dialog"] [aria-label="Close"][role="button"]',
    ),
    Editor(
        "facebook",
        "comment",
        '[contenteditable="true"][role="textbox"][data-lexical-editor="true"][aria-label="Write a comment…"]',
    ),
]
FIXTURE_SITES = list(dict.fromkeys(e.site for e in EDITORS))
DRAFT = [e for e in EDITORS if e.site == "x"]
NOT_DRAFT = [e for e in EDITORS if e.site != "x"]

# What a content script does to place the caret at the end of the draft.
CARET_TO_END = """(el) => {
  el.focus();
  const sel = getSelection();
  sel.selectAllChildren(el);
  sel.collapseToEnd();
}"""
INSERT_TEXT = "(text) => document.execCommand('insertText', false, text)"
# A paste carrying only text/plain: each editor handles it through its own model.
PASTE = """([el, text]) => {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  return el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
}"""


class Page:
    """A fixture page plus the page errors it raised (an editor crash shows up there)."""

    def __init__(self, context, site: str):
        self.page = context.pages[0] if context.pages else context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(harness.site(site).test_page)

    def open(self, editor: Editor):
        if editor.opener:
            self.page.click(editor.opener)
        locator = self.page.locator(editor.selector)
        locator.wait_for()  # the X composer arrives ~600 ms late
        return locator

    def text(self, editor: Editor) -> str | None:
        text = self.page.evaluate("(name) => window.decorumFixture.text(name)", editor.name)
        return None if text is None else text.replace("\u00a0", " ")  # Quill's trailing space

    def wait_for_text(self, editor: Editor, expected: str) -> None:
        # Quill and Draft update their models from DOM mutations/events: poll, do not race them.
        self.page.wait_for_function(
            "([name, expected]) => (window.decorumFixture.text(name) || '').replace(/\\u00a0/g, ' ') === expected",
            arg=[editor.name, expected],
            timeout=5_000,
        )


@pytest.fixture
def site_page(browser):
    return lambda site: Page(browser, site)


@pytest.mark.parametrize("editor", EDITORS, ids=lambda e: e.id)
def test_insert_text_at_end_then_typing(site_page, editor):
    """The path of a one-click fix: execCommand at the end of a draft, and typing carries on."""
    page = site_page(editor.site)
    box = page.open(editor)
    box.click()
    page.page.keyboard.type("Hello")
    box.evaluate(CARET_TO_END)
    assert page.page.evaluate(INSERT_TEXT, " world") is True
    page.page.keyboard.type(" and more")
    page.wait_for_text(editor, "Hello world and more")
    assert page.text(editor) == "Hello world and more"
    assert page.errors == []


@pytest.mark.parametrize("editor", NOT_DRAFT, ids=lambda e: e.id)
def test_insert_text_into_empty_editor(site_page, editor):
    page = site_page(editor.site)
    box = page.open(editor)
    box.evaluate(CARET_TO_END)
    assert page.page.evaluate(INSERT_TEXT, "Hello world") is True
    page.page.keyboard.type(" and more")
    page.wait_for_text(editor, "Hello world and more")
    assert page.errors == []


@pytest.mark.parametrize("editor", DRAFT, ids=lambda e: e.id)
def test_insert_text_into_empty_draft_editor_crashes_it(site_page, editor):
    """Pins a Draft.js 0.11.7 quirk that content scripts must avoid: execCommand('insertText')
    into an EMPTY Draft editor lets the browser replace Draft's placeholder <br>, and React then
    fails to remove it ("removeChild … not a child") and unmounts the app. Keyboard typing and
    paste go through Draft's own handlers and are fine (see the other tests)."""
    page = site_page(editor.site)
    box = page.open(editor)
    box.evaluate(CARET_TO_END)
    page.page.evaluate(INSERT_TEXT, "Hello world")
    page.page.wait_for_timeout(200)
    assert any("removeChild" in e for e in page.errors), page.errors
    assert page.text(editor) is None  # the composer is gone


@pytest.mark.parametrize("editor", EDITORS, ids=lambda e: e.id)
def test_paste_into_empty_editor_then_typing(site_page, editor):
    """A text/plain paste event works in every editor, empty or not, Draft.js included."""
    page = site_page(editor.site)
    box = page.open(editor)
    box.evaluate(CARET_TO_END)
    # dispatchEvent returns false: the editor took the paste over (preventDefault) itself.
    assert page.page.evaluate(PASTE, [box.element_handle(), "Hello world"]) is False
    page.page.keyboard.type(" and more")
    page.wait_for_text(editor, "Hello world and more")
    assert page.errors == []


@pytest.mark.parametrize(
    "editor",
    [e for e in EDITORS if e.id != "facebook-comment"],  # Enter posts a Facebook comment
    ids=lambda e: e.id,
)
def test_enter_makes_a_newline_in_the_model(site_page, editor):
    page = site_page(editor.site)
    box = page.open(editor)
    box.click()
    page.page.keyboard.type("one")
    page.page.keyboard.press("Enter")
    page.page.keyboard.type("two ")
    page.wait_for_text(editor, "one\ntwo ")
    assert page.errors == []


def test_x_composer_arrives_after_load(browser, fixtures_built):
    page = browser.pages[0]
    # Record, at the load event, whether the composer exists: X renders it later.
    page.add_init_script(
        "addEventListener('load', () => { window.__composerAtLoad ="
        " !!document.querySelector('[data-testid=\"tweetTextarea_0\"]'); })"
    )
    page.goto(harness.site("x").test_page)
    page.locator('[data-testid="tweetTextarea_0"]').wait_for()
    assert page.evaluate("window.__composerAtLoad") is False
    # The markup X has, that a content script for x.com keys on.
    box = page.locator('[data-testid="tweetTextarea_0"]')
    assert box.get_attribute("aria-label") == "Post text"
    assert box.get_attribute("role") == "textbox"
    assert "public-DraftEditor-content" in box.get_attribute("class")
    assert page.locator('[data-testid="tweetTextarea_0RichTextInputContainer"] .DraftEditor-root').count() == 1
    assert page.locator('[data-testid="tweetButtonInline"]').is_disabled()
    box.click()
    page.keyboard.type("Posting now")
    assert page.locator('[data-testid="tweetButtonInline"]').is_enabled()


@pytest.mark.parametrize("editor", [e for e in EDITORS if e.opener], ids=lambda e: e.id)
def test_dialog_editors_come_and_go(site_page, editor):
    page = site_page(editor.site)
    assert page.text(editor) is None
    assert page.page.locator(editor.selector).count() == 0
    box = page.open(editor)
    box.click()
    page.page.keyboard.type("draft")
    page.wait_for_text(editor, "draft")
    page.page.click(editor.closer)
    page.page.locator('[role="dialog"]').wait_for(state="detached")
    assert page.text(editor) is None
    # And it opens again, empty, as the sites do after a discard.
    page.open(editor)
    assert page.text(editor) == ""
    assert page.errors == []


@pytest.mark.parametrize("site", FIXTURE_SITES)
def test_nothing_reaches_the_network(browser, site):
    seen: list[str] = []
    browser.on("request", lambda request: seen.append(request.url))
    page = Page(browser, site)
    for editor in [e for e in EDITORS if e.site == site]:
        page.open(editor).click()
        page.page.keyboard.type("Hello")
        if editor.closer:
            page.page.click(editor.closer)
    log = harness.route_log(browser)
    # Every request was answered by the router from dist/ or refused: none went out.
    assert seen and set(seen) <= set(log.served) | set(log.aborted) | set(log.passed)
    assert all(not re.match(r"(https?|wss?):", url) for url in log.passed)
    # The page itself needs only its HTML and its own bundles; anything else (the favicon
    # Chromium asks for) is refused.
    assert all(re.match(r"https://[^/]+/(_fixture/|home$|feed/$|$)", url) for url in log.served), log.served
    assert not [url for url in log.aborted if "/_fixture/" in url]


def test_other_hosts_are_refused(browser, fixtures_built):
    page = Page(browser, "x")
    status = page.page.evaluate(
        "() => fetch('https://example.org/').then(() => 'fetched', () => 'refused')"
    )
    assert status == "refused"
    assert "https://example.org/" in harness.route_log(browser).aborted


def test_register_host_writes_chromium_manifest(tmp_path):
    path = harness.register_host(tmp_path)
    assert path == tmp_path / "NativeMessagingHosts" / "org.decorum.host.json"
    manifest = json.loads(path.read_text())
    assert manifest["name"] == "org.decorum.host"
    assert manifest["type"] == "stdio"
    assert manifest["allowed_origins"] == ["chrome-extension://okbfacohdjmajkgidmdgmkdabboacffn/"]
    assert Path(manifest["path"]).is_absolute()
    assert Path(manifest["path"]).name == "decorum-host"


def _dummy_extension(folder: Path) -> Path:
    """A minimal MV3 extension with the real extension's key (so the real id, which the host
    manifest allows), a content script on every host of every site, and nativeMessaging."""
    folder.mkdir()
    manifest = {
        "manifest_version": 3,
        "name": "Decorum harness probe",
        "version": "0.0.1",
        "permissions": ["nativeMessaging"],
        "background": {"service_worker": "sw.js"},
        "content_scripts": [
            {
                "matches": [f"https://{host}/*" for site in harness.sites() for host in site.hosts],
                "js": ["content.js"],
                "run_at": "document_idle",
            }
        ],
    }
    real = harness.EXTENSION_DIR / "manifest.json"
    if real.exists() and "key" in json.loads(real.read_text()):
        manifest["key"] = json.loads(real.read_text())["key"]
    (folder / "manifest.json").write_text(json.dumps(manifest))
    (folder / "sw.js").write_text("// service worker: only needs to exist\n")
    (folder / "content.js").write_text("document.documentElement.dataset.decorumProbe = 'ran';\n")
    return folder


def test_every_site_the_extension_runs_on_has_fixture_editors_here():
    assert sorted(FIXTURE_SITES) == sorted(site.name for site in harness.sites())


def test_launch_loads_extension_and_host(pw, fixtures_built, tmp_path):
    extension = _dummy_extension(tmp_path / "probe")
    context = harness.launch(tmp_path / "profile", extension_dir=extension, playwright=pw)
    try:
        ext_id = harness.extension_id(context)
        assert re.fullmatch(r"[a-p]{32}", ext_id)
        page = context.pages[0]
        page.goto(harness.site("linkedin").test_page)
        # The content script matched the routed page: it runs under the real site's URL.
        page.wait_for_function("document.documentElement.dataset.decorumProbe === 'ran'", timeout=5_000)
        # The probe carries the real extension's key, so it has the id the host manifest allows.
        assert ext_id == EXTENSION_ID
        worker = next(w for w in context.service_workers if ext_id in w.url)
        # Chromium finds the host manifest inside the profile and starts the venv's decorum-host.
        answer = worker.evaluate(
            "(host) => chrome.runtime.sendNativeMessage(host, {id: 1, type: 'hello'})",
            HOST_NAME,
        )
        assert answer["type"] == "hello" and answer["id"] == 1, answer
    finally:
        context.close()
