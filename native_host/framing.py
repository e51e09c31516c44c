"""Native-messaging frames: a 4-byte length in native byte order, then that many bytes of UTF-8 JSON.

Browsers speak this framing on the host's stdin and stdout. Reading is strict about where a
frame ends so that one bad message never desynchronises the stream: an over-long frame is
read past and refused. What the bytes of a frame mean is engine.protocol's business.
"""

from __future__ import annotations

import struct
from typing import BinaryIO

from engine.protocol import MAX_REQUEST_BYTES

HEADER = struct.Struct("=I")
# An over-long frame is discarded in pieces of this size, so refusing it never holds it in memory.
DISCARD_CHUNK_BYTES = 64 * 1024


class FrameError(Exception):
    """A frame could not be read."""


class EndOfInput(FrameError):
    """The input ended cleanly between frames: the browser closed the port, serving is over."""


class TruncatedFrame(FrameError):
    """The input ended inside a frame: its length did not match the data, and the stream is lost."""


class FrameTooLarge(FrameError):
    """A frame announced more than MAX_REQUEST_BYTES; its bytes were read and thrown away.

    `head` holds the first bytes of the discarded payload, so that the refusal can still name
    the request's id when the id came first.
    """

    def __init__(self, length: int, head: bytes) -> None:
        super().__init__(f"a request of {length:,} bytes is over the {MAX_REQUEST_BYTES:,}-byte limit")
        self.length = length
        self.head = head


def read_frame(stream: BinaryIO) -> bytes:
    """Read one frame's payload from a binary stream.

    Raises EndOfInput at a clean end, TruncatedFrame when the input stops inside a frame
    (also while an over-long frame is being discarded), and FrameTooLarge after an over-long
    frame has been consumed.
    """
    header = _read_exactly(stream, HEADER.size)
    if not header:
        raise EndOfInput("the input ended")
    if len(header) < HEADER.size:
        raise TruncatedFrame(f"the input ended inside a frame's length ({len(header)} of {HEADER.size} bytes)")
    (length,) = HEADER.unpack(header)
    if length > MAX_REQUEST_BYTES:
        head = _discard(stream, length)
        raise FrameTooLarge(length, head)
    payload = _read_exactly(stream, length)
    if len(payload) < length:
        raise TruncatedFrame(f"the frame announced {length:,} bytes but the input ended after {len(payload):,}")
    return payload


def pack(payload: bytes) -> bytes:
    """A whole frame: the payload behind its length."""
    return HEADER.pack(len(payload)) + payload


def write_frame(stream: BinaryIO, payload: bytes) -> None:
    """Write one frame and flush, so that the browser sees the message now, not when a buffer fills."""
    stream.write(pack(payload))
    stream.flush()


def _read_exactly(stream: BinaryIO, size: int) -> bytes:
    """Read `size` bytes, fewer only when the input ends; pipes hand data over in pieces."""
    parts = []
    remaining = size
    while remaining:
        part = stream.read(remaining)
        if not part:
            break
        parts.append(part)
        remaining -= len(part)
    return b"".join(parts)


def _discard(stream: BinaryIO, length: int) -> bytes:
    """Read and drop `length` bytes in chunks; return the first chunk. TruncatedFrame if the input ends."""
    head = b""
    remaining = length
    while remaining:
        wanted = min(remaining, DISCARD_CHUNK_BYTES)
        chunk = _read_exactly(stream, wanted)
        head = head or chunk
        if len(chunk) < wanted:
            raise TruncatedFrame(f"the input ended while an over-long frame ({length:,} bytes) was being discarded")
        remaining -= wanted
    return head
