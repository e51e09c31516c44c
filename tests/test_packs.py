"""Policy packs: every built-in pack loads, quotes its document verbatim, and a broken pack is refused clearly."""

import re
from pathlib import Path

import pytest

from engine.categories import CATEGORIES
from engine.compiled import CompiledPack
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
def test_every_pack_compiles_with_its_own_identity(pack_id):
    pack = load_all()[pack_id]
    assert len(CompiledPack(pack, pack.identity).rules) == len(pack.rules)


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
detector = "affiliation_without_disclaimer"
clause = { section = "s", quote = "q" }
"""
HEADER = 'id = "mine"\nname = "n"\norganisation = "o"\ndate = "2024"\n'


def test_a_valid_user_pack_loads(tmp_path):
    pack = load_pack(_write(tmp_path, "mine", HEADER + GOOD_RULE))
    assert pack.categories == ["disclaimer"]


@pytest.mark.parametrize(
    "body, expected",
    [
        (HEADER + GOOD_RULE.replace('"warning"', '"loud"'), r"mine\.toml, rule 'disclaimer', field severity"),
        (HEADER + GOOD_RULE.replace('category = "disclaimer"', 'category = "gossip"'), r"rule 'disclaimer', field category"),
        (HEADER + GOOD_RULE.replace("affiliation_without_disclaimer", "mind_reader"), r"rule 'disclaimer', field detector: unknown detector 'mind_reader'"),
        (HEADER + GOOD_RULE.replace('clause = { section = "s", quote = "q" }', 'clause = { section = "s" }'), r"rule 'disclaimer', field clause\.quote"),
        (HEADER + GOOD_RULE + GOOD_RULE, r"rule 'disclaimer', field id: two rules share this id"),
        (HEADER + GOOD_RULE.replace('detector = "affiliation_without_disclaimer"', 'detector = "phrases"\nparams = { patterns = ["x"], colour = "red" }'), r"field params\.colour"),
        ('id = "mine"\nname = "n"\n' + GOOD_RULE, r"mine\.toml, field organisation"),
        (HEADER + "rules = [", r"mine\.toml: not valid TOML"),
        (HEADER.replace('"mine"', '"other"') + GOOD_RULE, r"field id: the pack id 'other' must match the file name 'mine'"),
    ],
)
def test_a_broken_pack_is_refused_naming_file_rule_and_field(tmp_path, body, expected):
    with pytest.raises(PackError, match=expected):
        load_pack(_write(tmp_path, "mine", body))


def test_an_invalid_pattern_is_refused_naming_the_rule(tmp_path):
    body = HEADER + GOOD_RULE.replace(
        'detector = "affiliation_without_disclaimer"', 'detector = "phrases"\nparams = { patterns = ["(unclosed"] }'
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
        'detector = "affiliation_without_disclaimer"', "detector = \"phrases\"\nparams = { patterns = ['(\\w+\\s?)+$'] }"
    )
    with pytest.raises(PackError, match=r"mine\.toml, rule 'disclaimer', field params\.patterns\.0: pattern .* backtracks catastrophically"):
        load_pack(_write(tmp_path, "mine", body))
