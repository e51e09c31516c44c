"""What the learned model reads in a draft: its words, pairs of words and word beginnings, with the
organisations Decorum knows masked to one token each.

The same functions make the features when the model is trained (scikit-learn calls
``analyse`` as its analyzer) and when the engine scores a draft, so the two cannot
disagree.

Masking: every reference to an organisation of a loaded pack (its name, acronym, handles,
hashtags) becomes one token, ``OWN`` where it names the organisation of the pack the model is
asked about and ``OTHER`` where it names another ("Love how @ipemnews…" teaches the model about
the organisation, whichever a pack is about, and criticism of IPEM is not criticism of ICIS).
Each token is a single character no draft holds (Unicode's private use area), so a draft masked
for one pack differs from the same draft masked for another only at those tokens: the engine
scores the draft once and adjusts for each pack.

Facts about the draft rather than its words are indicators, outside the TF-IDF: which pack is
asked, and whether the draft names its organisation or another. A word's weight in TF-IDF grows
as the text shrinks (the L2 norm), and a mask counted as a word would outweigh everything in a
three-word post ("Great RCR meeting" is not disparagement because it names the RCR); an
indicator weighs the same in a long post and a short one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

# A word (with what an apostrophe or hyphen joins to it: "don't", "no-one"), or any other single
# character that is not a space: punctuation and emoji carry meaning too ("🤡", "?!").
_TOKEN = re.compile(r"\w+(?:['-]\w+)*|[^\w\s]")
_DIGIT = re.compile(r"\d")
# Word beginnings: "criticis", "criticiz" and "criticism" share "criti"; typos keep theirs.
PREFIX_CHARS = 5
OWN = "\ue001"
OTHER = "\ue000"
_MASKS = frozenset((OWN, OTHER))
Span = tuple[int, int]


def pack_token(pack_id: str) -> str:
    """The indicator that tells the model which pack's reading of a category is asked for."""
    return f"pack:{pack_id}"


NAMES_OWN = "names:own"
NAMES_OTHER = "names:other"


def indicators(pack_id: str, names_own: bool, names_other: bool) -> list[str]:
    """The indicators of a draft read for a pack: the pack, and which organisations it names."""
    found = [pack_token(pack_id)]
    if names_own:
        found.append(NAMES_OWN)
    if names_other:
        found.append(NAMES_OTHER)
    return found


def words(text: str) -> list[str]:
    """The draft's tokens, lower-cased, every digit read as 0 (one NHS number is like another)."""
    return _TOKEN.findall(_DIGIT.sub("0", text.lower()))  # a digit and "0" are both word characters: the same tokens


def features(tokens: Sequence[str]) -> list[str]:
    """Every word feature of a text's tokens: each token (a mask is an indicator instead), each
    pair of neighbouring tokens ("\ue001 found": what the organisation did), and the first
    ``PREFIX_CHARS`` characters of each longer token (marked with ``~``)."""
    found = [t for t in tokens if t not in _MASKS]
    found += [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]
    found += ["~" + token[:PREFIX_CHARS] for token in tokens if len(token) > PREFIX_CHARS]
    return found


def features_around(tokens: Sequence[str], positions: Iterable[int]) -> list[str]:
    """The features of ``tokens`` that involve any of ``positions``: what changes when the tokens
    there change (each pair once)."""
    chosen = sorted(set(positions))
    found = [tokens[i] for i in chosen if tokens[i] not in _MASKS]
    found += ["~" + tokens[i][:PREFIX_CHARS] for i in chosen if len(tokens[i]) > PREFIX_CHARS]
    pairs = {p for i in chosen for p in (i - 1, i) if 0 <= p < len(tokens) - 1}
    found += [f"{tokens[p]} {tokens[p + 1]}" for p in sorted(pairs)]
    return found


def analyse(text: str) -> list[str]:
    """The analyzer scikit-learn trains with: a masked text's word features."""
    return features(words(text))


def resolve(spans: Iterable[Span]) -> list[Span]:
    """References as masked: leftmost first, the longest where two start together, none
    overlapping one kept before it."""
    kept: list[Span] = []
    for start, end in sorted(set(spans), key=lambda span: (span[0], -span[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def owned(masked_spans: Sequence[Span], own: Iterable[Span]) -> list[bool]:
    """For each masked reference (in order), whether it names the pack's own organisation: whether
    it overlaps one of the pack's references. Both walked once, in order."""
    own = sorted(own)
    flags, i = [], 0
    for start, end in masked_spans:
        while i < len(own) and own[i][1] <= start:  # ends before this reference starts
            i += 1
        flags.append(i < len(own) and own[i][0] < end)
    return flags


def masked(text: str, masked_spans: Sequence[Span], own: Sequence[bool]) -> str:
    """``text`` with each masked reference replaced by ``OWN`` or ``OTHER``."""
    pieces: list[str] = []
    last = 0
    for (start, end), is_own in zip(masked_spans, own):
        pieces += [text[last:start], f" {OWN if is_own else OTHER} "]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


# Up to and including . ! ? (and any closing quote or bracket), or to a line break.
_SENTENCE = re.compile(r"[^\n.!?]*(?:[.!?]+[\"')\]]*|\n|$)")


def sentences(text: str) -> list[Span]:
    """Where each sentence of ``text`` is: split after . ! ? and at line breaks, spaces trimmed."""
    spans: list[Span] = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


# Words too common to explain anything to a member, however much they weighed.
_UNTOLD = frozenset(
    "a an and are as at be but by for from had has have how i if in is it its me my of on or our so "
    "that the their them they this to was we were what when which who will with you your".split()
)


def display(feature: str, text: str) -> str | None:
    """How a word or pair of words the model weighed appears in ``text`` (its own case and
    digits), or None for features a person would not recognise (word beginnings, the pack, an
    organisation's mask) or learn nothing from (punctuation and the commonest words alone)."""
    parts = feature.split(" ")
    if feature.startswith("~") or OWN in parts or OTHER in parts:
        return None
    if all(p in _UNTOLD or _is_punctuation(p) for p in parts):
        return None
    pattern = r"\s+".join(_DIGIT.sub(r"\\d", re.escape(part)) for part in parts)
    found = re.search(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE)
    return found.group() if found else None


def _is_punctuation(token: str) -> bool:
    return all(unicodedata.category(ch).startswith("P") for ch in token)
