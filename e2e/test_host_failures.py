"""When the engine is missing or dies, the extension says so, the page keeps working, and a
restarted host picks up where the old one stopped."""

from __future__ import annotations

import os
import shutil
import signal

import pytest
from playwright.sync_api import expect

import harness
from composers import COMPOSERS, MAIN_COMPOSERS, each
from draft import Draft
from extension_pages import open_popup
from host_processes import kill_host, wait_for_host
from site_pages import open_site

SOCIETY_NO_DISCLAIMER = "Who's going to the ICIS meeting in October?"


@pytest.fixture
def browser_without_host(request, fixtures_built, extension_built, pw, tmp_path):
    """Chromium with the extension but no native-messaging manifest in its profile."""
    profile = tmp_path / "profile"
    context = harness.launch(profile, playwright=pw, register=False)
    yield context
    context.close()
    shutil.rmtree(profile, ignore_errors=True)


def test_without_the_host_the_popup_gives_commands_that_work_where_decorum_was_installed(browser_without_host):
    popup = open_popup(browser_without_host)
    status = popup.locator("#engine-status")
    expect(status).to_have_attribute("data-status", "not_installed")
    expect(status).to_have_text("The Decorum engine is not installed")
    help = popup.locator("#install-help")
    # `decorum` alone is on no PATH after `make setup`: the command names the folder's own copy.
    expect(help).to_contain_text("in a terminal, in the Decorum folder")
    expect(popup.locator("#install-command")).to_have_text(".venv/bin/decorum install-host --browser chromium")
    expect(help).to_contain_text("Installed with pipx? Run decorum install-host instead.")
    expect(help.get_by_text(".venv/bin/decorum doctor")).to_be_visible()
    assert "make" not in help.inner_text()
    expect(popup.get_by_text("Specified native messaging host not found")).to_be_visible()
    assert popup.locator("#install-help").bounding_box()["height"] + status.bounding_box()["y"] < 600

    # The README's steps, in a page of the extension: no network needed.
    with browser_without_host.expect_page() as opened:
        help.get_by_role("link", name="Step-by-step help").click()
    steps = opened.value
    steps.wait_for_load_state()
    assert steps.url.endswith("/options/options.html#engine")
    engine_section = steps.locator("#engine")
    expect(engine_section).to_contain_text("Use it in your own Chrome")
    expect(engine_section.get_by_text(".venv/bin/decorum install-host --browser chromium")).to_be_visible()
    expect(engine_section.get_by_text("decorum doctor", exact=True)).to_be_visible()
    expect(engine_section.locator("#engine-status")).to_have_text("The Decorum engine is not installed")


@each(MAIN_COMPOSERS, "site, editor", by_site=False)
def test_without_the_host_the_panel_says_so_and_typing_still_works(request, browser_without_host, site, editor):
    errors: list[str] = []
    page = open_site(browser_without_host, site, policies=["icis"], errors=errors)
    draft = Draft(page, COMPOSERS[(site, editor)], request.node.nodeid).open()
    draft.type(SOCIETY_NO_DISCLAIMER)

    draft.wait_for_state("offline")
    draft.panel.wait_for_status_text("Decorum engine not installed — open the Decorum popup")
    draft.wait_for_model_text("(text, want) => text === want", SOCIETY_NO_DISCLAIMER)
    draft.type(" More to come.")
    draft.wait_for_model_text("(text, want) => text === want", SOCIETY_NO_DISCLAIMER + " More to come.")
    assert errors == []


def test_a_killed_host_is_restarted_and_the_next_pause_in_typing_is_checked(sites):
    draft = sites.draft("x", "composer", policies=["icis"])
    draft.type(SOCIETY_NO_DISCLAIMER)
    draft.wait_for_finding("icis", "disclaimer")

    first = wait_for_host()
    kill_host(first)
    draft.type(" The finance committee papers are marked CONFIDENTIAL.")

    # Not in the latency figures: this one includes starting a new host.
    draft.wait_for_finding("icis", "confidential", record=False)
    assert wait_for_host(other_than=first) != first
    popup = open_popup(sites.context)
    expect(popup.locator("#engine-status")).to_have_attribute("data-status", "connected")


def test_a_check_the_engine_was_too_busy_to_answer_is_asked_again_by_itself(sites):
    draft = sites.draft("x", "composer", policies=["icis"])
    draft.type("Lovely morning.")
    draft.wait_for_state("ok")  # the host is up and warm
    host = wait_for_host()
    os.kill(host, signal.SIGSTOP)  # the engine stalls, as on a loaded machine
    try:
        draft.type(" Off to #ICIS2025 next week")
        draft.panel.wait_for_status_text("Decorum engine is not answering — trying again")  # after 3 s
    finally:
        os.kill(host, signal.SIGCONT)
    draft.wait_for_finding("icis", "disclaimer", record=False)  # no keystroke needed


@pytest.fixture
def browser_with_a_broken_install(fixtures_built, extension_built, pw, tmp_path):
    """Chromium whose host manifest leads to a host that cannot start: its virtual environment's
    Python is gone, as when the checkout's .venv was deleted or moved."""
    profile = tmp_path / "profile"
    host = tmp_path / "decorum-host"
    host.write_text("#!/nonexistent/.venv/bin/python\n")
    host.chmod(0o755)
    harness.register_host(profile, host_command=host)
    context = harness.launch(profile, playwright=pw, register=False)
    yield context
    context.close()
    shutil.rmtree(profile, ignore_errors=True)


def test_an_engine_that_cannot_start_is_reported_with_what_to_do(request, browser_with_a_broken_install):
    context = browser_with_a_broken_install
    page = open_site(context, "linkedin", policies=["icis"])
    draft = Draft(page, COMPOSERS[("linkedin", "comment")], request.node.nodeid).open()
    draft.type(SOCIETY_NO_DISCLAIMER)
    draft.panel.wait_for_status_text("Decorum engine fails to start — open the Decorum popup")

    popup = open_popup(context)
    expect(popup.locator("#engine-status")).to_have_text("The Decorum engine fails to start")
    expect(popup.locator("#failing-help").get_by_text(".venv/bin/decorum doctor")).to_be_visible()
    assert "make" not in popup.locator("#failing-help").inner_text()
    expect(popup.get_by_text("Native host has exited.")).to_be_visible()


def test_a_draft_too_long_to_check_says_so(sites):
    draft = sites.draft("linkedin", "comment", policies=["icis"])
    draft.editor.click()
    too_long = "ICIS " * 13_000  # 65,000 UTF-16 units; the host's limit is 63,206
    draft.page.keyboard.insert_text(too_long)  # as a paste or a dictation puts it in, in one go
    draft.wait_for_state("too_large")
    assert draft.status_text() == "This draft is too long for Decorum to check"


def test_installing_the_host_while_a_draft_is_open_brings_its_warnings(request, browser_without_host, tmp_path):
    page = open_site(browser_without_host, "facebook", policies=["icis"])
    draft = Draft(page, COMPOSERS[("facebook", "comment")], request.node.nodeid).open()
    draft.type(SOCIETY_NO_DISCLAIMER)
    draft.wait_for_state("offline")

    harness.register_host(tmp_path / "profile")  # what `decorum install-host` does
    popup = open_popup(browser_without_host)  # opening the popup retries at once
    expect(popup.locator("#engine-status")).to_have_attribute("data-status", "connected")
    draft.wait_for_finding("icis", "disclaimer", record=False)  # no keystroke needed
