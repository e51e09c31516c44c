"""Disparagement: criticising, mocking or defaming the organisation, its people, or (per policy) its stakeholders.

A target near a word of criticism. The organisation and its people are always targets; each pack
adds the stakeholders its policy names (government bodies, trusts, other colleges, partners).
"""

from __future__ import annotations

from typing import ClassVar

from .contracts import Context, Params
from .registry import register
from .phrases import FirstFound, Phrases, PhrasesParams, Requirement
from .vocabulary import DAMAGING, INSULT_ADJECTIVES, INSULT_IDIOMS, INSULT_NOUNS, LOT_OF_THEM, OBSCENITY

_PEOPLE = (
    r"(?:council(?:\s+member)?s?|committee|board|trustees?|officers?|treasurer|president|chair|secretary|"
    r"staff|exams?\s+office|education\s+committee|executive|management|leadership|members?|speakers?|webinar|"
    r"lead|head|director|manager|organi[sz]ers|faculty|chairs?|editors?|registrar|CEO|chief\s+exec\w*|secretariat|"
    r"office|admin|team|fellows?|council|SIGs?|vice-?presidents?|VPs?)"
)
# Those said to be "of" it: "the president of the RCR", "members of IPEM".
_OFFICERS = (
    r"(?:(?:vice-?)?president|chairs?|secretary|treasurer|heads?|directors?|CEO|chief\s+exec\w*|editors?|leads?|members?|council|officers?|trustees?|"
    r"committees?|boards?)"
)
CRITICISM = [
    r"\b(?:shambles|fiasco|farce|joke|disgrace(?:ful)?|embarrass(?:ing|ment)|shameful|a\s+mess|omnishambles|"
    r"incompeten(?:t|ce)|lost\s+the\s+plot|"
    r"(?:has|have|had)\s+(?:\w+\s+)?lost\s+touch\s+with\s+(?:its|their|the|members|reality|ordinary|grassroots|frontline)|"
    r"funny\s+way\s+of\s+showing|who\s+trains\s+these|tumbleweed|what\s+(?:am\s+I|are\s+we|are\s+you)\s+(?:even\s+|actually\s+)?paying\s+for|"
    r"(?:is|are)\s+(?:anyone|anybody)\s+(?:actually\s+|even\s+)?(?:working|awake)\s+(?:at|in)\b|"
    r"asleep\s+at\s+the\s+wheel|closed\s+shop|old\s+boys'?\s+club|"
    r"old\s+mates|stitch[- ]up|cover[- ]up|pure\s+fantasy|out\s+of\s+touch|not\s+fit\s+for\s+purpose|"
    r"(?:a\s+)?decade\s+out\s+of\s+date|hopeless|bit\s+rich|do\s+better|pull\s+your\s+socks\s+up|"
    r"rubbish|a\s+waste\s+of|waste\s+of\s+(?:time|money|space)|never\s+stood\s+next\s+to|"
    r"running\s+\w+(?:\s+\w+)?\s+into\s+the\s+ground|can't\s+organi[sz]e|couldn't\s+organi[sz]e|"
    r"what\s+i\s+think\s+of|sort\s+(?:it|themselves)\s+out|dinosaurs|corrupt(?:ion)?|racist|clowns|liars?|"
    r"(?:complete|total|utter|right|such\s+a)\s+mess|"
    # Botching, said of someone else: "made a total hash of", "a right pig's ear of".
    r"(?<!\bI\s)(?<!\bI've\s)(?:made|making|makes)\s+(?:a\s+)?(?:total\s+|complete\s+|right\s+|proper\s+|real\s+|such\s+a\s+)?"
    r"(?:hash|mess|pig's\s+ear|dog's\s+(?:dinner|breakfast)|balls-?up|cock-?up|muck-?up|shambles)\s+of|"
    r"(?:wouldn't|couldn't|would\s+not|could\s+not)\s+(?:know|spot|recogni[sz]e)\s+(?:[\w'-]+\s+){1,4}if\s+it\s+(?:hit|bit|slapped|smacked|kicked)|"
    # Cronyism: "picking their mates", "recycles its own favourite speakers".
    r"(?:pick|picks|picking|picked|recycl\w+|appoint\w*|promot\w+|reward\w*)\s+"
    r"(?:their|its|his|her)\s+(?:own\s+)?(?:mates|friends|pals|chums|cronies|favourites|favourite\s+\w+)|"
    # Blame for long decline: "fourteen years of Tory neglect".
    r"(?:years|decades?)\s+of\s+\w+\s+(?:neglect|underfunding|under-?investment|austerity|cuts|chaos|mismanagement|failure|incompetence)|"
    r"(?:snooze|yawn|bore|sleep|cringe)[- ]?fest|"
    r"makes?\s+no\s+sense|(?<!\bno[- ])nonsense|(?<!\b(?:are|is|was|were)\s)\bworst\b(?![- ](?:case|affected|hit|off))|should\s+be\s+ashamed|ashamed\s+of\s+(?:them|itself|yourselves)|"
    r"self-(?:congratulatory|serving|important)|smug|arrogant|boring|tedious|dire|zzz+|snooze|"
    r"(?:most|so)\s+(?:pointless|useless|boring)|pointless|toothless|spineless|gutless|cowardly|"
    r"let\s+(?:us|everyone|members|trainees|patients)\s+down|failed\s+(?:us|members|trainees|patients)|"
    r"isn't\s+a\s+plan|no\s+plan|sham|laughing\s*stock|amateur(?:s|ish)?|clueless|rip-?off|money[- ]grab\w*|cash\s+cow|"
    r"tone[- ]deaf|dark\s+ages|behind\s+the\s+times|stuck\s+in\s+the\s+(?:past|\d0s)|clown\s+show|circus|cowboys|"
    r"can't\s+run\s+a|fleec\w+|extortionate|daylight\s+robbery|greed(?:y)?|elitis[tm]|cronyism|nepotism|jobs\s+for\s+the\s+boys|"
    r"ivory\s+tower|hypocri\w+|shambolic|mismanag\w+|arrogance|contempt\s+for|couldn't\s+care\s+less|don't\s+care\s+about|"
    r"treat(?:s|ed)?\s+(?:us|members|trainees|staff|radiographers|physicists)\s+like|betray\w*|chaotic|useless\s+lot|"
    r"(?:does|do|did|done)\s+(?:absolutely\s+)?nothing(?!\s+wrong)|talking\s+shop|rubber[- ]stamp\w*|stitch(?:ed)?\s+up|ridiculous|laughable|farcical|"
    r"what\s+a\s+(?:joke|waste|mess|farce)|rotten|not\s+worth\s+the|"
    r"(?:getting|got|gets|get)\s+(?:\w+\s+){0,3}wrong|only\s+got\s+(?:it|the\s+\w+)\s+because|tick(?:ing)?\s+a\s+box|tokenism|"
    r"(?:don't|do\s+not)\s+know\s+why\s+(?:I|we|anyone)\s+bother|why\s+(?:do|would)\s+(?:I|we|anyone)\s+bother|"
    r"what\s+do\s+(?:they|either\s+of\s+them|you|we)\s+(?:even\s+)?do|what's\s+the\s+point\s+of|"
    r"so\s+basic|insulting|patronising|condescending|poorly\s+(?:organi[sz]ed|run|managed|thought|planned|chaired)|"
    r"badly\s+(?:organi[sz]ed|run|managed|handled)|handled\s+(?:it\s+)?badly|spoiler:?\s+badly|"
    r"(?:needs?|has)\s+to\s+do\s+(?:a\s+lot\s+|much\s+|way\s+)?better|deserves?\s+better|(?:could|must)\s+do\s+better|"
    r"can't\s+be\s+bothered|couldn't\s+be\s+bothered|waste\s+of\s+(?:\w+|£\s?\d+)|out\s+of\s+(?:their|its|his|her)\s+depth|"
    r"(?:a|pure|complete)\s+fantasy|riveting\s+stuff|yet\s+again|as\s+usual|oh\s+good,?\s+another|"
    r"pale,?\s+male|all\s+men|snake\s+oil|overpriced|(?:sell|flog)(?:ing)?\s+off|got\s+worse\s+under|"
    r"not\s+one\s+(?:extra|more|single)|broken\s+promises?|failed\s+to|failing|never\s+again|kick\s+(?:them|\w+)\s+out|"
    r"overpaid|(?:zero|no|little)\s+value|talking\s+in\s+circles|(?:nobody|no\s+one)\s+(?:is\s+)?accountable|"
    r"nothing\s+(?:ever\s+(?:gets\s+)?|gets\s+)decided|why\s+I\s+keep|old\s+boys|patting\s+each\s+other\s+on\s+the\s+back|"
    r"back-?slapping|(?:less|least|not)\s+diverse|no\s+diversity|(?:actually|even|really)\s+do\s+with|"
    r"what\s+(?:does|do)\s+(?:\w+\s+){0,2}(?:actually|even|really)\s+do|zero\s+relevance|irrelevant|"
    r"haven't\s+(?:touched|seen|used)\s+a\s+\w+\s+(?:since|in)|why\s+do\s+I\s+pay|thrown\s+out|"
    r"never\s+forgive|(?:never|not\s+once)\s+seen\s+a\s+\w+|utter\s+fantasy|"
    # Not doing the job: "not up to the job", "invisible on the workforce crisis", "not a well run operation".
    r"not\s+up\s+to\s+(?:the\s+)?(?:job|task|role)|(?:has|have|had)\s+been\s+(?:completely\s+|totally\s+)?(?:invisible|missing\s+in\s+action|AWOL)|"
    r"not\s+(?:a\s+)?(?:very\s+)?(?:well|properly|competently)[- ](?:run|organi[sz]ed|managed)|"
    # Losing members' things and leaving them waiting: "lost my paperwork twice", "take three weeks to answer one email".
    r"(?:lost|losing|loses|mislaid|misplaced)\s+(?:my|our|your|their|\w+)\s+(?:\w+\s+){0,2}(?:paperwork|forms?|applications?|submissions?|"
    r"abstracts?|bookings?|payments?|emails?|files?|records|documents?|certificates?|registrations?)|"
    r"(?:takes?|took|taking)\s+(?:\w+\s+){0,2}(?:weeks|months|ages|forever|an\s+age|an\s+eternity)\s+to\s+(?:answer|reply|respond|process|get\s+back)|"
    r"(?:are|is)\s+(?:they|you|he|she|everyone)\s+(?:all\s+)?asleep|"
    # Acting without asking: "with zero consultation".
    r"(?:with|without)\s+(?:zero|no|any)\s+consultation|"
    # Mocking a plan or a statement: "fantasy football", "900 words of absolutely nothing", "thanks for nothing".
    r"(?:is|are|was)\s+(?:\w+\s+)?fantasy|fantasy\s*(?:land|island|football)|cloud\s+cuckoo\s+land|pie\s+in\s+the\s+sky|"
    r"(?:words|pages)\s+of\s+(?:absolutely\s+|utter\s+)?nothing|word\s+salad|hot\s+air|empty\s+(?:words|rhetoric|promises|platitudes)|"
    r"(?:pure|utter|complete|total|just|more)\s+waffle|waffle\s+from|(?:thanks|cheers)\s+for\s+nothing|"
    # Those who wrote it know nothing of the work: "nobody who wrote it has ever run a CT list".
    r"(?:nobody|no\s+one|none\s+of\s+(?:them|those))\s+who\s+(?:wrote|drafted|designed|made|signed\s+off|came\s+up\s+with)\s+"
    r"(?:it|this|that|the\s+\w+)\s+(?:has|have)\s+ever|"
    # The same said of an unnamed author: "drafted by someone who thinks PACS is a sandwich".
    r"(?:written|drafted|designed|made|planned|dreamt\s+up)\s+by\s+(?:someone|somebody|people|a\s+committee)\s+who\s+"
    r"(?:thinks?|has\s+never|have\s+never|'s\s+never|never|doesn't|don't|couldn't)|"
    # Behind the times, a clique, a show: "years behind the evidence", "same faces on every panel",
    # "bureaucratic theatre", "not because the trust's doing anything right".
    r"(?:years|decades|miles)\s+behind\s+(?:the\s+)?(?:evidence|times|curve|science|rest)|same\s+(?:old\s+)?faces|cliquey?|"
    r"(?:a\s+)?club\s+for\s+(?:the\s+same|a\s+(?:few|handful|select))|(?:bureaucratic|box-?ticking|performative)\s+theatre|"
    r"(?<!\bI'm\s)(?<!\bam\s)doing\s+anything\s+right)\b",
    DAMAGING,
]


# Said of people, these accuse; said of a scan or a plan ("a dodgy scaphoid") they do not.
ACCUSATION = r"\b(?:dodgy|shady|fishy|crooked|on\s+the\s+take|fiddling|where\s+the\s+money\s+went)\b"


# Verdicts on a target; near the name alone they may describe the news ("the census shows a dire shortage").
_VERDICTS = (
    r"\b(?:terrible|awful|appalling|atrocious|dreadful|woeful|abysmal|shambolic|a\s+joke|a\s+disgrace|a\s+shambles|"
    r"out\s+of\s+touch|not\s+fit\s+for\s+purpose|failing|broken|rotten|elitist|greedy|hypocritical|tone[- ]deaf|"
    r"a\s+mess|a\s+rip-?off|ridiculous|laughable|pointless|irrelevant|a\s+waste\s+of\s+\w+|a\s+farce|a\s+circus|"
    r"dangerous|reckless|irresponsible|negligent|misguided|short-sighted|half-baked|ill[- ]thought[- ]out|unworkable|indefensible)\b"
)
_CONTEMPT = rf"(?:{INSULT_ADJECTIVES}|{_VERDICTS})"
_COPULA = r"(?:is|are|was|were|has\s+been|have\s+been)"
# What a body puts out, judged in its place: "RCEM's new position on CT head requesting is lazy".
_OUTPUT = r"(?:position|stance|policy|guidance|plan|decision|proposals?|response|strategy|approach|advice|statement|rules?|changes?|reforms?)"


def _said_of(target: str) -> str:
    """An adjective of contempt said of a target: "the RCR is useless", "our trust board are clueless"."""
    return rf"(?:{target})(?:'s)?\s+(?:\w+\s+){{0,3}}{_COPULA}\s+(?:\w+\s+){{0,2}}{_CONTEMPT}"


def _run_down(body: str) -> list[str]:
    """What else is said to run down a body (the organisation, a stakeholder), as frames around it."""
    t = f"(?:{body})"
    return [
        # "RCEM's new position on CT head requesting is lazy"
        rf"{t}(?:'s)?\s+(?:\w+\s+){{0,2}}{_OUTPUT}\s+(?:on|about|for|to|over)\s+[^.!?\n]{{1,60}}?\s+{_COPULA}\s+(?:\w+\s+){{0,2}}{_CONTEMPT}",
        # "Reform haven't a clue", "the board clearly don't have the faintest idea"
        rf"{t}\s+(?:(?:just|really|clearly|simply|still|honestly)\s+)?(?:haven't|hasn't|don't|doesn't)\s+(?:got\s+|have\s+)?"
        r"(?:a|the\s+(?:faintest|foggiest|first))\s+(?:clue|idea)\b(?!\s+yet)",
        # "IPEM's no better", "as bad as the RCR" (not "no better placed", "wasn't as bad as")
        rf"{t}(?:'s)?(?:\s+(?:is|are))?\s+(?:no|not\s+any|hardly\s+any)\s+better\b(?!\s+(?:placed|off|equipped|informed))",
        rf"(?<!\bnot\s)(?<!n't\s)\bas\s+(?:bad|useless|clueless|hopeless|incompetent)\s+as\s+(?:the\s+)?{t}",
        # "don't know what the RCR is for any more", "what is IPEM even for?" (not a newcomer's question)
        rf"\b(?:don't|do\s+not|no\s+longer|never)\s+(?:know|understand|see)\s+what\s+(?:the\s+)?{t}\s+(?:is|are)\s+"
        r"(?:(?:even|actually|really)\s+for\b|for\s+(?:any\s*more|these\s+days|nowadays))",
        rf"\bwhat\s+(?:is|are)\s+(?:the\s+)?{t}\s+(?:even|actually|really)\s+for\b",
    ]


class DisparagementParams(Params):
    # Patterns for the stakeholders this policy also protects, beyond the organisation and its people.
    stakeholders: list[str] = []
    # Whether the organisation itself and its people are targets (a rule may cover only stakeholders).
    organisation: bool = True
    within: int = 250


@register("disparagement")
class Disparagement(FirstFound):
    """Criticism near a target. Insults count against people (officers, staff, a trust's managers);
    the organisation's bare name needs words of criticism, so that an insult aimed at a stranger on
    the way to #ICIS2025 is abuse, not disparagement of ICIS."""

    Params: ClassVar[type[DisparagementParams]] = DisparagementParams

    def __init__(self, params: DisparagementParams, context: Context) -> None:
        org = r"(?:{org}|the\s+College|the\s+Society|the\s+Institute)"
        # "the IPEM council", "IPEM's Scope editors"
        people = [rf"\b{org}(?:'s)?\s+(?:\w+\s+){{0,2}}{_PEOPLE}\b"] if params.organisation else []
        veto = [r"\b(?:not|never|isn't|wasn't)\s+(?:a\s+)?(?:shambles|fiasco|joke|disgrace|useless|incompetent)\b"]
        targets = [*people, *params.stakeholders]
        name = [r"{org}"] if params.organisation else []
        insults = [INSULT_NOUNS, INSULT_IDIOMS, ACCUSATION, OBSCENITY, LOT_OF_THEM]
        parts = [
            # The organisation's bare name needs words of criticism nearby.
            Phrases(PhrasesParams(patterns=name, requires=[Requirement(any=CRITICISM, within=params.within)], unless_near=veto), context)
            if name
            else None,
            # Its people and stakeholders can also be insulted or accused.
            Phrases(
                PhrasesParams(patterns=targets, requires=[Requirement(any=[*CRITICISM, *insults], within=params.within)], unless_near=veto),
                context,
            )
            if targets
            else None,
            # "The chair of the IPEM Radiotherapy SIG is an idiot": searched for from the insult, which
            # is rare, rather than from the officer's title, which is a common word.
            Phrases(
                PhrasesParams(
                    patterns=insults,
                    requires=[Requirement(any=[rf"\b{_OFFICERS}\s+of\s+(?:the\s+)?{org}"], within=params.within)],
                    unless_near=veto,
                ),
                context,
            )
            if params.organisation
            else None,
            Phrases(
                PhrasesParams(
                    patterns=[*(_said_of(t) for t in name + targets), *(f for body in name + params.stakeholders for f in _run_down(body))],
                    unless_near=veto,
                ),
                context,
            ),
        ]
        self.parts = [p for p in parts if p is not None]
