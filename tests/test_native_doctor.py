"""`decorum doctor`: a healthy install passes, including a real hello round trip; each breakage is named with its fix."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from native_host import doctor, manifests

INSTALL_CHROMIUM = "decorum install-host --browser chromium"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home where Chromium and Firefox have run."""
    (tmp_path / ".config/chromium").mkdir(parents=True)
    (tmp_path / ".mozilla").mkdir()
    return tmp_path


@pytest.fixture
def manifest_path(home: Path) -> Path:
    """A healthy Chromium install, ready to be broken by a test."""
    [path] = manifests.install(["chromium"], home=home)
    return path


def edit_manifest(manifest_file: Path, **changes: object) -> None:
    manifest = json.loads(manifest_file.read_text())
    manifest.update(changes)
    manifest_file.write_text(json.dumps(manifest))


def fake_host(folder: Path, script: str, mode: int = 0o755) -> Path:
    """An executable standing in for decorum-host, to break in a particular way."""
    path = folder / "fake-host"
    path.write_text(script)
    path.chmod(mode)
    return path


def only_problem(home: Path, browser: str = "chromium") -> doctor.Problem:
    problems = doctor.diagnose(home=home, browsers=[browser])
    assert len(problems) == 1, problems
    return problems[0]


def test_a_healthy_install_passes_with_a_real_hello_round_trip(home, manifest_path):
    assert doctor.diagnose(home=home, browsers=["chromium"]) == []


def test_a_healthy_firefox_install_passes(home):
    manifests.install(["firefox"], home=home)
    assert doctor.diagnose(home=home, browsers=["firefox"]) == []


def test_by_default_every_browser_that_has_run_is_checked(home, manifest_path):
    problems = doctor.diagnose(home=home)
    assert [(problem.browser, "no host manifest" in problem.what) for problem in problems] == [("firefox", True)]


def test_a_missing_manifest_is_reported_with_the_install_command(home):
    problem = only_problem(home)
    assert "no host manifest at" in problem.what
    assert str(manifests.location("chromium", home).manifest_path) in problem.what
    assert problem.fix == INSTALL_CHROMIUM


def test_a_browser_that_never_ran_is_reported_when_named(tmp_path):
    problem = only_problem(tmp_path, "chrome")
    assert "has not run on this account" in problem.what
    assert "decorum install-host --browser chrome" in problem.fix


def test_invalid_json_is_reported(home, manifest_path):
    manifest_path.write_text('{"name": "org.decorum.host",')
    problem = only_problem(home)
    assert "not valid JSON" in problem.what and problem.fix == INSTALL_CHROMIUM


def test_a_name_that_differs_from_the_file_name_is_reported(home, manifest_path):
    edit_manifest(manifest_path, name="org.decorum.native")
    problem = only_problem(home)
    assert "'name' is 'org.decorum.native'" in problem.what and "org.decorum.host" in problem.what
    assert problem.fix == INSTALL_CHROMIUM


def test_a_relative_path_is_reported(home, manifest_path):
    edit_manifest(manifest_path, path="decorum-host")
    problem = only_problem(home)
    assert "relative" in problem.what and problem.fix == INSTALL_CHROMIUM


def test_a_path_that_does_not_exist_is_reported(home, manifest_path, tmp_path):
    edit_manifest(manifest_path, path=str(tmp_path / "old-venv/bin/decorum-host"))
    problem = only_problem(home)
    assert "does not exist" in problem.what
    assert "pip install -e ." in problem.fix and INSTALL_CHROMIUM in problem.fix


def test_a_host_that_is_not_executable_is_reported_with_chmod(home, manifest_path, tmp_path):
    host = fake_host(tmp_path, "#!/bin/sh\n", mode=0o644)
    edit_manifest(manifest_path, path=str(host))
    problem = only_problem(home)
    assert "not executable" in problem.what and problem.fix == f"chmod +x '{host}'"


@pytest.mark.parametrize(
    "first_lines",
    ["#!/gone/venv/bin/python3\n", "#!/bin/sh\n'''exec' \"/gone/venv/bin/python3\" \"$0\" \"$@\"\n' '''\n"],
    ids=["shebang", "pip-long-path-form"],
)
def test_a_missing_interpreter_is_reported(home, manifest_path, tmp_path, first_lines):
    edit_manifest(manifest_path, path=str(fake_host(tmp_path, first_lines)))
    problem = only_problem(home)
    assert "interpreter /gone/venv/bin/python3" in problem.what and "does not exist" in problem.what
    assert INSTALL_CHROMIUM in problem.fix


def test_an_extension_not_allowed_by_the_manifest_is_reported(home, manifest_path):
    edit_manifest(manifest_path, allowed_origins=["chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"])
    problem = only_problem(home)
    assert "allowed_origins" in problem.what and manifests.allowed_caller("chromium")[1] in problem.what
    assert problem.fix == INSTALL_CHROMIUM


def test_a_custom_extension_id_is_checked_and_kept_in_the_fix(home, manifest_path):
    custom = "b" * 32
    [problem] = doctor.diagnose(home=home, browsers=["chromium"], extension_id=custom)
    assert custom in problem.what
    assert problem.fix == f"{INSTALL_CHROMIUM} --extension-id {custom}"


def test_a_host_crashing_on_start_is_reported_with_its_stderr(home, manifest_path, tmp_path):
    host = fake_host(tmp_path, "#!/bin/sh\necho 'ImportError: no module named engine' >&2\nexit 3\n")
    edit_manifest(manifest_path, path=str(host))
    problem = only_problem(home)
    assert "did not answer hello" in problem.what and "exit status 3" in problem.what
    assert "ImportError: no module named engine" in problem.what


def test_a_host_writing_other_than_frames_on_stdout_is_reported(home, manifest_path, tmp_path):
    edit_manifest(manifest_path, path=str(fake_host(tmp_path, "#!/bin/sh\necho 'starting up'\n")))
    problem = only_problem(home)
    assert "other than frames" in problem.what and "starting up" in problem.what


def test_a_host_that_never_answers_is_reported(home, manifest_path, tmp_path, monkeypatch):
    monkeypatch.setattr(doctor, "HELLO_TIMEOUT_S", 0.5)
    edit_manifest(manifest_path, path=str(fake_host(tmp_path, "#!/bin/sh\nexec sleep 30\n")))
    problem = only_problem(home)
    assert "did not answer hello" in problem.what and "0.5 s" in problem.what


def test_the_host_is_started_with_the_minimal_path_a_browser_gives_it(home, manifest_path, tmp_path, monkeypatch):
    """An interpreter found only through the user's PATH works in a terminal but not from a browser."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_host(bin_dir, f'#!/bin/sh\nexec "{sys.executable}" "$@"\n').rename(bin_dir / "decorum-test-python")
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    host = fake_host(tmp_path, "#!/usr/bin/env decorum-test-python\nimport sys\nfrom native_host.host import main\nsys.exit(main())\n")
    edit_manifest(manifest_path, path=str(host))
    problem = only_problem(home)
    assert "did not answer hello" in problem.what and "decorum-test-python" in problem.what


def test_the_report_gives_each_problem_its_fix_and_says_which_browsers_are_fine(home, manifest_path):
    problems = doctor.diagnose(home=home, browsers=["chromium", "firefox"])
    report = doctor.format_report(["chromium", "firefox"], problems)
    assert "firefox: no host manifest at" in report
    assert "  fix: decorum install-host --browser firefox" in report
    assert "chromium: ok" in report
