"""Record, compare or dump what the engine finds on every corpus and on long glued threads.

A refactor must leave findings exactly as they were; tests/test_findings_snapshot.py holds the
engine to the snapshot this script writes (tests/snapshots/findings.json): one short hash per
draft of everything the engine answers for it (every field of every finding, the rules that
could not finish, the packs waiting for a name), with the rules alone and combined with the
learned checker. Each corpus draft is checked with its own packs and identity; the glued
threads (corpus posts run together to 3,000 and 60,000 characters, as a thread with blank
lines and as one paragraph) with every pack.

    python tools/snapshot_findings.py            # compare with the snapshot; name the drafts that differ
    python tools/snapshot_findings.py --write    # record the snapshot (make snapshot)
    python tools/snapshot_findings.py --dump F   # every draft's findings in full, as JSON lines, to F

A retrained model (engine/learned/model.bin), a changed or added pack, or a corpus added or
edited is a reason to record it again; a refactor is not. To see what changed in full, dump
before and after (``git stash``) and diff the two files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import engine  # noqa: E402
from engine.learned import MODEL_FILE  # noqa: E402
from engine.packs import BUILTIN_DIR  # noqa: E402

SNAPSHOT = REPO / "tests" / "snapshots" / "findings.json"
SHARED_DEV = REPO.parent / "shared" / "corpus" / "dev.jsonl"
CORPUS_GLOBS = ("tests/corpus/*.jsonl", "training/corpus/*.jsonl", "training/formerly-blind/*.jsonl", "evaluation/*.jsonl")
DETECTIONS = ("combined", "rules")
HASH_CHARS = 8
# The glued threads: corpus posts run together, checked with every pack and a named society.
THREAD_IDENTITY = {"society": {"names": ["British Society of Clinical Imaging"], "acronyms": ["BSCI"], "handles": ["@BSCImaging"]}}
THREAD_LENGTHS = ((3_000, 6), (60_000, 1))  # (characters, threads of each shape)
_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Case:
    """One check: a draft with the packs and identity it is checked with."""

    name: str
    text: str
    policies: tuple[str, ...]
    identity: dict | None


def corpus_paths() -> list[Path]:
    paths = [p for pattern in CORPUS_GLOBS for p in sorted(REPO.glob(pattern))]
    return paths + ([SHARED_DEV] if SHARED_DEV.is_file() else [])


def shown(path: Path) -> str:
    """A corpus as the snapshot names it: relative to the repository (../shared/… beside it)."""
    return path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else "../" + path.relative_to(REPO.parent).as_posix()


def corpus_cases(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            cases.append(Case(f"{shown(path)}#{item['id']}", item["text"], tuple(item["policies"]), item.get("identity") or None))
    return cases


def thread_cases(texts: list[str]) -> list[Case]:
    """Posts glued into long drafts, from a different starting post each: as a thread (blank lines
    between posts) and as one paragraph (no blank line anywhere). Glued here, as the benchmark
    glues its own (bench/drafts.py), so that a change to the benchmark leaves these as they are."""
    every_pack = tuple(sorted(p.id for p in engine.list_policies()))
    cases = []
    for one_paragraph in (False, True):
        posts = [_BLANK_LINES.sub("\n", t) for t in texts] if one_paragraph else texts
        separator = "\n" if one_paragraph else "\n\n"
        for length, count in THREAD_LENGTHS:
            for n in range(count):
                first = (n * len(posts)) // count
                pieces, size, i = [], 0, first
                while size < length:
                    pieces.append(posts[i % len(posts)])
                    size += len(pieces[-1]) + len(separator)
                    i += 1
                shape = "paragraph" if one_paragraph else "thread"
                cases.append(Case(f"glued/{shape}-{length}-{n}", separator.join(pieces)[:length], every_pack, THREAD_IDENTITY))
    return cases


def answers(case: Case) -> dict:
    """Everything the engine says about the draft, with the rules alone and combined."""
    found = {}
    for detection in DETECTIONS:
        report = engine.check_report(case.text, case.policies, case.identity, detection=detection)
        found[detection] = {
            "findings": [f.to_json() for f in report.findings],
            "incomplete": list(report.incomplete),
            "needs_identity": list(report.needs_identity),
        }
    return found


def digest(found: dict) -> str:
    return hashlib.sha256(json.dumps(found, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:HASH_CHARS]


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def groups() -> Iterator[tuple[str, list[Case], str | None]]:
    """Each corpus (its name, its cases, its file's hash), then the glued threads."""
    posts: list[str] = []
    for path in corpus_paths():
        cases = corpus_cases(path)
        if path == SHARED_DEV or path.parent.name == "corpus" and path.parent.parent.name == "tests":
            posts += [c.text for c in cases]
        yield shown(path), cases, file_sha256(path)
    yield "glued", thread_cases(posts), None


def inputs() -> dict[str, str]:
    """What findings depend on besides the code: the model and the packs (a change in either is a
    reason to record the snapshot again)."""
    packs = hashlib.sha256(b"".join(file_sha256(p).encode() for p in sorted(BUILTIN_DIR.glob("*.toml")))).hexdigest()
    return {"model_sha256": file_sha256(MODEL_FILE), "packs_sha256": packs}


def record() -> dict:
    snapshot: dict = {"regenerate": "make snapshot (tools/snapshot_findings.py --write)", **inputs(), "groups": {}}
    for name, cases, sha in groups():
        entry = {"drafts": " ".join(digest(answers(c)) for c in cases)}
        if sha is not None:
            entry["sha256"] = sha
        snapshot["groups"][name] = entry
    return snapshot


def differences(recorded: dict, current: dict) -> list[str]:
    """What differs between two snapshots, the likely reason first; empty when every draft's
    findings agree (a model or pack that changed and changed no finding is no difference)."""
    notes = []
    for name, entry in current["groups"].items():
        old = recorded["groups"].get(name)
        if old is None:
            notes.append(f"{name}: not in the snapshot (a new corpus? run make snapshot)")
        elif old.get("sha256") != entry.get("sha256"):
            notes.append(f"{name}: the corpus file changed since the snapshot was recorded (run make snapshot)")
        else:
            ids = [c.name for c in _cases_of(name)]
            pairs = zip(old["drafts"].split(), entry["drafts"].split())
            notes += [f"findings differ: {ids[i]}" for i, (was, now) in enumerate(pairs) if was != now]
    notes += [f"{name}: in the snapshot but no longer checked" for name in recorded["groups"].keys() - current["groups"].keys()]
    reasons = [
        f"{what} changed since the snapshot was recorded: if the changes below are meant, run make snapshot"
        for key, what in (("model_sha256", "the learned model"), ("packs_sha256", "the built-in packs"))
        if recorded.get(key) != current[key]
    ]
    return reasons + notes if notes else []


_CASES: dict[str, list[Case]] = {}


def _cases_of(name: str) -> list[Case]:
    if not _CASES:
        _CASES.update((group, cases) for group, cases, _ in groups())
    return _CASES[name]


def show(names: list[str]) -> None:
    """Print each named draft (``corpus#id``) in full with what the engine finds in it now."""
    wanted = set(names)
    for _, cases, _ in groups():
        for case in cases:
            if case.name in wanted:
                print(json.dumps({"case": case.name, "text": case.text, "policies": case.policies, "identity": case.identity,
                                  **answers(case)}, ensure_ascii=False, indent=1))


def dump(path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for _, cases, _ in groups():
            for case in cases:
                out.write(json.dumps({"case": case.name, **answers(case)}, ensure_ascii=False, sort_keys=True) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help=f"record the snapshot in {SNAPSHOT.relative_to(REPO)}")
    action.add_argument("--dump", metavar="FILE", type=Path, help="write every draft's findings in full, as JSON lines")
    action.add_argument("--show", metavar="CASE", nargs="+", help="print these drafts (corpus#id) with their findings now")
    args = parser.parse_args(argv)
    if args.dump:
        dump(args.dump)
        return 0
    if args.show:
        show(args.show)
        return 0
    current = record()
    if args.write:
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(current, indent=1) + "\n", encoding="utf-8")
        print(f"recorded {sum(len(g['drafts'].split()) for g in current['groups'].values()):,} drafts in {SNAPSHOT.relative_to(REPO)}")
        return 0
    notes = differences(json.loads(SNAPSHOT.read_text(encoding="utf-8")), current)
    for note in notes:
        print(note)
    if notes:
        print("(--show CASE … prints a draft with its findings now)")
    return 1 if notes else 0


if __name__ == "__main__":
    sys.exit(main())
