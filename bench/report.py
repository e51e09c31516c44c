"""The benchmark's figures as tables: aligned text for the terminal, markdown for BENCHMARKS.md."""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench.drafts import REPO_ROOT
from bench.engine_speed import (
    COMBINED, COUNTED_DRAFTS, DETECTIONS, ONE_PARAGRAPH, RULES, SHAPES, THREAD, HostileCheck, Measured, Scans, SideBySide,
    SizePoint, flatness, shape_ratio,
)
from engine.learned import MODEL_FILE, MODEL_VARIABLE
from engine.text import MAX_DRAFT_UTF16_UNITS
from bench.host_speed import ColdStarts, RoundTrips
from bench.model_load import ModelLoad
from bench.typing_speed import TYPED_AT_THE_END, Typed
from bench.stats import Timings

START_MARKER = "<!-- bench:start -->"
END_MARKER = "<!-- bench:end -->"

# The budgets of the speed issue. "Flat" is read as: no draft length costs more than twice
# per character what another does, i.e. time grows linearly with the draft.
SHORT_MEDIAN_MS = 0.5
SHORT_P99_MS = 2.0
LONG_P99_MS = 5.0
FLATNESS_LIMIT = 2.0
# The hardening issue's: every check of a draft within the size limit, whatever it holds, in CPU time.
HOSTILE_CPU_MS = 1_000.0
# Issue 11, part 8: a draft typed as one paragraph costs per character at most this many times
# what the same posts cost as a thread, at every length.
ONE_PARAGRAPH_RATIO = 1.5
# The learned checker's (issue #9): the engine with the model on, loading the model, and what the
# model adds to the host's resident memory.
COMBINED_SHORT_MEDIAN_MS = 1.0
COMBINED_LONG_P99_MS = 5.0
MODEL_LOAD_MS = 50.0
MODEL_RSS_MIB = 15.0
# Start-up and memory (issue #11): the popup's first hello with the stored pattern analysis, and the
# host's whole resident memory once it has checked 5,000 drafts, learned checker on.
COLD_START_MS = 300.0
HOST_RSS_MIB = 60.0


@dataclass(frozen=True)
class Results:
    """Everything one run measured, and under what conditions."""

    quick: bool
    drafts_origin: str
    short_chars: int
    long_chars: int
    short: SideBySide
    long: SideBySide
    # The long drafts again with no blank line anywhere: the engine matches paragraph by paragraph,
    # and this is what a long draft costs when it is all one (not a target; shown beside them).
    long_one_paragraph: SideBySide
    # Drafts typed word by word in one compose box and then edited, short and long (typing_speed.py).
    typed: list[Typed]
    per_char: dict[str, dict[str, list[SizePoint]]]  # by shape (a thread, one paragraph), then detection
    scans: dict[int, dict[str, Scans]]  # by length, then shape: the scans of a draft by the rules (a mean)
    hostile: list[HostileCheck]
    model_load: ModelLoad
    round_trips: dict[str, RoundTrips]  # by detection: the host as installed, and with the model off
    cold_start: ColdStarts
    # How many warnings the engine logged in-process (patterns that timed out), and the first.
    engine_warnings: tuple[int, str]
    # The 1-minute load average before and after: other work on the machine shows in every figure.
    load: tuple[float, float]


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[str, ...]]
    # Columns, by index, whose figures line up on the right.
    numeric: frozenset[int] = frozenset()


def machine(results: Results) -> list[str]:
    """Where and when the figures were taken, one fact a line."""
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return [
        f"Date: {now}",
        f"Machine: {_cores()} cores (nproc), {_cpu_model()}, {platform.system()} {platform.machine()}",
        f"Python: {platform.python_implementation()} {platform.python_version()}",
        f"Load (1-minute average): {results.load[0]:.2f} at start, {results.load[1]:.2f} at end",
        f"Code: {_commit()}",
    ]


def tables(results: Results) -> list[Table]:
    return [_targets(results), _engine(results), _typing(results), _per_char(results), _one_paragraph(results), _scans(results.scans),
            _hostile(results.hostile), _model_load(results.model_load), _host(results), _memory(results.round_trips)]


def as_text(results: Results) -> str:
    lines = ["Decorum benchmarks", ""]
    lines += machine(results)
    lines += _context(results)
    for table in tables(results):
        widths = [max(len(cell) for cell in column) for column in zip(table.headers, *table.rows)]
        lines += ["", table.title]
        lines.append(_text_row(table.headers, widths, table.numeric))
        lines.append("  ".join("-" * width for width in widths))
        lines += [_text_row(row, widths, table.numeric) for row in table.rows]
    return "\n".join(lines) + "\n"


def as_markdown(results: Results) -> str:
    lines = [f"- {fact}" for fact in machine(results) + _context(results)]
    for table in tables(results):
        lines += ["", f"**{table.title}**", ""]
        lines.append("| " + " | ".join(table.headers) + " |")
        rule = ("---:" if i in table.numeric else "---" for i in range(len(table.headers)))
        lines.append("| " + " | ".join(rule) + " |")
        lines += ["| " + " | ".join(row) + " |" for row in table.rows]
    return "\n".join(lines) + "\n"


def write_between_markers(path: Path, block: str) -> None:
    """Put `block` between the bench markers of `path`, keeping the rest; add the markers if missing."""
    fenced = f"{START_MARKER}\n{block}{END_MARKER}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    start = text.find(START_MARKER)
    end = text.find(END_MARKER, start)
    if start == -1 or end == -1:
        text = text.rstrip("\n") + "\n\n" + fenced + "\n"
    else:
        text = text[:start] + fenced + text[end + len(END_MARKER):]
    path.write_text(text, encoding="utf-8")


def _context(results: Results) -> list[str]:
    facts = [f"Drafts: cut from {results.drafts_origin}; packs: all five, with the society identity (BSCI)",
             f"Detection: {RULES} = the rules alone (detection=\"rules\"); {COMBINED} = the rules and the learned "
             "checker, as the engine checks by default (sensitivity balanced)"]
    count, first = results.engine_warnings
    if count:
        facts.append(f"ENGINE WARNINGS during the in-process run: {count:,} (first: {first[:160]}); "
                     "work the engine skipped makes its figures look faster")
    else:
        facts.append("Engine warnings during the in-process run: none (no pattern timed out)")
    if results.quick:
        facts.append("QUICK SMOKE RUN (--quick): too few runs for these figures to be trusted")
    return facts


def _targets(results: Results) -> Table:
    """The budgets are for what the user waits for: wall-clock time."""
    short, long = f"{results.short_chars:,} chars", f"{results.long_chars:,} chars"
    flat = {d: flatness(points) for d, points in results.per_char[THREAD].items()}
    sizes = results.per_char[THREAD][RULES]
    linear = f"µs/char flat, {sizes[0].chars:,} to {sizes[-1].chars:,} chars"
    shaped = f"µs/char in one paragraph / as a thread, {sizes[0].chars:,} to {sizes[-1].chars:,} chars"
    ratio = {d: max(shape_ratio(results.per_char, d)) for d in DETECTIONS}
    hostile = f"worst hostile draft, {MAX_DRAFT_UTF16_UNITS:,} units, CPU"
    worst = max(check.cpu_worst_ms for check in results.hostile)
    worst_rules = max(check.cpu_rules.median_ms for check in results.hostile)
    load = results.model_load.wall.median_ms
    model_rss_mib = _model_rss_kib(results.round_trips) / 1024
    host_rss_kib = results.round_trips[COMBINED].rss_after_kib
    typed_long = next(typed for typed in results.typed if typed.chars == results.long_chars)
    rows = [
        _target(f"{short}, median", RULES, SHORT_MEDIAN_MS, results.short.rules.wall.median_ms),
        _target(f"{short}, p99", RULES, SHORT_P99_MS, results.short.rules.wall.p99_ms),
        _target(f"{long}, p99", RULES, LONG_P99_MS, results.long.rules.wall.p99_ms),
        _flat(linear, RULES, flat[RULES]),
        _ratio(shaped, RULES, ratio[RULES]),
        _target(hostile, RULES, HOSTILE_CPU_MS, worst_rules),
        _flat(linear, COMBINED, flat[COMBINED]),
        _ratio(shaped, COMBINED, ratio[COMBINED]),
        _target(hostile, COMBINED, HOSTILE_CPU_MS, worst),
        _target(f"{short}, median", COMBINED, COMBINED_SHORT_MEDIAN_MS, results.short.combined.wall.median_ms),
        _target(f"{long}, p99", COMBINED, COMBINED_LONG_P99_MS, results.long.combined.wall.p99_ms),
        _target(f"{long} typed, p99 of the checks while typing", RULES, LONG_P99_MS, typed_long.checks[RULES].wall.p99_ms),
        _target(f"{long} typed, p99 of the checks while typing", COMBINED, COMBINED_LONG_P99_MS,
                typed_long.checks[COMBINED].wall.p99_ms),
        _target(f"model load: read and parse {MODEL_FILE.name}, median", "", MODEL_LOAD_MS, load),
        ("decorum-host VmRSS the model adds, largest of the three times", "", f"≤ {MODEL_RSS_MIB:g} MiB",
         f"{model_rss_mib:.1f} MiB", _verdict(model_rss_mib <= MODEL_RSS_MIB)),
        _target("decorum-host cold start to first hello, stored analysis, median", COMBINED, COLD_START_MS,
                results.cold_start.stored.wall.median_ms),
        (f"decorum-host VmRSS after {_checks(results.round_trips[COMBINED])} checks", COMBINED,
         f"≤ {HOST_RSS_MIB:g} MiB", _mib(host_rss_kib), _verdict(host_rss_kib / 1024 <= HOST_RSS_MIB)),
    ]
    return Table("Targets (all five packs)", ("target", "detection", "budget", "measured", "result"),
                 rows, frozenset({3}))


def _target(name: str, detection: str, budget_ms: float, measured_ms: float) -> tuple[str, ...]:
    return name, detection, f"≤ {budget_ms:,g} ms", _ms(measured_ms), _verdict(measured_ms <= budget_ms)


def _flat(name: str, detection: str, flat: float) -> tuple[str, ...]:
    budget = f"largest / smallest ≤ {FLATNESS_LIMIT:g}"
    return name, detection, budget, f"{flat:.2f}", _verdict(flat <= FLATNESS_LIMIT)


def _ratio(name: str, detection: str, largest: float) -> tuple[str, ...]:
    budget = f"largest ≤ {ONE_PARAGRAPH_RATIO:g}"
    return name, detection, budget, f"{largest:.2f}", _verdict(largest <= ONE_PARAGRAPH_RATIO)


def _model_rss_kib(trips: dict[str, RoundTrips]) -> int:
    """What the model adds to the host's VmRSS: the largest difference between the host as
    installed and the host with the learned checker off, after start-up, warm-up and the run."""
    return max(on - off for on, off in zip(_rss_kib(trips[COMBINED]), _rss_kib(trips[RULES])))


def _rss_kib(trips: RoundTrips) -> tuple[int, int, int]:
    return trips.rss_started_kib, trips.rss_warm_kib, trips.rss_after_kib


def _engine(results: Results) -> Table:
    drafts = (
        (f"{results.short_chars:,} chars", results.short),
        (f"{results.long_chars:,} chars", results.long),
        (f"{results.long_chars:,} chars, one paragraph", results.long_one_paragraph),
    )
    rows = [
        (name, f"{pair.rules.wall.runs:,}", *_figures(pair.rules), *_figures(pair.combined), _ms(pair.added_median_ms))
        for name, pair in drafts
    ]
    figures = ("median", "p99", "max", "CPU median")
    headers = ("draft", "runs", *(f"{d} {figure}" for d in DETECTIONS for figure in figures),
               "model adds (paired median)")
    return Table("engine.check, in-process, after warm-up: the rules alone and combined, each draft by both in turn "
                 "(wall clock; CPU time of the process beside it)", headers, rows, frozenset(range(1, 11)))


def _typing(results: Results) -> Table:
    """The checks of one compose box while a member types, beside the cold checks of drafts as long."""
    cold = {results.short_chars: results.short, results.long_chars: results.long}
    rows = []
    for typed in results.typed:
        how = "typed word by word" if typed.chars <= TYPED_AT_THE_END else f"its last {TYPED_AT_THE_END} typed word by word"
        for name, measured in ((f"{typed.chars:,} chars, {how}, then 3 edits", typed.checks),
                               (f"{typed.chars:,} chars, the 3 edits alone", typed.edits)):
            rows.append((name, f"{typed.drafts:,}", f"{measured[RULES].wall.runs:,}",
                         *(cell for d in DETECTIONS for cell in (
                             _ms(measured[d].wall.median_ms), _ms(measured[d].wall.p99_ms), _ms(measured[d].cpu.median_ms))),
                         *(_ms(getattr(cold[typed.chars], d).wall.p99_ms) for d in DETECTIONS)))
    headers = ("draft", "drafts", "checks", *(f"{d} {figure}" for d in DETECTIONS for figure in ("median", "p99", "CPU median")),
               *(f"cold {d} p99" for d in DETECTIONS))
    return Table("Typing: one compose box checked at every word a member finishes, then at a word inserted into its "
                 "first paragraph, a paste and a deletion (each draft by both in turn, each with a box of its own; cold: "
                 "independent drafts of that length, above)", headers, rows, frozenset(range(1, 11)))


def _figures(measured: Measured) -> tuple[str, ...]:
    return (_ms(measured.wall.median_ms), _ms(measured.wall.p99_ms), _ms(measured.wall.max_ms),
            _ms(measured.cpu.median_ms))


def _per_char(results: Results) -> Table:
    rules, combined = results.per_char[THREAD][RULES], results.per_char[THREAD][COMBINED]
    rows = [
        (f"{r.chars:,} chars", f"{r.timings.runs:,}", _ms(r.timings.median_ms), f"{r.us_per_char:.2f}",
         _ms(c.timings.median_ms), f"{c.us_per_char:.2f}")
        for r, c in zip(rules, combined)
    ]
    rows.append(("flatness (largest / smallest µs/char)", "", "", f"{flatness(rules):.2f}", "",
                 f"{flatness(combined):.2f}"))
    headers = ("draft", "runs", f"{RULES} median", f"{RULES} µs/char", f"{COMBINED} median", f"{COMBINED} µs/char")
    return Table("Time per character (engine.check, median; each draft by both in turn; posts as a thread)", headers, rows,
                 frozenset(range(1, 6)))


def _one_paragraph(results: Results) -> Table:
    """Issue 11, part 8: the same posts in one paragraph beside the thread, per character."""
    per_char = results.per_char
    ratios = {d: shape_ratio(per_char, d) for d in DETECTIONS}
    rows = [
        (f"{point.chars:,} chars", f"{point.timings.runs:,}",
         *(cell for d in DETECTIONS for cell in (
             f"{per_char[THREAD][d][k].us_per_char:.2f}", f"{per_char[ONE_PARAGRAPH][d][k].us_per_char:.2f}",
             f"{ratios[d][k]:.2f}")))
        for k, point in enumerate(per_char[THREAD][RULES])
    ]
    rows.append(("largest ratio", "", *(cell for d in DETECTIONS for cell in ("", "", f"{max(ratios[d]):.2f}"))))
    headers = ("draft", "runs", *(h for d in DETECTIONS for h in (
        f"{d} µs/char, thread", f"{d} µs/char, one paragraph", f"{d} ratio")))
    return Table("Time per character in one paragraph beside the same posts as a thread (issue 11, part 8; "
                 "median, the two shapes interleaved)", headers, rows, frozenset(range(1, 8)))


def _scans(scans: dict[int, dict[str, Scans]]) -> Table:
    """Issue 11, part 8, counted: no load on the machine changes these."""
    rows = [
        (f"{chars:,} chars", *(cell for shape in SHAPES for cell in (
            f"{by_shape[shape].scans:,}", f"{by_shape[shape].scanned:,}", f"{by_shape[shape].times_the_draft:.1f}×")),
         f"{by_shape[ONE_PARAGRAPH].scans / by_shape[THREAD].scans:.2f}")
        for chars, by_shape in scans.items()
    ]
    headers = ("draft", *(h for shape in SHAPES for h in (f"scans, {shape}", f"characters scanned, {shape}", "times the draft")),
               "scans, one paragraph / thread")
    return Table(f"Scans by the rules, counted (patterns run and the characters they read together; the mean of "
                 f"{COUNTED_DRAFTS} drafts of each length)", headers, rows, frozenset(range(1, 8)))


def _hostile(checks: list[HostileCheck]) -> Table:
    rows = [
        (check.name, _ms(check.cpu_plain.median_ms), _ms(check.cpu_identity.median_ms), _ms(check.wall_worst_ms),
         _ms(check.cpu_rules.median_ms),
         "n/a" if check.peak_growth_kib is None else _mib(check.peak_growth_kib), ", ".join(check.incomplete) or "none")
        for check in checks
    ]
    headers = ("draft", "CPU median", "CPU, with identity", "wall, worst", "CPU, rules alone", "peak memory growth",
               "did not finish")
    return Table(f"Hostile drafts at the size limit ({MAX_DRAFT_UTF16_UNITS:,} UTF-16 units), all five packs, "
                 f"combined unless said (CPU time of the process, median of {checks[0].cpu_plain.runs} each)",
                 headers, rows, frozenset({1, 2, 3, 4, 5}))


def _model_load(load: ModelLoad) -> Table:
    memory = load.memory
    rows = [
        (f"read and parse (LinearModel.read), median of {load.wall.runs}", _ms(load.wall.median_ms)),
        ("read and parse, slowest", _ms(load.wall.max_ms)),
        ("read and parse, CPU median", _ms(load.cpu.median_ms)),
        ("VmRSS it adds to a fresh process that imported the engine",
         "n/a" if memory.rss_growth_kib is None else _mib(memory.rss_growth_kib)),
        ("held by Python once read (tracemalloc)", _mib(memory.held_kib)),
        ("the most Python held while reading it (tracemalloc)", _mib(memory.peak_kib)),
    ]
    return Table(f"The learned checker's model ({MODEL_FILE.name}, {load.file_bytes / 1e6:.1f} MB): "
                 "read in-process, its memory in a fresh process",
                 ("measure", "figure"), rows, frozenset({1}))


def _host(results: Results) -> Table:
    trips, cold = results.round_trips, results.cold_start
    rows = [
        (f"round trip, {results.short_chars:,}-char check, one connection, {_learned(d)}", *_timed(trips[d].timings))
        for d in DETECTIONS
    ]
    rows += [
        (f"of which engine time (the host's elapsed_ms, median), {_learned(d)}", "",
         _ms(trips[d].engine_median_ms), "", "")
        for d in DETECTIONS
    ]
    rows = [(*row, "", "") for row in rows]
    for name, start in (
        ("stored pattern analysis (shipped beside the engine)", cold.stored),
        (f"stored pattern analysis, {_learned(RULES)}", cold.stored_rules),
        ("patterns analysed afresh (DECORUM_CACHE_DIR=off)", cold.afresh),
    ):
        rows.append((f"cold start: spawn to first hello, {name}", *_timed(start.wall), _ms(start.cpu.median_ms),
                     _ms(start.warm_up_cpu.median_ms)))
    return Table("decorum-host over stdin/stdout frames",
                 ("measure", "runs", "median", "p99", "max", "host CPU median", "warm-up after it, host CPU median"),
                 rows, frozenset({1, 2, 3, 4, 5, 6}))


def _checks(trips: RoundTrips) -> str:
    """How many checks a host had answered when its memory was read last."""
    return f"{trips.warm_up_checks + trips.timings.runs:,}"


def _learned(detection: str) -> str:
    return "learned checker on" if detection == COMBINED else f"learned checker off ({MODEL_VARIABLE}=off)"


def _timed(timings: Timings) -> tuple[str, ...]:
    return f"{timings.runs:,}", _ms(timings.median_ms), _ms(timings.p99_ms), _ms(timings.max_ms)


def _memory(trips: dict[str, RoundTrips]) -> Table:
    on, off = trips[COMBINED], trips[RULES]
    when = (
        "after start-up (hello answered; packs and model are loaded just after)",
        f"after warm-up (+{on.warm_up_checks:,} checks)",
        f"after the round-trip run (+{on.timings.runs:,} checks: {_checks(on)} in all)",
    )
    rows = [
        (moment, _mib(with_model), _mib(without), _mib(with_model - without))
        for moment, with_model, without in zip(when, _rss_kib(on), _rss_kib(off))
    ]
    return Table("decorum-host resident memory (VmRSS), two hosts side by side",
                 ("when", _learned(COMBINED), _learned(RULES), "the model's share"), rows, frozenset({1, 2, 3}))


def _text_row(cells: tuple[str, ...], widths: list[int], numeric: frozenset[int]) -> str:
    return "  ".join(
        cell.rjust(width) if i in numeric else cell.ljust(width) for i, (cell, width) in enumerate(zip(cells, widths))
    ).rstrip()


def _ms(ms: float) -> str:
    return f"{ms:.3f} ms" if ms < 10 else f"{ms:.1f} ms"


def _mib(kib: int) -> str:
    return f"{kib / 1024:.1f} MiB"


def _verdict(met: bool) -> str:
    return "PASS" if met else "MISS"


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() in ("model name", "Hardware", "cpu model"):
                return " ".join(value.split())
    except OSError:
        pass
    return platform.processor() or "CPU model unknown"


def _commit() -> str:
    """The commit measured, and whether the engine or host had changes not yet committed."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, check=True).stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        changed = git("status", "--porcelain", "--", "engine", "native_host")
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"commit {commit}" + (", with uncommitted changes in engine/ or native_host/" if changed else "")
