# Two commands: `make run` serves the product, `make test` runs the whole test suite.
# On Windows, see README.md for the same steps without make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test sysdeps-run sysdeps-test messages initial-migration bench clean

run: sysdeps-run $(VENV)/.installed
	$(BIN)/flask --app wsgi db upgrade
	$(BIN)/flask --app wsgi serve

test: sysdeps-test $(VENV)/.installed-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	@if [ -n "$${TEST_POSTGRES_URL:-}" ]; then \
	  echo "== the same suite on PostgreSQL =="; \
	  TEST_DATABASE_URL="$$TEST_POSTGRES_URL" $(BIN)/python -m pytest $(PYTEST_ARGS); \
	fi

sysdeps-run:
	@sh scripts/sysdeps.sh run

sysdeps-test:
	@sh scripts/sysdeps.sh test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# RapidOCR (models inside the wheel, offline) without its opencv-python requirement, which would
# overwrite the headless OpenCV; its other requirements are in pyproject.toml.
RAPIDOCR := rapidocr-onnxruntime==1.4.4

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	$(BIN)/pip install -q --no-deps $(RAPIDOCR)
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[dev]"
	$(BIN)/pip install -q --no-deps $(RAPIDOCR)
	@touch $@ $(VENV)/.installed

# Rebuild the Indonesian catalogue from the code and lpsedesk/translations/id/*.json.
messages: $(VENV)/.installed-dev
	$(BIN)/python scripts/messages.py

# Before the first release only: rewrite 0001 from the models. The core alone is loaded (no
# blueprints), and the old file is put back if generation fails.
CORE_APP := lpsedesk:create_app({"INSTALLED_BLUEPRINTS": ()})
INITIAL := lpsedesk/migrations/versions/0001_initial_schema.py
initial-migration: $(VENV)/.installed
	cp $(INITIAL) /tmp/lpsedesk-0001.bak
	rm -f $(INITIAL) /tmp/lpsedesk-migration.db
	DATABASE_URL=sqlite:////tmp/lpsedesk-migration.db $(BIN)/flask --app '$(CORE_APP)' db migrate -m "initial schema" --rev-id 0001 \
	  || { cp /tmp/lpsedesk-0001.bak $(INITIAL); exit 1; }
	sed -i 's/^Create Date: .*/Create Date: 2026-11-22/' $(INITIAL)

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/idscan.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
