"""The local HTTP API serves the same check as the host."""

import pytest

from engine.api import create_app


@pytest.fixture
def client():
    return create_app().test_client()


def test_hello_lists_the_packs(client):
    body = client.get("/v1/hello").get_json()
    assert body["protocol"] == 1 and {p["id"] for p in body["policies"]} >= {"icis", "rcr"}


def test_check_returns_contract_findings(client):
    body = client.post("/v1/check", json={"text": "Off to #ICIS2025", "policies": ["icis"]}).get_json()
    assert body["type"] == "result"
    assert [f["rule"] for f in body["findings"]] == ["icis.disclaimer"]


@pytest.mark.parametrize(
    "payload, status, code",
    [
        ({"policies": ["icis"]}, 400, "bad_request"),
        ({"text": "x", "policies": ["acme"]}, 400, "bad_request"),
        ({"text": "x", "policies": "icis"}, 400, "bad_request"),
        ({"text": "x" * 63_207, "policies": ["icis"]}, 413, "too_large"),
    ],
)
def test_bad_requests_get_a_clear_error(client, payload, status, code):
    response = client.post("/v1/check", json=payload)
    assert response.status_code == status and response.get_json()["code"] == code


def test_only_local_origins_are_allowed(client):
    evil = client.post("/v1/check", json={"text": "x", "policies": []}, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in evil.headers
    ours = client.post("/v1/check", json={"text": "x", "policies": []}, headers={"Origin": "chrome-extension://abc"})
    assert ours.headers["Access-Control-Allow-Origin"] == "chrome-extension://abc"
