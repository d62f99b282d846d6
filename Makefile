# clearair — set-up, demo and tests. Needs only Python 3.11 and make.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# axe-core (pinned in package-lock.json), injected into the page by the browser tests.
AXE    := node_modules/axe-core/axe.min.js

.PHONY: demo test check test-postgres lock bench eval calibrate train clean

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: install Python 3.11" >&2; exit 1; }
	@# PDF export renders through Pango (WeasyPrint); install it where it is missing.
	@ldconfig -p | grep -q libpangoft2-1.0 || { apt-get update -q && apt-get install -y -q libpango-1.0-0 libpangoft2-1.0-0; }
	@# The web page is tested in Debian's Chromium (never a downloaded browser).
	@command -v chromium >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q chromium; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: $(STAMP)
	HF_HUB_OFFLINE=1 $(BIN)/clearair analyze --example peer-undermines-report

$(AXE): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q npm; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(AXE)

# The suite runs on up to four processes (pytest-xdist), a file per worker: fixtures shared
# within a file stay shared, and each test still starts its own servers on free loopback ports.
test: $(STAMP) $(AXE)
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q -n auto --maxprocesses 4 --dist loadfile
	$(MAKE) --no-print-directory test-postgres

# The quick loop: lint, types, and the tests not marked slow (on up to four processes, as `test`).
# Only slow tests use Hypothesis: its pytest plugin (1.5 s of imports in every process) stays out.
check: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest -q -m "not slow" -x -n auto --maxprocesses 4 --dist loadfile \
		-p no:hypothesispytest

# Rebuild the factor readers and the ranker from the library (fixed seeds); prints the CV figures.
train: $(STAMP)
	HF_HUB_OFFLINE=1 $(BIN)/python -m clearair.train

test-postgres: $(STAMP)
	PY=$(BIN)/python scripts/test-postgres.sh

eval: $(STAMP)
	$(BIN)/clearair eval ../shared/eval/dev.jsonl

# Refit the hand playbook's weights on the first four library files (348 letters), as shipped: the learned ranker's
# cross-validation blends these scores in, so fitting them on the whole library would let every fold see its own
# letters through the playbook.
calibrate: $(STAMP)
	$(BIN)/clearair calibrate $(addprefix src/clearair/data/library/cases_,a.jsonl b.jsonl c.jsonl d.jsonl) \
		--out src/clearair/knowledge/calibrated.yaml

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py --out benchmarks/RESULTS.md
	$(BIN)/python benchmarks/retrieval.py
	$(BIN)/python benchmarks/store_load.py --writers 8 --updates 500
	$(BIN)/python benchmarks/api_load.py --clients 20 --requests 5
	$(BIN)/python benchmarks/api_load.py --clients 20 --requests 5 --workers 2
	$(BIN)/python benchmarks/server_load.py

lock:
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.lock requirements.in

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
