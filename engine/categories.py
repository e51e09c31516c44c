"""The categories a finding can belong to (read from categories.toml), and the severities it can carry."""

import tomllib
from pathlib import Path
from typing import Literal

CATEGORIES_FILE = Path(__file__).resolve().parent / "categories.toml"

# In the file's order: reports and the learned model list categories in it.
CATEGORIES: tuple[str, ...] = tuple(tomllib.loads(CATEGORIES_FILE.read_text(encoding="utf-8")))

# Checked as a Literal, so that a pack or finding naming another category is refused by name.
Category = Literal[CATEGORIES]  # type: ignore[valid-type]

Severity = Literal["error", "warning", "info"]
