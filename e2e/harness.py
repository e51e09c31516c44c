"""Launch Chromium with the Decorum extension on fixture pages served under the real sites' URLs.

One module for both the e2e tests (via conftest.py) and `make run` (via run_demo.py):

- build_fixtures(): npm ci + esbuild build of e2e/fixtures into e2e/fixtures/dist, when stale.
- build_extension(): npm ci + esbuild bundle of the content script (extension/build/), when stale.
- sites(): the sites the extension runs on, as its site adapters declare them (build/sites.js).
- route_fixtures(context): answer every host of every site from its page in dist; abort the rest.
- register_host(user_data_dir): the native-messaging manifest inside a throw-away profile.
- launch(user_data_dir): Debian's Chromium (Playwright cannot download browsers here) as a
  persistent context, which is the only way Chromium loads an unpacked extension.
- virtual_display(): an Xvfb screen for a visible Chromium on a machine without a display.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

E2E = Path(__file__).resolve().parent
REPO = E2E.parent

# The checkout's own packages come first, so the harness and run_demo.py work from any checkout.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from engine.contract import HOST_NAME  # noqa: E402  (one source for the host name)
from native_host.manifests import manifest_for  # noqa: E402

FIXTURES = E2E / "fixtures"
DIST = FIXTURES / "dist"
EXTENSION_DIR = REPO / "extension"
CHROMIUM = "/usr/bin/chromium"

# Fixture pages load their bundles from this path on their own origin (see fixtures/src/*.html).
ASSET_PREFIX = "/_fixture/"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".map": "application/json",
}


# --- building the fixtures -----------------------------------------------------------------


def _run(cmd: list[str], cwd: Path = E2E) -> None:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(
            f"`{' '.join(cmd)}` failed in {cwd} (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
        )


def _npm() -> str:
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(
            "npm not found: the extension's content script and the e2e fixture pages are bundled with "
            "Node.js (install Node.js 20+ and npm, e.g. `apt-get install nodejs npm`)."
        )
    return npm


def _install_node_packages(folder: Path) -> None:
    """npm ci in ``folder`` unless its node_modules is newer than its lock file."""
    # npm writes node_modules/.package-lock.json on install; older than the lock means stale.
    installed = folder / "node_modules" / ".package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < (folder / "package-lock.json").stat().st_mtime:
        _run([_npm(), "ci", "--no-audit", "--no-fund"], cwd=folder)


def _newest_source_mtime() -> float:
    sources = [FIXTURES / "build.mjs", E2E / "package-lock.json", *(FIXTURES / "src").rglob("*")]
    return max(p.stat().st_mtime for p in sources if p.is_file())


def build_fixtures(force: bool = False) -> Path:
    """Install the pinned editor libraries if needed and rebuild dist/ if older than its sources."""
    _install_node_packages(E2E)
    stamp = DIST / "BUILD"  # build.mjs writes it last, so it exists only after a full build
    if force or not stamp.exists() or stamp.stat().st_mtime < _newest_source_mtime():
        _run([_npm(), "run", "--silent", "build"])
    return DIST


CONTENT_SCRIPT = EXTENSION_DIR / "build" / "content.js"
SITES_MODULE = EXTENSION_DIR / "build" / "sites.js"


def build_extension(force: bool = False) -> Path:
    """The extension's content-script bundle and sites module, rebuilt if missing or older than any extension source."""
    _install_node_packages(REPO)
    sources = [REPO / "tools" / "build-extension.mjs", REPO / "tools" / "extension-sites.mjs", REPO / "package-lock.json"]
    sources += [p for p in EXTENSION_DIR.rglob("*.js") if CONTENT_SCRIPT.parent not in p.parents]
    newest = max(p.stat().st_mtime for p in sources)
    built = [CONTENT_SCRIPT, SITES_MODULE]
    if force or not all(p.exists() for p in built) or min(p.stat().st_mtime for p in built) < newest:
        _run([_npm(), "run", "--silent", "build"], cwd=REPO)
    return CONTENT_SCRIPT


# --- the sites, as the extension's site adapters declare them -------------------------------


@dataclass(frozen=True)
class Site:
    name: str  # as in the extension's `disabledSites`, and the fixture page's file name (<name>.html)
    label: str  # as the popup's switch says it
    hosts: tuple[str, ...]
    test_page: str  # where the e2e tests open it: its fixture page is served there


@cache
def sites() -> tuple[Site, ...]:
    """Every site the extension runs on, in its adapters' order (extension/content/sites/index.js),
    read from the build's extension/build/sites.js."""
    build_extension()
    text = SITES_MODULE.read_text()
    _, found, listed = text.partition("export const SITES = ")
    if not found:
        raise RuntimeError(f"{SITES_MODULE} has no `export const SITES = [...]`: rebuild it with `make extension`")
    return tuple(
        Site(site["name"], site["label"], tuple(site["hosts"]), site["testPage"])
        for site in json.loads(listed.strip().removesuffix(";"))
    )


def site(name: str) -> Site:
    """The site of that name; KeyError naming the sites there are."""
    for candidate in sites():
        if candidate.name == name:
            return candidate
    raise KeyError(f"no site adapter is named {name!r}; the sites are {[s.name for s in sites()]}")


def fixture_page(hostname: str) -> str | None:
    """The fixture page (a file in dist/) served for every page of a site's host, as a single-page app would; None elsewhere."""
    return next((f"{s.name}.html" for s in sites() if hostname in s.hosts), None)


# --- serving the fixtures under the real sites' URLs ---------------------------------------


@dataclass
class RouteLog:
    """What the router did with each request, so tests can prove nothing reached the network."""

    served: list[str] = field(default_factory=list)
    aborted: list[str] = field(default_factory=list)
    passed: list[str] = field(default_factory=list)  # non-network schemes only (data:, blob:, …)


_logs: "weakref.WeakKeyDictionary[object, RouteLog]" = weakref.WeakKeyDictionary()


def route_log(context) -> RouteLog | None:
    """The RouteLog of a context set up by route_fixtures(), else None."""
    return _logs.get(context)


def route_fixtures(context) -> RouteLog:
    """Serve dist/ for every site's hosts and abort every other request: no network at all."""
    log = RouteLog()

    def handle(route) -> None:
        request = route.request
        url = urlsplit(request.url)
        if url.scheme not in ("http", "https", "ws", "wss"):
            log.passed.append(request.url)  # never leaves the machine
            route.continue_()
            return
        page = fixture_page(url.hostname or "") if url.scheme == "https" else None
        if page is not None:
            if url.path.startswith(ASSET_PREFIX):
                asset = DIST / url.path[len(ASSET_PREFIX) :]
                # Only files directly in dist/: no "../" escapes.
                if asset.parent == DIST and asset.is_file():
                    log.served.append(request.url)
                    route.fulfill(path=asset, headers={"content-type": _content_type(asset)})
                    return
            elif request.resource_type == "document" and request.method == "GET":
                log.served.append(request.url)
                route.fulfill(path=DIST / page, headers={"content-type": CONTENT_TYPES[".html"]})
                return
        log.aborted.append(request.url)
        route.abort("blockedbyclient")

    # One catch-all route: the site patterns alone would let other hosts' requests through.
    context.route("**/*", handle)
    _logs[context] = log
    return log


def _content_type(path: Path) -> str:
    return CONTENT_TYPES.get(path.suffix, "application/octet-stream")


# --- native messaging -----------------------------------------------------------------------


def default_host_command() -> Path:
    # The venv's console script: its shebang names the venv's Python by absolute path, which
    # matters because browsers start hosts with a minimal PATH. Not resolve(): the venv's
    # python may be a symlink out of the venv.
    return Path(sys.executable).absolute().parent / "decorum-host"


def register_host(user_data_dir: str | os.PathLike, host_command: str | os.PathLike | None = None) -> Path:
    """Write the host manifest where Chromium looks for it: <user-data-dir>/NativeMessagingHosts/."""
    path = Path(host_command).absolute() if host_command else default_host_command()
    manifest = manifest_for("chromium", path)  # the path must be absolute: Chromium refuses relative ones
    folder = Path(user_data_dir) / "NativeMessagingHosts"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{HOST_NAME}.json"
    target.write_text(json.dumps(manifest, indent=2) + "\n")
    return target


# --- launching Chromium ------------------------------------------------------------------------

_playwright = None


def _default_playwright():
    """A sync Playwright started on first use and stopped at exit (for scripts; tests pass theirs)."""
    global _playwright
    if _playwright is None:
        from playwright.sync_api import sync_playwright

        _playwright = sync_playwright().start()
        atexit.register(_playwright.stop)
    return _playwright


def launch(
    user_data_dir: str | os.PathLike,
    *,
    headless: bool = True,
    extension_dir: str | os.PathLike | None = EXTENSION_DIR,
    route: bool = True,
    register: bool = True,
    playwright=None,
    args: list[str] | None = None,
    **options,
):
    """Chromium with the extension loaded, as a persistent context (extensions need one).

    extension_dir=None, or a folder without manifest.json, launches with no extension.
    Extra keyword options go to launch_persistent_context (e.g. viewport).
    """
    if register:
        register_host(user_data_dir)
    flags = [
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-sandbox",  # we run as root, where Chromium's sandbox refuses to start
        "--disable-gpu",
    ]
    if extension_dir is not None and (Path(extension_dir) / "manifest.json").is_file():
        ext = str(Path(extension_dir).resolve())
        flags += [f"--disable-extensions-except={ext}", f"--load-extension={ext}"]
    if route:
        # Belt and braces for requests Playwright's router never sees (the browser's own):
        # no host name resolves, except loopback for the engine's local HTTP API.
        flags.append("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1")
    flags += args or []
    pw = playwright or _default_playwright()
    context = pw.chromium.launch_persistent_context(
        str(user_data_dir),
        executable_path=CHROMIUM,
        headless=headless,
        args=flags,
        **options,
    )
    if route:
        route_fixtures(context)
    return context


def extension_id(context, timeout: float = 10_000) -> str:
    """The loaded extension's id, read from its service worker's chrome-extension:// URL."""

    def is_extension(worker) -> bool:
        return worker.url.startswith("chrome-extension://")

    worker = next((w for w in context.service_workers if is_extension(w)), None)
    if worker is None:
        worker = context.wait_for_event("serviceworker", predicate=is_extension, timeout=timeout)
    return urlsplit(worker.url).hostname


# --- a screen for a visible browser -------------------------------------------------------------


def has_display() -> bool:
    """Whether a visible window has somewhere to go (X11 or Wayland)."""
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@contextlib.contextmanager
def virtual_display(width: int = 1600, height: int = 1000) -> Iterator[str]:
    """Start Xvfb on a free display number, point DISPLAY at it while in the block, and stop it after.

    Yields the display (":99"). Raises RuntimeError naming the package when Xvfb is not installed.
    """
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        raise RuntimeError(
            "there is no display and Xvfb is not installed: install it with `sudo apt-get install xvfb` "
            "(make run does it when run as root), or run on a desktop"
        )
    ready_in, ready_out = os.pipe()
    with tempfile.TemporaryFile() as log:
        # -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
        server = subprocess.Popen(
            [xvfb, "-displayfd", str(ready_out), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            pass_fds=(ready_out,),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
        )
        os.close(ready_out)
        with os.fdopen(ready_in) as ready:
            number = ready.readline().strip()
        if not number:
            server.wait()
            log.seek(0)
            raise RuntimeError(f"Xvfb did not start (exit {server.returncode}): {log.read().decode(errors='replace')}")
        previous = os.environ.get("DISPLAY")
        os.environ["DISPLAY"] = f":{number}"
        try:
            yield os.environ["DISPLAY"]
        finally:
            if previous is None:
                os.environ.pop("DISPLAY", None)
            else:
                os.environ["DISPLAY"] = previous
            server.terminate()
            server.wait(timeout=10)
