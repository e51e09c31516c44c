"""Build what Decorum ships into dist/ (`make package`).

    python tools/package.py [--out dist] [--no-lint]

- decorum-VERSION-py3-none-any.whl: the engine, the host, the command line and HTTP API, and everything they read at run time
  (policy packs, the learned model, the built-in packs' pattern analysis, made here afresh, the
  playground), built by pip from a clean copy of the sources with the environment's setuptools
  (no build isolation, so no network).
- decorum-VERSION-chrome.zip: the extension for the Chrome Web Store.
- decorum-VERSION-firefox.xpi: the extension for Firefox (unsigned: addons.mozilla.org signs it),
  checked with `web-ext lint`, which must report nothing.
- decorum-VERSION-chrome/: the Chrome build unpacked, with the manifest's key, so that "Load
  unpacked" gives it the id the host manifest allows.

The extension ships what its manifest reaches and nothing else: the files the manifest names and
everything they load (a page's scripts and styles, ES module imports), so its tests, README and
the content script's sources (bundled into build/content.js) stay out. Each browser gets the
manifest fields it reads (see docs/packaging.md).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

REPO = Path(__file__).resolve().parent.parent
EXTENSION = REPO / "extension"
WEB_EXT = REPO / "node_modules" / ".bin" / "web-ext"
# What pip needs to build the wheel: the project's metadata and its packages.
WHEEL_SOURCES = ("pyproject.toml", "README.md", "engine", "native_host", "decorum")
# The analysis of the built-in packs' patterns, shipped so that no start analyses them (docs/packaging.md).
SHIPPED_ANALYSIS = Path("engine", "matching", "pattern-analysis.json")
BUILD_ANALYSIS = REPO / "tools" / "build_pattern_analysis.py"

# Fields one browser reads and the other rejects or warns about, removed from that browser's build.
# The Chrome Web Store refuses a manifest with a "key" (the store gives the item its own), and
# Firefox ignores background.service_worker (it runs background.scripts) and has no use for it.
DROPPED_FIELDS = {
    "chrome": [("key",), ("background", "scripts"), ("browser_specific_settings",)],
    "chrome-unpacked": [("background", "scripts"), ("browser_specific_settings",)],
    "firefox": [("key",), ("background", "service_worker")],
}

_JS_IMPORT = re.compile(r"""\b(?:import|export)\b[^"'`;]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(?\s*["']([^"']+)["']""")
_HTML_REFERENCE = re.compile(r"""\b(?:src|href)\s*=\s*["']([^"']+)["']""")
_CSS_REFERENCE = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']""")


class PackageError(RuntimeError):
    """Something the build needs is missing or wrong; the message says what to do."""


# --- the wheel ----------------------------------------------------------------------------------


def build_wheel(out: Path) -> Path:
    """Build the wheel into ``out`` from a clean copy of the sources; return its path."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="decorum-wheel-") as scratch:
        # A copy: setuptools' build/ folder in the checkout would carry deleted modules into the wheel.
        source = Path(scratch) / "source"
        for name in WHEEL_SOURCES:
            _copy(REPO / name, source / name)
        # Made afresh, whatever the checkout holds: a file left by an older `make setup` may be stale.
        analysis = source / SHIPPED_ANALYSIS
        analysis.unlink(missing_ok=True)
        _run([sys.executable, str(BUILD_ANALYSIS), "--out", str(analysis)], "the built-in packs' pattern analysis could not be made")
        built = Path(scratch) / "wheel"
        # The build's own requirements (pyproject.toml) come from this environment: `make setup` installs them.
        command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
        command += ["--no-build-isolation", "--check-build-dependencies"]
        _run([*command, "--wheel-dir", str(built), str(source)], "pip could not build the wheel (run `make setup` first)")
        (wheel,) = built.glob("*.whl")
        target = out / wheel.name
        shutil.move(wheel, target)
    return target


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


# --- the extension ------------------------------------------------------------------------------


def shipped_files(extension: Path = EXTENSION) -> list[PurePosixPath]:
    """The files the extension needs at run time, relative to its folder, sorted.

    Raises PackageError when a file that something refers to is missing (an unbuilt content
    script, a misspelt import), which would break the extension in the browser.
    """
    manifest = json.loads((extension / "manifest.json").read_text(encoding="utf-8"))
    found: set[PurePosixPath] = {PurePosixPath("manifest.json")}
    waiting = [(name, "manifest.json") for name in _expand(_manifest_references(manifest), extension)]
    if (extension / "_locales").is_dir():
        waiting += [(_relative(path, extension), "the _locales folder") for path in (extension / "_locales").rglob("*.json")]
    while waiting:
        name, referrer = waiting.pop()
        if name in found:
            continue
        path = extension / name
        if not path.is_file():
            hint = " (build it with `make extension`)" if name.parts[0] == "build" else ""
            raise PackageError(f"{referrer} refers to {name}, which is not in {extension}{hint}")
        found.add(name)
        waiting += [(target, str(name)) for target in _references(name, path.read_text(encoding="utf-8", errors="replace"))]
    return sorted(found)


def _manifest_references(manifest: dict) -> list[str]:
    """The files a manifest names: background, pages, content scripts, icons."""
    background = manifest.get("background", {})
    action = manifest.get("action", {})
    names = [background.get("service_worker"), background.get("page"), *background.get("scripts", [])]
    names += [action.get("default_popup"), manifest.get("options_page"), manifest.get("options_ui", {}).get("page")]
    names += [manifest.get("side_panel", {}).get("default_path"), manifest.get("devtools_page")]
    for icons in (manifest.get("icons", {}), action.get("default_icon", {})):
        names += [icons] if isinstance(icons, str) else list(icons.values())
    for script in manifest.get("content_scripts", []):
        names += [*script.get("js", []), *script.get("css", [])]
    for entry in manifest.get("web_accessible_resources", []):
        names += entry.get("resources", []) if isinstance(entry, dict) else [entry]
    return [name.lstrip("/") for name in names if name]


def _expand(names: list[str], extension: Path) -> list[PurePosixPath]:
    """The manifest's names as files; a pattern (web-accessible resources may be "images/*.png") as the files it matches."""
    files = []
    for name in names:
        if "*" in name:
            files += [_relative(path, extension) for path in sorted(extension.glob(name)) if path.is_file()]
        else:
            files.append(PurePosixPath(name))
    return files


def _references(name: PurePosixPath, text: str) -> Iterable[PurePosixPath]:
    """The files of the extension that one of its files loads, by relative address."""
    pattern = {".js": _JS_IMPORT, ".mjs": _JS_IMPORT, ".html": _HTML_REFERENCE, ".css": _CSS_REFERENCE}.get(name.suffix)
    if pattern is None:
        return
    for match in pattern.finditer(text):
        address = next(group for group in match.groups() if group)
        address = address.split("#")[0].split("?")[0]
        if not address or ":" in address or address.startswith("//"):
            continue  # data:, https:, chrome: and the like are not files of the extension
        target = PurePosixPath(address.lstrip("/")) if address.startswith("/") else name.parent / address
        yield _normalise(target)


def _normalise(path: PurePosixPath) -> PurePosixPath:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if not parts:
                raise PackageError(f"{path} points outside the extension folder")
            parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts)


def _relative(path: Path, folder: Path) -> PurePosixPath:
    return PurePosixPath(path.relative_to(folder).as_posix())


def manifest_for(browser: str, extension: Path = EXTENSION) -> dict:
    """The extension's manifest as ``browser``'s build ships it (see DROPPED_FIELDS)."""
    manifest = json.loads((extension / "manifest.json").read_text(encoding="utf-8"))
    for *parents, field in DROPPED_FIELDS[browser]:
        holder = manifest
        for parent in parents:
            holder = holder.get(parent, {})
        holder.pop(field, None)
    return manifest


def stage_extension(browser: str, target: Path, extension: Path = EXTENSION) -> Path:
    """Copy the shipped files into ``target`` (emptied first) with ``browser``'s manifest; return ``target``."""
    files = shipped_files(extension)
    if target.exists():
        shutil.rmtree(target)
    for name in files:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        if name == PurePosixPath("manifest.json"):
            (target / name).write_text(json.dumps(manifest_for(browser, extension), indent=2) + "\n", encoding="utf-8")
        else:
            shutil.copy2(extension / name, target / name)
    return target


def write_archive(folder: Path, target: Path) -> Path:
    """Zip ``folder``'s files at the archive's root, in a fixed order with fixed dates (the same files, the same bytes)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=(1980, 1, 1, 0, 0, 0))
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, path.read_bytes())
    return target


def lint_firefox(folder: Path) -> None:
    """Run `web-ext lint` on a Firefox build; raise PackageError listing every finding."""
    if not WEB_EXT.exists():
        raise PackageError(f"{WEB_EXT} not found: run `npm ci` in {REPO} (web-ext is a dev dependency)")
    done = subprocess.run(
        [str(WEB_EXT), "lint", "--source-dir", str(folder), "--output", "json", "--no-config-discovery"],
        capture_output=True,
        text=True,
    )
    try:
        report = json.loads(done.stdout)
    except ValueError:
        raise PackageError(f"web-ext lint failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}") from None
    findings = [*report.get("errors", []), *report.get("warnings", []), *report.get("notices", [])]
    if findings:
        lines = [f"  {f.get('code')}: {f.get('message')} ({f.get('file', '')})" for f in findings]
        raise PackageError("web-ext lint found problems in the Firefox build:\n" + "\n".join(lines))


def build_extension(out: Path, lint: bool = True) -> list[Path]:
    """The Chrome zip, the Firefox xpi and the unpacked Chrome folder, in ``out``; return their paths."""
    version = json.loads((EXTENSION / "manifest.json").read_text(encoding="utf-8"))["version"]
    with tempfile.TemporaryDirectory(prefix="decorum-extension-") as scratch:
        chrome = write_archive(stage_extension("chrome", Path(scratch) / "chrome"), out / f"decorum-{version}-chrome.zip")
        firefox_folder = stage_extension("firefox", Path(scratch) / "firefox")
        if lint:
            lint_firefox(firefox_folder)
        firefox = write_archive(firefox_folder, out / f"decorum-{version}-firefox.xpi")
    unpacked = stage_extension("chrome-unpacked", out / f"decorum-{version}-chrome")
    return [chrome, firefox, unpacked]


def _run(command: list[str], failure: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise PackageError(f"{failure} (exit {done.returncode}):\n{done.stdout}{done.stderr}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="where to put what is built (default dist/)")
    parser.add_argument("--no-lint", action="store_true", help="skip `web-ext lint` of the Firefox build")
    args = parser.parse_args(argv)
    try:
        built = [build_wheel(args.out), *build_extension(args.out, lint=not args.no_lint)]
    except PackageError as error:
        print(f"package: {error}", file=sys.stderr)
        return 1
    for path in built:
        print(f"built {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
