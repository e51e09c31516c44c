"""How long `engine.check` takes in-process: per draft length, and per character as drafts grow."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import engine

from bench.drafts import Source, drafts_of_length
from bench.hostile import hostile_drafts
from bench.stats import Timings

# Every pack on, as a member of all of these societies would have them.
PACKS = ("icis", "icis-2013", "ipem", "society", "rcr")
SOCIETY_IDENTITY = {
    "society": {
        "names": ["British Society of Clinical Imaging"],
        "acronyms": ["BSCI"],
        "handles": ["@BSCI_UK"],
    }
}
SITE = "x"
# Distinct drafts per length, taken in turn, so no single post's quirks decide a figure.
DISTINCT_DRAFTS = 64
# Checks of each new length before its timed runs, so that the first timed run is not special.
UNTIMED_PER_LENGTH = 2
ENGINE_LOGGER = "decorum.engine"


@dataclass(frozen=True)
class SizePoint:
    """Time for drafts of one length, and what that is per character."""

    chars: int
    timings: Timings

    @property
    def us_per_char(self) -> float:
        return self.timings.median_ms * 1000 / self.chars


@dataclass(frozen=True)
class Measured:
    """Wall-clock time (what the user waits) and the process's CPU time for the same calls.

    On a shared machine the two part: waiting for a core shows in wall time only, so CPU time
    tells the engine's own cost apart from the neighbours'.
    """

    wall: Timings
    cpu: Timings


class EngineWarnings(logging.Handler):
    """Counts the warnings the engine logs while it is timed, and keeps the first.

    A pattern that timed out was skipped: a figure taken alongside such warnings is fast partly
    because work was dropped.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        self.first = ""

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        self.first = self.first or record.getMessage()

    @classmethod
    def watch(cls) -> EngineWarnings:
        counter = cls()
        logging.getLogger(ENGINE_LOGGER).addHandler(counter)
        return counter


def check(text: str) -> list[engine.Finding]:
    """The call the host makes for every pause in typing, with every pack on."""
    return engine.check(text, PACKS, SOCIETY_IDENTITY, SITE)


@dataclass(frozen=True)
class HostileCheck:
    """One hostile draft at the size limit, checked with all packs, without and with the society identity."""

    name: str
    cpu_plain: Timings  # the process's CPU time, no identity given
    cpu_identity: Timings  # the same, with the society identity
    wall_worst_ms: float
    # How far the process's peak resident memory rose above what it held before the check (None: not measurable here).
    peak_growth_kib: int | None
    incomplete: tuple[str, ...]  # rules that could not finish (a pattern stopped as runaway)

    @property
    def cpu_worst_ms(self) -> float:
        return max(self.cpu_plain.median_ms, self.cpu_identity.median_ms)


def time_hostile(runs: int) -> list[HostileCheck]:
    """Each hostile draft (bench/hostile.py) at 63,206 UTF-16 units, `runs` times each way."""
    measured = []
    for name, draft in hostile_drafts().items():
        cpu: dict[bool, list[int]] = {False: [], True: []}
        wall, growth, incomplete = 0, None, set()
        for _ in range(runs):
            for with_identity in (False, True):
                identity = SOCIETY_IDENTITY if with_identity else None
                started, cpu_started, rss_before = time.perf_counter_ns(), time.process_time_ns(), _reset_peak_rss()
                report = engine.check_report(draft, PACKS, identity, SITE)
                cpu[with_identity].append(time.process_time_ns() - cpu_started)
                wall = max(wall, time.perf_counter_ns() - started)
                peak = _peak_rss_kib()
                if rss_before is not None and peak is not None:
                    growth = max(growth or 0, peak - rss_before)
                incomplete.update(report.incomplete)
        measured.append(HostileCheck(name, Timings.of(cpu[False]), Timings.of(cpu[True]), wall / 1e6, growth,
                                     tuple(sorted(incomplete))))
    return measured


def _reset_peak_rss() -> int | None:
    """Start the kernel's count of peak resident memory afresh (Linux); the resident memory now, in KiB."""
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        return None
    return _status_kib("VmRSS")


def _peak_rss_kib() -> int | None:
    return _status_kib("VmHWM")


def _status_kib(field: str) -> int | None:
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def warm_up(source: Source, calls: int) -> None:
    """Load and compile every pack and pattern, as the host does once it serves, before anything is timed."""
    engine.warm()
    check("")  # builds the society pack for the benchmark's identity
    engine.warm()
    for draft in drafts_of_length(source, 3_000, calls):
        check(draft)


def time_drafts(source: Source, chars: int, runs: int, one_paragraph: bool = False) -> Measured:
    """`runs` timed checks of `chars`-character drafts, cycling through distinct drafts."""
    drafts = drafts_of_length(source, chars, min(DISTINCT_DRAFTS, runs), one_paragraph)
    for draft in drafts[:UNTIMED_PER_LENGTH]:
        check(draft)
    return _time_calls(check, drafts, runs)


def time_per_char(source: Source, sizes: tuple[int, ...], runs_for: Callable[[int], int]) -> list[SizePoint]:
    """Median time at each draft length; flat µs/char means time grows linearly with the draft.

    The runs of every length are interleaved, each length's spread evenly over the whole
    measurement, so that a burst of other work on the machine weighs on all lengths alike
    rather than on whichever length was being timed when it came.
    """
    drafts = {chars: drafts_of_length(source, chars, min(DISTINCT_DRAFTS, runs_for(chars))) for chars in sizes}
    for chars in sizes:
        for draft in drafts[chars][:UNTIMED_PER_LENGTH]:
            check(draft)
    schedule = sorted(((n + 0.5) / runs_for(chars), chars, n) for chars in sizes for n in range(runs_for(chars)))
    durations: dict[int, list[int]] = {chars: [] for chars in sizes}
    clock = time.perf_counter_ns
    for _, chars, n in schedule:
        draft = drafts[chars][n % len(drafts[chars])]
        started = clock()
        check(draft)
        durations[chars].append(clock() - started)
    return [SizePoint(chars, Timings.of(durations[chars])) for chars in sizes]


def flatness(points: list[SizePoint]) -> float:
    """The largest µs/char over the smallest: 1.0 is perfectly linear."""
    per_char = [point.us_per_char for point in points]
    return max(per_char) / min(per_char)


def _time_calls(call: Callable[[str], object], drafts: list[str], runs: int) -> Measured:
    clock, cpu_clock = time.perf_counter_ns, time.process_time_ns
    wall, cpu = [], []
    for n in range(runs):
        draft = drafts[n % len(drafts)]
        started, cpu_started = clock(), cpu_clock()
        call(draft)
        cpu.append(cpu_clock() - cpu_started)
        wall.append(clock() - started)
    return Measured(Timings.of(wall), Timings.of(cpu))
