"""No draft can hang a check: time-outs skip a runaway pattern with a log line; hostile drafts finish."""

import logging
import time

import pytest
import regex

from engine import check
from engine.matching import scanning, time_limits as limits
from engine.matching.word_lookups import passages
from engine.text import MAX_DRAFT_UTF16_UNITS, Draft

ALL_PACKS = ["icis", "icis-2013", "ipem", "society", "rcr"]
SOCIETY = {"society": {"names": ["British Society of Clinical Imaging"], "acronyms": ["BSCI"], "handles": ["@BSCI_UK"]}}


def test_a_runaway_pattern_is_stopped_with_a_log_line_and_counted_in_the_draft(monkeypatch, caplog):
    catastrophic = regex.compile(r"(\w+\s?)+$")
    monkeypatch.setattr(limits, "MATCH_TIMEOUT_S", 0.01)
    monkeypatch.setattr(limits, "MATCH_TIMEOUT_PER_CHAR_S", 0.0)
    draft = Draft("word " * 2000 + "!")
    with caplog.at_level(logging.WARNING, logger="decorum.engine"):
        assert scanning.scan(catastrophic, draft, passages(draft)) == ()
        assert scanning.search(catastrophic, draft, 0, len(draft.text)) is None
    assert "timed out" in caplog.text
    assert draft.unfinished == 2


def test_a_scan_whose_time_ran_out_while_its_thread_waited_is_run_again_not_stopped():
    tries = []

    def scan_that_waited(timeout: float) -> list:
        tries.append(timeout)
        if len(tries) < 4:  # the process's clock ran out while this thread did no work
            raise TimeoutError
        return ["found"]

    assert limits.run_bounded(scan_that_waited, 0.05) == ["found"]
    assert tries == [0.05, 0.1, 0.2, 0.4]  # each try that was kept waiting is given twice as long


def test_a_scan_that_used_its_whole_cpu_time_is_stopped_as_runaway():
    def runaway(timeout: float) -> list:
        started = time.thread_time()
        while time.thread_time() - started < timeout:
            pass
        raise TimeoutError

    with pytest.raises(limits.Runaway):
        limits.run_bounded(runaway, 0.02)


def _ten_seconds_a_look(monkeypatch, clock: str) -> None:
    """Every look at ``clock`` finds ten seconds gone."""
    ticks = iter(range(0, 10_000_000, 10))
    monkeypatch.setattr(scanning.time, clock, lambda: next(ticks))


PARAGRAPHS = "views my own\n\nviews my own\n\nviews my own"


def test_a_pattern_kept_waiting_for_the_cpu_between_paragraphs_is_not_stopped(monkeypatch, caplog):
    draft = Draft(PARAGRAPHS)
    _ten_seconds_a_look(monkeypatch, "monotonic")  # the clock on the wall runs on; the thread does no work
    with caplog.at_level(logging.WARNING, logger="decorum.engine"):
        assert scanning.scan(regex.compile(r"views"), draft, passages(draft)) == [(0, 5), (14, 19), (28, 33)]
    assert "timed out" not in caplog.text and draft.unfinished == 0


def test_a_pattern_has_one_cpu_time_limit_for_all_the_paragraphs_it_runs_in(monkeypatch, caplog):
    draft = Draft(PARAGRAPHS)
    _ten_seconds_a_look(monkeypatch, "monotonic")
    _ten_seconds_a_look(monkeypatch, "thread_time")  # and the thread was working all that time
    with caplog.at_level(logging.WARNING, logger="decorum.engine"):
        assert scanning.scan(regex.compile(r"views"), draft, passages(draft)) == ()
    assert "timed out" in caplog.text and draft.unfinished == 1


@pytest.mark.parametrize(
    "unit",
    ["a", " ", "@", "#", "ICIS ", "views ", "not ", "07700 900", "Mr A. ", "🎉", "confidential but ", "\n"],
)
def test_a_draft_as_long_as_the_host_accepts_is_checked_to_the_end(unit, caplog):
    text = unit * (MAX_DRAFT_UTF16_UNITS // (len(unit.encode("utf-16-le")) // 2))
    with caplog.at_level(logging.WARNING, logger="decorum.engine"):
        findings = check(text, ALL_PACKS, SOCIETY)
    assert all(0 <= f.start <= f.end for f in findings)
    assert "timed out" not in caplog.text  # every pattern ran to the end within its time
