"""The ``decorum`` command as a user runs it."""

import json


def test_check_prints_the_finding_with_its_clause_and_fix(decorum_cli):
    result = decorum_cli("check", "--policy", "icis", "Off to #ICIS2025 tomorrow")
    assert result.returncode == 1
    assert "[icis/disclaimer]" in result.stdout
    assert "'#ICIS2025'" in result.stdout
    assert "If you disclose your affiliation with ICIS" in result.stdout
    assert "fix: append" in result.stdout


def test_check_reads_the_draft_from_stdin_and_prints_json(decorum_cli):
    result = decorum_cli("check", "--policy", "rcr", "--json", input="Put the RCR crest on my slides 😇")
    findings = json.loads(result.stdout)
    assert {f["category"] for f in findings} == {"brand", "disclaimer"}


def test_check_with_a_clean_draft_says_so_and_exits_zero(decorum_cli):
    result = decorum_cli("check", "--policy", "icis", "--policy", "rcr", "Lovely sunny day in Leeds")
    assert (result.returncode, result.stdout.strip()) == (0, "No findings.")


def test_check_takes_an_identity_for_the_society_pack(decorum_cli):
    identity = json.dumps({"society": {"names": ["Scottish Society for Imaging Science"], "acronyms": ["SSIS"]}})
    result = decorum_cli("check", "--policy", "society", "--identity", identity, "--json", "SSIS dinner on Friday")
    assert [f["rule"] for f in json.loads(result.stdout)] == ["society.disclaimer"]


def test_check_accepts_any_site_as_the_protocol_does_and_finds_the_same(decorum_cli):
    # The engine reads no site: a site Decorum has no adapter for is no reason to refuse a draft.
    plain = decorum_cli("check", "--policy", "icis", "--json", "Off to #ICIS2025 tomorrow")
    for site in ("x", "mastodon"):
        result = decorum_cli("check", "--site", site, "--policy", "icis", "--json", "Off to #ICIS2025 tomorrow")
        assert (result.returncode, result.stdout) == (plain.returncode, plain.stdout), result.stderr


def test_check_explains_a_bad_identity_or_policy(decorum_cli):
    bad_json = decorum_cli("check", "--identity", "{nope", "text")
    assert bad_json.returncode == 2 and "--identity is not valid JSON" in bad_json.stderr
    unknown = decorum_cli("check", "--policy", "acme", "text")
    assert unknown.returncode == 2 and "unknown policy 'acme'" in unknown.stderr
    too_many = decorum_cli("check", "--identity", json.dumps({"society": {"handles": [f"@h{n}" for n in range(21)]}}), "text")
    assert too_many.returncode == 2 and "identity for 'society', field handles: at most 20 entries, not 21" in too_many.stderr


def test_policies_lists_every_pack(decorum_cli):
    result = decorum_cli("policies", "--json")
    assert {p["id"] for p in json.loads(result.stdout)} == {"icis", "icis-2013", "ipem", "society", "rcr"}


def test_eval_scores_a_corpus(decorum_cli, tmp_path):
    corpus = tmp_path / "c.jsonl"
    items = [
        {"id": "a", "site": "x", "policies": ["icis"], "identity": {}, "text": "Off to #ICIS2025", "expect": ["icis/disclaimer"]},
        {"id": "b", "site": "x", "policies": ["icis"], "identity": {}, "text": "Sunny day", "expect": []},
        {"id": "c", "site": "x", "policies": ["rcr"], "identity": {}, "text": "RCR day. Views my own", "expect": ["rcr/disclaimer"]},
    ]
    corpus.write_text("\n".join(json.dumps(i) for i in items), encoding="utf-8")
    report = json.loads(decorum_cli("eval", str(corpus), "--json").stdout)
    assert set(report) == {"micro", "categories", "clean_false_alarm_rate", "items", "alone"}
    assert set(report["alone"]) == {"rules", "model"}
    assert report["alone"]["rules"]["categories"]["disclaimer"]["tp"] == 1
    assert report["categories"]["disclaimer"] == {"tp": 1, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert report["clean_false_alarm_rate"] == 0.0
    assert report["items"] == [{"id": "c", "misses": ["rcr/disclaimer"], "false_alarms": []}]
    text = decorum_cli("eval", str(corpus)).stdout
    assert "c: missed rcr/disclaimer" in text
    assert text.splitlines()[0].split() == ["rules", "model", "combined"]  # the three side by side
    rules_only = json.loads(decorum_cli("eval", str(corpus), "--json", "--detection", "rules").stdout)
    assert set(rules_only) == {"micro", "categories", "clean_false_alarm_rate", "items"}
