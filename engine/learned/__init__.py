"""The learned checker: linear models trained on labelled drafts, beside the rules.

The rules keep what they do best (disclaimers, logos, identifiers with check digits, exact spans);
the models catch what the rules' words miss (sarcasm, implication, a patient identified without a
name). For each active pack and each category the model was trained for and the pack covers:

- no rule found it and the model's probability reaches the threshold of the member's
  sensitivity: a finding of the model, citing the pack's clause for that category, pointing at
  the sentence that scored highest, with the words that weighed most;
- a rule found it and the model is all but sure it is wrong (below the category's veto, where
  validation found one pays), for the draft and for the sentences that hold the finding: that
  finding is dropped;
- otherwise the rules' findings stand as they are.

A draft of fewer than ``MIN_WORDS`` words is left to the rules: too little to judge.

Thresholds and vetoes were chosen out of fold on the training drafts (tools/train_model.py) and
are stored with the weights.
"""

from __future__ import annotations

import logging
import os
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from ..contract import DEFAULT_SENSITIVITY, SENSITIVITIES  # noqa: F401  (the engine and the protocol read them here)
from ..model import Finding, Pack
from ..text import Draft
from .features import OTHER, OWN, Span, display, features, features_around, indicators, masked, owned, resolve, sentences, words
from .model import Counted, LinearModel, ModelFileError, Scored, read_header

log = logging.getLogger("decorum.engine")

MODEL_FILE = Path(__file__).with_name("model.bin")
# Set to "off" to check with the rules alone (docs/detection.md).
MODEL_VARIABLE = "DECORUM_MODEL"
DETECTIONS = ("combined", "rules", "model")
# The words shown as the reason for a model's finding: the few that weighed most.
REASONS = 3
# The most sentences a finding's pointer weighs one by one; a longer draft is weighed in runs of
# sentences (a hostile draft of 30,000 one-word paragraphs must not cost 30,000 readings).
MAX_SENTENCES = 200
# The fewest words (organisations' names aside) the model judges a draft on. In fewer, what the
# draft names outweighs what it says: with the RCR named and no other word, the model's prior
# alone is over the disparagement threshold ("Thanks RCR" is not criticism). Drafts this short
# are 0.3% of the validation drafts, so the thresholds say nothing about them; they are left to
# the rules (out of fold, the model's findings held back under five words of any kind: F1
# 0.8810 → 0.8808, clean drafts flagged 6.52% → 6.48%).
MIN_WORDS = 5


@dataclass(frozen=True)
class PackView:
    """What the checker needs of a pack built for its identity."""

    pack: Pack
    references: Sequence[Span]  # where the draft names the pack's organisation


@dataclass(frozen=True)
class MaskedDraft:
    """A draft as the model reads it: its tokens with every organisation masked (``OTHER``), and
    what turning some of those masks into ``OWN`` changes, for each pack."""

    spans: list[Span]  # the masked references, in order
    tokens: list[str]
    masks: list[int]  # where each masked reference's token is in ``tokens``

    @classmethod
    def of(cls, text: str, spans: list[Span]) -> "MaskedDraft | None":
        """``spans``: the references as masked (``resolve``)."""
        tokens = words(masked(text, spans, [False] * len(spans)))
        masks = [i for i, token in enumerate(tokens) if token == OTHER]
        # A draft that holds the mask's own character itself cannot be adjusted: read per pack.
        return cls(spans, tokens, masks) if len(masks) == len(spans) else None

    def for_pack(self, own: Sequence[Span]) -> tuple[list[int], list[str]]:
        """Where the pack's own organisation is masked, and the tokens with ``OWN`` there (``tokens``
        itself where it is nowhere)."""
        flips = [self.masks[k] for k, is_own in enumerate(owned(self.spans, own)) if is_own]
        if not flips:
            return flips, self.tokens
        tokens = list(self.tokens)
        for i in flips:
            tokens[i] = OWN
        return flips, tokens


@dataclass(frozen=True)
class _Remembered:
    """What a reading looked up and counted, for the next draft of the same compose box (recall.py):
    a draft is checked at every pause in typing, so the next mostly has the same words and
    sentences. Only read from (but for the column sums a sentence keeps once worked out), and kept
    with its draft: 116 KiB for 3,000 characters, under 1 MiB at the size limit."""

    numbers: dict[str, int | None]  # each feature's number (None: not in the vocabulary)
    sentences: dict[str, Counted]  # each sentence counted, by its masked text


_NOTHING_REMEMBERED = _Remembered({}, {})


class LearnedChecker:
    """The trained models as the engine applies them to a draft and a set of packs."""

    def __init__(self, model: LinearModel) -> None:
        self.model = model
        merge = model.header["merge"]
        self.categories = {c: k for k, c in enumerate(model.categories)}
        self.thresholds = {c: merge[c]["thresholds"] for c in model.categories}
        # Whether the model's own findings join the rules' (validation said it pays), and the
        # probability under which a rule's finding is dropped.
        self.added = {c: merge[c]["added"] for c in model.categories}
        self.vetoes = {c: merge[c]["veto"] for c in model.categories}

    def describe(self) -> dict:
        """What ``hello`` says of the model: what it was trained on, for which categories."""
        return _described(self.model.header)

    def review(
        self,
        draft: Draft,
        packs: Sequence[PackView],
        named: Sequence[Span],
        rule_findings: list[Finding],
        sensitivity: str = DEFAULT_SENSITIVITY,
        detection: str = "combined",
    ) -> list[Finding]:
        """The findings once the model has had its say. ``named``: every reference in the draft to
        an organisation of the loaded packs. ``detection``: "combined", or "model" alone (the
        rules' findings of the model's categories left out)."""
        by_pack_category: dict[tuple[str, str], list[Finding]] = {}
        for finding in rule_findings:
            by_pack_category.setdefault((finding.policy, finding.category), []).append(finding)
        dropped: set[int] = set()
        added: list[Finding] = []
        # Kept with the draft, under this checker's model (the numbers are its features'), for the
        # next draft of its compose box to take.
        earlier = draft.before.draft.cache.get((_Remembered, self.model)) if draft.before and draft.before.draft else None
        reading = _Reading(self.model, draft.text, named, earlier or _NOTHING_REMEMBERED)
        draft.cache[_Remembered, self.model] = reading.remembered
        for view in packs if reading.has_words(MIN_WORDS) else ():
            asked = [c for c in view.pack.categories if c in self.categories]
            if not asked:
                continue
            probabilities = reading.probabilities(view)
            for category in asked:
                p = probabilities[self.categories[category]]
                found = by_pack_category.get((view.pack.id, category), [])
                if found and detection == "combined":
                    veto = self.vetoes[category]
                    if p < veto:
                        # A draft about many things scores low for each of them: a rule's finding
                        # goes only if its own sentences score under the veto too.
                        k = self.categories[category]
                        dropped.update(
                            id(f) for f in found if reading.around(view, k, draft.index(f.start), draft.index(f.end)) < veto
                        )
                    continue
                if (self.added[category] or detection == "model") and p >= self.thresholds[category][sensitivity]:
                    added.append(self._finding(draft, view, category, reading))
        kept = [
            f for f in rule_findings
            if id(f) not in dropped and (detection == "combined" or f.category not in self.categories)
        ]
        return kept + added

    def _finding(self, draft: Draft, view: PackView, category: str, reading: "_Reading") -> Finding:
        pack = view.pack
        cited = pack.learned.get(category)
        rule = next(r for r in pack.rules if r.id == cited.rule) if cited else next(r for r in pack.rules if r.category == category)
        start, end = reading.sentence(view, self.categories[category])
        return Finding.model_construct(
            policy=pack.id,
            rule=f"{pack.id}.{rule.id}",
            category=category,
            severity=rule.severity,
            message=(cited.message if cited and cited.message else rule.message),
            start=draft.utf16(start),
            end=draft.utf16(end),
            clause=rule.clause,
            fix=None,
            source="model",
            reasons=reading.reasons(view, self.categories[category], draft.original),
        )


class _Reading:
    """One draft scored by the model: once with every organisation masked, then adjusted for each
    pack whose own organisation it names (the same numbers as reading it afresh for that pack)."""

    def __init__(self, model: LinearModel, text: str, named: Sequence[Span], before: _Remembered | None = None) -> None:
        """``before``: what the last draft's reading looked up and counted."""
        self.model, self.text, self.named = model, text, named
        self._resolved = resolve(named)  # every masked reference, in order
        # Every feature's number once looked up: a sentence's features are mostly the draft's.
        self._known: dict[str, int | None] = {}
        self._before = before or _NOTHING_REMEMBERED
        self.draft = MaskedDraft.of(text, self._resolved)
        self.base = model.scored(model.counted(features(self.draft.tokens), self._known, self._before.numbers)) if self.draft else None
        self._scored: dict[tuple, tuple[Scored, list[str]]] = {}
        self._flipped: dict[tuple[int, ...], Scored] = {}  # the draft with OWN at these tokens
        self._sentence_spans: list[Span] | None = None
        self._every_sentence: list[Span] | None = None
        self._weighed: dict[tuple, float] = {}
        self._own_sorted: dict[str, list[Span]] = {}
        self._by_text: dict[str, Counted] = {}
        self.remembered = _Remembered(self._known, self._by_text)

    def has_words(self, fewest: int) -> bool:
        """Whether the draft has ``fewest`` words, the organisations' names aside (counted no further)."""
        tokens = self.draft.tokens if self.draft else words(masked(self.text, self._resolved, [False] * len(self._resolved)))
        found = (token for token in tokens if token[0].isalnum() or token[0] == "_")
        return sum(1 for _ in islice(found, fewest)) == fewest

    def scored(self, view: PackView) -> Scored:
        return self._read(view)[0]

    def _read(self, view: PackView) -> tuple[Scored, list[str]]:
        """The draft's words scored for the pack, and its indicators."""
        key = (view.pack.id, tuple(view.references))
        if key not in self._scored:
            if self.draft is None:
                spans = self._resolved
                own = owned(spans, view.references)
                scored = self.model.raw(features(words(masked(self.text, spans, own))))
                names_own, names_other = any(own), not all(own)
            else:
                flips, tokens = self.draft.for_pack(view.references)
                at = tuple(flips)
                if at not in self._flipped:  # packs of one organisation (icis, icis-2013) share it
                    self._flipped[at] = (
                        self.model.changed(self.base, features_around(self.draft.tokens, flips), features_around(tokens, flips), self._known)
                        if flips else self.base
                    )
                scored = self._flipped[at]
                names_own, names_other = bool(flips), len(flips) < len(self.draft.masks)
            self._scored[key] = (scored, indicators(view.pack.id, names_own, names_other))
        return self._scored[key]

    def probabilities(self, view: PackView) -> list[float]:
        scored, flags = self._read(view)
        return self.model.probabilities(scored, flags, view.pack.id)

    def sentence(self, view: PackView, category: int) -> Span:
        """The sentence (or run of sentences, in a draft of very many) the model scores highest for
        the category; the whole draft when it is one sentence."""
        if self._sentence_spans is None:
            self._sentence_spans = _grouped(self._all_sentences(), MAX_SENTENCES)
        spans = self._sentence_spans
        if len(spans) <= 1:
            return spans[0] if spans else (0, len(self.text))
        return max(spans, key=lambda span: self._weigh(view, category, *span))

    def around(self, view: PackView, category: int, start: int, end: int) -> float:
        """The category's probability for the sentences that hold [start, end) of the draft."""
        spans = self._all_sentences()
        first = bisect_left(spans, start, key=lambda span: span[1] - 1)  # the first ending after start
        last = first
        while last + 1 < len(spans) and spans[last + 1][0] < end:
            last += 1
        if first < len(spans):
            start, end = min(start, spans[first][0]), max(end, spans[last][1])
        return self._weigh(view, category, start, end)

    def _all_sentences(self) -> list[Span]:
        if self._every_sentence is None:
            self._every_sentence = sentences(self.text)
        return self._every_sentence

    def _weigh(self, view: PackView, category: int, start: int, end: int) -> float:
        """The category's probability for ``text[start:end]`` read for the pack, worked out once
        however many findings share the sentences (a reading sees each pack once)."""
        key = (view.pack.id, category, start, end)
        weighed = self._weighed.get(key)
        if weighed is None:
            inside = _within(self._resolved, start, end)
            if inside:
                flags = owned(inside, _within(self._own(view), start, end))
                counted = self._sentence_read(masked(self.text[start:end], inside, flags))
                names = indicators(view.pack.id, any(flags), not all(flags))
            else:  # most sentences name no organisation
                counted, names = self._sentence_read(self.text[start:end]), indicators(view.pack.id, False, False)
            weighed = self._weighed[key] = self.model.probability(counted, category, names, view.pack.id)
        return weighed

    def _own(self, view: PackView) -> list[Span]:
        """The pack's references, in order: sorted once, however many findings ask."""
        if view.pack.id not in self._own_sorted:
            self._own_sorted[view.pack.id] = sorted(view.references)
        return self._own_sorted[view.pack.id]

    def _sentence_read(self, text: str) -> Counted:
        """A masked sentence's words counted, once for every pack and category that reads the same
        words (most sentences name no organisation) and every repeat of them."""
        counted = self._by_text.get(text)
        if counted is None:
            counted = self._before.sentences.get(text)
            if counted is None:
                counted = self.model.counted(features(words(text)), self._known)
            self._by_text[text] = counted
        return counted

    def reasons(self, view: PackView, category: int, original: str) -> tuple[str, ...]:
        """The draft's words that weighed most towards the category, as written."""
        reasons: list[str] = []
        for weight, feature in self.model.contributions(self.scored(view), category, view.pack.id):
            if weight <= 0 or len(reasons) == REASONS:
                break
            shown = display(feature, original)
            if shown and not any(shown.lower() in r.lower() or r.lower() in shown.lower() for r in reasons):
                reasons.append(shown)
        return tuple(reasons)


def _within(spans: list[Span], start: int, end: int) -> list[Span]:
    """Those of ``spans`` (sorted) inside [start, end), moved to offsets from ``start``."""
    found = []
    for i in range(bisect_left(spans, (start, start)), len(spans)):
        s, e = spans[i]
        if s >= end:
            break
        if e <= end:
            found.append((s - start, e - start))
    return found


def _grouped(spans: list[Span], most: int) -> list[Span]:
    """``spans`` (in order) joined into at most ``most`` runs of neighbours, as even as can be."""
    if len(spans) <= most:
        return spans
    size = -(-len(spans) // most)
    return [(spans[i][0], spans[min(i + size, len(spans)) - 1][1]) for i in range(0, len(spans), size)]


@lru_cache(maxsize=1)
def default_checker() -> LearnedChecker | None:
    """The shipped model, read once; None (and a log line) when DECORUM_MODEL=off or the model
    cannot be read: the rules then work alone."""
    setting = os.environ.get(MODEL_VARIABLE, "")
    if setting == "off":
        log.info("the learned checker is off: %s=off", MODEL_VARIABLE)
        return None
    if setting:
        log.error("%s=%r is not a setting (only 'off' is, to turn the learned checker off); it stays on", MODEL_VARIABLE, setting)
    try:
        return LearnedChecker(LinearModel.read(MODEL_FILE))
    except ModelFileError as exc:
        log.error("the learned checker is off: %s", exc)
        return None


def description() -> dict | None:
    """What ``hello`` says of the learned checker: ``LearnedChecker.describe``, or None when it is off.

    Until the model is loaded this is read from its file's header alone: the weights are most of the
    file and of the time to read it, and the host loads them after its first answer. A file whose
    header cannot be read is loaded whole at once, which logs why it cannot be, as ever; weights
    damaged behind a sound header are found (and logged) when they are loaded, and from then on
    this is None.
    """
    loaded = default_checker.cache_info().currsize  # read, or found wanting
    header = None if loaded or os.environ.get(MODEL_VARIABLE, "") else _header(MODEL_FILE)
    if header is not None:
        return _described(header)
    checker = default_checker()
    return checker.describe() if checker else None


def _described(header: dict[str, Any]) -> dict:
    return {"categories": list(header["categories"]), "drafts": header.get("drafts"), "corpora_sha256": header.get("corpora_sha256")}


def _header(path: Path) -> dict[str, Any] | None:
    """The header of the model file, read as ``LinearModel.parse`` reads it; None if it cannot be."""
    try:
        with path.open("rb") as stream:
            header = read_header(stream, str(path))
    except (OSError, ModelFileError):
        return None
    return header if isinstance(header.get("categories"), list) else None
