"""The prefilter's analysis stored between starts: read back exactly, and never trusted when broken or stale."""

import json
import logging
from pathlib import Path

import pytest

from engine.matching import alternation, analysis_store, required_literals
from engine.matching.analysis_store import AnalysisStore

PATTERNS = [
    r"\b(?:you're\s+dead|no-one\s+comes\s+close)\b",
    r"(?-i:\b(?:[Mm]r|[Mm]rs|[Mm]iss)\.?\s+[A-Z])",
    r"\d{3}[ -]?\d{4}",
    r"\bsham\b|\bfarce\b",
    r"(?:a)?",
]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("DECORUM_CACHE_DIR", str(tmp_path))
    return tmp_path


def _answers(store):
    return [(store.split(p), store.requirements(p)) for p in PATTERNS]


def _direct():
    return [(alternation.split_alternation(p), required_literals.requirements(p)) for p in PATTERNS]


def test_answers_read_back_from_disk_are_the_analysis_itself(folder):
    first = AnalysisStore()
    assert _answers(first) == _direct()
    first.save()
    [stored] = folder.glob("prefilter-*.json")
    again = AnalysisStore()
    assert _answers(again) == _direct()
    assert again._new == 0  # all of it came from the file


def test_a_broken_file_is_ignored_and_replaced(folder, caplog):
    AnalysisStore().save()  # nothing new: nothing written
    assert list(folder.iterdir()) == []
    store = AnalysisStore()
    _answers(store)
    store.save()
    [stored] = folder.glob("prefilter-*.json")
    stored.write_text('{"split": {"x": ', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="decorum.engine"):
        store = AnalysisStore()
        assert _answers(store) == _direct()
    assert "ignoring the stored pattern analysis" in caplog.text
    store.save()
    assert set(json.loads(stored.read_text(encoding="utf-8"))) == {"split", "requirements", "shapes", "probed"}


def test_new_analysing_code_never_reads_an_old_file(folder, monkeypatch):
    store = AnalysisStore()
    _answers(store)
    store.save()
    # A file written by other code (here: this file's), with a wrong answer in it…
    poisoned = AnalysisStore([Path(__file__)])
    poisoned._load()[analysis_store._SPLIT][PATTERNS[3]] = ["nonsense"]
    poisoned._new = 1
    poisoned.save()
    # …is not read by this code, which still finds its own.
    assert _answers(AnalysisStore()) == _direct()
    assert len(list(folder.glob("prefilter-*.json"))) == 2


def test_off_stores_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("DECORUM_CACHE_DIR", "off")
    store = AnalysisStore()
    assert _answers(store) == _direct()
    store.save()
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_folder_is_only_logged(tmp_path, monkeypatch, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("DECORUM_CACHE_DIR", str(blocker))
    store = AnalysisStore()
    assert _answers(store) == _direct()
    with caplog.at_level(logging.WARNING, logger="decorum.engine"):
        store.save()
    assert "could not store the pattern analysis" in caplog.text
