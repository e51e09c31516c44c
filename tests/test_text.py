"""The draft as detectors see it: paragraphs, the literals each holds, and phrases that stop at a blank line."""

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine import check
from engine import default_engine
from engine.matching.word_lookups import Substrings, WordStarts, passages, word_starts
from engine.text import Draft, normalise, paragraph_bounds

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"


@pytest.mark.parametrize(
    "text, paragraphs",
    [
        ("", [""]),
        ("one line", ["one line"]),
        ("a\nb", ["a\nb"]),  # a line break does not end a paragraph
        ("a\n\nb", ["a\n\n", "b"]),
        ("a\n \t\n\n  b\n\nc", ["a\n \t\n\n  ", "b\n\n", "c"]),  # blank lines go with the paragraph before
        ("a\r\n\r\nb", ["a\r\n\r\n", "b"]),
        ("\n\nlead", ["\n\n", "lead"]),
        ("trail\n\n", ["trail\n\n"]),
    ],
)
def test_paragraphs_end_at_blank_lines_and_cover_the_whole_text(text, paragraphs):
    bounds = paragraph_bounds(text)
    assert [text[start:end] for start, end in bounds] == paragraphs
    assert [p.start for p in passages(Draft(text))] == [start for start, _ in bounds]


def test_words_joined_by_an_apostrophe_or_hyphen_are_words_whole_and_from_each_joint():
    assert word_starts("you're a no-one, rock-and-roll") == {
        "you're", "re", "a", "no-one", "one", "rock-and-roll", "and-roll", "roll",
    }  # fmt: skip
    literals = WordStarts(frozenset({"you", "you're", "re", "young", "ou"}))
    assert literals.found_in(word_starts("you're")) == {"you", "you're", "re"}
    assert literals.found_in(word_starts("you're")) == {"you", "you're", "re"}  # from what it kept
    assert literals.found_in(word_starts("your young")) == {"you", "young"}


def _naive(literals, text):
    found = {lit for lit in literals if lit != "\x01" and lit in text}
    return found | ({"\x01"} if "\x01" in literals and any(c.isdigit() for c in text) else set())


def _texts():
    texts = [json.loads(line)["text"].lower() for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["", "a", "ab", "abc", "’s 👀 café", "naïve résumé £5", "x" * 999 + "zz", "👀" + "b@tch " * 200]
    return texts


def test_the_literals_found_in_a_text_are_exactly_those_it_contains():
    # Literals inside words are found per word, the others by a rare character or one by one:
    # every way must agree with looking for each literal in turn.
    literals = frozenset(
        ["\x01", ",", "x", "@", "’s", "👀", "ab", "zz", "#rcr", "b@tch", "café", "£5", "ré", "ïv", "cover up", "year-old", "ing", "n't"]
    )
    substrings = Substrings(literals)
    for text in _texts():
        assert substrings.found_in(text, word_starts(text)) == _naive(literals, text), text[:60]


def test_normalising_keeps_offsets_and_leaves_plain_text_as_it_is():
    plain = "Views my own - not the RCR's"
    assert normalise(plain) is plain
    typed = "Views my own \u2014 not the RCR\u2019s"
    assert normalise(typed) == "Views my own - not the RCR's"
    assert len(normalise(typed)) == len(typed)


def test_a_phrase_runs_on_across_a_line_break_but_not_across_a_blank_line():
    views = default_engine().words.alternatives([r"\bviews\s+(?:are\s+)?my\s+own\b"])
    assert views.spans(Draft("All views\nmy own")) == [(4, 16)]
    assert views.spans(Draft("All views\n\nmy own")) == []
    assert views.spans(Draft("All views\n\nmy own\n\nviews my own")) == [(19, 31)]


def test_a_paragraph_is_judged_the_same_wherever_it_sits_in_the_draft():
    # Lower-casing "İ" makes two characters of one: offsets must still be the draft's.
    last = "The RCR council are a bunch of idiots."
    text = "İstanbul was lovely.\n\nWe had a great time.\n\n" + last
    alone = check(last, ["rcr"])
    assert {f.category for f in alone} >= {"disparagement", "abusive"}
    shift = text.index(last)
    assert [(f.rule, f.start + shift, f.end + shift) for f in alone] == [(f.rule, f.start, f.end) for f in check(text, ["rcr"])]


@given(st.text(alphabet=st.sampled_from("ab \n😀𝐀é"), max_size=40))
def test_a_utf16_offset_maps_back_to_its_code_point(text):
    draft = Draft(text)
    assert [draft.index(draft.utf16(i)) for i in range(len(text) + 1)] == list(range(len(text) + 1))
