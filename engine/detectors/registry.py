"""The detectors packs can name: each category module registers its own under a name."""

from __future__ import annotations

from collections.abc import Callable

from .contracts import Detector

REGISTRY: dict[str, type[Detector]] = {}


def register(name: str) -> Callable[[type[Detector]], type[Detector]]:
    """Class decorator that makes a detector available to packs under ``name``."""

    def add(cls: type[Detector]) -> type[Detector]:
        if not issubclass(cls, Detector):
            raise TypeError(f"{cls.__name__} is not a Detector (engine/detectors/contracts.py)")
        REGISTRY[name] = cls
        return cls

    return add
