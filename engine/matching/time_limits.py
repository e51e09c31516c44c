"""Time limits on patterns that stop only runaway ones: judged by this thread's CPU time.

The regex module's ``timeout`` counts the CPU time of the whole process, so another busy thread
(the host compiles patterns in the background while it serves) uses it up too, and the deadline
shared by the paragraphs of a draft was kept on the wall clock, which runs on while a loaded
machine keeps the thread waiting: a 3,000-character draft lost a detector's matches under load.
Here the module's timeout is only a hint. A scan that runs past it is run again with the
thread's own CPU time measured, and is stopped only if it used its whole limit; a try that was
not the thread's own work is given twice as long each time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# A pattern may use this much CPU time on one draft before it is judged runaway, and it grows with
# the draft: 0.18 s at the size limit, where the costliest legitimate scan measured takes 13 ms
# (one pattern on the hostile drafts of bench/hostile.py; a draft holding every word the rules
# look for costs the most).
MATCH_TIMEOUT_S = 0.05
MATCH_TIMEOUT_PER_CHAR_S = 2e-6


class Runaway(Exception):
    """A pattern used all the CPU time it was allowed on one scan: it would hang the check."""


def cpu_limit(length: int) -> float:
    """The CPU time a pattern may use on ``length`` characters."""
    return MATCH_TIMEOUT_S + MATCH_TIMEOUT_PER_CHAR_S * length


def run_bounded(run: Callable[[float], T], limit: float) -> T:
    """``run(timeout)``, where ``timeout`` is the regex module's (the process's CPU time); raises
    ``Runaway`` only when a try used ``limit`` seconds of this thread's CPU time.

    The first try is not measured: reading a thread's CPU clock is a system call, and nearly every
    scan ends well within its first try.
    """
    try:
        return run(limit)
    except TimeoutError:
        return retried(run, limit)


def retried(run: Callable[[float], T], limit: float) -> T:
    """``run_bounded`` after a first try ran past the regex module's ``timeout`` (``limit``): tries
    with this thread's CPU time measured, until one ends or used ``limit`` of it (``Runaway``)."""
    wall = 2 * limit
    while True:
        started = time.thread_time()
        try:
            return run(wall)
        except TimeoutError:
            if time.thread_time() - started >= limit:
                raise Runaway from None
            wall *= 2
