"""Findings on every corpus and on long glued threads are exactly those of the recorded snapshot.

A change to how the engine is built (modules moved, objects instead of globals) must not change
a single finding. The snapshot (tests/snapshots/findings.json) is recorded by `make snapshot`;
record it again after retraining the model, changing a pack or adding a corpus, never to make a
refactor pass. `python tools/snapshot_findings.py --show CASE` prints a draft that differs.
"""

import json

from tools import snapshot_findings


def test_findings_on_every_corpus_and_glued_thread_are_unchanged(shared_dir):
    recorded = json.loads(snapshot_findings.SNAPSHOT.read_text(encoding="utf-8"))
    differences = snapshot_findings.differences(recorded, snapshot_findings.record())
    assert not differences, "\n".join(differences[:40])
