"""What the host's first hello waits for: the packs read and validated and the model file's header,
not the packs built nor the model's weights; and what it says is what it says once they are."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import pytest

from engine import Engine, learned
from engine import packs as packs_module
from engine.learned import MODEL_FILE, default_checker
from engine.packs import BUILTIN_DIR

USER_PACK = """id = "mine"
name = "My society"
organisation = "My Society"
date = "2024"

[[rules]]
id = "leak"
category = "confidential"
severity = "warning"
message = "m"
detector = "phrases"
params = {{ patterns = ['{pattern}'] }}
clause = {{ section = "s", quote = "q" }}
"""


def _infos(engine: Engine) -> list[dict]:
    return [info.model_dump(mode="json") for info in engine.list_policies()]


@pytest.fixture
def checker_read_afresh():
    """``default_checker()`` reads its setting and its model again within the test, and after it."""
    default_checker.cache_clear()
    yield
    default_checker.cache_clear()


def test_hello_builds_no_pack_and_reads_no_weights(tmp_path):
    """Imports and all, in a process of its own as the host's: the detectors and their regex
    machinery, and the model's weights, wait until the hello is answered."""
    program = (
        "import json, sys\n"
        "from engine import protocol\n"
        "from engine.learned import default_checker\n"
        "answer = protocol.handle({'id': 1, 'type': 'hello'})\n"
        "print(json.dumps({'type': answer['type'], 'policies': len(answer['policies']), 'learned': answer['learned'] is not None,\n"
        "  'imported': sorted(m for m in sys.modules if m.startswith(('engine.detectors', 'engine.compiled', 'engine.matching.word_lists'))),\n"
        "  'weights_read': default_checker.cache_info().currsize}))\n"
    )
    environment = {key: value for key, value in os.environ.items() if key not in ("DECORUM_POLICY_PATH", "DECORUM_MODEL")}
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60,
        env={**environment, "XDG_CONFIG_HOME": str(tmp_path)},  # no pack of the user's
    )
    assert done.returncode == 0, done.stderr
    said = json.loads(done.stdout)
    assert (said["type"], said["policies"], said["learned"]) == ("hello", len(list(BUILTIN_DIR.glob("*.toml"))), True)
    assert said["imported"] == [] and said["weights_read"] == 0


def test_the_packs_listed_before_they_are_built_are_those_listed_after():
    engine = Engine(pack_folders=(BUILTIN_DIR,))
    before = _infos(engine)
    assert engine._packs is None  # nothing was built for the list
    engine.packs.load_all()
    assert before == _infos(engine) and len(before) == len(list(BUILTIN_DIR.glob("*.toml")))


def test_a_users_pack_is_built_before_it_is_listed(tmp_path):
    """A user's pack may validate and still be refused when built (its pattern): the list waits for
    the build, so that hello never names a pack a check would refuse."""
    (tmp_path / "mine.toml").write_text(USER_PACK.format(pattern="(unclosed"), encoding="utf-8")
    engine = Engine(pack_folders=(BUILTIN_DIR, tmp_path))
    assert "mine" not in {info["id"] for info in _infos(engine)}
    assert any("mine.toml, rule 'leak', field params.patterns.0: invalid pattern" in e for e in engine.load_errors())
    (tmp_path / "mine.toml").write_text(USER_PACK.format(pattern="board papers"), encoding="utf-8")
    engine.reload()
    assert "mine" in {info["id"] for info in _infos(engine)}


def test_each_pack_file_is_read_once_for_the_list_and_the_build(monkeypatch):
    reads: list[str] = []
    read = packs_module._read
    monkeypatch.setattr(packs_module, "_read", lambda path: reads.append(path.name) or read(path))
    engine = Engine(pack_folders=(BUILTIN_DIR,))
    engine.list_policies()
    engine.packs.load_all()
    engine.list_policies()
    assert sorted(reads) == sorted(path.name for path in BUILTIN_DIR.glob("*.toml"))


def test_the_model_files_header_describes_the_model_as_the_loaded_model_does(monkeypatch, checker_read_afresh):
    monkeypatch.delenv("DECORUM_MODEL", raising=False)
    from_header = learned.description()
    assert default_checker.cache_info().currsize == 0  # the weights were not read for it
    assert from_header == default_checker().describe() == learned.description()
    assert from_header["categories"] and from_header["drafts"] >= 5_000


@pytest.mark.parametrize("damage", ["missing", "not a model", "header"])
def test_a_model_whose_header_cannot_be_read_is_off_at_the_first_hello_and_says_why(
    damage, monkeypatch, tmp_path, caplog, checker_read_afresh
):
    data = MODEL_FILE.read_bytes()
    broken = tmp_path / "model.bin"
    if damage != "missing":
        broken.write_bytes(b"hello" if damage == "not a model" else data[:16] + b"00000005{bad}" + data[29:])
    monkeypatch.delenv("DECORUM_MODEL", raising=False)
    monkeypatch.setattr(learned, "MODEL_FILE", broken)
    caplog.set_level(logging.INFO, logger="decorum.engine")
    assert learned.description() is None
    assert f"the learned checker is off: {broken}" in caplog.text


def test_decorum_model_off_is_said_at_the_first_hello(monkeypatch, checker_read_afresh):
    monkeypatch.setenv("DECORUM_MODEL", "off")
    assert learned.description() is None
