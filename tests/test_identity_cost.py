"""What a user's identity costs: its pack is built from the packs' patterns as analysed once, only
its own names are analysed, nothing about it reaches the analysis store on disk, and what was
built for it goes when it leaves the cache."""

from __future__ import annotations

import gc
import re

import pytest

from engine import Engine, check, default_engine, packs
from engine.detectors import organisation, templates
from engine.matching import alternation, analysis_store, required_literals
from engine.model import Identity

ALL = ["icis", "icis-2013", "ipem", "rcr", "society"]


def _patterns_naming_the_organisation(monkeypatch) -> list[str]:
    """Every pattern of the built-in packs (and of their detectors) that names the organisation."""
    seen: set[str] = set()
    branches = organisation.OrganisationReferences.branches
    monkeypatch.setattr(organisation.OrganisationReferences, "branches", lambda self, s: seen.add(s) or branches(self, s))
    packs.reload()
    packs.load_all()
    monkeypatch.undo()
    packs.reload()
    return sorted(s for s in seen if templates.names_organisation(s))


IDENTITIES = {
    "none": Identity(),
    "aliases only": Identity(aliases=["the Society"]),
    "one of each": Identity(names=["British Society of Clinical Imaging"], acronyms=["BSCI"], handles=["@BSCI_UK"]),
    "awkward": Identity(
        names=["Head and Neck Imaging Society", "Society for Care & Imaging"],
        acronyms=["CARE", "SoCS", "NHS"],  # an ordinary word, a plural-looking one, another body's
        handles=["@x_y", "z"],
        hashtag_stems=["CareImg"],
        aliases=["the Forum", "the Society"],
    ),
    "as large as allowed": Identity(
        names=[(f"Society number {i} and " + "friends " * 13)[:120] for i in range(20)],
        acronyms=[f"SN{i}S" for i in range(20)],
        handles=[f"@sn_{i}" for i in range(20)],
        aliases=[f"the Group {i}" for i in range(20)],
    ),
}


# Shapes a user's pack may give its patterns, beyond the built-in ones.
UNUSUAL = [
    r"{org}",
    r"(?:{org}|{org_or_alias})\s+rocks",  # both slots spread
    r"\b(?:love|hate)\s+{org}\s+and\s+{org_or_alias}",  # both kept whole, or not, by their lengths
    r"(?:{org}\s+)?(?:is|are)\s+(?:great|awful)",  # an optional slot after which a group is spread
    r"\b(?:x|y)(?:{org})+",  # a repeated slot
    r"#(?:{org}|\w+)\b|{party}\s+and\s+{org}",
    "\ufdd0{org}",  # holds the stand-ins' own characters: analysed with the names written in
]


@pytest.mark.parametrize("name", IDENTITIES)
def test_patterns_filled_in_for_an_identity_split_as_the_filled_in_patterns_do(name, monkeypatch):
    """The branches built from a pattern analysed once are exactly those the split of the pattern
    with the names written in gives, so a rule finds what it found when each identity was analysed."""
    references = default_engine().packs.builder.references(IDENTITIES[name])
    for source in _patterns_naming_the_organisation(monkeypatch) + UNUSUAL:
        built = [branch.text for branch in references.branches(source)]
        assert built == alternation.split_alternation(references.expand(source)), source


def _society(tag: str, n: int) -> dict:
    names = [f"{tag} Society for Imaging Practice {i}" for i in range(n)]
    return {"names": names, "acronyms": [f"{tag[:3].upper()}{i}X" for i in range(n)], "handles": [f"@{tag}_{i}" for i in range(n)]}


def test_a_pack_for_an_identity_is_built_analysing_only_its_names():
    """It used to analyse every pattern with the names written in: ~700 analyses, half a second
    and more, for ten names, acronyms and handles."""
    check("Warming up", ALL, {"society": _society("Warm", 10)})
    before = required_literals.requirements.cache_info().misses
    check("Lovely Quorn0X study day", ALL, {"society": _society("Quorn", 10)})
    analysed = required_literals.requirements.cache_info().misses - before
    ways_of_naming = 10 + 10 + 10 + 10 + 10  # handles, names, acronyms, acronyms as handles and hashtags
    assert analysed <= ways_of_naming


@pytest.fixture
def fresh_engine(tmp_path, monkeypatch):
    """An engine whose analysis store is in a folder of this test's own, filled afresh by loading the packs."""
    monkeypatch.setenv("DECORUM_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(analysis_store, "SHIPPED_FILE", tmp_path / "none.json")  # the checkout's would answer everything
    fresh = Engine()
    fresh.packs.load_all()  # analyses every pattern and saves it
    [stored] = tmp_path.glob("pattern-analysis-*.json")
    return fresh, stored


def test_the_analysis_store_keeps_nothing_of_an_identity(fresh_engine):
    engine, fresh_store = fresh_engine
    size = fresh_store.stat().st_size
    for n, (name, acronym) in enumerate(
        [("British Society of Clinical Imaging", "BSCI"), ("Zorblax Imaging Society", "ZIS"), ("Quux Radiography Guild", "QRG")]
    ):
        identity = {"names": [name, f"{name} Trust"], "acronyms": [acronym], "handles": [f"@{acronym}_UK"], "aliases": ["the Guild"]}
        engine.check(f"Off to the {acronym} meeting, {name} logo on my slides", ALL, identity={"society": identity})
        engine.check("Bri", ["society"], identity={"society": {"names": ["Bri"], "acronyms": ["BS"]}})  # as a name is typed
    engine.store.save()
    engine.reload()
    engine.packs.load_all()  # saves again if anything new was analysed
    stored = fresh_store.read_text(encoding="utf-8").lower()
    for said in ["bsci", "zorblax", "zis", "quux", "qrg", r"clinical\W+imaging", r"\bbri\b", r"\bbs\b", "guild"]:
        assert not re.search(said, stored), said
    assert fresh_store.stat().st_size == size


def test_the_literals_of_an_identity_leave_the_index_with_its_pack():
    index, compiled = default_engine().words.index, default_engine().packs.compiled
    check("Lovely study day", ALL)
    compiled.cache_clear()
    gc.collect()
    check("Lovely study day", ALL)
    keys = [set(k.literals) for k in index.lookup_keys()]
    for n in range(3):
        check("Lovely ZYZ0X study day", ["society"], {"society": _society(f"Zyzzy{n}", 3)})
    assert all("zyz0x" in k.literals for k in index.lookup_keys())  # its acronym, at a word's start and anywhere
    compiled.cache_clear()  # as the cache lets an identity go once 16 are in use
    gc.collect()
    check("Lovely study day", ALL)
    assert [set(k.literals) for k in index.lookup_keys()] == keys
