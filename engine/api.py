"""The local HTTP API: the same ``check`` as the native host, on loopback only."""

from __future__ import annotations

from flask import Flask, jsonify, request
from flask_cors import CORS

from . import __version__
from .check import IdentityError, UnknownPolicy, check, list_policies
from .text import MAX_DRAFT_UTF16_UNITS, utf16_length

# Only the extension and local tools may call; a draft never leaves the machine anyway.
ALLOWED_ORIGINS = [r"chrome-extension://.*", r"moz-extension://.*", r"http://127\.0\.0\.1(:\d+)?", r"http://localhost(:\d+)?"]


def create_app() -> Flask:
    app = Flask("decorum")
    CORS(app, origins=ALLOWED_ORIGINS)

    @app.get("/v1/hello")
    def hello():
        return jsonify(type="hello", protocol=1, version=__version__, policies=[p.model_dump() for p in list_policies()])

    @app.post("/v1/check")
    def check_draft():
        body = request.get_json(silent=True)
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            return jsonify(type="error", code="bad_request", message="send a JSON object with a 'text' string"), 400
        if utf16_length(body["text"]) > MAX_DRAFT_UTF16_UNITS:
            return jsonify(type="error", code="too_large", message=f"drafts over {MAX_DRAFT_UTF16_UNITS:,} characters are not checked"), 413
        policies = body.get("policies", [])
        if not isinstance(policies, list) or not all(isinstance(p, str) for p in policies):
            return jsonify(type="error", code="bad_request", message="'policies' must be a list of pack ids"), 400
        profile_disclaimer = body.get("profile_disclaimer", [])
        if not isinstance(profile_disclaimer, list) or not all(isinstance(p, str) for p in profile_disclaimer):
            return jsonify(type="error", code="bad_request", message="'profile_disclaimer' must be a list of pack ids"), 400
        try:
            findings = check(body["text"], policies, body.get("identity"), body.get("site"), profile_disclaimer)
        except (UnknownPolicy, IdentityError) as exc:
            return jsonify(type="error", code="bad_request", message=str(exc)), 400
        return jsonify(type="result", findings=[f.to_json() for f in findings])

    return app
