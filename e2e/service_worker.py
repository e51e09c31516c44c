"""The extension's service worker, reached from a test: the settings it keeps in chrome.storage,
and the keyboard command it relays to the page."""

from __future__ import annotations

import time

import harness
from content_world import WAIT_S


def service_worker(context):
    extension_id = harness.extension_id(context)
    return next(w for w in context.service_workers if extension_id in w.url)


def set_settings(context, area: str = "local", **settings) -> None:
    """chrome.storage.<area>.set(settings), from the extension's own service worker (the settings
    live in storage.local; an earlier Decorum kept them in storage.sync)."""
    service_worker(context).evaluate(f"(s) => chrome.storage.{area}.set(s)", settings)


def stored_settings(context, area: str = "local") -> dict:
    return service_worker(context).evaluate(f"() => chrome.storage.{area}.get(null)")


def wait_for_stored(context, key: str, expected, timeout: float = WAIT_S) -> None:
    """Polls chrome.storage.local until `key` holds `expected` (the popup saves asynchronously)."""
    deadline = time.monotonic() + timeout
    while (actual := stored_settings(context).get(key)) != expected:
        if time.monotonic() > deadline:
            raise AssertionError(f"chrome.storage.local {key!r} is {actual!r}, expected {expected!r}")
        time.sleep(0.05)


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
