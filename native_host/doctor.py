"""`decorum doctor`: finds why a browser cannot reach the host, and says which command fixes it.

It checks what browsers check, in the order they fail: the manifest file, its JSON, its name,
its path, the executable and its interpreter, the extension allowed to call it; then starts the
host exactly as a browser would, with a minimal environment, and asks it for a hello.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine import protocol
from engine.contract import HOST_NAME

from native_host import framing, manifests

HELLO_TIMEOUT_S = 5.0
STDERR_TAIL_LINES = 15
# Browsers start hosts with little more than this; an interpreter found only through a richer PATH fails there.
MINIMAL_POSIX_ENV = {"PATH": "/usr/bin:/bin"}
# pip's stand-in for a shebang too long for the kernel: '''exec' "/long/path/python" "$0" "$@"
_PIP_EXEC_LINE = re.compile(rb"'''exec' \"([^\"]+)\"")


@dataclass(frozen=True)
class Problem:
    """One thing that stops `browser` from reaching the host, and the command that fixes it."""

    browser: str
    what: str
    fix: str


def diagnose(
    home: Path | None = None, browsers: list[str] | None = None, extension_id: str | None = None
) -> list[Problem]:
    """Check the host's registration for each browser (default: every browser that has run here)."""
    if browsers is None:
        browsers = manifests.installed_browsers(home)
    return [problem for browser in browsers for problem in diagnose_browser(browser, home, extension_id)]


def diagnose_browser(browser: str, home: Path | None = None, extension_id: str | None = None) -> list[Problem]:
    """Everything wrong with the host's registration for one browser; empty when the hello round trip works."""
    place = manifests.location(browser, home)
    reinstall = f"decorum install-host --browser {browser}"
    if extension_id:
        reinstall += f" --extension-id {extension_id}"

    def problem(what: str, fix: str = reinstall) -> Problem:
        return Problem(browser, what, fix)

    name = manifests.DISPLAY_NAMES[browser]
    if not place.config_dir.is_dir():
        what = f"{place.config_dir} does not exist: {name} has not run on this account"
        return [problem(what, f"start {name} once, then run: {reinstall}")]
    manifest_path = place.manifest_path
    if not manifest_path.is_file():
        return [problem(f"no host manifest at {manifest_path}")]
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        return [problem(f"{manifest_path} is not valid JSON ({error}), so {name} ignores it")]
    if not isinstance(manifest, dict):
        return [problem(f"{manifest_path} holds JSON but not an object, so {name} ignores it")]

    key, caller = manifests.allowed_caller(browser, extension_id)
    problems = [problem(what) for what in _manifest_fields(manifest, key, caller)]
    if sys.platform == "win32":
        problems += [problem(what, manifests.registry_add_command(place)) for what in _registry(place)]
    host_path = manifest.get("path")
    launch_problems = _executable(host_path, reinstall)
    if launch_problems:
        return problems + [problem(what, fix) for what, fix in launch_problems]
    # Browsers pass arguments too: Chrome the caller's origin, Firefox the manifest path and the add-on id.
    arguments = [str(manifest_path), caller] if browser == "firefox" else [caller]
    problems += [problem(what, fix) for what, fix in _round_trip([host_path, *arguments], reinstall)]
    return problems


def _manifest_fields(manifest: dict[str, Any], key: str, caller: str) -> list[str]:
    """What is wrong with the manifest's name, type and allowed callers."""
    wrong = []
    if manifest.get("name") != HOST_NAME:
        wrong.append(
            f"the manifest's 'name' is {manifest.get('name')!r} but must be {HOST_NAME!r}, "
            "the same as its file name, or the browser reports the host as not found"
        )
    if manifest.get("type") != "stdio":
        wrong.append(f"the manifest's 'type' is {manifest.get('type')!r} but must be 'stdio'")
    listed = manifest.get(key)
    if not isinstance(listed, list) or caller not in listed:
        wrong.append(f"the manifest's '{key}' does not list {caller}, so the browser refuses the extension access")
    return wrong


def _executable(host_path: object, reinstall: str) -> list[tuple[str, str]]:
    """Why the manifest's `path` cannot be started, as (problem, fix) pairs; empty when it can."""
    if not isinstance(host_path, str) or not host_path:
        return [("the manifest has no 'path' string naming the host executable", reinstall)]
    path = Path(host_path)
    if not path.is_absolute():
        return [(f"the manifest's 'path' {host_path!r} is relative; browsers need an absolute path", reinstall)]
    if not path.is_file():
        what = f"the host executable {path} does not exist (was its virtual environment moved or deleted?)"
        return [(what, _rebuild(reinstall))]
    if sys.platform != "win32" and not os.access(path, os.X_OK):
        return [(f"the host executable {path} is not executable", f"chmod +x '{path}'")]
    interpreter = _interpreter(path)
    if interpreter is not None and not interpreter.exists():
        what = f"the interpreter {interpreter} named in the first line of {path} does not exist"
        return [(what, _rebuild(reinstall))]
    return []


def _rebuild(reinstall: str) -> str:
    """The fix when the executable or its Python is gone: a fresh install, then a fresh manifest."""
    return f"reinstall Decorum (pipx reinstall decorum, or pip install -e . in a checkout), then run: {reinstall}"


def _interpreter(path: Path) -> Path | None:
    """The interpreter a script starts with, or None for a binary.

    pip writes `#!/bin/sh` and an `exec` line instead of a shebang when the Python path is too
    long for one; then that exec'd Python is the interpreter that matters.
    """
    try:
        with path.open("rb") as script:
            first, second = script.readline(), script.readline()
    except OSError:
        return None  # unreadable: the round trip shows what happens when it is started
    words = first[2:].decode("utf-8", errors="replace").split() if first.startswith(b"#!") else []
    if not words:
        return None
    pip_exec = _PIP_EXEC_LINE.match(second)
    if words[0] == "/bin/sh" and pip_exec:
        return Path(pip_exec.group(1).decode("utf-8", errors="replace"))
    return Path(words[0])


def _round_trip(command: list[str], reinstall: str) -> list[tuple[str, str]]:
    """Start the host as a browser would and ask for a hello; the problems seen, as (problem, fix) pairs."""
    if sys.platform == "win32":
        env = {"SYSTEMROOT": os.environ.get("SYSTEMROOT", r"C:\Windows")}
    else:
        env = MINIMAL_POSIX_ENV
    try:
        done = subprocess.run(
            command,
            input=framing.pack(protocol.encode({"id": "doctor", "type": "hello"})),
            capture_output=True,
            timeout=HELLO_TIMEOUT_S,
            env=env,
        )
    except subprocess.TimeoutExpired:
        return [(f"the host did not answer hello and exit within {HELLO_TIMEOUT_S:g} s", _rebuild(reinstall))]
    except OSError as error:
        return [(f"the host could not be started: {error}", _rebuild(reinstall))]

    answers, stray = _frames(done.stdout)
    if stray:
        what = f"the host wrote something other than frames on stdout ({stray[:80]!r}); the browser would drop the port"
        fix = "find what writes to stdout in the host's code path (a print, a wrapper script); log to stderr instead"
        return [(what, fix)]
    hello = answers[0] if answers else None
    if not isinstance(hello, dict) or hello.get("type") != "hello":
        what = f"the host did not answer hello (exit status {done.returncode}, answer {hello!r})"
        return [(what + _tail(done.stderr), "fix the error in the host's stderr shown above; then run: decorum doctor")]
    if done.returncode != 0:
        what = f"the host answered hello but then exited with status {done.returncode}"
        return [(what + _tail(done.stderr), _rebuild(reinstall))]
    return []


def _frames(output: bytes) -> tuple[list[object], bytes]:
    """Split a host's stdout into decoded frames, and whatever trailing bytes are not a whole frame."""
    stream, answers = io.BytesIO(output), []
    while True:
        start = stream.tell()
        try:
            answers.append(protocol.decode(framing.read_frame(stream)))
        except framing.EndOfInput:
            return answers, b""
        except (framing.FrameError, protocol.RequestError):
            return answers, output[start:]


def _tail(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", errors="replace").rstrip().splitlines()[-STDERR_TAIL_LINES:]
    if not lines:
        return "; it wrote nothing on stderr"
    return "; its stderr ended with:\n" + "\n".join(f"    {line}" for line in lines)


def _registry(place: manifests.Location) -> list[str]:
    """On Windows: whether the browser's registry key names this manifest file."""
    import winreg  # Windows only

    try:
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, place.registry_key.split("\\", 1)[1]) as key:
            registered = winreg.QueryValue(key, None)
    except OSError:
        return [f"the registry key {place.registry_key} is missing"]
    if Path(registered) != place.manifest_path:
        return [f"the registry key {place.registry_key} names {registered}, not {place.manifest_path}"]
    return []


def format_report(browsers: list[str], problems: list[Problem]) -> str:
    """A report for people: each problem with its fix, and a line for each browser that is fine."""
    lines = []
    for problem in problems:
        lines += [f"{problem.browser}: {problem.what}", f"  fix: {problem.fix}"]
    troubled = {problem.browser for problem in problems}
    lines += [f"{browser}: ok (manifest valid, host answered hello)" for browser in browsers if browser not in troubled]
    return "\n".join(lines)
