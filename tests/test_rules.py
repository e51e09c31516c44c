"""Every lexicon entry's examples: the drafts it must fire on and the near misses that must not.

The examples live beside the patterns they test, in engine/lexicons/<category>.toml. A draft under
``fires`` must give the lexicon's category in each of its packs that covers it, and nothing else
but the findings it lists under ``also``; a draft under ``silent`` only those under ``also``.
Every other category those packs cover must stay quiet. The drafts are written the way members post.
"""

from dataclasses import dataclass
from functools import partial

import pytest

from engine import check as engine_check
from engine import default_engine
from engine.detectors.lexicon_files import Example
from engine.detectors.lexicons import default_lexicons

# The rules' own cases: the learned checker beside them is tested in test_learned.py.
check = partial(engine_check, detection="rules")

# Identities an example may name, for the pack that has none of its own (the 2024 Society policy).
IDENTITIES = {
    "NUS": {"society": {"names": ["Northern Ultrasound Society"], "acronyms": ["NUS"], "handles": ["@NUS_sono"]}},
    # An acronym ending in S, for the plural-of-an-acronym cases ("CDCs" are not CDCS).
    "CDCS": {"society": {"names": ["Community Diagnostics Society"], "acronyms": ["CDCS"], "handles": []}},
}


@dataclass(frozen=True)
class Case:
    """One example of one entry, as a failure names it: file, entry, fires or silent, and the draft."""

    file: str
    entry: str
    kind: str
    text: str
    packs: tuple[str, ...]
    identity: str | None
    also: tuple[str, ...]
    category: str

    def __str__(self) -> str:
        return f"{self.file} {self.entry} {self.kind}: {self.text[:60]}"


def _cases() -> list[Case]:
    found = []
    for lexicon in default_lexicons().values():
        for entry, spec in lexicon.entries():
            for kind in ("fires", "silent"):
                for example in getattr(spec, kind):
                    found.append(_case(lexicon.path.name, entry, kind, example, lexicon.data.examples.packs, lexicon.name))
    return found


def _case(file: str, entry: str, kind: str, example: Example, packs: tuple[str, ...], category: str) -> Case:
    return Case(file, entry, kind, example.text, example.packs or packs, example.identity, example.also, category)


def covered(pack: str) -> set[str]:
    return {rule.category for rule in default_engine().compiled(pack).pack.rules}


def expected(case: Case) -> list[str]:
    found = {f"{pack}/{case.category}" for pack in case.packs if case.category in covered(pack)} if case.kind == "fires" else set()
    return sorted(found | set(case.also))


def flagged(text, packs, identity=None):
    return sorted({f"{f.policy}/{f.category}" for f in check(text, list(packs), identity)})


CASES = _cases()


def test_every_lexicon_shows_its_entries_at_work():
    """The examples that were one table (283 drafts) now sit beside their entries, and more."""
    assert len(CASES) >= 288
    assert {case.file for case in CASES} == {f"{name}.toml" for name in default_lexicons()}


@pytest.mark.parametrize("case", CASES, ids=str)
def test_rule(case):
    assert case.identity is None or case.identity in IDENTITIES, f"{case}: no identity named {case.identity!r} (known: {', '.join(IDENTITIES)})"
    if case.kind == "fires":
        assert any(case.category in covered(pack) for pack in case.packs), f"{case}: none of {case.packs} covers {case.category}"
    found = flagged(case.text, case.packs, IDENTITIES.get(case.identity or ""))
    assert found == expected(case), f"{case.file}, entry {case.entry}, {case.kind}: {case.text!r} with {list(case.packs)}"
