"""The real decorum-host process, spoken to over its stdin and stdout as a browser does.

Frames are built and parsed here with struct directly, so a mistake shared by the host's
reader and writer cannot hide.
"""

from __future__ import annotations

import json
import os
import select
import struct
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import engine
from native_host import EXTENSION_ID

HOST = Path(sys.executable).parent / "decorum-host"
ORIGIN = f"chrome-extension://{EXTENSION_ID}/"
MAX_REQUEST_BYTES = 4 * 1024 * 1024
ICIS_DRAFT = "Proud to present our work at the ICIS meeting in Lisbon next week! \U0001f389"

def frame(message: object) -> bytes:
    payload = json.dumps(message).encode("utf-8")
    return struct.pack("=I", len(payload)) + payload


def raw_frame(payload: bytes) -> bytes:
    return struct.pack("=I", len(payload)) + payload


def split_frames(output: bytes) -> list[dict]:
    """Every frame on a host's stdout; fails if anything else is there."""
    answers, offset = [], 0
    while offset < len(output):
        assert len(output) - offset >= 4, f"stray bytes after the last frame: {output[offset:]!r}"
        (length,) = struct.unpack_from("=I", output, offset)
        payload = output[offset + 4 : offset + 4 + length]
        assert len(payload) == length, f"a frame announced {length} bytes but {len(payload)} followed"
        answers.append(json.loads(payload.decode("utf-8")))
        offset += 4 + length
    return answers


def run_host(stdin: bytes, *args: str, command: list[str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        command or [str(HOST), ORIGIN, *args], input=stdin, capture_output=True, timeout=60
    )


def test_hello_is_answered_with_protocol_version_and_packs():
    done = run_host(frame({"id": 1, "type": "hello"}))
    [answer] = split_frames(done.stdout)
    assert answer["id"] == 1 and answer["type"] == "hello" and answer["protocol"] == 1
    assert answer["version"] == engine.__version__
    assert {policy["id"] for policy in answer["policies"]} == {policy.id for policy in engine.list_policies()}


def test_check_is_answered_with_the_engines_findings():
    done = run_host(frame({"id": "k1", "type": "check", "text": ICIS_DRAFT, "policies": ["icis"], "site": "x"}))
    [answer] = split_frames(done.stdout)
    assert answer["id"] == "k1" and answer["type"] == "result"
    expected = [finding.to_json() for finding in engine.check(ICIS_DRAFT, ["icis"])]
    assert expected and answer["findings"] == expected


def test_the_host_exits_0_when_the_input_ends():
    done = run_host(frame({"id": 1, "type": "hello"}))
    assert done.returncode == 0
    empty = run_host(b"")
    assert empty.returncode == 0 and empty.stdout == b""


def test_chromes_extra_arguments_are_accepted():
    done = run_host(frame({"id": 1, "type": "hello"}), "--parent-window=0")
    assert done.returncode == 0
    assert split_frames(done.stdout)[0]["type"] == "hello"


def test_a_malformed_frame_is_refused_and_the_host_keeps_serving():
    done = run_host(raw_frame(b'{"id": 1, "type": ') + raw_frame(b"\xff\xfe") + frame({"id": 2, "type": "hello"}))
    first, second, third = split_frames(done.stdout)
    assert first["type"] == "error" and first["code"] == "bad_request" and "not valid JSON" in first["message"]
    assert second["code"] == "bad_request" and "UTF-8" in second["message"]
    assert third == {**third, "id": 2, "type": "hello"}
    assert done.returncode == 0


def test_an_over_long_frame_is_refused_and_the_host_keeps_serving():
    oversized = {"id": 9, "type": "check", "text": "a" * MAX_REQUEST_BYTES, "policies": ["icis"]}
    done = run_host(frame(oversized) + frame({"id": 10, "type": "hello"}))
    refusal, hello = split_frames(done.stdout)
    assert refusal == {**refusal, "id": 9, "type": "error", "code": "too_large"}
    assert hello["id"] == 10 and hello["type"] == "hello"
    assert done.returncode == 0


def test_requests_are_answered_one_at_a_time_while_the_port_stays_open():
    """A browser waits for each answer before the next keystroke: answers must not wait in a buffer."""
    process = subprocess.Popen([str(HOST), ORIGIN], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for request_id in range(3):
            process.stdin.write(frame({"id": request_id, "type": "check", "text": ICIS_DRAFT, "policies": ["icis"]}))
            process.stdin.flush()
            answer = read_answer(process.stdout.fileno(), timeout=30)
            assert answer["id"] == request_id and answer["type"] == "result"
        process.stdin.close()
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
        process.stderr.close()


def read_answer(fd: int, timeout: float) -> dict:
    deadline = time.monotonic() + timeout
    buffer = b""

    def read_exactly(size: int) -> bytes:
        nonlocal buffer
        while len(buffer) < size:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            assert ready, "the host did not answer in time"
            chunk = os.read(fd, 65536)
            assert chunk, "the host closed stdout"
            buffer += chunk
        taken, buffer = buffer[:size], buffer[size:]
        return taken

    (length,) = struct.unpack("=I", read_exactly(4))
    answer = json.loads(read_exactly(length))
    assert buffer == b"", "more than one frame arrived for one request"
    return answer


def test_input_ending_inside_a_frame_stops_the_host_after_answering_what_came_before():
    done = run_host(frame({"id": 1, "type": "hello"}) + struct.pack("=I", 100) + b'{"id": 2')
    [answer] = split_frames(done.stdout)
    assert answer["id"] == 1
    assert done.returncode == 1
    assert b"announced 100 bytes" in done.stderr


def test_stray_output_from_code_the_host_runs_goes_to_stderr_not_between_frames(tmp_path):
    """A print, or a raw write to descriptor 1, inside the engine must not corrupt the channel."""
    script = tmp_path / "noisy_host.py"
    script.write_text(
        textwrap.dedent(
            """
            import os, sys
            import engine
            real_check = engine.check_report

            def noisy_check(*args, **kwargs):
                print("stray print")
                os.write(1, b"stray raw write")
                return real_check(*args, **kwargs)

            engine.check_report = noisy_check
            from native_host.host import main
            sys.exit(main())
            """
        )
    )
    requests = frame({"id": 1, "type": "check", "text": ICIS_DRAFT, "policies": ["icis"]}) + frame({"id": 2, "type": "hello"})
    done = run_host(requests, command=[sys.executable, str(script)])
    first, second = split_frames(done.stdout)
    assert first["type"] == "result" and second["type"] == "hello"
    assert b"stray print" in done.stderr and b"stray raw write" in done.stderr
    assert done.returncode == 0


def test_logs_go_to_stderr():
    done = run_host(frame({"id": 1, "type": "hello"}))
    assert b"decorum-host" in done.stderr


def test_the_host_never_imports_the_http_servers_modules():
    # Flask, Werkzeug and Waitress serve `decorum serve`; in the host they would only cost start-up time and memory.
    program = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('modules:', sorted(m for m in sys.modules if m.split('.')[0] in "
        "('flask', 'werkzeug', 'waitress', 'decorum')), file=sys.stderr))\n"
        "from native_host.host import main\n"
        "sys.exit(main())\n"
    )
    done = run_host(frame({"id": 1, "type": "hello"}) + frame({"id": 2, "type": "check", "text": ICIS_DRAFT, "policies": ["icis"]}),
                    command=[sys.executable, "-c", program])
    assert [answer["type"] for answer in split_frames(done.stdout)] == ["hello", "result"]
    assert "modules: []" in done.stderr.decode()


def test_a_damaged_stored_analysis_is_logged_and_the_host_answers_as_ever(tmp_path):
    store = engine.default_engine().store
    (tmp_path / f"pattern-analysis-{store.fingerprint()}.json").write_bytes(b'{"format": "decorum pattern analysis 2", "fin')
    done = subprocess.run(
        [str(HOST), ORIGIN], input=frame({"id": 1, "type": "check", "text": ICIS_DRAFT, "policies": ["icis"]}),
        capture_output=True, timeout=120, env={**os.environ, "DECORUM_CACHE_DIR": str(tmp_path)},
    )
    assert done.returncode == 0
    [answer] = split_frames(done.stdout)
    assert answer["findings"] == [finding.to_json() for finding in engine.check(ICIS_DRAFT, ["icis"])]
    assert "ignoring the stored pattern analysis" in done.stderr.decode()


def test_the_warm_up_runs_once_after_the_first_answer_and_before_the_next_frame_is_read():
    import io

    from native_host import host

    frames_in = io.BytesIO(frame({"id": 1, "type": "hello"}) + frame({"id": 2, "type": "hello"}))
    frames_out = io.BytesIO()
    seen: list[tuple[int, int]] = []  # (answers written, bytes of input read) at each warm-up
    host.serve(frames_in, frames_out, after_first_answer=lambda: seen.append((len(split_frames(frames_out.getvalue())), frames_in.tell())))
    assert seen == [(1, len(frame({"id": 1, "type": "hello"})))]
    assert [answer["id"] for answer in split_frames(frames_out.getvalue())] == [1, 2]


def test_the_host_warms_up_after_answering_hello_and_a_check_sent_at_once_is_answered_as_ever():
    done = run_host(frame({"id": 1, "type": "hello"}) + frame({"id": 2, "type": "check", "text": ICIS_DRAFT, "policies": ["icis"]}))
    hello, result = split_frames(done.stdout)
    assert hello["type"] == "hello" and hello["learned"] is not None
    assert result["findings"] == [finding.to_json() for finding in engine.check(ICIS_DRAFT, ["icis"])]
    log = done.stderr.decode()
    assert log.index("first answer written after") < log.index("warmed up in") < log.index("the browser closed the port")
