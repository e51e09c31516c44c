"""Policy packs: every built-in pack loads, quotes its document verbatim, and a broken pack is refused clearly."""

import json
import re
from pathlib import Path

import pytest

from engine.categories import CATEGORIES
from engine import default_engine
from engine.packs import BUILTIN_DIR, PackError, load_all, load_pack

# Which pack covers which category (shared/corpus/README.md); issue 2 builds the three core ones.
CORE = {"disclaimer", "brand", "confidential"}
COVERS = {
    "icis": {"disclaimer", "brand", "confidential"},
    "icis-2013": {"disclaimer"},
    "ipem": {"disclaimer", "brand", "confidential"},
    "society": {"disclaimer", "brand"},
    "rcr": {"disclaimer", "brand", "confidential"},
}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def test_the_five_policies_are_built_in():
    assert set(load_all()) == set(COVERS)


@pytest.mark.parametrize("pack_id", sorted(COVERS))
def test_pack_yields_its_core_categories_and_no_other(pack_id):
    categories = set(load_all()[pack_id].categories)
    assert categories <= set(CATEGORIES)
    assert categories & CORE == COVERS[pack_id]


@pytest.mark.parametrize("pack_id", sorted(COVERS))
def test_every_clause_is_quoted_verbatim_from_its_document(pack_id, shared_dir):
    pack = load_all()[pack_id]
    document = _squash((shared_dir / "policies" / pack.document).read_text(encoding="utf-8"))
    for rule in pack.rules:
        assert _squash(rule.clause.quote) in document, f"{pack_id}.{rule.id}: quote not in {pack.document}"
        assert _squash(rule.clause.section) in document, f"{pack_id}.{rule.id}: section not in {pack.document}"


@pytest.mark.parametrize("pack_id", sorted(COVERS))
def test_whom_to_ask_is_quoted_verbatim_from_its_document(pack_id, shared_dir):
    pack = load_all()[pack_id]
    document = _squash((shared_dir / "policies" / pack.document).read_text(encoding="utf-8"))
    for ask in pack.asks:
        assert _squash(ask.quote) in document, f"{pack_id} ask for {ask.categories}: quote not in {pack.document}"
        assert _squash(ask.section) in document, f"{pack_id} ask for {ask.categories}: section not in {pack.document}"


def test_the_policies_that_name_whom_to_ask_say_so_for_those_categories():
    asks = {pack_id: {c for a in pack.asks for c in a.categories} for pack_id, pack in load_all().items()}
    assert {"brand", "media"} <= asks["rcr"]
    assert {"brand", "personal_data", "abusive"} <= asks["society"]


@pytest.mark.parametrize("pack_id", sorted(COVERS))
def test_every_pack_compiles_with_its_own_identity(pack_id):
    pack = load_all()[pack_id]
    assert len(default_engine().packs.builder.compile(pack, pack.identity).rules) == len(pack.rules)


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / f"{name}.toml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD_RULE = """
[[rules]]
id = "disclaimer"
category = "disclaimer"
severity = "warning"
message = "m"
detector = "disclaimer"
clause = { section = "s", quote = "q" }
"""
ASK = """
[[asks]]
categories = {categories}
section = "s"
quote = "ask the press office"
"""
HEADER = 'id = "mine"\nname = "n"\norganisation = "o"\ndate = "2024"\n'


def test_a_valid_user_pack_loads(tmp_path):
    pack = load_pack(_write(tmp_path, "mine", HEADER + GOOD_RULE))
    assert pack.categories == ["disclaimer"]


def test_the_2013_icis_policy_says_which_policy_replaced_it_and_the_others_are_in_force():
    from engine import list_policies

    replaced = {p.id: p.superseded_by for p in list_policies() if p.superseded_by}
    assert replaced == {"icis-2013": "icis"}
    assert "icis" in load_all()


@pytest.mark.parametrize(
    "body, expected",
    [
        (HEADER + GOOD_RULE.replace('"warning"', '"loud"'), r"mine\.toml, rule 'disclaimer', field severity"),
        (HEADER + GOOD_RULE.replace('category = "disclaimer"', 'category = "gossip"'), r"rule 'disclaimer', field category"),
        (HEADER + GOOD_RULE.replace('detector = "disclaimer"', 'detector = "mind_reader"'), r"rule 'disclaimer', field detector: unknown detector 'mind_reader'"),
        (HEADER + GOOD_RULE.replace('clause = { section = "s", quote = "q" }', 'clause = { section = "s" }'), r"rule 'disclaimer', field clause\.quote"),
        (HEADER + GOOD_RULE + GOOD_RULE, r"rule 'disclaimer', field id: two rules share this id"),
        (HEADER + GOOD_RULE.replace('detector = "disclaimer"', 'detector = "phrases"\nparams = { patterns = ["x"], colour = "red" }'), r"field params\.colour"),
        ('id = "mine"\nname = "n"\n' + GOOD_RULE, r"mine\.toml, field organisation"),
        (HEADER + "rules = [", r"mine\.toml: not valid TOML"),
        (HEADER.replace('"mine"', '"other"') + GOOD_RULE, r"field id: the pack id 'other' must match the file name 'mine'"),
        (HEADER + 'superseded_by = "ICIS 2020"\n' + GOOD_RULE, r"mine\.toml, field superseded_by"),
        (HEADER + GOOD_RULE + ASK.format(categories='["media"]'), r"mine\.toml: .*asks: 'media' is not a category of this pack's rules"),
        (HEADER + GOOD_RULE + ASK.format(categories='["disclaimer"]') * 2, r"asks: 'disclaimer' is named by more than one ask"),
        (HEADER + GOOD_RULE + ASK.format(categories="[]"), r"mine\.toml, field asks\.0\.categories"),
    ],
)
def test_a_broken_pack_is_refused_naming_file_rule_and_field(tmp_path, body, expected):
    with pytest.raises(PackError, match=expected):
        load_pack(_write(tmp_path, "mine", body))


def test_an_invalid_pattern_is_refused_naming_the_rule(tmp_path):
    body = HEADER + GOOD_RULE.replace(
        'detector = "disclaimer"', 'detector = "phrases"\nparams = { patterns = ["(unclosed"] }'
    )
    with pytest.raises(PackError, match=r"mine\.toml, rule 'disclaimer', field params\.patterns\.0: invalid pattern '\(unclosed'"):
        load_pack(_write(tmp_path, "mine", body))


def test_builtin_packs_live_beside_the_engine():
    assert sorted(p.stem for p in BUILTIN_DIR.glob("*.toml")) == sorted(COVERS)


def test_a_broken_user_pack_is_refused_and_the_others_keep_working(tmp_path, monkeypatch):
    from engine import check, packs

    _write(tmp_path, "mine", HEADER + GOOD_RULE.replace('"warning"', '"loud"'))
    monkeypatch.setenv("DECORUM_POLICY_PATH", str(tmp_path))
    packs.reload()
    try:
        assert "mine" not in packs.load_all()
        assert any("mine.toml, rule 'disclaimer', field severity" in e for e in packs.load_errors())
        assert [f.category for f in check("Off to #ICIS2025", ["icis"])] == ["disclaimer"]
    finally:
        monkeypatch.delenv("DECORUM_POLICY_PATH")
        packs.reload()


def test_a_pattern_that_backtracks_catastrophically_is_refused_at_load(tmp_path):
    body = HEADER + GOOD_RULE.replace(
        'detector = "disclaimer"', "detector = \"phrases\"\nparams = { patterns = ['(\\w+\\s?)+$'] }"
    )
    with pytest.raises(PackError, match=r"mine\.toml, rule 'disclaimer', field params\.patterns\.0: pattern .* backtracks catastrophically"):
        load_pack(_write(tmp_path, "mine", body))


@pytest.mark.parametrize("rules", ["rules = [1]", 'rules = ["a"]', "rules = [[]]", 'rules = [{ id = 5 }]'])
def test_a_rule_that_is_not_a_table_is_refused_naming_its_place(tmp_path, rules):
    with pytest.raises(PackError, match=r"mine\.toml, rule #1(: |, field id: )"):
        load_pack(_write(tmp_path, "mine", HEADER + rules + "\n"))


# Nested far deeper than any parser of patterns recurses (capturing groups: the prefilter does
# not try to split them, so this is quick to refuse).
DEEP_PATTERN = "(" * 2_000 + "a" + ")" * 2_000


def _phrases_pack(pattern: str) -> str:
    return HEADER + GOOD_RULE.replace(
        'detector = "disclaimer"', f"detector = \"phrases\"\nparams = {{ patterns = ['{pattern}'] }}"
    )


def test_a_pattern_nested_too_deeply_is_refused_naming_the_rule(tmp_path):
    with pytest.raises(PackError, match=r"mine\.toml, rule 'disclaimer', field params\.patterns\.0: the pattern nests groups 2,000 deep; at most 50 levels"):
        load_pack(_write(tmp_path, "mine", _phrases_pack(DEEP_PATTERN)))


def test_toml_nested_too_deeply_is_refused_naming_the_file(tmp_path):
    with pytest.raises(PackError, match=r"mine\.toml: not valid TOML: nested too deeply"):
        load_pack(_write(tmp_path, "mine", HEADER + "x = " + "[" * 5_000 + "]" * 5_000 + "\n" + GOOD_RULE))


def test_any_failure_building_a_rule_refuses_the_pack_naming_the_rule(tmp_path, monkeypatch):
    from engine.detectors import REGISTRY
    from engine.detectors.phrases import Phrases

    class Broken(Phrases):
        def __init__(self, params, context) -> None:
            raise KeyError("a detector bug")

    monkeypatch.setitem(REGISTRY, "phrases", Broken)
    with pytest.raises(PackError, match=r"mine\.toml, rule 'disclaimer', field params: KeyError: 'a detector bug'"):
        load_pack(_write(tmp_path, "mine", _phrases_pack("x")))


@pytest.fixture
def user_packs(tmp_path, monkeypatch):
    """A folder of the user's packs beside the built-in ones, read afresh, forgotten afterwards."""
    from engine import packs

    monkeypatch.setenv("DECORUM_POLICY_PATH", str(tmp_path))
    packs.reload()
    yield tmp_path
    monkeypatch.delenv("DECORUM_POLICY_PATH")
    packs.reload()


def test_broken_packs_of_every_kind_are_refused_alone_and_once(user_packs, monkeypatch):
    from engine import check, packs

    _write(user_packs, "ints", HEADER.replace('"mine"', '"ints"') + "rules = [1]\n")
    _write(user_packs, "deep", _phrases_pack(DEEP_PATTERN).replace('"mine"', '"deep"'))
    _write(user_packs, "mine", HEADER + GOOD_RULE)
    packs.reload()
    reads = []
    read = packs._read
    monkeypatch.setattr(packs, "_read", lambda path: reads.append(path.name) or read(path))
    assert set(packs.load_all()) == set(COVERS) | {"mine"}
    errors = packs.load_errors()
    assert any("ints.toml, rule #1" in e for e in errors) and any("deep.toml, rule 'disclaimer', field params" in e for e in errors)
    assert [f.category for f in check("Off to #ICIS2025", ["icis"])] == ["disclaimer"]
    check("Off to #ICIS2025", list(packs.load_all()))
    assert sorted(reads) == sorted({*reads, "deep.toml", "ints.toml"})  # every file read once, not again per check


def test_asking_for_a_refused_pack_says_why_it_was_refused(user_packs):
    from engine import UnknownPolicy, check, packs

    _write(user_packs, "ints", HEADER.replace('"mine"', '"ints"') + "rules = [1]\n")
    packs.reload()
    with pytest.raises(UnknownPolicy, match=r"unknown policy 'ints'.*; refused: .*ints\.toml, rule #1"):
        check("hello", ["ints"])


def test_the_host_answers_hello_and_checks_with_a_broken_pack_beside_the_others(user_packs):
    from engine import packs
    from engine import protocol

    _write(user_packs, "ints", HEADER.replace('"mine"', '"ints"') + 'rules = ["a"]\n')
    _write(user_packs, "deep", _phrases_pack(DEEP_PATTERN).replace('"mine"', '"deep"'))
    packs.reload()
    hello = protocol.handle({"id": 1, "type": "hello"})
    assert hello["type"] == "hello" and {p["id"] for p in hello["policies"]} == set(COVERS)
    result = protocol.handle({"id": 2, "type": "check", "text": "Off to #ICIS2025", "policies": sorted(COVERS)})
    assert result["type"] == "result"
    assert [f["rule"] for f in result["findings"]] == ["icis.disclaimer", "icis-2013.disclaimer"]
    refused = protocol.handle({"id": 3, "type": "check", "text": "x", "policies": ["deep"]})
    assert (refused["type"], refused["code"]) == ("error", "bad_request") and "deep.toml" in refused["message"]


def test_decorum_policies_lists_the_good_packs_and_says_which_were_refused(tmp_path, decorum_cli, monkeypatch):
    _write(tmp_path, "ints", HEADER.replace('"mine"', '"ints"') + "rules = [1]\n")
    _write(tmp_path, "deep", _phrases_pack(DEEP_PATTERN).replace('"mine"', '"deep"'))
    monkeypatch.setenv("DECORUM_POLICY_PATH", str(tmp_path))
    result = decorum_cli("policies")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert [line.split()[0] for line in result.stdout.splitlines() if not line.startswith(" ")] == sorted(COVERS, key=["icis-2013", "icis", "ipem", "rcr", "society"].index)
    refusals = [line for line in result.stderr.splitlines() if line.startswith("decorum: refused a policy pack: ")]
    assert len(refusals) == 2
    assert "deep.toml, rule 'disclaimer', field params.patterns.0: the pattern nests groups 2,000 deep" in refusals[0]
    assert "ints.toml, rule #1: " in refusals[1]


def test_a_pack_naming_detectors_by_their_former_names_finds_what_it_found(user_packs):
    """Detectors were renamed for their categories (speaking_for_organisation is representation);
    a user's pack written with the old names loads and finds exactly what the new names find."""
    from engine import check, packs
    from engine.detectors import REGISTRY

    renamed = REGISTRY.former_names()
    assert {"speaking_for_organisation", "press_contact", "commercial_promotion", "logo_use"} <= set(renamed)
    pack = (BUILTIN_DIR / "rcr.toml").read_text(encoding="utf-8").replace('id = "rcr"', 'id = "oldnames"', 1)
    for former, name in renamed.items():
        pack = pack.replace(f'detector = "{name}"', f'detector = "{former}"')
    assert 'detector = "representation"' not in pack and 'detector = "speaking_for_organisation"' in pack
    _write(user_packs, "oldnames", pack)
    packs.reload()
    assert "oldnames" in packs.load_all(), packs.load_errors()
    corpus = Path(__file__).with_name("corpus") / "tune.jsonl"
    for text in [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]:
        found = [(f.rule.split(".", 1)[1], f.start, f.end) for f in check(text, ["rcr"], detection="rules")]
        assert [(f.rule.split(".", 1)[1], f.start, f.end) for f in check(text, ["oldnames"], detection="rules")] == found, text


def test_an_unknown_detector_is_refused_listing_the_current_names_only(tmp_path):
    with pytest.raises(PackError, match=r"unknown detector 'mind_reader'; known: abusive, brand, brand_account, confidential, "):
        load_pack(_write(tmp_path, "mine", HEADER + GOOD_RULE.replace('detector = "disclaimer"', 'detector = "mind_reader"')))
