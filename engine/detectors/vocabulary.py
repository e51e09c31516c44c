"""Words people use, shared by detectors: parties, the press, insults, health, protected groups.

This is knowledge of how people write in the UK, not of any one policy; which policy cares is
said by the packs.
"""

# UK political parties and the names people use for them. "Reform" alone is an ordinary word,
# so it counts only as "Reform UK" or when the draft treats it as a party (see political.py).
PARTIES = (
    r"(?:Labour(?:\s+Party)?|Tor(?:y|ies)|Conservatives?(?:\s+Party)?|Lib\s*Dems?|Liberal\s+Democrats?|"
    r"Reform\s+UK|Green\s+Party|(?:the\s+)?Greens|SNP|Scottish\s+National\s+Party|Plaid(?:\s+Cymru)?|DUP|"
    r"Sinn\s+F[eé]in|UKIP|Alliance\s+Party|SDLP)"
)
PARTY_CASED = rf"(?-i:{PARTIES}|Reform)"
PARTISAN_HASHTAGS = (
    r"#(?:ToriesOut|ToryOut|GTTO|GeneralElection\w*|VoteLabour|VoteConservative|VoteGreen|VoteLibDem|VoteReform|"
    r"LabourParty|GreenParty|LibDems?|SNP|ToryChaos|ToryCorruption|LabourOut|KeirOut|SunakOut|Reform\w*|LocalElections?)\b"
)

# Words of abuse. Medical senses are excluded where they collide ("crook of the elbow").
INSULT_NOUNS = (
    r"\b(?:idiots?(?!-proof)|morons?|imbeciles?|cretins?(?!ism)|muppets?|clowns?|weasels?|"
    r"crooks?(?!\s+of\b)|liars?|scum(?:bags?)?|halfwits?|numpties?|plonkers?|tossers?|wankers?|twats?|"
    r"dickheads?|pricks?|arseholes?|assholes?|bastards?|losers?|old\s+git|gits?|knobheads?|bellends?|dimwits?|"
    r"nitwits?|buffoons?|snakes?|toads?|absolute\s+animal|dinosaurs|coffin[- ]dodgers?|old\s+farts?|"
    r"thick\s+as\s+(?:mince|two\s+short\s+planks|a\s+brick|pigshit)|waste\s+of\s+(?:space|oxygen|skin))\b"
)
# Adjectives insult a person only when aimed at one ("you useless muppet"); "the pointer was useless" is not abuse.
INSULT_ADJECTIVES = r"\b(?:idiotic|moronic|pathetic|useless|clueless|spineless|brainless|incompetent|vile|thick|stupid|senile|lying)\b"
INSULTS = rf"(?:{INSULT_NOUNS}|{INSULT_ADJECTIVES})"
OBSCENITY = r"\b(?:f+u+c+k\w*|f[*#@!]{2,}(?:k|ing|in|ed|er|s)?\w*|sh[i1*]t(?:e|head|bag)?s?|piss\s+off|c+u+n+t+s?|c\*+t|bollocks)"
THREATS = (
    r"\b(?:i\s+know\s+where\s+you\s+live|see\s+what\s+happens|watch\s+your\s+back|you'll\s+regret|"
    r"you\s+will\s+regret|you'll\s+pay\s+for|i'll\s+(?:find|get|hurt|end)\s+you|you're\s+(?:dead|finished)|"
    r"someone\s+should\s+(?:hurt|punch|kill|shoot|slap)|(?:kill|hurt|punch)\s+(?:you|him|her|them)\b(?!\s+with\s+kindness))"
)

# Groups protected by the Equality Act 2010 (race, religion or belief, sex, sexual orientation,
# gender reassignment, disability, age, pregnancy), as people name them in generalisations.
PROTECTED_GROUPS = (
    r"(?:Catholics?|Protestants?|Muslims?|Jews|Jewish\s+people|Hindus?|Sikhs?|Christians?|atheists?|"
    r"travell?ers?|gypsies|gypsy|immigrants?|foreigners?|migrants?|asylum\s+seekers?|refugees?|"
    r"Poles|Polish\s+people|Romanians?|Africans?|Asians?|Indians?|Pakistanis?|Chinese\s+people|Irish\s+people|"
    r"women|men|girls|blokes|gays?|lesbians?|trans\s+(?:people|women|men)|disabled\s+\w+|old\s+people|"
    r"pensioners|boomers|pregnant\s+\w+|mums|mothers|overseas\s+\w+|foreign\s+\w+|international\s+(?:graduates|staff|doctors|nurses)|"
    r"IMGs|(?:anyone|people|someone|those|staff)\s+with\s+(?:a\s+)?(?:disab\w+|wheelchair|autis\w+|ADHD)(?:\s+\w+)?)"
)
# Said of a group, these generalise ("the Catholics on council always look after their own").
GENERALISING = (
    r"(?:typical|(?:that|those|these)\s+(?:lot|people|types?)|"
    r"(?:always|never|all)\s+(?:look\s+after\s+their\s+own|the\s+same|like\s+that|stick\s+together)|"
    r"(?:can't|cannot|shouldn't)\s+be\s+trusted|ruin(?:ing|ed)?\s+(?:the|this)\s+country|"
    r"shouldn't\s+be\s+(?:working|allowed|employed|hired|here|doctors|in\s+\w+)|(?:don't|do\s+not)\s+belong|"
    r"fed\s+up\s+(?:of|with)\s+(?:these|them|all\s+these))"
)
# These are discriminatory whoever they are said of.
DISCRIMINATORY = (
    r"(?:typical\s+of\s+that\s+lot|go\s+back\s+to\s+(?:where\s+(?:you|they)\s+came\s+from|(?:your|their)\s+own\s+(?:\w+\s+)?country)|"
    r"speak\s+proper\s+English)"
)

# The press: people, outlets and what dealing with them looks like.
PRESS = (
    r"(?:journalists?|journos?|reporters?|correspondents?|press(?!\s+(?:release|releases|office|on|ahead|the\s+button))|media|"
    r"news\s*desk|editor|newspaper|tomorrow's\s+paper|the\s+papers|"
    r"(?:the\s+)?(?-i:Times|Guardian|Telegraph|Mirror|Independent|Observer|Express|Daily\s+Mail|Mail\s+on\s+Sunday|"
    r"Evening\s+Standard|Metro|Herald|Scotsman)|the\s+(?-i:Sun|Mail)|"
    r"(?-i:BBC|ITV|Sky\s+News|Channel\s+4|Radio\s+4|Today\s+programme|Newsnight|FT|BMJ|HSJ|Pulse|Reuters|PA)|"
    r"@\w*(?:news|desk|times|guardian|telegraph|mirror|bbc|ft|bmj|hsj)\w*|on\s+air)"
)

# Health details about a person: conditions and events people disclose about others.
HEALTH = (
    r"(?:diagnosed\s+with|(?:he|she|they)(?:'s|\s+is|\s+was|'re|\s+are)\s+(?:\w+\s+)?pregnant|"
    r"(?:his|her|their)\s+(?:\w+\s+)?(?:depression|anxiety|cancer|diagnosis|breakdown|illness|condition|"
    r"MS|dementia|stroke|chemo|miscarriage|surgery|addiction|drinking|mental\s+health)|"
    r"(?:in|on)\s+(?:the\s+)?(?:ICU|CCU|ITU|HDU|intensive\s+care|a\s+psych(?:iatric)?\s+ward)|heart\s+attack|"
    r"stroke|miscarr(?:iage|ied)|sectioned|overdosed?|terminal(?:ly\s+ill)?|chemo(?:therapy)?|"
    r"nervous\s+breakdown|relapsed?|rehab|HIV|pregnan(?:t|cy))"
)
