"""Protocol v1: reads a request's bytes and turns one request into one answer, never raising.

Shared by every way the engine is reached (the native host's frames, the HTTP API): what can be
asked, every way a request can be wrong, and the answer's shape are decided here and only here.
Answers always fit in one native-messaging message the browser will accept.
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
from typing import Any

import engine
from engine import learned
from engine.learned import DEFAULT_SENSITIVITY, SENSITIVITIES
from engine.contract import MAX_DRAFT_UTF16_UNITS
from engine.text import utf16_length

PROTOCOL_VERSION = 1
# Requests above this are refused; nothing the extension sends legitimately comes near it.
MAX_REQUEST_BYTES = 4 * 1024 * 1024
# Chrome closes the port on any message from the host longer than 1 MB (kMaximumNativeMessageSize).
MAX_ANSWER_BYTES = 1024 * 1024
# Longer ids are refused rather than echoed: an echo must not be what pushes an answer over 1 MB.
MAX_ID_CHARS = 1_000
# Messages quote what was sent (an unknown policy id, say); a cap keeps every error answer small.
MAX_MESSAGE_CHARS = 2_000
# JSON can carry a surrogate without its pair (Firefox's JSON.stringify writes them escaped); after
# json.loads every surrogate left in a str is such a one. Chrome turns them into U+FFFD; so do we.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

log = logging.getLogger(__name__)


class RequestError(Exception):
    """A request the host refuses, with the protocol error code and a message for the developer."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def handle(request: object, recall: engine.Recall | None = None) -> dict[str, Any]:
    """Answer one decoded request: a hello, a result, or an error; never raises. ``recall``: the
    compose box the connection's drafts are typed in (the native host's, one per connection): a
    check takes what it can from the last (engine/recall.py)."""
    echo = _echo(request)
    try:
        answer = _dispatch(request, recall)
    except RequestError as refusal:
        answer = error(refusal.code, refusal.message)
    except Exception as failure:  # the host and the HTTP server must outlive any engine bug
        log.exception("internal error answering a request")
        answer = error(
            "internal",
            f"the engine failed on this request ({type(failure).__name__}: {failure}); "
            "the traceback is in the host's log (stderr)",
        )
    answer = {**echo, **answer}
    return _fit(answer) if answer["type"] == "result" else answer


def error(code: str, message: str) -> dict[str, Any]:
    """An error answer without an id: handle adds the request's; a request never read as JSON has none."""
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[: MAX_MESSAGE_CHARS - 1] + "…"
    return {"type": "error", "code": code, "message": message}


def too_large_request(length: int | None, head: bytes = b"") -> dict[str, Any]:
    """The answer to a request over MAX_REQUEST_BYTES (`length` None: its size is unknown, as when it
    came in chunks), naming its id when the id came first in `head`, its first bytes."""
    size = f"{length:,} bytes" if length is not None else f"over {MAX_REQUEST_BYTES:,} bytes"
    answer = error("too_large", f"the request is {size}; this host accepts at most {MAX_REQUEST_BYTES:,}")
    return {**_sniff_id(head), **answer}


def decode(payload: bytes) -> object:
    """Parse a request's bytes as UTF-8 JSON; raise RequestError (bad_request) saying what is wrong."""
    try:
        # Decode explicitly: json.loads(bytes) would quietly accept UTF-16 and UTF-32 too.
        text = payload.decode("utf-8")
    except UnicodeDecodeError as failure:
        raise RequestError("bad_request", f"the request is not valid UTF-8 ({failure.reason} at byte {failure.start})") from None
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as failure:
        raise RequestError("bad_request", f"the request is not valid JSON ({failure.msg} at character {failure.pos})") from None
    except RecursionError:
        raise RequestError("bad_request", "the request's JSON is nested too deeply to read") from None
    except ValueError as failure:  # e.g. an integer longer than Python will convert
        raise RequestError("bad_request", f"the request's JSON cannot be read ({failure})") from None


def _refuse_constant(name: str) -> object:
    # Python's json reads NaN and Infinity, which are not JSON and could not be echoed back.
    raise RequestError("bad_request", f"the request is not valid JSON ({name} is not a JSON value)")


def encode(message: object) -> bytes:
    """Serialise a message (an answer) compactly.

    ensure_ascii keeps it pure ASCII (so valid UTF-8) even when the text carries an unpaired
    surrogate, which JSON can escape but UTF-8 cannot encode.
    """
    return json.dumps(message, ensure_ascii=True, separators=(",", ":"), allow_nan=False).encode("ascii")


def _dispatch(request: object, recall: engine.Recall | None) -> dict[str, Any]:
    if not isinstance(request, dict):
        raise RequestError("bad_request", f"a request must be a JSON object, not {_json_kind(request)}")
    if "id" in request and not _is_valid_id(request["id"]):
        raise RequestError(
            "bad_request", f"'id' must be a string of at most {MAX_ID_CHARS:,} characters, a number, a boolean or null"
        )
    kind = request.get("type")
    if not isinstance(kind, str):
        raise RequestError("bad_request", "a request needs a 'type' string: 'hello' or 'check'")
    if kind == "hello":
        return _hello()
    if kind == "check":
        return _check(request, recall)
    raise RequestError(
        "unknown_type",
        f"unknown request type {json.dumps(kind, ensure_ascii=False)}; "
        f"protocol {PROTOCOL_VERSION} knows 'hello' and 'check'",
    )


def _hello() -> dict[str, Any]:
    return {
        "type": "hello",
        "protocol": PROTOCOL_VERSION,
        "version": engine.__version__,
        "policies": [policy.model_dump(mode="json") for policy in engine.list_policies()],
        # The learned checker beside the rules: null when its model could not be read.
        "learned": learned.description(),
    }


def _check(request: dict[str, Any], recall: engine.Recall | None) -> dict[str, Any]:
    text = request.get("text")
    if not isinstance(text, str):
        raise RequestError("bad_request", "check needs a 'text' string")
    text = _LONE_SURROGATE.sub("\ufffd", text)
    units = utf16_length(text)
    if units > MAX_DRAFT_UTF16_UNITS:
        raise RequestError(
            "too_large",
            f"the text is {units:,} UTF-16 code units long; the limit is {MAX_DRAFT_UTF16_UNITS:,} "
            "(Facebook's, the longest post of any supported site)",
        )
    policies = request.get("policies")
    if not isinstance(policies, list) or not all(isinstance(policy, str) for policy in policies):
        raise RequestError("bad_request", "check needs 'policies', a list of policy id strings such as [\"icis\"]")
    identity = request.get("identity")
    if identity is not None and not isinstance(identity, dict):
        raise RequestError("bad_request", f"'identity' must be an object or null, not {_json_kind(identity)}")
    site = request.get("site")  # sent by the extension, read by nothing: kept to its documented shape
    if site is not None and not isinstance(site, str):
        raise RequestError("bad_request", f"'site' must be a string or null, not {_json_kind(site)}")
    profile_disclaimer = request.get("profile_disclaimer", [])
    if not isinstance(profile_disclaimer, list) or not all(isinstance(p, str) for p in profile_disclaimer):
        raise RequestError("bad_request", "'profile_disclaimer' must be a list of policy id strings")
    sensitivity = request.get("sensitivity", DEFAULT_SENSITIVITY)
    if sensitivity not in SENSITIVITIES:
        raise RequestError(
            "bad_request", f"'sensitivity' must be one of {', '.join(map(repr, SENSITIVITIES))} (default {DEFAULT_SENSITIVITY!r})"
        )

    started = time.perf_counter()
    try:
        report = engine.check_report(
            text, policies, identity, profile_disclaimer=profile_disclaimer, sensitivity=sensitivity, recall=recall
        )
    except (engine.UnknownPolicy, engine.IdentityError) as refusal:
        raise RequestError("bad_request", str(refusal)) from None
    elapsed_ms = (time.perf_counter() - started) * 1000
    answer = {
        "type": "result",
        "findings": [finding.to_json() for finding in report.findings],
        "elapsed_ms": round(elapsed_ms, 3),
    }
    if report.incomplete:  # absent when every rule finished: older extensions ignore it either way
        answer["incomplete"] = list(report.incomplete)
    if report.needs_identity:  # absent when every pack knows its organisation's names
        answer["needs_identity"] = list(report.needs_identity)
    return answer


def _fit(answer: dict[str, Any]) -> dict[str, Any]:
    """Drop a result's findings from the end until the encoded answer fits Chrome's 1 MB, counting them in 'truncated'.

    The findings come in text order, so the ones kept are those nearest the start of the draft.
    """
    if len(encode(answer)) <= MAX_ANSWER_BYTES:
        return answer
    findings = answer["findings"]
    sizes = [len(encode(finding)) for finding in findings]
    # An upper bound for the envelope: 'truncated' is given its widest possible value.
    envelope = len(encode({**answer, "findings": [], "truncated": len(findings)}))
    kept, used = 0, envelope
    for size in sizes:
        separator = 1 if kept else 0
        if used + separator + size > MAX_ANSWER_BYTES:
            break
        used += separator + size
        kept += 1
    return {**answer, "findings": findings[:kept], "truncated": len(findings) - kept}


def _echo(request: object) -> dict[str, Any]:
    if isinstance(request, dict) and "id" in request and _is_valid_id(request["id"]):
        return {"id": request["id"]}
    return {}


def _is_valid_id(value: object) -> bool:
    if isinstance(value, str):
        return len(value) <= MAX_ID_CHARS
    if isinstance(value, float):
        return math.isfinite(value)  # 1e999 reads as inf, which JSON cannot carry back
    return value is None or isinstance(value, (bool, int))


_LEADING_ID = re.compile(rb'\s*\{\s*"id"\s*:\s*')


def _sniff_id(head: bytes) -> dict[str, Any]:
    """Read the id from the start of a discarded request, when it is the first key; else nothing."""
    match = _LEADING_ID.match(head)
    if not match:
        return {}
    try:
        value, _ = json.JSONDecoder().raw_decode(head[match.end() :].decode("utf-8", errors="ignore"))
    except json.JSONDecodeError:
        return {}
    return {"id": value} if _is_valid_id(value) else {}


def _json_kind(value: object) -> str:
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return kinds.get(type(value), "a number")

