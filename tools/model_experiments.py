"""Out-of-fold experiments on the learned checker's model (not its data): does a change pay?

Each variant is measured as tools/train_model.py measures the shipped model (the same rows, folds,
clean-row weighting, thresholds and merge with the rules: its own functions), out of fold only (no
final fit). The rows and the rules' findings are read once and cached (``--cache``).

    python tools/model_experiments.py baseline min_df=5 neg+start+quote+C=10 ...

A variant is parts joined by "+" (``settings``): the extra features of EXTRAS, noprefix, balanced
(class weights), C=…, min_df=…, max_features=…; "baseline" is train_model's own settings.
Prints, per variant, one JSON line: balanced F1 with the merge and clean drafts flagged on
training/formerly-blind/, F1 per category, the number of features, the model file's size as
train_model would write it (float32 weights), and the features a draft makes per token (what a
check looks up: its cost grows with them); then each later variant's F1 against the first's,
with an interval from resampling the validation drafts. Costs in the host:
tools/model_experiments_cost.py. Figures from 2026-12: the commit that added this file.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402

import train_model as tm  # noqa: E402
from engine.learned.features import NAMES_OTHER, NAMES_OWN, PREFIX_CHARS, _MASKS, pack_token, words  # noqa: E402
from engine.packs import load_all  # noqa: E402

CACHE = Path("/tmp/decorum-experiment-rows.pickle")

# --- extra features, each added to the shipped ones (one vocabulary, one TF-IDF norm) -------------

_NEGATORS = frozenset("not no never nobody nothing none neither nor without hardly cannot".split())
_BREAK = frozenset(".,;:!?\n()")
_SECOND = frozenset("you your you're yours yourself yourselves u ur y'all".split())
_OPEN, _CLOSE, _BOTH = frozenset("“‘«"), frozenset("”’»"), frozenset('"')


def negation(tokens):
    """Each word in a negation's scope (after not, no, n't…, to the next punctuation), marked."""
    out, on = [], False
    for t in tokens:
        if t in _BREAK:
            on = False
        elif on and t not in _MASKS:
            out.append("¬" + t)
        if t in _NEGATORS or t.endswith("n't"):
            on = True
    return out


def starts(tokens):
    """The first word of the draft and of each sentence (imperatives: "share", "don't", "please"),
    and a marker per second-person word."""
    out, first = ["^^" + tokens[0]] if tokens else [], True
    for t in tokens:
        if first and t not in _BREAK and t not in _MASKS:
            out.append("^" + t)
        first = t in ".!?\n"
        if t in _SECOND:
            out.append("@you")
    return out


def quoted(tokens):
    """Words between quotation marks, marked (abuse quoted to condemn it; scare quotes)."""
    out, inside = [], False
    for t in tokens:
        if t in _BOTH:
            inside = not inside
        elif t in _OPEN:
            inside = True
        elif t in _CLOSE:
            inside = False
        elif inside and t not in _MASKS:
            out.append("“" + t)
    return out


def trigrams(tokens):
    return [f"{a} {b} {c}" for a, b, c in zip(tokens, tokens[1:], tokens[2:])]


def chars(tokens, low=3, high=5):
    """Character n-grams within each word, its edges marked (sklearn's char_wb, on our tokens)."""
    out = []
    for t in tokens:
        if t in _MASKS or len(t) < 2:
            continue
        w = f" {t} "
        for n in range(low, high + 1):
            out += ["#" + w[i : i + n] for i in range(len(w) - n + 1)]
    return out


def base(tokens, prefixes=True):
    found = [t for t in tokens if t not in _MASKS]
    found += [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]
    if prefixes:
        found += ["~" + t[:PREFIX_CHARS] for t in tokens if len(t) > PREFIX_CHARS]
    return found


EXTRAS = {"neg": negation, "start": starts, "quote": quoted, "tri": trigrams, "char": chars, "char34": lambda t: chars(t, 3, 4)}


class Analyser:
    """Picklable analyzer: the shipped features plus ``extras``."""

    def __init__(self, extras=(), prefixes=True):
        self.extras, self.prefixes = tuple(extras), prefixes

    def __call__(self, text):
        tokens = words(text)
        found = base(tokens, self.prefixes)
        for name in self.extras:
            found += EXTRAS[name](tokens)
        return found


# --- variants: name -> settings -----------------------------------------------------------------


def settings(name: str) -> dict:
    s = {"extras": [], "prefixes": True, "C": tm.C, "min_df": tm.MIN_DF, "class_weight": tm.CLASS_WEIGHT, "max_features": None}
    for part in name.split("+"):
        if part == "baseline":
            continue
        if part in EXTRAS:
            s["extras"].append(part)
        elif part == "noprefix":
            s["prefixes"] = False
        elif part == "balanced":
            s["class_weight"] = "balanced"
        elif m := re.fullmatch(r"(C|min_df|max_features)=([\d.]+)", part):
            s[m[1]] = float(m[2]) if m[1] == "C" else int(m[2])
        else:
            raise SystemExit(f"unknown part {part!r}")
    return s


def load(cache: Path):
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    items = tm.read_items(tm.sources())
    rows = tm.rows_of(items)
    validation = {i for i, item in enumerate(items) if item["_chooses_merge"]}
    ruled = {i: tm._rule_pairs(items[i]) for i in validation}
    cache.write_bytes(pickle.dumps((items, rows, validation, ruled)))
    return items, rows, validation, ruled


def model_bytes(vocabulary: list[str], width: int) -> int:
    """model.bin's size without its header: the features' UTF-8, idf (float64), weights (float32)."""
    return sum(len(f.encode()) + 1 for f in vocabulary) + len(vocabulary) * (8 + 4 * width)


def run(name, items, rows, validation, ruled, log):
    s = settings(name)
    started = time.process_time()
    analyser = Analyser(s["extras"], s["prefixes"])
    vectorizer = TfidfVectorizer(analyzer=analyser, min_df=s["min_df"], max_features=s["max_features"], sublinear_tf=True, dtype=np.float64)
    words_matrix = vectorizer.fit_transform([row.text for row in rows]).tocsr()
    covers = {pack_id: set(pack.categories) for pack_id, pack in load_all().items()}
    names = [pack_token(p) for p in sorted(covers)] + [NAMES_OWN, NAMES_OTHER]
    corpus_of = {c: k for k, c in enumerate(dict.fromkeys(item["_corpus"] for item in items))}
    groups = np.array([corpus_of[items[row.item]["_corpus"]] for row in rows])
    pack_columns = {c: sorted(p for p in covers if c in covers[p]) if c in tm.PER_PACK else [] for c in tm.MODEL_CATEGORIES}
    n_words = words_matrix.shape[1]
    out_of_fold = {}
    for category in tm.MODEL_CATEGORIES:
        index, y = tm._labelled(category, items, rows, covers)
        X = tm.design(words_matrix, rows, pack_columns[category], names)
        weight = np.array([tm.CLEAN_ROW_WEIGHT if not items[rows[k].item]["expect"] else 1.0 for k in index])
        oof = np.zeros(len(index))
        for fold, held in GroupKFold(tm.FOLDS).split(index, y, groups[index]):
            model = LogisticRegression(C=s["C"], class_weight=s["class_weight"], max_iter=5000)
            model.fit(X[index[fold]], y[fold], sample_weight=weight[fold])
            oof[held] = model.predict_proba(X[index[held]])[:, 1]
        out_of_fold.update({(int(k), category): float(p) for k, p in zip(index, oof)})
    merge, figures, overall = tm.choose_merge(items, rows, out_of_fold, ruled, validation)
    vocabulary = vectorizer.get_feature_names_out().tolist()
    width = len(tm.MODEL_CATEGORIES) + sum(len(v) for v in pack_columns.values())
    per_token = np.mean([len(analyser(row.text)) / max(1, len(words(row.text))) for row in rows[::20]])
    result = {
        "variant": name,
        "f1": overall["merged, balanced"]["f1"],
        "clean_flagged": overall["merged, balanced"]["clean_flagged"],
        "f1_fewer": overall["merged, fewer"]["f1"],
        "f1_more": overall["merged, more"]["f1"],
        "per_category": {c: round(figures[c]["merged"], 4) for c in tm.MODEL_CATEGORIES},
        "features": n_words,
        "model_mb": round(model_bytes(vocabulary, width) / 1e6, 2),
        "features_per_token": round(float(per_token), 2),
        "cpu_s": round(time.process_time() - started),
    }
    log(json.dumps(result))
    return draft_counts(items, rows, ruled, validation, merge, out_of_fold)


def draft_counts(items, rows, ruled, validation, merge, out_of_fold) -> dict[int, tuple[int, int, int]]:
    """Each validation draft's (tp, fp, fn) at balanced with the merge, as train_model._overall counts them."""
    packs, predicted = load_all(), {i: set() for i in validation}
    for k, row in enumerate(rows):
        if row.item not in validation:
            continue
        for category in packs[row.pack].categories:
            pair, by_rule = f"{row.pack}/{category}", f"{row.pack}/{category}" in ruled[row.item]
            if category in merge:
                p, m = out_of_fold[(k, category)], merge[category]
                by_rule = (by_rule and p >= m["veto"]) or (m["added"] and p >= m["thresholds"]["balanced"])
            if by_rule:
                predicted[row.item].add(pair)
    expected = {i: set(items[i]["expect"]) for i in validation}
    return {i: (len(predicted[i] & expected[i]), len(predicted[i] - expected[i]), len(expected[i] - predicted[i])) for i in validation}


def paired(a: dict, b: dict, resamples: int = 2000) -> str:
    """Balanced F1 of b less a, with a 95% interval from resampling the validation drafts (paired)."""
    drafts = sorted(a)
    ca, cb = np.array([a[i] for i in drafts]), np.array([b[i] for i in drafts])
    rng = np.random.default_rng(0)

    def score(c):
        tp, fp, fn = c.sum(axis=-2).T
        return 2 * tp / (2 * tp + fp + fn)

    picks = rng.integers(0, len(drafts), (resamples, len(drafts)))
    diffs = score(cb[picks]) - score(ca[picks])
    low, high = np.percentile(diffs, [2.5, 97.5])
    return f"F1 {score(ca):.4f} -> {score(cb):.4f}: difference {score(cb) - score(ca):+.4f} (95% {low:+.4f} to {high:+.4f}, {np.mean(diffs > 0):.0%} of resamples above 0)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("variants", nargs="+")
    parser.add_argument("--cache", type=Path, default=CACHE)
    args = parser.parse_args()
    items, rows, validation, ruled = load(args.cache)
    for name in args.variants:
        settings(name)  # refuse a misspelt variant before any runs
    counts = [run(name, items, rows, validation, ruled, lambda line: print(line, flush=True)) for name in args.variants]
    for name, other in zip(args.variants[1:], counts[1:]):
        print(f"{name} against {args.variants[0]}: {paired(counts[0], other)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
