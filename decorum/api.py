"""The local HTTP API: protocol v1's hello and check over HTTP, for this machine's browser and tools only.

Requests are read, checked and answered by engine.protocol, exactly as the native host answers
them; this module adds only what HTTP needs: who may ask (the Host and Origin headers), the
body's type and size, an HTTP status for each error, and the playground page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from flask import Flask, Response, g, request
from werkzeug.exceptions import HTTPException

from engine import protocol
from native_host import EXTENSION_ID

# Decorum's own Chromium extension: its id is fixed by the manifest's key.
CHROMIUM_EXTENSION_ORIGIN = f"chrome-extension://{EXTENSION_ID}"
# More origins to allow, separated by spaces or commas: Firefox gives each install its own
# moz-extension://<uuid>, which cannot be known in advance.
ORIGINS_VARIABLE = "DECORUM_ALLOW_ORIGIN"
# The names this server answers to; any other Host header is a page that rebound its own name
# to 127.0.0.1 (DNS rebinding), or a request meant for another server.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
ENDPOINTS = "GET /, GET /v1/hello and POST /v1/check"
PLAYGROUND = Path(__file__).parent / "playground"

# The HTTP status of each error code: the protocol's four, then those only HTTP has.
STATUS_OF_CODE = {
    "bad_request": 400,
    "unknown_type": 400,
    "too_large": 413,
    "internal": 500,
    "origin_not_allowed": 403,
    "not_found": 404,
    "method_not_allowed": 405,
    "unsupported_media_type": 415,
    "host_not_allowed": 421,
}
_CODE_OF_STATUS = {404: "not_found", 405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type"}
# The page, its script and its style come from this server only, and it talks to nothing else.
_CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_ORIGIN = re.compile(r"[a-z][a-z0-9+.-]*://(?:[a-z0-9_~%-]+(?:\.[a-z0-9_~%-]+)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?")


def parse_origin(value: str) -> str:
    """An origin as browsers send it (`scheme://host[:port]`, no path), or ValueError naming what is wrong."""
    origin = value.strip().removesuffix("/").lower()
    if not _ORIGIN.fullmatch(origin):
        raise ValueError(f"{value!r} is not an origin: write scheme://host[:port], e.g. moz-extension://<uuid>")
    return origin


def origins_from_environment(environ: Mapping[str, str] = os.environ) -> list[str]:
    """The origins listed in DECORUM_ALLOW_ORIGIN; ValueError for one that is not an origin."""
    return [parse_origin(value) for value in re.split(r"[\s,]+", environ.get(ORIGINS_VARIABLE, "")) if value]


def create_app(allowed_origins: Iterable[str] = ()) -> Flask:
    """The API as a WSGI app; browser pages of `allowed_origins` may call it besides Decorum's own."""
    app = Flask("decorum", root_path=str(Path(__file__).parent), static_folder="playground", static_url_path="/playground")
    app.config["MAX_CONTENT_LENGTH"] = protocol.MAX_REQUEST_BYTES
    allowed = frozenset({CHROMIUM_EXTENSION_ORIGIN, *map(parse_origin, allowed_origins)})

    @app.before_request
    def refuse_strangers() -> Response | None:
        port = request.environ.get("SERVER_PORT", "80")
        host = request.environ.get("HTTP_HOST", "").lower()
        if host not in _names_with_port(port):
            return _wrong_host(host, port)
        origin = request.headers.get("Origin")
        if origin is None:  # not a browser page's request: a local tool, or the page loading itself
            return None
        if origin not in allowed | _own_origins(port):
            return _wrong_origin(origin)
        g.allowed_origin = origin
        return _preflight() if request.method == "OPTIONS" else None

    @app.after_request
    def label(response: Response) -> Response:
        if "allowed_origin" in g:
            response.headers["Access-Control-Allow-Origin"] = g.allowed_origin
        response.headers["Vary"] = "Origin"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Content-Security-Policy"] = _CONTENT_SECURITY_POLICY
        return response

    app.register_error_handler(HTTPException, _http_error)

    @app.get("/")
    def playground() -> Response:
        return app.send_static_file("index.html")

    @app.get("/v1/hello")
    def hello() -> Response:
        return _answer({"type": "hello"})

    @app.post("/v1/check")
    def check() -> Response:
        if request.mimetype != "application/json":
            return _error(
                "unsupported_media_type",
                f"send the request as JSON, with Content-Type: application/json (not {request.mimetype or 'none'!r})",
            )
        try:
            body = protocol.decode(request.get_data(cache=False))
        except protocol.RequestError as refusal:
            return _error(refusal.code, refusal.message)
        # This endpoint only checks: a 'type' in the body is overruled, as the URL says what is asked.
        return _answer({**body, "type": "check"} if isinstance(body, dict) else body)

    return app


def _names_with_port(port: str) -> set[str]:
    return {*LOOPBACK_NAMES, *(f"{name}:{port}" for name in LOOPBACK_NAMES)}


def _own_origins(port: str) -> set[str]:
    """The playground's origins: this server under each of its names (browsers omit port 80)."""
    suffix = "" if port == "80" else f":{port}"
    return {f"http://{name}{suffix}" for name in LOOPBACK_NAMES}


def _wrong_host(host: str, port: str) -> Response:
    asked = f"requests for host {host!r}" if host else "requests without a Host header"
    return _error(
        "host_not_allowed",
        f"{asked} are refused: this server answers only 127.0.0.1:{port}, localhost:{port} or [::1]:{port}",
    )


def _wrong_origin(origin: str) -> Response:
    return _error(
        "origin_not_allowed",
        f"requests from {origin!r} are refused: this server answers Decorum's extension, its own page and "
        f"the origins given with `decorum serve --allow-origin` or {ORIGINS_VARIABLE}",
    )


def _preflight() -> Response:
    response = Response(status=204)
    response.headers["Access-Control-Allow-Methods"] = "GET, POST"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type"
    response.headers["Access-Control-Max-Age"] = "600"
    return response


def _answer(message: object) -> Response:
    """Answer a request with engine.protocol (the engine takes waitress's threads one check at a
    time), as JSON with its HTTP status."""
    answer = protocol.handle(message)
    status = STATUS_OF_CODE[answer["code"]] if answer["type"] == "error" else 200
    return _json(answer, status)


def _error(code: str, message: str) -> Response:
    return _json(protocol.error(code, message), STATUS_OF_CODE[code])


def _json(answer: dict[str, Any], status: int) -> Response:
    return Response(protocol.encode(answer), status=status, mimetype="application/json")


def _http_error(failure: HTTPException) -> Response:
    """Werkzeug's refusals (no such page, wrong method, body too large, a crash) in the protocol's shape."""
    status = failure.code or 500
    code = _CODE_OF_STATUS.get(status, "bad_request" if status < 500 else "internal")
    if code == "too_large":
        answer = protocol.too_large_request(request.content_length)
    elif code == "not_found":
        answer = protocol.error(code, f"there is nothing at {request.path!r}; this server has {ENDPOINTS}")
    elif code == "method_not_allowed":
        methods = ", ".join(sorted(failure.valid_methods or ()))  # type: ignore[attr-defined]
        answer = protocol.error(code, f"{request.method} is not allowed on {request.path}; use {methods}")
    elif code == "internal":
        # Flask has logged the traceback; the answer names the failure only.
        cause = getattr(failure, "original_exception", None) or failure
        answer = protocol.error(
            code, f"the server failed on this request ({type(cause).__name__}); the traceback is in its log (stderr)"
        )
    else:
        answer = protocol.error(code, f"{failure.name}: {failure.description}")
    response = _json(answer, status)
    if code == "method_not_allowed":
        response.headers["Allow"] = ", ".join(failure.valid_methods or ())  # type: ignore[attr-defined]
    return response
