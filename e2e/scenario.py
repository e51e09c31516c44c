"""Helpers for the e2e scenario tests: a compose box on a fixture page, its Decorum panel, the
popup, the host process, and the keystroke-to-warning latency of every warning a test waits for.

The panel contract these helpers rely on (extension/content/panel.js): the panel's element
has `data-decorum-panel` and `data-decorum-state`; each card (one problem) has `data-card` and
`data-category`, and each policy inside it `data-policy`, `data-category` and `data-rule`; buttons
have `data-action` (a fix's also `data-fix-text`). The
panel is in a closed shadow root: the helpers reach it from the extension's own content-script
world through the DevTools protocol (content_world.py), never through the page.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

import engine
import harness
from content_world import LATENCY, TIMING, ContentWorld, ContentWorldError, PanelView, WordCardView

# Every run saves its screenshots with the other artifacts; DECORUM_SCREENSHOTS=docs refreshes the README's.
SCREENSHOTS = (
    harness.REPO / "docs" / "screenshots" if os.environ.get("DECORUM_SCREENSHOTS") == "docs" else harness.E2E / "artifacts" / "screenshots"
)
LATENCY_FILE = harness.E2E / "artifacts" / "latency.json"
IDLE_FILE = harness.E2E / "artifacts" / "idle.json"
# How long a page is watched while nobody types, for its main-thread cost.
IDLE_SECONDS = 5.0
# Generous: a cold host start imports the engine; the panel itself waits only 300 ms.
WAIT_MS = 10_000


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


COMPOSERS = {
    ("x", "composer"): Composer(
        "x",
        "composer",
        '.DraftEditor-root [data-testid="tweetTextarea_0"][role="textbox"]',
        submit='[data-testid="tweetButtonInline"]',
        frame=".DraftEditor-root",
    ),
    ("x", "reply"): Composer(
        "x",
        "reply",
        '[role="dialog"] .DraftEditor-root [data-testid="tweetTextarea_1"][role="textbox"]',
        submit='[role="dialog"] [data-testid="tweetButton"]',
        frame=".DraftEditor-root",
        opener='article[data-testid="tweet"] [data-testid="reply"]',
        closer='[role="dialog"] [data-testid="app-bar-close"]',
        dialog='[role="dialog"]',
    ),
    ("linkedin", "share"): Composer(
        "linkedin",
        "share",
        '[role="dialog"].share-box .ql-editor[role="textbox"]',
        submit='[role="dialog"] .share-actions__primary-action',
        frame='[role="dialog"]',
        opener="button.share-box-feed-entry__trigger",
        closer='[role="dialog"] button[aria-label="Dismiss"]',
        dialog='[role="dialog"]',
    ),
    ("linkedin", "comment"): Composer(
        "linkedin",
        "comment",
        '.comments-comment-box .ql-editor[role="textbox"]',
        submit=".comments-comment-box__submit-button",
        frame=".comments-comment-box__form",
    ),
    ("facebook", "composer"): Composer(
        "facebook",
        "composer",
        '[role="dialog"] [contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
        submit='[role="dialog"] [aria-label="Post"][role="button"]',
        frame='[role="dialog"]',
        opener="#composer-trigger",
        closer='[role="dialog"] [aria-label="Close"][role="button"]',
        dialog='[role="dialog"]',
    ),
    ("facebook", "comment"): Composer(
        "facebook",
        "comment",
        '[data-lexical-editor="true"][aria-label="Write a comment…"]',
        submit='form [aria-label="Comment"][role="button"]',
        frame="form",
        newline="Shift+Enter",
    ),
}

# Seven lines, three policies: many problems (10 cards; one per policy and phrase before, 23).
SEVEN_LINES = """Huge thanks to the RCR, IPEM and ICIS for a brilliant joint meeting in Leeds this week!
Saw Mr John Smith (DOB 04/07/1961) in clinic today with a huge tumour.
The RCR board papers are strictly confidential but say the exam fee is going up.
Vote Labour on Thursday, the Tories have wrecked the NHS.
Our new poster uses the RCR logo and the ICIS logo.
Honestly the IPEM council are a bunch of idiots.
The Guardian asked me about the RCR workforce figures, so I told them what I think."""
THREE_POLICIES = ["rcr", "ipem", "icis"]

_latencies: list[dict] = []
_idle_costs: list[dict] = []


# --- the service worker and the settings ------------------------------------------------------


def service_worker(context):
    extension_id = harness.extension_id(context)
    return next(w for w in context.service_workers if extension_id in w.url)


def set_settings(context, area: str = "local", **settings) -> None:
    """chrome.storage.<area>.set(settings), from the extension's own service worker (the settings
    live in storage.local; an earlier Decorum kept them in storage.sync)."""
    service_worker(context).evaluate(f"(s) => chrome.storage.{area}.set(s)", settings)


def press_keyboard_command(context) -> None:
    """The extension's keyboard command (Alt+Shift+D). Playwright's keys go to the page, never to the
    browser's shortcuts: this sends what the command's listener sends (background/commands.js, held
    to it by extension/tests/commands.test.mjs)."""
    service_worker(context).evaluate(
        """async () => {
          const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          await chrome.tabs.sendMessage(tab.id, { type: "focus-panel" });
        }"""
    )


def stored_settings(context, area: str = "local") -> dict:
    return service_worker(context).evaluate(f"() => chrome.storage.{area}.get(null)")


def wait_for_stored(context, key: str, expected, timeout: float = WAIT_MS / 1000) -> None:
    """Polls chrome.storage.local until `key` holds `expected` (the popup saves asynchronously)."""
    deadline = time.monotonic() + timeout
    while (actual := stored_settings(context).get(key)) != expected:
        if time.monotonic() > deadline:
            raise AssertionError(f"chrome.storage.local {key!r} is {actual!r}, expected {expected!r}")
        time.sleep(0.05)


# Buttons of a whole card (one problem); the others (a fix) belong to one policy inside it.
CARD_ACTIONS = {"select", "dismiss", "more"}


class FindingView:
    """One policy's part of a card in the panel, by its policy and category: a card is one problem
    and lists each policy it breaks (the first shown, the rest behind the card's "more" button)."""

    def __init__(self, panel: PanelView, policy: str, category: str):
        self.panel = panel
        self.category = category
        self.selector = f'[data-policy="{policy}"][data-category="{category}"]'
        self.card = f"[data-card]:has({self.selector})"

    def exists(self) -> bool:
        return self.panel.exists(self.selector)

    def reveal(self) -> None:
        """Shows this policy's part of its card, as a member clicks "Also in … other policies"."""
        if self.panel.world.evaluate("(s) => decorum.find(s)?.hidden === true", self.selector):
            self.panel.click(f'{self.card} > [data-action="more"]')
            self.panel.wait_until_visible(self.selector)

    def text(self, part: str = "") -> str:
        self.reveal()
        return self.panel.text(f"{self.selector} {part}".strip())

    def attribute(self, part: str, name: str) -> str | None:
        return self.panel.attribute(f"{self.selector} {part}", name)

    def card_attribute(self, name: str) -> str | None:
        return self.panel.attribute(self.card, name)

    def _button(self, action: str) -> str:
        if action in CARD_ACTIONS:
            return f'{self.card} > .actions [data-action="{action}"]'
        self.reveal()
        return f'{self.selector} [data-action="{action}"]'

    def click(self, action: str) -> None:
        self.panel.click(self._button(action))

    def press(self, action: str) -> None:
        """Moves the keyboard focus to the button and presses Enter, as a keyboard user does."""
        self.panel.focus(self._button(action))
        self.panel.page.keyboard.press("Enter")

    def undo(self) -> None:
        """Clicks Undo on the dismissed card of this category."""
        self.panel.click(f'[data-card][data-dismissed][data-category="{self.category}"] [data-action="undo"]')


# --- a compose box and its panel -----------------------------------------------------------------


class Draft:
    """One compose box on a fixture page, driven as a person would, and the panel beside it."""

    def __init__(self, page, composer: Composer, nodeid: str):
        self.page = page
        self.composer = composer
        self.nodeid = nodeid
        self.editor = page.locator(composer.selector)
        self.world = content_world(page)
        self.panel = PanelView(self.world)
        self.word_card = WordCardView(self.world)

    def open(self) -> "Draft":
        if self.composer.opener:
            self.page.click(self.composer.opener)
        self.editor.wait_for()
        self.world.evaluate(TIMING)
        return self

    def close(self) -> None:
        self.page.click(self.composer.closer)
        self.editor.wait_for(state="detached")

    def type(self, text: str) -> None:
        """Types at the end of the draft, key by key; a "\n" is the key that starts a new line there."""
        self.editor.click()
        self.page.keyboard.press("Control+End")
        for i, line in enumerate(text.split("\n")):
            if i:
                self.page.keyboard.press(self.composer.newline)
            if line:
                self.page.keyboard.type(line)

    def words_box(self, words: str) -> dict:
        """Where `words` are in the draft on the screen: {x, y, width, height} of their first line,
        and `end`: [x, y] of the middle of their last line's end."""
        box = self.editor.evaluate(
            """(editor, words) => {
              const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(words);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + words.length);
                const rects = range.getClientRects();
                const first = rects[0], last = rects[rects.length - 1];
                return { x: first.left, y: first.top, width: first.width, height: first.height, end: [last.right - 1, (last.top + last.bottom) / 2] };
              }
              return null;
            }""",
            words,
        )
        assert box is not None, f"{words!r} is not in the draft"
        return box

    def select(self, words: str) -> None:
        """Selects `words` in the draft with the mouse, as a person drags across them."""
        box = self.words_box(words)
        mouse = self.page.mouse
        mouse.move(box["x"] + 1, box["y"] + box["height"] / 2)
        mouse.down()
        mouse.move(*box["end"], steps=5)
        mouse.up()
        self.page.wait_for_function("(words) => getSelection().toString() === words", arg=words)

    def point_at(self, words: str) -> dict:
        """Moves the mouse onto the middle of `words`, from beside the draft, as a person does; their box."""
        box = self.words_box(words)
        self.page.mouse.move(box["x"] - 40, box["y"] + box["height"] / 2)
        self.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=4)
        return box

    def caret(self) -> int | None:
        """Where the caret is in the draft (characters of the editor's text before it), or None if
        the editor does not have the focus or holds a selection."""
        return self.editor.evaluate(
            """(editor) => {
              const selection = getSelection();
              const focused = document.activeElement === editor || editor.contains(document.activeElement);
              if (!focused || selection.rangeCount !== 1 || !selection.isCollapsed || !editor.contains(selection.focusNode)) return null;
              const before = document.createRange();
              before.setStart(editor, 0);
              before.setEnd(selection.focusNode, selection.focusOffset);
              return before.toString().length;
            }"""
        )

    def undo(self) -> None:
        """Ctrl+Z in the editor, as a person takes back the last change."""
        self.page.keyboard.press("Control+z")

    def model_text(self) -> str | None:
        text = self.page.evaluate("(name) => window.decorumFixture.text(name)", self.composer.name)
        return None if text is None else text.replace("\u00a0", " ")

    def model_selection(self) -> str | None:
        """The text the editor's own model holds as selected (null without a selection)."""
        text = self.page.evaluate("(name) => window.decorumFixture.selection(name)", self.composer.name)
        return None if text is None else text.replace("\u00a0", " ")

    def wait_for_model_selection(self, words: str) -> None:
        self.page.wait_for_function(
            "([name, words]) => (window.decorumFixture.selection(name) || '').replace(/\\u00a0/g, ' ') === words",
            arg=[self.composer.name, words],
            timeout=WAIT_MS,
        )

    def wait_for_model_text(self, predicate_js: str, arg) -> None:
        """Waits until `predicate_js(modelText, arg)` holds: editors update their models late."""
        self.page.wait_for_function(
            f"([name, arg]) => ({predicate_js})((window.decorumFixture.text(name) || '').replace(/\\u00a0/g, ' '), arg)",
            arg=[self.composer.name, arg],
            timeout=WAIT_MS,
        )

    def type_until_the_panel_shows_every_finding(self, text: str, policies: list[str]) -> list[dict]:
        """Types `text` and returns the panel's cards once every finding of the engine is in one."""
        expected = {(f.policy, f.category) for f in engine.check(text, policies)}
        self.type(text)
        self.world.wait_for(
            "(n) => decorum.find() && new Set([...decorum.find().querySelectorAll('[data-policy]')].map((e) => e.dataset.policy + '/' + e.dataset.category)).size === n",
            len(expected),
            message=lambda: f"the panel shows {sorted(self.findings())}, the engine finds {sorted(expected)}",
        )
        assert self.findings() == expected
        return self.panel.cards()

    def finding(self, policy: str, category: str) -> FindingView:
        return FindingView(self.panel, policy, category)

    def wait_for_finding(self, policy: str, category: str, *, record: bool = True) -> FindingView:
        """Waits for the warning, and records how long after the last keystroke it appeared."""
        self.panel.wait_for_state("findings")
        finding = self.finding(policy, category)
        self.world.wait_for(
            "(selector) => decorum.find(selector) !== null",
            finding.selector,
            message=lambda: f"no {policy}/{category} warning; the panel shows {self.panel.findings()}",
        )
        if record:
            self._record_latency(f"{policy}/{category}")
        return finding

    def wait_for_state(self, state: str) -> None:
        self.panel.wait_for_state(state)

    def findings(self) -> set[tuple[str, str]]:
        """(policy, category) of every finding the panel shows now."""
        return self.panel.findings()

    def count(self) -> int:
        return self.panel.count()

    def status_text(self) -> str:
        return self.panel.status_text()

    def expand(self) -> None:
        """Open the panel's list of warnings (nothing to do when it is open already)."""
        if self.panel.exists('button[aria-label="Hide policy warnings"]'):
            return
        self.panel.click('button[aria-label="Show policy warnings"]')
        self.panel.wait_until_visible('button[aria-label="Hide policy warnings"]')

    def apply_fix(self, finding: FindingView, *, keyboard: bool = False) -> str:
        """Open the panel, click the finding's fix as a member would (or Tab to it and press Enter),
        wait for the re-check; the text it added."""
        self.expand()
        fix_text = finding.attribute('[data-action="fix"]', "data-fix-text")
        if keyboard:
            finding.press("fix")
        else:
            finding.click("fix")
        try:
            self.wait_for_state("ok")
        except ContentWorldError as error:
            raise ContentWorldError(f"{error}; the editor holds {self.model_text()!r}") from error
        return fix_text

    def idle_cost(self, label: str, seconds: float = IDLE_SECONDS) -> float:
        """The page's main-thread time per second while nobody touches it, recorded for the report."""
        cost = main_thread_ms_per_s(self.page, seconds)
        _idle_costs.append({"test": self.nodeid, "site": self.composer.site, "composer": self.composer.name, "what": label, "ms_per_s": round(cost, 2)})
        return cost

    def _record_latency(self, what: str) -> None:
        ms = self.world.evaluate(LATENCY)
        if ms is not None:
            _latencies.append({"test": self.nodeid, "site": self.composer.site, "finding": what, "ms": round(ms, 1)})


def main_thread_ms_per_s(page, seconds: float = IDLE_SECONDS) -> float:
    """Milliseconds per second the page's main thread spent running tasks over `seconds`, from the
    DevTools protocol's Performance metrics in thread time (CPU time of the renderer's main thread,
    so that waiting for a core on a loaded machine does not count), less the protocol's own commands."""
    session = page.context.new_cdp_session(page)
    try:
        session.send("Performance.enable", {"timeDomain": "threadTicks"})

        def busy() -> float:
            metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
            return metrics["TaskDuration"] - metrics.get("DevToolsCommandDuration", 0.0)

        before = busy()
        started = time.monotonic()
        time.sleep(seconds)
        spent = busy() - before
        return 1000 * spent / (time.monotonic() - started)
    finally:
        session.detach()


def open_site(context, site: str, *, policies: list[str] | None = None, errors: list | None = None):
    """The site's fixture page in the context's first tab."""
    if policies is not None:
        set_settings(context, activePolicies=policies)
    page = context.pages[0] if context.pages else context.new_page()
    if errors is not None:
        page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(harness.SITES[site])
    return page


_worlds: dict[object, ContentWorld] = {}


def content_world(page) -> ContentWorld:
    """The extension's content-script world in ``page`` (one DevTools session per page)."""
    world = _worlds.get(page)
    if world is None:
        world = _worlds[page] = ContentWorld(page)
        page.on("close", lambda _: _worlds.pop(page, None))
    return world


class Sites:
    """What a scenario test holds: open a compose box on a site, with given policies on."""

    def __init__(self, context, nodeid: str):
        self.context = context
        self.nodeid = nodeid
        self.page_errors: list[str] = []
        self._pages: dict[str, object] = {}

    def draft(self, site: str, name: str, *, policies: list[str] | None = None) -> Draft:
        if site not in self._pages:
            self._pages[site] = open_site(self.context, site, policies=policies, errors=self.page_errors)
        elif policies is not None:
            set_settings(self.context, activePolicies=policies)
        return Draft(self._pages[site], COMPOSERS[(site, name)], self.nodeid).open()


@pytest.fixture
def sites(browser, request):
    """Open compose boxes on the fixture sites; fails the test if an editor threw (we broke it)."""
    sites = Sites(browser, request.node.nodeid)
    _register_latency_report(request.config)
    yield sites
    assert sites.page_errors == [], f"the page threw: {sites.page_errors}"


def screenshot(page, site: str) -> Path:
    """The page as a person sees it: <SCREENSHOTS>/<site>.png (the README shows docs/screenshots/)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{site}.png"
    page.screenshot(path=path)
    return path


# --- the popup ----------------------------------------------------------------------------------


# Chrome sizes a popup to its page, up to 800 × 600 px: the popup's page is 400 px wide.
POPUP_SIZE = {"width": 400, "height": 600}


def open_popup(context):
    """The extension's popup page, in its own tab of the size Chrome gives the popup."""
    page = context.new_page()
    page.set_viewport_size(POPUP_SIZE)
    page.goto(f"chrome-extension://{harness.extension_id(context)}/popup/popup.html")
    return page


def open_settings(context):
    """The extension's settings page (options_ui), in a tab as chrome.runtime.openOptionsPage opens it."""
    page = context.new_page()
    page.goto(f"chrome-extension://{harness.extension_id(context)}/options/options.html")
    return page


# --- the host process ------------------------------------------------------------------------------


def _process_table() -> dict[int, tuple[int, str]]:
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
        table[int(entry)] = (ppid, cmdline)
    return table


def host_pids() -> list[int]:
    """decorum-host processes started by a browser this test process launched (others may run
    their own hosts on the same machine: never touch those)."""
    table = _process_table()
    ours = {os.getpid()}
    # Parents before children is not guaranteed by pid order: grow the set until it is stable.
    while True:
        grown = ours | {pid for pid, (ppid, _) in table.items() if ppid in ours}
        if grown == ours:
            break
        ours = grown
    return sorted(pid for pid in ours if "decorum-host" in table[pid][1] and pid != os.getpid())


def wait_for_host(timeout: float = 10.0, *, other_than: int | None = None) -> int:
    """The pid of our one running host (a new one, if other_than is given)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = [pid for pid in host_pids() if pid != other_than]
        if len(pids) == 1:
            return pids[0]
        time.sleep(0.05)
    raise AssertionError(f"expected one decorum-host of ours, found {host_pids()}")


def kill_host(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while pid in host_pids() and time.monotonic() < deadline:
        time.sleep(0.02)


# --- the latency and idle-cost report -----------------------------------------------------------------

_report_registered = False


def _register_latency_report(config) -> None:
    global _report_registered
    if not _report_registered:
        _report_registered = True
        config.add_cleanup(lambda: _write_reports(config))


def _write_reports(config) -> None:
    lines = [line for line in (_latency_report(), _idle_report()) if line]
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    for line in lines:
        if reporter is not None:
            reporter.write_line(line)
        else:
            print(line)


def _latency_report() -> str | None:
    if not _latencies:
        return None
    values = [item["ms"] for item in _latencies]
    summary = {
        "what": "ms from the last keystroke to the warning in the panel (300 ms of it is the debounce)",
        "count": len(values),
        "median_ms": round(statistics.median(values), 1),
        "worst_ms": max(values),
        "samples": _latencies,
    }
    _write_json(LATENCY_FILE, summary)
    return (
        f"Decorum latency, last keystroke to warning: median {summary['median_ms']} ms, "
        f"worst {summary['worst_ms']} ms over {len(values)} warnings ({LATENCY_FILE.relative_to(harness.REPO)})"
    )


def _idle_report() -> str | None:
    if not _idle_costs:
        return None
    summary = {
        "what": f"ms of the page's main-thread time per second over {IDLE_SECONDS:g} s with nobody typing (thread time, DevTools Performance.getMetrics TaskDuration)",
        "samples": _idle_costs,
    }
    _write_json(IDLE_FILE, summary)
    by_label: dict[str, list[str]] = {}
    for item in _idle_costs:
        by_label.setdefault(item["what"], []).append(f"{item['site']} {item['ms_per_s']}")
    said = "; ".join(f"{label}: {', '.join(values)}" for label, values in by_label.items())
    return f"Decorum idle main-thread cost, ms per second: {said} ({IDLE_FILE.relative_to(harness.REPO)})"


def _write_json(path: Path, summary: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(summary, indent=2) + "\n")
