"""Words people use, shared by detectors: parties, the press, insults, health, protected groups.

This is knowledge of how people write in the UK, not of any one policy; which policy cares is
said by the packs.
"""

# UK and Irish political parties and the names people use for them (members post about both
# sides of the Irish border). "Reform" alone is an ordinary word, so it counts only as "Reform UK"
# or when the draft treats it as a party (see political.py).
_IRISH_PARTIES = r"Fine\s+Gael|Fianna\s+F[aá]il|Aont[uú]|People\s+Before\s+Profit"
PARTIES = (
    r"(?:Labour(?:\s+Party)?|Tor(?:y|ies)|Conservatives?(?:\s+Party)?|Lib\s*Dems?|Liberal\s+Democrats?|"
    r"Reform\s+UK|Green\s+Party|(?:the\s+)?Greens|SNP|Scottish\s+National\s+Party|Plaid(?:\s+Cymru)?|DUP|"
    rf"Sinn\s+F[eé]in|UKIP|Alliance\s+Party|SDLP|{_IRISH_PARTIES})"
)
# Names no ordinary word shares match in any case ("reform uk", "the tories"); "Labour", "Reform"
# and "Greens" are ordinary words too ("labour ward"), so they count only capitalised.
_UNAMBIGUOUS_PARTIES = (
    r"(?:Tor(?:y|ies)|Conservative\s+Party|Lib\s*Dems?|Liberal\s+Democrats?|Reform\s+UK|Green\s+Party|SNP|"
    rf"Scottish\s+National\s+Party|Plaid\s+Cymru|DUP|Sinn\s+F[eé]in|UKIP|SDLP|Labour\s+Party|{_IRISH_PARTIES})"
)
# Every name starts a word; saying so up front lets a search skip the middles of words.
PARTY_CASED = rf"\b(?:{_UNAMBIGUOUS_PARTIES}|(?-i:{PARTIES}|Reform))"
PARTISAN_HASHTAGS = (
    r"#(?:ToriesOut|ToryOut|GTTO|GeneralElection\w*|VoteLabour|VoteConservative|VoteGreen|VoteLibDem|VoteReform|"
    r"LabourParty|GreenParty|LibDems?|SNP|ToryChaos|ToryCorruption|LabourOut|KeirOut|SunakOut|Reform\w*|LocalElections?|"
    # For or against a party by name: "#NeverVoteTory", "#DontVoteReform", "#VoteSNP".
    r"(?:NeverVote|DontVote|Vote)(?:Labour|Tory|Tories|Conservatives?|Green|Greens|LibDems?|Reform|SNP|Plaid|SinnFein|Alliance|DUP))\b"
)

# A capitalised name, accents included ("Sinéad", "Gráinne", "Órla"): case-sensitive wherever it is used.
NAME = r"(?-i:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)"

# A handle that carries a party's name: "@ElaineForPlaid", "@GreensForGlasgow".
PARTY_HANDLE = r"@\w*(?-i:Labour|Tory|Tories|Conservatives?|LibDems?|Greens?|Plaid|SNP|Reform|SinnFein|FineGael|FiannaFail|DUP|SDLP|UKIP|Alba)\w*"

# Words of abuse. Medical and technical senses are excluded where they collide ("crook of the elbow",
# "dose creep", a slow drift).
INSULT_NOUNS = (
    r"\b(?:idiots?(?!-proof)|morons?|imbeciles?|cretins?(?!ism)|muppets?|clowns?|weasels?|"
    r"crooks?(?!\s+of\b)|liars?|scum(?:bags?)?|halfwits?|numpties?|plonkers?|tossers?|wankers?|twats?|"
    r"dickheads?|dicks|pricks?|arseholes?|assholes?|arses|bastards?|losers?|old\s+git|gits?|knobheads?|knobs|bellends?|"
    r"dimwits?|nitwits?|buffoons?|snakes?(?!\s+oil)|toads?|rats|pigs?|cows?|slags?|sluts?|bitch(?:es)?|witch(?:es)?|"
    r"absolute\s+animal|animals|dinosaurs?|gobshites?|windbags?|old\s+bags?|bags\s+of\s+\w+|bints?|harridans?|hags?|"
    r"coffin[- ]dodgers?|old\s+farts?|codgers?|fossils?|"
    r"nutters?|nutjobs?|psychos?|loons?|loony|headcases?|mental\s+cases?|freaks?|weirdos?|(?<!\b(?:dose|scope|mission|feature|bracket|protocol|grade)\s)creeps?|sleazebags?|"
    r"jobsworths?|donkeys?|dinlos?|dipsticks?|pillocks?|prats?|berks?|wallies|wally|eejits?|dumbasses?|dumb\s*asses?|"
    r"thick\s+as\s+(?:mince|two\s+short\s+planks|a\s+brick|pigshit)|waste\s+of\s+(?:space|oxygen|skin)|"
    r"excuse\s+for\s+a\s+\w+|embarrassment\s+to\s+the\s+profession|fools?|snowflakes?|frauds?|fraudsters?|junkies|junkie|druggies?|alkies?|"
    r"crackheads?|talentless\s+\w+|has-beens?|hacks?(?=\s+who\b)|snobs?|bigots?|hypocrites?|cowards?|charlatans?|sycophants?|bullies|"
    # Masked spellings still say the word: "b*tch", "pr*ck", "tw@t".
    r"b[*#@!]tch(?:es)?|pr[*#@!]cks?|tw[*#@!]ts?|d[*#@!]ck(?:head)?s?|w[*#@!]nkers?|b[*#@!]stards?|a[*#@!]{1,2}holes?)\b"
)
# Idioms that call a person stupid or mad without an insult word: "dropped on her head as a baby",
# "needs his head examining", "two brain cells", "not the sharpest tool in the box".
INSULT_IDIOMS = (
    r"\b(?:dropped\s+on\s+(?:his|her|their|your)\s+head\s+as\s+a\s+(?:baby|child|kid)|needs?\s+(?:his|her|their|your)\s+head\s+(?:checking|checked|examining|examined|testing|tested)|"
    r"(?:only\s+)?(?:has|have|got)\s+(?:about\s+)?(?:two|2|one|1)\s+brain\s+cells?|"
    r"not\s+the\s+sharpest\s+(?:tool|knife|pencil)|lights\s+are\s+on\s+but\s+(?:nobody|no\s+one)(?:'s|\s+is)\s+home|"
    r"(?:a\s+)?few\s+(?:sandwiches|bricks|fries)\s+short\s+of)\b"
)
# Adjectives insult a person only when aimed at one ("you useless muppet"); "the pointer was useless" is not abuse.
INSULT_ADJECTIVES = (
    r"\b(?:idiotic|moronic|pathetic|useless|clueless|spineless|brainless|gormless|incompetent|vile|thick|stupid|dumb|"
    r"senile|lying|ugly|fat|lazy|obnoxious|pompous|disgusting|repulsive|worthless|hopeless|braindead|brain-dead|deranged|unhinged|"
    r"smug|arrogant|self-important|two-faced|backstabbing|sneaky|slimy|creepy|bent|corrupt|stuck-up|snobby|snooty|spiteful)\b(?!-)"
)
INSULTS = rf"(?:{INSULT_NOUNS}|{INSULT_ADJECTIVES})"
# An insult said of a group of people: "brainless, the lot of them", "dinosaurs the whole lot of them".
LOT_OF_THEM = rf"{INSULTS},?\s+(?:the\s+)?(?:whole\s+)?lot\s+of\s+(?:them|you)\b"
# Two insults together need no target: "a clueless clown", "arrogant prat".
DOUBLE_INSULT = rf"{INSULT_ADJECTIVES}\s+{INSULT_NOUNS}"
OBSCENITY = (
    r"\b(?:f+u+c+k\w*|f[*#@!]{2,}(?:k|ing|in|ed|er|s)?\w*|f[*#@!]ck\w*|fcuk\w*|fk(?:ing|in)\b|sh[i1*]t(?:e|head|bag|hole)?s?|"
    r"s[*#]{2,}t|c\*nts?|piss\s+off|pissed\s+off\s+with\s+(?:you|him|her)|c+u+n+t+s?|c[*#]{2,}t|bollocks|b[*#]{3,}(?:s|d)|"
    r"go\s+(?:to\s+hell|and\s+die|f\w*\s+yourself)|screw\s+you|stfu|gtfo|shut\s+(?:the\s+\w+\s+)?up)"
)
THREATS = (
    r"\b(?:i\s+know\s+(?:where|which\s+(?:hospital|ward|trust|department|site|street|house|gym))\s+(?:you|he|she|they)\s+(?:live|lives|work|works|park)|"
    # Wishing someone dead: "should retire and die".
    r"(?:retire|quit|leave|crawl\s+(?:off|away))\s+and\s+die|drop\s+dead|see\s+what\s+happens|watch\s+your\s+back|"
    r"you(?:'ll|\s+will)\s+(?:regret|pay\s+for|be\s+sorry)|i'll\s+(?:find|get|hurt|end|sort\s+out|deal\s+with|make|ruin|destroy|expose)\s+(?:you|him|her|them)\b|i'll\s+keep\s+(?:posting|messaging|tagging|DMing|calling|ringing|emailing)\s+(?:about\s+)?(?:you|him|her|them|@\w+)|(?:answer|reply\s+to)\s+me\s+or\b|or\s+(?:I'll|I\s+will)\s+(?:make|report|come|post|tell|find)\b|"
    r"you're\s+(?:dead|finished|next)|coming\s+for\s+you|meet\s+me\s+outside|last\s+warning|or\s+else\b|"
    # Menace without the deed named: "you'd better hope I don't see you", "consider yourselves warned".
    r"you(?:'d|\s+had)\s+better\s+(?:hope|pray)\s+(?:I|we)\s+(?:don't|do\s+not|never|won't)|consider\s+(?:yourself|yourselves|themselves)\s+warned|"
    r"won't\s+be\s+so\s+(?:nice|professional|polite|friendly|patient)\s+(?:then|next\s+time)|"
    r"someone\s+should\s+(?:hurt|punch|kill|shoot|slap|deck|sort)|(?:deserves?|needs?)\s+(?:a\s+)?(?:slap|kicking|punch|beating|smack)|"
    r"(?:kill|hurt|punch|slap|deck|strangle|throttle)\s+(?:you|him|her|them)\b(?!\s+with\s+kindness)|"
    r"hope\s+(?:you|he|she|they)\s+(?:die|dies|gets?\s+(?:cancer|hit|sacked|what's\s+coming|run\s+over)|(?:trips?|falls?)\s+(?:down|over|off)\s+(?:the|a|your|his|her|their)\b|falls?\s+flat\s+on|chokes?\b|rots?\b|"
    r"breaks?\s+(?:your|his|her|their)\s+(?:neck|leg|legs|arm))|"
    r"make\s+(?:your|his|her|their)\s+life\s+(?:hell|a\s+misery)|(?:I\s+will|I'll|I'm\s+going\s+to|gonna)\s+keep\s+(?:posting|messaging|tagging|calling|DMing|hounding)\b[^.!?\n]{0,40}\buntil\s+"
    # ...until they give in: "until she admits she got it wrong" (not "until they fix the rota").
    r"(?:you\b|(?:he|she|they|@\w+)\s+(?:finally\s+)?(?:admits?|apologi[sz]es?|replies|answers|responds|resigns|quits|gives\s+in|backs\s+down|says\s+sorry))|everyone\s+(?:report|go\s+after)\s+(?:him|her|them))"
)
# People at work as others name them ("the new trainee", "our locum"): the subject of a remark about
# a person. Words that also name things ("lead", "chair", "admin") are left out.
ROLES = (
    r"(?:trainees?|registrars?|regs?|consultants?|locums?|radiographers?|radiologists?|sonographers?|physicists?|nurses?|"
    r"doctors?|surgeons?|porters?|receptionists?|secretar(?:y|ies)|managers?|boss(?:es)?|colleagues?|students?|juniors?|"
    r"interns?|clinicians?|techs?|technicians?|engineers?|cleaners?|HCAs?|SHOs?|SpRs?|StRs?)"
)

# Doing lasting damage to an institution ("have wrecked the NHS", "will ruin radiology"); "destroy"
# is left out, as radiologists say it of tumours and bone.
DAMAGE = r"(?:wreck(?:ed|ing|s)?|ruin(?:ed|ing|s)?|trash(?:ed|ing|es)?|decimat(?:e|ed|es|ing)|dismantl(?:e|ed|es|ing))"
# Said of a service or profession the damage is a charge ("have broken diagnostics"); "feet wrecked"
# and "ruin the surprise" are not.
DAMAGING = (
    rf"\b(?:{DAMAGE}|broken|broke|break)\s+(?:the\s+|our\s+|this\s+)?(?:NHS|health\s+service|radiology|diagnostics|imaging|profession|"
    r"services?|workforce|specialty|country|department)\b(?!'s)|"
    # "have done more damage to the NHS than covid"
    r"\b(?:done|did|doing|caused)\s+(?:more|so\s+much|untold|lasting|real|irreparable|enough)\s+(?:damage|harm)\s+to\s+(?:the\s+|our\s+)?"
    r"(?:NHS|health\s+service|radiology|diagnostics|imaging|profession|services?|workforce|country)\b"
)

# Slurs: words that demean a protected group whatever the sentence around them.
SLURS = (
    r"\b(?:retard(?:s|ed)?|spaz|spastics?|mongs?|mongoloids?|cripples?|trann(?:y|ies)|shemales?|poofs?|poofters?|"
    r"faggots?|fags|dykes?|pakis?|wogs?|chinks?|gyppos?|pikeys?|kikes?|coons?|ragheads?|towelheads?|"
    r"batty\s+boys?|n[i1]gg\w*|spics?|dagos?|krauts?|gooks?|slant[- ]eyed?)\b"
)

# Groups protected by the Equality Act 2010 (race, religion or belief, sex, sexual orientation,
# gender reassignment, disability, age, pregnancy), as people name them in generalisations.
PROTECTED_GROUPS = (
    r"(?:Catholics?|Protestants?|Muslims?|Muslim\s+\w+|Jews|Jewish\s+(?:people|staff|colleagues)|Hindus?|Sikhs?|Christians?|atheists?|"
    r"travell?ers?|gypsies|gypsy|immigrants?|foreigners?|migrants?|asylum\s+seekers?|refugees?|"
    r"Poles|Polish\s+\w+|Romanians?|Africans?|Asians?|Indians?|Pakistanis?|Nigerians?|Chinese\s+\w+|Irish\s+\w+|"
    r"black\s+(?:people|staff|doctors|nurses|patients)|white\s+(?:people|staff)|"
    r"women|woman|men|girls|blokes|females?|ladies|gays?|lesbians?|bisexuals?|queers?|trans\s*(?:people|women|men|folk)?|transgender\s+\w+|"
    r"disabled\s+\w+|old(?:er)?\s+(?:people|staff|colleagues|consultants|radiographers|ones|women|men|blokes|guys|ladies|timers|boys|girls)|"
    r"young\s+(?:people|ones|staff)|millennials|boomers|pensioners|pregnant\s+\w+|mums|mothers|new\s+mums|"
    r"overseas\s+\w+|foreign(?:-\w+)?\s+\w+|international\s+(?:graduates|staff|doctors|nurses|radiographers)|IMGs|"
    r"wheelchair\s+users?|(?:the\s+)?deaf|(?:the\s+)?blind\s+\w+|autistic\s+\w+|dyslexic\s+\w+|"
    r"(?:the\s+)?ones\s+who\s+go\s+off\s+(?:on|with)\s+(?:'|\")?(?:stress|sick|mental\s+health|maternity)|"
    r"homosexuals?|homosexuality|transgenderism|Islam|Judaism|Hinduism|Sikhism|Catholicism|"
    r"(?:anyone|people|someone|those|staff)\s+(?:[\w@-]+\s+){0,5}?with\s+(?:a\s+|an\s+)?(?:disab\w+|wheelchair|autis\w+|ADHD|dyslexi\w+|mental\s+health|\w+\s+kids?)(?:\s+\w+)?)"
)
# One person picked out by a sign of their religion or disability: "the guy in the wheelchair",
# "a woman in a hijab". What one person can't do is often plain fact, so only a generalisation
# or mocking doubt about them counts (abusive.py).
MARKED_PERSON = (
    r"\b(?:man|woman|guy|bloke|lady|girl|lad|person|one|chap|fella|someone|reg|registrar|trainee|locum|consultant|nurse|doctor|"
    r"radiographer|student|colleague)\s+(?:in|wearing|with)\s+(?:a|an|the|their|his|her)\s+"
    r"(?:hijab|headscarf|niqab|burqa|burka|turban|kippah|yarmulke|veil|wheelchair|walking\s+stick|hearing\s+aids?|guide\s+dog)\b"
)
# Mocking disbelief that they could do the job: "really thinks he can run a workshop?"
DOUBTED_ABILITY = r"\b(?:really|actually|honestly|seriously)\s+thinks?\s+(?:he|she|they)\s+can\b[^.!?\n]{0,60}\?"
# Said of a group, these generalise ("the Catholics on council always look after their own").
GENERALISING = (
    r"(?:typical|(?:that|those|these)\s+(?:lot|people|types?)|(?:are|is)\s+all\s+(?:the\s+same|lazy|useless|\w+)|"
    r"(?:always|never|all)\s+(?:look\s+after\s+their\s+own|the\s+same|like\s+that|stick\s+together|moan|complain|skive|late)|"
    r"(?:can't|cannot|shouldn't)\s+be\s+trusted|ruin(?:ing|ed)?\s+(?:the|this)\s+(?:country|profession|department|NHS)|"
    r"shouldn't\s+be\s+(?:working|allowed|employed|hired|here|doctors|consultants|radiographers|in\s+\w+)|"
    r"(?:don't|do\s+not|doesn't)\s+belong|(?:not|aren't|isn't)\s+(?:cut\s+out|suited|fit)\s+for|"
    r"too\s+(?:emotional|hormonal|old|slow)\s+(?:to|for)|fed\s+up\s+(?:of|with)\s+(?:these|them|all\s+these)|"
    r"can't\s+(?:even\s+)?speak\s+(?:proper\s+)?English|taking\s+(?:our|all\s+the)\s+jobs|coming\s+over\s+here|"
    r"(?:should|need\s+to)\s+(?:just\s+|all\s+|really\s+)?(?:retire|go\s+home|stay\s+at\s+home|get\s+back\s+in\s+the\s+kitchen)|"
    r"(?:another|again|yet\s+another)\s+(?:maternity|mat)\s+leave|pregnant\s+again|skiving|"
    r"(?:have|has)\s+no\s+place|(?:is|are)\s+(?:wrong|a\s+sin|unnatural|sick|disgusting|a\s+disease|an\s+abomination)|"
    r"(?:a|are\s+a)\s+liability|can't\s+\w+(?:\s+\w+){0,3}\s+to\s+save\s+their\s+lives|(?:they're|are)\s+(?:just\s+)?(?:lazy|useless|thick|stupid)|"
    r"only\s+got\s+(?:it|the\s+\w+)\s+because|tick(?:ing)?\s+a\s+box|not\s+fair\s+on\s+the\s+rest|"
    r"(?:let|allowed)\s+anywhere\s+near|always\s+the\s+rest\s+of\s+us|(?:funny|odd)\s+how\s+it's\s+always|"
    r"(?:have|has)\s+no\s+business|can't\s+handle|(?:just\s+)?(?:don't|do\s+not|doesn't)\s+have\s+the\s+(?:stamina|brains|temperament|strength|aptitude)|"
    r"shouldn't\s+be\s+(?:let|allowed|\w+ing)|should\s+(?:be\s+)?(?:banned|barred|kept\s+out)|"
    r"pick\s+a\s+(?:toilet|gender)|making\s+everyone\s+uncomfortable|can\s+do\s+one|(?:can|should)\s+(?:get\s+lost|sod\s+off)|"
    r"this\s+is\s+what\s+happens\s+when\s+you\s+let|clogging\s+up|separate\s+\w+\s+for\s+them|"
    r"(?:need|needs)\s+to\s+stop\s+(?:praying|wearing|speaking|bringing|fasting)|"
    # Blaming their faith for the work: "probably off praying between cases".
    r"(?:probably|always|forever|too\s+busy)\s+(?:off\s+)?(?:praying|fasting))"
)
# These are discriminatory whoever they are said of.
DISCRIMINATORY = (
    r"(?:typical\s+of\s+that\s+lot|go\s+back\s+to\s+(?:wher(?:e|ever)\s+(?:you|they|he|she)\s+(?:came|come|trained|qualified)(?:\s+from)?|(?:your|their|his|her)\s+own\s+(?:\w+\s+)?country)|"
    r"speak\s+proper\s+English|can\s+(?:barely|hardly)\s+(?:speak|write|string\s+(?:a\s+sentence|two\s+words)\s+together\s+in)\s+English|"
    # Telling people to hide who they are: "keep your private lifestyle out of the department".
    r"keep\s+(?:your|their|his|her|that|that\s+kind\s+of)\s+(?:private\s+|personal\s+)?(?:lifestyle|sexuality|sex\s+life|religion|faith|beliefs)\s+"
    r"(?:out\s+of|to\s+(?:your|them|him|her)sel(?:f|ves)|private|at\s+home|behind\s+closed\s+doors)|"
    r"how\s+are\s+(?:these|those|they)\s+(?:people\s+)?(?:even\s+)?(?:let|allowed)\s+(?:in|into)|get\s+back\s+in\s+the\s+kitchen|time\s+of\s+the\s+month|like\s+a\s+girl|"
    r"(?:a\s+)?(?:man|bloke|guy)\s+in\s+a\s+(?:dress|frock|wig)|not\s+(?:calling|going\s+to\s+call)\s+(?:him|her|them|\w+)\s+['\"]?(?:she|he|they)\b|so\s+gay\b|past\s+(?:it|(?:his|her)\s+sell-by)|OK\s+boomer|"
    r"(?:too|very)\s+old\s+to\s+(?:be|work|learn|understand)|should\s+(?:have\s+)?retired?\s+years\s+ago|"
    r"because\s+(?:she's|he's|they're|she\s+is|he\s+is)\s+(?:a\s+)?(?:woman|black|Asian|gay|disabled|pregnant|foreign|Muslim|Jewish|trans|old|a\s+mum))"
)

# The press: people, outlets and what dealing with them looks like.
PRESS = (
    r"(?:journalists?|journos?|reporters?|correspondents?|press(?!\s+(?:release|releases|office|on|ahead|the\s+button))|media|"
    r"news\s*desk|editor|newspaper|tomorrow's\s+paper|the\s+papers|"
    r"(?:the\s+)?(?-i:Times|Guardian|Telegraph|Mirror|Independent|Observer|Express|Daily\s+Mail|Mail\s+on\s+Sunday|"
    r"Evening\s+Standard|Metro|Herald|Scotsman)|the\s+(?-i:Sun|Mail)|"
    r"(?-i:BBC|ITV|Sky\s+News|Channel\s+4|Radio\s+4|Today\s+programme|Newsnight|FT|BMJ|HSJ|Pulse|Reuters|PA)|"
    r"@\w*(?:news|desk|times|guardian|telegraph|mirror|bbc|ft|bmj|hsj)\w*|on\s+air|podcast(?:er)?s?|radio|TV|telly|"
    r"broadcasters?|producers?|press\s+(?:enquir\w+|calls?)|hacks|(?-i:LBC|Radio\s+5|Panorama|GB\s+News|Times\s+Radio|Guardian)|"
    r"local\s+paper|the\s+press(?!\s+(?:releases?|office|team)))"
)

# Operations people disclose about someone: "her mastectomy", "his bypass".
OPERATIONS = (
    r"(?:mastectomy|hysterectomy|lumpectomy|appendi(?:ce)?ctomy|cholecystectomy|colectomy|prostatectomy|nephrectomy|thyroidectomy|"
    r"tonsillectomy|vasectomy|(?:hip|knee|valve)\s+replacement|bypass|transplant|amputation|caesarean|C-section|operation)"
)

# Health details about a person: conditions and events people disclose about others.
HEALTH = (
    r"(?:diagnosed\s+with|(?:he|she|they)(?:'s|\s+is|\s+was|'re|\s+are)\s+(?:\w+\s+)?pregnant|"
    r"(?:his|her|their|your)\s+(?:\w+\s+)?(?:rehab|depression|anxiety|cancer|diagnosis|breakdown|illness|condition|"
    rf"MS|dementia|stroke|chemo|miscarriage|surgery|addiction|drinking|mental\s+health|{OPERATIONS})|"
    r"(?:in|on)\s+(?:the\s+)?(?:ICU|CCU|ITU|HDU|intensive\s+care|a\s+psych(?:iatric)?\s+ward)|heart\s+attack|"
    r"stroke|miscarr(?:iage|ied)|sectioned|overdosed?|terminal(?:ly\s+ill)?|chemo(?:therapy)?|"
    r"nervous\s+breakdown|relapsed?|rehab|HIV|pregnan(?:t|cy)|"
    # Sickness absence and admissions: "off sick with stress", "signed him off", "admitted to the psychiatric unit".
    r"off\s+sick\s+with|signed\s+(?:him|her|them)\s+off|(?:serious|complete|total|mental)\s+breakdown|"
    r"admitted\s+to\s+(?:the\s+|a\s+)?(?:psych(?:iatric)?|mental\s+health|secure|eating\s+disorders?)\s+(?:unit|ward|hospital))"
)
