# Two commands do everything on a fresh machine with Python 3.11 and make:
#   make run    install the pinned runtime (requirements.lock) and process raw/ into output/
#   make test   install the pinned runtime + test tools (requirements-dev.lock) and run the whole suite
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
RAW ?= raw
OUTPUT ?= output

.PHONY: run test install install-dev lint evaluate crosscheck bench serve clean-output lock

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (or run: make PYTHON=python3 ...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade "pip>=24"

$(VENV)/.installed: requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -r requirements.lock
	$(BIN)/python -m pip install -qq --no-deps -e .
	@touch $@

$(VENV)/.installed-dev: requirements-dev.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -qq -r requirements-dev.lock
	$(BIN)/python -m pip install -qq --no-deps -e .
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(BIN)/python -m pipeline run --raw $(RAW) --output $(OUTPUT)

test: install-dev
	$(BIN)/python -m ruff check .
	$(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/python -m ruff check .

evaluate: install
	$(BIN)/python -m pipeline evaluate --gold tests/gold/seeds.jsonl --output $(OUTPUT)

crosscheck: install
	$(BIN)/python -m pipeline crosscheck --output $(OUTPUT)

serve: install
	$(BIN)/python flows.py serve --cron "0 2 * * *"

# Re-resolve the pins (needs pip-tools); commit both lock files.
lock: install-dev
	$(BIN)/pip-compile -q --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	$(BIN)/pip-compile -q --strip-extras --extra dev --no-emit-index-url --no-emit-find-links \
		-o requirements-dev.lock pyproject.toml
