"""What the learned model reads in a draft: its words, pairs of words and word beginnings, with the
organisations Decorum knows masked to one token each.

The same functions make the features when the model is trained (scikit-learn calls
``analyse_for_pack`` as its analyzer) and when the engine scores a draft, so the two cannot
disagree.

Masking: every reference to an organisation of a loaded pack (its name, acronym, handles,
hashtags) becomes one token, ``OWN`` where it names the organisation of the pack the model is
asked about and ``OTHER`` where it names another ("Love how @ipemnews…" teaches the model about
the organisation, whichever a pack is about, and criticism of IPEM is not criticism of ICIS).
Each token is a single character no draft holds (Unicode's private use area), so a draft masked
for one pack differs from the same draft masked for another only at those tokens: the engine
scores the draft once and adjusts for each pack.
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
Span = tuple[int, int]


def pack_token(pack_id: str) -> str:
    """The feature that tells the model which pack's reading of a category is asked for (with a
    colon, which no token of a draft holds)."""
    return f"pack:{pack_id}"


def words(text: str) -> list[str]:
    """The draft's tokens, lower-cased, every digit read as 0 (one NHS number is like another)."""
    return [_DIGIT.sub("0", token) for token in _TOKEN.findall(text.lower())]


def features(tokens: Sequence[str]) -> list[str]:
    """Every feature of a text's tokens: each token, each pair of neighbouring tokens, and the first
    ``PREFIX_CHARS`` characters of each longer token (marked with ``~``)."""
    pairs = [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]
    beginnings = ["~" + token[:PREFIX_CHARS] for token in tokens if len(token) > PREFIX_CHARS]
    return [*tokens, *pairs, *beginnings]


def features_around(tokens: Sequence[str], positions: Iterable[int]) -> list[str]:
    """The features of ``tokens`` that involve any of ``positions``: what changes when the tokens
    there change (each pair once)."""
    chosen = sorted(set(positions))
    found = [tokens[i] for i in chosen]
    found += ["~" + tokens[i][:PREFIX_CHARS] for i in chosen if len(tokens[i]) > PREFIX_CHARS]
    pairs = {p for i in chosen for p in (i - 1, i) if 0 <= p < len(tokens) - 1}
    found += [f"{tokens[p]} {tokens[p + 1]}" for p in sorted(pairs)]
    return found


def analyse_for_pack(joined: str) -> list[str]:
    """The analyzer scikit-learn trains with: ``"<pack token>\\t<masked text>"`` → the pack's
    token, then the text's features."""
    token, _, text = joined.partition("\t")
    return [token, *features(words(text))]


def join_for_training(pack_id: str, text: str) -> str:
    return f"{pack_token(pack_id)}\t{text}"


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
    if feature.startswith(("~", "pack:")) or OWN in parts or OTHER in parts:
        return None
    if all(p in _UNTOLD or _is_punctuation(p) for p in parts):
        return None
    pattern = r"\s+".join(_DIGIT.sub(r"\\d", re.escape(part)) for part in parts)
    found = re.search(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE)
    return found.group() if found else None


def _is_punctuation(token: str) -> bool:
    return all(unicodedata.category(ch).startswith("P") for ch in token)
