"""Pack loading, fuzzed: whatever a user's pack files hold, loading never raises, the built-in
packs keep working with their usual findings, and every broken file is refused with a message
that names it.

Each example writes a few generated files (malformed TOML, and valid packs broken in one place:
a value of the wrong type in any field, rules that are not tables, an unknown detector, unknown
or bad parameters, patterns that do not compile or are nested far too deeply, duplicate rule
ids, huge strings) into a folder of ``DECORUM_POLICY_PATH`` beside the built-in packs.
"""

from __future__ import annotations

import copy
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import check, packs
from engine.categories import CATEGORIES
from engine.detectors import REGISTRY

BUILTIN = ["icis", "icis-2013", "ipem", "rcr", "society"]
DRAFT = "Off to #ICIS2025 and the RCR meeting; the IPEM logo is on my slides. Vote Labour!"
EXAMPLES = 20  # each loads every pack afresh: a few seconds in all


# --- TOML, written by hand (the standard library only reads it) --------------------------------

def _toml_string(text: str) -> str:
    escaped = []
    for ch in text:
        if ch in '"\\':
            escaped.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            escaped.append(f"\\u{ord(ch):04x}")
        else:
            escaped.append(ch)
    return '"' + "".join(escaped) + '"'


def _toml_key(key: str) -> str:
    return key if key and all(c.isascii() and (c.isalnum() or c in "_-") for c in key) else _toml_string(key)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def toml_document(data: dict) -> str:
    return "".join(f"{_toml_key(k)} = {_toml_value(v)}\n" for k, v in data.items())


# --- Valid packs, and the ways to break them --------------------------------------------------

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
words = st.from_regex(r"[a-z]{1,12}", fullmatch=True)


def _rule(rule_id: str, detector: str, **fields) -> dict:
    return {
        "id": rule_id,
        "category": "disparagement",
        "severity": "warning",
        "message": "About {acronym}.",
        "detector": detector,
        "clause": {"section": "s", "quote": "q"},
        **fields,
    }


GOOD_RULES = [
    _rule("disclaimer", "disclaimer", fix={"kind": "append", "text": "Views my own."}),
    _rule("phrases", "phrases", params={"patterns": [r"\bshambles\b", r"{org}\s+is\s+a\s+joke"], "requires": [{"any": ["board"], "within": 50}]}),
    _rule("stakeholders", "disparagement", params={"stakeholders": [r"\bNHS\s+England\b", "{party}"], "organisation": False}),
    _rule("brand", "brand", params={"marks": ["logos?", "crests?"]}, satisfied_by_profile=False),
    _rule("abuse", "abusive"),
]


def valid_pack(pack_id: str, rules: list[dict]) -> dict:
    return {
        "id": pack_id,
        "name": "A society's policy",
        "organisation": "Society of Fuzzing",
        "date": "2025",
        "identity": {"names": ["Society of Fuzzing"], "acronyms": ["SOF"], "handles": ["@sof_uk"], "aliases": ["the Society"]},
        "rules": rules,
    }


# What a field must be, and values that it can never be taken for (pydantic reads "12" as an int,
# "yes" as a bool: those are left out).
NOT_A_STRING = st.one_of(st.integers(), st.floats(allow_nan=False), st.booleans(), st.lists(st.integers(), max_size=2), st.just({"a": 1}))
NOT_A_LIST = st.one_of(st.integers(), st.booleans(), text.filter(bool), st.just({"a": "b"}), st.lists(st.integers(), min_size=1, max_size=2))
NOT_AN_INT = st.one_of(st.just(1.5), st.lists(st.integers(), max_size=2), st.just({"a": 1}), words)
NOT_A_BOOL = st.one_of(st.just(2.5), st.lists(st.booleans(), max_size=2), st.just({"a": True}), st.just("maybe"))
NOT_A_TABLE = st.one_of(st.integers(), text, st.lists(st.integers(), max_size=2), st.booleans())

PACK_FIELDS = {"id": NOT_A_STRING, "name": NOT_A_STRING, "organisation": NOT_A_STRING, "date": NOT_A_STRING,
               "document": NOT_A_STRING, "identity": NOT_A_TABLE, "rules": NOT_A_LIST}
IDENTITY_FIELDS = {"names": NOT_A_LIST, "acronyms": NOT_A_LIST, "handles": NOT_A_LIST, "aliases": NOT_A_LIST, "hashtag_stems": NOT_A_LIST}
RULE_FIELDS = {"id": NOT_A_STRING, "category": NOT_A_STRING, "severity": NOT_A_STRING, "message": NOT_A_STRING,
               "detector": NOT_A_STRING, "clause": NOT_A_TABLE, "params": NOT_A_TABLE, "fix": NOT_A_TABLE,
               "satisfied_by_profile": NOT_A_BOOL}
CLAUSE_FIELDS = {"section": NOT_A_STRING, "quote": NOT_A_STRING}
PHRASES_FIELDS = {"patterns": NOT_A_LIST, "exceptions": NOT_A_LIST, "requires": NOT_A_LIST, "unless_near": NOT_A_LIST,
                  "near": NOT_AN_INT, "needs_reference": NOT_A_BOOL, "each": NOT_A_BOOL}


@st.composite
def wrong_type(draw, pack: dict) -> dict:
    """The pack with one field, anywhere in it, given a value of a type it can never have."""
    rule = pack["rules"][1]  # the phrases rule
    where, fields = draw(st.sampled_from([
        (pack, PACK_FIELDS), (pack["identity"], IDENTITY_FIELDS), (rule, RULE_FIELDS),
        (rule["clause"], CLAUSE_FIELDS), (rule["params"], PHRASES_FIELDS),
    ]))
    field = draw(st.sampled_from(sorted(fields)))
    where[field] = draw(fields[field])
    return pack


@st.composite
def garbage_pattern(draw) -> str:
    """A pattern that cannot compile: an unclosed group or class, or a quantifier with nothing before it."""
    body = draw(text).replace("\\", "")
    return draw(st.sampled_from([body + "(", body + "[", "*" + body, body + "(?<", body + "{2,1}x" if body else "+"]))


@st.composite
def broken_pack(draw, pack_id: str) -> dict:
    others = draw(st.permutations([r for r in GOOD_RULES if r["detector"] != "phrases"]))[:2]
    pack = valid_pack(pack_id, copy.deepcopy([others[0], _rule("phrases", "phrases", params={"patterns": [r"\bshambles\b"]}), others[1]]))
    params = pack["rules"][1]["params"]
    how = draw(st.sampled_from(["wrong type", "not tables", "unknown detector", "unknown param", "garbage pattern",
                                "deep pattern", "duplicate id", "huge string", "bad enum"]))
    if how == "wrong type":
        return draw(wrong_type(pack))
    if how == "not tables":
        pack["rules"][draw(st.integers(0, 2))] = draw(st.one_of(st.integers(), text, st.lists(st.integers(), max_size=2), st.booleans()))
    elif how == "unknown detector":
        pack["rules"][1]["detector"] = draw(words.filter(lambda w: w not in REGISTRY))
    elif how == "unknown param":
        params[draw(words.filter(lambda w: w not in {"patterns", "exceptions", "requires", "unless_near", "near", "needs_reference", "each"}))] = 1
    elif how == "garbage pattern":
        params[draw(st.sampled_from(["patterns", "exceptions", "unless_near"]))] = [draw(garbage_pattern())]
    elif how == "deep pattern":
        depth = draw(st.integers(1_200, 3_000))
        params["patterns"] = ["(" * depth + draw(words) + ")" * depth]
    elif how == "duplicate id":
        pack["rules"][2]["id"] = pack["rules"][0]["id"]
    elif how == "huge string":
        field = draw(st.sampled_from(["id", "category", "severity", "detector"]))
        pack["rules"][1][field] = "X" * draw(st.integers(10_000, 200_000))  # capitals: never a valid id or name
    elif how == "bad enum":
        pack["rules"][1][draw(st.sampled_from(["category", "severity"]))] = draw(words.filter(lambda w: w not in {"error", "warning", "info", *CATEGORIES}))
    return pack


@dataclass
class PackFile:
    name: str
    body: str
    broken: bool | None  # None: may be valid (a valid pack cut short at a random place)


@st.composite
def pack_file(draw, index: int) -> PackFile:
    name = f"fuzz-{index}"
    kind = draw(st.sampled_from(["malformed toml", "broken pack", "cut short", "valid"]))
    if kind == "malformed toml":
        return PackFile(name, draw(st.text(max_size=200)), True)  # not TOML, or TOML that is no pack
    if kind == "broken pack":
        return PackFile(name, toml_document(draw(broken_pack(name))), True)
    valid = toml_document(valid_pack(name, copy.deepcopy(GOOD_RULES)))
    if kind == "cut short":
        return PackFile(name, valid[: draw(st.integers(0, len(valid) - 1))], None)
    return PackFile(name, valid, False)


# --- The property ------------------------------------------------------------------------------

def _findings(policies: list[str]) -> list[dict]:
    return [f.to_json() for f in check(DRAFT, policies)]


USUAL = None


def _usual_findings() -> list[dict]:
    global USUAL
    if USUAL is None:
        packs.reload()
        USUAL = _findings(BUILTIN)
    return USUAL


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.integers(1, 3).flatmap(lambda n: st.tuples(*(pack_file(i) for i in range(n)))))
def test_loading_any_pack_files_never_fails_and_refuses_each_broken_one_by_name(files):
    usual = _usual_findings()
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for file in files:
            paths[file.name] = Path(folder) / f"{file.name}.toml"
            paths[file.name].write_text(file.body, encoding="utf-8", errors="surrogatepass")
        saved = os.environ.get("DECORUM_POLICY_PATH")
        os.environ["DECORUM_POLICY_PATH"] = folder
        try:
            packs.reload()
            loaded = packs.load_all()
            errors = packs.load_errors()
            assert set(BUILTIN) <= set(loaded)
            assert _findings(BUILTIN) == usual
            for file in files:
                refused = [e for e in errors if e.startswith(str(paths[file.name]))]
                if file.broken is True:
                    assert file.name not in loaded and refused, f"{file.name} should be refused:\n{file.body[:500]}"
                elif file.broken is False:
                    assert file.name in loaded and not refused, refused
                else:
                    assert (file.name in loaded) != bool(refused)
            _findings(list(loaded))  # every pack that loaded can check a draft
        finally:
            if saved is None:
                del os.environ["DECORUM_POLICY_PATH"]
            else:
                os.environ["DECORUM_POLICY_PATH"] = saved
            packs.reload()
