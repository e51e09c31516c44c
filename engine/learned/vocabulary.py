"""The model's features and their numbers, held without a Python object for most features.

As a dict from each feature to its number, the 68,000 features of the shipped model held 8.1 MiB: a
str and an int object each, and the dict's table. Held here as the model file's own UTF-8 bytes,
where each feature starts in them and an open-addressing table of their numbers, they take 1.9 MiB.
The file lists the features commonest first (by the drafts that have them) and the first ``COMMON``
are kept in a dict instead: a draft's words are mostly those, found in one C lookup each where the
table costs an encoding, a hash and a comparison of bytes.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping
from itertools import accumulate, repeat
from operator import add

_EMPTY = -1
# How many of the first features are kept in a dict: two thirds of the distinct features of the
# benchmark's 3,000-character drafts are among a model's 14,000 commonest. They cost a str and an int
# each and the dict's table: 1.1 MiB more for the model of 79,379 features, whose 65,379 others then
# fit a table of 2^17 slots; the model of 83,557 needs 2^18 for its 69,557 others (0.5 MiB more).
COMMON = 14_000


class Vocabulary:
    """Features numbered in the order of the model file's vocabulary: ``numbers`` finds features'
    numbers, ``vocabulary[j]`` gives feature ``j`` back."""

    def __init__(self, joined: bytes, common: int = COMMON) -> None:
        """``joined``: the features joined by "\\n", UTF-8, as the model file stores them; the first
        ``common`` of them are kept in a dict."""
        joined.decode("utf-8")  # a damaged file is refused as it is read, not when a feature is shown
        self._joined = joined
        features = joined.split(b"\n")  # only while the table is built
        # Where each feature starts in ``joined``, and one more: where a feature after the last would.
        self._starts = starts = array("i", accumulate(map(add, map(len, features), repeat(1)), initial=0))
        common = min(common, len(features))
        # Every other feature j sits in the first free slot from its bytes' hash on. Python seeds its
        # hashes afresh in every process, so the table is built at each load. At most half full: a
        # lookup compares one feature's bytes, or two.
        self._mask = mask = (1 << (2 * (len(features) - common)).bit_length()) - 1
        self._slots = slots = array("i", [_EMPTY]) * (mask + 1)
        for j in range(common, len(features)):
            slot = hash(features[j]) & mask
            while slots[slot] != _EMPTY:
                slot = (slot + 1) & mask
            slots[slot] = j
        # The dict once the bytes objects are gone, so that its strs take the memory they leave (put
        # among them, they would keep the process from handing it back). Only the commonest are
        # decoded: split as one str, the rest of the vocabulary would be copied wide for its emoji.
        del features
        self._common = dict(zip(joined[: starts[common] - 1].decode("utf-8").split("\n"), range(common))) if common else {}

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, j: int) -> str:
        return self._joined[self._starts[j] : self._starts[j + 1] - 1].decode("utf-8")

    def numbers(self, features: Iterable[str], found_before: Mapping[str, int | None] = {}) -> list[int | None]:
        """Each feature's number, or None where the model does not have it: the feature whose bytes
        are the same, not one that merely shares a slot or a hash. (A lone surrogate, which a str can
        hold and UTF-8 cannot encode, becomes bytes that no feature has.) ``found_before``: numbers
        given earlier, taken from it rather than the table (a draft checked again mostly has the
        same words)."""
        features = features if isinstance(features, list) else list(features)
        found: list[int | None] = list(map(self._common.get, features))
        slots, starts, joined, mask = self._slots, self._starts, self._joined, self._mask
        for i in [i for i, j in enumerate(found) if j is None]:
            j = found_before.get(features[i], _EMPTY)
            if j != _EMPTY:
                found[i] = j
                continue
            encoded = features[i].encode("utf-8", "surrogatepass")
            slot = hash(encoded) & mask
            while (j := slots[slot]) != _EMPTY and joined[starts[j] : starts[j + 1] - 1] != encoded:
                slot = (slot + 1) & mask
            if j != _EMPTY:
                found[i] = j
        return found
