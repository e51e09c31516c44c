"""Where each browser looks for the host manifest, what the manifest says, and writing or removing it.

A browser finds a native-messaging host by name: a JSON file `<name>.json` in a per-user
folder of its own (on Windows, a registry key pointing at the file). The manifest names the
executable to start and the extensions allowed to start it.
"""

from __future__ import annotations

import json
import os
import re
import sys
import sysconfig
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine.contract import HOST_NAME

from native_host import EXTENSION_ID, FIREFOX_EXTENSION_ID

BROWSERS = ("chrome", "chromium", "edge", "brave", "firefox")
DISPLAY_NAMES = {
    "chrome": "Google Chrome",
    "chromium": "Chromium",
    "edge": "Microsoft Edge",
    "brave": "Brave",
    "firefox": "Firefox",
}
DESCRIPTION = "Decorum: checks social media drafts against your society's social media policy, on this machine."
_CHROMIUM_EXTENSION_ID = re.compile(r"[a-p]{32}")

# Per-user folders relative to the platform's settings root; Firefox keeps its manifests apart from its profiles.
_LINUX_CONFIG = {
    "chrome": ".config/google-chrome",
    "chromium": ".config/chromium",
    "edge": ".config/microsoft-edge",
    "brave": ".config/BraveSoftware/Brave-Browser",
    "firefox": ".mozilla",
}
_MACOS_CONFIG = {
    "chrome": "Google/Chrome",
    "chromium": "Chromium",
    "edge": "Microsoft Edge",
    "brave": "BraveSoftware/Brave-Browser",
    "firefox": "Firefox",
}
_WINDOWS_CONFIG = {  # under %LOCALAPPDATA%, except Firefox's under %APPDATA%
    "chrome": "Google/Chrome/User Data",
    "chromium": "Chromium/User Data",
    "edge": "Microsoft/Edge/User Data",
    "brave": "BraveSoftware/Brave-Browser/User Data",
    "firefox": "Mozilla/Firefox",
}
_WINDOWS_REGISTRY = {
    "chrome": r"HKCU\Software\Google\Chrome",
    "chromium": r"HKCU\Software\Chromium",
    "edge": r"HKCU\Software\Microsoft\Edge",
    "brave": r"HKCU\Software\BraveSoftware\Brave-Browser",
    "firefox": r"HKCU\Software\Mozilla",
}


class HostNotInstalled(RuntimeError):
    """The decorum-host executable is not beside this Python, so no manifest could point at it."""


@dataclass(frozen=True)
class Location:
    """Where one browser keeps its settings and looks for the host manifest."""

    browser: str
    config_dir: Path  # present once the browser has run on this account
    manifest_dir: Path
    registry_key: str | None = None  # Windows only: its default value must name the manifest file

    @property
    def manifest_path(self) -> Path:
        """The manifest file; browsers require its name to be the host's name."""
        return self.manifest_dir / f"{HOST_NAME}.json"


def location(browser: str, home: Path | None = None, platform: str = sys.platform) -> Location:
    """Where `browser` looks for host manifests for the user whose home is `home` (default: the current user)."""
    if browser not in BROWSERS:
        raise ValueError(f"unknown browser {browser!r}; choose from {', '.join(BROWSERS)}")
    if platform == "win32":
        return _windows_location(browser, home)
    home = Path.home() if home is None else Path(home)
    if platform == "darwin":
        support = home / "Library" / "Application Support"
        config_dir = support / _MACOS_CONFIG[browser]
        manifest_dir = support / "Mozilla" if browser == "firefox" else config_dir
        return Location(browser, config_dir, manifest_dir / "NativeMessagingHosts")
    config_dir = home / _LINUX_CONFIG[browser]
    folder = "native-messaging-hosts" if browser == "firefox" else "NativeMessagingHosts"
    return Location(browser, config_dir, config_dir / folder)


def _windows_location(browser: str, home: Path | None) -> Location:
    # For the current user trust %LOCALAPPDATA% and %APPDATA%; for an explicit home (tests) derive them.
    if home is None:
        local = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        roaming = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    else:
        local, roaming = Path(home) / "AppData" / "Local", Path(home) / "AppData" / "Roaming"
    config_dir = (roaming if browser == "firefox" else local) / _WINDOWS_CONFIG[browser]
    key = rf"{_WINDOWS_REGISTRY[browser]}\NativeMessagingHosts\{HOST_NAME}"
    return Location(browser, config_dir, local / "Decorum" / browser, key)


def host_executable(platform: str = sys.platform) -> Path:
    """The decorum-host console script of this installation, as an absolute, resolved path.

    In a virtual environment (pipx's too) it sits beside the running Python (bin/ or Scripts\\);
    after `pip install --user`, in the user's scripts folder. It starts with that Python's absolute
    path, so the browser can start it with a minimal PATH.
    """
    name = "decorum-host.exe" if platform == "win32" else "decorum-host"
    beside_python = Path(sys.executable).absolute().parent / name
    for path in (beside_python, *(folder / name for folder in _scripts_folders())):
        if path.is_file():
            return path.resolve()
    raise HostNotInstalled(
        f"{beside_python} does not exist: install Decorum into this Python environment "
        "(pipx install CHECKOUT-OR-WHEEL, or pip install -e . in a checkout) "
        "and run this command with that environment's decorum"
    )


def _scripts_folders() -> list[Path]:
    """The scripts folder of the install scheme (the interpreter's own, or the user's) this package is in."""
    package_root = Path(__file__).resolve().parent.parent
    folders = []
    for scheme in (sysconfig.get_default_scheme(), sysconfig.get_preferred_scheme("user")):
        paths = sysconfig.get_paths(scheme)
        if Path(paths["purelib"]).resolve() == package_root:
            folders.append(Path(paths["scripts"]))
    return folders


def manifest_for(browser: str, host_path: Path, extension_id: str | None = None) -> dict[str, Any]:
    """The host manifest `browser` needs; `extension_id` replaces the Chromium extension id (not Firefox's)."""
    key, caller = allowed_caller(browser, extension_id)
    return {"name": HOST_NAME, "description": DESCRIPTION, "path": str(host_path), "type": "stdio", key: [caller]}


def allowed_caller(browser: str, extension_id: str | None = None) -> tuple[str, str]:
    """The manifest key that lists who may start the host in `browser`, and the Decorum extension's entry in it."""
    if browser == "firefox":
        return "allowed_extensions", FIREFOX_EXTENSION_ID
    extension_id = EXTENSION_ID if extension_id is None else extension_id
    if not _CHROMIUM_EXTENSION_ID.fullmatch(extension_id):
        raise ValueError(f"{extension_id!r} is not a Chromium extension id (32 letters from a to p)")
    return "allowed_origins", f"chrome-extension://{extension_id}/"


def installed_browsers(home: Path | None = None) -> list[str]:
    """The supported browsers whose settings folder exists, i.e. that have run on this account."""
    return [browser for browser in BROWSERS if location(browser, home).config_dir.is_dir()]


def install(browsers: Iterable[str], extension_id: str | None = None, home: Path | None = None) -> list[Path]:
    """Write the host manifest for each browser, creating its folder; return the files written.

    On Windows the browser also needs a registry key naming the file: see registry_add_command.
    """
    host_path = host_executable()
    # Build every manifest before writing any, so that a bad extension id leaves nothing half done.
    planned = [
        (location(browser, home).manifest_path, manifest_for(browser, host_path, extension_id)) for browser in browsers
    ]
    for path, manifest in planned:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return [path for path, _ in planned]


def uninstall(browsers: Iterable[str], home: Path | None = None) -> list[Path]:
    """Remove the host manifest of each browser where there is one; return the files removed."""
    removed = []
    for browser in browsers:
        path = location(browser, home).manifest_path
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed


def registry_add_command(place: Location) -> str:
    """The command that registers the manifest with a browser on Windows, for the user to run."""
    return f'REG ADD "{place.registry_key}" /ve /t REG_SZ /d "{place.manifest_path}" /f'


def registry_delete_command(place: Location) -> str:
    """The command that removes the registration made by registry_add_command."""
    return f'REG DELETE "{place.registry_key}" /f'
