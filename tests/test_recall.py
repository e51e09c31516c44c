"""A draft checked in a compose box, after any sequence of edits, gets exactly the findings of a
check of it on its own: a check takes from the last only what it would have worked out itself
(engine/recall.py)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import engine
from engine.matching.reach import behind
from engine.matching.safe_patterns import compile_pattern
from engine.matching.scanning import scan
from engine.matching.word_lookups import passages
from engine.recall import Before, Recall
from engine.text import Draft

ALL_PACKS = ["icis", "icis-2013", "ipem", "society", "rcr"]
SOCIETY = {"society": {"names": ["British Society of Clinical Imaging"], "acronyms": ["BSCI"], "handles": ["@BSCI_UK"]}}
CORPUS = Path(__file__).parent / "corpus" / "tune2.jsonl"


@lru_cache(maxsize=1)
def _posts() -> list[str]:
    return [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _thread(first: int, length: int) -> str:
    """Posts from the ``first`` on, joined as a thread, cut at ``length``."""
    posts = _posts()
    return "\n\n".join(posts[(first + k) % len(posts)] for k in range(40))[:length]


def _found(text: str, detection: str, box: Recall | None = None) -> tuple[list[dict], tuple[str, ...]]:
    report = engine.check_report(text, ALL_PACKS, SOCIETY, detection=detection, recall=box)
    return [finding.to_json() for finding in report.findings], report.incomplete


# An edit: where (a fraction of the draft), how much goes, and what comes in its place.
_EDITS = st.lists(
    st.tuples(
        st.floats(0, 1),
        st.integers(0, 80),
        st.one_of(
            st.just(""),
            st.sampled_from([" ", "\n", "\n\n", "RCR ", "not ", "the BSCI logo ", "views my own. ", "idiots", "’"]),
            st.integers(0, 10_000).map(lambda n: _thread(n, 150)),
        ),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.integers(0, 10_000), length=st.sampled_from([280, 1_200, 3_000]), edits=_EDITS,
       detection=st.sampled_from(["combined", "rules"]))
def test_a_draft_checked_after_any_edits_gets_the_findings_of_a_check_of_it_alone(first, length, edits, detection):
    text = _thread(first, length)
    box = Recall()
    assert _found(text, detection, box) == _found(text, detection)
    for where, gone, put in edits:
        at = int(where * len(text))
        text = text[:at] + put + text[at + gone :]
        assert _found(text, detection, box) == _found(text, detection), f"after an edit at {at}: {text!r}"


def test_a_draft_typed_word_by_word_gets_at_every_word_the_findings_of_a_check_of_it_alone():
    text = _thread(7, 1_500) + "\n\nHonestly the RCR council are a bunch of idiots, and I'd say so at the BSCI dinner."
    box = Recall()
    for word in re.finditer(r"\S(?=\s)|\S$", text):
        typed = text[: word.end() + 1]
        assert _found(typed, "combined", box) == _found(typed, "combined")


def test_a_word_typed_at_the_end_takes_the_earlier_paragraphs_lookups_and_scans():
    """What is taken is the last draft's own (the same objects), not worked out again."""
    text = _thread(3, 2_000)
    box = Recall()
    engine.check_report(text, ALL_PACKS, SOCIETY, recall=box)
    earlier = box._last
    draft = box.draft(text + " and more")
    first, then = passages(earlier)[0], passages(draft)[0]
    assert first._words is not None and then.words is first.words  # the first paragraph's lookups, taken
    assert first.branches is not None and then.branches is first.branches  # and which branches it can match
    taken = [
        part for key, parts in earlier.cache.items() if isinstance(key, tuple) and key[0] == "parts"
        for part in parts
    ]
    assert taken, "the last draft kept no scan's parts"
    pattern = next(key[1] for key in earlier.cache if isinstance(key, tuple) and key[0] == "parts" and earlier.cache[key])
    part, matches = next((part, m) for part, m in earlier.cache["parts", pattern].items() if part[1] <= len(text) - 100)
    where = [p for p in passages(draft) if (p.start, p.end) == part]
    scan(pattern, draft, where)
    assert draft.cache["parts", pattern][part] is matches


def _branches(draft: Draft) -> dict[int, dict[int, list[tuple[int, int]]]]:
    found = engine.default_engine().words.index.literals_in(draft)
    return {serial: {i: [(p.start, p.end) for p in at] for i, at in mine.items()} for serial, mine in found.where.items()}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.integers(0, 10_000), length=st.sampled_from([280, 3_000]), edits=_EDITS)
def test_which_branches_a_draft_can_match_after_any_edits_are_those_of_the_draft_alone(first, length, edits):
    engine.check(_thread(first, length), ALL_PACKS, SOCIETY)  # every pack built: its word lists indexed
    text = _thread(first, length)
    box = Recall()
    for where, gone, put in [(0, 0, "")] + edits:
        at = int(where * len(text))
        text = text[:at] + put + text[at + gone :]
        draft = box.draft(text)
        assert _branches(draft) == _branches(Draft(text)), f"after an edit at {at}: {text!r}"
        box.keep(draft)


def test_a_box_keeps_no_draft_a_pattern_was_stopped_in():
    box = Recall()
    draft = box.draft("Great RCR meeting")
    draft.unfinished = 1
    box.keep(draft)
    assert box.draft("Great RCR meeting today").before.draft is None


def test_what_two_drafts_share_at_their_start_and_end():
    before = Before(Draft("Great meeting. See you there"), "Great RCR meeting. See you there")
    assert (before.same_to, before.same_from, before.moved) == (6, 10, 4)
    repeated = Before(Draft("aaaa"), "aaaaaa")  # the shared start and end never overlap
    assert repeated.same_to == 4 and repeated.same_from == 6
    assert Before(None, "anything").same_to == 0


def test_how_far_before_a_match_a_pattern_reads():
    assert behind(r"\bfoo\b") == 2  # \b reads the character before
    assert behind(r"(?<!\bnot\s)bad") >= 5
    assert behind(r"(?<=ab|abcd)x") >= 4
    assert behind(r"x(?!y(?<=zzzz))") >= 4  # a look-behind inside a look-ahead
    assert behind(r"(?<=\s+)x") is None  # no bound in characters
    assert behind(r"(a)\1") is None  # not read here


# Patterns whose matches depend on what lies before them, over text that puts it either side of a cut.
_PATTERNS = [r"(?<!\bnot\s)\bbad\b", r"(?<=not\W{0,4})bad", r"(?<=\n\n)\w+", r"\bno\b\W+bad", r"^bad", r"(?m)^\w+", r"bad$"]


@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(st.sampled_from(["bad", "not", " ", "\n", "\n\n", "x", "no"]), max_size=30),
       edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 4), st.sampled_from(["", "not ", "\n\n", " ", "x", "d", "bad"])),
                      max_size=6))
def test_a_scan_takes_from_the_last_draft_only_the_matches_it_would_find(pieces, edits):
    patterns = [compile_pattern(source) for source in _PATTERNS]
    text = "".join(pieces)
    box = Recall()
    for where, gone, put in [(0, 0, "")] + edits:
        at = int(where * len(text))
        text = text[:at] + put + text[at + gone :]
        draft, alone = box.draft(text), Draft(text)
        for pattern in patterns:
            found = list(scan(pattern, draft, passages(draft)))
            assert found == list(scan(pattern, alone, passages(alone))), (pattern.pattern, text)
            assert found == [m.span() for p in passages(alone) for m in pattern.finditer(text, p.start, p.end)]
        box.keep(draft)
