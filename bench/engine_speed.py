"""How long `engine.check` takes in-process: per draft length, rules alone and combined with the
learned checker, and per character as drafts grow."""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import engine
from engine.learned import default_checker
from engine.matching import scanning

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
# Side by side: the rules alone, and what the engine does by default (rules and learned checker).
RULES, COMBINED = "rules", "combined"
DETECTIONS = (RULES, COMBINED)


@dataclass(frozen=True)
class SizePoint:
    """Time for drafts of one length, and what that is per character."""

    chars: int
    timings: Timings

    @property
    def us_per_char(self) -> float:
        return self.timings.median_ms * 1000 / self.chars


class LearnedCheckerOff(RuntimeError):
    """The learned checker could not be loaded here, so "combined" would measure the rules alone."""


@dataclass(frozen=True)
class Measured:
    """Wall-clock time (what the user waits) and the process's CPU time for the same calls.

    On a shared machine the two part: waiting for a core shows in wall time only, so CPU time
    tells the engine's own cost apart from the neighbours'.
    """

    wall: Timings
    cpu: Timings


@dataclass(frozen=True)
class SideBySide:
    """The same drafts checked by the rules alone and combined, each draft by both in turn."""

    rules: Measured
    combined: Measured
    # The median over the drafts of combined less rules, each pair checked back to back: what the
    # learned checker adds, less exposed to bursts of other work than two medians taken apart.
    added_median_ms: float


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


def in_turn(round_number: int) -> tuple[str, ...]:
    """Both detections in the order of this round: which goes first alternates, so that neither
    always finds the caches the other left."""
    return DETECTIONS if round_number % 2 == 0 else DETECTIONS[::-1]


def check(text: str, detection: str = COMBINED, box: engine.Recall | None = None) -> list[engine.Finding]:
    """The call the host makes for every pause in typing, with every pack on. ``box``: the compose
    box the draft is typed in (bench/typing_speed.py); None for a draft checked on its own."""
    return engine.check(text, PACKS, SOCIETY_IDENTITY, detection=detection, recall=box)


@dataclass(frozen=True)
class HostileCheck:
    """One hostile draft at the size limit, checked with all packs, without and with the society
    identity, and by the rules alone."""

    name: str
    cpu_plain: Timings  # the process's CPU time, combined, no identity given
    cpu_identity: Timings  # the same, with the society identity
    cpu_rules: Timings  # the rules alone, no identity given
    wall_worst_ms: float
    # How far the process's peak resident memory rose above what it held before the check (None: not measurable here).
    peak_growth_kib: int | None
    incomplete: tuple[str, ...]  # rules that could not finish (a pattern stopped as runaway)

    @property
    def cpu_worst_ms(self) -> float:
        return max(self.cpu_plain.median_ms, self.cpu_identity.median_ms)


# How each hostile draft is checked: (identity, detection).
HOSTILE_WAYS = ((None, COMBINED), (SOCIETY_IDENTITY, COMBINED), (None, RULES))


def time_hostile(runs: int) -> list[HostileCheck]:
    """Each hostile draft (bench/hostile.py) at 63,206 UTF-16 units, `runs` times each way."""
    measured = []
    for name, draft in hostile_drafts().items():
        cpu: list[list[int]] = [[] for _ in HOSTILE_WAYS]
        wall, growth, incomplete = 0, None, set()
        for _ in range(runs):
            for way, (identity, detection) in enumerate(HOSTILE_WAYS):
                started, cpu_started, rss_before = time.perf_counter_ns(), time.process_time_ns(), _reset_peak_rss()
                report = engine.check_report(draft, PACKS, identity, detection=detection)
                cpu[way].append(time.process_time_ns() - cpu_started)
                if detection == COMBINED:
                    wall = max(wall, time.perf_counter_ns() - started)
                peak = _peak_rss_kib()
                if rss_before is not None and peak is not None:
                    growth = max(growth or 0, peak - rss_before)
                incomplete.update(report.incomplete)
        measured.append(HostileCheck(name, *map(Timings.of, cpu), wall / 1e6, growth, tuple(sorted(incomplete))))
    return measured


def _reset_peak_rss() -> int | None:
    """Start the kernel's count of peak resident memory afresh (Linux); the resident memory now, in KiB."""
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        return None
    return status_kib("VmRSS")


def _peak_rss_kib() -> int | None:
    return status_kib("VmHWM")


def status_kib(field: str, pid: int | str = "self") -> int | None:
    """A memory figure of a process, in KiB, as the kernel reports it (Linux; None elsewhere)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def warm_up(source: Source, calls: int) -> None:
    """Load and compile every pack and pattern, and read the model, as the host does once it
    serves, before anything is timed."""
    engine.warm()
    if default_checker() is None:
        raise LearnedCheckerOff("the learned checker is off (DECORUM_MODEL=off, or its model could not be read: "
                                "see the log above), so the combined figures would be the rules' alone")
    check("")  # builds the society pack for the benchmark's identity
    engine.warm()
    for draft in drafts_of_length(source, 3_000, calls):
        check(draft)


def time_drafts(source: Source, chars: int, runs: int, one_paragraph: bool = False) -> SideBySide:
    """`runs` rounds of `chars`-character drafts, cycling through distinct drafts; in each round
    one draft is checked by the rules alone and combined, back to back (`in_turn`), so that a burst
    of other work on the machine weighs on both alike.
    """
    drafts = drafts_of_length(source, chars, min(DISTINCT_DRAFTS, runs), one_paragraph)
    for draft in drafts[:UNTIMED_PER_LENGTH]:
        for detection in DETECTIONS:
            check(draft, detection)
    wall: dict[str, list[int]] = {d: [] for d in DETECTIONS}
    cpu: dict[str, list[int]] = {d: [] for d in DETECTIONS}
    for n in range(runs):
        draft = drafts[n % len(drafts)]
        for detection in in_turn(n):
            started, cpu_started = time.perf_counter_ns(), time.process_time_ns()
            check(draft, detection)
            cpu[detection].append(time.process_time_ns() - cpu_started)
            wall[detection].append(time.perf_counter_ns() - started)
    added = statistics.median(c - r for r, c in zip(wall[RULES], wall[COMBINED])) / 1e6
    rules, combined = (Measured(Timings.of(wall[d]), Timings.of(cpu[d])) for d in (RULES, COMBINED))
    return SideBySide(rules, combined, added)


# The two shapes of a long draft (bench/drafts.py): posts with a blank line between them, the way
# a thread reads, and the same posts in one paragraph, the engine's worst case (issue 11, part 8).
THREAD, ONE_PARAGRAPH = "thread", "one paragraph"
SHAPES = (THREAD, ONE_PARAGRAPH)


def time_per_char(
    source: Source, sizes: tuple[int, ...], runs_for: Callable[[int], int]
) -> dict[str, dict[str, list[SizePoint]]]:
    """Median time at each draft length, for each shape of draft, by the rules alone and combined;
    flat µs/char means time grows linearly with the draft.

    The runs of every length and shape are interleaved, each spread evenly over the whole
    measurement, so that a burst of other work on the machine weighs on all alike rather than on
    whichever was being timed when it came; each draft is checked both ways in turn, as in
    `time_drafts`, and the same posts in both shapes one after the other.
    """
    drafts = {
        (shape, chars): drafts_of_length(source, chars, min(DISTINCT_DRAFTS, runs_for(chars)), shape == ONE_PARAGRAPH)
        for shape in SHAPES for chars in sizes
    }
    for shaped in drafts.values():
        for draft in shaped[:UNTIMED_PER_LENGTH]:
            for detection in DETECTIONS:
                check(draft, detection)
    schedule = sorted(((n + 0.5) / runs_for(chars), chars, n) for chars in sizes for n in range(runs_for(chars)))
    durations = {shape: {d: {chars: [] for chars in sizes} for d in DETECTIONS} for shape in SHAPES}
    clock = time.perf_counter_ns
    for _, chars, n in schedule:
        for shape in SHAPES if n % 2 == 0 else SHAPES[::-1]:
            draft = drafts[shape, chars][n % len(drafts[shape, chars])]
            for detection in in_turn(n):
                started = clock()
                check(draft, detection)
                durations[shape][detection][chars].append(clock() - started)
    return {
        shape: {d: [SizePoint(chars, Timings.of(by_size[chars])) for chars in sizes] for d, by_size in by_detection.items()}
        for shape, by_detection in durations.items()
    }


@dataclass(frozen=True)
class Scans:
    """How much matching a check of a draft does: counted, not timed."""

    chars: int  # the draft's length
    scans: int  # patterns run (a mean, over several drafts)
    scanned: int  # characters they read, together

    @property
    def times_the_draft(self) -> float:
        return self.scanned / self.chars


def scans_in(text: str) -> Scans:
    """The scans a check of ``text`` by the rules runs, and the characters they read together:
    counted, not timed (the matches a scan finds do not depend on how much it reads)."""
    tally = [0, 0]
    matches = scanning._matches

    def counting(pattern, text, parts, timeout):
        tally[0] += 1
        tally[1] += sum(end - start for start, end in parts)
        return matches(pattern, text, parts, timeout)

    scanning._matches = counting
    try:
        check(text, RULES)
    finally:
        scanning._matches = matches
    return Scans(len(text), *tally)


# Drafts of each length whose scans are counted: one draft's posts decide too much.
COUNTED_DRAFTS = 8


def scans_of(source: Source, chars: int) -> dict[str, Scans]:
    """The scans of ``COUNTED_DRAFTS`` drafts of ``chars`` characters in each shape, per draft."""
    counted = {}
    for shape in SHAPES:
        each = [scans_in(draft) for draft in drafts_of_length(source, chars, COUNTED_DRAFTS, shape == ONE_PARAGRAPH)]
        counted[shape] = Scans(chars, round(sum(s.scans for s in each) / len(each)), round(sum(s.scanned for s in each) / len(each)))
    return counted


def shape_ratio(per_char: dict[str, dict[str, list[SizePoint]]], detection: str) -> list[float]:
    """At each length, µs/char of the draft in one paragraph over that of the same posts as a thread."""
    return [one.us_per_char / thread.us_per_char for thread, one in zip(per_char[THREAD][detection], per_char[ONE_PARAGRAPH][detection])]


def flatness(points: list[SizePoint]) -> float:
    """The largest µs/char over the smallest: 1.0 is perfectly linear."""
    per_char = [point.us_per_char for point in points]
    return max(per_char) / min(per_char)
