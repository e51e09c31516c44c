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
from collections.abc import Iterator
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
        _warm_up()
        return serve(sys.stdin.buffer, frames_out)


def serve(frames_in: BinaryIO, frames_out: BinaryIO) -> int:
    """Answer frames until the input ends: 0 at a clean end, 1 if the input broke off inside a frame."""
    while True:
        try:
            answer = _answer_next(frames_in)
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


def _answer_next(frames_in: BinaryIO) -> dict[str, Any]:
    """Read one frame and answer it; frames that are over-long or not JSON get an error answer."""
    try:
        request = protocol.decode(framing.read_frame(frames_in))
    except framing.FrameTooLarge as oversized:
        return protocol.too_large_request(oversized.length, oversized.head)
    except protocol.RequestError as malformed:
        return protocol.error(malformed.code, malformed.message)
    return protocol.handle(request)


def _warm_up() -> None:
    """Load every pack and the learned model and run one tiny check now, so that neither the first
    hello nor the first keystroke waits for them.

    Patterns are compiled on first use and kept, not all ahead of time: the four thousand branches
    of the built-in packs took 26 MiB compiled, most of which a member's drafts never need.
    """
    # What is built now lives as long as the host: collecting meanwhile would only walk it again and
    # again (a hundred collections, a tenth of the start). warm() then freezes it out of the collector's reach.
    gc.disable()
    try:
        engine.check("Warming up.", [policy.id for policy in engine.list_policies()])
        engine.warm(compile_patterns=False)
    except Exception:
        # Keep serving: each request will then answer with what is wrong, which the extension can show.
        log.exception("warming up the engine failed")
    finally:
        gc.enable()


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
