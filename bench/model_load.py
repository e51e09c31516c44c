"""What the learned checker's model costs to load: the time to read and parse `model.bin`, and the
memory it then holds.

Memory is measured in a fresh interpreter (`python -m bench.model_load`), which imports the engine
and then loads the model as the host does: in the benchmark's own process the model is loaded
already and everything else the benchmark made shares the heap.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass

from engine.learned import MODEL_FILE, MODEL_VARIABLE, default_checker
from engine.learned.model import LinearModel

from bench.drafts import REPO_ROOT
from bench.engine_speed import status_kib
from bench.stats import Timings


class ProbeFailed(RuntimeError):
    """The fresh interpreter that measures the model's memory failed; the message ends with its stderr."""


@dataclass(frozen=True)
class ModelMemory:
    """What loading the model adds to a fresh process that has imported the engine."""

    rss_growth_kib: int | None  # VmRSS after loading, less before (None: not measurable here)
    held_kib: int  # what Python holds for it once read (tracemalloc)
    peak_kib: int  # the most Python held while reading it


@dataclass(frozen=True)
class ModelLoad:
    """Reading and parsing the model file, repeated in-process, and the memory it takes."""

    file_bytes: int
    wall: Timings
    cpu: Timings
    memory: ModelMemory


def time_model_load(reads: int) -> ModelLoad:
    """`reads` times `LinearModel.read(MODEL_FILE)` in this process (the file in the page cache, as
    at any start but the first after boot), then the memory, measured in a fresh interpreter."""
    wall, cpu = [], []
    for _ in range(reads):
        started, cpu_started = time.perf_counter_ns(), time.process_time_ns()
        LinearModel.read(MODEL_FILE)
        cpu.append(time.process_time_ns() - cpu_started)
        wall.append(time.perf_counter_ns() - started)
    return ModelLoad(MODEL_FILE.stat().st_size, Timings.of(wall), Timings.of(cpu), _memory_in_a_fresh_process())


def _memory_in_a_fresh_process() -> ModelMemory:
    environment = {key: value for key, value in os.environ.items() if key != MODEL_VARIABLE}
    probe = subprocess.run([sys.executable, "-m", "bench.model_load"], cwd=REPO_ROOT, env=environment,
                           capture_output=True, text=True)
    if probe.returncode != 0:
        raise ProbeFailed(f"`python -m bench.model_load` exited with {probe.returncode}:\n{probe.stderr[-2_000:]}")
    return ModelMemory(**json.loads(probe.stdout))


def _measure_memory() -> ModelMemory:
    """Run in the fresh interpreter: the model loaded as the host loads it, then read once more
    under tracemalloc (which would inflate the resident memory if it watched the first)."""
    gc.collect()
    before = status_kib("VmRSS")
    checker = default_checker()
    if checker is None:
        raise SystemExit("the learned checker is off: its model could not be read (see the log above)")
    gc.collect()
    after = status_kib("VmRSS")
    tracemalloc.start()
    kept = LinearModel.read(MODEL_FILE)  # alive while counted: what a loaded model holds
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    growth = None if before is None or after is None else after - before
    return ModelMemory(growth, held // 1024, peak // 1024)


if __name__ == "__main__":
    print(json.dumps(_measure_memory().__dict__))
