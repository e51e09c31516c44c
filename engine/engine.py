"""The ``Engine``: judges a draft against the active packs and returns findings in the protocol's shape.

An engine owns everything a check builds and keeps: the detectors packs can name, the packs
read and built for each identity in use, the word lists and the literal index a draft is looked
up in, and the stored analysis of their patterns. Everything it keeps is reached under one lock,
so one engine serves any number of threads: a check waits at most for another check, or for the
one pattern a background ``warm`` is compiling. ``default_engine()`` is the one the module-level
functions (``engine.check`` and the rest) use.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from .learned import DEFAULT_SENSITIVITY, DETECTIONS, SENSITIVITIES, PackView, default_checker
from .matching.safe_patterns import PatternError
from .model import Clause, Finding, Identity, Pack, PolicyInfo
from .packs import BUILTIN_DIR, PackError, PackFiles, PackLibrary
from .recall import Recall
from .text import Draft

if TYPE_CHECKING:  # imported when the first pack is built (Engine.packs): listing the packs needs none of them
    from .compiled import CompiledPack
    from .detectors.contracts import Detector
    from .matching.analysis_store import AnalysisStore
    from .matching.scanning import Span
    from .matching.word_lists import WordLists


class UnknownPolicy(ValueError):
    """A request named a pack that does not exist."""


class IdentityError(ValueError):
    """A request's identity override is not of the protocol's shape."""


@dataclass(frozen=True)
class CheckReport:
    """What a check found, and which rules could not finish.

    ``incomplete`` holds the ids (``pack.rule``, as in a finding's ``rule``) of the rules whose
    detector had a pattern stopped as runaway (more CPU time than any legitimate scan takes): they
    may have missed something, and the draft must not look clean because of it. ``needs_identity``
    holds the ids of the checked packs whose organisation the member has not named yet, which could
    not look for it at all.
    """

    findings: list[Finding]
    incomplete: tuple[str, ...] = ()
    # The checked packs whose organisation the member is to name and has not (the Society policy):
    # their rules about mentions of it found nothing because there was nothing to look for.
    needs_identity: tuple[str, ...] = ()


class Engine:
    """Checks drafts against policy packs; safe to use from several threads at once (see the module)."""

    def __init__(
        self,
        registry: Mapping[str, type[Detector]] | None = None,
        store: AnalysisStore | None = None,
        pack_folders: Sequence[Path] | None = None,
    ) -> None:
        """``registry``: the detectors packs may name (by default every built-in one); ``store``: where
        the analysis of patterns is kept (by default on disk, see analysis_store.py); ``pack_folders``:
        where packs are read from (by default the built-in folder and the user's, ``packs.pack_dirs``)."""
        self._lock = threading.RLock()
        self._registry = registry
        self._store = store
        self.files = PackFiles(pack_folders)
        self._packs: PackLibrary | None = None

    @property
    def packs(self) -> PackLibrary:
        """The packs built for each identity in use, made on first use with what builds them: the
        detectors, the word lists and the analysis of their patterns (most of a start), none of which
        listing the packs needs."""
        with self._lock:
            if self._packs is None:
                self._packs = _library(self.files, self._registry, self._store)
            return self._packs

    @property
    def store(self) -> AnalysisStore:
        """The analysis of every pattern (``packs`` makes it)."""
        return self.packs.store

    @property
    def words(self) -> WordLists:
        """Every word list built and the literal index (``packs`` makes them)."""
        return self.packs.builder.words

    def check_report(
        self,
        text: str,
        policies: Sequence[str],
        identity: Mapping[str, Any] | None = None,
        *,
        profile_disclaimer: Sequence[str] = (),
        sensitivity: str = DEFAULT_SENSITIVITY,
        detection: str = "combined",
        recall: Recall | None = None,
    ) -> CheckReport:
        """Findings for ``text`` under each pack in ``policies``, ordered by where they start, and the
        rules that could not finish.

        ``identity`` maps a pack id to an override of that pack's organisation identity
        (``{"names": [], "acronyms": [], "handles": []}``); ``profile_disclaimer`` names the packs
        for which the member's profile already carries the personal-views statement (it silences
        only the rules whose policy accepts that); ``sensitivity`` ("fewer", "balanced", "more")
        sets how sure the learned checker must be; ``detection`` is "combined" (rules and learned
        checker), or "rules" or "model" alone. ``recall``: the compose box the draft is typed in,
        whose last check this one takes what it can from (the same findings, sooner: recall.py).
        Where the draft is typed changes nothing (the protocol's ``site`` is accepted and not passed on).
        """
        if sensitivity not in SENSITIVITIES:
            raise ValueError(f"sensitivity must be one of {', '.join(SENSITIVITIES)}, not {sensitivity!r}")
        if detection not in DETECTIONS:
            raise ValueError(f"detection must be one of {', '.join(DETECTIONS)}, not {detection!r}")
        with self._lock:
            packs = self.packs.load_all()
            unknown = [p for p in policies if p not in packs]
            if unknown:
                reasons = [why for why in map(self.packs.refusal, unknown) if why]
                raise UnknownPolicy(
                    f"unknown policy {', '.join(map(repr, unknown))}; known: {', '.join(sorted(packs))}"
                    + "".join(f"; refused: {why}" for why in reasons)
                )
            overrides = identity_overrides(identity, packs)
            draft = recall.draft(text) if recall is not None else Draft(text)
            findings: list[Finding] = []
            incomplete: list[str] = []
            built = [self._compiled(pack_id, overrides.get(pack_id)) for pack_id in dict.fromkeys(policies)]
            for pack in built:
                found, unfinished = pack.check(draft, profile_disclaimer=pack.pack.id in profile_disclaimer)
                findings.extend(found)
                incomplete.extend(unfinished)
            checker = default_checker() if detection != "rules" else None
            if checker is not None:
                views, named = self.views_for_model(draft, built, overrides)
                findings = checker.review(draft, views, named, findings, sensitivity, detection)
            if recall is not None:
                recall.keep(draft)
        findings.sort(key=lambda f: (f.start, f.policy, f.rule))
        return CheckReport(findings, tuple(incomplete), tuple(pack.pack.id for pack in built if _waits_for_member(pack)))

    def check(self, text: str, policies: Sequence[str], **options: Any) -> list[Finding]:
        """The findings of ``check_report`` (which also says which rules could not finish)."""
        return self.check_report(text, policies, **options).findings

    def views_for_model(
        self, draft: Draft, built: Sequence[CompiledPack], overrides: Mapping[str, Identity]
    ) -> tuple[list[PackView], list[Span]]:
        """Each active pack as the learned checker sees it (where the draft names its organisation),
        and every place the draft names an organisation of any loaded pack (all are masked)."""
        with self._lock:
            named = {pack_id: self._compiled(pack_id, overrides.get(pack_id)).references.references(draft) for pack_id in self.packs.load_all()}
        views = [PackView(pack.pack, named[pack.pack.id]) for pack in built]
        return views, [span for spans in named.values() for span in spans]

    def compiled(self, pack_id: str, override: Identity | None = None) -> CompiledPack:
        """The pack built for its own identity, or for it with ``override`` laid over it."""
        with self._lock:
            return self._compiled(pack_id, override)

    def _compiled(self, pack_id: str, override: Identity | None) -> CompiledPack:
        try:
            return self.packs.compiled(pack_id, override)
        except PatternError as exc:  # only an override can fail here: the pack itself was built at load
            raise IdentityError(f"identity for {pack_id!r}: {exc}") from exc

    def list_policies(self) -> list[PolicyInfo]:
        """What ``hello`` says of each pack a check may name."""
        with self._lock:
            packs = self._listed()
        return [
            PolicyInfo(
                id=p.id,
                name=p.name,
                organisation=p.organisation,
                date=p.date,
                categories=p.categories,
                profile_disclaimer=any(rule.satisfied_by_profile for rule in p.rules),
                superseded_by=p.superseded_by,
                ask={category: Clause(section=a.section, quote=a.quote) for a in p.asks for category in a.categories},
                needs_identity=p.identity_from_member,
            )
            for p in packs.values()
        ]

    def _listed(self) -> Mapping[str, Pack]:
        """The packs a check may name: those built, or before any is, when every pack file is a
        built-in one, those files as validated. Each of them builds (the package step builds them all,
        ``write_pattern_analysis``), and building them all takes most of a start: hello need not wait
        for it. A user's pack is built before it is listed, for a pattern of it may be refused."""
        if self._packs is None and self.files.all_built_in():
            return self.files.valid()
        return self.packs.load_all()

    def load_errors(self) -> tuple[str, ...]:
        """Why each refused pack was refused (file, rule, field)."""
        with self._lock:
            return self.packs.load_errors()

    def reload(self) -> None:
        """Forget loaded packs, so that the next check reads the folders again."""
        with self._lock:
            if self._packs is None:
                self.files.forget()
            else:
                self._packs.reload()

    def warm(self, pause: float = 0.0, compile_patterns: bool = True) -> None:
        """Build every pack, load the learned model and (``compile_patterns``) compile every pattern
        now, so that no draft waits for a compile.

        Patterns are otherwise compiled on first use. Compiling them all takes seconds and, for the
        built-in packs, 26 MiB: the HTTP API does it when it starts serving; the native host, whose
        memory stays in the browser's process tree as long as the browser runs, does not. It may
        run in a background thread while checks are served, with a ``pause`` between patterns so
        that checks meanwhile are not kept waiting: each pattern is compiled under the engine's
        lock, and a check waits at most for one.
        """
        with self._lock:
            for pack_id in self.packs.load_all():
                self.packs.compiled(pack_id, None)
            lists = self.words.built() if compile_patterns else []
        for words in lists:
            for i in words.uncompiled():
                with self._lock:
                    words.compile(i)
                if pause:
                    time.sleep(pause)
        default_checker()
        # What is built by now (packs, patterns, the literal index: hundreds of thousands of
        # references) lives as long as the process. Frozen, it is no longer walked by every full
        # collection, which otherwise stops a check for 20 ms or more now and then.
        gc.freeze()


def _library(files: PackFiles, registry: Mapping[str, type[Detector]] | None, store: AnalysisStore | None) -> PackLibrary:
    """A library that builds ``files`` with the detectors of ``registry`` (None: every built-in one)."""
    # Imported here, not above: the detectors, their lexicons and the regex machinery are most of a
    # start, and an engine that has only listed its packs (the host's hello) needs none of them.
    from .compiled import PackBuilder
    from .detectors import REGISTRY
    from .detectors.templates import Templates
    from .matching.analysis_store import AnalysisStore
    from .matching.word_lists import WordLists

    store = store if store is not None else AnalysisStore(analysing_code())
    builder = PackBuilder(REGISTRY if registry is None else registry, WordLists(store), Templates(store))
    return PackLibrary(builder, store, files)


def analysing_code() -> tuple[Path, ...]:
    """The code whose answers the analysis store keeps: a change in any of it starts the store afresh."""
    from .detectors import templates
    from .matching.analysis_store import AnalysisStore

    return (*AnalysisStore.MATCHING_CODE, Path(templates.__file__))


def write_pattern_analysis(path: Path) -> Path:
    """Analyse every pattern of the built-in packs afresh and write the answers to ``path``: what the
    package step ships beside the analysing code (``AnalysisStore.SHIPPED_FILE``), so that no start
    of an installed engine analyses them. A built-in pack that is refused is a PackError here."""
    from .matching.analysis_store import AnalysisStore

    fresh = Engine(store=AnalysisStore(analysing_code(), stored=False), pack_folders=(BUILTIN_DIR,))
    fresh.packs.load_all()
    refused = fresh.packs.load_errors()
    if refused:
        raise PackError("a built-in pack is refused: " + "; ".join(refused))
    fresh.store.write(path)
    path.chmod(0o644)  # shipped in the wheel: readable by everyone, whoever installs it
    return path


def identity_overrides(identity: Mapping[str, Any] | None, known: Mapping[str, object]) -> dict[str, Identity]:
    """Each pack's identity override, validated (and bounded: see ``Identity``) whether or not the pack is checked."""
    if identity is None:
        return {}
    if not isinstance(identity, Mapping):
        raise IdentityError("identity must be an object keyed by pack id")
    unknown = [key for key in identity if key not in known]
    if unknown:
        raise IdentityError(f"identity for unknown policy {_quoted(unknown[0])}; known: {', '.join(sorted(known))}")
    return {pack_id: _override(pack_id, given) for pack_id, given in identity.items() if given is not None}


def _override(pack_id: str, given: object) -> Identity:
    try:
        return Identity.model_validate(given)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = f"identity for {pack_id!r}" + (f", field {'.'.join(str(p) for p in first['loc'])}" if first["loc"] else "")
        raise IdentityError(f"{where}: {first['msg']}") from exc


def _quoted(value: str, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _waits_for_member(pack: CompiledPack) -> bool:
    """The member is to name this pack's organisation, and has not: nothing names it."""
    return pack.pack.identity_from_member and pack.identity.is_empty


_DEFAULT: Engine | None = None
_DEFAULT_LOCK = threading.Lock()


def default_engine() -> Engine:
    """The engine of this process that the module-level functions use, made on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        with _DEFAULT_LOCK:
            if _DEFAULT is None:
                _DEFAULT = Engine()
    return _DEFAULT
