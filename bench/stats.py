"""Timings in nanoseconds and the figures reported from them."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Timings:
    """Durations of repeated runs, in nanoseconds, sorted."""

    ns: tuple[int, ...]

    @classmethod
    def of(cls, durations_ns: list[int]) -> Timings:
        if not durations_ns:
            raise ValueError("no timings: a measurement needs at least one run")
        return cls(tuple(sorted(durations_ns)))

    @property
    def runs(self) -> int:
        return len(self.ns)

    @property
    def median_ms(self) -> float:
        middle = len(self.ns) // 2
        median = self.ns[middle] if len(self.ns) % 2 else (self.ns[middle - 1] + self.ns[middle]) / 2
        return median / 1e6

    @property
    def p99_ms(self) -> float:
        return self.percentile_ms(99)

    @property
    def max_ms(self) -> float:
        return self.ns[-1] / 1e6

    def percentile_ms(self, q: float) -> float:
        """Nearest-rank percentile: a time that was actually measured, never interpolated."""
        rank = max(1, math.ceil(q / 100 * len(self.ns)))
        return self.ns[rank - 1] / 1e6
