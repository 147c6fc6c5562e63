# eventwire: every target sets itself up from nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= eventwire.db

.PHONY: setup demo test test-fast bench lint eval clean

setup: $(STAMP)

$(STAMP): pyproject.toml $(wildcard package.json package-lock.json) scripts/setup_assets.py
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@$(BIN)/python scripts/setup_assets.py
	@touch $(STAMP)

demo: setup
	@rm -f $(DB) $(DB)-wal $(DB)-shm
	@$(BIN)/eventwire demo --db $(DB) --corpus examples/corpus -o eventwire-export.jsonl

test: setup
	@$(BIN)/python -m pytest -m '' $(PYTEST_ARGS)

test-fast: setup
	@$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: setup
	@for script in bench/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

lint: setup
	@$(BIN)/ruff check src tests bench scripts
	@$(BIN)/ruff format --check src tests bench scripts
	@$(BIN)/mypy
	@$(BIN)/lint-imports

eval: setup
	@$(BIN)/eventwire eval all --data ../shared/eval --report docs/quality.md

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info node_modules .pytest_cache
