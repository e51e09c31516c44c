"""The layers import downwards only (docs/architecture.md): read from every module's source, lazy imports included."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
WEB = {"flask", "werkzeug", "waitress"}
# Each package, and what it must never import: the layers above it, and what they are built on.
FORBIDDEN = {
    "engine": {"decorum", "native_host", *WEB},
    "native_host": {"decorum", *WEB},
    "engine.matching": {"engine.detectors", "engine.learned", "engine.packs", "engine.compiled", "engine.engine", "engine.check", "engine.protocol", "engine.model"},
    "engine.detectors": {"engine.packs", "engine.compiled", "engine.engine", "engine.check", "engine.protocol", "engine.learned"},
    "engine.learned": {"engine.detectors", "engine.matching", "engine.packs", "engine.compiled", "engine.engine", "engine.check", "engine.protocol"},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in it, relative imports resolved."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)  # "from . import x" imports x
    return found


def _modules(package: str) -> list[Path]:
    return sorted((REPO / package.replace(".", "/")).rglob("*.py"))


def _reaches(imported: str, forbidden: str) -> bool:
    return imported == forbidden or imported.startswith(forbidden + ".")


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_module_imports_a_layer_above_its_own(package):
    wrong = {
        f"{path.relative_to(REPO)} imports {imported}"
        for path in _modules(package)
        for imported in imports(path)
        if any(_reaches(imported, forbidden) for forbidden in FORBIDDEN[package])
    }
    assert wrong == set()


def test_the_reading_of_imports_sees_each_kind_of_import(tmp_path, monkeypatch):
    """The test above would pass on nothing if the reading missed imports: it sees all four kinds."""
    module = REPO / "engine" / "matching" / "scanning.py"
    found = imports(module)
    assert {"regex", "engine.text", "engine.matching.time_limits"} <= found
    cli = imports(REPO / "decorum" / "cli.py")
    assert {"native_host.commands", "engine.evaluation", "decorum.api"} <= cli  # a lazy import inside a function too
