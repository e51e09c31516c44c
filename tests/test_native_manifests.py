"""Host manifests: where each browser looks for them, what they say, and installing and removing them."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path, PurePosixPath

import pytest

from engine.contract import HOST_NAME
from native_host import EXTENSION_ID, FIREFOX_EXTENSION_ID, manifests

HOME = Path("/home/ada")


@pytest.mark.parametrize(
    ("browser", "manifest_dir"),
    [
        ("chrome", ".config/google-chrome/NativeMessagingHosts"),
        ("chromium", ".config/chromium/NativeMessagingHosts"),
        ("edge", ".config/microsoft-edge/NativeMessagingHosts"),
        ("brave", ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts"),
        ("firefox", ".mozilla/native-messaging-hosts"),
    ],
)
def test_linux_manifest_folders(browser, manifest_dir):
    place = manifests.location(browser, HOME, platform="linux")
    assert place.manifest_path == HOME / manifest_dir / "org.decorum.host.json"
    assert place.manifest_dir.is_relative_to(place.config_dir)
    assert place.registry_key is None


@pytest.mark.parametrize(
    ("browser", "manifest_dir"),
    [
        ("chrome", "Google/Chrome/NativeMessagingHosts"),
        ("chromium", "Chromium/NativeMessagingHosts"),
        ("edge", "Microsoft Edge/NativeMessagingHosts"),
        ("brave", "BraveSoftware/Brave-Browser/NativeMessagingHosts"),
        ("firefox", "Mozilla/NativeMessagingHosts"),
    ],
)
def test_macos_manifest_folders(browser, manifest_dir):
    place = manifests.location(browser, HOME, platform="darwin")
    assert place.manifest_path == HOME / "Library/Application Support" / manifest_dir / "org.decorum.host.json"


@pytest.mark.parametrize(
    ("browser", "key"),
    [
        ("chrome", r"HKCU\Software\Google\Chrome\NativeMessagingHosts\org.decorum.host"),
        ("chromium", r"HKCU\Software\Chromium\NativeMessagingHosts\org.decorum.host"),
        ("edge", r"HKCU\Software\Microsoft\Edge\NativeMessagingHosts\org.decorum.host"),
        ("brave", r"HKCU\Software\BraveSoftware\Brave-Browser\NativeMessagingHosts\org.decorum.host"),
        ("firefox", r"HKCU\Software\Mozilla\NativeMessagingHosts\org.decorum.host"),
    ],
)
def test_windows_manifests_live_under_local_app_data_and_are_registered_by_a_printed_command(browser, key):
    place = manifests.location(browser, HOME, platform="win32")
    assert place.manifest_path == HOME / "AppData/Local/Decorum" / browser / "org.decorum.host.json"
    assert place.registry_key == key
    assert manifests.registry_add_command(place) == (
        f'REG ADD "{key}" /ve /t REG_SZ /d "{place.manifest_path}" /f'
    )
    assert manifests.registry_delete_command(place) == f'REG DELETE "{key}" /f'


def test_the_host_executable_is_the_console_script_beside_this_python():
    path = manifests.host_executable()
    assert path.is_absolute()
    assert path == (Path(sys.executable).parent / "decorum-host").resolve()
    assert os.access(path, os.X_OK)


def test_the_host_executables_interpreter_is_an_absolute_path_that_exists():
    """Browsers start the host with a minimal PATH: the script must not look its Python up."""
    first_line = manifests.host_executable().read_text().splitlines()[0]
    interpreter = PurePosixPath(first_line.removeprefix("#!").split()[0])
    assert interpreter.is_absolute() and interpreter.name.startswith("python")
    assert Path(interpreter).exists()


def test_without_a_host_executable_beside_python_install_says_how_to_get_one(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "executable", str(tmp_path / "bin" / "python"))
    with pytest.raises(manifests.HostNotInstalled, match="pip install -e"):
        manifests.install(["chromium"], home=tmp_path)


def test_install_writes_a_chromium_manifest_allowing_the_extension(tmp_path):
    [path] = manifests.install(["chromium"], home=tmp_path)
    assert path == tmp_path / ".config/chromium/NativeMessagingHosts" / f"{HOST_NAME}.json"
    manifest = json.loads(path.read_text())
    assert manifest == {
        "name": HOST_NAME,
        "description": manifests.DESCRIPTION,
        "path": str(manifests.host_executable()),
        "type": "stdio",
        "allowed_origins": [f"chrome-extension://{EXTENSION_ID}/"],
    }


def test_install_writes_a_firefox_manifest_allowing_the_add_on_id(tmp_path):
    [path] = manifests.install(["firefox"], home=tmp_path)
    assert path == tmp_path / ".mozilla/native-messaging-hosts" / f"{HOST_NAME}.json"
    manifest = json.loads(path.read_text())
    assert manifest["allowed_extensions"] == [FIREFOX_EXTENSION_ID]
    assert "allowed_origins" not in manifest
    assert manifest["path"] == str(manifests.host_executable())


def test_install_allows_another_chromium_extension_id_when_asked(tmp_path):
    other = "a" * 32
    chrome, firefox = manifests.install(["chrome", "firefox"], extension_id=other, home=tmp_path)
    assert json.loads(chrome.read_text())["allowed_origins"] == [f"chrome-extension://{other}/"]
    assert json.loads(firefox.read_text())["allowed_extensions"] == [FIREFOX_EXTENSION_ID]


@pytest.mark.parametrize("bad_id", ["short", "Z" * 32, f"chrome-extension://{EXTENSION_ID}/"])
def test_install_refuses_something_that_is_not_a_chromium_extension_id(tmp_path, bad_id):
    with pytest.raises(ValueError, match="not a Chromium extension id"):
        manifests.install(["firefox", "chrome"], extension_id=bad_id, home=tmp_path)
    assert not (tmp_path / ".config").exists() and not (tmp_path / ".mozilla").exists()


def test_installed_browsers_are_those_whose_settings_folder_exists(tmp_path):
    (tmp_path / ".config/chromium").mkdir(parents=True)
    (tmp_path / ".mozilla").mkdir()
    assert manifests.installed_browsers(tmp_path) == ["chromium", "firefox"]


def test_install_creates_the_manifest_folder_inside_an_existing_settings_folder(tmp_path):
    (tmp_path / ".config/BraveSoftware/Brave-Browser").mkdir(parents=True)
    [path] = manifests.install(manifests.installed_browsers(tmp_path), home=tmp_path)
    assert path.parent == tmp_path / ".config/BraveSoftware/Brave-Browser/NativeMessagingHosts"
    assert path.is_file()


def test_uninstall_removes_only_the_host_manifest_and_reports_what_it_removed(tmp_path):
    written = manifests.install(["chrome", "firefox"], home=tmp_path)
    neighbour = written[0].parent / "com.example.other.json"
    neighbour.write_text("{}")
    removed = manifests.uninstall(manifests.BROWSERS, home=tmp_path)
    assert removed == written
    assert not any(path.exists() for path in written)
    assert neighbour.exists()
    assert manifests.uninstall(manifests.BROWSERS, home=tmp_path) == []


def test_an_unknown_browser_is_refused_by_name():
    with pytest.raises(ValueError, match="safari"):
        manifests.location("safari", HOME)
