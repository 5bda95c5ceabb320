# Two commands on a fresh machine with Python 3.11:
#   make run    set up .venv (pinned, hash-checked dependencies), ingest the demo corpus into ./tidings.duckdb
#   make test   same set-up, then lint, type-check and the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check

.PHONY: run serve test setup lint typecheck pytest bench eval baseline clean lock

setup: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The interpreter's own pip may be old (python3.11 -m venv brings 23.2.1, whose resolver mishandles an extra
# under --require-hashes), so a pinned, hash-checked pip is installed first; the complete locks are then
# installed as they are, without resolving (--no-deps, every hash checked), and `pip check` proves them whole.
$(STAMP): $(BIN)/python requirements-pip.lock requirements.lock requirements-dev.lock pyproject.toml
	$(PIP) --require-hashes --no-deps -r requirements-pip.lock
	$(PIP) --require-hashes --no-deps -r requirements.lock -r requirements-dev.lock
	$(PIP) --no-deps --no-build-isolation -e ".[all]"
	$(BIN)/python -m pip check
	touch $(STAMP)

# Rebuild the locks from the *.in files (pip-tools is in the dev lock). Review the diff before committing.
COMPILE := $(BIN)/pip-compile -q --allow-unsafe --generate-hashes --no-emit-index-url --no-emit-find-links
lock: setup
	$(COMPILE) --output-file=requirements-pip.lock requirements-pip.in
	$(COMPILE) --output-file=requirements.lock requirements.in
	$(COMPILE) --output-file=requirements-dev.lock requirements-dev.in

run: setup
	$(BIN)/tidings ingest demo --db tidings.duckdb --published 2020-04-12 || [ $$? -eq 1 ]

# set-up as `make run`, then serve the demo database (API at /api, docs at /docs, dashboard at /)
serve: run
	$(BIN)/tidings serve --db tidings.duckdb

lint: setup
	$(BIN)/ruff check src tests scripts benchmarks

typecheck: setup
	$(BIN)/mypy

pytest: setup
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: setup
	$(BIN)/python benchmarks/throughput.py

# Re-run every scorer (development and test parts side by side) and rewrite evaluation/*.md; no network.
# `make baseline` does the same and also rewrites the development floors in evaluation/baseline.json.
eval: setup
	$(BIN)/python scripts/make_splits.py --check
	$(BIN)/python scripts/eval_petrarch.py $(EVAL_FLAGS)
	$(BIN)/python scripts/eval_components.py $(EVAL_FLAGS)
	$(BIN)/python scripts/eval_factuality.py --markdown evaluation/factuality.md $(EVAL_FLAGS)
	$(BIN)/python scripts/eval_5w1h.py $(EVAL_FLAGS)
	$(BIN)/python scripts/eval_case2021.py $(EVAL_FLAGS)
	$(BIN)/python scripts/eval_events.py --markdown evaluation/events.md

# the blind gold's floors (evaluation/gold/baseline.json) are kept by its own scorer and tests
baseline:
	$(MAKE) eval EVAL_FLAGS=--write-baseline

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
