"""What the e2e run measures beside pass and fail, reported at its end: a pytest plugin
(conftest.py registers it).

- Latency: ms from the last keystroke to each warning a test waits for (Draft.wait_for_finding),
  in e2e/artifacts/latency.json.
- Idle cost: the page's main-thread ms per second while nobody types (Draft.idle_cost), in
  e2e/artifacts/idle.json.

A run that measured nothing writes nothing.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import harness

LATENCY_FILE = harness.E2E / "artifacts" / "latency.json"
IDLE_FILE = harness.E2E / "artifacts" / "idle.json"
# How long a page is watched while nobody types, for its main-thread cost.
IDLE_SECONDS = 5.0

_latencies: list[dict] = []
_idle_costs: list[dict] = []


def record_latency(test: str, site: str, finding: str, ms: float) -> None:
    _latencies.append({"test": test, "site": site, "finding": finding, "ms": round(ms, 1)})


def record_idle_cost(test: str, site: str, composer: str, what: str, ms_per_s: float) -> None:
    _idle_costs.append({"test": test, "site": site, "composer": composer, "what": what, "ms_per_s": round(ms_per_s, 2)})


def main_thread_ms_per_s(page, seconds: float = IDLE_SECONDS) -> float:
    """Milliseconds per second the page's main thread spent running tasks over `seconds`, from the
    DevTools protocol's Performance metrics in thread time (CPU time of the renderer's main thread,
    so that waiting for a core on a loaded machine does not count), less the protocol's own commands."""
    session = page.context.new_cdp_session(page)
    try:
        session.send("Performance.enable", {"timeDomain": "threadTicks"})

        def busy() -> float:
            metrics = {m["name"]: m["value"] for m in session.send("Performance.getMetrics")["metrics"]}
            return metrics["TaskDuration"] - metrics.get("DevToolsCommandDuration", 0.0)

        before = busy()
        started = time.monotonic()
        time.sleep(seconds)
        spent = busy() - before
        return 1000 * spent / (time.monotonic() - started)
    finally:
        session.detach()


def pytest_terminal_summary(terminalreporter) -> None:
    for line in (_latency_report(), _idle_report()):
        if line:
            terminalreporter.write_line(line)


def _latency_report() -> str | None:
    if not _latencies:
        return None
    values = [item["ms"] for item in _latencies]
    summary = {
        "what": "ms from the last keystroke to the warning in the panel (300 ms of it is the debounce)",
        "count": len(values),
        "median_ms": round(statistics.median(values), 1),
        "worst_ms": max(values),
        "samples": _latencies,
    }
    _write_json(LATENCY_FILE, summary)
    return (
        f"Decorum latency, last keystroke to warning: median {summary['median_ms']} ms, "
        f"worst {summary['worst_ms']} ms over {len(values)} warnings ({LATENCY_FILE.relative_to(harness.REPO)})"
    )


def _idle_report() -> str | None:
    if not _idle_costs:
        return None
    summary = {
        "what": f"ms of the page's main-thread time per second over {IDLE_SECONDS:g} s with nobody typing (thread time, DevTools Performance.getMetrics TaskDuration)",
        "samples": _idle_costs,
    }
    _write_json(IDLE_FILE, summary)
    by_label: dict[str, list[str]] = {}
    for item in _idle_costs:
        by_label.setdefault(item["what"], []).append(f"{item['site']} {item['ms_per_s']}")
    said = "; ".join(f"{label}: {', '.join(values)}" for label, values in by_label.items())
    return f"Decorum idle main-thread cost, ms per second: {said} ({IDLE_FILE.relative_to(harness.REPO)})"


def _write_json(path: Path, summary: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(summary, indent=2) + "\n")
