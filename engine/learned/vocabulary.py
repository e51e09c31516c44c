"""The model's features and their numbers, held without a Python object per feature.

As a dict from each feature to its number, the 68,000 features of the shipped model held 8.1 MiB: a
str and an int object each, and the dict's table. Held here as the model file's own UTF-8 bytes,
where each feature starts in them and an open-addressing table of their numbers, they take 1.9 MiB.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from itertools import accumulate, repeat
from operator import add

_EMPTY = -1


class Vocabulary:
    """Features numbered in the order of the model file's vocabulary: ``numbers`` finds features'
    numbers, ``vocabulary[j]`` gives feature ``j`` back."""

    def __init__(self, joined: bytes) -> None:
        """``joined``: the features joined by "\\n", UTF-8, as the model file stores them."""
        joined.decode("utf-8")  # a damaged file is refused as it is read, not when a feature is shown
        self._joined = joined
        features = joined.split(b"\n")  # only while the table is built
        # Where each feature starts in ``joined``, and one more: where a feature after the last would.
        self._starts = array("i", accumulate(map(add, map(len, features), repeat(1)), initial=0))
        # Feature j sits in the first free slot from its bytes' hash on. Python seeds its hashes
        # afresh in every process, so the table is built at each load. At most half full: a lookup
        # compares one feature's bytes, or two.
        self._mask = mask = (1 << (2 * len(features)).bit_length()) - 1
        self._slots = slots = array("i", [_EMPTY]) * (mask + 1)
        for j, feature in enumerate(features):
            slot = hash(feature) & mask
            while slots[slot] != _EMPTY:
                slot = (slot + 1) & mask
            slots[slot] = j

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, j: int) -> str:
        return self._joined[self._starts[j] : self._starts[j + 1] - 1].decode("utf-8")

    def numbers(self, features: Iterable[str]) -> list[int | None]:
        """Each feature's number, or None where the model does not have it: the feature whose bytes
        are the same, not one that merely shares a slot or a hash. (A lone surrogate, which a str can
        hold and UTF-8 cannot encode, becomes bytes that no feature has.)"""
        slots, starts, joined, mask = self._slots, self._starts, self._joined, self._mask
        found: list[int | None] = []
        for feature in features:
            encoded = feature.encode("utf-8", "surrogatepass")
            slot = hash(encoded) & mask
            while (j := slots[slot]) != _EMPTY and joined[starts[j] : starts[j + 1] - 1] != encoded:
                slot = (slot + 1) & mask
            found.append(None if j == _EMPTY else j)
        return found
