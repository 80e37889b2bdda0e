# Two commands: `make run` serves the product, `make test` runs the whole test suite.
# On Windows, see README.md for the same steps without make.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: mutation-recheck run test sysdeps-run sysdeps-test messages initial-migration bench mutation clean

# One process: `serve --upgrade` migrates first when the database is behind (the app imported once).
# Tesseract's tessdata_best English model converted to int (Apache-2.0, from tesseract-ocr, carried by
# the npm package @tesseract.js-data/eng), read where the two recognisers disagree on the NIK
# (docs/idscan.md, Run 12b). Fetched with npm into var/ (git-ignored), the package checked by its
# sha256. Without npm, or without the file, the engine reads exactly as before (Debian's model alone).
TESSDATA_PKG := @tesseract.js-data/eng@1.0.0
TESSDATA_SHA256 := c9bddf2e2f0a214ac7918f3f4a3caf45e09ce8674fe26662ae7787ac8927f7bb
TESSDATA_BEST := var/tessdata/eng.traineddata

run: sysdeps-run $(VENV)/.installed $(TESSDATA_BEST)
	$(BIN)/flask --app wsgi serve --upgrade

# Defined before the rule that needs it: make expands a rule's prerequisites as it reads them.
AXE := tests/e2e/vendor/node_modules/axe-core/axe.min.js

# One pytest worker per core (pytest-xdist), a test file's tests on one worker: the suite in about
# half the time on two cores (README, Development). TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto
XDIST = $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist loadfile)

test: sysdeps-test $(VENV)/.installed-dev $(AXE) $(TESSDATA_BEST)
	$(BIN)/python -m pytest $(XDIST) $(PYTEST_ARGS)
	@if [ -n "$${TEST_POSTGRES_URL:-}" ]; then \
	  echo "== on PostgreSQL: the tests that reach the database, but the layout ones (tests/postgres_pass.py) =="; \
	  TEST_DATABASE_URL="$$TEST_POSTGRES_URL" $(BIN)/python -m pytest $(XDIST) -m "not layout" $(PYTEST_ARGS) \
	    || [ $$? -eq 5 ]; \
	fi
# (pytest's 5 is "no tests collected": a PYTEST_ARGS subset of tests that never reach the database
# leaves the PostgreSQL pass nothing to run, which is not a failure.)

sysdeps-run:
	@sh scripts/sysdeps.sh run

sysdeps-test:
	@sh scripts/sysdeps.sh test

# axe-core for the accessibility test only (tests/e2e/vendor, never served): the exact version in
# package-lock.json. Without npm the test is skipped and listed at the end of the run.
$(AXE): tests/e2e/vendor/package.json tests/e2e/vendor/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tests/e2e/vendor --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm is missing: the accessibility test will be skipped (apt-get install npm)" >&2; fi

$(TESSDATA_BEST):
	@mkdir -p var/tessdata var/npm; rm -f var/npm/*.tgz $@.part
	@if ! command -v npm >/dev/null 2>&1; then \
	  echo "npm is missing: the ID engine reads without its second Tesseract model (README, OCR)" >&2; \
	elif npm pack $(TESSDATA_PKG) --pack-destination var/npm --silent --fetch-retries=1 --fetch-timeout=30000 >/dev/null \
	  && echo "$(TESSDATA_SHA256)  var/npm/tesseract.js-data-eng-1.0.0.tgz" | sha256sum -c --quiet - \
	  && tar -xzf var/npm/tesseract.js-data-eng-1.0.0.tgz -O package/4.0.0_best_int/eng.traineddata.gz \
	     | gunzip > $@.part; then \
	  mv $@.part $@; \
	else echo "$(TESSDATA_PKG) not fetched or not as expected: the ID engine reads without its second Tesseract model" >&2; \
	  rm -f $@.part; fi
	@rm -f var/npm/*.tgz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# RapidOCR (models inside the wheel, offline) without its opencv-python requirement, which would
# overwrite the headless OpenCV; its other requirements are in pyproject.toml. rapidocr 3.10.0 only
# for the PP-OCRv6 recogniser file in its wheel (idscan/rapid.py reads the name rows with it; the
# package is never imported, so none of its requirements are needed).
RAPIDOCR := rapidocr-onnxruntime==1.4.4 rapidocr==3.10.0

$(VENV)/.installed: pyproject.toml Makefile | $(BIN)/python
	$(BIN)/pip install -q -e .
	$(BIN)/pip install -q --no-deps $(RAPIDOCR)
	@touch $@

$(VENV)/.installed-dev: pyproject.toml Makefile | $(BIN)/python
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

# Mutation testing of the rule modules (docs/mutation.md). Not part of `make test`: 78 minutes for
# 2,894 mutants on 2 shared cores when last run whole (1 December), longer with the modules added since.
# `make mutation MUTATE="nik urls"` mutates only those modules (lpsedesk/<name>, the exports/ package,
# or a dotted name such as idscan.nik). Exits non-zero below 90 % killed or when a survivor is not
# listed in the doc.
# The same modules as pyproject's [tool.mutmut] only_mutate, in its order.
MUTATE ?= workflow nik idscan.nik checkin visit_ops remote_ops exports storage urls roles passwords throttle office_hours \
  clock restricted watchlist lpsedesk.invitations.rules kiosk_recovery board_duties decision_told idscan.unseen_digits \
  allowed_hosts decision_wait typed_time visit_stay retention seen_text live_rules \
  settings_rules form_edits idscan.lone_reading idscan.name_hyphen
MUTATION_JOBS ?= 2
mutation: sysdeps-test $(VENV)/.installed-mutation
	rm -rf mutants
	@for m in $(MUTATE); do \
	  case $$m in *.*) pattern=$$m ;; *) pattern=lpsedesk.$$m ;; esac; \
	  echo "== mutating $$pattern (log: mutants/run-$$m.log) =="; \
	  mkdir -p mutants; \
	  nice -n 10 $(BIN)/mutmut run --max-children $(MUTATION_JOBS) "$$pattern*" > mutants/run-$$m.log 2>&1 \
	    || { tail -n 40 mutants/run-$$m.log; exit 1; }; \
	done
	$(BIN)/python scripts/mutation_report.py

# After adding tests or changing a mutated module: keep mutants/ and run again only what the last
# run did not kill (mutmut also re-tests every function whose code changed), then report.
mutation-recheck: $(VENV)/.installed-mutation
	@test -d mutants || { echo "no mutants/ yet: run make mutation first"; exit 1; }
	cp -r lpsedesk/translations mutants/lpsedesk/  # mutmut re-copies only Python files; the catalogues too
	nice -n 10 $(BIN)/mutmut run --max-children $(MUTATION_JOBS) > mutants/run-changed.log 2>&1 \
	  || { tail -n 40 mutants/run-changed.log; exit 1; }
	$(BIN)/python scripts/mutation_report.py --survivors > mutants/survivors.txt
	test ! -s mutants/survivors.txt || nice -n 10 $(BIN)/mutmut run --max-children $(MUTATION_JOBS) \
	  $$(cat mutants/survivors.txt) > mutants/run-survivors.log 2>&1 || { tail -n 40 mutants/run-survivors.log; exit 1; }
	$(BIN)/python scripts/mutation_report.py

$(VENV)/.installed-mutation: pyproject.toml $(VENV)/.installed-dev
	$(BIN)/pip install -q -e ".[dev,mutation]"
	@touch $@

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/idscan.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache mutants var
