"""No draft can hang a check: time-outs skip a runaway pattern with a log line; hostile drafts finish."""

import logging

import pytest
import regex

from engine import check
from engine.detectors import base
from engine.text import MAX_DRAFT_UTF16_UNITS, Draft

ALL_PACKS = ["icis", "icis-2013", "ipem", "society", "rcr"]
SOCIETY = {"society": {"names": ["British Society of Clinical Imaging"], "acronyms": ["BSCI"], "handles": ["@BSCI_UK"]}}


def test_a_pattern_that_runs_past_its_timeout_is_skipped_with_a_log_line(monkeypatch, caplog):
    catastrophic = regex.compile(r"(\w+\s?)+$")
    monkeypatch.setattr(base, "MATCH_TIMEOUT_S", 0.01)
    monkeypatch.setattr(base, "MATCH_TIMEOUT_PER_CHAR_S", 0.0)
    with caplog.at_level(logging.WARNING, logger="decorum.engine"):
        assert base.finditer(catastrophic, "word " * 2000 + "!") == []
        assert base.search(catastrophic, "word " * 2000 + "!") is None
    assert "timed out" in caplog.text


def test_a_pattern_has_one_time_budget_for_all_the_paragraphs_it_runs_in(monkeypatch, caplog):
    text = "views my own\n\nviews my own\n\nviews my own"
    pattern = regex.compile(r"views")
    draft = Draft(text)
    assert len(base.scan(pattern, draft, draft.passages)) == 3
    draft = Draft(text)
    ticks = iter(range(0, 1000, 10))  # every look at the clock finds ten seconds gone
    monkeypatch.setattr(base.time, "monotonic", lambda: next(ticks))
    with caplog.at_level(logging.WARNING, logger="decorum.engine"):
        assert base.scan(pattern, draft, draft.passages) == []
    assert "timed out" in caplog.text


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
