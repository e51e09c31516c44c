"""`decorum serve` as users run it: a real server on a loopback port, spoken to over raw sockets.

These are what a test client cannot show: a half-sent request must not hold up anyone else and
is dropped in the end, and a body over the limit is refused before it is sent, let alone read.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import pytest

from engine import protocol
from decorum.cli import main
from served_api import ServedApi

# A short idle timeout, so that the test of dropping a stalled client need not wait the default 10 s.
IDLE_TIMEOUT_S = 2
FIREFOX_ORIGIN = "moz-extension://12345678-1234-1234-1234-123456789abc"


@pytest.fixture(scope="module")
def server() -> Iterator[ServedApi]:
    running = ServedApi("--timeout", str(IDLE_TIMEOUT_S), env={"DECORUM_ALLOW_ORIGIN": FIREFOX_ORIGIN})
    yield running
    running.stop()


def read_answer(connection: socket.socket) -> tuple[int, dict[str, str], bytes]:
    """Read one whole HTTP response: status, headers (lower-cased names) and body."""
    data = b""
    while b"\r\n\r\n" not in data:
        part = connection.recv(65536)
        if not part:
            raise ConnectionError(f"the server closed the connection after {data!r}")
        data += part
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in header_lines)}
    while len(body) < int(headers.get("content-length", 0)):
        part = connection.recv(65536)
        if not part:
            break
        body += part
    return int(status_line.split()[1]), headers, body


def json_error(status: int, headers: dict[str, str], body: bytes) -> tuple[int, str, str]:
    assert headers["content-type"].startswith("application/json"), (status, headers, body[:200])
    answer = json.loads(body)
    assert set(answer) == {"type", "code", "message"} and answer["type"] == "error"
    return status, answer["code"], answer["message"]


def ask(server: ServedApi, method: str, path: str, body: bytes = b"", **headers: str) -> tuple[int, dict[str, str], bytes]:
    with server.connect() as connection:
        extra = {"Content-Type": "application/json", "Content-Length": str(len(body))} if method == "POST" else {}
        connection.sendall(server.head(method, path, {**extra, **headers, "Connection": "close"}) + body)
        return read_answer(connection)


def test_a_half_sent_request_does_not_hold_up_another_client(server):
    with server.connect() as stalled:
        stalled.sendall(server.head("POST", "/v1/check", {"Content-Type": "application/json", "Content-Length": "100"}) + b'{"text": ')
        time.sleep(0.2)
        started = time.monotonic()
        with server.connect(timeout=3) as other:
            other.sendall(server.head("GET", "/v1/hello", {"Connection": "close"}))
            status, _, body = read_answer(other)
        waited = time.monotonic() - started
    assert status == 200 and json.loads(body)["type"] == "hello"
    assert waited < 3  # it was answered at once; behind Flask's development server it waited for ever


def test_a_half_sent_request_is_dropped_once_idle_past_the_timeout(server):
    with server.connect(timeout=IDLE_TIMEOUT_S + 8) as stalled:
        stalled.sendall(server.head("POST", "/v1/check", {"Content-Type": "application/json", "Content-Length": "100"}) + b'{"text": ')
        started = time.monotonic()
        assert stalled.recv(1024) == b""  # closed by the server, without an answer to a request it never got whole
        assert time.monotonic() - started >= IDLE_TIMEOUT_S - 0.5


def test_a_300_mb_body_is_refused_by_its_length_before_it_is_sent(server):
    with server.connect(timeout=10) as connection:
        connection.sendall(server.head("POST", "/v1/check", {"Content-Type": "application/json", "Content-Length": str(300 * 1024 * 1024)}))
        status, code, message = json_error(*read_answer(connection))
    assert (status, code) == (413, "too_large")
    assert "314,572,800 bytes" in message and f"{protocol.MAX_REQUEST_BYTES:,}" in message


def test_a_chunked_body_is_refused_once_it_passes_the_limit(server):
    # Valid JSON with a short draft: only its size is wrong, and the server must not read it all.
    body = b'{"text": "hi", "policies": ["icis"]' + b" " * (protocol.MAX_REQUEST_BYTES + 1) + b"}"
    with server.connect(timeout=10) as connection:
        connection.sendall(server.head("POST", "/v1/check", {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}))
        try:
            for start in range(0, len(body), 64 * 1024):
                chunk = body[start : start + 64 * 1024]
                connection.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            connection.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server refused and closed while the rest was still coming: what we want
        status, code, message = json_error(*read_answer(connection))
    assert (status, code) == (413, "too_large")
    assert f"{protocol.MAX_REQUEST_BYTES:,}" in message


def test_a_body_of_exactly_the_limit_is_read_as_the_host_reads_it(server):
    start = b'{"text": "Off to #ICIS2025", "policies": ["icis"]'
    body = start + b" " * (protocol.MAX_REQUEST_BYTES - len(start) - 1) + b"}"
    assert len(body) == protocol.MAX_REQUEST_BYTES
    status, _, answer = ask(server, "POST", "/v1/check", body)
    assert status == 200 and [f["rule"] for f in json.loads(answer)["findings"]] == ["icis.disclaimer"]


def test_broken_http_is_answered_in_json_too(server):
    with server.connect() as connection:
        connection.sendall(b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: many\r\n\r\n")
        status, code, _ = json_error(*read_answer(connection))
    assert (status, code) == (400, "bad_request")


def test_deeply_nested_json_is_a_json_400(server):
    status, code, message = json_error(*ask(server, "POST", "/v1/check", b"[" * 100_000))
    assert (status, code) == (400, "bad_request") and "nested too deeply" in message


@pytest.mark.parametrize("host", ["evil.example", "rebind.127.0.0.1.nip.io"])
def test_a_rebound_host_name_is_refused(server, host):
    status, code, _ = json_error(*ask(server, "GET", "/v1/hello", Host=f"{host}:{server.port}"))
    assert (status, code) == (421, "host_not_allowed")


def test_an_origin_from_the_environment_variable_may_call_and_a_lookalike_may_not(server):
    status, headers, _ = ask(server, "GET", "/v1/hello", Origin=FIREFOX_ORIGIN)
    assert status == 200 and headers["access-control-allow-origin"] == FIREFOX_ORIGIN
    status, code, _ = json_error(*ask(server, "GET", "/v1/hello", Origin="http://localhost.evil.example"))
    assert (status, code) == (403, "origin_not_allowed")


def test_an_origin_given_on_the_command_line_may_call():
    origin = "moz-extension://87654321-1234-1234-1234-123456789abc"
    running = ServedApi("--allow-origin", origin)
    try:
        status, headers, _ = ask(running, "GET", "/v1/hello", Origin=origin)
    finally:
        running.stop()
    assert status == 200 and headers["access-control-allow-origin"] == origin


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.1"])
def test_serving_beyond_loopback_is_refused(host, capsys):
    assert main(["serve", "--host", host, "--port", "0"]) == 2
    assert "loopback only" in capsys.readouterr().err


def test_an_allowed_origin_that_is_not_an_origin_is_refused_at_start(capsys):
    assert main(["serve", "--allow-origin", "moz-extension://*"]) == 2
    assert "not an origin" in capsys.readouterr().err


def test_a_port_in_use_is_reported(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        assert main(["serve", "--port", str(taken.getsockname()[1])]) == 1
    assert "cannot serve" in capsys.readouterr().err
