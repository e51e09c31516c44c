"""Drafts that both the unit tests and the e2e tests type: one home for each."""

# Seven lines, three policies: many problems (10 cards in the panel; one per policy and phrase
# before cards, 23). The rules' findings each have their own sentence to stand on.
SEVEN_LINES = """Huge thanks to the RCR, IPEM and ICIS for a brilliant joint meeting in Leeds this week!
Saw Mr John Smith (DOB 04/07/1961) in clinic today with a huge tumour.
The RCR board papers are strictly confidential but say the exam fee is going up.
Vote Labour on Thursday, the Tories have wrecked the NHS.
Our new poster uses the RCR logo and the ICIS logo.
Honestly the IPEM council are a bunch of idiots.
The Guardian asked me about the RCR workforce figures, so I told them what I think."""
THREE_POLICIES = ["rcr", "ipem", "icis"]
