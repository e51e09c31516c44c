"""``engine.check``: the finding contract, UTF-16 offsets, identities and the core categories.

These are the rules' own behaviour; the learned checker beside them is tested in test_learned.py.
"""

from functools import partial

import pytest

from engine import IdentityError, UnknownPolicy
from engine import check as engine_check

check = partial(engine_check, detection="rules")

BSCI = {"society": {"names": ["British Society of Clinical Imaging"], "acronyms": ["BSCI"], "handles": ["@BSCI_UK"]}}


def categories(text, policies=("icis",), identity=None):
    return sorted({f"{f.policy}/{f.category}" for f in check(text, list(policies), identity)})


def test_a_finding_carries_the_contract_fields():
    [finding] = check("Who's heading to the ICIS meeting?", ["icis"])
    data = finding.to_json()
    assert set(data) == {"policy", "rule", "category", "severity", "message", "start", "end", "clause", "fix", "source"}
    assert data["source"] == "rules"
    assert data["rule"] == "icis.disclaimer"
    assert data["severity"] in {"error", "warning", "info"}
    assert data["fix"] == {"kind": "append", "text": "The views in this posting do not represent the views of ICIS."}
    assert set(data["clause"]) == {"section", "quote"}


def test_offsets_are_utf16_code_units_past_emoji():
    text = "🎉🎉 Off to #ICIS2025"
    [finding] = check(text, ["icis"])
    # Each 🎉 is two UTF-16 code units, so JavaScript's indices run two ahead of Python's.
    assert (finding.start, finding.end) == (text.index("#") + 2, text.index("#") + 2 + len("#ICIS2025"))
    units = text.encode("utf-16-le")
    assert units[2 * finding.start : 2 * finding.end].decode("utf-16-le") == "#ICIS2025"


def test_a_finding_without_a_fix_has_no_fix_key():
    findings = check("Banner updated with the ICIS logo. Views my own.", ["icis"])
    assert [f.category for f in findings] == ["brand"]
    assert "fix" not in findings[0].to_json()


def test_unknown_policy_is_refused_naming_it():
    with pytest.raises(UnknownPolicy, match="'acme'.*known: icis"):
        check("hello", ["acme"])


def test_malformed_identity_is_refused():
    with pytest.raises(IdentityError, match="identity for 'society', field names"):
        check("hello", ["society"], {"society": {"names": "BSCI"}})


class TestIdentityBounds:
    """An identity holds at most 20 entries per list, each of at most 120 characters, for known packs only."""

    def test_twenty_entries_of_120_characters_each_are_accepted(self):
        names = [f"{n:02d} " + "Society of Clinical Imaging " * 4 for n in range(20)]
        names = [name[:120] for name in names]
        identity = {"society": {"names": names, "acronyms": [f"BSCI{n}" for n in range(20)], "handles": [f"@bsci{n}" for n in range(20)]}}
        assert categories("Lovely BSCI7 study day", ["society"], identity) == ["society/disclaimer"]

    @pytest.mark.parametrize("field", ["names", "acronyms", "handles", "hashtag_stems", "aliases"])
    def test_more_than_twenty_entries_are_refused_naming_pack_field_and_limit(self, field):
        with pytest.raises(IdentityError, match=rf"identity for 'society', field {field}: at most 20 entries, not 21$"):
            check("hello", ["society"], {"society": {field: [f"N{n}" for n in range(21)]}})

    def test_an_entry_over_120_characters_is_refused_naming_it(self):
        with pytest.raises(IdentityError, match=r"identity for 'rcr', field acronyms: entries are at most 120 characters; entry 2 has 121$"):
            check("hello", ["icis"], {"rcr": {"acronyms": ["RCR", "R" * 121]}})

    def test_an_identity_for_an_unknown_pack_is_refused(self):
        with pytest.raises(IdentityError, match=r"identity for unknown policy 'bma'; known: icis, icis-2013, ipem, rcr, society"):
            check("hello", ["icis"], {"bma": {"names": ["British Medical Association"]}})

    def test_an_identity_that_is_not_an_object_is_refused(self):
        with pytest.raises(IdentityError, match=r"^identity for 'society': Input should be a valid dictionary"):
            check("hello", ["society"], {"society": ["BSCI"]})

    def test_a_pack_whose_own_identity_is_too_large_is_refused(self, tmp_path):
        from engine.packs import PackError, load_pack

        names = ", ".join(f'"N{n}"' for n in range(21))
        path = tmp_path / "mine.toml"
        path.write_text(f'id = "mine"\nname = "n"\norganisation = "o"\ndate = "d"\nrules = []\n[identity]\nnames = [{names}]\n')
        with pytest.raises(PackError, match=r"mine\.toml, field identity\.names: at most 20 entries, not 21"):
            load_pack(path)


def test_the_society_pack_takes_its_identity_from_the_user():
    text = "Lovely BSCI study day in Leeds"
    assert categories(text, ["society"]) == []
    assert categories(text, ["society"], BSCI) == ["society/disclaimer"]
    [finding] = check(text, ["society"], BSCI)
    assert "BSCI" in finding.message and finding.fix.text.endswith("not on behalf of BSCI.")


def test_detectors_of_identities_no_longer_in_use_are_let_go():
    """Each society identity builds its own detectors; once its pack leaves the cache they must go,
    and with them their entries in the literal index every draft is looked up in."""
    import gc

    from engine import default_engine

    words, compiled = default_engine().words, default_engine().packs.compiled

    def society(n):
        return {"society": {"names": [f"Society Number {n}"], "acronyms": [f"SN{n}"], "handles": [f"@sn{n}"]}}

    check("Lovely study day", ["society"])  # the packs as shipped stay built
    compiled.cache_clear()
    gc.collect()
    before = len(words.built())
    for n in range(3):
        check("Lovely study day", ["society"], society(n))
    assert len(words.built()) > before
    assert "sn1" in words.index.word_starts
    compiled.cache_clear()  # as the cache does, one identity at a time, once 16 are in use
    gc.collect()
    assert len(words.built()) == before
    assert "sn1" not in words.index.word_starts
    assert categories("Lovely SN2 study day", ["society"], society(2)) == ["society/disclaimer"]


def test_findings_are_ordered_by_position():
    findings = check("Embargoed till Thursday but the ICIS results are in: 22% more. Popped the ICIS logo on my slides", ["icis"])
    assert [f.start for f in findings] == sorted(f.start for f in findings)


class TestDisclaimer:
    @pytest.mark.parametrize(
        "reference",
        ["ICIS", "icis", "the International Cancer Imaging Society", "#ICIS2025", "@ICIS_Society", "ICIS's"],
    )
    def test_any_reference_to_the_organisation_without_a_statement_is_flagged(self, reference):
        assert categories(f"Off to {reference} meeting tomorrow") == ["icis/disclaimer"]

    @pytest.mark.parametrize(
        "statement",
        [
            "Views my own.",
            "(views are my own)",
            "Views expressed here are my own and do not represent ICIS.",
            "opinions mine alone",
            "My opinions only, not the society's.",
            "Speaking in a personal capacity.",
            "(personal account - views mine alone)",
            "tweeting as myself, not for ICIS",
            "Not speaking for ICIS here.",
            "The views in this posting do not represent the views of ICIS.",
            "Veiws my own",
            "Views\nmy own",
            "these are my own views",
        ],
    )
    def test_a_personal_views_statement_anywhere_clears_it(self, statement):
        assert categories(f"{statement} Off to the ICIS meeting tomorrow") == []
        assert categories(f"Off to the ICIS meeting tomorrow. {statement}") == []

    def test_other_peoples_views_are_not_a_statement(self):
        assert categories("Lively debate at #ICIS2025 (the speakers' views are of course their own!)") == ["icis/disclaimer"]

    def test_a_draft_that_never_names_the_organisation_gets_none(self):
        assert categories("Great cancer imaging meeting in Leeds today", ["icis", "ipem", "rcr"]) == []

    @pytest.mark.parametrize("text", ["ICISmeeting", "the ICISS registry", "#PICIS"])
    def test_the_acronym_must_stand_as_a_word(self, text):
        assert categories(f"Off to {text} tomorrow") == []

    def test_another_college_is_not_the_rcr(self):
        assert categories("The Royal College of Physicians has new guidance", ["rcr"]) == []

    def test_an_acronym_that_is_an_ordinary_word_counts_only_in_capitals(self):
        identity = {"society": {"names": ["Clinical Academic Radiology Education"], "acronyms": ["CARE"]}}
        assert categories("We take care of our patients", ["society"], identity) == []
        assert categories("Off to the CARE meeting", ["society"], identity) == ["society/disclaimer"]

    @pytest.mark.parametrize("acronym, ordinary, named", [
        ("FOCUS", "Time to focus on the patients", "Great FOCUS meeting today"),
        ("HALO", "A halo artefact round the implant", "Off to the HALO conference"),
        ("GRID", "Anti-scatter grid back in the room", "GRID committee tonight"),
    ])
    def test_any_dictionary_word_as_an_acronym_counts_only_in_capitals(self, acronym, ordinary, named):
        identity = {"society": {"names": ["Imaging Physics Group"], "acronyms": [acronym]}}
        assert categories(ordinary, ["society"], identity) == []
        assert categories(named, ["society"], identity) == ["society/disclaimer"]

    def test_the_finding_points_at_the_first_mention(self):
        text = "Great day. The RCR and @RCRadiologists did well"
        [finding] = check(text, ["rcr"])
        assert text[finding.start : finding.end] == "RCR"


class TestBrand:
    @pytest.mark.parametrize(
        "text",
        [
            "Banner updated with the ICIS logo ahead of the annual meeting",
            "Put the International Cancer Imaging Society logo on every slide so it looks official",
            "Had hoodies printed with the ICIS logo across the back",
            "Our new flyer even carries the ICIS logo",
            "Popped the ICIS and RCR logos in the header",
        ],
    )
    def test_using_the_logo_on_ones_own_material_is_flagged(self, text):
        assert "icis/brand" in categories(text + ". Views my own.")

    @pytest.mark.parametrize(
        "text",
        [
            "Noticed ICIS has refreshed its logo - really like the new teal",
            "Love the ICIS logo on this year's delegate bags",
            "Who at ICIS do I ask about using the logo on teaching slides? Not going to touch it without permission",
            "Excited to launch a brand-new group for ICIS members",
        ],
    )
    def test_talking_about_the_logo_is_not_using_it(self, text):
        assert "icis/brand" not in categories(text + ". Views my own.")

    def test_a_new_group_under_the_societys_name_is_flagged_for_the_society_pack(self):
        text = "I've set up a Facebook group called 'BSCI Members Chat' - come and join! (personal capacity)"
        assert categories(text, ["society"], BSCI) == ["society/brand"]


class TestConfidential:
    @pytest.mark.parametrize(
        "text",
        [
            "Finance papers (marked CONFIDENTIAL) say the meeting lost money",
            "Not public yet, but the draft recommendation is dose monitoring on every scanner",
            "Off the record: the board voted to raise fees",
            "Email from our Chief Exec, marked NOT FOR CIRCULATION: the unit is closing",
            "Embargoed till Thursday but our trial results are in: 22% more bone mets",
            "Internal only, but the council minutes say the print edition is being axed",
            "It's commercial-in-confidence, so keep the numbers to yourselves",
        ],
    )
    def test_material_marked_or_implied_not_public_is_flagged(self, text):
        assert categories(text, ["ipem"]) == ["ipem/confidential"]

    @pytest.mark.parametrize(
        "text",
        [
            "Abstract accepted! Results are embargoed until the meeting, so you'll just have to come to the talk",
            "This report is not confidential - share it widely",
            "Patient confidentiality matters more than a good teaching case",
            "Our paper is finally out, open access",
            "Struggling? Our confidential staff support line is there 24/7",
            "CT showed a contrast leak at the anastomosis",
        ],
    )
    def test_public_or_negated_material_is_not(self, text):
        assert categories(text, ["ipem"]) == []

    def test_the_society_pack_has_no_confidential_category(self):
        assert categories("Off the record: the board voted to raise fees", ["society"], BSCI) == []


class TestProfileDisclaimer:
    """RCR and IPEM accept the statement on the member's profile; ICIS wants it in the posting."""

    @pytest.mark.parametrize("pack", ["rcr", "ipem"])
    def test_a_profile_statement_silences_the_disclaimer_where_the_policy_accepts_it(self, pack):
        text = f"Great {pack.upper()} meeting today"
        assert categories(text, [pack]) == [f"{pack}/disclaimer"]
        assert [f for f in check(text, [pack], profile_disclaimer=[pack])] == []

    def test_it_does_not_silence_icis_whose_policy_wants_it_in_the_posting(self):
        assert [f.rule for f in check("Off to #ICIS2025", ["icis"], profile_disclaimer=["icis"])] == ["icis.disclaimer"]

    def test_it_silences_only_the_disclaimer(self):
        text = "Put the RCR crest on my slides"
        assert {f.category for f in check(text, ["rcr"], profile_disclaimer=["rcr"])} == {"brand"}

    def test_it_applies_per_pack(self):
        text = "RCR and IPEM joint meeting today"
        assert categories(text, ["rcr", "ipem"]) == ["ipem/disclaimer", "rcr/disclaimer"]
        assert sorted(f.policy for f in check(text, ["rcr", "ipem"], profile_disclaimer=["rcr"])) == ["ipem"]

    def test_hello_says_which_packs_offer_it(self):
        from engine import list_policies

        assert {p.id for p in list_policies() if p.profile_disclaimer} == {"rcr", "ipem"}
