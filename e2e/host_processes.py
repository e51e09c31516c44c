"""The decorum-host processes a test's browser started, found through /proc: so that a test can
kill the host as a crash would, and never touch hosts that other programs on the machine run."""

from __future__ import annotations

import os
import signal
import time


def _process_table() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, command line) of every process /proc shows."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
        table[int(entry)] = (ppid, cmdline)
    return table


def host_pids() -> list[int]:
    """decorum-host processes started by a browser this test process launched (others may run
    their own hosts on the same machine: never touch those)."""
    table = _process_table()
    ours = {os.getpid()}
    # Parents before children is not guaranteed by pid order: grow the set until it is stable.
    while True:
        grown = ours | {pid for pid, (ppid, _) in table.items() if ppid in ours}
        if grown == ours:
            break
        ours = grown
    return sorted(pid for pid in ours if "decorum-host" in table[pid][1] and pid != os.getpid())


def wait_for_host(timeout: float = 10.0, *, other_than: int | None = None) -> int:
    """The pid of our one running host (a new one, if other_than is given)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = [pid for pid in host_pids() if pid != other_than]
        if len(pids) == 1:
            return pids[0]
        time.sleep(0.05)
    raise AssertionError(f"expected one decorum-host of ours, found {host_pids()}")


def kill_host(pid: int) -> None:
    """SIGKILL, as a crash ends the host, and wait until it is gone."""
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while pid in host_pids() and time.monotonic() < deadline:
        time.sleep(0.02)
