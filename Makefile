# The two commands: `make run` opens the app, `make test` runs every check.
# Each sets up what is missing first (system packages, .venv, Python packages) and is fast
# the second time.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
MODELS ?= .models
FETCH := ../shared/models/fetch-real-models

.PHONY: run test setup lint typecheck pytest models benchmarks package clean

run: setup
	$(BIN)/pipedeck

test: setup models lint typecheck pytest

setup: $(STAMPS)/system $(STAMPS)/venv

$(STAMPS)/system: packaging/ensure-system-deps.sh
	bash packaging/ensure-system-deps.sh
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/venv: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test]'
	@mkdir -p $(STAMPS) && touch $@

# Real weights (whisper-base, whisper-tiny.en, SmolLM2-135M-Instruct) for the tests that need
# them; skipped when the fetch tool is not beside the checkout.
models: $(STAMPS)/venv
	@if [ -x "$(FETCH)" ] || [ -f "$(FETCH)" ]; then \
		$(BIN)/python $(FETCH) $(MODELS); \
	else echo "($(FETCH) not found: tests that need real weights will be skipped)"; fi

lint:
	$(BIN)/ruff check engine gui tests benchmarks packaging

typecheck:
	$(BIN)/mypy

pytest:
	QT_QPA_PLATFORM=offscreen PIPEDECK_REAL_MODELS=$(abspath $(MODELS)) $(BIN)/python -m pytest -q -p no:cacheprovider

benchmarks: setup models
	$(BIN)/python benchmarks/run.py

package: setup
	bash packaging/build.sh

clean:
	rm -rf $(STAMPS) build dist
