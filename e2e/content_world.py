"""Decorum's panels as the tests see them: from the extension's own content-script world.

The extension draws its panels and underlines in a closed shadow root, so that page scripts
cannot read what Decorum knows; Playwright's locators run as page scripts and cannot enter it
either. The content script's isolated world can (`chrome.dom.openOrClosedShadowRoot`), and the
DevTools protocol can evaluate code in that world: the tests read and drive the panel from there,
and the extension keeps no door open for them. Clicks and keys still go through Playwright's
mouse and keyboard, as trusted input at the element's place on the screen.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

# Defines `decorum` in the content script's world: the panels, read and found as the tests need.
_PRELUDE = """
const decorum = (() => {
  // The underlines' root hangs off <body>; each panel's root sits right after its compose box.
  const roots = () => [...document.querySelectorAll("*")]
    .map((element) => chrome.dom.openOrClosedShadowRoot(element))
    .filter((root) => root && root.querySelector("[data-decorum-panel], [data-decorum-underlines]"));
  const panels = () => roots().flatMap((root) => [...root.querySelectorAll("[data-decorum-panel]")]);
  // The panel of the box being typed in: the panels of boxes left empty are idle (and hidden).
  const active = () => panels().find((panel) => panel.dataset.decorumState !== "idle") ?? null;
  const visible = (element) => {
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== "hidden";
  };
  const find = (selector) => {
    const panel = active();
    return panel && (selector ? panel.querySelector(selector) : panel);
  };
  // The card at the word that is open, in any panel's root.
  const wordCard = () => roots().map((root) => root.querySelector("[data-decorum-word-card]")).find((c) => c?.matches(":popover-open")) ?? null;
  const card = (selector) => {
    const open = wordCard();
    return open && (selector ? open.querySelector(selector) : open);
  };
  return { roots, panels, active, visible, find, wordCard, card };
})();
"""

# Generous: a cold host start imports the engine; the panel itself waits only 300 ms.
WAIT_S = 10.0


class ContentWorldError(AssertionError):
    pass


class ContentWorld:
    """The extension's isolated world in a page's main frame, through a DevTools protocol session."""

    _of_page: dict[object, ContentWorld] = {}

    @classmethod
    def of(cls, page) -> ContentWorld:
        """The world of ``page``, made on first use: one DevTools session per page."""
        world = cls._of_page.get(page)
        if world is None:
            world = cls._of_page[page] = cls(page)
            page.on("close", lambda _: cls._of_page.pop(page, None))
        return world

    def __init__(self, page):
        self.page = page
        self._session = page.context.new_cdp_session(page)
        self._contexts: dict[int, str] = {}  # execution context id -> frame id, for the extension's worlds
        self._session.on("Runtime.executionContextCreated", self._created)
        self._session.on("Runtime.executionContextDestroyed", lambda e: self._contexts.pop(e["executionContextId"], None))
        self._session.on("Runtime.executionContextsCleared", lambda _: self._contexts.clear())
        self._session.send("Runtime.enable")

    def _created(self, event) -> None:
        context = event["context"]
        aux = context.get("auxData", {})
        if aux.get("type") == "isolated" and context.get("origin", "").startswith("chrome-extension://"):
            self._contexts[context["id"]] = aux.get("frameId", "")

    def _context_id(self) -> int:
        deadline = time.monotonic() + WAIT_S
        while True:
            main = self._session.send("Page.getFrameTree")["frameTree"]["frame"]["id"]
            ids = [cid for cid, frame in self._contexts.items() if frame == main]
            if ids:
                return max(ids)  # the newest, after a navigation
            if time.monotonic() > deadline:
                raise ContentWorldError("the extension's content script never ran in this page")
            self.page.wait_for_timeout(50)  # lets Playwright deliver the protocol's events

    def evaluate(self, function: str, arg=None):
        """``function(arg)`` in the content script's world, with ``decorum`` defined; its JSON value."""
        expression = f"(() => {{ {_PRELUDE}\n return ({function})({json.dumps(arg)}); }})()"
        answer = self._session.send(
            "Runtime.evaluate",
            {"expression": expression, "contextId": self._context_id(), "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in answer:
            details = answer["exceptionDetails"]
            raise ContentWorldError(details.get("exception", {}).get("description") or details.get("text"))
        return answer["result"].get("value")

    def wait_for(self, function: str, arg=None, *, timeout: float = WAIT_S, message: str | Callable[[], str] = ""):
        """Polls ``function(arg)`` in the content world until it is truthy; returns that value.
        ``message`` says what went wrong if it never is (a callable is asked only then)."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(function, arg)
            if value:
                return value
            if time.monotonic() > deadline:
                said = message() if callable(message) else message
                raise ContentWorldError(said or f"timed out waiting for {function}")
            self.page.wait_for_timeout(50)


class PanelView:
    """The panel of the compose box being typed in, read and driven as a member would."""

    # How the element methods below find an element by its selector, in the content world.
    FIND = "decorum.find"
    # What box() measures by default: the panel's visible box.
    WHOLE = ".panel"

    def __init__(self, world: ContentWorld):
        self.world = world
        self.page = world.page

    def _in_scope(self, function: str, arg=None):
        return self.world.evaluate(function.replace("decorum.find(", f"{self.FIND}("), arg)

    def _wait_in_scope(self, function: str, arg=None, **options):
        return self.world.wait_for(function.replace("decorum.find(", f"{self.FIND}("), arg, **options)

    def state(self) -> str | None:
        return self.world.evaluate("() => decorum.active()?.dataset.decorumState ?? null")

    def wait_for_state(self, state: str, timeout: float = WAIT_S) -> None:
        self.world.wait_for(
            "(state) => decorum.active()?.dataset.decorumState === state",
            state,
            timeout=timeout,
            message=lambda: (
                f"the panel never reached {state!r} (it is {self.state()!r}, "
                f"says {self.status_text()!r}, shows {sorted(self.findings())})"
            ),
        )

    def count(self) -> int:
        return int(self.world.evaluate("() => decorum.find('[data-decorum-count]').dataset.decorumCount"))

    def status_text(self) -> str:
        return self.world.evaluate("() => decorum.find('[role=\"status\"]')?.textContent ?? null")

    def wait_for_status_text(self, text: str) -> None:
        self.world.wait_for(
            "(text) => decorum.find('[role=\"status\"]')?.textContent === text",
            text,
            message=lambda: f"the panel never said {text!r} (it says {self.status_text()!r})",
        )

    def findings(self) -> set[tuple[str, str]]:
        """(policy, category) of every finding the panel shows now."""
        pairs = self.world.evaluate(
            "() => [...(decorum.find()?.querySelectorAll('[data-policy]') ?? [])].map((i) => [i.dataset.policy, i.dataset.category])"
        )
        return {tuple(pair) for pair in pairs}

    def cards(self) -> list[dict]:
        """Each card (one problem) in the panel's order: its category, severity, quoted words,
        label, the policies it lists and whether it is dismissed."""
        return self.world.evaluate(
            """() => [...(decorum.find()?.querySelectorAll('[data-card]') ?? [])].map((card) => ({
              category: card.dataset.category,
              severity: card.dataset.severity,
              words: card.querySelector('.words')?.textContent ?? null,
              label: card.getAttribute('aria-label'),
              policies: [...card.querySelectorAll('[data-policy]')].map((e) => e.dataset.policy),
              dismissed: card.hasAttribute('data-dismissed'),
            }))"""
        )

    def panel_count(self) -> int:
        """How many panels are on the page (one per compose box the member has typed into)."""
        return self.world.evaluate("() => decorum.panels().length")

    _UNDERLINED = "() => decorum.roots().flatMap((root) => [...root.querySelectorAll('[data-words]')].map((u) => u.dataset.words))"

    def underlined_words(self) -> list[str]:
        return self.world.evaluate(self._UNDERLINED)

    def wait_for_underline(self, words: str) -> None:
        """Waits until ``words`` are underlined: underlines are drawn at the panel's next placement,
        a frame after its cards."""
        self.world.wait_for(
            f"(words) => ({self._UNDERLINED})().includes(words)",
            words,
            message=lambda: f"{words!r} never underlined; underlined: {self.underlined_words()}",
        )

    # --- elements inside the panel, by selector --------------------------------------------------

    def exists(self, selector: str) -> bool:
        return self._in_scope("(selector) => decorum.find(selector) !== null", selector)

    def is_visible(self, selector: str) -> bool:
        return self._in_scope("(selector) => decorum.visible(decorum.find(selector))", selector)

    def wait_until_visible(self, selector: str) -> None:
        self._wait_in_scope(
            "(selector) => decorum.visible(decorum.find(selector))", selector, message=f"{selector} never showed"
        )

    def attribute(self, selector: str, name: str) -> str | None:
        return self._in_scope("([selector, name]) => decorum.find(selector)?.getAttribute(name) ?? null", [selector, name])

    def text(self, selector: str) -> str:
        return self._in_scope("(selector) => decorum.find(selector)?.innerText ?? null", selector)

    def is_focused(self, selector: str) -> bool:
        return self._in_scope(
            "(selector) => { const el = decorum.find(selector); return !!el && el.getRootNode().activeElement === el; }",
            selector,
        )

    def focus(self, selector: str) -> None:
        self._in_scope("(selector) => decorum.find(selector).focus()", selector)

    def box(self, selector: str | None = None) -> dict | None:
        """The element's box on the screen ({x, y, width, height}, as Playwright's bounding_box), or None."""
        return self._in_scope(
            """(selector) => {
              const el = decorum.find(selector);
              if (!decorum.visible(el)) return null;
              const r = el.getBoundingClientRect();
              return { x: r.x, y: r.y, width: r.width, height: r.height };
            }""",
            selector or self.WHOLE,
        )

    def on_top_at_its_middle(self, selector: str) -> bool:
        """Whether, scrolled into view inside the panel, the element is what a click at its middle hits."""
        return self._in_scope(
            """(selector) => {
              const el = decorum.find(selector);
              if (!decorum.visible(el)) return false;
              el.scrollIntoView({ block: "nearest" });
              const r = el.getBoundingClientRect();
              const x = r.left + r.width / 2, y = r.top + r.height / 2;
              if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
              const hit = el.getRootNode().elementFromPoint(x, y);
              return hit === el || el.contains(hit);
            }""",
            selector,
        )

    def click(self, selector: str) -> None:
        """A real click (trusted, through the mouse) at the middle of the element, once it has
        stopped moving (the panel is placed again after it opens), as Playwright's own click waits."""
        where = """(selector) => new Promise((resolve) => {
          const el = decorum.find(selector);
          if (!decorum.visible(el)) return resolve(null);
          el.scrollIntoView({ block: "nearest" });
          const middle = () => { const r = el.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; };
          const first = middle();
          requestAnimationFrame(() => requestAnimationFrame(() => {
            const second = middle();
            resolve(first[0] === second[0] && first[1] === second[1] ? second : null);
          }));
        })"""
        box = self._wait_in_scope(where, selector, message=f"{selector} is not there to click, or keeps moving")
        self.page.mouse.click(box[0], box[1])


class WordCardView(PanelView):
    """The card at the word that is open, read and driven as a member would (its buttons as the list's)."""

    FIND = "decorum.card"
    WHOLE = None

    def is_open(self) -> bool:
        return self.world.evaluate("() => decorum.wordCard() !== null")

    def wait_until_open(self, timeout: float = WAIT_S) -> None:
        self.world.wait_for("() => decorum.wordCard() !== null", timeout=timeout, message="the card at the word never opened")

    def wait_until_closed(self, timeout: float = WAIT_S) -> None:
        self.world.wait_for("() => decorum.wordCard() === null", timeout=timeout, message="the card at the word stayed open")


# Installs, in the content world, the record of the last keystroke and of each change of a panel's
# state: latency measured in the page, not through the protocol's round trips.
TIMING = """() => {
  if (window.__decorumTiming) return true;
  const timing = (window.__decorumTiming = { lastKey: 0, states: [] });
  addEventListener("keydown", () => { timing.lastKey = performance.now(); }, true);
  const watched = new WeakSet();
  const watch = (root) => {
    if (watched.has(root)) return;
    watched.add(root);
    new MutationObserver((records) => {
      for (const r of records) timing.states.push({ state: r.target.getAttribute("data-decorum-state"), at: performance.now() });
    }).observe(root, { subtree: true, attributes: true, attributeFilter: ["data-decorum-state"] });
  };
  const look = () => {
    for (const element of document.querySelectorAll("*")) {
      const root = chrome.dom.openOrClosedShadowRoot(element);
      if (root) watch(root);
    }
  };
  new MutationObserver((records) => {
    for (const r of records) for (const node of r.addedNodes) {
      const root = node.nodeType === Node.ELEMENT_NODE && chrome.dom.openOrClosedShadowRoot(node);
      if (root) watch(root);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  look();
  return true;
}"""

LATENCY = """() => {
  const t = window.__decorumTiming;
  const shown = t && t.states.find((s) => s.state === "findings" && s.at >= t.lastKey);
  return shown ? shown.at - t.lastKey : null;
}"""
