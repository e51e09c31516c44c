"""Pytest fixtures for the e2e suite: built fixture pages, a fresh Chromium per test, the compose
boxes a scenario opens on the fixture sites (`sites`), and the run's latency report (a plugin)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import harness
import latency_report
from site_pages import Sites

ARTIFACTS = harness.E2E / "artifacts"


def pytest_configure(config):
    config.pluginmanager.register(latency_report, "decorum-latency-report")
    config.addinivalue_line(
        "markers",
        "extension(path): the extension folder the `browser` fixture loads (None: no extension); "
        "default: the repo's extension/",
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the item so `browser` can tell, at teardown, that the test failed.
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def fixtures_built() -> Path:
    """e2e/fixtures/dist, (re)built if missing or older than its sources."""
    return harness.build_fixtures()


@pytest.fixture(scope="session")
def extension_built() -> Path:
    """extension/build/content.js, (re)built if missing or older than the extension's sources."""
    return harness.build_extension()


@pytest.fixture(scope="session")
def pw():
    """One sync Playwright for the session (starting it costs ~0.5 s; a browser per test is cheap)."""
    if not Path(harness.CHROMIUM).exists():
        pytest.skip(f"{harness.CHROMIUM} not found: install Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture
def browser(request, fixtures_built, extension_built, pw, tmp_path):
    """A persistent Chromium context in a throw-away profile: extension loaded, fixtures routed,
    host registered. Its RouteLog is harness.route_log(browser)."""
    marker = request.node.get_closest_marker("extension")
    extension_dir = marker.args[0] if marker else harness.EXTENSION_DIR
    profile = tmp_path / "profile"
    context = harness.launch(profile, extension_dir=extension_dir, playwright=pw)
    yield context
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        _save_artifacts(request.node.nodeid, context)
    context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def sites(browser, request):
    """Open compose boxes on the fixture sites; fails the test if an editor threw (we broke it)."""
    sites = Sites(browser, request.node.nodeid)
    yield sites
    assert sites.page_errors == [], f"the page threw: {sites.page_errors}"


def _save_artifacts(nodeid: str, context) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid)
    for i, page in enumerate(context.pages):
        try:
            page.screenshot(path=ARTIFACTS / f"{stem}-{i}.png", full_page=True)
        except Exception:  # a crashed or closed page must not hide the test's own failure
            pass
