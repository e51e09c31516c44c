"""Lexicons: each category's words and phrase patterns, read from ``engine/lexicons/<category>.toml``.

What a detector knows of how people write is data; the machinery that runs it is code. A lexicon
holds named ``words`` (one pattern, an alternation, a list of patterns, or plain words), named
``phrases`` (patterns with the context they need, as the ``phrases`` detector takes them) and the
category's ``detectors`` (each its phrases tried in turn, or the module whose code it is). Every
entry carries drafts it must fire on and drafts it must stay silent on (``fires``, ``silent``),
which tests/test_rules.py runs. A pattern names another entry as ``{name}``, or ``{lexicon.name}``
for another lexicon's, and is read with the entry written in: the engine sees the same patterns
whichever way they are written down.
"""

from __future__ import annotations

from contextlib import contextmanager
from collections.abc import Iterator, Mapping
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import regex

from .lexicon_files import Detector, LexiconError, LexiconFile, Phrases, Words, read_lexicon_file

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"

# The organisation's slots, filled per identity (templates.py): never an entry's name.
SLOTS = frozenset({"org", "org_or_alias", "party"})
# ``{name}`` or ``{lexicon.name}``; not ``\p{L}`` or ``\x{263a}`` (regex syntax), nor a quantifier.
_REFERENCE = regex.compile(r"(?<!\\)(?<!\\[pPNx])\{([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)\}")
_ONLY_REFERENCE = regex.compile(r"\{([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)\}")


class Lexicon:
    """One category's lexicon, read and checked; patterns come back with every entry written in."""

    def __init__(self, path: Path, data: LexiconFile, library: Lexicons) -> None:
        self.path = path
        self.name = path.stem
        self.data = data
        self.library = library
        self._texts: dict[str, str] = {}

    def where(self, entry: str, field: str | None = None) -> str:
        return f"{self.path}, entry '{entry}'" + (f", field {field}" if field else "")

    # --- words --------------------------------------------------------------------------------

    def pattern(self, name: str) -> str:
        """An entry of words as one pattern (a list of patterns as one group of them)."""
        if name not in self._texts:
            self._texts[name] = self._render(name)
        return self._texts[name]

    def patterns(self, name: str) -> list[str]:
        """An entry of words as a list of patterns (a list's patterns, or the one pattern)."""
        words = self._words(name)
        if words.patterns is None:
            return [self.pattern(name)]
        with self._expanding_entry(name):
            return self._listed(words.patterns, f"words.{name}", "patterns", None)

    def has_word(self, name: str, word: str) -> bool:
        """Whether ``word`` (in any case) is one of an entry's plain words: those written in the entry,
        then its file's, read for the question and not kept (a dictionary held as a set would cost the
        host megabytes, for a question asked once per acronym)."""
        words = self._words(name)
        if not words.is_plain:
            raise LexiconError(f"{self.where(f'words.{name}')}: holds patterns, not plain words")
        word = word.lower()
        if words.plain is not None and word in words.plain.lower().split():
            return True
        return words.plain_file is not None and regex.search(rf"^(?!#){regex.escape(word)}$", self._file_text(name), regex.MULTILINE | regex.IGNORECASE) is not None

    def _file_text(self, name: str) -> str:
        """An entry's ``plain_file``: one word per line (lines starting # are comments)."""
        path = self.path.parent / self._words(name).plain_file
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise LexiconError(f"{self.where(f'words.{name}', 'plain_file')}: cannot read {path}: {exc}") from exc

    def _words(self, name: str) -> Words:
        try:
            return self.data.words[name]
        except KeyError:
            raise LexiconError(f"{self.path}: no words named {name!r} (it has {', '.join(self.data.words) or 'none'})") from None

    @contextmanager
    def _expanding_entry(self, name: str) -> Iterator[None]:
        # Shared by the lexicons read together: a circle may pass through another's words.
        expanding, qualified = self.library.expanding, f"{self.name}.{name}"
        if qualified in expanding:
            raise LexiconError(f"{self.where(f'words.{name}')}: refers to itself through {' -> '.join(expanding + [qualified])}")
        expanding.append(qualified)
        try:
            yield
        finally:
            expanding.pop()

    def _render(self, name: str) -> str:
        entry = f"words.{name}"
        words = self._words(name)
        if words.patterns is not None:
            return "(?:" + "|".join(self.patterns(name)) + ")"
        if words.is_plain:
            raise LexiconError(f"{self.where(entry)}: plain words are not a pattern")
        with self._expanding_entry(name):
            if words.pattern is not None:
                return self.expand(words.pattern, entry, "pattern")
            joined = "|".join(self.expand(a, entry, f"alternatives.{i}") for i, a in enumerate(words.alternatives or ()))
            return self.expand(words.frame, entry, "frame").replace("{}", f"(?:{joined})")

    def expand(self, source: str, entry: str, field: str, params: Mapping[str, Any] | None = None) -> str:
        """``source`` with every ``{name}`` of an entry (or of a parameter in ``params``) written in;
        the organisation's slots stay for the identity (templates.py)."""

        def written_in(match: regex.Match[str]) -> str:
            name = match.group(1)
            if name in SLOTS:
                return match.group()
            if params is not None and name in params:
                value = params[name]
                return "(?:" + "|".join(value) + ")" if isinstance(value, (list, tuple)) else str(value)
            lexicon, _, words = name.rpartition(".")
            owner = self.library.get(lexicon, self.where(entry, field)) if lexicon else self
            if words not in owner.data.words:
                raise LexiconError(f"{self.where(entry, field)}: {match.group()} names no words of {owner.path.name}")
            return owner.pattern(words)

        return _REFERENCE.sub(written_in, source)

    def _listed(self, sources: tuple[str, ...], entry: str, field: str, params: Mapping[str, Any] | None) -> list[str]:
        """Patterns as a detector takes them: a lone ``{name}`` of a list of patterns gives each of them."""
        found: list[str] = []
        for i, source in enumerate(sources):
            alone = _ONLY_REFERENCE.fullmatch(source)
            name = alone.group(1) if alone else None
            if name and params is not None and isinstance(params.get(name), (list, tuple)):
                found += list(params[name])
                continue
            if name and name not in SLOTS and (params is None or name not in params):
                lexicon, _, words = name.rpartition(".")
                owner = self.library.get(lexicon, self.where(entry, f"{field}.{i}")) if lexicon else self
                if words in owner.data.words and owner.data.words[words].patterns is not None:
                    found += owner.patterns(words)
                    continue
            found.append(self.expand(source, entry, f"{field}.{i}", params))
        return found

    # --- phrases and detectors --------------------------------------------------------------------

    def phrases_params(self, name: str, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The ``phrases`` detector's parameters for an entry of phrases, every name written in."""
        entry = f"phrases.{name}"
        try:
            phrases = self.data.phrases[name]
        except KeyError:
            raise LexiconError(f"{self.path}: no phrases named {name!r} (it has {', '.join(self.data.phrases) or 'none'})") from None

        def number(value: int | str, field: str) -> int:
            if isinstance(value, int):
                return value
            param = value[1:-1]
            if params is None or param not in params:
                raise LexiconError(f"{self.where(entry, field)}: {value} names no parameter of the detector")
            return params[param]

        def contexts(field: str) -> list[dict[str, Any]]:
            return [
                {"any": self._listed(c.any, entry, f"{field}.{i}.any", params), "within": number(c.within, f"{field}.{i}.within")}
                for i, c in enumerate(getattr(phrases, field))
            ]

        return {
            "patterns": self._listed(phrases.patterns, entry, "patterns", params),
            "exceptions": self._listed(phrases.exceptions, entry, "exceptions", params),
            "requires": contexts("requires"),
            "unless_near": self._listed(phrases.unless_near, entry, "unless_near", params),
            "near": number(phrases.near, "near"),
            "unless": contexts("unless"),
            "needs_reference": phrases.needs_reference,
            "each": phrases.each,
        }

    def entries(self) -> Iterator[tuple[str, Words | Phrases | Detector]]:
        """Every entry, named as a failure names it: ``words.x``, ``phrases.x``, ``detectors.x``."""
        for kind in ("detectors", "words", "phrases"):
            for name, entry in getattr(self.data, kind).items():
                yield f"{kind}.{name}", entry

    def check(self) -> None:
        """Refuse what cannot work: names that lead nowhere or in a circle, detectors' phrases that do
        not exist. (Whether each pattern compiles is ``check_patterns``: it costs a compile each.)"""
        for name, words in self.data.words.items():
            if not words.is_plain:
                self.patterns(name)
            elif words.plain_file is not None:
                self._file_text(name)
        for detector, spec in self.data.detectors.items():
            for i, phrases in enumerate(spec.phrases or ()):
                if phrases not in self.data.phrases:
                    raise LexiconError(f"{self.where(f'detectors.{detector}', f'phrases.{i}')}: no phrases named {phrases!r}")
                self.phrases_params(phrases, {p: param.default for p, param in spec.params.items()})
        used = {p for spec in self.data.detectors.values() for p in spec.phrases or ()}
        for name in self.data.phrases:
            if name not in used:
                raise LexiconError(f"{self.where(f'phrases.{name}')}: no detector uses it (add it to a detector's phrases)")
            self.phrases_params(name, self._params_of_users(name))

    def _params_of_users(self, phrases: str) -> dict[str, Any]:
        return {p: param.default for spec in self.data.detectors.values() if phrases in (spec.phrases or ()) for p, param in spec.params.items()}

    def all_patterns(self) -> Iterator[tuple[str, str, str]]:
        """Every pattern as the engine reads it, with its entry and field: for ``check_patterns``."""
        for name, words in self.data.words.items():
            if not words.is_plain:
                for i, source in enumerate(self.patterns(name)):
                    yield f"words.{name}", f"pattern {i}", source
        for name in self.data.phrases:
            params = self._params_of_users(name)
            built = self.phrases_params(name, params)
            for field in ("patterns", "exceptions", "unless_near"):
                for i, source in enumerate(built[field]):
                    yield f"phrases.{name}", f"{field}.{i}", source
            for field in ("requires", "unless"):
                for i, context in enumerate(built[field]):
                    for j, source in enumerate(context["any"]):
                        yield f"phrases.{name}", f"{field}.{i}.any.{j}", source


class Lexicons(Mapping[str, Lexicon]):
    """Every lexicon of a folder, by category; read together, since one may name another's words."""

    def __init__(self, folder: Path = LEXICON_DIR, categories: tuple[str, ...] | None = None) -> None:
        self.folder = folder
        self.expanding: list[str] = []  # the words being written in, to refuse a circle
        self._by_name: dict[str, Lexicon] = {}
        for path in sorted(folder.glob("*.toml")):
            if categories is not None and path.stem not in categories:
                raise LexiconError(f"{path}: {path.stem!r} is not a category (engine/categories.toml lists {', '.join(categories)})")
            self._by_name[path.stem] = Lexicon(path, read_lexicon_file(path), self)
        for lexicon in self._by_name.values():
            lexicon.check()

    def get(self, name: str, where: str = "") -> Lexicon:  # type: ignore[override]
        try:
            return self._by_name[name]
        except KeyError:
            raise LexiconError(f"{where}: no lexicon named {name!r} in {self.folder}") from None

    def __getitem__(self, name: str) -> Lexicon:
        return self.get(name, "asked for")

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)

    @cached_property
    def detectors(self) -> list[tuple[Lexicon, str, Detector]]:
        return [(lexicon, name, spec) for lexicon in self._by_name.values() for name, spec in lexicon.data.detectors.items()]


@cache
def default_lexicons() -> Lexicons:
    """The lexicons shipped in engine/lexicons/, read once per process."""
    from ..categories import CATEGORIES

    return Lexicons(LEXICON_DIR, CATEGORIES)


def check_patterns(lexicon: Lexicon) -> None:
    """Compile every pattern of a lexicon as the engine will, refusing one that does not compile or
    is too long or deep; the message names the file, the entry and the field."""
    from ..matching.safe_patterns import PatternError, compile_pattern, shape_error

    for entry, field, source in lexicon.all_patterns():
        # The organisation's slots compile as any name would.
        filled = source.replace("{org_or_alias}", "(?:x)").replace("{org}", "(?:x)").replace("{party}", "(?:x)")
        refused = shape_error(filled)
        if refused:
            raise LexiconError(f"{lexicon.where(entry, field)}: {refused}")
        try:
            compile_pattern(filled)
        except PatternError as exc:
            raise LexiconError(f"{lexicon.where(entry, field)}: {exc}") from exc

