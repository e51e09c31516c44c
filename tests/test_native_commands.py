"""The install-host, uninstall-host and doctor subcommands, as a user runs them."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from engine.contract import HOST_NAME
from native_host import commands, manifests


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="decorum")
    commands.add_subcommands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    """The user's home, where only Chromium has run."""
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / ".config/chromium").mkdir(parents=True)
    return tmp_path


def chromium_manifest(home: Path) -> Path:
    return home / ".config/chromium/NativeMessagingHosts" / f"{HOST_NAME}.json"


def test_install_host_for_all_writes_where_a_browser_has_run_and_says_what_it_skipped(home, capsys):
    assert run("install-host") == 0
    out = capsys.readouterr().out
    assert chromium_manifest(home).is_file()
    assert f"chromium: wrote {chromium_manifest(home)}" in out
    for skipped in ("chrome", "edge", "brave", "firefox"):
        assert f"{skipped}: skipped" in out
    assert not (home / ".mozilla").exists() and not (home / ".config/google-chrome").exists()


def test_install_host_for_a_named_browser_writes_even_before_it_has_run(home):
    assert run("install-host", "--browser", "firefox") == 0
    assert (home / ".mozilla/native-messaging-hosts" / f"{HOST_NAME}.json").is_file()


def test_install_host_with_no_browser_present_writes_nothing_and_says_what_to_do(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert run("install-host") == 0
    assert "nothing written" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_doctor_with_no_browser_present_fails_and_says_what_to_do(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert run("doctor") == 1
    assert "decorum install-host" in capsys.readouterr().err


def test_install_host_passes_the_extension_id_on(home):
    assert run("install-host", "--browser", "chromium", "--extension-id", "c" * 32) == 0
    manifest = json.loads(chromium_manifest(home).read_text())
    assert manifest["allowed_origins"] == [f"chrome-extension://{'c' * 32}/"]


def test_install_host_refuses_a_malformed_extension_id_with_a_message(home, capsys):
    assert run("install-host", "--browser", "chromium", "--extension-id", "not-an-id") == 1
    assert "not a Chromium extension id" in capsys.readouterr().err
    assert not chromium_manifest(home).exists()


def test_uninstall_host_removes_the_manifest(home, capsys):
    run("install-host", "--browser", "chromium")
    assert run("uninstall-host") == 0
    assert not chromium_manifest(home).exists()
    assert f"removed {chromium_manifest(home)}" in capsys.readouterr().out


def test_doctor_passes_after_install_and_fails_with_the_fix_when_broken(home, capsys):
    run("install-host")
    capsys.readouterr()
    assert run("doctor") == 0
    assert "chromium: ok" in capsys.readouterr().out

    chromium_manifest(home).unlink()
    assert run("doctor") == 1
    assert "fix: decorum install-host --browser chromium" in capsys.readouterr().out


def test_the_decorum_command_offers_the_host_subcommands(home, decorum_cli):
    """The real console script, as a user types it: install, then doctor's hello round trip."""
    installed = decorum_cli("install-host", "--browser", "chromium")
    assert installed.returncode == 0, installed.stderr
    checked = decorum_cli("doctor", "--browser", "chromium")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "chromium: ok" in checked.stdout
    assert manifests.location("chromium", home).manifest_path.is_file()
