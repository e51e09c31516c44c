"""A pack's patterns are checked at load: catastrophic ones (made of punctuation and escapes too),
huge ones and deeply nested ones are refused, naming file, rule and field, and only that pack."""

import logging
import time

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine import packs
from engine import default_engine
from engine.matching.safe_patterns import MAX_PATTERN_CHARS, MAX_PATTERN_DEPTH, hostile_inputs
from engine.packs import PackError, load_pack
from engine.text import MAX_DRAFT_UTF16_UNITS, Draft

PACK = """
id = "mine"
name = "Mine"
organisation = "My Society"
date = "2024"

[[rules]]
id = "dashes"
category = "confidential"
severity = "warning"
message = "m"
detector = "phrases"
clause = {{ section = "s", quote = "q" }}
params = {{ patterns = ["\\\\bconfidential\\\\b", {pattern}] }}
"""


def _pack_with(tmp_path, pattern: str):
    path = tmp_path / "mine.toml"
    path.write_text(PACK.format(pattern="'''" + pattern + "'''"), encoding="utf-8")
    return path


# What catastrophic patterns are made of: punctuation, escaped or not, and the escapes of classes.
_ATOMS = st.sampled_from([regex.escape(c) for c in "-.'!?*+#@_~/\\,;:()[]{}|^$&%"] + [r"\s", r"\d", r"\w", r"\W", "[-.]", "[.!?]"])
# Nested repetition whose inner part can match the same text in more than one way.
_SHAPES = st.sampled_from([
    "(?:{a}|{a}{a})+{end}",
    "(?:{a}+)+{end}",
    "(?:{a}*)*{b}{end}",
    "(?:{a}|{a}?)+{b}{end}",
    "(?:{a}{b}|{a}|{b})+{end}",
    "(?:{a}|{b}|{a}{b})*{b}{a}{a}{end}",
    "(?:{a}{{1,3}})+{end}",
    "(?:{a}\\s?)+{end}",
    "(?:{a}|{a})+{end}",
    "(?:(?:{a}|{b})+)+{end}",
])
_ENDS = st.sampled_from(["$", r"\b", "x", "", r"\Z"])
CATASTROPHIC = st.builds(lambda shape, a, b, end: shape.format(a=a, b=b, end=end), _SHAPES, _ATOMS, _ATOMS, _ENDS)


def _hostile_drafts(pattern: str) -> list[str]:
    """What a draft could hold to make the pattern blow up: the probes themselves, and as long as the host accepts."""
    probes = hostile_inputs(pattern)
    return probes + [(probe[:-1] * (MAX_DRAFT_UTF16_UNITS // len(probe)))[: MAX_DRAFT_UTF16_UNITS - 1] + probe[-1] for probe in probes[:6]]


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(pattern=CATASTROPHIC)
def test_a_catastrophic_pattern_is_refused_at_load_or_harmless_on_every_hostile_draft(tmp_path, caplog, pattern):
    caplog.clear()
    path = _pack_with(tmp_path, pattern)
    try:
        pack = load_pack(path)
    except PackError as refusal:
        assert f"{path}, rule 'dashes', field params.patterns.1: pattern" in str(refusal)
        assert "backtracks catastrophically" in str(refusal)
        return
    # Accepted: then no draft built from its characters may make it run away.
    compiled = default_engine().packs.builder.compile(pack, pack.identity)
    for draft in _hostile_drafts(pattern):
        started = time.thread_time()
        with caplog.at_level(logging.WARNING, logger="decorum.engine"):
            _, unfinished = compiled.check(Draft(draft))
        assert time.thread_time() - started <= 1.0 and unfinished == [], f"{pattern!r} ran away on {draft[:20]!r}…"
        assert "timed out" not in caplog.text


@pytest.mark.parametrize("pattern", [r"(?:-|--)+$", r"(?:\.|\.\.)+$", r"(?:_|__)+\b", r"(?:-\.|-|\.)+$"])
def test_the_catastrophic_punctuation_patterns_of_the_issue_are_refused(tmp_path, pattern):
    with pytest.raises(PackError, match=r"mine\.toml, rule 'dashes', field params\.patterns\.1: pattern .* backtracks catastrophically"):
        load_pack(_pack_with(tmp_path, pattern))


def test_a_pattern_too_long_is_refused_before_anything_reads_it(tmp_path):
    started = time.process_time()
    with pytest.raises(PackError, match=rf"mine\.toml, rule 'dashes', field params\.patterns\.1: the pattern is 2,000,000 characters long; at most {MAX_PATTERN_CHARS:,}"):
        load_pack(_pack_with(tmp_path, "a" * 2_000_000))
    assert time.process_time() - started < 5  # before: analysing it never finished


def test_a_pattern_nested_too_deep_is_refused_with_a_message_not_a_crash(tmp_path):
    deep = "(?:" * 2_000 + "a" + ")" * 2_000
    with pytest.raises(PackError, match=rf"field params\.patterns\.1: the pattern nests groups 2,000 deep; at most {MAX_PATTERN_DEPTH}"):
        load_pack(_pack_with(tmp_path, deep))


def test_a_pack_refused_for_its_patterns_leaves_the_other_packs_working(tmp_path, monkeypatch):
    from engine import check

    _pack_with(tmp_path, "(?:" * 2_000 + "a" + ")" * 2_000)
    monkeypatch.setenv("DECORUM_POLICY_PATH", str(tmp_path))
    packs.reload()
    try:
        assert "mine" not in packs.load_all()
        assert any("mine.toml, rule 'dashes', field params.patterns.1: the pattern nests groups" in e for e in packs.load_errors())
        assert [f.category for f in check("Off to #ICIS2025", ["icis"])] == ["disclaimer"]
    finally:
        monkeypatch.delenv("DECORUM_POLICY_PATH")
        packs.reload()
