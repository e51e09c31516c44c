"""The analysis of every pattern, kept on disk from one start of the engine to the next.

Splitting the packs' word lists (alternation.py) and finding each branch's required literals
(required_literals.py) takes seconds for the built-in packs, and probing a pack's patterns for
catastrophic backtracking (safe_patterns.py) a tenth of that. The answers depend only on the
pattern and on the code that analyses it, so they are kept in a file stamped with a fingerprint of
that code (and of the Python whose parser it uses), and read back at the next start (only passes
of the probe: a refused pattern is probed again, and refused again, with its message).

Two files are read, the first that is sound:

- ``pattern-analysis-<fingerprint>.json`` in the cache folder, written whenever a start had to
  analyse a pattern afresh (a user's own pack, or code that changed since the shipped file);
- ``pattern-analysis.json`` beside this module: the built-in packs' analysis, made by the package
  step (``tools/package.py``; ``make setup`` makes it for a source checkout), so that even the
  first start after an install or an upgrade reads it instead of analysing.

A file that cannot be read, was made by other code, or is damaged (its body does not have the
digest its header gives, an answer is not of its kind's shape) is set aside with one log line
saying why, and what it would have answered is worked out again: nothing here can change what
is found, only how soon the host is ready.

Only the packs' own patterns are stored, those that name the organisation with the organisation
left open (detectors/templates.py): nothing of an identity, whether a pack's or a member's, is written here.

``DECORUM_CACHE_DIR`` names the cache folder (default: ``$XDG_CACHE_HOME/decorum`` or
``~/.cache/decorum``); set it to ``off`` to read and write no file at all (the shipped one
neither) and analyse everything afresh each time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
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

# What the first line of a stored file says it is; a file of another format is not read.
FORMAT = "decorum pattern analysis 2"
SHIPPED_FILE = Path(__file__).with_name("pattern-analysis.json")
_CACHE_PREFIX = "pattern-analysis-"


class Branch(NamedTuple):
    """A branch of a pattern, with the literals it requires (see required_literals.py)."""

    text: str
    needs: tuple[Literals, ...]
    # Built for one identity (it holds the organisation's names): compiled for its own word list,
    # so that it goes with the identity's pack, not into the cache every pack shares.
    personal: bool = False


class StoredFileError(ValueError):
    """A stored analysis that must not be read; the message says why."""


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

    def __init__(self, code: Sequence[Path] = MATCHING_CODE, shipped: Path | None = None, stored: bool = True) -> None:
        """``code``: the files of every module whose answers are stored; ``shipped``: the file the
        package step made (by default ``SHIPPED_FILE``); ``stored`` False: no file is read or
        saved, every answer is worked out afresh (``write`` still writes them where asked)."""
        self._code = tuple(code)
        self._shipped = shipped if shipped is not None else SHIPPED_FILE
        self._stored = stored
        self._fingerprint: str | None = None
        self._answers: dict[str, dict[str, object]] | None = None
        self._new = 0
        self._damaged = False
        self._literals: dict[Literals, Literals] = {}

    def fingerprint(self) -> str:
        """Changes whenever the analysing code does, or the Python whose regex parser it reads
        (required_literals.py) or the regex module that runs the probe: an old file is never read
        for new code."""
        if self._fingerprint is None:
            stamp = f"{FORMAT}\0{sys.version_info[:2]}\0{regex.__version__}".encode()
            self._fingerprint = _digest(b"\0".join([stamp, *(path.read_bytes() for path in self._code)]))[:16]
        return self._fingerprint

    def branches(self, source: str) -> list[Branch]:
        """The branches of ``source``, each with the literals it requires."""
        return [Branch(branch, self.requirements(branch)) for branch in self.split(source)]

    def split(self, source: str) -> list[str]:
        return self._answer(_SPLIT, source, alternation.split_alternation, _is_split)  # type: ignore[return-value]

    def requirements(self, source: str) -> tuple[Literals, ...]:
        return self._answer(  # type: ignore[return-value]
            _REQUIREMENTS, source, lambda s: tuple(map(self._one_of_each, required_literals.requirements(s))), self._as_requirements
        )

    def _as_requirements(self, stored: object) -> tuple[Literals, ...] | None:
        found = _as_requirements(stored)
        return None if found is None else tuple(map(self._one_of_each, found))

    def _one_of_each(self, literals: Literals) -> Literals:
        """One object for equal requirements: the packs' 8,400 come to 2,300 different ones, and
        each holds a set (2 MiB saved while the packs are loaded)."""
        return self._literals.setdefault(literals, literals)

    def shapes(self, source: str, compute: Callable[[str], list]) -> list:
        """How the split of a pattern with a stand-in for the organisation changes with the
        stand-in's length (see templates.py): ``compute`` works it out when it is not stored."""
        return self._answer(_SHAPES, source, compute, _is_shapes)  # type: ignore[return-value]

    def probed(self, source: str, probe: Callable[[], None]) -> None:
        """``probe()`` for the pattern ``source``, unless it passed before; a refusal is raised every time."""
        self._answer(_PROBED, source, lambda _: probe() or True, lambda stored: stored if stored is True else None)

    def _answer(self, kind: str, source: str, compute: Callable[[str], object], read: Callable[[object], object]) -> object:
        """The stored answer, as ``read`` makes it ready for use (None: it is not of its kind's
        shape, and is worked out again), or the one ``compute`` gives, stored."""
        answers = self._load()[kind]
        stored = answers.get(source)
        if stored is not None and type(stored) is not _Ready:
            ready = read(stored)
            if ready is None and not self._damaged:
                log.warning("the stored pattern analysis has damaged answers (the first: %s of %.80r); analysing those afresh", kind, source)
            self._damaged |= ready is None
            stored = answers[source] = None if ready is None else _Ready(ready)
        if stored is None:
            stored = answers[source] = _Ready(compute(source))
            self._new += 1
        return stored.value  # type: ignore[union-attr]

    def _cache_path(self) -> Path | None:
        folder = cache_dir() if self._stored else None
        return None if folder is None else folder / f"{_CACHE_PREFIX}{self.fingerprint()}.json"

    def _load(self) -> dict[str, dict[str, object]]:
        if self._answers is None:
            self._answers = {kind: {} for kind in _KINDS}
            cached = self._cache_path()
            if cached is None:
                return self._answers
            for path in (cached, self._shipped):
                if path.is_file():
                    try:
                        self._answers = read_stored(path, self.fingerprint())
                        break
                    except StoredFileError as why:
                        log.warning("ignoring the stored pattern analysis %s: %s; analysing afresh what it held", path, why)
        return self._answers

    def save(self) -> None:
        """Write the answers to the cache folder if new ones were computed, then let them go: the
        packs are built, and building one for another identity uses the patterns' analysis kept in
        memory (templates.py). A folder that cannot be written is only logged (and the answers kept)."""
        path = self._cache_path()
        if path is None or self._answers is None:
            return
        if not self._new:
            self._answers, self._literals = None, {}
            return
        try:
            self.write(path)
            self._new = 0
            self._answers, self._literals = None, {}
        except OSError as exc:
            log.warning("could not store the pattern analysis in %s: %s", path, exc)

    def write(self, path: Path) -> None:
        """Write every answer in memory to ``path``: a header line (what the file is, the code's
        fingerprint, the body's digest), then the answers. Written aside and renamed, so that a
        host starting meanwhile reads the old file or the new one."""
        answers = self._load()
        body = json.dumps(
            {kind: {source: _as_json(kind, stored) for source, stored in answers[kind].items()} for kind in _KINDS},
            separators=(",", ":"), sort_keys=True,
        ).encode("utf-8")
        header = json.dumps({"format": FORMAT, "fingerprint": self.fingerprint(), "sha256": _digest(body)})
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, suffix=".tmp", delete=False) as out:
            out.write(header.encode("ascii") + b"\n" + body)
        os.replace(out.name, path)


def read_stored(path: Path, fingerprint: str) -> dict[str, dict[str, object]]:
    """The answers stored in ``path`` as written by ``AnalysisStore.write`` for code of this
    ``fingerprint``; StoredFileError saying why when it must not be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StoredFileError(f"cannot read it ({exc})") from None
    first, _, body = data.partition(b"\n")
    try:
        header = json.loads(first)
        stamped = (header["format"], header["fingerprint"], header["sha256"])
    except (ValueError, KeyError, TypeError):
        raise StoredFileError("it does not start with the header of a stored pattern analysis") from None
    if stamped[0] != FORMAT:
        raise StoredFileError(f"it is of format {stamped[0]!r}, not {FORMAT!r}")
    if stamped[1] != fingerprint:
        raise StoredFileError(f"it was made by other analysing code (fingerprint {stamped[1]}, this code's {fingerprint})")
    if _digest(body) != stamped[2]:
        raise StoredFileError("it is damaged (its body does not have the digest its header gives)")
    try:
        stored = json.loads(body)
        return {kind: dict(stored[kind]) for kind in _KINDS}
    except (ValueError, KeyError, TypeError) as exc:
        raise StoredFileError(f"its body cannot be read ({type(exc).__name__}: {exc})") from None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Ready(NamedTuple):
    """An answer ready for use: computed here, or read from a file and found of its kind's shape."""

    value: object


def _as_json(kind: str, stored: object) -> object:
    value = stored.value if type(stored) is _Ready else stored  # type: ignore[union-attr]
    if kind == _REQUIREMENTS and type(stored) is _Ready:
        return [[sorted(literals.word_starts), list(literals.substrings)] for literals in value]  # type: ignore[union-attr]
    return value


def _is_split(stored: object) -> list[str] | None:
    return stored if isinstance(stored, list) and all(type(b) is str for b in stored) else None


def _as_requirements(stored: object) -> tuple[Literals, ...] | None:
    """Each requirement as a ``Literals`` ([word starts, substrings], both lists of strings). Read
    for thousands of branches at every start: the checks are the cheapest that catch a wrong shape."""
    if type(stored) is not list:
        return None
    found = []
    for needs in stored:
        if type(needs) is not list or len(needs) != 2 or type(needs[0]) is not list or type(needs[1]) is not list:
            return None
        word_starts, substrings = needs
        try:
            "".join(word_starts), "".join(substrings)  # a TypeError unless every literal is a string
        except TypeError:
            return None
        found.append(Literals(frozenset(word_starts), tuple(substrings)))
    return tuple(found)


def _is_shapes(stored: object) -> list | None:
    """[[shortest, [branch, …] or null], …]"""
    if not isinstance(stored, list) or not stored:
        return None
    for shape in stored:
        if not (isinstance(shape, list) and len(shape) == 2 and type(shape[0]) is int):
            return None
        if shape[1] is not None and _is_split(shape[1]) is None:
            return None
    return stored
