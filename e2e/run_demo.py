"""`make run`: a visible Chromium with Decorum loaded, its popup's page first, then the three
fixture sites (or a real URL).

    python e2e/run_demo.py                 # the popup's page, then fixture pages of X, LinkedIn and Facebook
    python e2e/run_demo.py --url URL       # a real site, real network, no routing
    python e2e/run_demo.py --headless      # no window (a smoke test of the demo itself)

Without a display (no DISPLAY or WAYLAND_DISPLAY) Chromium runs on a virtual one (Xvfb), and
the demo says which. The fixture demo starts from a fresh profile every time, as a new member
would (nothing switched on yet); with --url the profile persists, so a login on the real site
survives a restart (--profile names another). The native host is registered in the profile on
every start, and the Decorum button is pinned to the toolbar.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import harness
from native_host import EXTENSION_ID  # fixed by the manifest's key

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Playwright

PERSISTENT_PROFILE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "decorum" / "demo-profile"

# The harness needs --no-sandbox (we run as root) and --host-resolver-rules (the fixture demo
# never reaches the network), and Chromium puts an "unsupported command-line flag" bar over the
# first page for either one, unless told it is under test. A demo stopped with Ctrl-C leaves its
# profile marked as crashed: no "Restore pages?" bubble for that on the next start.
DEMO_FLAGS = ["--test-type", "--hide-crash-restore-bubble"]


def popup_url(extension_id: str) -> str:
    """The page the toolbar button shows, opened as a tab."""
    return f"chrome-extension://{extension_id}/popup/popup.html"


def pin_extension(profile: Path, extension_id: str) -> None:
    """Pin the extension's button to the toolbar, through the profile's preferences (read at start)."""
    preferences = profile / "Default" / "Preferences"
    settings = json.loads(preferences.read_text(encoding="utf-8")) if preferences.is_file() else {}
    pinned = settings.setdefault("extensions", {}).setdefault("pinned_extensions", [])
    if extension_id not in pinned:
        pinned.append(extension_id)
    preferences.parent.mkdir(parents=True, exist_ok=True)
    preferences.write_text(json.dumps(settings), encoding="utf-8")


@contextlib.contextmanager
def demo_profile(chosen: Path | None, url: str | None) -> Iterator[Path]:
    """The profile to run in: the one chosen, the persistent one for a real site, else a fresh one removed after."""
    if chosen is not None or url:
        profile = chosen or PERSISTENT_PROFILE
        profile.mkdir(parents=True, exist_ok=True)
        yield profile
        return
    fresh = Path(tempfile.mkdtemp(prefix="decorum-demo-"))
    try:
        yield fresh
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def start(
    profile: Path,
    *,
    url: str | None = None,
    extension: Path = harness.EXTENSION_DIR,
    headless: bool = False,
    playwright: Playwright | None = None,
) -> BrowserContext:
    """Launch Chromium in ``profile`` with the extension, open the popup's page and the sites; return the context.

    The popup's page is the tab in front: switching a policy on is the first thing to do.
    """
    loads_extension = (extension / "manifest.json").is_file()
    if loads_extension and extension.resolve() == harness.EXTENSION_DIR.resolve():
        pin_extension(profile, EXTENSION_ID)
    context = harness.launch(
        profile,
        headless=headless,
        extension_dir=extension,
        route=not url,
        playwright=playwright,
        args=DEMO_FLAGS,
        no_viewport=True,  # let the page follow the window's size, as a person expects
        env=dict(os.environ),  # DISPLAY as it is now: Playwright's driver may have started before Xvfb
    )
    pages = [url] if url else [site.test_page for site in harness.sites()]
    if loads_extension:
        pages.insert(0, popup_url(harness.extension_id(context)))
    for i, address in enumerate(pages):
        page = context.pages[0] if i == 0 and context.pages else context.new_page()
        page.goto(address)
    context.pages[0].bring_to_front()
    return context


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _stop(signum, frame) -> None:
    # Ctrl-C reaches Chromium and Playwright's driver too, and make may pass on more signals:
    # the first one stops the demo, the others must not cut its clean-up short.
    for stop_signal in STOP_SIGNALS:
        signal.signal(stop_signal, signal.SIG_IGN)
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="open this real URL instead of the fixture pages (uses the network)")
    parser.add_argument(
        "--profile", type=Path, help=f"Chromium profile to keep (default: a fresh one; with --url {PERSISTENT_PROFILE})"
    )
    parser.add_argument("--extension", type=Path, default=harness.EXTENSION_DIR, help="unpacked extension folder")
    parser.add_argument("--headless", action="store_true", help="no window (a smoke test of the demo itself)")
    args = parser.parse_args(argv)

    if not (args.extension / "manifest.json").is_file():
        print(f"warning: {args.extension}/manifest.json not found: starting without the extension", file=sys.stderr)
    if args.extension == harness.EXTENSION_DIR:
        harness.build_extension()
    if not args.url:
        harness.build_fixtures()

    # A stop by `kill` or a closed terminal cleans up as Ctrl-C does: Xvfb and a fresh profile go.
    for stop_signal in STOP_SIGNALS:
        signal.signal(stop_signal, _stop)
    with contextlib.ExitStack() as stack:
        if not args.headless and not harness.has_display():
            try:
                display = stack.enter_context(harness.virtual_display())
            except RuntimeError as error:
                parser.error(str(error))
            print(f"No display: Chromium runs on the virtual display {display} (Xvfb).", file=sys.stderr)
        profile = stack.enter_context(demo_profile(args.profile, args.url))
        context = start(profile, url=args.url, extension=args.extension, headless=args.headless)
        try:
            if args.headless:
                print(f"Decorum demo started headless (profile {profile}); stopping.", file=sys.stderr)
            else:
                stop = "close the browser window or press Ctrl-C to stop"
                print(f"Decorum demo running (profile {profile}); {stop}.", file=sys.stderr)
                # Closing the last window closes the persistent context; wait for it without a timeout.
                context.wait_for_event("close", timeout=0)
        except KeyboardInterrupt:
            pass
        finally:
            with contextlib.suppress(Exception):  # already gone with the window
                context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
