"""What a variant of tools/model_experiments.py would cost a check and the host, in pure Python.

For each variant's vocabulary (fitted here on the rows model_experiments.py cached): the CPU time to make a
3,000-character draft's features and look them up in the engine's own ``Vocabulary`` (most of the
learned checker's per-check cost grows with the number of features: each found one's row is then
unpacked and summed), and what the vocabulary holds in memory once loaded (tracemalloc), beside
the weights (4 bytes × width per feature) and idf (8 per feature).

    python tools/model_experiments_cost.py baseline tri ...
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO))

from bench.drafts import drafts_of_length, load_source  # noqa: E402
from engine.learned.vocabulary import Vocabulary  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

from model_experiments import CACHE, Analyser, load, settings  # noqa: E402

WIDTH = 14  # the shipped model's columns: 11 categories and disparagement's 3 packs


def cost(texts: list[str], name: str, drafts: list[str]) -> str:
    s = settings(name)
    analyser = Analyser(s["extras"], s["prefixes"])
    vectorizer = TfidfVectorizer(analyzer=analyser, min_df=s["min_df"], max_features=s["max_features"]).fit(texts)
    names = vectorizer.get_feature_names_out().tolist()
    # Commonest first, as train_model writes them (the engine keeps the first in a dict).
    joined = "\n".join(names[j] for j in np.argsort(vectorizer.idf_, kind="stable")).encode()
    del vectorizer, names
    tracemalloc.start()
    vocabulary = Vocabulary(joined)
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    n = len(vocabulary)
    held += len(joined) + n * (8 + 4 * WIDTH)  # the file's bytes kept, idf and weights
    runs = []
    for _ in range(5):
        started = time.process_time()
        for text in drafts:
            found = analyser(text)
            vocabulary.numbers(found)
        runs.append((time.process_time() - started) / len(drafts) * 1000)
    per_draft = len(analyser(drafts[0]))
    return f"{name:30s} features {n:>8,}  held {held / 2**20:6.1f} MiB  features per 3,000-char draft {per_draft:>6,}  make+look up {statistics.median(runs):.2f} ms"


def main() -> int:
    texts = [row.text for row in load(CACHE)[1]]
    drafts = drafts_of_length(load_source(), 3000, 40)
    for name in sys.argv[1:]:
        print(cost(texts, name, drafts), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
