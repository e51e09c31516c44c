"""The benchmark's figures as tables: aligned text for the terminal, markdown for BENCHMARKS.md."""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench.drafts import REPO_ROOT
from bench.engine_speed import HostileCheck, Measured, SizePoint, flatness
from engine.text import MAX_DRAFT_UTF16_UNITS
from bench.host_speed import ColdStarts, RoundTrips

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


@dataclass(frozen=True)
class Results:
    """Everything one run measured, and under what conditions."""

    quick: bool
    drafts_origin: str
    short_chars: int
    long_chars: int
    short: Measured
    long: Measured
    # The long drafts again with no blank line anywhere: the engine matches paragraph by paragraph,
    # and this is what a long draft costs when it is all one (not a target; shown beside them).
    long_one_paragraph: Measured
    per_char: list[SizePoint]
    hostile: list[HostileCheck]
    round_trips: RoundTrips
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
    return [_targets(results), _engine(results), _per_char(results), _hostile(results.hostile), _host(results),
            _memory(results.round_trips)]


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
    facts = [f"Drafts: cut from {results.drafts_origin}; packs: all five, with the society identity (BSCI)"]
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
    short, long = f"{results.short_chars:,}", f"{results.long_chars:,}"
    flat = flatness(results.per_char)
    sizes = results.per_char
    worst = max(check.cpu_worst_ms for check in results.hostile)
    rows = [
        (f"{short} chars, median", f"≤ {SHORT_MEDIAN_MS} ms", _ms(results.short.wall.median_ms),
         _verdict(results.short.wall.median_ms <= SHORT_MEDIAN_MS)),
        (f"{short} chars, p99", f"≤ {SHORT_P99_MS:g} ms", _ms(results.short.wall.p99_ms),
         _verdict(results.short.wall.p99_ms <= SHORT_P99_MS)),
        (f"{long} chars, p99", f"≤ {LONG_P99_MS:g} ms", _ms(results.long.wall.p99_ms),
         _verdict(results.long.wall.p99_ms <= LONG_P99_MS)),
        (f"µs/char flat, {sizes[0].chars:,} to {sizes[-1].chars:,} chars",
         f"largest / smallest ≤ {FLATNESS_LIMIT:g}", f"{flat:.2f}", _verdict(flat <= FLATNESS_LIMIT)),
        (f"worst hostile draft, {MAX_DRAFT_UTF16_UNITS:,} units, CPU", f"≤ {HOSTILE_CPU_MS:,.0f} ms", _ms(worst),
         _verdict(worst <= HOSTILE_CPU_MS)),
    ]
    return Table("Targets (engine.check, all five packs)", ("target", "budget", "measured", "result"), rows,
                 frozenset({2}))


def _engine(results: Results) -> Table:
    drafts = (
        (f"{results.short_chars:,} chars", results.short),
        (f"{results.long_chars:,} chars", results.long),
        (f"{results.long_chars:,} chars, one paragraph", results.long_one_paragraph),
    )
    rows = [
        (name, f"{m.wall.runs:,}", _ms(m.wall.median_ms), _ms(m.wall.p99_ms), _ms(m.wall.max_ms),
         _ms(m.cpu.median_ms), _ms(m.cpu.p99_ms))
        for name, m in drafts
    ]
    headers = ("draft", "runs", "median", "p99", "max", "CPU median", "CPU p99")
    return Table("engine.check, in-process, after warm-up (wall clock; CPU time of the process beside it)",
                 headers, rows, frozenset({1, 2, 3, 4, 5, 6}))


def _per_char(results: Results) -> Table:
    rows = [
        (f"{point.chars:,} chars", f"{point.timings.runs:,}", _ms(point.timings.median_ms), f"{point.us_per_char:.2f}")
        for point in results.per_char
    ]
    rows.append(("flatness (largest / smallest µs/char)", "", "", f"{flatness(results.per_char):.2f}"))
    return Table("Time per character (engine.check, median)", ("draft", "runs", "median", "µs/char"), rows,
                 frozenset({1, 2, 3}))


def _hostile(checks: list[HostileCheck]) -> Table:
    rows = [
        (check.name, _ms(check.cpu_plain.median_ms), _ms(check.cpu_identity.median_ms), _ms(check.wall_worst_ms),
         "n/a" if check.peak_growth_kib is None else _mib(check.peak_growth_kib), ", ".join(check.incomplete) or "none")
        for check in checks
    ]
    headers = ("draft", "CPU median", "CPU, with identity", "wall, worst", "peak memory growth", "did not finish")
    return Table(f"Hostile drafts at the size limit ({MAX_DRAFT_UTF16_UNITS:,} UTF-16 units), all five packs "
                 f"(CPU time of the process, median of {checks[0].cpu_plain.runs} each)",
                 headers, rows, frozenset({1, 2, 3, 4}))


def _host(results: Results) -> Table:
    trips, cold = results.round_trips.timings, results.cold_start
    rows = [
        (f"round trip, {results.short_chars:,}-char check, one connection", f"{trips.runs:,}", _ms(trips.median_ms),
         _ms(trips.p99_ms), _ms(trips.max_ms)),
        ("of which engine time (the host's elapsed_ms, median)", "", _ms(results.round_trips.engine_median_ms), "", ""),
        ("cold start: spawn to first hello, patterns analysed afresh", f"{cold.first.runs:,}", _ms(cold.first.median_ms),
         _ms(cold.first.p99_ms), _ms(cold.first.max_ms)),
        ("cold start: spawn to first hello, analysis read back", f"{cold.later.runs:,}", _ms(cold.later.median_ms),
         _ms(cold.later.p99_ms), _ms(cold.later.max_ms)),
    ]
    return Table("decorum-host over stdin/stdout frames", ("measure", "runs", "median", "p99", "max"), rows,
                 frozenset({1, 2, 3, 4}))


def _memory(trips: RoundTrips) -> Table:
    rows = [
        ("after start-up (packs loaded, hello answered)", _mib(trips.rss_started_kib)),
        (f"after warm-up (+{trips.warm_up_checks:,} checks)", _mib(trips.rss_warm_kib)),
        (f"after the round-trip run (+{trips.timings.runs:,} checks)", _mib(trips.rss_after_kib)),
    ]
    return Table("decorum-host resident memory (VmRSS)", ("when", "VmRSS"), rows, frozenset({1}))


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
