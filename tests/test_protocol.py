"""Protocol v1 as the host and the HTTP API answer it: reading a request, hello, check, every refusal,
id echo, and the 1 MB answer cap.

These run the real engine; only the truncation tests put a fake engine in its place, because no
real draft produces a megabyte of findings.
"""

from __future__ import annotations

import json
import logging

import pytest

import engine
from engine import protocol
from engine.model import Clause, Finding
from engine.text import MAX_DRAFT_UTF16_UNITS

ICIS_DRAFT = "Proud to present our work at the ICIS meeting in Lisbon next week!"


def check(text: str = ICIS_DRAFT, **fields) -> dict:
    return {"id": 1, "type": "check", "text": text, "policies": ["icis"], **fields}


@pytest.mark.parametrize(
    ("payload", "complaint"),
    [
        (b'{"type": "hel\xff"}', "not valid UTF-8"),
        (b'{"type": hello}', "not valid JSON"),
        (b'{"type": "hello"', "not valid JSON"),
        (b"", "not valid JSON"),
        (b'{"id": NaN}', "NaN is not a JSON value"),
        (b"[" * 100_000, "nested too deeply"),
        (b"1" * 5_000, "cannot be read"),
        ('{"type": "hello"}'.encode("utf-16"), "not valid UTF-8"),
    ],
    ids=["bad-utf8", "bare-word", "unfinished", "empty", "nan", "deep", "huge-int", "utf16"],
)
def test_a_payload_that_is_not_utf8_json_is_a_bad_request_saying_what_is_wrong(payload, complaint):
    with pytest.raises(protocol.RequestError, match=complaint) as refused:
        protocol.decode(payload)
    assert refused.value.code == "bad_request"


def test_encoded_messages_are_ascii_json_that_carries_any_string_back():
    message = {"text": "caf\u00e9 \U0001f600 \ud800"}
    payload = protocol.encode(message)
    assert payload.isascii()
    assert json.loads(payload) == message


def test_hello_names_the_protocol_the_engine_version_and_every_pack():
    answer = protocol.handle({"id": 1, "type": "hello"})
    assert answer["type"] == "hello"
    assert answer["protocol"] == 1
    assert answer["version"] == engine.__version__
    assert [policy["id"] for policy in answer["policies"]] == [policy.id for policy in engine.list_policies()]
    for policy in answer["policies"]:
        assert set(policy) == {"id", "name", "organisation", "date", "categories", "profile_disclaimer", "ask", "needs_identity", "superseded_by"}


def test_hello_says_whom_each_policy_names_to_ask_and_which_policy_needs_the_members_society():
    policies = {policy["id"]: policy for policy in protocol.handle({"id": 1, "type": "hello"})["policies"]}
    assert policies["rcr"]["ask"]["media"]["quote"].endswith("forwarded immediately to the RCR press office;")
    assert policies["icis"]["ask"] == {}
    assert [pack_id for pack_id, policy in policies.items() if policy["needs_identity"]] == ["society"]


def test_a_check_with_the_society_policy_and_no_society_named_says_that_policy_could_not_look_for_it():
    answer = protocol.handle(check("Thrilled to join the BSCI council!", policies=["society", "icis"]))
    assert answer["findings"] == []
    assert answer["needs_identity"] == ["society"]
    empty = {"society": {"names": [], "acronyms": [], "handles": []}}
    assert protocol.handle(check(policies=["society"], identity=empty))["needs_identity"] == ["society"]


@pytest.mark.parametrize("policies, identity", [(["icis"], None), (["society"], {"society": {"acronyms": ["BSCI"]}})])
def test_a_check_whose_packs_all_know_their_society_has_no_needs_identity_key(policies, identity):
    assert "needs_identity" not in protocol.handle(check(policies=policies, identity=identity))


def test_check_answers_with_the_engines_findings_in_contract_form():
    answer = protocol.handle(check(site="x"))
    assert answer["type"] == "result"
    expected = [finding.model_dump(mode="json", exclude_none=True) for finding in engine.check(ICIS_DRAFT, ["icis"])]
    assert expected, "the draft should give the real engine something to report"
    assert answer["findings"] == expected
    assert isinstance(answer["elapsed_ms"], float) and answer["elapsed_ms"] >= 0
    assert "truncated" not in answer


def test_an_identity_past_the_bounds_is_a_quick_bad_request_naming_pack_field_and_limit():
    """A frame with 200,000 names got no answer in 120 s: the engine built a pack for them."""
    import time

    names = [f"Society {n}" for n in range(200_000)]
    started = time.perf_counter()
    answer = protocol.handle(check(policies=["society"], identity={"society": {"names": names}}))
    elapsed = time.perf_counter() - started
    assert (answer["type"], answer["code"]) == ("error", "bad_request")
    assert answer["message"] == "identity for 'society', field names: at most 20 entries, not 200,000"
    assert elapsed < 1.0


def test_check_passes_the_identity_on_to_the_engine():
    identity = {"society": {"names": ["British Society of Clinical Imaging"], "acronyms": ["BSCI"], "handles": []}}
    text = "Delighted to chair the BSCI session today."
    answer = protocol.handle(check(text, policies=["society"], identity=identity))
    expected = [finding.to_json() for finding in engine.check(text, ["society"], identity=identity)]
    assert answer["findings"] == expected


@pytest.mark.parametrize("request_id", [7, "req-7", None, 2.5, True, 0])
@pytest.mark.parametrize(
    "message",
    [{"type": "hello"}, check(), {"type": "dance"}, {"type": "check"}],
    ids=["hello", "check", "unknown-type", "bad-check"],
)
def test_every_answer_echoes_the_requests_id(message, request_id):
    answer = protocol.handle({**message, "id": request_id})
    assert "id" in answer and answer["id"] == request_id and type(answer["id"]) is type(request_id)


def test_an_answer_to_a_request_without_id_has_no_id():
    assert "id" not in protocol.handle({"type": "hello"})


def test_unknown_extra_fields_are_ignored_so_newer_extensions_keep_working():
    answer = protocol.handle({"id": 3, "type": "hello", "protocol": 2, "capabilities": ["x"]})
    assert answer["type"] == "hello"
    assert protocol.handle(check(future={"flag": True}))["type"] == "result"


def test_an_unknown_type_is_refused_naming_it_and_the_known_ones():
    answer = protocol.handle({"id": 4, "type": "explain"})
    assert answer["code"] == "unknown_type"
    assert '"explain"' in answer["message"] and "'hello'" in answer["message"] and "'check'" in answer["message"]


@pytest.mark.parametrize(
    ("message", "complaint"),
    [
        ([], "must be a JSON object, not an array"),
        ("hello", "must be a JSON object, not a string"),
        (None, "must be a JSON object, not null"),
        ({"id": 1}, "needs a 'type' string"),
        ({"id": 1, "type": 3}, "needs a 'type' string"),
        ({"id": 1, "type": "check", "policies": ["icis"]}, "check needs a 'text' string"),
        (check(text=["hello"]), "check needs a 'text' string"),
        ({"id": 1, "type": "check", "text": "hi"}, "check needs 'policies'"),
        (check(policies="icis"), "check needs 'policies'"),
        (check(policies=["icis", 3]), "check needs 'policies'"),
        (check(identity=["BSCI"]), "'identity' must be an object or null, not an array"),
        (check(site=3), "'site' must be a string or null, not a number"),
        (check(identity={"icis": {"names": "ICIS"}}), "identity for 'icis'"),
    ],
)
def test_ill_formed_requests_are_bad_requests_saying_what_is_wrong(message, complaint):
    answer = protocol.handle(message)
    assert answer["type"] == "error"
    assert answer["code"] == "bad_request"
    assert complaint in answer["message"]


def test_an_unknown_policy_is_refused_naming_it_and_listing_the_known_ones():
    answer = protocol.handle(check(policies=["icis", "bma"]))
    assert answer["code"] == "bad_request"
    assert "'bma'" in answer["message"]
    for policy in engine.list_policies():
        assert policy.id in answer["message"]


def test_an_absurdly_long_unknown_policy_id_does_not_make_the_answer_huge():
    answer = protocol.handle(check(policies=["x" * 3_000_000]))
    assert answer["code"] == "bad_request"
    assert len(protocol.encode(answer)) < 10_000


def test_an_id_too_long_to_echo_is_refused_without_echo():
    answer = protocol.handle({"id": "x" * (protocol.MAX_ID_CHARS + 1), "type": "hello"})
    assert answer["code"] == "bad_request" and "'id'" in answer["message"]
    assert "id" not in answer


@pytest.mark.parametrize("request_id", [{"n": 1}, [1], float("inf")], ids=["object", "array", "infinite"])
def test_an_id_that_is_not_a_json_scalar_is_refused_and_the_answer_still_encodes(request_id):
    answer = protocol.handle({"id": request_id, "type": "hello"})
    assert answer["code"] == "bad_request" and "id" not in answer
    protocol.encode(answer)


def test_a_draft_at_facebooks_limit_is_checked():
    answer = protocol.handle(check("a" * MAX_DRAFT_UTF16_UNITS))
    assert answer["type"] == "result"


def test_a_draft_over_facebooks_limit_is_too_large():
    answer = protocol.handle(check("a" * (MAX_DRAFT_UTF16_UNITS + 1)))
    assert answer["code"] == "too_large"
    assert "63,207" in answer["message"] and "63,206" in answer["message"]


def test_the_draft_limit_counts_utf16_code_units_as_javascript_does():
    # 31,604 emoji are 31,604 Python characters but 63,208 JavaScript ones.
    answer = protocol.handle(check("\U0001f600" * 31_604))
    assert answer["code"] == "too_large"


def test_a_lone_surrogate_in_the_draft_is_checked_with_offsets_unchanged():
    text = "\ud83d Proud to present at the ICIS meeting"
    answer = protocol.handle(check(text))
    assert answer["type"] == "result"
    clean = engine.check("\ufffd" + text[1:], ["icis"])
    assert answer["findings"] == [finding.to_json() for finding in clean]


def test_an_engine_failure_is_an_internal_error_with_the_traceback_logged(monkeypatch, caplog):
    def broken_check(*args, **kwargs):
        raise RuntimeError("detector exploded")

    monkeypatch.setattr(engine, "check_report", broken_check)
    with caplog.at_level(logging.ERROR):
        answer = protocol.handle(check())
    assert answer == {
        "id": 1,
        "type": "error",
        "code": "internal",
        "message": answer["message"],
    }
    assert "RuntimeError: detector exploded" in answer["message"]
    assert "Traceback" in caplog.text and "detector exploded" in caplog.text


def test_the_id_of_an_over_long_frame_is_read_from_its_start():
    answer = protocol.too_large_request(5_000_000, b'{"id": 42, "type": "check", "text": "aaaa')
    assert answer == {"id": 42, "type": "error", "code": "too_large", "message": answer["message"]}
    assert "5,000,000 bytes" in answer["message"]


@pytest.mark.parametrize("head", [b'{"type": "check", "id": 42', b"\x00\x01garbage", b'{"id": [1, 2'])
def test_an_over_long_frame_whose_id_cannot_be_read_is_answered_without_id(head):
    answer = protocol.too_large_request(5_000_000, head)
    assert answer["code"] == "too_large" and "id" not in answer


# --- the 1 MB cap on answers: here a fake engine stands in, making findings far bigger than any draft would


def huge_findings(count: int, message_chars: int = 2_000) -> list[Finding]:
    clause = Clause(section="Section", quote="Quote")
    return [
        Finding(
            policy="icis",
            rule="icis.disclaimer",
            category="disclaimer",
            severity="warning",
            message=f"{index:05d} " + "m" * message_chars,
            start=index,
            end=index + 1,
            clause=clause,
        )
        for index in range(count)
    ]


@pytest.fixture
def engine_reporting(monkeypatch):
    def install(findings: list[Finding]) -> None:
        monkeypatch.setattr(engine, "check_report", lambda *args, **kwargs: engine.CheckReport(findings))

    return install


def test_an_answer_over_one_megabyte_drops_findings_from_the_end_and_counts_them(engine_reporting):
    findings = huge_findings(1_000)
    engine_reporting(findings)
    answer = protocol.handle(check())
    kept = len(answer["findings"])
    assert len(protocol.encode(answer)) <= protocol.MAX_ANSWER_BYTES
    assert 0 < kept < len(findings)
    assert answer["truncated"] == len(findings) - kept
    assert answer["findings"] == [finding.to_json() for finding in findings[:kept]]
    assert answer["id"] == 1 and answer["type"] == "result"


def test_truncation_keeps_as_many_findings_as_fit(engine_reporting):
    findings = huge_findings(1_000)
    engine_reporting(findings)
    answer = protocol.handle(check())
    kept = len(answer["findings"])
    one_more = {**answer, "findings": [finding.to_json() for finding in findings[: kept + 1]], "truncated": answer["truncated"] - 1}
    assert len(protocol.encode(one_more)) > protocol.MAX_ANSWER_BYTES


def test_an_answer_under_one_megabyte_is_not_truncated(engine_reporting):
    engine_reporting(huge_findings(100))
    answer = protocol.handle(check())
    assert len(answer["findings"]) == 100 and "truncated" not in answer


def test_a_truncated_answer_is_still_valid_json_a_browser_reads(engine_reporting):
    engine_reporting(huge_findings(600, message_chars=5_000))
    decoded = json.loads(protocol.encode(protocol.handle(check())))
    assert decoded["truncated"] > 0


def test_a_check_can_say_the_members_profile_carries_the_disclaimer():
    request = {"id": 9, "type": "check", "text": "Great RCR meeting", "policies": ["rcr"]}

    def disclaimers(answer):
        return [f["rule"] for f in answer["findings"] if f["category"] == "disclaimer"]

    assert disclaimers(protocol.handle(request)) == ["rcr.disclaimer"]
    assert disclaimers(protocol.handle({**request, "profile_disclaimer": ["rcr"]})) == []
    refused = protocol.handle({**request, "profile_disclaimer": "rcr"})
    assert (refused["type"], refused["code"]) == ("error", "bad_request")


def test_a_users_pack_with_no_identity_is_not_said_to_need_one_the_member_cannot_give(tmp_path, monkeypatch):
    """Only a pack whose organisation the member names (identity_from_member) waits for it: the popup
    has nowhere to name another pack's organisation."""
    from engine import packs

    (tmp_path / "mine.toml").write_text(
        'id = "mine"\nname = "n"\norganisation = "o"\ndate = "2024"\n'
        '[[rules]]\nid = "leak"\ncategory = "confidential"\nseverity = "warning"\nmessage = "m"\n'
        'detector = "phrases"\nparams = { patterns = ["board papers"] }\nclause = { section = "s", quote = "q" }\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("DECORUM_POLICY_PATH", str(tmp_path))
    packs.reload()
    try:
        answer = protocol.handle(check("The board papers are out.", policies=["mine", "society"]))
        assert [f["rule"] for f in answer["findings"]] == ["mine.leak"]
        assert answer["needs_identity"] == ["society"]
    finally:
        monkeypatch.delenv("DECORUM_POLICY_PATH")
        packs.reload()
