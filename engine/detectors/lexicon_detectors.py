"""Detectors made of a lexicon's phrases: a category whose detection is just words needs no code.

A lexicon's ``[detectors.NAME]`` with ``phrases`` becomes a detector registered as NAME (and its
former name): its phrases are ``Phrases`` detectors tried in turn, built from the lexicon's
patterns with the rule's parameters written in, through the same matching machinery as every
other detector.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any, ClassVar

from pydantic import Field, create_model

from .contracts import Context, Detector, Params
from .lexicon_files import LexiconError
from .lexicons import SLOTS, Lexicon, Lexicons
from .lexicons import Detector as DetectorSpec
from .phrases import FirstFound, Phrases, PhrasesParams
from .registry import Registry

_NAMES_ORGANISATION = tuple("{" + slot + "}" for slot in SLOTS - {"party"})


class LexiconDetector(FirstFound):
    """Its phrases tried in turn: the findings of the first that finds anything."""

    lexicon: ClassVar[Lexicon]
    phrase_names: ClassVar[tuple[str, ...]]

    def __init__(self, params: Params, context: Context) -> None:
        built = _phrases_params(self.lexicon, self.phrase_names, json.dumps(params.model_dump(), sort_keys=True))
        self.parts = [Phrases(p, context) for p in built]


@lru_cache(maxsize=256)
def _phrases_params(lexicon: Lexicon, names: tuple[str, ...], params_json: str) -> tuple[PhrasesParams, ...]:
    """Written out once per parameters, not once per identity: the organisation is filled in later."""
    params = json.loads(params_json)
    return tuple(PhrasesParams.model_validate(lexicon.phrases_params(name, params)) for name in names)


def register_lexicon_detectors(lexicons: Lexicons, registry: Registry) -> None:
    """Register every detector the lexicons define by their phrases; check that those they say are
    code are registered (by their modules, imported first)."""
    for lexicon, name, spec in lexicons.detectors:
        if spec.code is not None:
            if name not in registry:
                raise LexiconError(f"{lexicon.where(f'detectors.{name}')}: no detector {name!r} is registered by {spec.code}")
            continue
        registry.register(name, spec.formerly)(_detector_class(lexicon, name, spec))


def _detector_class(lexicon: Lexicon, name: str, spec: DetectorSpec) -> type[Detector]:
    params_model = _params_model(name, spec)
    defaults = params_model().model_dump()
    sources = [
        source
        for phrases in spec.phrases or ()
        for field, value in lexicon.phrases_params(phrases, defaults).items()
        if field in ("patterns", "exceptions", "unless_near", "requires", "unless")
        for source in (value if field not in ("requires", "unless") else [s for context in value for s in context["any"]])
    ]
    needs_reference = any(lexicon.data.phrases[p].needs_reference for p in spec.phrases or ())
    # One that never looks for the organisation is built once and shared by every pack and identity.
    uses_organisation = needs_reference or any(slot in source for source in sources for slot in _NAMES_ORGANISATION)
    attributes: dict[str, Any] = {
        "__doc__": spec.why,
        "__module__": __name__,
        "Params": params_model,
        "uses_organisation": uses_organisation,
        "lexicon": lexicon,
        "phrase_names": tuple(spec.phrases or ()),
    }
    return type(_class_name(name), (LexiconDetector,), attributes)


def _params_model(name: str, spec: DetectorSpec) -> type[Params]:
    fields: dict[str, Any] = {}
    for param, declared in spec.params.items():
        default = declared.default
        if isinstance(default, tuple):
            fields[param] = (list[str], Field(default_factory=lambda d=default: list(d)))
        elif isinstance(default, bool):
            fields[param] = (bool, default)
        else:
            fields[param] = (int, Field(default=default, ge=declared.at_least))
    return create_model(f"{_class_name(name)}Params", __base__=Params, **fields)


def _class_name(name: str) -> str:
    return "".join(part.title() for part in name.split("_"))
