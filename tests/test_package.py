"""Decorum installed like a product: the wheel `make package` builds, installed into a fresh
environment away from the checkout, checks drafts through its own `decorum-host`, and its
`decorum install-host` registers that host.

The install is offline, as on a CI machine after `make setup`: pip takes the wheel alone
(`--no-index --no-deps`), and the dependencies are read from this project's environment through
a `.pth` file (a path line only: this environment's editable Decorum is not imported from there).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from test_native_host import frame, split_frames

import engine
from engine.matching.analysis_store import read_stored
from native_host import EXTENSION_ID
from tools import package

REPO = Path(__file__).resolve().parents[1]
ORIGIN = f"chrome-extension://{EXTENSION_ID}/"
# What a browser gives the host it starts (native_host/doctor.py starts it the same way).
BROWSER_PATH = "/usr/bin:/bin"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    return package.build_wheel(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """A HOME of the tests' own, so that install-host writes nothing in the machine's."""
    return tmp_path_factory.mktemp("home")


def environment(home: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    return {**env, "HOME": str(home), **extra}


def pip_install(wheel: Path, python: Path, *options: str, env: dict[str, str] | None = None) -> None:
    """Install the wheel for ``python`` with this environment's pip, offline."""
    command = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-index", "--no-deps"]
    subprocess.run([*command, *options, str(wheel)], check=True, env=env, capture_output=True, timeout=120)


def see_dependencies_from(site_packages: Path) -> None:
    """Let an environment import the dependencies installed in this one, as a `.pth` path line."""
    site_packages.mkdir(parents=True, exist_ok=True)
    (site_packages / "decorum-test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel installed."""
    folder = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True, timeout=120)
    python = folder / "bin" / "python"
    pip_install(wheel, python)
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    see_dependencies_from(Path(site))
    return folder


def install_host(decorum: Path, home: Path, **env: str) -> dict:
    """Run an installed `decorum install-host --browser chromium`; the manifest it wrote."""
    done = subprocess.run(
        [str(decorum), "install-host", "--browser", "chromium"],
        capture_output=True, text=True, env=environment(home, **env), cwd=home, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    manifest = home / ".config" / "chromium" / "NativeMessagingHosts" / "org.decorum.host.json"
    return json.loads(manifest.read_text())


def test_the_wheel_carries_every_file_the_engine_host_and_command_line_read(wheel):
    shipped = set(zipfile.ZipFile(wheel).namelist())
    sources = {
        path.relative_to(REPO).as_posix()
        for folder in ("engine", "native_host", "decorum")
        for path in (REPO / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert sources - shipped == set()
    assert {"engine/learned/model.bin", "engine/policies/icis.toml", "engine/categories.toml", "engine/lexicons/abusive.toml", "decorum/playground/index.html"} <= shipped


def test_the_wheel_ships_the_built_in_packs_pattern_analysis_made_for_its_code(wheel, tmp_path):
    name = "engine/matching/pattern-analysis.json"
    with zipfile.ZipFile(wheel) as archive:
        (tmp_path / "shipped.json").write_bytes(archive.read(name))
        mode = archive.getinfo(name).external_attr >> 16
    answers = read_stored(tmp_path / "shipped.json", engine.default_engine().store.fingerprint())  # raises if stale or damaged
    assert len(answers["split"]) > 100 and len(answers["requirements"]) > 1_000
    assert mode & 0o444 == 0o444, f"installed as {oct(mode)}: unreadable by some users"


def test_the_installed_host_analyses_no_pattern_at_its_first_start(venv, home, tmp_path):
    cache = tmp_path / "cache"
    done = subprocess.run(
        [str(venv / "bin" / "decorum-host"), ORIGIN], input=frame({"id": "1", "type": "hello"}),
        capture_output=True, env=environment(home, DECORUM_CACHE_DIR=str(cache)), cwd=home, timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()
    [hello] = split_frames(done.stdout)
    assert hello["type"] == "hello" and hello["policies"]
    assert "pattern analysis" not in done.stderr.decode()
    assert not cache.exists(), "the host analysed patterns the wheel's analysis should have answered"


def test_the_installed_package_is_imported_from_its_own_environment(venv, home):
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import decorum, engine, native_host; print(decorum.__file__, engine.__file__, native_host.__file__)"],
        capture_output=True, text=True, env=environment(home), cwd=home, check=True,
    )
    for module_file in done.stdout.split():
        assert Path(module_file).is_relative_to(venv), module_file


def test_install_host_registers_the_installed_host_and_it_finds_what_the_checkout_finds(venv, home):
    manifest = install_host(venv / "bin" / "decorum", home)
    assert manifest["path"] == str((venv / "bin" / "decorum-host").resolve())
    assert manifest["allowed_origins"] == [ORIGIN]

    # As the browser starts it: the manifest's path, the caller's origin, a bare PATH.
    requests = frame({"id": "1", "type": "hello"}) + frame(
        {"id": "2", "type": "check", "text": "Who's heading to #ICIS2025?", "policies": ["icis"]}
    )
    done = subprocess.run(
        [manifest["path"], ORIGIN],
        input=requests, capture_output=True, env=environment(home, PATH=BROWSER_PATH), cwd=home, timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()
    hello, result = split_frames(done.stdout)
    assert hello["version"] == engine.__version__
    assert [policy["id"] for policy in hello["policies"]] == [policy.id for policy in engine.list_policies()]
    assert hello["learned"] is not None, "the installed host could not read its learned model"
    assert [(f["rule"], f["start"], f["end"]) for f in result["findings"]] == [("icis.disclaimer", 17, 26)]


def test_install_host_from_a_user_install_registers_the_user_install_host(wheel, tmp_path):
    # `pip install --user`: the scripts go to the user's bin folder, not beside the Python that runs them.
    user_base = tmp_path / "user"
    env = environment(tmp_path, PYTHONUSERBASE=str(user_base))
    base_python = Path(sys._base_executable)
    # Into a user base of the test's own: nothing of the interpreter's is touched, even where
    # its distribution marks it as managed by the system (PEP 668).
    pip_install(wheel, base_python, "--user", "--break-system-packages", env=env)
    user_site = subprocess.run(
        [str(base_python), "-c", "import site; print(site.getusersitepackages())"],
        capture_output=True, text=True, env=env, check=True,
    ).stdout.strip()
    see_dependencies_from(Path(user_site))

    manifest = install_host(user_base / "bin" / "decorum", tmp_path, PYTHONUSERBASE=str(user_base))
    assert manifest["path"] == str((user_base / "bin" / "decorum-host").resolve())


# --- the extension --------------------------------------------------------------------------------

needs_built_extension = pytest.mark.skipif(
    not (REPO / "extension" / "build" / "content.js").is_file() or not package.WEB_EXT.exists(),
    reason="the content script is not built or web-ext is not installed (make extension does both)",
)


def archive_manifest(archive: Path) -> dict:
    return json.loads(zipfile.ZipFile(archive).read("manifest.json"))


@needs_built_extension
def test_the_extension_ships_what_its_manifest_reaches_with_each_browsers_manifest(tmp_path):
    chrome, firefox, unpacked = package.build_extension(tmp_path)  # web-ext lint finds nothing, or this raises

    names = set(zipfile.ZipFile(chrome).namelist())
    assert names == set(zipfile.ZipFile(firefox).namelist())
    assert {"manifest.json", "build/content.js", "background/service-worker.js", "background/native-port.js",
            "popup/popup.html", "popup/popup.js", "popup/popup.css", "shared/settings.js", "platform.js",
            "icons/icon16.png", "icons/icon128.png"} <= names
    assert [name for name in names if name.startswith(("tests/", "content/")) or name.endswith(".md")] == []

    source = json.loads((REPO / "extension" / "manifest.json").read_text())
    for_chrome, for_firefox = archive_manifest(chrome), archive_manifest(firefox)
    assert "key" not in for_chrome and "scripts" not in for_chrome["background"]
    assert "key" not in for_firefox and "service_worker" not in for_firefox["background"]
    assert for_firefox["browser_specific_settings"]["gecko"]["id"] == "decorum@decorum.dev"
    # Loaded unpacked, the Chrome build keeps the id the host manifest allows.
    assert json.loads((unpacked / "manifest.json").read_text())["key"] == source["key"]
    assert sorted(p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()) == sorted(names)


def test_a_file_the_extension_loads_but_lacks_is_named(tmp_path):
    extension = tmp_path / "extension"
    (extension / "background").mkdir(parents=True)
    (extension / "manifest.json").write_text(json.dumps({"background": {"service_worker": "background/worker.js"}}))
    (extension / "background" / "worker.js").write_text('import { api } from "../platform.js";\n')

    with pytest.raises(package.PackageError, match=r"background/worker\.js refers to platform\.js, which is not in"):
        package.shipped_files(extension)
