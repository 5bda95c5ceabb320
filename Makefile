# Two commands on a fresh machine with Python 3.11:
#   make run    set up .venv (pinned, hash-checked dependencies), ingest the demo corpus into ./tidings.duckdb
#   make test   same set-up, then lint, type-check and the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run serve test setup lint typecheck pytest bench eval clean

setup: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.lock requirements-dev.lock pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements.lock -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

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

eval: setup
	$(BIN)/python scripts/eval_petrarch.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
