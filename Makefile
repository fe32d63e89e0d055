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

eval: install  # accuracy on the public sets beside the repo (minutes, not part of the tests)
	$(BIN)/wirewatch eval extraction --data ../shared/data/extraction
	$(BIN)/wirewatch eval time --data ../shared/data/time/TBAQ-cleaned
	$(BIN)/wirewatch eval actors --data ../shared/data/events/ngec_actor_resolution_tests.jsonl
	$(BIN)/wirewatch eval quotes --data ../shared/data/quotes/polnear/polnear_dev.jsonl
	$(BIN)/wirewatch eval quotes --data tests/quotes/data/speech_holdout.jsonl
	$(BIN)/wirewatch eval events --data ../shared/data/events
	$(BIN)/wirewatch eval events --data tests/events/data --split wire
	$(BIN)/wirewatch eval events --data tests/events/data/wire2_sentences.jsonl
	$(BIN)/wirewatch eval events --data tests/events/data/wire3_sentences.jsonl
	$(BIN)/wirewatch eval geo --data ../shared/data/geo
	$(BIN)/wirewatch eval stories --data ../shared/data/events

bench: install  # speed figures (minutes; `wirewatch bench api` separately: it generates a 100k-article store)
	$(BIN)/wirewatch bench extract
	$(BIN)/wirewatch bench pipeline
	$(BIN)/wirewatch bench stories

clean:
	rm -rf $(VENV) wirewatch.duckdb wirewatch.duckdb.wal .pytest_cache .ruff_cache
