"""The engine as an object: what it keeps is its own, it serves several threads, detectors keep their contracts."""

from __future__ import annotations

import sys
import threading

import pytest

from engine import Engine, default_engine
from engine.detectors import REGISTRY

ALL_PACKS = ["icis", "icis-2013", "ipem", "rcr", "society"]


def _society(n: int) -> dict:
    return {"society": {"names": [f"Society Number {n}"], "acronyms": [f"SN{n}"], "handles": [f"@sn{n}"]}}


def _draft(n: int) -> str:
    return f"Lovely SN{n} study day with @sn{n}. Put the RCR crest on my slides; the council are a bunch of idiots."


def _findings(engine: Engine, n: int) -> list[dict]:
    return [f.to_json() for f in engine.check(_draft(n), ALL_PACKS, identity=_society(n))]


@pytest.fixture
def busy_switching():
    """Threads take turns every microsecond, so that a warm-up and a check interleave as finely as they can."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)


def test_a_warm_up_in_one_thread_while_another_checks_finds_what_one_thread_finds(busy_switching):
    """The host warms its engine in a background thread while it already answers checks, and a
    member's first check builds the Society pack for their names meanwhile (new word lists, and
    the lists of identities let go)."""
    expected = {n: _findings(Engine(), n) for n in range(3)}
    engine = Engine()
    engine.check("Warming up.", ALL_PACKS)
    shipped = engine.words.built()  # the packs' own word lists, which the warm-up compiles
    failures: list[BaseException] = []

    def warm() -> None:
        try:
            engine.warm()
        except BaseException as failure:  # noqa: BLE001 (reported by the test, not lost in the thread)
            failures.append(failure)

    warming = threading.Thread(target=warm)
    warming.start()
    found = {}
    for round_ in range(4):
        for n in range(20):  # more identities than the engine keeps: lists are built and let go
            engine.check(_draft(n), ["society"], identity=_society(100 * round_ + n))
        found = {n: _findings(engine, n) for n in range(3)}
    warming.join()
    assert failures == []
    assert found == expected
    assert not [words for words in shipped if words.uncompiled()]  # the warm-up did its work


def test_each_engine_keeps_its_own_packs_word_lists_and_index():
    mine, other = Engine(), Engine()
    mine.check("Lovely ZQX7 study day", ["society"], identity={"society": {"acronyms": ["ZQX7"]}})
    assert "zqx7" in mine.words.index.word_starts
    other.check("Lovely study day", ["society"])
    assert "zqx7" not in other.words.index.word_starts
    assert mine.words.index is not other.words.index and mine.packs.load_all() is not other.packs.load_all()


def test_the_functions_use_the_default_engine():
    import engine

    engine.check("Lovely ZQX8 study day", ["society"], {"society": {"acronyms": ["ZQX8"]}})
    assert "zqx8" in default_engine().words.index.word_starts


class _RecordingContext:
    """A context that remembers the patterns a detector asks for, with the real one's answers."""

    def __init__(self, real) -> None:
        self.real = real
        self.asked: list[str] = []

    def alternatives(self, sources):
        self.asked += sources
        return self.real.alternatives(sources)

    def references(self, draft):
        self.asked.append("{org}")
        return self.real.references(draft)

    @property
    def reference_words(self):
        self.asked.append("{org}")
        return self.real.reference_words


@pytest.mark.parametrize("name", sorted(name for name, detector in REGISTRY.items() if not detector.uses_organisation))
def test_a_detector_that_says_it_ignores_the_organisation_asks_nothing_of_it(name):
    """One such detector serves every pack and identity: one that looked for the organisation would
    look for the first pack's everywhere."""
    detector = REGISTRY[name]
    context = _RecordingContext(default_engine().compiled("rcr").references)
    built = detector(detector.Params(), context)
    built.triggers()
    assert not [source for source in context.asked if "{org" in source]
