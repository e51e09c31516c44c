"""A compose box on a fixture page, driven as a person would, and the Decorum panel beside it:
the page object of the e2e tests.

The panel contract these helpers rely on (extension/content/panel.js): the panel's element
has `data-decorum-panel` and `data-decorum-state`; each card (one problem) has `data-card` and
`data-category`, and each policy inside it `data-policy`, `data-category` and `data-rule`; buttons
have `data-action` (a fix's also `data-fix-text`). The panel is in a closed shadow root: the
helpers reach it from the extension's own content-script world through the DevTools protocol
(content_world.py), never through the page.
"""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

import engine
import latency_report
from composers import Composer
from content_world import LATENCY, TIMING, WAIT_S, ContentWorld, ContentWorldError, PanelView, WordCardView

WAIT_MS = WAIT_S * 1000

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


class Draft:
    """One compose box on a fixture page, driven as a person would, and the panel beside it."""

    def __init__(self, page, composer: Composer, nodeid: str):
        self.page = page
        self.composer = composer
        self.nodeid = nodeid
        self.editor = page.locator(composer.selector)
        self.world = ContentWorld.of(page)
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
        try:
            self.page.wait_for_function(
                f"([name, arg]) => ({predicate_js})((window.decorumFixture.text(name) || '').replace(/\\u00a0/g, ' '), arg)",
                arg=[self.composer.name, arg],
                timeout=WAIT_MS,
            )
        except PlaywrightTimeoutError as error:
            raise ContentWorldError(f"the editor holds {self.model_text()!r}, never what {predicate_js} wants of {arg!r}") from error

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

    def idle_cost(self, label: str, seconds: float = latency_report.IDLE_SECONDS) -> float:
        """The page's main-thread time per second while nobody touches it, recorded for the report."""
        cost = latency_report.main_thread_ms_per_s(self.page, seconds)
        latency_report.record_idle_cost(self.nodeid, self.composer.site, self.composer.name, label, cost)
        return cost

    def _record_latency(self, what: str) -> None:
        ms = self.world.evaluate(LATENCY)
        if ms is not None:
            latency_report.record_latency(self.nodeid, self.composer.site, what, ms)
