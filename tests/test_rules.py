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
    ("someone at a bed with what brought them in", ["rcr"], "Lovely old boy in bay 5, in with a perforated ulcer, told me his whole war story", ["rcr/personal_data"]),
    ("someone at a bed with a visitor", ["rcr"], "The gent in bay 5 is in with his son this afternoon, so scan him after 4", []),
    ("colleague's illness, named with their team", ["ipem"], "Priti Shah from the radiotherapy physics team has been off since May with long covid", ["ipem/personal_data"]),
    ("colleague's prize, named with their team", ["ipem"], "Priti Shah from the radiotherapy physics team has been shortlisted for the IPEM early career prize. Views my own", []),
    ("someone else's street", ["society"], "Anyone near Jo? She's not answering, her flat on Mill Lane had the lights off all weekend", ["society/personal_data"], NUS),
    ("a street where no one lives", ["society"], "The new CDC on Mill Lane opens Monday, parking round the back", [], NUS),
    # --- political -------------------------------------------------------------------------
    ("urging a vote", ["ipem"], "Polls open till 10pm. Vote Green - it's the only way we get clean air 🌍", ["ipem/political"]),
    ("backing a party", ["society"], "Proud to be out canvassing for Labour this weekend 🌹", ["society/political"]),
    ("partisan hashtag", ["rcr"], "Another winter crisis. #ToriesOut", ["rcr/political"]),
    ("neutral mention of a party", ["ipem"], "The Labour government has published its 10 year health plan today; the imaging chapter is on p.42", []),
    ("neutral mention of a department", ["rcr"], "DHSC has launched a consultation on diagnostic workforce, responses due in June", []),
    ("voting in a society election", ["ipem"], "Don't forget to vote in the IPEM council elections - personal views, but every vote counts", []),
    ("an Irish party's candidate", ["society"], "Our Fianna Fáil candidate actually gets cancer waits - number one from me on Friday", ["society/political"], NUS),
    ("an Irish party named neutrally", ["society"], "The Fine Gael health minister opened the new PET-CT unit in Galway today", [], NUS),
    ("a party will wreck the service", ["rcr"], "If the Lib Dems get in they'll wreck the NHS in a year, mark my words", ["rcr/political", "rcr/disparagement"]),
    # --- abusive ---------------------------------------------------------------------------
    ("insulting a colleague", ["icis"], "The locum who reported that scan is an absolute moron", ["icis/abusive"]),
    ("a threat", ["society"], "Keep mouthing off about me online, @sono_steve, and you'll regret it", ["society/abusive"]),
    ("discriminatory generalisation", ["rcr"], "Muslims on the rota always stick together, typical", ["rcr/abusive"]),
    ("clinical words that sound harsh", ["icis"], "Aggressive tumour, hostile abdomen, and the drain was useless. Long day.", []),
    ("insult after a hyphenated word", ["icis"], "Whoever booked this venue is a half-witted clown", ["icis/abusive"]),
    ("masked insult", ["rcr"], "Whoever parked across the ambulance bay, you selfish b*stard", ["rcr/abusive"]),
    ("wishing someone hurt", ["ipem"], "Hope he falls down the stairs on his way out of the department", ["ipem/abusive"]),
    ("hoping someone falls for a city", ["ipem"], "Hope you fall in love with Glasgow as much as I did at the conference", []),
    ("a colleague called incompetent by their job", ["society"], "Our new sonographer is so incompetent it's frightening", ["society/abusive"]),
    ("a machine called useless", ["society"], "Our new ultrasound machine is so useless with big patients", []),
    ("an idiom for stupid", ["icis"], "The reg on nights has about two brain cells, I swear", ["icis/abusive"]),
    ("a baby's head injury", ["icis"], "Baby dropped on her head from the changing table, CT head normal, home tomorrow", []),
    ("an age group told to retire", ["rcr"], "Old blokes running these committees should just retire", ["rcr/abusive"]),
    ("mocking doubt about a disabled person", ["society"], "The lad with the walking stick honestly thinks he can do the on-call rota?", ["society/abusive"], NUS),
    ("a disabled person's access, as fact", ["society"], "The man in the wheelchair can't get through the MRI door, estates need to widen it", [], NUS),
    # --- endorsement (IPEM) ----------------------------------------------------------------
    ("product superlative", ["ipem"], "Honestly the DoseWise QA suite is the best software on the market, nothing else comes close", ["ipem/endorsement"]),
    ("discount code", ["ipem"], "20% off my MRI safety course with code SAFE20 this week only!", ["ipem/endorsement"]),
    ("pointing to a stand", ["ipem"], "The PTW folk are on stand 14 if you need a chamber calibrated", []),
    ("job advert", ["ipem"], "We're recruiting two trainee clinical scientists in radiotherapy. Closing date 3 May.", []),
    ("the only product worth buying", ["ipem"], "Honestly the RaySafe X2 is the only meter worth buying for QA", ["ipem/endorsement"]),
    ("the only talk worth getting up for", ["ipem"], "The 8am proton session was the only talk worth getting up early for", []),
    # --- representation --------------------------------------------------------------------
    ("announcing for the organisation", ["rcr"], "On behalf of the RCR I can tell you the exam will be rescheduled", ["rcr/representation", "rcr/disclaimer"]),
    ("stating its position", ["ipem"], "IPEM's position is that every trust needs an MPE on site. Views my own.", ["ipem/representation"]),
    ("declining to speak for it", ["ipem"], "I'm not speaking for IPEM here, but I'd check with National Office", []),
    ("own appointment", ["society"], "Delighted to join the NUS education committee! Posting in a personal capacity.", []),
    ("answering for it", ["ipem"], "Lots of DMs about the IPEM MPE standards, so to answer for the Institute: no change this year", ["ipem/representation", "ipem/disclaimer"]),
    ("waiting on a reply about it", ["ipem"], "Still waiting on a reply for my IPEM membership upgrade. Views my own", []),
    ("its stance in the progressive, vouched for", ["rcr"], "The RCR is now backing the CDC expansion, and rest assured it will push for more. Views my own", ["rcr/representation"]),
    ("its stance reported", ["rcr"], "Good to see the RCR is backing the CDC expansion. Views my own", []),
    ("calling on members to follow it", ["ipem"], "IPEM supports the new registration route - so should you. Views my own", ["ipem/representation"]),
    ("sharing its coming decision", ["society"], "Excited to share, before the newsletter goes out, that NUS will be moving its study days online", ["society/representation", "society/disclaimer"], NUS),
    ("sharing one's own news about it", ["society"], "Excited to share that NUS has accepted my abstract! Personal capacity, as ever", [], NUS),
    ("passing on its line", ["rcr"], "Told the Guardian the line the RCR is taking on AI reporting. Views my own", ["rcr/representation", "rcr/media"]),
    # --- reference (ICIS) ------------------------------------------------------------------
    ("recommending a person for a post", ["icis", "icis-2013"], "If you're hiring a breast radiologist, I can't recommend Dr Ana Silva enough - brilliant", ["icis/reference", "icis-2013/reference"]),
    ("recommending a course", ["icis", "icis-2013"], "Highly recommend the PET-CT course in Leeds, superb faculty", []),
    ("congratulating a new consultant", ["icis"], "Congratulations to Dr Femi Ade on his first day as a consultant! 🎉", []),
    ("telling employers to hire this person", ["icis", "icis-2013"], "Any department after a new MSK consultant: hire this woman, you won't regret it", ["icis/reference", "icis-2013/reference"]),
    ("hiring, not vouching", ["icis"], "We're hiring! Two consultant posts in our MSK team, details on NHS Jobs", []),
    # --- media (RCR) -----------------------------------------------------------------------
    ("offering the press a comment", ["rcr"], "Any journalists covering the RCR census, happy to talk - DMs open. Views my own", ["rcr/media"]),
    ("reading the news", ["rcr"], "Interesting RCR story in the Times today. Views my own", []),
    # --- copyright -------------------------------------------------------------------------
    ("a scanned chapter", ["icis"], "Scanned the whole chest chapter of Felson for anyone revising, DM me for the PDF", ["icis/copyright"]),
    ("photos of someone's slides", ["society"], "Got photos of all the slides from Prof Ng's keynote, she said no pics but 🤷", ["society/copyright"]),
    ("one's own slides", ["ipem"], "My slides from this morning are on my website - my own work, share away", []),
    ("reposting a found cartoon", ["ipem"], "Reposting this meme from a radiology Facebook group, no idea who made it but it's spot on", ["ipem/copyright"]),
    ("reposting one's own cartoon", ["ipem"], "Reposting my own cartoon from last year's Christmas card, still makes me laugh", []),
    ("a named author's chapter", ["icis"], "Scanned Grainger's chest imaging chapter for the study group", ["icis/copyright"]),
    ("the whole work, by its pages", ["ipem"], "Photographed all 48 pages of the new dosimetry chapter, DM me", ["ipem/copyright"]),
    ("photos of a lecturer's slides beside one's own notes", ["icis"], "My notes from the course are below, with photos of the lecturer's slides for each session", ["icis/copyright"]),
    ("photos of slides taken with leave", ["icis"], "Took photos of her slides for revision, she said that was fine", []),
    # --- disparagement ---------------------------------------------------------------------
    ("mocking the organisation", ["ipem"], "The IPEM conference app is a shambles again. Every year!", ["ipem/disparagement", "ipem/disclaimer"]),
    ("criticising a trust (RCR stakeholder)", ["rcr"], "Our trust board is a total joke, they've cut the reporting budget again", ["rcr/disparagement"]),
    ("praising the organisation", ["rcr"], "The RCR's new reporting guidance is excellent. Views my own", []),
    ("botching, said of its board", ["ipem"], "The IPEM exams board have made a right dog's dinner of the resits. Views my own", ["ipem/disparagement"]),
    ("botching, said of oneself", ["ipem"], "I made a right dog's dinner of my poster for #IPEM2026 but the IPEM team helped me fix it. Views my own", []),
    ("a named trust (RCR stakeholder)", ["rcr"], "Riverside University Hospitals NHS Trust are clueless about reporting backlogs", ["rcr/disparagement"]),
    ("a named trust's good news", ["rcr"], "Riverside University Hospitals NHS Trust has opened a new CT suite, well done all", []),
    ("a stakeholder's output judged", ["rcr"], "The DHSC's new guidance on outsourcing reporting is reckless", ["rcr/disparagement"]),
    ("damage done to a service", ["rcr"], "A decade of government cuts has broken radiology", ["rcr/disparagement"]),
    ("a tired body is not damage", ["ipem"], "Three days at #IPEM2026, feet wrecked, brain full. Views my own", []),
    ("asking what it is for", ["icis"], "Genuinely don't know what ICIS is even for these days", ["icis/disparagement", "icis/disclaimer"]),
    ("a newcomer's question", ["icis"], "New to cancer imaging - can someone tell me what ICIS is for? Views my own", []),
    ("no better than another", ["ipem"], "The RCR's CPD portal is clunky and IPEM's is no better. Views my own", ["ipem/disparagement"]),
    ("no better place", ["ipem"], "There's no better place to learn dosimetry than an IPEM course. Views my own", []),
    ("cronyism", ["icis"], "The ICIS programme committee keep promoting their own favourites. Views my own", ["icis/disparagement"]),
    ("bored by its event", ["rcr"], "RCR annual conference day 2 and it's a total snoozefest so far. Views my own", ["rcr/disparagement"]),
    ("an officer of one of its groups insulted", ["ipem"], "The secretary of the IPEM Ultrasound SIG is a windbag", ["ipem/disparagement", "ipem/abusive", "ipem/disclaimer"]),
    ("nothing decided is not a complaint", ["icis"], "ICIS trustees met last night; nothing decided yet on the 2027 venue. Views my own", []),
    # --- disclaimer, brand, confidential in other words -------------------------------------
    ("handle without statement", ["society"], "Great to see so many sonographers at the @NUS_sono study day", ["society/disclaimer"], NUS),
    ("hashtag built on the acronym", ["ipem"], "Poster printed for #IPEM2026 🎉", ["ipem/disclaimer"]),
    ("logo on merchandise", ["rcr"], "Ordered mugs with the RCR crest for the department 😍 views my own", ["rcr/brand"]),
    ("logo on a flyer", ["rcr"], "Put the RCR logo on our course flyer, looks great. Views my own", ["rcr/brand"]),
    ("waiting for leave to use the logo", ["rcr"], "Need the RCR comms team's OK before the logo goes on our course flyer. Views my own", []),
    ("draft guidance leaked", ["icis"], "Not been published yet but the draft ICIS guidance drops PET from routine staging. Views my own", ["icis/confidential"]),
    ("a council deliberating, told by an insider", ["rcr"], "The RCR council discussed scrapping the part 2 viva last night - nothing decided, but it's coming. Views my own", ["rcr/confidential"]),
    ("a council deliberating in public", ["rcr"], "The RCR council discussed scrapping the viva at the open meeting, minutes are published. Views my own", []),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_rule(case):
    _, packs, text, expected, *identity = case
    assert flagged(text, packs, identity[0] if identity else None) == sorted(expected)
