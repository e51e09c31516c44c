"""The learned checker: the shipped model is what `make train` makes of the corpora, the engine's
arithmetic is scikit-learn's, and its findings say what a member needs (the clause, the sentence,
the words that weighed)."""

from __future__ import annotations

import json
import logging
import math

import numpy as np
import pytest

import engine
from engine import protocol
from engine.check import _identity_overrides, views_for_model
from engine.learned import MIN_WORDS, MODEL_FILE, LearnedChecker, _Reading, _Remembered, default_checker
from engine.learned.features import OTHER, OWN, display, features, indicators, masked, owned, resolve, sentences, words
from engine.learned.model import LinearModel, ModelFileError, write
from engine.learned.vocabulary import Vocabulary
from engine.packs import compiled, load_all
from engine.recall import Recall
from engine.text import Draft
from tests.drafts import SEVEN_LINES, THREE_POLICIES
from tools import train_model

# Drafts the rules miss (the learned checker's reason to be), each with the pair it must add.
MISSED_BY_RULES = [
    (
        "The board papers (not public, but I've read them all) say the exam fee is going up next year. "
        "I've sent the papers to a journalist.",
        ["rcr"],
        "rcr/confidential",
    ),
    ("Fourteen years of that lot in charge and the waiting lists have doubled. Vote them out.", ["ipem"], "ipem/political"),
]


@pytest.fixture(scope="module")
def trained():
    """The models fitted afresh on the corpora training/sources.txt lists (about a minute)."""
    return train_model.train(train_model.sources(), log=lambda line: None)


def test_the_blind_corpora_are_never_trained_on(tmp_path, monkeypatch):
    blind = sorted(train_model.BLIND.glob("*.jsonl"))
    assert blind, "the README's figures come from evaluation/*.jsonl"
    trained_on = {path.resolve() for path in train_model.sources()}
    assert not trained_on & {path.resolve() for path in blind}
    # Listing one, by name or by pattern, stops training with the reason.
    for line in (f"evaluation/{blind[0].name}", "evaluation/*.jsonl"):
        listed = tmp_path / "sources.txt"
        listed.write_text(f"training/corpus/*.jsonl\n{line}\n", encoding="utf-8")
        monkeypatch.setattr(train_model, "SOURCES", listed)
        with pytest.raises(SystemExit, match="never be trained on"):
            train_model.sources()


def test_the_engine_gives_scikit_learns_probabilities_on_every_training_draft(trained):
    model = default_checker().model
    assert model.categories == tuple(train_model.MODEL_CATEGORIES)
    expected = {category: trained.models[category].predict_proba(trained.matrix(trained.rows, category))[:, 1] for category in model.categories}
    packs = load_all()
    worst, compared, k = 0.0, 0, 0
    for item in trained.items:
        draft = Draft(item["text"])
        overrides = _identity_overrides(item.get("identity") or {}, packs)
        built = [compiled(pack_id, overrides.get(pack_id)) for pack_id in item["policies"]]
        views, named = views_for_model(draft, built, overrides)
        reading = _Reading(model, draft.text, named)  # read once, adjusted per pack, as a check does
        for view in views:
            assert trained.rows[k].pack == view.pack.id
            probabilities = reading.probabilities(view)
            for category, index in zip(model.categories, range(len(model.categories))):
                worst = max(worst, abs(probabilities[index] - expected[category][k]))
                compared += 1
            k += 1
    assert k == len(trained.rows) and compared > 80_000
    assert worst <= 1e-5, f"the engine and scikit-learn differ by {worst:.2e}"


def test_the_shipped_choices_are_the_ones_training_makes(trained):
    """Thresholds, vetoes and what is merged: `make train` gives the shipped file's (to 1e-9)."""
    shipped = default_checker().model.header
    assert shipped["corpora"] == trained.header["corpora"]
    assert shipped["corpora_sha256"] == trained.header["corpora_sha256"], "the corpora changed since the model was trained: make train"
    for category, merge in trained.header["merge"].items():
        ours = shipped["merge"][category]
        assert (ours["added"], ours["veto"]) == (merge["added"], merge["veto"]), category
        for level, threshold in merge["thresholds"].items():
            assert math.isclose(ours["thresholds"][level], threshold, abs_tol=1e-9), (category, level)


@pytest.mark.parametrize("text, packs, pair", MISSED_BY_RULES)
def test_the_model_finds_what_the_rules_miss_citing_the_packs_clause(text, packs, pair):
    assert pair not in {f"{f.policy}/{f.category}" for f in engine.check(text, packs, detection="rules")}
    found = [f for f in engine.check(text, packs) if f"{f.policy}/{f.category}" == pair]
    assert len(found) == 1
    finding = found[0]
    policy, category = pair.split("/")
    cited = next(r for r in load_all()[policy].rules if r.category == category)
    assert finding.source == "model"
    assert finding.rule == f"{policy}.{cited.id}"
    assert finding.clause == cited.clause
    assert finding.reasons and all(reason.lower() in text.lower() for reason in finding.reasons)


def test_a_model_finding_points_at_the_sentence_that_drove_it():
    text = (
        "Lovely weather for the regional meeting today. Great turnout from the trainees. "
        "The board papers (not public, but I've read them all) say the exam fee is going up next year."
    )
    assert "confidential" not in {f.category for f in engine.check(text, ["rcr"], detection="rules")}
    [finding] = [f for f in engine.check(text, ["rcr"]) if f.category == "confidential"]
    assert text[finding.start : finding.end] == "The board papers (not public, but I've read them all) say the exam fee is going up next year."


def test_more_sensitivity_never_means_fewer_findings():
    drafts = [text for text, _, _ in MISSED_BY_RULES] + ["Sick of the College. Honestly. What do we pay for?", "Lovely sunny day"]
    for text in drafts:
        counts = [len(engine.check(text, ["rcr", "ipem", "icis"], sensitivity=level)) for level in ("fewer", "balanced", "more")]
        assert counts == sorted(counts), (text, counts)
    with pytest.raises(ValueError, match="sensitivity"):
        engine.check("x", ["rcr"], sensitivity="lots")


# A draft about many things: each sentence its own problem, the whole scoring low for any one.
def test_a_rules_finding_stays_when_its_own_sentence_bears_it_out_in_a_draft_about_many_things():
    rules = {(f.policy, f.category) for f in engine.check(SEVEN_LINES, THREE_POLICIES, detection="rules")}
    combined = {(f.policy, f.category) for f in engine.check(SEVEN_LINES, THREE_POLICIES)}
    # The patient, the logos and the idiots each have their sentence: the rules' findings stand.
    for pair in [("rcr", "personal_data"), ("ipem", "personal_data"), ("icis", "personal_data"), ("rcr", "brand"), ("icis", "brand"), ("ipem", "disparagement")]:
        assert pair in rules and pair in combined, pair
    # Where no sentence bears a rule out (no IPEM logo is used), the model's veto still holds.
    assert ("ipem", "brand") in rules and ("ipem", "brand") not in combined


def test_rules_alone_and_model_alone_are_what_they_say():
    text, packs, pair = MISSED_BY_RULES[0]
    rules = engine.check(text, packs, detection="rules")
    model = engine.check(text, packs, detection="model")
    assert all(f.source == "rules" for f in rules)
    assert pair in {f"{f.policy}/{f.category}" for f in model}
    learned_categories = set(default_checker().model.categories)
    assert all(f.source == "model" for f in model if f.category in learned_categories)


@pytest.mark.parametrize("text", ["ICIS " * 5_000, "RCR and ICIS " * 2_000, "Great RCR meeting. " * 1_000])
def test_a_draft_that_is_all_organisation_names_is_scored_as_read_afresh_for_each_pack(text):
    """The engine reads a draft once and adjusts it for each pack; where nearly all of it changes
    (every word an organisation's name) the sums are made afresh rather than subtracted."""
    model = default_checker().model
    draft = Draft(text)
    built = [compiled(pack_id, None) for pack_id in ("icis", "icis-2013", "rcr", "ipem")]
    views, named = views_for_model(draft, built, {})
    adjusted = _Reading(model, draft.text, named)
    for view in views:
        spans = resolve(named)
        own = owned(spans, view.references)
        afresh = model.probabilities(model.raw(features(words(masked(draft.text, spans, own)))), indicators(view.pack.id, any(own), not all(own)), view.pack.id)
        assert max(abs(a - b) for a, b in zip(adjusted.probabilities(view), afresh)) <= 1e-9


# A sentence or the veto's stretch of a draft is weighed for one category, from numbers looked up
# for the whole draft: bit for bit what reading it afresh for every category gives.
WEIGHED = [text for text, _, _ in MISSED_BY_RULES] + [
    *SEVEN_LINES.splitlines(),
    "Idiots. Idiots, all of them, the idiots at the RCR: idiots.",  # features met more than once
    "Great RCR meeting",
]


@pytest.mark.parametrize("pack", ["rcr", "ipem", "society", None])
def test_one_categorys_probability_is_the_number_reading_every_category_gives(pack):
    model = default_checker().model
    flags = [[], indicators(pack or "rcr", True, False), indicators(pack or "rcr", True, True)]
    for text in WEIGHED:
        text = masked(text, [(text.find("RCR"), text.find("RCR") + 3)], [True]) if "RCR" in text else text
        counted, scored = model.counted(features(words(text))), model.raw(features(words(text)))
        for indicator in flags:
            every = model.probabilities(scored, indicator, pack)
            assert [model.probability(counted, k, indicator, pack) for k in range(len(every))] == every, text


def test_a_sentence_counted_with_the_numbers_of_its_drafts_features_is_counted_as_afresh():
    model = default_checker().model
    known: dict = {}
    model.counted(features(words(" ".join(WEIGHED))), known)
    for text in WEIGHED + [f"The {OWN} found it", "Words the draft never had: zyzzyva qwxz"]:
        alone, remembered = model.counted(features(words(text))), model.counted(features(words(text)), known)
        assert (remembered.counts, remembered.squared_norm, remembered.repeated) == (alone.counts, alone.squared_norm, alone.repeated)
        assert list(remembered.counts) == list(alone.counts), "the order of every sum"
    assert f"the {OWN}" in known and "zyzzyva" in known


def test_a_draft_read_after_another_of_its_compose_box_is_read_as_if_it_came_first():
    """A reading takes the feature numbers and sentences the reading of the last draft of its compose
    box looked up (a draft is checked at every pause in typing): the same findings and
    probabilities, to the bit."""
    checker = default_checker()
    model = checker.model
    built = [compiled(pack_id, None) for pack_id in THREE_POLICIES]

    def read(draft: Draft) -> tuple[list, list]:
        views, named = views_for_model(draft, built, {})
        rules = engine.check(draft.original, THREE_POLICIES, detection="rules")
        return views, checker.review(draft, views, named, rules, detection="model") + checker.review(draft, views, named, rules)

    # The same sentences with the organisations named elsewhere, and words the first never had.
    first = SEVEN_LINES.replace("RCR", "IPEM", 1)
    then = SEVEN_LINES + "\nZyzzyva qwxz: the RCR never had these words. Honestly, idiots."
    box = Recall()
    read(earlier := box.draft(first))
    box.keep(earlier)
    draft = box.draft(then)
    views, found = read(draft)
    assert found == read(Draft(then))[1] and any(f.source == "model" for f in found)
    before, now = (d.cache[_Remembered, model] for d in (earlier, draft))
    assert {id(c) for c in before.sentences.values()} & {id(c) for c in now.sentences.values()}, "no sentence was taken"
    named = views_for_model(draft, built, {})[1]
    reading, fresh = _Reading(model, draft.text, named, before), _Reading(model, draft.text, named)
    for view in views:
        assert reading.probabilities(view) == fresh.probabilities(view)
        for k in range(len(model.categories)):
            assert reading.sentence(view, k) == fresh.sentence(view, k)
            assert [reading.around(view, k, *span) for span in sentences(draft.text)] == [fresh.around(view, k, *span) for span in sentences(draft.text)]


def test_features_that_weigh_the_same_are_given_as_reasons_greater_name_first(tmp_path):
    path = tmp_path / "alike.bin"
    words_ = ["awful", "bad", "good", "vile"]
    write(path, {"categories": ["disparagement"], "intercepts": [0.0], "merge": {}}, words_, [1.0] * 4, [1.1, 1.1, 0.5, 1.1])
    model = LinearModel.read(path)
    found = list(model.contributions(model.raw(words_), 0))
    assert [feature for _, feature in found] == ["vile", "bad", "awful", "good"]
    assert found == sorted(found, reverse=True)


# --- features and masking ---------------------------------------------------------------------


def test_words_are_lower_case_with_digits_read_as_zero():
    assert words("Call 07700 900123, it's URGENT!") == ["call", "00000", "000000", ",", "it's", "urgent", "!"]


def test_an_organisation_is_masked_as_the_packs_own_or_another():
    text = "Love how @ipemnews and the RCR found the budget"
    spans = resolve([(9, 18), (27, 30)])
    assert masked(text, spans, owned(spans, [(9, 18)])) == f"Love how  {OWN}  and the  {OTHER}  found the budget"


def test_overlapping_references_are_masked_once_the_longest_first():
    assert resolve([(5, 9), (0, 4), (5, 20), (10, 12)]) == [(0, 4), (5, 20)]


def test_features_are_words_pairs_and_beginnings_and_a_mask_is_no_word():
    assert features(["sent", "papers"]) == ["sent", "papers", "sent papers", "~paper"]
    assert features([OWN, "found"]) == ["found", f"{OWN} found"]


def test_indicators_say_which_pack_and_whose_organisation_is_named():
    assert indicators("rcr", False, False) == ["pack:rcr"]
    assert indicators("rcr", True, True) == ["pack:rcr", "names:own", "names:other"]


def test_naming_the_organisation_weighs_the_same_in_a_short_post_as_in_a_long_one():
    """A short post that names the RCR and criticises nothing is not disparagement: that it names
    the RCR is an indicator outside the TF-IDF, not a word whose weight grows as the post shrinks."""
    for text in ("Great RCR meeting", "Off to the RCR", "RCR exams this week"):
        assert "disparagement" not in {f.category for f in engine.check(text, ["rcr"])}, text


def test_a_draft_of_a_few_words_is_left_to_the_rules():
    """Naming the RCR with nothing else to go on is not criticism: the model, whose prior for a
    draft that names the pack's organisation can be over a threshold, says nothing below five
    words, while the rules still find what they find."""
    for text in ("RCR", "Thanks RCR", "Great RCR meeting", "Well done @RCRadiologists!"):
        found = engine.check(text, ["rcr"])
        assert {f.source for f in found} == {"rules"}, (text, found)
        assert "disclaimer" in {f.category for f in found}, text
    model = default_checker().model
    assert not _Reading(model, "Thanks to all at RCR!", [(14, 17)]).has_words(MIN_WORDS)
    assert _Reading(model, "Thanks to all at the RCR!", [(21, 24)]).has_words(MIN_WORDS)


def test_sentences_split_at_stops_and_line_breaks():
    text = "One. Two!\nThree? four"
    assert [text[s:e] for s, e in sentences(text)] == ["One.", "Two!", "Three?", "four"]


def test_reasons_show_the_drafts_own_words_and_nothing_a_person_would_not_know():
    text = "Sent it to a Journalist at 10pm"
    assert display("journalist", text) == "Journalist"
    assert display("at 00pm", text) == "at 10pm"
    assert display("~journ", text) is None and display("to a", text) is None and display(".", text) is None
    assert display(f"{OWN} found", text) is None


# --- the model file ---------------------------------------------------------------------------


def test_a_damaged_model_file_is_refused_naming_the_file(tmp_path):
    data = MODEL_FILE.read_bytes()
    for name, damaged in (("not a model", b"hello"), ("cut short", data[: len(data) // 2]), ("header", data[:16] + b"00000005{bad}" + data[29:])):
        path = tmp_path / f"{name}.bin"
        path.write_bytes(damaged)
        with pytest.raises(ModelFileError, match=str(path)):
            LinearModel.read(path)


def test_a_vocabulary_not_in_utf8_is_refused_as_the_file_is_read(tmp_path):
    path = tmp_path / "latin-1.bin"
    write(path, {"categories": ["political"], "intercepts": [0.0], "merge": {}}, ["vote", "naïve"], [1.0, 1.0], [0.5, 0.5])
    path.write_bytes(path.read_bytes().replace("naïve".encode("utf-8"), "naïve".encode("latin-1") + b"!"))
    with pytest.raises(ModelFileError, match="damaged"):
        LinearModel.read(path)


def test_the_vocabulary_finds_each_feature_by_its_bytes_and_nothing_else():
    features = [f"w{n}" for n in range(2_000)] + ["🤡", f"{OWN} found", "naïve"]
    for common in (0, 1_000, len(features)):  # every feature in the table, half of them, none
        vocabulary = Vocabulary("\n".join(features).encode("utf-8"), common)
        assert len(vocabulary) == len(features)
        assert vocabulary.numbers(features) == list(range(len(features)))
        assert vocabulary.numbers(features, {"w1": 1, "x1": None}) == list(range(len(features)))  # numbers given before
        assert [vocabulary[j] for j in range(len(features))] == features
        # Words it lacks: about half of them land in a slot a feature holds (the table is half full here).
        assert vocabulary.numbers(f"x{n}" for n in range(2_000)) == [None] * 2_000
        assert vocabulary.numbers(["w1 ", "W1", "naive", "\ud800"]) == [None] * 4


def _tiny_model(tmp_path, stored="float32", **header) -> LinearModel:
    """Two words, two categories; "bad" weighs 1.1 for disparagement, and 2 more in rcr's column when there is one."""
    path = tmp_path / f"tiny-{stored}.bin"
    base = {"categories": ["disparagement", "political"], "intercepts": [0.0, 0.0], "merge": {}}
    rows = [1.1, 0.0, 2.0, 0.0, 0.0, 0.0] if header.get("pack_columns") else [1.1, 0.0, 0.0, 0.0]
    write(path, {**base, **header}, ["bad", "good"], [1.0, 1.0], rows, stored)
    return LinearModel.read(path)


def test_a_packs_own_column_counts_for_that_pack_alone(tmp_path):
    model = _tiny_model(tmp_path, pack_columns=[["disparagement", "rcr"]])
    scored = model.raw(["bad"])
    logit = lambda p: math.log(p / (1 - p))
    assert [round(logit(model.probabilities(scored, (), pack)[0]), 6) for pack in ("rcr", "ipem", None)] == [3.1, 1.1, 1.1]
    assert [(round(w, 6), f) for w, f in model.contributions(scored, 0, "rcr")] == [(3.1, "bad")]
    assert [(round(w, 6), f) for w, f in model.contributions(scored, 0, "ipem")] == [(1.1, "bad")]


def test_a_model_file_without_pack_columns_or_with_float64_weights_is_read_as_before(tmp_path):
    for stored in ("float32", "float64"):
        model = _tiny_model(tmp_path, stored)
        assert model.pack_columns == ()
        assert abs(model.probabilities(model.raw(["bad"]), (), "rcr")[0] - 1 / (1 + math.exp(-1.1))) < 1e-7


def test_a_pack_column_for_a_category_the_model_lacks_is_refused(tmp_path):
    with pytest.raises(ModelFileError, match="pack column"):
        _tiny_model(tmp_path, pack_columns=[["media", "rcr"]])


@pytest.fixture
def checker_read_afresh():
    """``default_checker()`` reads its setting and its model again within the test, and after it."""
    default_checker.cache_clear()
    yield
    default_checker.cache_clear()


def test_without_its_model_the_engine_checks_with_the_rules_and_hello_says_so(monkeypatch, tmp_path, caplog, checker_read_afresh):
    from engine import learned

    monkeypatch.setattr(learned, "MODEL_FILE", tmp_path / "missing.bin")
    text, packs, pair = MISSED_BY_RULES[0]
    assert [f.to_json() for f in engine.check(text, packs)] == [f.to_json() for f in engine.check(text, packs, detection="rules")]
    assert protocol.handle({"id": 1, "type": "hello"})["learned"] is None
    assert "the learned checker is off" in caplog.text


def test_decorum_model_off_turns_the_learned_checker_off(monkeypatch, caplog, checker_read_afresh):
    monkeypatch.setenv("DECORUM_MODEL", "off")
    caplog.set_level(logging.INFO, logger="decorum.engine")
    text, packs, pair = MISSED_BY_RULES[0]
    found = engine.check(text, packs)
    assert pair not in {f"{f.policy}/{f.category}" for f in found}
    assert [f.to_json() for f in found] == [f.to_json() for f in engine.check(text, packs, detection="rules")]
    assert protocol.handle({"id": 1, "type": "hello"})["learned"] is None
    assert "the learned checker is off: DECORUM_MODEL=off" in caplog.text


def test_an_unknown_decorum_model_setting_is_named_and_the_model_stays_on(monkeypatch, caplog, checker_read_afresh):
    monkeypatch.setenv("DECORUM_MODEL", "of")
    text, packs, pair = MISSED_BY_RULES[0]
    assert pair in {f"{f.policy}/{f.category}" for f in engine.check(text, packs)}
    assert "DECORUM_MODEL='of' is not a setting" in caplog.text


def test_hello_describes_the_model():
    learned = protocol.handle({"id": 1, "type": "hello"})["learned"]
    assert learned["categories"] == list(default_checker().model.categories)
    assert learned["drafts"] >= 5_000


def test_a_check_request_may_ask_for_a_sensitivity():
    text, packs, _ = MISSED_BY_RULES[0]
    request = {"id": 1, "type": "check", "text": text, "policies": packs}
    assert protocol.handle({**request, "sensitivity": "more"})["type"] == "result"
    refused = protocol.handle({**request, "sensitivity": "very"})
    assert (refused["type"], refused["code"]) == ("error", "bad_request") and "sensitivity" in refused["message"]


def test_a_model_finding_is_in_the_protocols_shape():
    text, packs, pair = MISSED_BY_RULES[0]
    answer = protocol.handle({"id": 1, "type": "check", "text": text, "policies": packs})
    [finding] = [f for f in answer["findings"] if f"{f['policy']}/{f['category']}" == pair]
    assert finding["source"] == "model" and isinstance(finding["reasons"], list) and finding["reasons"]
    assert "fix" not in finding
    json.dumps(finding)


def test_the_checker_describes_its_training():
    checker = LearnedChecker(LinearModel.read(MODEL_FILE))
    header = checker.model.header
    assert header["drafts"] >= 5_000
    assert set(header["merge"]) == set(checker.model.categories)
    assert np.isfinite(header["intercepts"]).all()
