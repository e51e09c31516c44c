"""The extension and the Python side agree on what they share: the constants of
extension/shared/contract.js and engine/contract.py, the extension's ids in its manifest, and the
extension's words for every category and severity the engine gives.

The extension's modules are read by running them in Node.js (which `make test` needs anyway), so
what is compared is what the browser would see.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import get_args

import pytest

import engine
from engine import contract
from engine.categories import CATEGORIES, Severity
from native_host import EXTENSION_ID, FIREFOX_EXTENSION_ID

REPO = Path(__file__).resolve().parents[1]
EXTENSION = REPO / "extension"
NODE = shutil.which("node")

needs_node = pytest.mark.skipif(NODE is None, reason="Node.js is not installed: the extension's modules are read by running them")


def js_exports(module: str) -> dict:
    """The exported values of an extension module that JSON can carry (its functions left out)."""
    url = (EXTENSION / module).as_uri()
    script = f"const m = await import({json.dumps(url)}); process.stdout.write(JSON.stringify(m));"
    run = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=30)
    assert run.returncode == 0, f"node could not import extension/{module}: {run.stderr}"
    return json.loads(run.stdout)


def python_contract() -> dict:
    """engine/contract.py's constants, as JSON would carry them (a tuple is a list)."""
    constants = {name: value for name, value in vars(contract).items() if name.isupper()}
    return json.loads(json.dumps(constants))


@needs_node
def test_the_extension_and_the_engine_hold_the_same_constants():
    assert js_exports("shared/contract.js") == python_contract()


def test_the_comparison_sees_every_constant():
    # The test above would pass on two empty modules.
    assert set(python_contract()) == {"HOST_NAME", "MAX_DRAFT_UTF16_UNITS", "SENSITIVITIES", "DEFAULT_SENSITIVITY", "USER_IDENTITY_PACK"}


def test_the_shared_constants_are_what_the_engine_uses():
    assert contract.DEFAULT_SENSITIVITY in contract.SENSITIVITIES
    policies = {policy.id: policy for policy in engine.list_policies()}
    assert contract.USER_IDENTITY_PACK in policies
    # The pack that names no society is the one a check says needs an identity.
    report = engine.check_report("Off to the annual meeting", [contract.USER_IDENTITY_PACK])
    assert list(report.needs_identity) == [contract.USER_IDENTITY_PACK]


@needs_node
def test_the_panel_has_words_for_every_category_and_severity_the_engine_gives():
    severities = set(get_args(Severity))
    card_view = js_exports("content/card-view.js")
    assert set(card_view["PROBLEM"]) == set(CATEGORIES)
    assert set(card_view["SEVERITY_LABEL"]) == severities
    assert set(js_exports("content/cards.js")["SEVERITY_RANK"]) == severities


def test_the_extension_ids_are_the_ones_its_manifest_gives_it():
    manifest = json.loads((EXTENSION / "manifest.json").read_text())
    # Chromium's id for an unpacked extension with a key: the key's SHA-256, its first 32 hex
    # digits written with the letters a to p.
    digest = hashlib.sha256(base64.b64decode(manifest["key"])).hexdigest()[:32]
    assert digest.translate(str.maketrans("0123456789abcdef", "abcdefghijklmnop")) == EXTENSION_ID
    assert manifest["browser_specific_settings"]["gecko"]["id"] == FIREFOX_EXTENSION_ID
