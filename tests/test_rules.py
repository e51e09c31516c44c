"""Every rule, on drafts of our own: what must fire and the near misses that must not.

Each case names the packs switched on and the `policy/category` pairs expected; every other
pair those packs cover must stay quiet. The drafts are written the way members post.
"""

import pytest

from engine import check

NUS = {"society": {"names": ["Northern Ultrasound Society"], "acronyms": ["NUS"], "handles": ["@NUS_sono"]}}


def flagged(text, packs, identity=None):
    return sorted({f"{f.policy}/{f.category}" for f in check(text, packs, identity)})


CASES = [
    # --- personal data -------------------------------------------------------------------
    ("patient NHS number, spaced", ["rcr"], "Can radiology chase the MRI for 401 023 2137 please? Been waiting 3 weeks", ["rcr/personal_data"]),
    ("patient NHS number, unspaced", ["ipem"], "pt 4010232137 needs a repeat CT KUB, who's on?", ["ipem/personal_data"]),
    ("ten digits failing the check are not an NHS number", ["rcr"], "Our order ref is 4010232138 if the supplier asks", []),
    ("patient initials, age and bay", ["icis"], "Mr T.H., 71, bay 2 - liver full of mets on the staging CT. Awful.", ["icis/personal_data"]),
    ("first name, initial and age", ["rcr"], "Sarah P., 34, pregnant, incidental adrenal mass on MRI. What would you do?", ["rcr/personal_data"]),
    ("date of birth", ["society"], "Lady in resus, DOB 14/03/1952, huge PE on CTPA", ["society/personal_data"]),
    ("hospital number", ["icis"], "Anyone know why hospital no. K2233445 keeps bouncing off PACS?", ["icis/personal_data"]),
    ("colleague's phone number", ["ipem"], "Need Tom from QA? His mobile is 07700 900123, he won't mind", ["ipem/personal_data"]),
    ("colleague's illness", ["rcr"], "Please send good thoughts to my colleague Anil, who was diagnosed with leukaemia on Friday", ["rcr/personal_data"]),
    ("author's own email and phone", ["rcr", "ipem"], "Fancy a chat about the fellowship? Email me at j.khan@example.org or call me on 07700 900777", []),
    ("anonymised teaching case", ["icis"], "Teaching case: 60s male smoker, spiculated RUL mass with hilar nodes. Stage it! #RadEd", []),
    ("a ward number alone is a place", ["rcr"], "Ward 7 have finally got their new bladder scanner, hooray", []),
    # --- political -------------------------------------------------------------------------
    ("urging a vote", ["ipem"], "Polls open till 10pm. Vote Green - it's the only way we get clean air 🌍", ["ipem/political"]),
    ("backing a party", ["society"], "Proud to be out canvassing for Labour this weekend 🌹", ["society/political"]),
    ("partisan hashtag", ["rcr"], "Another winter crisis. #ToriesOut", ["rcr/political"]),
    ("neutral mention of a party", ["ipem"], "The Labour government has published its 10 year health plan today; the imaging chapter is on p.42", []),
    ("neutral mention of a department", ["rcr"], "DHSC has launched a consultation on diagnostic workforce, responses due in June", []),
    ("voting in a society election", ["ipem"], "Don't forget to vote in the IPEM council elections - personal views, but every vote counts", []),
    # --- abusive ---------------------------------------------------------------------------
    ("insulting a colleague", ["icis"], "The locum who reported that scan is an absolute moron", ["icis/abusive"]),
    ("a threat", ["society"], "Keep mouthing off about me online, @sono_steve, and you'll regret it", ["society/abusive"]),
    ("discriminatory generalisation", ["rcr"], "Muslims on the rota always stick together, typical", ["rcr/abusive"]),
    ("clinical words that sound harsh", ["icis"], "Aggressive tumour, hostile abdomen, and the drain was useless. Long day.", []),
    # --- endorsement (IPEM) ----------------------------------------------------------------
    ("product superlative", ["ipem"], "Honestly the DoseWise QA suite is the best software on the market, nothing else comes close", ["ipem/endorsement"]),
    ("discount code", ["ipem"], "20% off my MRI safety course with code SAFE20 this week only!", ["ipem/endorsement"]),
    ("pointing to a stand", ["ipem"], "The PTW folk are on stand 14 if you need a chamber calibrated", []),
    ("job advert", ["ipem"], "We're recruiting two trainee clinical scientists in radiotherapy. Closing date 3 May.", []),
    # --- representation --------------------------------------------------------------------
    ("announcing for the organisation", ["rcr"], "On behalf of the RCR I can tell you the exam will be rescheduled", ["rcr/representation", "rcr/disclaimer"]),
    ("stating its position", ["ipem"], "IPEM's position is that every trust needs an MPE on site. Views my own.", ["ipem/representation"]),
    ("declining to speak for it", ["ipem"], "I'm not speaking for IPEM here, but I'd check with National Office", []),
    ("own appointment", ["society"], "Delighted to join the NUS education committee! Posting in a personal capacity.", []),
    # --- reference (ICIS) ------------------------------------------------------------------
    ("recommending a person for a post", ["icis", "icis-2013"], "If you're hiring a breast radiologist, I can't recommend Dr Ana Silva enough - brilliant", ["icis/reference", "icis-2013/reference"]),
    ("recommending a course", ["icis", "icis-2013"], "Highly recommend the PET-CT course in Leeds, superb faculty", []),
    ("congratulating a new consultant", ["icis"], "Congratulations to Dr Femi Ade on his first day as a consultant! 🎉", []),
    # --- media (RCR) -----------------------------------------------------------------------
    ("offering the press a comment", ["rcr"], "Any journalists covering the RCR census, happy to talk - DMs open. Views my own", ["rcr/media"]),
    ("reading the news", ["rcr"], "Interesting RCR story in the Times today. Views my own", []),
    # --- copyright -------------------------------------------------------------------------
    ("a scanned chapter", ["icis"], "Scanned the whole chest chapter of Felson for anyone revising, DM me for the PDF", ["icis/copyright"]),
    ("photos of someone's slides", ["society"], "Got photos of all the slides from Prof Ng's keynote, she said no pics but 🤷", ["society/copyright"]),
    ("one's own slides", ["ipem"], "My slides from this morning are on my website - my own work, share away", []),
    # --- disparagement ---------------------------------------------------------------------
    ("mocking the organisation", ["ipem"], "The IPEM conference app is a shambles again. Every year!", ["ipem/disparagement", "ipem/disclaimer"]),
    ("criticising a trust (RCR stakeholder)", ["rcr"], "Our trust board is a total joke, they've cut the reporting budget again", ["rcr/disparagement"]),
    ("praising the organisation", ["rcr"], "The RCR's new reporting guidance is excellent. Views my own", []),
    # --- disclaimer, brand, confidential in other words -------------------------------------
    ("handle without statement", ["society"], "Great to see so many sonographers at the @NUS_sono study day", ["society/disclaimer"], NUS),
    ("hashtag built on the acronym", ["ipem"], "Poster printed for #IPEM2026 🎉", ["ipem/disclaimer"]),
    ("logo on merchandise", ["rcr"], "Ordered mugs with the RCR crest for the department 😍 views my own", ["rcr/brand"]),
    ("draft guidance leaked", ["icis"], "Not been published yet but the draft ICIS guidance drops PET from routine staging. Views my own", ["icis/confidential"]),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_rule(case):
    _, packs, text, expected, *identity = case
    assert flagged(text, packs, identity[0] if identity else None) == sorted(expected)
