# Fresh machine: `make gen`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: gen test check corpus lint typecheck clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

gen: $(STAMP)
	$(BIN)/docmodels gen

check: $(STAMP)
	$(BIN)/docmodels check

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy
	$(BIN)/docmodels check

# Every folder of ../shared/corpus: read, generated, imported and its generated tests run; then the per-folder report.
corpus: $(STAMP)
	$(BIN)/python -m pytest -q tests/test_corpus.py tests/reader
	$(BIN)/python bench/corpus_report.py

clean:
	rm -rf $(VENV) build dist *.egg-info
