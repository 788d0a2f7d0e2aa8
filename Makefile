# Fresh machine: `make gen`, then `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: gen test test-fast check corpus lint typecheck clean payloads fuzz bench newest diff-history

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

# The newest Python on the machine (3.12+, PATH or pyenv) gets a venv of docmodels' runtime dependencies at
# .venv's versions: tests/test_same_bytes.py generates specs/ and a corpus sample on both and compares bytes.
NEWEST_PYTHON ?= $(shell .ci/newest_python)
NEWEST := .venv-newest
$(NEWEST)/.installed: $(STAMP)
	@if [ -z "$(NEWEST_PYTHON)" ]; then \
		echo "make: no Python 3.12+ found beside $$($(BIN)/python -V): the same-bytes test will be skipped"; \
	else \
		rm -rf $(NEWEST) && $(NEWEST_PYTHON) -m venv $(NEWEST) && \
		$(BIN)/python -m pip freeze --exclude-editable > $(NEWEST)/constraints.txt && \
		$(NEWEST)/bin/python -m pip install --quiet -c $(NEWEST)/constraints.txt black jinja2 markdown-it-py && \
		touch $@; \
	fi

newest: $(NEWEST)/.installed

test: $(STAMP) newest
	$(BIN)/python -m pytest -q -n auto --dist worksteal
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy
	$(BIN)/docmodels check

# A developer's run: everything but the tests marked slow (the corpus, every style, packaging, same bytes).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -n auto -m "not slow"

# Every folder of ../shared/corpus: read, generated, imported and its generated tests run; then the per-folder report.
corpus: $(STAMP)
	DOCMODELS_CORPUS=all $(BIN)/python -m pytest -q -n auto tests/test_corpus.py tests/reader tests/test_union_agreement.py
	$(BIN)/python bench/corpus_report.py

# Fuzz the reader and the whole generator for FUZZ_SECONDS (default 30 minutes); a finding is saved under
# tests/fuzz/regressions/ and replayed by the test suite from then on.
FUZZ_SECONDS ?= 1800
fuzz: $(STAMP)
	$(BIN)/python tests/fuzz/target.py --seconds $(FUZZ_SECONDS)

# Performance (issue 9): docmodels against datamodel-code-generator (kept in its own venv, bench/.venv, so its
# pinned dependencies never mix with ours) and the whole corpus; several minutes. BENCH_QUICK=1: each once.
BENCH_VENV := bench/.venv
$(BENCH_VENV)/.installed: bench/requirements.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet -r bench/requirements.txt
	touch $@

bench: $(STAMP) $(BENCH_VENV)/.installed
	$(BIN)/python bench/run.py

# Real payloads: every corpus folder with an OpenAPI document, all matched models, 20 instances each.
payloads: $(STAMP)
	DOCMODELS_PAYLOADS=all $(BIN)/python -m pytest -q -s tests/test_payloads.py

# `docmodels diff` against the SDK generator's own change lists in ../shared/history (45 versions of Clerk's
# Python SDK docs): breaking commits found, false alarms, per-operation recall and precision; a few minutes.
diff-history: $(STAMP)
	$(BIN)/python bench/diff_history.py

clean:
	rm -rf $(VENV) $(NEWEST) build dist *.egg-info
