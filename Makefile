# Decorum: `make run` sets everything up and opens Chromium with the extension; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test setup chromium xvfb extension fixtures install-host package bench eval train snapshot screenshots clean

# Without a display the demo runs on a virtual one (Xvfb), which it starts itself.
run: setup chromium $(if $(DISPLAY)$(WAYLAND_DISPLAY),,xvfb) extension fixtures install-host
	$(PY) e2e/run_demo.py $(if $(URL),--url "$(URL)")

# The demo's own test (e2e/test_demo.py) looks at its window on Xvfb.
test: setup chromium xvfb extension fixtures
	node --test extension/tests/
	$(VENV)/bin/pytest

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Decorum needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) tools/build_pattern_analysis.py
	@touch $@

chromium:
	@bash tools/ensure-debian-package.sh chromium chromium "the e2e tests and make run"

xvfb:
	@bash tools/ensure-debian-package.sh Xvfb xvfb "make run on a machine without a display, and the demo's test"

# The content script is one bundle (extension/build/content.js, see tools/build-extension.mjs).
extension:
	{ [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; } && npm run --silent build

fixtures:
	cd e2e && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund; } && npm run --silent build

# Registers the native host for every browser installed for this user (see `decorum doctor`).
install-host: setup extension
	$(VENV)/bin/decorum install-host --browser all

# The wheel, and the extension for the Chrome Web Store (zip) and Firefox (xpi, checked with
# `web-ext lint`), into dist/ (see docs/packaging.md).
package: setup extension
	$(PY) tools/package.py

# Prints speed figures and rewrites the table in BENCHMARKS.md (see that file for what is measured).
# The host is measured as a wheel installs it: the pattern analysis made for this code, and the
# bytecode compiled (pip compiles it; with PYTHONDONTWRITEBYTECODE set, every start would compile the engine).
bench: setup
	$(PY) tools/build_pattern_analysis.py
	$(PY) -m compileall -q engine native_host decorum
	$(PY) bench/run.py --write BENCHMARKS.md

# Refreshes the README's screenshots (docs/screenshots/) from a real e2e run.
screenshots: setup chromium extension fixtures
	DECORUM_SCREENSHOTS=docs $(VENV)/bin/pytest e2e -k "naming_the_society_without_a_disclaimer or pointing_at_a_flagged_word" -q

# Detection figures: the dev corpus, then the blind corpora the README reports (evaluation/).
eval: setup
	$(VENV)/bin/decorum eval ../shared/corpus/dev.jsonl
	@for corpus in evaluation/*.jsonl; do echo; echo "== $$corpus"; $(VENV)/bin/decorum eval "$$corpus" || exit; done

# Trains the learned checker on the corpora training/sources.txt lists and rewrites
# engine/learned/model.bin and training/REPORT.md (deterministic: the same corpora, the same model).
train: setup
	$(PY) tools/train_model.py

# Records what the engine finds on every corpus (tests/snapshots/findings.json), which
# tests/test_findings_snapshot.py holds it to: after retraining the model or changing a pack,
# never to make a refactor pass (docs/detection.md).
snapshot: setup
	$(PY) tools/snapshot_findings.py --write

clean:
	rm -rf $(VENV) node_modules extension/build e2e/node_modules e2e/fixtures/dist e2e/artifacts *.egg-info dist
