"""The prefilter may skip a pattern only when the pattern cannot match: checked on every draft we have."""

import json
from pathlib import Path

import pytest

from engine.matching.alternation import split_alternation
from engine.matching.pieces import parts
from engine.matching.required_literals import required_literals, requirements
from engine import default_engine
from engine.matching.word_lists import WordList
from engine.matching.word_lookups import Substrings, passages
from engine.packs import compiled, load_all
from engine.text import Draft

CORPORA = sorted((Path(__file__).parent / "corpus").glob("*.jsonl")) + [
    p for p in [Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"] if p.is_file()
]
IDENTITY = {"names": ["British Society of Clinical Imaging"], "acronyms": ["BSCI"], "handles": ["@BSCI_UK"]}


def _word_lists() -> list[WordList]:
    """Every word list the built-in packs' detectors hold (the society pack with an identity)."""
    import gc

    from engine.model import Identity

    for pack_id in load_all():
        compiled(pack_id, None)
    compiled("society", Identity.model_validate(IDENTITY))
    return [o for o in gc.get_objects() if isinstance(o, WordList)]


def _drafts():
    texts = []
    for path in CORPORA:
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def _threads(texts, length=3_000):
    """Drafts run together into long ones, as a thread or a long post reads."""
    threads, current = [], ""
    for text in texts:
        current = f"{current}\n\n{text}" if current else text
        if len(current) >= length:
            threads.append(current)
            current = ""
    return threads


def test_no_pattern_is_skipped_where_it_matches():
    texts = _drafts()
    lists = _word_lists()
    wrongly_skipped = []
    for text in texts + _threads(texts):
        draft = Draft(text)
        for words in lists:
            # The branches the engine runs on this draft, each in the stretches it is scanned in
            # (paragraphs, or stretches of a long one: pieces.py).
            run = {pattern: parts(where, bound) for pattern, where, bound in words._present(draft)}
            for i, branch in enumerate(words.branches):
                pattern = words._pattern(i)
                for passage in passages(draft):
                    for match in pattern.finditer(draft.text, passage.start, passage.end):
                        if not any(start <= match.start() and match.end() <= end for start, end in run.get(pattern, ())):
                            wrongly_skipped.append((branch[:80], draft.text[match.start() : match.start() + 60]))
    assert wrongly_skipped == []


@pytest.mark.parametrize(
    "source, word_starts, substrings",
    [
        (r"\bvote\b", {"vote"}, ()),
        (r"\b(?:idiots?|morons?)\b", {"idiot", "moron"}, ()),
        (r"#(?:GTTO|ToriesOut)\b", set(), ("#gtto", "#toriesout")),
        (r"[\w.]+@[\w-]+", set(), ("@",)),
        (r"\bisn't\b", {"isn't"}, ()),  # words joined by an apostrophe or hyphen are one word to look up
        (r"\bno-one\s+else\b", {"no-one"}, ()),
        (r"\bdogs'\s+home\b", {"dogs"}, ()),  # the draft's word is "dogs", not "dogs'"
        (r"\bextraordinarily-long-compound-word\b", {"extraordinarily-long-com"}, ()),  # as long as the index goes
        (r"\bisn't\s+public\b", {"public"}, ()),
        (r"(?<!\w)press", {"press"}, ()),
        (r"\b(?:not|never)\s+(?:a\s+)?(?:shambles|fiasco)\b", {"shambles", "fiasco"}, ()),
        (r"\b(?:f+u+c+k)", set(), ("fu",)),
        (r"(?-i:\b[Mm]rs\.?\s+[A-Z])", {"mrs"}, ()),
        (r"\bs[*#]{2,}t", set(), ("s#", "s*")),
        (r"(?-i:\b(?:[Mm]r|[Mm]rs|[Mm]iss)\.?\s+[A-Z])", {"mr", "miss"}, ()),  # the parser factors out "[Mm]"
        (r"\bTor(?:y|ies)\b", {"tory", "tories"}, ()),
        (r"\bthe\s+(?:real|genuine)\b", {"real", "genuine"}, ()),  # "the" would filter nothing
        (r"\d{3}[ -]?\d{4}", set(), ("\x01",)),
    ],
)
def test_required_literals(source, word_starts, substrings):
    literals = required_literals(source)
    assert literals.word_starts == frozenset(word_starts) and literals.substrings == substrings


@pytest.mark.parametrize(
    "source, needs",
    [
        (r"\byou're\s+dead\b", [("you're",), ("dead",)]),
        (r"\bno-one\s+(?:else\s+)?comes\s+close\b", [("no-one",), ("comes",), ("close",)]),
        (r"\b(?:idiots?|morons?)\b", [("idiot", "moron")]),
        (r"\bnot\s+the\s+views\s+of\b", [("views",), ("not",), ("the",)]),  # common words last
        (r"\bI\s+would\s+say\b", [("say",), ("would",), ("i",)]),  # "would" begins fewer words than "i"
    ],
)
def test_every_requirement_is_known_most_selective_first(source, needs):
    found = [tuple(sorted(r.word_starts | set(r.substrings))) for r in requirements(source)]
    assert found == needs


def test_a_branch_runs_only_when_the_draft_holds_all_it_requires():
    words = default_engine().words.alternatives([r"\byou're\s+dead\b"])
    assert not words.could_match(Draft("you're late, and the battery is dead"[:20]))
    assert not words.could_match(Draft("you're late"))
    assert not words.could_match(Draft("the battery is dead"))
    assert words.could_match(Draft("you're late, the battery is dead"))  # a prefilter: the regex decides


@pytest.mark.parametrize("source", [r"\d{3}", r"a|\d", r"(?:x)?y"])
def test_patterns_with_no_certain_literal_always_run(source):
    assert required_literals(source) is None or "" not in required_literals(source).word_starts


def test_a_draft_without_digits_skips_patterns_that_need_one():
    words = default_engine().words.alternatives([r"\d{3}[ -]?\d{4}"])
    assert not words.could_match(Draft("no numbers here"))
    assert words.could_match(Draft("call 555 0199"))


def test_a_word_that_starts_another_word_is_found_but_not_one_inside_it():
    draft = Draft("A digital recommendation")
    assert default_engine().words.alternatives([r"\bdigit"]).could_match(draft)
    assert not default_engine().words.alternatives([r"\bgit"]).could_match(draft)


LITERALS_WITH_RARE_CHARACTERS = frozenset(
    {"#gtto", "#d", "#votelabour", "pr!ck", "a!", "!=", "@bsci_uk", "w@nker", "a&e", "+44", "=/=", "y/o", "(my"}
)


@pytest.mark.parametrize(
    "text",
    [
        "#gtto",  # the whole text, and at its very start and end
        "vote #votelabour #gtto and #d",
        "pr!ck" + " filler" * 300 + " #gtto",  # few occurrences in a long text: looked for around them
        "a!" + "x" * 2_000 + "=/=" + "y" * 2_000 + "!=",
        "#" * 5_000 + "gtto",  # many occurrences: the text is searched whole
        "#go #gt #gtt #gtto#gtto #" + " " * 3_000,  # stretches that overlap
        "call +44 or y/o (my w@nker a&e) @bsci_uk" + "." * 4_000,
    ],
)
def test_literals_holding_a_rare_character_are_found_as_a_search_of_the_whole_text_finds_them(text):
    substrings = Substrings(LITERALS_WITH_RARE_CHARACTERS)
    assert set(substrings.outside_words(text)) == {literal for literal in LITERALS_WITH_RARE_CHARACTERS if literal in text}


@pytest.mark.parametrize(
    "source, parts",
    [
        (r"\b(?:a|bb|c(?:d|e))\b", [r"\b(?:a)\b", r"\b(?:bb)\b", r"\b(?:c(?:d))\b", r"\b(?:c(?:e))\b"]),
        (r"\b(?:\b(?:a|b)\b)", [r"\b(?:\b(?:a)\b)", r"\b(?:\b(?:b)\b)"]),
        (r"(?:a|b)?c", [r"(?:a|b)?c"]),
        (r"x|(?:a|b)", [r"x", r"a", r"b"]),  # no group around a whole branch: "(?:a)" and "a" are one
        (r"(?:(?:(?<!\w)RCR))|RCR", [r"(?<!\w)RCR", r"RCR"]),
        (r"(?:a)(?:b)", [r"(?:a)(?:b)"]),
        (r"(?:[)])", [r"[)]"]),
        (r"\bsham\b|\bfarce\b", [r"\bsham\b", r"\bfarce\b"]),
        (r"(?x)a|b", [r"(?x)a|b"]),
        (r"\b(?-i:Red|Blue)\b", [r"\b(?-i:Red)\b", r"\b(?-i:Blue)\b"]),  # flags go with each branch
        (r"[(|]x", [r"[(|]x"]),
    ],
)
def test_split_alternation_distributes_only_when_meaning_is_kept(source, parts):
    assert split_alternation(source) == parts
