"""The real `decorum-host` process, driven the way a browser drives it: frames over its stdin and stdout."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import engine
from engine import protocol
from engine.learned import MODEL_VARIABLE
from engine.matching.analysis_store import SHIPPED_FILE, StoredFileError, read_stored
from native_host import framing

from bench.drafts import Source, drafts_of_length
from bench.engine_speed import (COMBINED, DETECTIONS, DISTINCT_DRAFTS, PACKS, RULES, SITE, SOCIETY_IDENTITY, in_turn,
                                status_kib)
from bench.stats import Timings

# A host that stops answering is killed after this long, so the benchmark reports instead of hanging.
SESSION_TIMEOUT_S = 300.0
# What the host logs of its own CPU time (native_host/host.py, _warm_up): when its first answer was
# written, and what warming up took after it.
_FIRST_ANSWER_CPU = re.compile(r"first answer written after (\d+) ms of CPU time")
_WARM_UP_CPU = re.compile(r"warmed up in (\d+) ms of CPU time")
STDERR_TAIL_CHARS = 2_000


class HostFailed(RuntimeError):
    """The host died, hung or answered with an error; the message ends with its stderr."""


def host_environment(detection: str) -> dict[str, str]:
    """The environment of a host that checks `detection` ("combined", as installed, or "rules":
    the learned checker off by its documented setting, DECORUM_MODEL=off)."""
    environment = {key: value for key, value in os.environ.items() if key != MODEL_VARIABLE}
    return environment if detection == COMBINED else {**environment, MODEL_VARIABLE: "off"}


@dataclass(frozen=True)
class RoundTrips:
    """Round trips over one connection, the engine's share of them, and the host's memory around them."""

    timings: Timings
    engine_median_ms: float
    rss_started_kib: int
    rss_warm_kib: int
    rss_after_kib: int
    warm_up_checks: int


def host_command() -> list[str]:
    """The `decorum-host` installed beside this Python, as `make setup` puts it."""
    beside = Path(sys.executable).parent / "decorum-host"
    found = str(beside) if beside.is_file() else shutil.which("decorum-host")
    if not found:
        raise HostFailed(f"no decorum-host beside {sys.executable} or on PATH; run `make setup` first")
    return [found]


class HostSession:
    """One running host and its connection: what an open `connectNative` port is to the extension."""

    def __init__(self, command: list[str], env: dict[str, str] | None = None) -> None:
        self._stderr = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, env=env
        )
        self._watchdog = threading.Timer(SESSION_TIMEOUT_S, self.process.kill)
        self._watchdog.daemon = True
        self._watchdog.start()
        self._next_id = 0

    def send(self, message: dict[str, Any]) -> None:
        self.send_payload(protocol.encode(message))

    def send_payload(self, payload: bytes) -> None:
        framing.write_frame(self.process.stdin, payload)

    def receive(self) -> bytes:
        try:
            return framing.read_frame(self.process.stdout)
        except framing.FrameError as lost:
            raise HostFailed(f"the host stopped answering ({lost}){self._stderr_tail()}") from None

    def ask(self, message: dict[str, Any], expected_type: str) -> dict[str, Any]:
        self.send(message)
        return self.answer(self.receive(), expected_type)

    def answer(self, payload: bytes, expected_type: str) -> dict[str, Any]:
        answer = protocol.decode(payload)
        if not isinstance(answer, dict) or answer.get("type") != expected_type:
            raise HostFailed(f"expected a {expected_type!r} answer, got {str(answer)[:300]}{self._stderr_tail()}")
        return answer

    def check_request(self, text: str) -> dict[str, Any]:
        self._next_id += 1
        return {"id": self._next_id, "type": "check", "text": text, "policies": list(PACKS),
                "identity": SOCIETY_IDENTITY, "site": SITE}

    def rss_kib(self) -> int:
        """Resident memory now, in KiB, as the kernel reports it (VmRSS)."""
        rss = status_kib("VmRSS", self.process.pid)
        if rss is None:
            raise HostFailed(f"no VmRSS in /proc/{self.process.pid}/status")
        return rss

    def start_up_cpu_ns(self) -> tuple[int, int]:
        """The host's CPU time when its first answer was written, and what its warm-up after it took,
        as it logs them; closes the port and waits for the host to exit, its log complete.

        Read from the host's own clock at that moment: /proc/<pid>/stat (in ticks of 10 ms) could be
        read only once this process had woken to the answer, by when the host is warming up.
        """
        self.process.stdin.close()
        self.process.wait(timeout=SESSION_TIMEOUT_S)
        self._stderr.seek(0)
        log = self._stderr.read().decode("utf-8", "replace")
        first, warm_up = _FIRST_ANSWER_CPU.search(log), _WARM_UP_CPU.search(log)
        if first is None or warm_up is None:
            raise HostFailed(f"the host did not log its start-up's CPU time{self._stderr_tail()}")
        return int(first.group(1)) * 1_000_000, int(warm_up.group(1)) * 1_000_000

    def close(self) -> None:
        """Close the port as the browser does; the host should exit by itself."""
        self._watchdog.cancel()
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()
        self._stderr.close()

    def __enter__(self) -> HostSession:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _stderr_tail(self) -> str:
        self._stderr.seek(0)
        tail = self._stderr.read().decode("utf-8", "replace")[-STDERR_TAIL_CHARS:].strip()
        return f"\nthe host's stderr ends:\n{tail}" if tail else ""


@dataclass(frozen=True)
class ColdStart:
    """Spawn to first hello, on the clock and in the host's own CPU time (user and system, as the
    host reads it when the hello is written): waiting for a core on a busy machine shows in the first
    only. ``warm_up_cpu``: the host's CPU time after that, building the packs and loading the model
    before it reads its next request (what a check sent with the hello waits for besides)."""

    wall: Timings
    cpu: Timings
    warm_up_cpu: Timings


@dataclass(frozen=True)
class ColdStarts:
    """Spawn to first hello with the analysis of the packs' patterns read from the file shipped
    beside the engine, as every start of an installed host reads it (engine/matching/
    analysis_store.py), with the learned checker on and off; and with every pattern analysed afresh
    (``DECORUM_CACHE_DIR=off``: no stored analysis at all), which before the analysis was shipped
    was the first start after every install or upgrade."""

    stored: ColdStart
    stored_rules: ColdStart
    afresh: ColdStart


def shipped_analysis_problem() -> str | None:
    """Why the checkout's shipped pattern analysis cannot be read as it is, or None: a stale one
    would make the "stored" starts analyse afresh."""
    store = engine.default_engine().store
    try:
        read_stored(SHIPPED_FILE, store.fingerprint())
    except StoredFileError as why:
        return f"{SHIPPED_FILE}: {why}; run `.venv/bin/python tools/build_pattern_analysis.py` (make bench does)"
    return None


def cold_starts(spawns: int) -> ColdStarts:
    """From spawning the host to holding its first hello answer: what opening the popup costs."""
    problem = shipped_analysis_problem()
    if problem:
        raise HostFailed(problem)
    command = host_command()
    stored, stored_rules, afresh = [], [], []
    for _ in range(spawns):
        # A cache folder of its own each time, empty: all the host reads is the shipped analysis.
        with tempfile.TemporaryDirectory(prefix="decorum-bench-") as empty:
            stored.append(_time_to_hello(command, empty))
            stored_rules.append(_time_to_hello(command, empty, RULES))
        afresh.append(_time_to_hello(command, "off"))
    return ColdStarts(*(_cold(starts) for starts in (stored, stored_rules, afresh)))


def _cold(starts: list[tuple[int, int, int]]) -> ColdStart:
    return ColdStart(*(Timings.of(list(figures)) for figures in zip(*starts)))


def _time_to_hello(command: list[str], cache_dir: str, detection: str = COMBINED) -> tuple[int, int, int]:
    """Nanoseconds from spawning the host to holding its hello, on the clock and in its CPU time, and
    the CPU time of its warm-up after the hello."""
    started = time.perf_counter_ns()
    with HostSession(command, env={**host_environment(detection), "DECORUM_CACHE_DIR": cache_dir}) as host:
        host.send({"id": 1, "type": "hello"})
        payload = host.receive()
        elapsed = time.perf_counter_ns() - started
        host.answer(payload, "hello")
        cpu, warm_up_cpu = host.start_up_cpu_ns()
    return elapsed, cpu, warm_up_cpu


def round_trips(source: Source, chars: int, runs: int, warm_up_checks: int) -> dict[str, RoundTrips]:
    """`runs` checks of `chars`-character drafts over one persistent connection, one at a time, to
    each of two hosts running side by side: one as installed ("combined") and one with the learned
    checker off ("rules"), so that the difference in their memory is the model's.

    Each draft goes to both hosts in turn (`in_turn`), so that other work on the machine weighs on
    both alike. A round trip runs from writing the request frame to having read
    the whole answer frame; encoding the request and parsing the answer are left out, as the
    browser does those, not the host.
    """
    drafts = drafts_of_length(source, chars, min(DISTINCT_DRAFTS, runs))
    with contextlib.ExitStack() as stack:
        hosts = {d: stack.enter_context(HostSession(host_command(), env=host_environment(d))) for d in DETECTIONS}
        for detection, host in hosts.items():
            _expect_learned_checker(host.ask({"id": 0, "type": "hello"}, "hello"), detection)
        rss_started = {d: host.rss_kib() for d, host in hosts.items()}
        for n in range(warm_up_checks):
            for host in hosts.values():
                host.ask(host.check_request(drafts[n % len(drafts)]), "result")
        rss_warm = {d: host.rss_kib() for d, host in hosts.items()}
        clock = time.perf_counter_ns
        durations: dict[str, list[int]] = {d: [] for d in DETECTIONS}
        engine_ms: dict[str, list[float]] = {d: [] for d in DETECTIONS}
        for n in range(runs):
            for detection in in_turn(n):
                host = hosts[detection]
                request = protocol.encode(host.check_request(drafts[n % len(drafts)]))
                started = clock()
                host.send_payload(request)
                payload = host.receive()
                durations[detection].append(clock() - started)
                engine_ms[detection].append(host.answer(payload, "result")["elapsed_ms"])
        rss_after = {d: host.rss_kib() for d, host in hosts.items()}
    return {
        d: RoundTrips(Timings.of(durations[d]), statistics.median(engine_ms[d]), rss_started[d], rss_warm[d],
                      rss_after[d], warm_up_checks)
        for d in DETECTIONS
    }


def _expect_learned_checker(hello: dict[str, Any], detection: str) -> None:
    """A host that should check `detection` says in its hello whether its learned checker is on."""
    if (hello.get("learned") is not None) != (detection == COMBINED):
        raise HostFailed(f"the host started for {detection!r} checks says learned={hello.get('learned')!r}")
