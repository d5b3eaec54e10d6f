# The two commands a newcomer needs: `make run` (the app) and `make test` (every test).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint translations screenshots bench sandbox

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/python -m amo_desktop.gui.preflight && $(BIN)/amo-desktop

sandbox: $(VENV)/.installed
	$(BIN)/amo-desktop sandbox

test: $(VENV)/.installed-test
	scripts/test

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy amo_desktop
	$(BIN)/lint-imports

translations: $(VENV)/.installed-test
	$(BIN)/python scripts/translations.py

screenshots: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python scripts/render_screenshots.py

bench: $(VENV)/.installed-test
	scripts/with-keyring $(BIN)/python benchmarks/run_all.py
