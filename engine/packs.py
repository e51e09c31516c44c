"""Loading policy packs from TOML, refusing broken ones with a message that names file, rule and field."""

from __future__ import annotations

import logging
import os
import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from .compiled import CompiledPack
from .detectors import REGISTRY, PatternError
from .detectors.analysis_store import STORE as ANALYSIS
from .detectors.base import compile_pattern, probe_pattern
from .detectors.patterns import shape_error
from .model import Identity, Pack

log = logging.getLogger("decorum.engine")

BUILTIN_DIR = Path(__file__).with_name("policies")
# Users add packs for their own society here (or in the folders named by DECORUM_POLICY_PATH).
USER_DIR = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "decorum" / "policies"


class PackError(ValueError):
    """A pack that cannot be used; the message says which file, rule and field, and why."""


def _where(path: Path, data: dict, loc: tuple) -> str:
    parts = [str(path)]
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        rules = data.get("rules") or []
        rule_id = rules[loc[1]].get("id", f"#{loc[1] + 1}") if loc[1] < len(rules) else f"#{loc[1] + 1}"
        parts.append(f"rule {rule_id!r}")
        loc = loc[2:]
    if loc:
        parts.append("field " + ".".join(str(p) for p in loc))
    return ", ".join(parts)


def load_pack(path: Path) -> Pack:
    return _load_pack(path)[0]


def _load_pack(path: Path) -> tuple[Pack, CompiledPack]:
    """Read and validate one pack file, including each rule's detector parameters."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read the file: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{path}: not valid TOML: {exc}") from exc
    try:
        pack = Pack.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise PackError(f"{_where(path, data, tuple(first['loc']))}: {first['msg']}") from exc
    if path.stem != pack.id:
        raise PackError(f"{path}, field id: the pack id {pack.id!r} must match the file name {path.stem!r}")
    seen: set[str] = set()
    for rule in pack.rules:
        where = f"{path}, rule {rule.id!r}"
        if rule.id in seen:
            raise PackError(f"{where}, field id: two rules share this id")
        seen.add(rule.id)
        detector = REGISTRY.get(rule.detector)
        if detector is None:
            raise PackError(f"{where}, field detector: unknown detector {rule.detector!r}; known: {', '.join(sorted(REGISTRY))}")
        try:
            detector.Params.model_validate(rule.params)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in ("params", *first["loc"]))
            raise PackError(f"{where}, field {field}: {first['msg']}") from exc
        # Before anything analyses or compiles them: a huge or deeply nested pattern would hang or crash that.
        for field, source in _pattern_params(rule.params, "params"):
            refused = shape_error(source)
            if refused:
                raise PackError(f"{where}, field {field}: {refused}")
    try:
        compiled_pack = CompiledPack(pack, pack.identity)
    except PatternError as exc:
        raise PackError(f"{path}, {exc}") from exc
    for rule in pack.rules:
        for field, source in _pattern_params(rule.params, "params"):
            try:
                ANALYSIS.probed(compile_pattern(compiled_pack.references.expand(source)), probe_pattern)
            except PatternError as exc:
                raise PackError(f"{path}, rule {rule.id!r}, field {field}: {exc}") from exc
    return pack, compiled_pack


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


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, Pack], dict[str, CompiledPack], tuple[str, ...]]:
    packs: dict[str, Pack] = {}
    built: dict[str, CompiledPack] = {}
    errors: list[str] = []
    for folder in pack_dirs():
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                try:
                    packs[path.stem], built[path.stem] = _load_pack(path)
                except PackError as exc:
                    # One broken pack must not stop the others from working: refuse it, say why.
                    log.error("%s", exc)
                    errors.append(str(exc))
    ANALYSIS.save()  # the next start reads the patterns' analysis instead of redoing it
    return packs, built, tuple(errors)


def load_all() -> dict[str, Pack]:
    """Every valid pack from the built-in folder and the user's folders; a later folder may replace a pack."""
    return _load()[0]


def load_errors() -> tuple[str, ...]:
    """Why each refused pack was refused (file, rule, field)."""
    return _load()[2]


@lru_cache(maxsize=64)
def compiled(pack_id: str, override: Identity | None) -> CompiledPack:
    """The pack built for its identity with the user's override laid over it; built once per identity."""
    if override is None:
        return _load()[1][pack_id]  # built while loading
    pack = load_all()[pack_id]
    built = CompiledPack(pack, pack.identity.merged(override))
    ANALYSIS.save()
    return built


def reload() -> None:
    """Forget loaded packs, so that the next call reads the folders again."""
    _load.cache_clear()
    compiled.cache_clear()
