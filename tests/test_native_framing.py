"""Native-messaging framing: lengths, clean and unclean ends, over-long frames."""

from __future__ import annotations

import io
import struct
import sys

import pytest

from native_host import framing


class TricklingStream(io.RawIOBase):
    """A pipe that hands over at most `piece` bytes per read, and remembers how much each read asked for."""

    def __init__(self, data: bytes, piece: int = 1) -> None:
        self._data = io.BytesIO(data)
        self.piece = piece
        self.requests: list[int] = []

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        self.requests.append(size)
        return self._data.read(min(size, self.piece) if size >= 0 else self.piece)


def frame(payload: bytes, length: int | None = None) -> bytes:
    """A frame built by hand, so these tests do not trust the code they test to build it."""
    return struct.pack("=I", len(payload) if length is None else length) + payload


def test_a_frame_is_read_back_as_its_payload():
    stream = io.BytesIO(frame(b'{"type":"hello"}') + frame(b"[]"))
    assert framing.read_frame(stream) == b'{"type":"hello"}'
    assert framing.read_frame(stream) == b"[]"


def test_the_length_is_four_bytes_in_native_byte_order():
    packed = framing.pack(b"x" * 258)
    assert packed[:4] == (258).to_bytes(4, sys.byteorder)
    assert packed[4:] == b"x" * 258


def test_a_frame_arriving_in_pieces_is_read_whole():
    stream = TricklingStream(frame(b'{"type":"hello","id":12345}'), piece=3)
    assert framing.read_frame(stream) == b'{"type":"hello","id":12345}'


def test_input_ending_between_frames_is_a_clean_end():
    stream = io.BytesIO(frame(b"{}"))
    framing.read_frame(stream)
    with pytest.raises(framing.EndOfInput):
        framing.read_frame(stream)


def test_input_ending_inside_the_length_is_a_truncated_frame():
    with pytest.raises(framing.TruncatedFrame):
        framing.read_frame(io.BytesIO(b"\x05\x00"))


def test_a_length_larger_than_the_data_is_a_truncated_frame():
    with pytest.raises(framing.TruncatedFrame, match="announced 10 bytes"):
        framing.read_frame(io.BytesIO(frame(b"{}", length=10)))


def test_a_frame_of_exactly_the_request_limit_is_accepted():
    payload = b" " * framing.MAX_REQUEST_BYTES
    assert framing.read_frame(io.BytesIO(frame(payload))) == payload


def test_an_over_long_frame_is_refused_and_the_next_frame_still_reads():
    over = framing.MAX_REQUEST_BYTES + 1
    stream = io.BytesIO(frame(b'{"id":7,' + b" " * (over - 8)) + frame(b'{"type":"hello"}'))
    with pytest.raises(framing.FrameTooLarge) as refused:
        framing.read_frame(stream)
    assert refused.value.length == over
    assert refused.value.head.startswith(b'{"id":7,')
    assert framing.read_frame(stream) == b'{"type":"hello"}'


def test_an_over_long_frame_is_discarded_in_chunks_not_read_at_once():
    over = framing.MAX_REQUEST_BYTES + 1
    stream = TricklingStream(frame(b" " * over), piece=framing.DISCARD_CHUNK_BYTES)
    with pytest.raises(framing.FrameTooLarge):
        framing.read_frame(stream)
    assert max(stream.requests) <= framing.DISCARD_CHUNK_BYTES


def test_input_ending_while_an_over_long_frame_is_discarded_is_a_truncated_frame():
    stream = io.BytesIO(frame(b" " * 1000, length=framing.MAX_REQUEST_BYTES + 1))
    with pytest.raises(framing.TruncatedFrame, match="discarded"):
        framing.read_frame(stream)


def test_writing_a_frame_flushes_it():
    class Recording(io.BytesIO):
        def __init__(self) -> None:
            super().__init__()
            self.flushed_at: list[int] = []

        def flush(self) -> None:
            self.flushed_at.append(len(self.getvalue()))

    stream = Recording()
    framing.write_frame(stream, b"{}")
    assert stream.getvalue() == frame(b"{}")
    assert stream.flushed_at == [len(frame(b"{}"))]
