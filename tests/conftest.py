import os
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# The stored analysis of patterns goes to a folder of this run's own, for the engine in this
# process and for every host and CLI the tests start, never to the user's cache.
os.environ["DECORUM_CACHE_DIR"] = tempfile.mkdtemp(prefix="decorum-test-cache-")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture
def decorum_cli():
    """Run the real ``decorum`` console script of this virtual environment."""
    import subprocess

    def run(*args: str, input: str | None = None) -> subprocess.CompletedProcess:
        exe = Path(sys.executable).with_name("decorum")
        return subprocess.run([str(exe), *args], input=input, capture_output=True, text=True, timeout=60)

    return run
