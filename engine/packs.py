"""Loading policy packs from TOML, refusing broken ones with a message that names file, rule and field."""

from __future__ import annotations

import logging
import os
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from .matching.safe_patterns import PatternError, probe_source, shape_error
from .model import Identity, Pack, Rule

if TYPE_CHECKING:  # building packs needs the detectors, which reading and listing them does not (see PackFiles)
    from .compiled import CompiledPack, PackBuilder
    from .detectors.contracts import Detector
    from .engine import Engine
    from .matching.analysis_store import AnalysisStore

# Refusals have a logger of their own: the CLI reports them itself, the host leaves them in its log.
log = logging.getLogger("decorum.packs")

BUILTIN_DIR = Path(__file__).with_name("policies")
# Users add packs for their own society here (or in the folders named by DECORUM_POLICY_PATH).
USER_DIR = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "decorum" / "policies"


class PackError(ValueError):
    """A pack that cannot be used; the message says which file, rule and field, and why."""


# A refusal quotes what it refuses (a rule id, a pattern) cut to this, so that it stays readable.
_QUOTED_CHARS = 120
_REASON_CHARS = 480


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quoted(value: object) -> str:
    return _cut(repr(value), _QUOTED_CHARS)


def _where(path: Path, data: dict, loc: tuple) -> str:
    parts = [str(path)]
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        parts.append(f"rule {_rule_name(data.get('rules'), loc[1])}")
        loc = loc[2:]
    if loc:
        parts.append("field " + ".".join(str(p) for p in loc))
    return ", ".join(parts)


def _rule_name(rules: object, index: int) -> str:
    """A rule by its id where it has one, else by its place ("#2"): a rule may be any TOML value."""
    rule = rules[index] if isinstance(rules, list) and index < len(rules) else None
    rule_id = rule.get("id") if isinstance(rule, dict) else None
    return _quoted(rule_id) if isinstance(rule_id, str) else f"#{index + 1}"


def _reason(exc: BaseException) -> str:
    """What went wrong, for a message: the engine's own errors say it; anything else is named."""
    if isinstance(exc, (PatternError, PackError)):
        text = str(exc)
    elif isinstance(exc, RecursionError):
        text = "nested too deeply to be read"
    else:
        text = f"{type(exc).__name__}: {exc}"
    return _cut(text, _REASON_CHARS)


@contextmanager
def _refused_as(where: str) -> Iterator[None]:
    """Whatever goes wrong inside refuses the pack, with a message that starts with ``where``."""
    try:
        yield
    except PackError:
        raise
    except Exception as exc:  # a pack is data from anywhere: no mistake in it may reach the caller
        raise PackError(f"{where}: {_reason(exc)}") from exc


def _at(path: Path, rule: Rule, field: str) -> str:
    return f"{path}, rule {_quoted(rule.id)}, field {field}"


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read the file: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{path}: not valid TOML: {exc}") from exc
    except RecursionError as exc:
        raise PackError(f"{path}: not valid TOML: {_reason(exc)}") from exc


def _validated(path: Path, data: dict) -> Pack:
    with _refused_as(str(path)):
        try:
            pack = Pack.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise PackError(f"{_where(path, data, tuple(first['loc']))}: {first['msg']}") from exc
    if path.stem != pack.id:
        raise PackError(f"{path}, field id: the pack id {pack.id!r} must match the file name {path.stem!r}")
    seen: set[str] = set()
    for rule in pack.rules:
        if rule.id in seen:
            raise PackError(f"{_at(path, rule, 'id')}: two rules share this id")
        seen.add(rule.id)
    for category, cited in pack.learned.items():
        rule = next((r for r in pack.rules if r.id == cited.rule), None)
        if rule is None or rule.category != category:
            raise PackError(
                f"{path}, field learned.{category}.rule: {_quoted(cited.rule)} is not a rule of this pack "
                f"with category {category!r}"
            )
    return pack


def _pattern_params(value, field: str) -> list[tuple[str, str]]:
    """Every pattern a pack supplies in a rule's params (strings, in lists or nested tables), with
    the field it is in ("params.patterns.2")."""
    if isinstance(value, str):
        return [(field, value)]
    if isinstance(value, dict):
        return [p for key, v in value.items() for p in _pattern_params(v, f"{field}.{key}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _pattern_params(v, f"{field}.{i}")]
    return []


def pack_dirs() -> list[Path]:
    extra = [Path(p) for p in os.environ.get("DECORUM_POLICY_PATH", "").split(os.pathsep) if p]
    return [BUILTIN_DIR, USER_DIR, *extra]


def _pack_files(folders: Sequence[Path], errors: dict[str, str]) -> list[Path]:
    """The pack files of every folder, in order; a folder that cannot be read is reported in ``errors``."""
    files: list[Path] = []
    for folder in folders:
        try:
            if folder.is_dir():
                files += sorted(folder.glob("*.toml"))
        except OSError as exc:
            errors[str(folder)] = f"{folder}: cannot read the folder: {exc}"
            log.warning("%s", errors[str(folder)])
    return files


def _refusal(path: Path, exc: Exception) -> PackError:
    return exc if isinstance(exc, PackError) else PackError(f"{path}: {_reason(exc)}")


class PackFiles:
    """The pack files of the built-in folder and the user's, each read and validated once.

    Validating a pack needs neither its detectors nor its patterns, which take most of a start to
    import and build: the packs can be listed (``hello``) from here before any is built.
    """

    def __init__(self, folders: Sequence[Path] | None = None) -> None:
        """``folders``: where packs are read from (by default ``pack_dirs()``, read again after ``forget``)."""
        self.folders = folders
        self._found: tuple[list[Path], dict[str, str]] | None = None
        self._validated: dict[Path, Pack | PackError] = {}

    def paths(self) -> list[Path]:
        """Every pack file of the folders, in order: a later folder's may replace an earlier's pack."""
        return self._find()[0]

    def folder_errors(self) -> dict[str, str]:
        """Why each folder that could not be read could not, by folder."""
        return dict(self._find()[1])

    def all_built_in(self) -> bool:
        """Whether every pack file is one the package ships (none of the user's)."""
        return all(path.parent == BUILTIN_DIR for path in self.paths())

    def pack(self, path: Path) -> Pack:
        """The pack in ``path``, validated; PackError, the same each time, if it is not one."""
        if path not in self._validated:
            try:
                self._validated[path] = _validated(path, _read(path))
            except Exception as exc:  # a pack is data from anywhere: whatever is wrong refuses it
                self._validated[path] = _refusal(path, exc)
        found = self._validated[path]
        if isinstance(found, PackError):
            raise found
        return found

    def valid(self) -> dict[str, Pack]:
        """Every pack that validates, by id, in the order of ``paths``."""
        packs: dict[str, Pack] = {}
        for path in self.paths():
            with suppress(PackError):
                packs[path.stem] = self.pack(path)
        return packs

    def forget(self) -> None:
        """Forget the files and packs found, so that the next call reads the folders again."""
        self._found = None
        self._validated.clear()

    def _find(self) -> tuple[list[Path], dict[str, str]]:
        if self._found is None:
            errors: dict[str, str] = {}  # by folder, why it could not be read
            self._found = _pack_files(pack_dirs() if self.folders is None else self.folders, errors), errors
        return self._found


class PackLibrary:
    """The packs of the built-in folder and the user's, read once and built for each identity in use.

    One broken pack does not stop the others: it is refused, and why is kept (``load_errors``).
    """

    def __init__(self, builder: PackBuilder, store: AnalysisStore, files: PackFiles) -> None:
        """``files``: the pack files to build, read and validated (perhaps already, to list them)."""
        self.builder = builder
        self.store = store
        self.files = files
        self._loaded: tuple[dict[str, Pack], dict[str, CompiledPack], dict[str, str]] | None = None
        # Packs built for a user's identity, kept for reuse: a member has one or two; each costs
        # from about 0.35 MB (a name, an acronym and a handle) to 1 MB (twenty of each) while kept,
        # with the patterns its first check compiled (tracemalloc).
        self.compiled = lru_cache(maxsize=16)(self._compiled)

    def load_all(self) -> dict[str, Pack]:
        """Every valid pack from the built-in folder and the user's folders; a later folder may replace a pack."""
        return self._load()[0]

    def load_errors(self) -> tuple[str, ...]:
        """Why each refused pack was refused (file, rule, field)."""
        return tuple(self._load()[2].values())

    def refusal(self, pack_id: str) -> str | None:
        """Why the pack file named for ``pack_id`` was refused, if it was and no other file gave that pack."""
        if pack_id in self.load_all():
            return None
        return next((why for where, why in reversed(self._load()[2].items()) if Path(where).stem == pack_id), None)

    def _compiled(self, pack_id: str, override: Identity | None) -> CompiledPack:
        """The pack built for its identity with the user's override laid over it; built once per identity."""
        if override is None:
            return self._load()[1][pack_id]  # built while loading
        pack = self.load_all()[pack_id]
        return self.builder.compile(pack, pack.identity.merged(override))  # analysed in memory only: see detectors/templates.py

    def reload(self) -> None:
        """Forget loaded packs, so that the next call reads the folders again."""
        self._loaded = None
        self.files.forget()
        self.compiled.cache_clear()

    def _load(self) -> tuple[dict[str, Pack], dict[str, CompiledPack], dict[str, str]]:
        if self._loaded is not None:
            return self._loaded
        packs: dict[str, Pack] = {}
        built: dict[str, CompiledPack] = {}
        errors = self.files.folder_errors()  # by file (or folder), why it was refused
        for path in self.files.paths():
            try:
                pack = self.files.pack(path)
                packs[path.stem], built[path.stem] = pack, self.build(path, pack)
            except Exception as exc:
                # One broken pack must not stop the others from working: refuse it, say why. Caught
                # here whatever it is, so that the refusal is remembered, not met again on every request.
                refusal = _refusal(path, exc)
                log.warning("refused a policy pack: %s", refusal)
                errors[str(path)] = str(refusal)
        self.store.save()  # the next start reads the patterns' analysis instead of redoing it
        self._loaded = packs, built, errors
        return self._loaded

    def read_and_build(self, path: Path) -> tuple[Pack, CompiledPack]:
        """Read and validate one pack file, build its rules and probe its patterns; PackError if anything fails."""
        pack = _validated(path, _read(path))
        return pack, self.build(path, pack)

    def build(self, path: Path, pack: Pack) -> CompiledPack:
        """Build the rules of ``pack`` (read from ``path``) and probe its patterns; PackError if anything fails."""
        from .compiled import RuleError  # with the builder's detectors: see PackFiles

        for rule in pack.rules:
            _check_detector(path, rule, self.builder.registry)
        with _refused_as(f"{path}, field identity"):  # a rule that fails is named (RuleError); else the identity failed
            try:
                compiled_pack = self.builder.compile(pack, pack.identity)
            except RuleError as exc:
                raise PackError(f"{_at(path, exc.rule, 'params')}: {_reason(exc.cause)}") from exc
        for rule in pack.rules:
            for field, source in _pattern_params(rule.params, "params"):
                with _refused_as(_at(path, rule, field)):
                    expanded = compiled_pack.references.expand(source)
                    self.store.probed(expanded, lambda: probe_source(expanded))
        return compiled_pack


def _check_detector(path: Path, rule: Rule, registry: Mapping[str, type[Detector]]) -> None:
    """The rule names a known detector, with parameters that detector accepts."""
    detector = registry.get(rule.detector)
    if detector is None:
        raise PackError(f"{_at(path, rule, 'detector')}: unknown detector {_quoted(rule.detector)}; known: {', '.join(sorted(registry))}")
    with _refused_as(_at(path, rule, "params")):
        try:
            detector.Params.model_validate(rule.params)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in ("params", *first["loc"]))
            raise PackError(f"{_at(path, rule, field)}: {first['msg']}") from exc
    # Before anything analyses or compiles them: a huge or deeply nested pattern would hang or crash that.
    for field, source in _pattern_params(rule.params, "params"):
        refused = shape_error(source)
        if refused:
            raise PackError(f"{_at(path, rule, field)}: {refused}")


# The default engine's packs, for callers that use the module-level functions (engine.check does).


def _library() -> PackLibrary:
    return _default_engine().packs


def _default_engine() -> Engine:
    from .engine import default_engine  # the engine builds its library from this module

    return default_engine()


def load_all() -> dict[str, Pack]:
    """The default engine's packs (``PackLibrary.load_all``)."""
    return _library().load_all()


def load_errors() -> tuple[str, ...]:
    """Why the default engine refused each refused pack (``PackLibrary.load_errors``)."""
    return _library().load_errors()


def load_pack(path: Path) -> Pack:
    """One pack file read, validated and built as the default engine builds it; PackError if it cannot be."""
    return _library().read_and_build(path)[0]


def compiled(pack_id: str, override: Identity | None) -> CompiledPack:
    """The default engine's pack built for an identity (``PackLibrary.compiled``)."""
    return _library().compiled(pack_id, override)


def reload() -> None:
    """Make the default engine read the pack folders again (``Engine.reload``)."""
    _default_engine().reload()
