"""Write the built-in packs' pattern analysis that the engine ships (engine/matching/pattern-analysis.json).

    python tools/build_pattern_analysis.py [--out PATH]

Every start of the engine reads the analysis of its patterns (split into branches, the literals
each branch requires, the probe passed) instead of working it out, which takes seconds
(engine/matching/analysis_store.py). `make package` writes this file into the wheel, and `make
setup` into the checkout (where git ignores it): the first start after an install or an upgrade
then reads it too. Only the built-in packs are analysed, never a user's own.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from engine.engine import write_pattern_analysis  # noqa: E402
from engine.matching.analysis_store import SHIPPED_FILE  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=SHIPPED_FILE, help="where to write it (default: %(default)s)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    written = write_pattern_analysis(args.out)
    print(f"wrote {written} ({written.stat().st_size:,} bytes) in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
