"""The analysis of patterns stored between starts and shipped in the wheel: read back exactly, and
never trusted when broken, damaged or made by other code."""

import json
import logging
from pathlib import Path

import pytest

from engine import Engine
from engine.matching import alternation, analysis_store, required_literals
from engine.matching.analysis_store import AnalysisStore, read_stored

PATTERNS = [
    r"\b(?:you're\s+dead|no-one\s+comes\s+close)\b",
    r"(?-i:\b(?:[Mm]r|[Mm]rs|[Mm]iss)\.?\s+[A-Z])",
    r"\d{3}[ -]?\d{4}",
    r"\bsham\b|\bfarce\b",
    r"(?:a)?",
]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A cache folder of the test's own, and no shipped analysis (the checkout's would answer everything)."""
    monkeypatch.setenv("DECORUM_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(analysis_store, "SHIPPED_FILE", tmp_path / "shipped" / "pattern-analysis.json")
    return tmp_path


def _answers(store):
    return [(store.split(p), store.requirements(p)) for p in PATTERNS]


def _direct():
    return [(alternation.split_alternation(p), required_literals.requirements(p)) for p in PATTERNS]


def test_answers_read_back_from_disk_are_the_analysis_itself(folder):
    first = AnalysisStore()
    assert _answers(first) == _direct()
    first.save()
    [stored] = folder.glob("pattern-analysis-*.json")
    again = AnalysisStore()
    assert _answers(again) == _direct()
    assert again._new == 0  # all of it came from the file


def test_a_broken_file_is_ignored_and_replaced(folder, caplog):
    AnalysisStore().save()  # nothing new: nothing written
    assert list(folder.iterdir()) == []
    store = AnalysisStore()
    _answers(store)
    store.save()
    [stored] = folder.glob("pattern-analysis-*.json")
    stored.write_text('{"split": {"x": ', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="decorum.engine"):
        store = AnalysisStore()
        assert _answers(store) == _direct()
    assert "ignoring the stored pattern analysis" in caplog.text
    store.save()
    assert set(read_stored(stored, store.fingerprint())) == {"split", "requirements", "shapes", "probed"}


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
    assert len(list(folder.glob("pattern-analysis-*.json"))) == 2


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


DRAFTS = ["Heading to #ICIS2025 in Lisbon! Views are my own.", "Proud to present our ICIS work today. Opinions my own, not the society's."]


def _findings(engine):
    return [[(f.rule, f.start, f.end) for f in engine.check(draft, ["icis", "rcr", "society"])] for draft in DRAFTS]


def test_a_stored_analysis_damaged_in_place_changes_no_finding(folder, caplog):
    # Damage that leaves the file valid JSON: every literal "own" a branch requires now reads "owx".
    # The analysis used to be trusted as read, and "Views are my own" no longer counted as a disclaimer.
    expected = _findings(Engine())
    [stored] = folder.glob("*.json")
    stored.write_bytes(stored.read_bytes().replace(b'"own"', b'"owx"'))
    with caplog.at_level(logging.WARNING, logger="decorum.engine"):
        assert _findings(Engine()) == expected
    assert f"ignoring the stored pattern analysis {stored}: it is damaged" in caplog.text


def test_a_shipped_analysis_made_by_other_code_is_not_read(folder, caplog):
    # As after an upgrade that kept a file of the old version, with an answer the new code would not give.
    other = AnalysisStore([Path(__file__)], shipped=folder / "nowhere.json", stored=False)
    other._load()[analysis_store._SPLIT][PATTERNS[3]] = ["nonsense"]
    other.write(analysis_store.SHIPPED_FILE)
    with caplog.at_level(logging.WARNING, logger="decorum.engine"):
        assert _answers(AnalysisStore()) == _direct()
    assert "was made by other analysing code" in caplog.text


def test_a_stored_file_of_the_old_format_is_not_read(folder, caplog):
    analysis_store.SHIPPED_FILE.parent.mkdir()
    analysis_store.SHIPPED_FILE.write_text(json.dumps({"split": {PATTERNS[3]: ["nonsense"]}, "requirements": {}, "shapes": {}, "probed": {}}))
    with caplog.at_level(logging.WARNING, logger="decorum.engine"):
        assert _answers(AnalysisStore()) == _direct()
    assert "does not start with the header of a stored pattern analysis" in caplog.text


@pytest.mark.parametrize(
    "kind, answer",
    [
        (analysis_store._SPLIT, "not a list"),
        (analysis_store._SPLIT, [1, 2]),
        (analysis_store._REQUIREMENTS, [["sham"]]),
        (analysis_store._REQUIREMENTS, [[["sham"], [3]]]),
        (analysis_store._REQUIREMENTS, {"sham": 1}),
    ],
)
def test_an_answer_of_the_wrong_shape_is_worked_out_again(folder, caplog, kind, answer):
    # Written by this code's writer, so its digest holds: only the answer itself shows it is wrong.
    store = AnalysisStore()
    _answers(store)
    store._load()[kind][PATTERNS[3]] = answer
    store.save()
    with caplog.at_level(logging.WARNING, logger="decorum.engine"):
        assert _answers(AnalysisStore()) == _direct()
    assert "damaged answers" in caplog.text


def test_the_shipped_analysis_is_read_when_the_cache_has_none(folder):
    first = AnalysisStore(stored=False)
    _answers(first)
    first.write(analysis_store.SHIPPED_FILE)
    shipped = AnalysisStore()
    assert _answers(shipped) == _direct()
    shipped.save()
    assert shipped._new == 0 and list(folder.glob("pattern-analysis-*.json")) == []  # nothing analysed, nothing written
