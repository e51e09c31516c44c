"""The trained weights, read with the standard library, and the arithmetic scikit-learn does with
them: TF-IDF (sublinear term frequency, L2 norm) and one logistic regression per category.

The file (``model.bin``, written by ``tools/train_model.py``) is a small JSON header followed by
the vocabulary and two arrays of numbers, little-endian whatever the machine:

    b"DECORUM-MODEL 1\n" <header length: 8 ASCII digits> <header JSON>
    <vocabulary: features joined by "\n", UTF-8, commonest first> <idf: n float64>
    <idf-weighted coefficients: n × width, row by feature: idf[j] × coefficient[column][j]>

so that loading is one read per part, a table of the vocabulary's hashes (which keeps its bytes,
not a str per feature: ``vocabulary.py``) and an ``array.frombytes``: a few tens of milliseconds,
and scoring a text unpacks one row per feature (in C) and sums columns. The header says:

- ``weights``: how the coefficients are stored, "float32" (a file without it: float64);
- ``indicators``: each indicator's coefficient per category (name → k floats). Indicators are
  facts about a draft (the pack asked, whether it names an organisation) added as 1, outside the
  TF-IDF and its norm;
- ``pack_columns``: the columns after the k categories', [category, pack] each (a file without
  it has none; width = k + their number). A category whose meaning differs by pack has, beside
  its column, one per pack: what a word adds for that pack alone, on top of what it adds for
  every pack. Disparagement is one: every policy protects its organisation, each names different
  stakeholders.
"""

from __future__ import annotations

import json
import math
import struct
import sys
from array import array
from collections.abc import Iterable, Iterator
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby, repeat
from operator import add, itemgetter, mul
from pathlib import Path
from typing import Any, BinaryIO

from .vocabulary import Vocabulary

MAGIC = b"DECORUM-MODEL 1\n"
_UNSEEN = object()  # a feature not looked up yet (None: looked up, and the model lacks it)
_HEADER_DIGITS = 8


class ModelFileError(ValueError):
    """A model file that cannot be read: the message names the file and what is wrong."""


@dataclass(frozen=True)
class Counted:
    """A text's features counted, and its TF-IDF's squared norm: all a category's probability needs
    beside that category's weights (``LinearModel.probability``)."""

    counts: dict[int, int]  # feature -> how often the text has it
    squared_norm: float  # Σ value², value = (1 + ln tf) × idf
    # Where in ``counts`` each feature met more than once is, and its factor, 1 + ln tf (the rest's is 1).
    repeated: list[tuple[int, float]]
    # The columns' sums worked out so far (``LinearModel.probability``): packs share a sentence's.
    sums: dict[int, float] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Scored:
    """A text's TF-IDF and each category's weighted sum before the L2 norm, kept so that a pack's
    token, or a few changed features, can be accounted for without reading the text again."""

    counts: dict[int, int]  # feature -> how often the text has it
    squared_norm: float  # Σ value², value = (1 + ln tf) × idf
    dots: tuple[float, ...]  # Σ value × coefficient, per column (the categories', then the packs')


# How each weight is stored: float32 halves the model's memory and costs under 1e-6 in any
# probability (a weight's relative error is 6e-8; a draft sums a few hundred of them).
WEIGHT_TYPES = {"float32": "f", "float64": "d"}


class LinearModel:
    """Logistic regressions over one TF-IDF vocabulary, one per category, as trained."""

    def __init__(self, header: dict[str, Any], vocabulary: Vocabulary, idf: array, rows: bytes) -> None:
        self.header = header
        self.categories: tuple[str, ...] = tuple(header["categories"])
        self.intercepts: tuple[float, ...] = tuple(header["intercepts"])
        self.vocabulary = vocabulary
        self.indicators: dict[str, tuple[float, ...]] = {name: tuple(values) for name, values in header.get("indicators", {}).items()}
        self.idf = idf
        # The extra columns, after the categories': (the category's index, the pack) for each.
        self.pack_columns: tuple[tuple[int, str], ...] = tuple(
            (self.categories.index(category), pack) for category, pack in header.get("pack_columns", [])
        )
        self.width = len(self.categories) + len(self.pack_columns)
        self._type = WEIGHT_TYPES[header.get("weights", "float64")]
        self._size = struct.calcsize(self._type)
        if sys.byteorder == "big":  # the file is little-endian: turned once here, so that every read is in place
            swapped = array(self._type)
            swapped.frombytes(rows)
            swapped.byteswap()
            rows = swapped.tobytes()
        # A feature's idf-weighted coefficients for every column, unpacked in one C call.
        self._row = struct.Struct(f"={self.width}{self._type}")
        self._rows = rows
        # The same numbers one by one, where a sentence reads one column of a few features' rows.
        self._weights = memoryview(rows).cast(self._type)
        self._columns_of: dict[tuple[int, str | None], list[int]] = {}

    @classmethod
    def read(cls, path: Path) -> "LinearModel":
        """The model in ``path``, read part by part: reading the whole file first and slicing it held
        each part twice at once (the 5 MB of weights among them), which the process kept as resident memory."""
        try:
            with path.open("rb") as stream:
                return cls.parse(stream, str(path))
        except OSError as exc:
            raise ModelFileError(f"{path}: cannot read the model: {exc}") from exc

    @classmethod
    def parse(cls, stream: BinaryIO, name: str = "model") -> "LinearModel":
        """The model in a binary stream (a file, or ``io.BytesIO`` of its bytes), read to its end."""
        header = read_header(stream, name)
        try:
            size, width = header["features"], len(header["categories"]) + len(header.get("pack_columns", []))
            vocabulary = Vocabulary(stream.read(header["vocabulary_bytes"]))
            idf = _floats(stream.read(8 * size))
            weight_bytes = struct.calcsize(WEIGHT_TYPES[header.get("weights", "float64")])
            rows = stream.read(weight_bytes * size * width)
            if any(category not in header["categories"] for category, _ in header.get("pack_columns", [])):
                raise ValueError("a pack column is for a category the model does not have")
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise ModelFileError(f"{name}: the model file is damaged ({type(exc).__name__}: {exc})") from exc
        if len(vocabulary) != size or len(idf) != size or len(rows) != weight_bytes * size * width or stream.read(1):
            raise ModelFileError(f"{name}: the model file is damaged (its parts do not have the sizes its header gives)")
        return cls(header, vocabulary, idf, rows)

    def raw(self, features: Iterable[str]) -> Scored:
        """The TF-IDF of a text's features, and each category's weighted sum, before the L2 norm."""
        return self.scored(self.counted(features))

    def counted(
        self, features: Iterable[str], known: dict[str, int | None] | None = None, before: dict[str, int | None] | None = None
    ) -> Counted:
        """A text's features counted, with its TF-IDF's squared norm. ``known``: the numbers of
        features looked up before (None: not in the vocabulary), taken from it and added to it.
        ``before``: for a first text, numbers looked up for another, taken from it; ``known`` then
        holds this text's alone."""
        if not known:  # a first text: every feature looked up, each once
            counted = Counter(features)
            numbers = self.vocabulary.numbers(list(counted), before or {})
            if known is not None:
                known.update(zip(counted, numbers))
            return self.tallied({j: n for j, n in zip(numbers, counted.values()) if j is not None})
        # A text whose features are mostly known: counted by number, which keeps the order in which
        # the text first has them (distinct features have distinct numbers).
        counts = Counter(self._numbers(features, known))
        counts.pop(None, None)
        return self.tallied(counts)

    def _numbers(self, features: Iterable[str], known: dict[str, int | None]) -> list[int | None]:
        """Each feature's number, from ``known`` where it is there, the rest looked up and added to it."""
        features = features if isinstance(features, list) else list(features)
        numbers = list(map(known.get, features, repeat(_UNSEEN)))
        if _UNSEEN in numbers:
            unseen = list(dict.fromkeys(f for f, j in zip(features, numbers) if j is _UNSEEN))
            known.update(zip(unseen, self.vocabulary.numbers(unseen)))
            numbers = list(map(known.__getitem__, features))
        return numbers

    def tallied(self, counts: dict[int, int]) -> Counted:
        """A text's features counted by number (in the order the text first has them: the order of
        every sum), with its TF-IDF's squared norm."""
        # Most sentences have each feature once: the repeated are looked for only in a text that has some.
        tfs = counts.values()
        repeated = [(i, _factor(tf)) for i, tf in enumerate(tfs) if tf != 1] if sum(tfs) != len(counts) else []
        values = _weighted(list(map(self.idf.__getitem__, counts)), repeated)
        return Counted(counts, sum(map(mul, values, values)), repeated)

    def scored(self, counted: Counted) -> Scored:
        """``counted`` with every column's weighted sum."""
        width, rows, repeated = self.width, self._rows, counted.repeated
        # Every feature's row (idf × coefficients) side by side, and each column's sum of them,
        # weighted by the feature's term frequency, in C (sum) but for the repeated features.
        block, step = array(self._type), self._size * width
        block.frombytes(b"".join([rows[step * j : step * (j + 1)] for j in counted.counts]))
        columns = (block[k::width] for k in range(width))
        dots = [sum(_weighted(column.tolist(), repeated) if repeated else column) for column in columns]
        return Scored(counted.counts, counted.squared_norm, tuple(dots))

    def changed(self, scored: Scored, removed: Iterable[str], added: Iterable[str], known: dict[str, int | None]) -> Scored:
        """``scored`` for the text with ``removed`` features taken out and ``added`` put in. ``known``:
        as for ``counted`` (the removed are the text's own: looked up already)."""
        counts = dict(scored.counts)
        touched: dict[int, int] = {}
        for features, step in ((removed, -1), (added, 1)):
            for j in self._numbers(features, known):
                if j is not None:
                    touched.setdefault(j, counts.get(j, 0))
                    counts[j] = counts.get(j, 0) + step
        dots, squared, taken = list(scored.dots), scored.squared_norm, 0.0
        for j, before in touched.items():
            after = counts[j]
            if after == 0:
                del counts[j]
            if after == before:
                continue
            then, now, idf_squared = _factor(before), _factor(after), self.idf[j] ** 2
            taken += then ** 2 * idf_squared
            squared += (now ** 2 - then ** 2) * idf_squared
            dots = list(map(add, dots, map(mul, self._row_of(j), repeat(now - then))))
        if taken > 0.5 * scored.squared_norm:
            # Most of the text changed (a draft that is all organisation names): subtracting would
            # lose the digits that are left, so the sums are made afresh.
            return self.scored(self.tallied(counts))
        return Scored(counts, squared, tuple(dots))

    def _row_of(self, j: int) -> tuple[float, ...]:
        """Feature ``j``'s idf times its coefficient, for each column."""
        return self._row.unpack_from(self._rows, self._size * self.width * j)

    def probabilities(self, scored: Scored, indicators: Iterable[str] = (), pack: str | None = None) -> list[float]:
        """Each category's probability for the text with these indicators set, read for ``pack``
        (its own columns added), as scikit-learn's ``predict_proba`` gives it."""
        norm = math.sqrt(scored.squared_norm) or 1.0
        logits = [b + dot / norm for b, dot in zip(self.intercepts, scored.dots)]
        for column, (category, column_pack) in enumerate(self.pack_columns, start=len(self.categories)):
            if column_pack == pack:
                logits[category] += scored.dots[column] / norm
        for name in indicators:
            weights = self.indicators.get(name)
            if weights is not None:
                logits = list(map(add, logits, weights))
        return [_sigmoid(x) for x in logits]

    def probability(self, counted: Counted, category: int, indicators: Iterable[str] = (), pack: str | None = None) -> float:
        """``probabilities(...)[category]``, the same sums in the same order, with no other column's
        weights read: what weighing a sentence for one category needs."""
        norm = math.sqrt(counted.squared_norm) or 1.0
        logit = self.intercepts[category]
        for column in self._columns(category, pack):
            logit += self._dot(counted, column) / norm
        for name in indicators:
            weights = self.indicators.get(name)
            if weights is not None:
                logit += weights[category]
        return _sigmoid(logit)

    def _columns(self, category: int, pack: str | None) -> list[int]:
        """The columns a category's score read for ``pack`` adds up: the category's, then the pack's own
        for it (worked out once: every sentence weighed asks)."""
        columns = self._columns_of.get((category, pack))
        if columns is None:
            columns = self._columns_of[category, pack] = [category] + [
                c for c, (k, p) in enumerate(self.pack_columns, start=len(self.categories)) if k == category and p == pack
            ]
        return columns

    def _dot(self, counted: Counted, column: int) -> float:
        """One column of ``scored``'s sums."""
        if column not in counted.sums:
            counted.sums[column] = sum(_weighted(self._column(counted.counts, column), counted.repeated))
        return counted.sums[column]

    def _column(self, counts: dict[int, int], column: int) -> list[float]:
        """Each feature's idf times its coefficient in the column, in the order of ``counts``."""
        weights, width = self._weights, self.width
        return [weights[column + width * j] for j in counts]

    def contributions(self, scored: Scored, category: int, pack: str | None = None) -> Iterator[tuple[float, str]]:
        """What each feature of the text added to a category's score read for ``pack``, the largest
        first, of those that added to it (a feature that took from it explains no finding). Only
        the features read are decoded: a finding's reasons need the first few."""
        norm = math.sqrt(scored.squared_norm) or 1.0
        first, *more = self._columns(category, pack)
        weights = self._column(scored.counts, first)
        for column in more:
            weights = list(map(add, weights, self._column(scored.counts, column)))
        found = [(_factor(tf) * w / norm, j) for (j, tf), w in zip(scored.counts.items(), weights) if w > 0]
        found.sort(key=itemgetter(0), reverse=True)
        for _, alike in groupby(found, key=itemgetter(0)):  # features that weigh the same: the greater name first
            yield from sorted(((weight, self.vocabulary[j]) for weight, j in alike), reverse=True)


def read_header(stream: BinaryIO, name: str = "model") -> dict[str, Any]:
    """A model file's header, the stream left where the vocabulary starts: all ``hello`` needs to
    say what the model is, without reading its weights."""
    if stream.read(len(MAGIC)) != MAGIC:
        raise ModelFileError(f"{name}: not a Decorum model file (it should start with {MAGIC!r})")
    try:
        header = json.loads(stream.read(int(stream.read(_HEADER_DIGITS))))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelFileError(f"{name}: the model file is damaged ({type(exc).__name__}: {exc})") from exc
    if not isinstance(header, dict):
        raise ModelFileError(f"{name}: the model file is damaged (its header is not a JSON object)")
    return header


def _weighted(terms: list[float], repeated: list[tuple[int, float]]) -> list[float]:
    """``terms``, one per feature, with each repeated feature's multiplied by its factor (a factor
    of 1 would change no term)."""
    for i, factor in repeated:
        terms[i] *= factor
    return terms


def _factor(tf: int) -> float:
    """Sublinear term frequency: a feature met tf times counts 1 + ln tf times (0 when absent)."""
    return 0.0 if tf == 0 else 1.0 if tf == 1 else 1.0 + math.log(tf)


def _floats(chunk: bytes) -> array:
    values = array("d")
    values.frombytes(chunk)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def write(path: Path, header: dict[str, Any], vocabulary: list[str], idf: Iterable[float], weights: Iterable[float], stored: str = "float32") -> None:
    """Write a model file (``tools/train_model.py``): ``weights`` row by feature, each the feature's
    idf times its coefficient for each column, ``stored`` as one of WEIGHT_TYPES."""
    if any("\n" in feature for feature in vocabulary):
        raise ValueError("a feature holds a line break")
    vocabulary_bytes = "\n".join(vocabulary).encode("utf-8")
    header = {**header, "features": len(vocabulary), "vocabulary_bytes": len(vocabulary_bytes), "weights": stored}
    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    idf_array, weight_array = array("d", idf), array(WEIGHT_TYPES[stored], weights)
    if sys.byteorder == "big":
        idf_array.byteswap()
        weight_array.byteswap()
    path.write_bytes(
        MAGIC + b"%0*d" % (_HEADER_DIGITS, len(header_bytes)) + header_bytes + vocabulary_bytes
        + idf_array.tobytes() + weight_array.tobytes()
    )
