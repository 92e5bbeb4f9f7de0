# The README's two commands: `make run` (Heard with its demo) and `make test` (the whole suite).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export HEARD_DATA_DIR ?= $(CURDIR)/data

.PHONY: run test test-sqlite test-postgres lint format browser-deps clean messages

# The virtual environment is rebuilt when pyproject.toml changes.
$(BIN)/heard: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(BIN)/heard

run: $(BIN)/heard
	PORT=$(PORT) $(BIN)/heard run

test: lint test-sqlite

test-sqlite: $(BIN)/heard
	HEARD_DATA_DIR=$$(mktemp -d) DATABASE_URL= $(BIN)/pytest

# PostgreSQL: the machine's server on 127.0.0.1:5432 (trust auth); pytest-django creates test_heard.
test-postgres: $(BIN)/heard
	HEARD_DATA_DIR=$$(mktemp -d) DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/heard} $(BIN)/pytest

# Remake every app's catalogue from its templates and Python (needs GNU gettext: apt-get install
# gettext), then compile them. `heard` and the tests compile stale catalogues by themselves.
messages: $(BIN)/heard
	$(BIN)/heard messages

lint: $(BIN)/heard
	$(BIN)/ruff format --check heard tests benchmarks
	$(BIN)/ruff check heard tests benchmarks
	$(BIN)/mypy heard/analysis

format: $(BIN)/heard
	$(BIN)/ruff format heard tests benchmarks
	$(BIN)/ruff check --fix heard tests benchmarks

clean:
	rm -rf $(VENV) build *.egg-info
