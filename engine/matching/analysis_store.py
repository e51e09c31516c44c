"""The analysis of every pattern, kept on disk from one start of the engine to the next.

Splitting the packs' word lists (alternation.py) and finding each branch's required literals
(required_literals.py) takes about a second for the built-in packs, every time the host starts,
and probing a pack's patterns for catastrophic backtracking (safe_patterns.py) a tenth of that.
The answers depend only on the pattern and on the code that analyses it, so they are stored in a
file whose name fingerprints that code, and read back at the next start (only passes of the probe: a refused pattern is probed
again, and refused again, with its message). A file that cannot be read is ignored (and replaced);
nothing here can change what is found, only how soon the host is ready.

Only the packs' own patterns are stored, those that name the organisation with the organisation
left open (detectors/templates.py): nothing of an identity, whether a pack's or a member's, is written here.

``DECORUM_CACHE_DIR`` names the folder (default: ``$XDG_CACHE_HOME/decorum`` or
``~/.cache/decorum``); set it to ``off`` to analyse everything afresh each time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import regex

from . import alternation, required_literals, safe_patterns, time_limits, word_lookups
from .required_literals import Literals

log = logging.getLogger("decorum.engine")

_SPLIT, _REQUIREMENTS, _SHAPES, _PROBED = "split", "requirements", "shapes", "probed"
_KINDS = (_SPLIT, _REQUIREMENTS, _SHAPES, _PROBED)


class Branch(NamedTuple):
    """A branch of a pattern, with the literals it requires (see required_literals.py)."""

    text: str
    needs: tuple[Literals, ...]
    # Built for one identity (it holds the organisation's names): compiled for its own word list,
    # so that it goes with the identity's pack, not into the cache every pack shares.
    personal: bool = False


def cache_dir() -> Path | None:
    chosen = os.environ.get("DECORUM_CACHE_DIR")
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "decorum"


class AnalysisStore:
    """Answers of the analysis by pattern, loaded from disk on first use and saved when new ones came."""

    # The code of this package whose answers are stored; its users add their own (the engine, the
    # templates of patterns that name an organisation).
    MATCHING_CODE: tuple[Path, ...] = tuple(
        Path(m.__file__) for m in (alternation, required_literals, safe_patterns, time_limits, word_lookups)  # type: ignore[arg-type]
    )

    def __init__(self, code: Sequence[Path] = MATCHING_CODE) -> None:
        """``code``: the files of every module whose answers are stored."""
        self._code = tuple(code)
        self._answers: dict[str, dict[str, object]] | None = None
        self._new = 0

    def fingerprint(self) -> str:
        """Changes whenever the analysing code does, so that an old file is never read for new code."""
        digest = hashlib.sha256()
        for path in self._code:
            digest.update(path.read_bytes())
        return digest.hexdigest()[:16]

    def branches(self, source: str) -> list[Branch]:
        """The branches of ``source``, each with the literals it requires."""
        return [Branch(branch, self.requirements(branch)) for branch in self.split(source)]

    def split(self, source: str) -> list[str]:
        return self._answer(_SPLIT, source, alternation.split_alternation)  # type: ignore[return-value]

    def requirements(self, source: str) -> tuple[Literals, ...]:
        stored = self._answer(_REQUIREMENTS, source, lambda s: [_literals_to_json(n) for n in required_literals.requirements(s)])
        return tuple(_literals_from_json(n) for n in stored)  # type: ignore[union-attr]

    def shapes(self, source: str, compute: Callable[[str], list]) -> list:
        """How the split of a pattern with a stand-in for the organisation changes with the
        stand-in's length (see templates.py): ``compute`` works it out when it is not stored."""
        return self._answer(_SHAPES, source, compute)  # type: ignore[return-value]

    def probed(self, pattern: regex.Pattern[str], probe: Callable[[regex.Pattern[str]], None]) -> None:
        """``probe(pattern)``, unless the pattern passed it before; a refusal is raised every time."""
        self._answer(_PROBED, pattern.pattern, lambda _: probe(pattern) or True)

    def _answer(self, kind: str, source: str, compute: Callable[[str], object]) -> object:
        answers = self._load()[kind]
        if source not in answers:
            answers[source] = compute(source)
            self._new += 1
        return answers[source]

    def _path(self) -> Path | None:
        folder = cache_dir()
        return None if folder is None else folder / f"prefilter-{self.fingerprint()}.json"

    def _load(self) -> dict[str, dict[str, object]]:
        if self._answers is None:
            self._answers = {kind: {} for kind in _KINDS}
            path = self._path()
            if path is not None and path.is_file():
                try:
                    stored = json.loads(path.read_text(encoding="utf-8"))
                    self._answers = {kind: dict(stored[kind]) for kind in _KINDS}
                except (OSError, ValueError, KeyError, TypeError) as exc:
                    log.warning("ignoring the stored pattern analysis %s: %s", path, exc)
        return self._answers

    def save(self) -> None:
        """Write the answers if new ones were computed, then let them go: the packs are built, and
        building one for another identity uses the patterns' analysis kept in memory
        (templates.py). A folder that cannot be written is only logged (and the answers kept)."""
        path = self._path()
        if path is None or self._answers is None:
            return
        if not self._new:
            self._answers = None
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written aside and renamed, so that a host starting meanwhile reads the old file or the new one.
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp", delete=False) as out:
                json.dump(self._answers, out, separators=(",", ":"))
            os.replace(out.name, path)
            self._new = 0
            self._answers = None
        except OSError as exc:
            log.warning("could not store the pattern analysis in %s: %s", path, exc)


def _literals_to_json(literals: Literals) -> list[list[str]]:
    return [sorted(literals.word_starts), list(literals.substrings)]


def _literals_from_json(stored: list[list[str]]) -> Literals:
    word_starts, substrings = stored
    return Literals(frozenset(word_starts), tuple(substrings))

