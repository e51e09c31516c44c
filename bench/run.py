"""Measure the engine and the native host and print the figures; `--write BENCHMARKS.md` records them.

    .venv/bin/python bench/run.py                        # full run (a few minutes), table on stdout
    .venv/bin/python bench/run.py --write BENCHMARKS.md  # and replace the table in BENCHMARKS.md
    .venv/bin/python bench/run.py --quick                # smoke run, about half a minute
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

# Run as a script (`python bench/run.py`), Python puts bench/ on the path, not the repository.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import engine_speed, host_speed, model_load, report, typing_speed  # noqa: E402
from bench.drafts import DEFAULT_CORPUS, load_source  # noqa: E402

SHORT_CHARS = 280  # an X post
LONG_CHARS = 3_000  # a LinkedIn post
PER_CHAR_SIZES = (300, 1_000, 3_000, 10_000, 30_000, 60_000)


@dataclass(frozen=True)
class Plan:
    """How many times each thing is measured."""

    warm_up_checks: int
    short_runs: int
    long_runs: int
    per_char_budget_chars: int  # each length gets about this many characters' worth of runs…
    per_char_runs: tuple[int, int]  # …within these bounds
    round_trips: int
    typed_short: int  # drafts typed word by word, short and long
    typed_long: int
    host_warm_up_checks: int
    cold_starts: int
    hostile_runs: int
    model_reads: int

    def runs_for(self, chars: int) -> int:
        low, high = self.per_char_runs
        return max(low, min(high, self.per_char_budget_chars // chars))


FULL = Plan(
    warm_up_checks=50, short_runs=2_000, long_runs=500, per_char_budget_chars=300_000, per_char_runs=(11, 1_000),
    round_trips=5_000, typed_short=64, typed_long=32, host_warm_up_checks=50, cold_starts=10, hostile_runs=3, model_reads=10,
)
# About 25 s on a busy machine, most of it the hostile drafts; a cold start alone loads every pack.
QUICK = Plan(
    warm_up_checks=10, short_runs=200, long_runs=30, per_char_budget_chars=20_000, per_char_runs=(3, 60),
    round_trips=100, typed_short=8, typed_long=4, host_warm_up_checks=10, cold_starts=1, hostile_runs=1, model_reads=3,
)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    plan = QUICK if args.quick else FULL
    load_at_start = os.getloadavg()[0]
    corpus = None if args.corpus == "none" else Path(args.corpus)
    if corpus is not None and not corpus.is_file():
        # Said aloud: the samples' figures are not comparable with those cut from the corpus.
        _progress(f"warning: {corpus} is not there; measuring the built-in samples instead (not comparable with BENCHMARKS.md)")
    source = load_source(corpus)

    engine_warnings = engine_speed.EngineWarnings.watch()
    _progress(f"drafts: {source.origin}; warming up the engine")
    try:
        engine_speed.warm_up(source, plan.warm_up_checks)
    except engine_speed.LearnedCheckerOff as off:
        print(f"bench: {off}", file=sys.stderr)
        return 1
    each = "the rules alone and combined, in turn"
    _progress(f"engine.check: {plan.short_runs:,} × {SHORT_CHARS:,} chars, {each}")
    short = engine_speed.time_drafts(source, SHORT_CHARS, plan.short_runs)
    _progress(f"engine.check: {plan.long_runs:,} × {LONG_CHARS:,} chars, {each}")
    long = engine_speed.time_drafts(source, LONG_CHARS, plan.long_runs)
    _progress(f"engine.check: {plan.long_runs:,} × {LONG_CHARS:,} chars in one paragraph, {each}")
    long_one_paragraph = engine_speed.time_drafts(source, LONG_CHARS, plan.long_runs, one_paragraph=True)
    _progress(f"typing: {plan.typed_short} drafts of {SHORT_CHARS:,} chars and {plan.typed_long} of {LONG_CHARS:,}, "
              f"checked at every word and at three edits, {each}")
    typed = [typing_speed.time_typing(source, chars, drafts)
             for chars, drafts in ((SHORT_CHARS, plan.typed_short), (LONG_CHARS, plan.typed_long))]
    _progress(f"time per character: {', '.join(f'{n:,}' for n in PER_CHAR_SIZES)} chars, as a thread and in one "
              f"paragraph, {each}")
    per_char = engine_speed.time_per_char(source, PER_CHAR_SIZES, plan.runs_for)
    scans = {chars: engine_speed.scans_of(source, chars) for chars in PER_CHAR_SIZES}
    _progress(f"hostile drafts at the size limit: {plan.hostile_runs} × each, combined without and with the "
              "identity, and the rules alone")
    hostile = engine_speed.time_hostile(plan.hostile_runs)
    _progress(f"the learned checker's model: {plan.model_reads} reads, and its memory in a fresh process")
    try:
        model = model_load.time_model_load(plan.model_reads)
    except model_load.ProbeFailed as failure:
        print(f"bench: the model's memory could not be measured: {failure}", file=sys.stderr)
        return 1
    _progress(f"decorum-host: {plan.round_trips:,} round trips over one connection, to a host with the learned "
              "checker and one without, in turn")
    try:
        trips = host_speed.round_trips(source, SHORT_CHARS, plan.round_trips, plan.host_warm_up_checks)
        _progress(f"decorum-host: {plan.cold_starts} cold starts")
        cold = host_speed.cold_starts(plan.cold_starts)
    except host_speed.HostFailed as failure:
        print(f"bench: the host could not be measured: {failure}", file=sys.stderr)
        return 1

    results = report.Results(
        quick=args.quick, drafts_origin=source.origin, short_chars=SHORT_CHARS, long_chars=LONG_CHARS,
        short=short, long=long, long_one_paragraph=long_one_paragraph, typed=typed, per_char=per_char, scans=scans, hostile=hostile,
        model_load=model, round_trips=trips, cold_start=cold,
        engine_warnings=(engine_warnings.count, engine_warnings.first), load=(load_at_start, os.getloadavg()[0]),
    )
    print(report.as_text(results), end="")
    if args.write:
        report.write_between_markers(Path(args.write), report.as_markdown(results))
        _progress(f"wrote the table into {args.write}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few runs of each measure: a smoke test, not figures")
    parser.add_argument("--write", metavar="PATH", help="put the markdown table between the bench markers of PATH")
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS),
                        help="JSON lines with a 'text' field to cut drafts from (default: %(default)s; "
                             "'none', or a missing file, means the built-in samples)")
    return parser


def _progress(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
