"""Lexicons: the shipped ones compile and read the same whichever way an entry is written; a
malformed one is refused with a message naming the file, the entry and the field; and a category
whose detection is just words is added with data files alone."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from engine.categories import CATEGORIES
from engine.detectors.lexicon_files import LexiconError
from engine.detectors.lexicons import Lexicons, check_patterns, default_lexicons

REPO = Path(__file__).resolve().parents[1]

GOOD = """
[examples]
packs = ["rcr"]

[words.boasts]
why = "Boasting words."
alternatives = ['best|finest', 'greatest']
frame = '\\b{}\\b'

[detectors.boasting]
why = "Boasting."
phrases = ["boast"]

[phrases.boast]
why = "A boast."
patterns = ['{boasts}\\s+ever']
fires = ["the best ever"]
"""


def _lexicons(tmp_path: Path, text: str, name: str = "abusive") -> Lexicons:
    (tmp_path / f"{name}.toml").write_text(text, encoding="utf-8")
    return Lexicons(tmp_path, CATEGORIES)


def test_every_shipped_lexicon_compiles():
    for lexicon in default_lexicons().values():
        check_patterns(lexicon)


def test_every_category_has_its_lexicon():
    assert sorted(default_lexicons()) == sorted(CATEGORIES)


def test_an_entry_is_read_with_the_entries_it_names_written_in(tmp_path):
    lexicon = _lexicons(tmp_path, GOOD)["abusive"]
    assert lexicon.pattern("boasts") == r"\b(?:best|finest|greatest)\b"
    assert lexicon.phrases_params("boast")["patterns"] == [r"\b(?:best|finest|greatest)\b\s+ever"]


def test_another_lexicons_words_are_named_with_its_name():
    political = default_lexicons()["political"]
    assert default_lexicons()["abusive"].expand("{political.parties}", "x", "y") == political.pattern("parties")


def test_a_pattern_that_does_not_compile_is_refused_naming_file_entry_and_field(tmp_path):
    lexicon = _lexicons(tmp_path, GOOD.replace("'{boasts}\\s+ever'", "'{boasts}\\s+(ever'"))["abusive"]
    with pytest.raises(LexiconError, match=r"abusive\.toml, entry 'phrases\.boast', field patterns\.0: invalid pattern .*missing \)"):
        check_patterns(lexicon)


# A good lexicon made wrong in one place, and what the refusal says: file, entry, field, why.
BROKEN = {
    "an unknown key": (
        'fires = ["the best ever"]', 'fires = ["the best ever"]\nunles_near = ["x"]',
        r"abusive\.toml, entry 'phrases\.boast', field unles_near: Extra inputs are not permitted",
    ),
    "phrases without a draft they fire on": (
        'fires = ["the best ever"]', 'silent = ["the best"]',
        r"abusive\.toml, entry 'phrases\.boast': no examples it fires on",
    ),
    "a name that leads nowhere": (
        "'{boasts}\\s+ever'", "'{boats}\\s+ever'",
        r"abusive\.toml, entry 'phrases\.boast', field patterns\.0: \{boats\} names no words of abusive\.toml",
    ),
    "words that name themselves": ("'greatest'", "'{boasts}'", r"entry 'words\.boasts'.*refers to itself through abusive\.boasts -> abusive\.boasts"),
    "a detector naming phrases that do not exist": (
        'phrases = ["boast"]', 'phrases = ["bost"]', r"entry 'detectors\.boasting', field phrases\.0: no phrases named 'bost'",
    ),
}


@pytest.mark.parametrize("broken", BROKEN, ids=str)
def test_a_malformed_lexicon_is_refused_naming_file_entry_and_field(tmp_path, broken):
    good, bad, message = BROKEN[broken]
    assert good in GOOD
    with pytest.raises(LexiconError, match=message):
        _lexicons(tmp_path, GOOD.replace(good, bad))


PLAIN = GOOD + """
[words.common]
why = "Ordinary words."
plain = "cat dog"
plain_file = "common-words.txt"
"""


def test_plain_words_are_those_of_the_entry_and_of_its_file_in_any_case(tmp_path):
    (tmp_path / "common-words.txt").write_text("# a comment line\nfocus\nhalo\n", encoding="utf-8")
    lexicon = _lexicons(tmp_path, PLAIN)["abusive"]
    assert [lexicon.has_word("common", w) for w in ("DOG", "Focus", "halo", "grid", "comment", "# a comment line")] == [
        True, True, True, False, False, False,
    ]


def test_a_plain_file_that_is_missing_is_refused_naming_file_entry_and_field(tmp_path):
    with pytest.raises(LexiconError, match=r"abusive\.toml, entry 'words\.common', field plain_file: cannot read .*common-words\.txt"):
        _lexicons(tmp_path, PLAIN)


def test_words_that_name_themselves_through_another_lexicon_are_refused(tmp_path):
    (tmp_path / "political.toml").write_text(
        "[examples]\npacks = ['rcr']\n[words.sides]\nwhy = 'w'\npattern = '{abusive.boasts}'\n", encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=r"refers to itself through abusive\.boasts -> political\.sides -> abusive\.boasts"):
        _lexicons(tmp_path, GOOD.replace("'greatest'", "'{political.sides}'"))


def test_a_lexicon_for_no_category_is_refused(tmp_path):
    with pytest.raises(LexiconError, match=r"boasting\.toml: 'boasting' is not a category"):
        _lexicons(tmp_path, GOOD, name="boasting")


def test_broken_toml_is_refused_naming_the_file(tmp_path):
    with pytest.raises(LexiconError, match=r"abusive\.toml: .*line 3"):
        _lexicons(tmp_path, "[examples]\npacks = [\nwhy")


def test_a_category_of_words_alone_needs_no_python(tmp_path):
    """A copy of the engine given a new category (its line in categories.toml, its lexicon and a
    pack rule naming its detector) finds it: not one Python file is touched."""
    copy = tmp_path / "repo"
    shutil.copytree(REPO / "engine", copy / "engine", ignore=shutil.ignore_patterns("__pycache__", "model.bin"))
    with (copy / "engine" / "categories.toml").open("a", encoding="utf-8") as categories:
        categories.write('[boasting]\nabout = "boasting about oneself"\n')
    (copy / "engine" / "lexicons" / "boasting.toml").write_text(GOOD, encoding="utf-8")
    pack = (copy / "engine" / "policies" / "rcr.toml").read_text(encoding="utf-8")
    pack += '\n[[rules]]\nid = "boasting"\ncategory = "boasting"\nseverity = "info"\nmessage = "A boast."\ndetector = "boasting"\n'
    pack += 'clause = { section = "Guidelines for contributors’ responsible use of social media", quote = "Avoid any defamatory, offensive or derogatory language." }\n'
    (copy / "engine" / "policies" / "rcr.toml").write_text(pack, encoding="utf-8")
    program = (
        "import engine, json; "
        "print(json.dumps([engine.__file__, [f.category for f in engine.check('Our finest ever year', ['rcr'], detection='rules')]]))"
    )
    environment = {**os.environ, "DECORUM_MODEL": "off", "DECORUM_CACHE_DIR": "off", "PYTHONPATH": str(copy)}
    ran = subprocess.run([sys.executable, "-c", program], cwd=copy, env=environment, capture_output=True, text=True, timeout=300)
    assert ran.returncode == 0, ran.stderr[-2000:]
    module, categories = json.loads(ran.stdout.strip().splitlines()[-1])
    assert Path(module).is_relative_to(copy)
    assert categories == ["boasting"]
