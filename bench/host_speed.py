"""The real `decorum-host` process, driven the way a browser drives it: frames over its stdin and stdout."""

from __future__ import annotations

import os
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

from engine import protocol
from native_host import framing

from bench.drafts import Source, drafts_of_length
from bench.engine_speed import DISTINCT_DRAFTS, PACKS, SITE, SOCIETY_IDENTITY
from bench.stats import Timings

# A host that stops answering is killed after this long, so the benchmark reports instead of hanging.
SESSION_TIMEOUT_S = 300.0
STDERR_TAIL_CHARS = 2_000


class HostFailed(RuntimeError):
    """The host died, hung or answered with an error; the message ends with its stderr."""


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
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise HostFailed(f"no VmRSS in /proc/{self.process.pid}/status")

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
class ColdStarts:
    """Spawn to first hello: the very first start, which analyses every pattern, and later ones,
    which read that analysis back (engine/detectors/analysis_store.py)."""

    first: Timings
    later: Timings


def cold_starts(spawns: int) -> ColdStarts:
    """From spawning the host to holding its first hello answer: what opening the popup costs."""
    command = host_command()
    first, later = [], []
    with tempfile.TemporaryDirectory(prefix="decorum-bench-") as stored:
        for n in range(spawns):
            with tempfile.TemporaryDirectory(prefix="decorum-bench-") as empty:
                first.append(_time_to_hello(command, empty))
            if n == 0:
                _time_to_hello(command, stored)  # stores the analysis for the later starts
            later.append(_time_to_hello(command, stored))
    return ColdStarts(Timings.of(first), Timings.of(later))


def _time_to_hello(command: list[str], cache_dir: str) -> int:
    started = time.perf_counter_ns()
    with HostSession(command, env={**os.environ, "DECORUM_CACHE_DIR": cache_dir}) as host:
        host.send({"id": 1, "type": "hello"})
        payload = host.receive()
        elapsed = time.perf_counter_ns() - started
        host.answer(payload, "hello")
    return elapsed


def round_trips(source: Source, chars: int, runs: int, warm_up_checks: int) -> RoundTrips:
    """`runs` checks of `chars`-character drafts over one persistent connection, one at a time.

    A round trip runs from writing the request frame to having read the whole answer frame;
    encoding the request and parsing the answer are left out, as the browser does those, not the host.
    """
    drafts = drafts_of_length(source, chars, min(DISTINCT_DRAFTS, runs))
    with HostSession(host_command()) as host:
        host.ask({"id": 0, "type": "hello"}, "hello")
        rss_started = host.rss_kib()
        for n in range(warm_up_checks):
            host.ask(host.check_request(drafts[n % len(drafts)]), "result")
        rss_warm = host.rss_kib()
        clock = time.perf_counter_ns
        durations = []
        engine_ms = []
        for n in range(runs):
            request = protocol.encode(host.check_request(drafts[n % len(drafts)]))
            started = clock()
            host.send_payload(request)
            payload = host.receive()
            durations.append(clock() - started)
            engine_ms.append(host.answer(payload, "result")["elapsed_ms"])
        rss_after = host.rss_kib()
    return RoundTrips(Timings.of(durations), statistics.median(engine_ms), rss_started, rss_warm, rss_after,
                      warm_up_checks)
