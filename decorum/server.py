"""Serve the HTTP API with waitress on loopback: bounded bodies, idle connections closed, errors as JSON.

Waitress reads each request whole, without a thread, before the app sees it, so a client that
stops halfway holds no thread and no other client waits for it; such a connection is closed once
it has been idle for `timeout` seconds. A body over the protocol's limit is refused as soon as
its size is known, not read.
"""

from __future__ import annotations

from collections.abc import Callable

from waitress.server import BaseWSGIServer, create_server
from waitress.channel import HTTPChannel
from waitress.task import ErrorTask
from waitress.utilities import RequestEntityTooLarge

from engine import protocol

LOOPBACK_HOSTS = ("127.0.0.1", "::1", "localhost")
THREADS = 4


class NotLoopback(ValueError):
    """A bind address other than loopback: the API would be open to the network."""


class _JsonErrorTask(ErrorTask):
    """Waitress's own refusals (a body over the limit, broken HTTP) in the protocol's error shape."""

    def execute(self) -> None:
        refusal = self.request.error
        if isinstance(refusal, RequestEntityTooLarge):
            answer = protocol.too_large_request(self.request.content_length or None)
        else:
            code = "internal" if refusal.code >= 500 else "bad_request"
            answer = protocol.error(code, f"{refusal.reason}: {refusal.body}")
        body = protocol.encode(answer)
        self.status = f"{refusal.code} {refusal.reason}"
        self.response_headers.append(("Content-Type", "application/json"))
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


class _JsonErrorChannel(HTTPChannel):
    error_task_class = _JsonErrorTask


def serve(
    app: Callable,
    host: str,
    port: int,
    timeout: float,
    on_ready: Callable[[list[str]], None] = lambda urls: None,
) -> None:
    """Serve `app` on a loopback `host` until interrupted; `on_ready` gets the URLs once it listens.

    Raises NotLoopback for any other host, and OSError when the port cannot be had.
    """
    if host not in LOOPBACK_HOSTS:
        raise NotLoopback(
            f"the API is served on loopback only ({', '.join(LOOPBACK_HOSTS)}), not on {host!r}: "
            "a draft must not leave the machine"
        )
    listen = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    sockets: dict = {}
    server = create_server(
        app,
        map=sockets,
        listen=listen,
        threads=THREADS,
        channel_timeout=timeout,
        cleanup_interval=1,
        # waitress refuses a body of this size or more; the host accepts exactly MAX_REQUEST_BYTES.
        max_request_body_size=protocol.MAX_REQUEST_BYTES + 1,
        ident="decorum",
        expose_tracebacks=False,
    )
    listeners = [dispatcher for dispatcher in sockets.values() if isinstance(dispatcher, BaseWSGIServer)]
    for listener in listeners:
        listener.channel_class = _JsonErrorChannel
    on_ready([_url(listener.effective_host, listener.effective_port) for listener in listeners])
    try:
        server.run()
    finally:
        server.close()


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"
