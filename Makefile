# eventwire: every target sets itself up from nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= eventwire.db
PREFIX ?= $(HOME)/.local

.PHONY: setup demo install test test-fast bench lint eval clean

setup: $(STAMP)

$(STAMP): pyproject.toml $(wildcard package.json package-lock.json) scripts/setup_assets.py
	@echo "setup: virtual environment in $(VENV)"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "setup: installing eventwire and its dependencies with pip (a few minutes the first time)"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@echo "setup: building the gazetteer and the web UI's assets (scripts/setup_assets.py)"
	@$(BIN)/python scripts/setup_assets.py
	@touch $(STAMP)
	@echo "setup: done; eventwire is $(BIN)/eventwire (source $(BIN)/activate, or make install, to type just eventwire)"

demo: setup
	@rm -f $(DB) $(DB)-wal $(DB)-shm
	@echo "demo: ingesting examples/corpus into $(DB) (the spaCy model loads first)"
	@$(BIN)/eventwire demo --db $(DB) --corpus examples/corpus -o eventwire-export.jsonl
	@echo "to type just 'eventwire': source $(BIN)/activate   (or once: make install)"

# Puts the eventwire command on the PATH: a link in $(PREFIX)/bin to the one in .venv.
install: setup
	@mkdir -p $(PREFIX)/bin
	@ln -sf $(CURDIR)/$(BIN)/eventwire $(PREFIX)/bin/eventwire
	@echo "install: $(PREFIX)/bin/eventwire -> $(CURDIR)/$(BIN)/eventwire"
	@case ":$$PATH:" in *":$(PREFIX)/bin:"*) ;; \
	  *) echo "install: $(PREFIX)/bin is not on your PATH; add it with: export PATH=\"$(PREFIX)/bin:\$$PATH\"";; esac

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
