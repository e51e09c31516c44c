"""The decorum-host process: serves protocol v1 to the browser over native-messaging pipes.

The browser starts this as the `path` of the host manifest and talks frames on its stdin and
stdout for as long as the extension keeps the port open. Anything but a frame on stdout makes
the browser drop the connection, so stdout is reserved for frames while the host runs.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

import engine
from engine import protocol

from native_host import framing

log = logging.getLogger("decorum-host")


def main(argv: list[str] | None = None) -> int:
    """Serve frames on stdin/stdout until the browser closes the port; return the exit status.

    Browsers pass arguments of their own (Chrome the caller's origin, on Windows also
    --parent-window=…); they are logged and otherwise ignored.
    """
    argv = sys.argv[1:] if argv is None else argv
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="decorum-host: %(levelname)s: %(message)s")
    with _stdout_reserved_for_frames() as frames_out:
        log.info("engine %s, protocol %s, started by %s", engine.__version__, protocol.PROTOCOL_VERSION, argv or "hand")
        # Nothing is collected until the warm-up is over (decorum-host, start.py, turned the collector
        # off before the imports already): what a start builds lives as long as the host, and
        # collecting meanwhile would only walk it again and again.
        gc.disable()
        return serve(sys.stdin.buffer, frames_out, after_first_answer=_warm_up)


def serve(frames_in: BinaryIO, frames_out: BinaryIO, after_first_answer: Callable[[], None] | None = None) -> int:
    """Answer frames until the input ends: 0 at a clean end, 1 if the input broke off inside a frame.

    ``after_first_answer`` runs once the first answer is written, before the next frame is read.
    The connection is one port of the extension, whose drafts are typed in one compose box at a
    time: each check takes what it can from the last (engine/recall.py).
    """
    recall = engine.Recall()
    while True:
        try:
            answer = _answer_next(frames_in, recall)
        except framing.EndOfInput:
            log.info("the browser closed the port; exiting")
            return 0
        except framing.TruncatedFrame as lost:
            log.error("%s; exiting", lost)
            return 1
        try:
            framing.write_frame(frames_out, protocol.encode(answer))
        except BrokenPipeError:
            log.info("the browser stopped reading; exiting")
            return 0
        if after_first_answer is not None:
            after_first_answer()
            after_first_answer = None


def _answer_next(frames_in: BinaryIO, recall: engine.Recall) -> dict[str, Any]:
    """Read one frame and answer it; frames that are over-long or not JSON get an error answer."""
    try:
        request = protocol.decode(framing.read_frame(frames_in))
    except framing.FrameTooLarge as oversized:
        return protocol.too_large_request(oversized.length, oversized.head)
    except protocol.RequestError as malformed:
        return protocol.error(malformed.code, malformed.message)
    return protocol.handle(request, recall)


def _warm_up() -> None:
    """Build every pack, load the learned model and run one tiny check, so that the first keystroke
    does not wait for them; then let the collector work again.

    The first answer (the popup's hello) does not wait for this either: it needs only the packs as
    validated and the model file's header. A check that comes meanwhile is read once this is done.
    Patterns are compiled on first use and kept, not all ahead of time: the four thousand branches
    of the built-in packs took 26 MiB compiled, most of which a member's drafts never need.
    """
    # The host's own CPU time, which a loaded machine does not inflate as it does the clock's:
    # bench/host_speed.py reads the first of these lines.
    started = time.process_time()
    log.info("first answer written after %.0f ms of CPU time; warming up", started * 1000)
    try:
        engine.check("Warming up.", [policy.id for policy in engine.list_policies()])
        engine.warm(compile_patterns=False)  # freezes what was built out of the collector's reach
    except Exception:
        # Keep serving: each request will then answer with what is wrong, which the extension can show.
        log.exception("warming up the engine failed")
    finally:
        gc.enable()
    log.info("warmed up in %.0f ms of CPU time", (time.process_time() - started) * 1000)


@contextlib.contextmanager
def _stdout_reserved_for_frames() -> Iterator[BinaryIO]:
    """Hand out the real stdout for frames and point file descriptor 1 and sys.stdout at stderr meanwhile.

    Redirecting the descriptor, not only sys.stdout, also catches writes from C code and child
    processes: a stray line on the frame channel is exactly what breaks a browser connection.
    """
    sys.stdout.flush()
    frames_fd = os.dup(1)
    os.dup2(2, 1)
    saved_stdout, sys.stdout = sys.stdout, sys.stderr
    frames_out = os.fdopen(frames_fd, "wb")
    try:
        yield frames_out
    finally:
        sys.stdout = saved_stdout
        os.dup2(frames_fd, 1)
        with contextlib.suppress(OSError):
            frames_out.close()
