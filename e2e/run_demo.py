"""`make run`: a visible Chromium with Decorum loaded, on the three fixture sites (or a real URL).

    python e2e/run_demo.py                 # fixture pages of X, LinkedIn and Facebook, in tabs
    python e2e/run_demo.py --url URL       # a real site, real network, no routing
    xvfb-run -a python e2e/run_demo.py     # on a machine without a display

The profile persists (so a login on a real site, and the extension's settings, survive a
restart); the native host is (re)registered in it on every start.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import harness

DEFAULT_PROFILE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "decorum" / "demo-profile"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="open this real URL instead of the fixture pages (uses the network)")
    parser.add_argument("--profile", type=Path, default=DEFAULT_PROFILE, help=f"Chromium profile (default {DEFAULT_PROFILE})")
    parser.add_argument("--extension", type=Path, default=harness.EXTENSION_DIR, help="unpacked extension folder")
    parser.add_argument("--headless", action="store_true", help="no window (a smoke test of the demo itself)")
    args = parser.parse_args(argv)

    if not args.headless and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        parser.error("no display: run under `xvfb-run -a`, or on a desktop")
    if not (args.extension / "manifest.json").is_file():
        print(f"warning: {args.extension}/manifest.json not found: starting without the extension", file=sys.stderr)
    if args.extension == harness.EXTENSION_DIR:
        harness.build_extension()
    if not args.url:
        harness.build_fixtures()

    args.profile.mkdir(parents=True, exist_ok=True)
    context = harness.launch(
        args.profile,
        headless=args.headless,
        extension_dir=args.extension,
        route=not args.url,
        no_viewport=True,  # let the page follow the window's size, as a person expects
    )
    try:
        urls = [args.url] if args.url else list(harness.SITES.values())
        for i, url in enumerate(urls):
            page = context.pages[0] if i == 0 and context.pages else context.new_page()
            page.goto(url)
        context.pages[0].bring_to_front()
        print(f"Decorum demo running (profile {args.profile}); close the browser window to stop.", file=sys.stderr)
        if args.headless:
            return 0
        # Closing the last window closes the persistent context; wait for it without a timeout.
        context.wait_for_event("close", timeout=0)
    except KeyboardInterrupt:
        pass
    finally:
        try:
            context.close()
        except Exception:  # already gone with the window
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
