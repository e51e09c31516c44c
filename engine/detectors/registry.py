"""The detectors packs can name: each category module registers its own under a name."""

from __future__ import annotations

from collections.abc import Callable

REGISTRY: dict[str, type] = {}


def register(name: str) -> Callable[[type], type]:
    """Class decorator that makes a detector available to packs under ``name``."""

    def add(cls: type) -> type:
        REGISTRY[name] = cls
        return cls

    return add
