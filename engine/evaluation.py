"""Scoring the engine on a labelled corpus (the format of shared/corpus/README.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .categories import CATEGORIES
from .check import check
from .learned import DEFAULT_SENSITIVITY
from .packs import load_all


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class ItemResult:
    id: str
    expected: set[str]
    predicted: set[str]
    clean: bool
    any_finding: bool

    @property
    def misses(self) -> list[str]:
        return sorted(self.expected - self.predicted)

    @property
    def false_alarms(self) -> list[str]:
        return sorted(self.predicted - self.expected)


@dataclass
class Report:
    categories: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})
    items: list[ItemResult] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        total = Counts()
        for counts in self.categories.values():
            total.add(counts)
        return total

    @property
    def clean_false_alarm_rate(self) -> float:
        clean = [i for i in self.items if i.clean]
        return sum(i.any_finding for i in clean) / len(clean) if clean else 0.0

    def as_dict(self) -> dict:
        return {
            "micro": self.micro.as_dict(),
            "categories": {c: n.as_dict() for c, n in self.categories.items() if n.tp + n.fp + n.fn},
            "clean_false_alarm_rate": round(self.clean_false_alarm_rate, 4),
            "items": [
                {"id": i.id, "misses": i.misses, "false_alarms": i.false_alarms}
                for i in self.items
                if i.misses or i.false_alarms
            ],
        }


def read_corpus(path: Path) -> Iterable[dict]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not valid JSON: {exc}") from exc


def evaluate(items: Iterable[dict], detection: str = "combined", sensitivity: str = DEFAULT_SENSITIVITY) -> Report:
    """Score each item: for every active pack and every category it covers, predicted vs expected.

    ``detection``: "combined" (what the engine does), or "rules" or "model" alone."""
    packs = load_all()
    report = Report()
    for item in items:
        findings = check(
            item["text"], item["policies"], item.get("identity") or None, sensitivity=sensitivity, detection=detection,
        )
        predicted = {f"{f.policy}/{f.category}" for f in findings}
        expected = set(item["expect"])
        for policy in item["policies"]:
            for category in packs[policy].categories:
                key = f"{policy}/{category}"
                counts = report.categories[category]
                if key in predicted and key in expected:
                    counts.tp += 1
                elif key in predicted:
                    counts.fp += 1
                elif key in expected:
                    counts.fn += 1
        # An expected pair the pack cannot yield is a miss too: the corpus says it must be flagged.
        for key in expected:
            policy, category = key.split("/", 1)
            if category not in packs[policy].categories:
                report.categories[category].fn += 1
        report.items.append(ItemResult(item["id"], expected, predicted, not expected, bool(findings)))
    return report


def format_comparison(reports: dict[str, Report]) -> str:
    """F1 per category, micro P/R/F1 and clean false alarms, one column per way of detecting."""
    names = list(reports)
    lines = [f"{'':<16}" + "".join(f"{name:>12}" for name in names)]
    for category in CATEGORIES:
        if any(r.categories[category].tp + r.categories[category].fp + r.categories[category].fn for r in reports.values()):
            lines.append(f"{category:<16}" + "".join(f"{r.categories[category].f1:>12.3f}" for r in reports.values()))
    for label, value in (("micro P", lambda r: r.micro.precision), ("micro R", lambda r: r.micro.recall), ("micro F1", lambda r: r.micro.f1)):
        lines.append(f"{label:<16}" + "".join(f"{value(r):>12.3f}" for r in reports.values()))
    lines.append(f"{'clean flagged':<16}" + "".join(f"{r.clean_false_alarm_rate:>12.1%}" for r in reports.values()))
    return "\n".join(lines)


def format_report(report: Report) -> str:
    lines = [f"{'category':<16}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for name, n in report.categories.items():
        if n.tp + n.fp + n.fn:
            lines.append(f"{name:<16}{n.precision:>8.3f}{n.recall:>8.3f}{n.f1:>8.3f}{n.tp:>6}{n.fp:>6}{n.fn:>6}")
    m = report.micro
    lines.append(f"{'micro':<16}{m.precision:>8.3f}{m.recall:>8.3f}{m.f1:>8.3f}{m.tp:>6}{m.fp:>6}{m.fn:>6}")
    lines.append(f"clean false-alarm rate: {report.clean_false_alarm_rate:.3f}")
    wrong = [i for i in report.items if i.misses or i.false_alarms]
    if wrong:
        lines.append("")
        for i in wrong:
            parts = []
            if i.misses:
                parts.append("missed " + ", ".join(i.misses))
            if i.false_alarms:
                parts.append("false alarm " + ", ".join(i.false_alarms))
            lines.append(f"{i.id}: {'; '.join(parts)}")
    return "\n".join(lines)
