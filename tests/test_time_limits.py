"""Time limits stop only runaway patterns, and a check they stopped says so: in the engine's report,
the protocol's answer and the CLI. A check slowed down by a busy machine finishes with every finding."""

import json
import logging
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import engine
from engine import packs
from engine.text import MAX_DRAFT_UTF16_UNITS
from engine import protocol

ALL_PACKS = ["icis", "icis-2013", "ipem", "society", "rcr"]
SOCIETY = {"society": {"names": ["British Society of Clinical Imaging"], "acronyms": ["BSCI"], "handles": ["@BSCI_UK"]}}
CORPUS = Path(__file__).parent / "corpus" / "tune2.jsonl"

# A user's pack with a pattern that passes the load-time probe (it is not catastrophic on 2,000
# characters) but is quadratic: on a 60,000-letter word it would run for minutes.
SLOW_PACK = """
id = "mine"
name = "Mine"
organisation = "My Society"
date = "2024"

[[rules]]
id = "slow"
category = "confidential"
severity = "warning"
message = "A word ending in a digit."
detector = "phrases"
params = { patterns = ['[a-z]+\\d'] }
clause = { section = "s", quote = "q" }
"""
# The letters the pattern runs away on are in the sentence that holds the digit it requires: it is
# scanned only in the sentences that hold one (pieces.py).
RUNAWAY_DRAFT = "Off to #ICIS2025 tomorrow " + "a" * 60_000


@pytest.fixture
def slow_pack(tmp_path, monkeypatch):
    (tmp_path / "mine.toml").write_text(SLOW_PACK, encoding="utf-8")
    monkeypatch.setenv("DECORUM_POLICY_PATH", str(tmp_path))
    packs.reload()
    yield
    monkeypatch.delenv("DECORUM_POLICY_PATH")
    packs.reload()


def test_a_rule_whose_pattern_runs_away_is_reported_incomplete_and_the_others_still_find(slow_pack):
    answer = protocol.handle({"id": 1, "type": "check", "text": RUNAWAY_DRAFT, "policies": ["icis", "mine"]})
    assert answer["incomplete"] == ["mine.slow"]
    assert [f["rule"] for f in answer["findings"]] == ["icis.disclaimer"]


def test_a_check_where_every_rule_finished_has_no_incomplete_key():
    answer = protocol.handle({"id": 1, "type": "check", "text": RUNAWAY_DRAFT, "policies": ALL_PACKS})
    assert "incomplete" not in answer
    assert engine.check_report(RUNAWAY_DRAFT, ALL_PACKS).incomplete == ()


def test_the_cli_says_which_checks_did_not_finish(slow_pack, decorum_cli):
    human = decorum_cli("check", "--policy", "mine", RUNAWAY_DRAFT)
    assert human.returncode == 3
    assert human.stdout.startswith("No findings, but some checks did not finish: mine.slow")
    as_json = decorum_cli("check", "--policy", "icis", "--policy", "mine", "--json", RUNAWAY_DRAFT)
    assert as_json.returncode == 3
    assert [f["rule"] for f in json.loads(as_json.stdout)] == ["icis.disclaimer"]
    assert "some checks did not finish: mine.slow" in as_json.stderr


# Stops the process whose id it is given, again and again, for longer than any pattern's time
# limit, as a machine busy with other work does; ends by itself, and never leaves it stopped.
_STALLER = textwrap.dedent(
    """
    import os, signal, sys, time
    pid, cycles = int(sys.argv[1]), int(sys.argv[2])
    try:
        for _ in range(cycles):
            time.sleep(0.01)
            os.kill(pid, signal.SIGSTOP)
            time.sleep(0.2)
            os.kill(pid, signal.SIGCONT)
    finally:
        os.kill(pid, signal.SIGCONT)
    """
)


def _long_real_thread() -> str:
    """Real posts run together, a blank line between them, as long as the host accepts: every rule has work in it."""
    posts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return "\n\n".join(posts)[: MAX_DRAFT_UTF16_UNITS // 2]  # halved: emoji take two UTF-16 units


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs POSIX signals to stall the process")
def test_a_long_check_stalled_again_and_again_by_a_busy_machine_loses_no_finding(caplog):
    draft = _long_real_thread()
    unstalled = engine.check(draft, ALL_PACKS, SOCIETY)
    staller = subprocess.Popen([sys.executable, "-c", _STALLER, str(os.getpid()), "60"])
    try:
        with caplog.at_level(logging.WARNING, logger="decorum.engine"):
            stalled = engine.check_report(draft, ALL_PACKS, SOCIETY)
    finally:
        staller.kill()
        staller.wait()
    assert "timed out" not in caplog.text
    assert stalled.findings == unstalled
    assert stalled.incomplete == ()
