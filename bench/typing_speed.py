"""What the checks a member triggers while typing cost: the draft checked at every word they finish,
as the extension's debounce sends it, and at a few edits in the middle of it.

The cold figures (engine_speed.time_drafts) check independent drafts; these check the same compose
box over and over, each draft a word or an edit away from the one before, as the host sees them.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass

import engine

from bench.drafts import Source, drafts_of_length
from bench.engine_speed import COMBINED, DETECTIONS, RULES, UNTIMED_PER_LENGTH, Measured, check, in_turn
from bench.stats import Timings

# A member who has typed most of a long post is timed over its last this many characters: the
# checks of a draft near its full length, which the cold figures of that length stand beside.
TYPED_AT_THE_END = 300
# Where a finished word ends: a word's last character before a space or line break.
_WORD_END = re.compile(r"\S(?=\s)")
_WORD_START = re.compile(r"(?<=\s)\S")
# A word inserted into an earlier paragraph.
INSERTED = "really "
# How much of a paste, and of a deletion, is taken (characters): a passage a member moves about.
PASTED = 200
DELETED = 60


@dataclass(frozen=True)
class Typed:
    """The checks of drafts typed one word at a time, and of the edits made to them after."""

    chars: int  # the drafts' full length
    drafts: int  # how many drafts were typed
    checks: dict[str, Measured]  # by detection: every check, the words and the edits
    edits: dict[str, Measured]  # by detection: the edits' checks alone


def checks_while_typing(draft: str, typed_from: int, paste: str) -> Iterator[tuple[str, bool]]:
    """Each text the compose box sends while a member types ``draft`` from its first ``typed_from``
    characters, and then edits it, with whether it is an edit: the draft at every word finished
    (with the space after it), the whole draft, then a word inserted into its first paragraph,
    ``paste`` pasted at a word in its middle, and a stretch of its middle deleted, each on top of the last."""
    for word in _WORD_END.finditer(draft, typed_from):
        yield draft[: word.end() + 1], False
    yield draft, False
    first_paragraph_ends = draft.find("\n") if "\n" in draft else len(draft)
    first_words = [m.start() for m in _WORD_START.finditer(draft, 0, first_paragraph_ends)]
    at = first_words[len(first_words) // 2] if first_words else 0
    edited = draft[:at] + INSERTED + draft[at:]
    yield edited, True
    at = _word_at(edited, len(edited) // 2)
    edited = edited[:at] + paste[:PASTED] + " " + edited[at:]
    yield edited, True
    at = _word_at(edited, len(edited) // 3)
    edited = edited[:at] + edited[_word_at(edited, at + DELETED) :]
    yield edited, True


def _word_at(text: str, position: int) -> int:
    """Where the first word at or after ``position`` starts (the end of the text if none does)."""
    found = _WORD_START.search(text, position)
    return found.start() if found else len(text)


def time_typing(source: Source, chars: int, drafts: int) -> Typed:
    """``drafts`` drafts of ``chars`` characters typed, each by the rules alone and combined in turn
    (each detection with a compose box of its own, as the host keeps one per connection), every check timed; a long draft is typed over its last
    ``TYPED_AT_THE_END`` characters, after one untimed check of what was there before."""
    texts = drafts_of_length(source, chars, drafts)
    typed_from = max(0, chars - TYPED_AT_THE_END)
    for text in texts[:UNTIMED_PER_LENGTH]:
        for detection in DETECTIONS:
            check(text, detection)
    wall: dict[str, list[int]] = {d: [] for d in DETECTIONS}
    cpu: dict[str, list[int]] = {d: [] for d in DETECTIONS}
    edit_wall: dict[str, list[int]] = {d: [] for d in DETECTIONS}
    edit_cpu: dict[str, list[int]] = {d: [] for d in DETECTIONS}
    for n, text in enumerate(texts):
        boxes = {d: engine.Recall() for d in DETECTIONS}
        if typed_from:
            for detection in DETECTIONS:
                check(text[:typed_from], detection, boxes[detection])
        paste = texts[(n + len(texts) // 2) % len(texts)]
        for k, (sent, is_edit) in enumerate(checks_while_typing(text, typed_from, paste)):
            for detection in in_turn(n + k):
                started, cpu_started = time.perf_counter_ns(), time.process_time_ns()
                check(sent, detection, boxes[detection])
                took_cpu, took = time.process_time_ns() - cpu_started, time.perf_counter_ns() - started
                wall[detection].append(took)
                cpu[detection].append(took_cpu)
                if is_edit:
                    edit_wall[detection].append(took)
                    edit_cpu[detection].append(took_cpu)
    measured = {d: Measured(Timings.of(wall[d]), Timings.of(cpu[d])) for d in (RULES, COMBINED)}
    edits = {d: Measured(Timings.of(edit_wall[d]), Timings.of(edit_cpu[d])) for d in (RULES, COMBINED)}
    return Typed(chars, len(texts), measured, edits)
