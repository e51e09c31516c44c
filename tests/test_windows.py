"""A long paragraph is scanned in windows around the literals each branch requires: the matches
are exactly those of scanning the whole paragraph, and a draft typed as one paragraph reads about
as much text as the same posts as a thread."""

import json
import re
import sys
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import engine
from bench.engine_speed import scans_in
from engine.matching import reach as reaches
from engine.matching import windows
from engine.matching.reach import LINE, NOT_SPACE, SPACE, WORD, reach
from engine.matching.safe_patterns import FLAGS
from engine.text import Draft

ALL_PACKS = ["icis", "icis-2013", "ipem", "society", "rcr"]
SOCIETY = {"society": {"names": ["British Society of Clinical Imaging"], "acronyms": ["BSCI"], "handles": ["@BSCI_UK"]}}
CORPUS = Path(__file__).parent / "corpus"
_BLANK_LINES = re.compile(r"\n\s*\n")


@lru_cache(maxsize=1)
def _posts() -> tuple[str, ...]:
    texts = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return tuple(texts)


def _glued(length: int, first: int, one_paragraph: bool) -> str:
    """Posts from ``first`` on, run together to ``length`` characters: as a thread (a blank line
    between posts) or as one paragraph (no blank line anywhere), as the benchmark glues them."""
    posts = _posts()
    separator = "\n" if one_paragraph else "\n\n"
    pieces, size, i = [], 0, first
    while size < length:
        post = _BLANK_LINES.sub("\n", posts[i % len(posts)]) if one_paragraph else posts[i % len(posts)]
        pieces.append(post)
        size += len(post) + len(separator)
        i += 1
    return separator.join(pieces)[:length]


@lru_cache(maxsize=1)
def _word_lists():
    """Every word list of the built-in packs (the society pack with a named society), compiled."""
    engine.check("", ALL_PACKS, SOCIETY)
    engine.warm()
    return engine.default_engine().words.built()


def _differences(text: str) -> list[str]:
    """Every branch whose matches in the windows it is scanned in differ from its matches in the
    whole of the paragraphs the literal index finds it in."""
    draft = Draft(text)
    found = []
    for words in _word_lists():
        for pattern, paragraphs, plan in words._present(draft):
            whole = [m.span() for p in paragraphs for m in pattern.finditer(draft.text, p.start, p.end)]
            parts = [span for p in paragraphs for span in windows.parts(draft, p, plan)]
            windowed = [m.span() for start, end in parts for m in pattern.finditer(draft.text, start, end)]
            if windowed != whole:
                found.append(f"{pattern.pattern[:80]!r}: {whole[:3]} in whole paragraphs, {windowed[:3]} in windows")
    return found


@pytest.mark.parametrize("length, first", [(3_000, 0), (3_000, 400), (10_000, 100), (10_000, 900), (60_000, 0)])
def test_windows_find_what_whole_paragraphs_find_in_posts_typed_as_one_paragraph(length, first):
    assert _differences(_glued(length, first, one_paragraph=True)) == []


# Characters that send a paragraph back to being scanned whole, or that the regex module and
# Python's re read differently; and what stretches a branch's reach (long runs of spaces, of word
# characters, long lines).
_ODD = ["ſ", "ı", "İ", "²", "½", "e\u0301", "😀", "\u00a0", "\u2028", "ß", "\u212a", "’", "\t"]


@st.composite
def _stretched_posts(draw) -> str:
    """Posts run together into one paragraph, their spaces and words stretched and odd characters
    put in: the matches the rules find in real posts, spread as far as a paragraph lets them."""
    posts = _posts()
    chosen = draw(st.lists(st.integers(0, len(posts) - 1), min_size=1, max_size=8))
    text = _BLANK_LINES.sub("\n", "\n".join(posts[i] for i in chosen))
    stretches = draw(st.lists(st.integers(1, 400), min_size=1, max_size=6))
    oddities = draw(st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(_ODD)), max_size=4))
    # Letters written as the characters the regex module matches them with, ignoring case:
    # "ſent" is "sent" to a pattern, and not to the paragraph lower-cased.
    swaps = draw(st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from([("s", "ſ"), ("k", "\u212a"), ("i", "İ")])), max_size=3))
    pieces = re.split(r"( +)", text)
    for k in range(1, len(pieces), 2):
        pieces[k] = " " * stretches[k % len(stretches)]  # a pattern's \s+ runs over all of it
    if draw(st.booleans()):  # a word of every letter it has, hundreds long: \w+ runs over it
        pieces[0] = pieces[0] + "x" * max(stretches)
    text = "".join(pieces)
    for at, (letter, same) in swaps:
        places = [m.start() for m in re.finditer(letter, text)]
        if places:
            at = places[at % len(places)]
            text = text[:at] + same + text[at + 1 :]
    for at, odd in oddities:  # each put before a word ("²views": one word to Python's re, not to regex)
        starts = [m.start() for m in re.finditer(r"\b\w", text)] or [0]
        at = starts[at % len(starts)]
        text = text[:at] + odd + text[at:]
    repeat = -(-windows.WINDOWS_FROM // len(text))  # long enough to be scanned in windows
    return "\n".join([text] * repeat)


_FILLER = " ".join(["the scanner was fine and the session ran late"] * 40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_stretched_posts())
@example(f"Views are my own. {_FILLER} ²views are my own.")  # a word begins after "²" to regex, not to re
@example(f"I sent the slides. {_FILLER} They were ſent on.")  # the long s is an s to regex ignoring case
@example(f"My views. {_FILLER} Views{' ' * 300}are{chr(10)}my    own")  # \s+ over a long run
def test_windows_find_what_whole_paragraphs_find_whatever_the_paragraph_holds(text):
    assert _differences(text) == []


def test_a_long_draft_typed_as_one_paragraph_reads_about_what_the_same_posts_as_a_thread_read():
    _word_lists()
    one_paragraph = _glued(60_000, 0, one_paragraph=True)
    thread = _glued(60_000, 0, one_paragraph=False)
    read_as_one = scans_in(one_paragraph).scanned
    read_as_thread = scans_in(thread).scanned
    # Each branch whose words the paragraph holds anywhere read all of it: 1,300 times the draft,
    # where the thread read 11 times it.
    assert read_as_one <= 2 * read_as_thread
    assert read_as_one <= 30 * len(one_paragraph)


@pytest.mark.parametrize(
    "source, near, far",
    [
        (r"\bsent\b", {}, 10),  # four characters and what \b reads either side
        (r"\bviews\s+my\s+own\b", {SPACE: 2}, 20),  # each \s+ a run of spaces
        (r"(?:\w+\s+){0,3}idiot", {WORD: 3, SPACE: 3}, 30),
        (r"\bon\s+[^.!?\n]{1,60}\s+is\b", {SPACE: 2}, 80),
        (r"[\w.+-]+@[\w-]+", {NOT_SPACE: 2}, 10),
        (r"(?<!\w)@BSCI(?!\w)", {}, 10),
        (r"said:.*", {LINE: 1}, 10),
    ],
)
def test_a_pattern_reaches_its_width_and_a_run_of_one_kind_per_unbounded_repetition(source, near, far):
    found = reach(source)
    assert found is not None
    assert {kind: n for kind, n in enumerate(found.runs) if n} == near
    assert 0 < found.chars <= far


@pytest.mark.parametrize("source", [r"(\w)\1", r"(?s)said:.*", r"[\s\w]+x", r"(?:a|\s)*x", r"[^x]+y", r"(?a)\w+"])
def test_a_pattern_that_can_run_over_anything_has_no_reach(source):
    assert reach(source) is None


def test_a_repetition_of_spaces_reaches_no_further_than_the_longest_run_of_spaces():
    assert reaches.longest_run("views" + " " * 40 + "my own", SPACE) == 40
    assert reaches.longest_run("views\x00 my own", SPACE) == 2  # a character beyond ASCII may be a space
    assert reaches.longest_run("a b", SPACE) >= 1
    assert reaches.longest_run("said:\n" + "x" * 300 + "\nok", LINE) == 300


# The regex module's Unicode tables, against what windows.py and reach.py assume of them.
_EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
_REGEX_WORD = regex.compile(r"\w", regex.VERSION0 | regex.UNICODE)


def _cases(char: str) -> list[str]:
    """Every character the regex module matches with ``char`` ignoring case."""
    from regex import _regex

    return [chr(c) for c in _regex.get_all_cases(FLAGS, ord(char))]


def test_the_only_characters_matched_with_an_ascii_letter_whose_lower_case_is_another_are_known():
    apart = {c for a in map(chr, range(128)) for c in _cases(a) if c.lower() != a.lower()}
    # The dotted capital I lower-cases to two characters: a paragraph holding it changes length.
    assert apart - {"İ"} == set(windows._CASE_APART)


def test_the_characters_pythons_re_takes_for_word_characters_and_the_regex_module_does_not_are_told_apart():
    apart = set(re.findall(r"\w", _EVERY_CHARACTER)) - set(_REGEX_WORD.findall(_EVERY_CHARACTER))
    assert {"²", "½"} <= apart and all(map(windows._words_apart, apart))
    assert not any(map(windows._words_apart, "aé_1ß"))


def test_punctuation_and_spaces_have_no_other_case_and_a_word_characters_other_cases_are_word_characters():
    caseless = [c for c in _EVERY_CHARACTER if unicodedata.category(c)[0] in "PZ" and _cases(c) != [c]]
    assert caseless == []
    words = set(_REGEX_WORD.findall(_EVERY_CHARACTER))
    assert [c for c in words if not words.issuperset(_cases(c))] == []
