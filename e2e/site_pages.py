"""The fixture sites' pages in a test's browser: opening one with given policies on, the compose
boxes a test opens on them (the `sites` fixture, in conftest.py), and screenshots of them."""

from __future__ import annotations

import os
from pathlib import Path

import harness
from composers import COMPOSERS
from draft import Draft
from service_worker import set_settings

# Every run saves its screenshots with the other artifacts; DECORUM_SCREENSHOTS=docs refreshes the README's.
SCREENSHOTS = (
    harness.REPO / "docs" / "screenshots" if os.environ.get("DECORUM_SCREENSHOTS") == "docs" else harness.E2E / "artifacts" / "screenshots"
)


def open_site(context, site: str, *, policies: list[str] | None = None, errors: list | None = None):
    """The site's fixture page in the context's first tab."""
    if policies is not None:
        set_settings(context, activePolicies=policies)
    page = context.pages[0] if context.pages else context.new_page()
    if errors is not None:
        page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(harness.site(site).test_page)
    return page


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


def screenshot(page, site: str) -> Path:
    """The page as a person sees it: <SCREENSHOTS>/<site>.png (the README shows docs/screenshots/)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{site}.png"
    page.screenshot(path=path)
    return path
