"""A long paragraph is looked up piece by piece, each branch scanned only between the cuts it
cannot run over and within its reach of its literals: the matches are exactly those of scanning
the whole paragraph, and a draft typed as one paragraph runs about the branches, and reads about
the text, the same posts as a thread do."""

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
from engine.matching import pieces
from engine.matching import reach as reaches
from engine.matching.reach import LINE, LINE_BREAK, NOT_SPACE, NOT_WORD, SENTENCE_END, SPACE, WORD, barriers, reach
from engine.matching.safe_patterns import FLAGS
from engine.matching.word_lookups import Substrings, WordStarts, passages
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
    pieces_, size, i = [], 0, first
    while size < length:
        post = _BLANK_LINES.sub("\n", posts[i % len(posts)]) if one_paragraph else posts[i % len(posts)]
        pieces_.append(post)
        size += len(post) + len(separator)
        i += 1
    return separator.join(pieces_)[:length]


@lru_cache(maxsize=1)
def _word_lists():
    """Every word list of the built-in packs (the society pack with a named society), compiled."""
    engine.check("", ALL_PACKS, SOCIETY)
    engine.warm()
    return engine.default_engine().words.built()


def _differences(text: str) -> list[str]:
    """Every branch whose matches in the stretches it is scanned in differ from its matches in the
    whole of each paragraph that holds all it requires (as the literal index finds them there)."""
    lists = _word_lists()
    draft = Draft(text)
    word_starts, substrings = engine.default_engine().words.index.lookup_keys()
    paragraphs = [(p, p.word_starts_among(word_starts), p.substrings_among(substrings)) for p in passages(draft)]
    found = []
    for words in lists:
        present = {pattern: (where, bound) for pattern, where, bound in words._present(draft)}
        for i, needs in enumerate(words.needs):
            pattern = words._pattern(i)
            whole = [
                m.span()
                for p, begun, anywhere in paragraphs
                if all(not (n.word_starts.isdisjoint(begun) and anywhere.isdisjoint(n.substrings)) for n in needs)
                for m in pattern.finditer(draft.text, p.start, p.end)
            ]
            where, bound = present.get(pattern, ((), None))
            scanned = [m.span() for start, end in pieces.parts(where, bound) for m in pattern.finditer(draft.text, start, end)]
            if scanned != whole:
                found.append(f"{pattern.pattern[:80]!r}: {whole[:3]} in whole paragraphs, {scanned[:3]} in pieces")
    return found


@pytest.mark.parametrize("length, first", [(1_000, 50), (3_000, 0), (3_000, 400), (10_000, 900), (60_000, 0)])
def test_pieces_find_what_whole_paragraphs_find_in_posts_typed_as_one_paragraph(length, first):
    assert _differences(_glued(length, first, one_paragraph=True)) == []


@pytest.mark.parametrize("length, first", [(10_000, 100), (60_000, 0)])
def test_pieces_find_what_whole_paragraphs_find_in_long_posts_of_a_thread(length, first):
    assert _differences(_glued(length, first, one_paragraph=False)) == []


# Characters that send a paragraph back to being looked up whole, or that the regex module and
# Python's re read differently; cuts and near-cuts; what stretches a branch's reach.
_ODD = [
    "ſ", "ı", "İ", "ς", "µ", "²", "½", "e\u0301", "😀", "\u00a0", "\u2028", "\u3000", "\x85", "\x1c", "ß", "\u212a", "’", "\t",
    ". ", "!\n", "?", ".\n", "\n", " \n ", "...", "e.g. ", "'",
]


@st.composite
def _stretched_posts(draw) -> str:
    """Posts run together into one paragraph, their spaces and words stretched, odd characters
    and cuts put in: the matches the rules find in real posts, spread as far as a paragraph lets them."""
    posts = _posts()
    chosen = draw(st.lists(st.integers(0, len(posts) - 1), min_size=1, max_size=8))
    text = _BLANK_LINES.sub("\n", "\n".join(posts[i] for i in chosen))
    stretches = draw(st.lists(st.integers(1, 400), min_size=1, max_size=6))
    oddities = draw(st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(_ODD)), max_size=6))
    # Letters written as the characters the regex module matches them with, ignoring case:
    # "ſent" is "sent" to a pattern, and not to the paragraph lower-cased.
    swaps = draw(st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from([("s", "ſ"), ("k", "\u212a"), ("i", "İ")])), max_size=3))
    pieces_ = re.split(r"( +)", text)
    for k in range(1, len(pieces_), 2):
        pieces_[k] = " " * stretches[k % len(stretches)]  # a pattern's \s+ runs over all of it
    if draw(st.booleans()):  # a word of every letter it has, hundreds long: \w+ runs over it
        pieces_[0] = pieces_[0] + "x" * max(stretches)
    text = "".join(pieces_)
    if draw(st.booleans()):  # no line break nor sentence's end: cut anywhere, every LONGEST characters
        text = re.sub(r"[\n.!?]", draw(st.sampled_from([" ", "'", "-"])), text)
    for at, (letter, same) in swaps:
        places = [m.start() for m in re.finditer(letter, text)]
        if places:
            at = places[at % len(places)]
            text = text[:at] + same + text[at + 1 :]
    for at, odd in oddities:  # each put before a word ("²views": one word to Python's re, not to regex)
        starts = [m.start() for m in re.finditer(r"\b\w", text)] or [0]
        at = starts[at % len(starts)]
        text = text[:at] + odd + text[at:]
    repeat = -(-pieces.PIECES_FROM // len(text))  # long enough to be cut into pieces
    return "\n".join([text] * repeat)


_FILLER = " ".join(["the scanner was fine and the session ran late"] * 40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_stretched_posts())
@example(f"Views are my own. {_FILLER} ²views are my own.")  # a word begins after "²" to regex, not to re
@example(f"I sent the slides. {_FILLER} They were ſent on.")  # the long s is an s to regex ignoring case
@example(f"My views. {_FILLER} Views{' ' * 300}are{chr(10)}my    own")  # \s+ over a long run and a line break
@example(f"This is.\nMine. {_FILLER}. This is\nall mine")  # a sentence's end between words, a line break
@example("'".join([_FILLER.replace(" ", "'")] * 3) + "'confidential'not")  # one word: cut anywhere
def test_pieces_find_what_whole_paragraphs_find_whatever_the_paragraph_holds(text):
    assert _differences(text) == []


@pytest.mark.parametrize("length", [3_000, 60_000])
def test_a_draft_typed_as_one_paragraph_runs_about_the_branches_the_same_posts_run_as_a_thread(length):
    _word_lists()
    one_paragraph = scans_in(_glued(length, 0, one_paragraph=True))
    thread = scans_in(_glued(length, 0, one_paragraph=False))
    # Each branch whose words the paragraph held anywhere ran: 2.4 times the thread's branches at
    # 3,000 characters, each over all of it (24 times the text the thread read).
    assert one_paragraph.scans <= 1.3 * thread.scans
    assert one_paragraph.scanned <= 2 * thread.scanned


def _lookup_keys(*substrings: str) -> tuple[WordStarts, Substrings]:
    return WordStarts(frozenset({"views"})), Substrings(frozenset(substrings))


def test_a_long_paragraph_is_cut_after_line_breaks_and_sentences_ends_and_looked_up_piece_by_piece():
    text = "Views are my own. " * 20 + "Mine!\nand this is mine\n" * 30
    paragraph = passages(Draft(text))[0]
    cut = pieces.Pieces(paragraph, set(), pieces.cutting(*_lookup_keys("x")))
    assert [piece.lower for piece in cut.pieces[:2]] == ["views are my own.", " views are my own."]  # after "." and a space
    # After "!" and after the line break that follows it: the line break, a piece of spaces alone, goes with the next.
    assert [piece.lower for piece in cut.pieces[20:23]] == [" mine!", "\nand this is mine\n", "mine!"]
    assert "".join(text[p.start : p.end] for p in cut.pieces) == text


def test_a_stretch_with_no_cut_is_cut_anywhere_and_looked_up_past_its_end_as_far_as_the_longest_literal():
    text = "'".join(["confidential"] * 200)
    paragraph = passages(Draft(text))[0]
    cut = pieces.Pieces(paragraph, set(), pieces.cutting(*_lookup_keys("confidential")))
    assert [p.start for p in cut.pieces][:3] == [0, pieces.LONGEST, 2 * pieces.LONGEST]
    assert all(p.looked_to - p.end == len("confidential") for p in cut.pieces[:-1])


def test_a_piece_looked_up_for_more_literals_forgets_what_was_found_around_it():
    cut = pieces.Pieces(passages(Draft("Views are mine.\n" * 60))[0], set(), pieces.cutting(*_lookup_keys("x")))
    anywhere = Substrings(frozenset({"x"}))
    for literals in (WordStarts(frozenset({"views"})), WordStarts(frozenset({"views", "mine"}))):  # a pack built since
        for piece in cut.pieces:
            piece.word_starts_among(literals)
            piece.substrings_among(anywhere)
        assert cut.pieces[0].around(0)[0] == literals.literals


def test_a_literal_a_cut_would_run_through_keeps_the_paragraph_whole_or_uncut_at_sentences():
    assert pieces.cutting(*_lookup_keys("views\nmine")) is None
    assert pieces.cutting(*_lookup_keys("e.g. ")).sentences is False
    assert pieces.cutting(*_lookup_keys("e.g.")).sentences is True


@pytest.mark.parametrize("text", ["Views are my own.\n" * 60 + "ſent", "Views are my own.\n" * 60 + "²views", "Views.\n" * 100 + "İ", "Views.\n" * 100 + "ΣΟΦΊΑ"])
def test_a_paragraph_whose_literals_may_lie_where_the_index_finds_them_not_is_looked_up_whole(text):
    assert pieces._pieces(passages(Draft(text))[0], pieces.cutting(*_lookup_keys("x"))) is None


@pytest.mark.parametrize(
    "source, held",
    [
        (r"\bviews\s+are\s+my\s+own\b", SENTENCE_END),  # a space may be a line break
        (r"\bsent\b", LINE_BREAK | SENTENCE_END),
        (r"\bsaid:[^\n]{1,40}", LINE_BREAK),  # "[^\n]" holds "." and "!"
        (r"\bon\s+[^.!?\n]{1,60}\s+is\b", SENTENCE_END),
        (r"\bviews(?!\s*\.)", 0),  # what a look-around reads counts
        (r"\bmine\b\W+", 0),
        (r"\bmine$", 0),  # "$" would be met at the end of a stretch
        (r"^mine\b", LINE_BREAK | SENTENCE_END),  # the regex module reads before a stretch's start
        (r"(?s)views.mine", 0),
        (r"views.mine", LINE_BREAK),
        (r"a[[:punct:]]b", 0),  # read otherwise by the regex module than by the standard library
        (r"(\w)\1", 0),
    ],
)
def test_a_branch_runs_over_no_cut_whose_characters_it_cannot_match(source, held):
    assert barriers(source) == held


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


@pytest.mark.parametrize("source", [r"(\w)\1", r"(?s)said:.*", r"[\s\w]+x", r"(?:a|\s)*x", r"[^x]+y", r"(?a)\w+", r"[[:space:]]+x", r"(?:views){e<=1}"])
def test_a_pattern_that_can_run_over_anything_or_is_read_otherwise_by_the_regex_module_has_no_reach(source):
    assert reach(source) is None


def test_a_repetition_of_spaces_reaches_no_further_than_the_longest_run_of_spaces():
    assert reaches.longest_run("views" + " " * 40 + "my own", SPACE) == 40
    assert reaches.longest_run("views\x00\x00 my own", SPACE) == 1  # "\x00" is a character beyond ASCII that is no space
    assert reaches.longest_run("a b", SPACE) >= 1
    assert reaches.longest_run("said:\n" + "x" * 300 + "\nok", LINE) == 300


def test_a_paragraph_is_read_for_its_runs_with_the_spaces_beyond_ascii_the_regex_module_reads_as_spaces():
    text = "views" + "\u3000" * 30 + "😀" * 30 + " mine\n" * 120
    cut = pieces.Pieces(passages(Draft(text))[0], set(re.findall(r"[^\x00-\x7f]", text)), pieces.cutting(*_lookup_keys("x")))
    assert reaches.longest_run(cut.narrow(), SPACE) == 30
    assert reaches.longest_run(cut.narrow(), NOT_WORD) >= 61


# The regex module's Unicode tables, against what pieces.py and reach.py assume of them.
_EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
_REGEX_WORD = regex.compile(r"\w", regex.VERSION0 | regex.UNICODE)
_REGEX_DIGIT = regex.compile(r"\d", regex.VERSION0 | regex.UNICODE)


def _cases(char: str) -> list[str]:
    """Every character the regex module matches with ``char`` ignoring case."""
    from regex import _regex

    return [chr(c) for c in _regex.get_all_cases(FLAGS, ord(char))]


def test_the_characters_matched_ignoring_case_with_one_whose_lower_case_is_another_are_known_by_their_lower_case():
    apart = {c for c in _EVERY_CHARACTER if any(other.lower() != c.lower() for other in _cases(c))}
    assert {"ſ", "ı", "ς", "µ"} <= apart
    # Known as they are lower-cased (a paragraph is looked up lower-cased); one that lower-cases to
    # two characters (the dotted capital I) changes the paragraph's length, which is known too. An
    # ASCII letter ("s", matched with the long s) breaks nothing: a literal holding the long s is
    # found in no paragraph but one that holds it.
    lowered = {c.lower() for c in apart if len(c.lower()) == 1 and not c.lower().isascii()}
    assert lowered == set(pieces._CASE_APART.findall(_EVERY_CHARACTER))


def test_the_characters_the_literal_index_reads_otherwise_than_the_regex_module_are_told_apart():
    words_apart = set(re.findall(r"\w", _EVERY_CHARACTER)) - set(_REGEX_WORD.findall(_EVERY_CHARACTER))
    digits_apart = set(_REGEX_DIGIT.findall(_EVERY_CHARACTER)) - set(re.findall(r"\d", _EVERY_CHARACTER))
    assert {"²", "½"} <= words_apart and all(map(pieces._apart, words_apart | digits_apart))
    assert not any(map(pieces._apart, "aé_1ß️"))  # a mark is a word character to regex: the index finds more, not less


def test_the_ascii_classes_runs_are_read_in_are_the_regex_modules_and_hold_the_stand_in_for_all_else_but_spaces():
    for kind, ascii_class in reaches._NARROW_CLASSES.items():
        theirs = regex.compile(reaches._KIND_CLASSES[kind], regex.VERSION0 | regex.UNICODE)
        ours = re.compile(ascii_class)
        assert [c for c in map(chr, range(1, 128)) if bool(ours.match(c)) != bool(theirs.match(c))] == []
        assert bool(ours.match("\x00")) == (kind != SPACE)


def test_punctuation_and_spaces_have_no_other_case_and_a_word_characters_other_cases_are_word_characters():
    caseless = [c for c in _EVERY_CHARACTER if unicodedata.category(c)[0] in "PZ" and _cases(c) != [c]]
    assert caseless == []
    words = set(_REGEX_WORD.findall(_EVERY_CHARACTER))
    assert [c for c in words if not words.issuperset(_cases(c))] == []
