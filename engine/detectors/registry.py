"""The detectors packs can name: each category module registers its own, named for its category."""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping

from .contracts import Detector


class Registry(MutableMapping[str, type[Detector]]):
    """Detectors by name. A detector's former names still find it, so that a pack a user wrote
    before a rename loads as it did; only the current names are listed (``iter``, ``sorted``)."""

    def __init__(self) -> None:
        self._by_name: dict[str, type[Detector]] = {}
        self._renamed: dict[str, str] = {}  # former name -> name

    def register(self, name: str, formerly: str | None = None) -> Callable[[type[Detector]], type[Detector]]:
        """Class decorator that makes a detector available to packs under ``name`` (and ``formerly``)."""

        def add(cls: type[Detector]) -> type[Detector]:
            if not issubclass(cls, Detector):
                raise TypeError(f"{cls.__name__} is not a Detector (engine/detectors/contracts.py)")
            self._by_name[name] = cls
            if formerly is not None:
                self._renamed[formerly] = name
            return cls

        return add

    def former_names(self) -> dict[str, str]:
        """Each former name, with the name it finds now."""
        return dict(self._renamed)

    def name_of(self, name: str) -> str:
        """The current name of the detector a pack names (itself, unless it is a former name)."""
        return self._renamed.get(name, name)

    def __getitem__(self, name: str) -> type[Detector]:
        return self._by_name[self.name_of(name)]

    def __setitem__(self, name: str, detector: type[Detector]) -> None:
        self._by_name[self.name_of(name)] = detector

    def __delitem__(self, name: str) -> None:
        del self._by_name[self.name_of(name)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_name)

    def __len__(self) -> int:
        return len(self._by_name)


REGISTRY = Registry()
register = REGISTRY.register
