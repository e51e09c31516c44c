"""The local HTTP API as a WSGI app: the host's protocol over HTTP, who may call it, and every error as JSON.

The real server (waitress, sockets, timeouts) is tested in test_api_server.py.
"""

from __future__ import annotations

import logging

import pytest

import engine
from engine import protocol
from decorum.api import CHROMIUM_EXTENSION_ORIGIN, STATUS_OF_CODE, create_app, origins_from_environment, parse_origin
from engine.text import MAX_DRAFT_UTF16_UNITS
from native_host import EXTENSION_ID

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
ICIS_DRAFT = "Proud to present our work at the ICIS meeting in Lisbon next week!"


class Api:
    """A test client addressed as a browser on this machine addresses the server: 127.0.0.1:8765."""

    def __init__(self, allowed_origins=()) -> None:
        self.client = create_app(allowed_origins).test_client()

    def get(self, path, **kwargs):
        return self.client.get(path, base_url=BASE, **kwargs)

    def post(self, path="/v1/check", **kwargs):
        return self.client.post(path, base_url=BASE, **kwargs)

    def open(self, path, **kwargs):
        return self.client.open(path, base_url=BASE, **kwargs)


@pytest.fixture
def api():
    return Api()


def error_of(response) -> tuple[int, str]:
    """The status and code of a JSON error answer, after checking it has the protocol's shape."""
    assert response.mimetype == "application/json", response.data[:200]
    body = response.get_json()
    assert set(body) == {"type", "code", "message"} and body["type"] == "error", body
    assert response.status_code == STATUS_OF_CODE[body["code"]]
    return response.status_code, body["code"]


def without_timing(answer: dict) -> dict:
    return {key: value for key, value in answer.items() if key != "elapsed_ms"}


# --- the protocol, over HTTP


def test_hello_is_the_hosts_hello(api):
    assert api.get("/v1/hello").get_json() == protocol.handle({"type": "hello"})


def test_check_answers_with_the_engines_findings_in_contract_form(api):
    body = api.post(json={"text": "Off to #ICIS2025", "policies": ["icis"], "site": "x"}).get_json()
    assert body["type"] == "result"
    assert body["findings"] == [f.to_json() for f in engine.check("Off to #ICIS2025", ["icis"])]


@pytest.mark.parametrize(
    "request_body",
    [
        {"text": ICIS_DRAFT, "policies": ["icis"]},
        {"id": "r-7", "text": ICIS_DRAFT, "policies": ["icis", "rcr"], "profile_disclaimer": ["rcr"]},
        {"text": "\ud83d Proud to present at the ICIS meeting", "policies": ["icis"]},
        {"text": "Delighted to chair the BSCI session", "policies": ["society"], "identity": {"society": {"acronyms": ["BSCI"]}}},
    ],
    ids=["plain", "id-and-profile", "lone-surrogate", "identity"],
)
def test_a_result_is_built_by_the_hosts_code_field_for_field(api, request_body):
    # Any field the host's result gains (such as a future 'incomplete') appears here too.
    answer = api.post(json=request_body).get_json()
    assert without_timing(answer) == without_timing(protocol.handle({**request_body, "type": "check"}))


@pytest.mark.parametrize(
    ("request_body", "status"),
    [
        ({"policies": ["icis"]}, 400),
        ({"text": "x", "policies": ["acme"]}, 400),
        ({"text": "x", "policies": "icis"}, 400),
        ({"text": "x"}, 400),
        ({"text": "x", "policies": [], "identity": ["BSCI"]}, 400),
        ({"text": "x", "policies": [], "site": 3}, 400),
        ({"text": "x", "policies": [], "profile_disclaimer": "rcr"}, 400),
        ({"id": {"n": 1}, "text": "x", "policies": []}, 400),
        ({"text": "x" * (MAX_DRAFT_UTF16_UNITS + 1), "policies": ["icis"]}, 413),
        ({"text": "\U0001f600" * 31_604, "policies": ["icis"]}, 413),
        (["text"], 400),
        ("hello", 400),
    ],
    ids=["no-text", "unknown-pack", "policies-string", "no-policies", "identity-list", "site-number",
         "profile-string", "id-object", "too-long", "too-long-in-utf16", "array", "string"],
)
def test_a_refused_check_has_the_hosts_code_and_message_and_its_status(api, request_body, status):
    response = api.post(json=request_body)
    host = protocol.handle({**request_body, "type": "check"} if isinstance(request_body, dict) else request_body)
    assert response.get_json() == host
    assert error_of(response) == (status, host["code"])


def test_the_type_is_set_by_the_endpoint_not_the_body(api):
    assert api.post(json={"type": "hello", "text": "x", "policies": []}).get_json()["type"] == "result"


# --- who may call: the Host header (DNS rebinding) and the Origin header (web pages)


@pytest.mark.parametrize("host", ["127.0.0.1", f"127.0.0.1:{PORT}", f"localhost:{PORT}", f"LOCALHOST:{PORT}", f"[::1]:{PORT}"])
def test_the_servers_own_names_are_served(api, host):
    assert api.get("/v1/hello", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(
    "host",
    ["evil.example", f"evil.example:{PORT}", f"rebind.127.0.0.1.nip.io:{PORT}", "localhost.evil.example", f"127.0.0.1:{PORT + 1}", ""],
    ids=["other-name", "other-name-our-port", "rebinding-name", "prefix-name", "other-port", "empty"],
)
def test_any_other_host_header_is_refused_so_dns_rebinding_reads_nothing(api, host):
    response = api.post(json={"text": ICIS_DRAFT, "policies": ["icis"]}, headers={"Host": host})
    assert error_of(response) == (421, "host_not_allowed")
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize(
    "origin",
    [
        "http://localhost.evil.example",
        "http://127.0.0.1.nip.io",
        "https://evil.example",
        "chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh",
        "moz-extension://12345678-1234-1234-1234-123456789abc",
        f"{CHROMIUM_EXTENSION_ORIGIN}.evil.example",
        f"http://127.0.0.1:{PORT + 1}",
        "null",
    ],
)
def test_a_page_of_any_other_origin_cannot_even_trigger_a_check(api, origin, monkeypatch):
    checked = []
    monkeypatch.setattr(engine, "check_report", lambda *args, **kwargs: checked.append(args) or [])
    response = api.post(json={"text": ICIS_DRAFT, "policies": ["icis"]}, headers={"Origin": origin})
    assert error_of(response) == (403, "origin_not_allowed")
    assert "Access-Control-Allow-Origin" not in response.headers
    assert checked == []


@pytest.mark.parametrize(
    "origin",
    [CHROMIUM_EXTENSION_ORIGIN, f"http://127.0.0.1:{PORT}", f"http://localhost:{PORT}", f"http://[::1]:{PORT}"],
    ids=["decorum-extension", "playground-ip", "playground-localhost", "playground-ipv6"],
)
def test_decorums_extension_and_the_playground_may_call(api, origin):
    response = api.post(json={"text": ICIS_DRAFT, "policies": ["icis"]}, headers={"Origin": origin})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == origin
    assert "Origin" in response.headers["Vary"]


def test_the_allowed_extension_is_the_one_whose_id_the_manifest_key_fixes():
    assert CHROMIUM_EXTENSION_ORIGIN == f"chrome-extension://{EXTENSION_ID}"


def test_an_origin_the_user_adds_may_call_and_only_that_one():
    firefox = "moz-extension://12345678-1234-1234-1234-123456789abc"
    api = Api([firefox + "/"])
    assert api.get("/v1/hello", headers={"Origin": firefox}).headers["Access-Control-Allow-Origin"] == firefox
    other = "moz-extension://87654321-1234-1234-1234-123456789abc"
    assert error_of(api.get("/v1/hello", headers={"Origin": other})) == (403, "origin_not_allowed")


def test_a_preflight_from_an_allowed_origin_allows_a_json_post():
    response = Api().open(
        "/v1/check",
        method="OPTIONS",
        headers={"Origin": CHROMIUM_EXTENSION_ORIGIN, "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type"},
    )
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == CHROMIUM_EXTENSION_ORIGIN
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in response.headers["Access-Control-Allow-Headers"]


def test_a_preflight_from_another_origin_is_refused(api):
    response = api.open("/v1/check", method="OPTIONS", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert error_of(response) == (403, "origin_not_allowed")


@pytest.mark.parametrize(
    ("value", "origin"),
    [("moz-extension://1234-abcd/", "moz-extension://1234-abcd"), ("HTTP://LocalHost:3000", "http://localhost:3000"),
     ("http://[::1]:8080", "http://[::1]:8080")],
)
def test_an_origin_is_written_as_browsers_send_it(value, origin):
    assert parse_origin(value) == origin


@pytest.mark.parametrize("value", ["moz-extension://*", "https://example.com/path", "null", "example.com", "*", "http://a..b"])
def test_something_that_is_not_an_origin_is_refused_saying_how_to_write_one(value):
    with pytest.raises(ValueError, match="scheme://host"):
        parse_origin(value)


def test_origins_come_from_the_environment_separated_by_spaces_or_commas():
    environ = {"DECORUM_ALLOW_ORIGIN": " moz-extension://a-1/, http://localhost:3000  moz-extension://b-2"}
    assert origins_from_environment(environ) == ["moz-extension://a-1", "http://localhost:3000", "moz-extension://b-2"]
    assert origins_from_environment({}) == []


# --- every error is JSON in the protocol's shape


@pytest.mark.parametrize(
    "body",
    [b"[" * 100_000, b'{"text": "x", "policies": [], "identity": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"],
    ids=["deep-array", "deep-identity"],
)
def test_deeply_nested_json_is_a_bad_request_not_a_crash(api, body):
    response = api.post(data=body, content_type="application/json")
    assert error_of(response) == (400, "bad_request")
    assert "nested too deeply" in response.get_json()["message"]


@pytest.mark.parametrize(
    ("body", "complaint"),
    [(b'{"text": ', "not valid JSON"), (b'{"text": "caf\xe9"}', "not valid UTF-8"), (b'{"text": NaN}', "NaN"), (b"", "not valid JSON")],
)
def test_a_body_that_is_not_json_is_a_bad_request_with_the_hosts_message(api, body, complaint):
    response = api.post(data=body, content_type="application/json")
    assert error_of(response) == (400, "bad_request")
    assert complaint in response.get_json()["message"]


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_a_body_that_is_not_sent_as_json_is_refused(api, content_type):
    response = api.post(data=b'{"text": "x", "policies": []}', content_type=content_type)
    assert error_of(response) == (415, "unsupported_media_type")


def test_a_body_over_the_hosts_request_limit_is_refused_by_its_announced_length(api):
    body = b'{"text": "x", "policies": []' + b" " * protocol.MAX_REQUEST_BYTES + b"}"
    response = api.post(data=body, content_type="application/json")
    assert error_of(response) == (413, "too_large")
    assert f"{len(body):,} bytes" in response.get_json()["message"]


def test_an_unknown_path_is_a_json_404_naming_the_endpoints(api):
    response = api.get("/v2/check")
    assert error_of(response) == (404, "not_found")
    assert "POST /v1/check" in response.get_json()["message"]


def test_a_wrong_method_is_a_json_405_saying_which_are_allowed(api):
    response = api.get("/v1/check")
    assert error_of(response) == (405, "method_not_allowed")
    assert "POST" in response.headers["Allow"] and "POST" in response.get_json()["message"]


def test_an_engine_failure_is_a_json_500_with_the_hosts_message(api, monkeypatch):
    monkeypatch.setattr(engine, "check_report", lambda *args, **kwargs: 1 / 0)
    response = api.post(json={"text": "x", "policies": []})
    assert error_of(response) == (500, "internal")
    assert "ZeroDivisionError" in response.get_json()["message"]


def test_a_failure_outside_the_engine_is_a_json_500_with_the_traceback_only_in_the_log(api, monkeypatch, caplog):
    def broken(request):
        raise RuntimeError("the secret detail")

    monkeypatch.setattr(protocol, "handle", broken)
    with caplog.at_level(logging.ERROR):
        response = api.get("/v1/hello")
    assert error_of(response) == (500, "internal")
    assert "RuntimeError" in response.get_json()["message"]
    assert "secret detail" not in response.get_data(as_text=True) and "Traceback" not in response.get_data(as_text=True)
    assert "Traceback" in caplog.text and "the secret detail" in caplog.text


# --- the playground


def test_the_playground_page_and_its_files_are_served_from_this_server_only(api):
    page = api.get("/")
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    for asset in ("/playground/playground.js", "/playground/playground.css"):
        assert asset in html
        assert api.get(asset).status_code == 200
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert "connect-src 'self'" in page.headers["Content-Security-Policy"]
