# Working Together. `make run` serves the demo locally; `make test` runs every check CI runs.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export UV_PYTHON_DOWNLOADS := never
export PYTHONPATH := $(CURDIR)
PORT ?= 8000
UV := $(shell command -v uv 2>/dev/null || echo $(HOME)/.local/bin/uv)
COPRO := .venv/bin/copro
PYTEST := .venv/bin/python -m pytest
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: audit faults run test lint format assets bench install install-browser test-unit test-postgres test-browser check-migrations demo

## install: Python packages from the lock file (installs uv first if it is missing)
install: .venv/.installed
.venv/.installed: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || [ -x "$(UV)" ] || python3 -m pip install --quiet --user 'uv==0.13.8' || python3 -m pip install --quiet 'uv==0.13.8'
	$$(command -v uv || echo $(UV)) sync --locked
	@touch $@

## run: install, migrate, load the demo council and serve on http://127.0.0.1:$(PORT)
run: export DEBUG := 1
run: export SITE_URL := http://127.0.0.1:$(PORT)
run: install
	@mkdir -p var && printf '# Written by make run, read by .venv/bin/copro in this checkout only.\nDEBUG=1\nSITE_URL=$(SITE_URL)\n' > var/local.env
	$(COPRO) migrate --no-input
	LOG_LEVEL=WARNING $(COPRO) demo
	$(COPRO) runserver 127.0.0.1:$(PORT)

## test: lint, unit tests on SQLite, again on PostgreSQL when it answers, then browser tests
test: install lint check-migrations test-unit test-postgres test-browser

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: install
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

check-migrations: install
	DEBUG=1 $(COPRO) makemigrations --check --dry-run

# Each pass prints the 25 slowest tests and how long it took, so a slow suite is seen early
# (CI stops at 90 minutes; the target is 30).
DURATIONS := --durations=25 --durations-min=1.0
test-unit: install
	@start=$$SECONDS; $(PYTEST) -m "not browser and not faults" -n 2 -q $(DURATIONS); \
	echo "== Phase time: SQLite pass $$((SECONDS - start)) s"

test-postgres: install
	@if scripts/postgres-ready; then \
		echo "== The same suite on PostgreSQL ($(PG_URL))"; \
		start=$$SECONDS; \
		DATABASE_URL=$(PG_URL) $(PYTEST) -m "not browser and not faults" -n 2 -q $(DURATIONS); \
		echo "== Phase time: PostgreSQL pass $$((SECONDS - start)) s"; \
	else \
		echo "== PostgreSQL is not reachable at 127.0.0.1:5432: the PostgreSQL pass is SKIPPED"; \
		if [ "$${CI:-}" = "true" ] && [ "$${REQUIRE_POSTGRES:-}" = "1" ]; then exit 1; fi; \
	fi

## install-browser: node packages (axe-core) and a Chromium for Playwright
install-browser: install node_modules/.installed
	@scripts/install-chromium
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

test-browser: install-browser
	@start=$$SECONDS; DJANGO_ALLOW_ASYNC_UNSAFE=true $(PYTEST) -m browser -q $(DURATIONS); \
	echo "== Phase time: browser pass $$((SECONDS - start)) s"

## assets: rebuild the GOV.UK Frontend CSS and JavaScript (the output is committed)
assets: node_modules/.installed
	bash assets/build.sh

## bench: the timings in bench/bench_*.py, then the load test (LOAD-1..5) against gunicorn +
## PostgreSQL on loopback: about 2.7 minutes at scale 10; BENCH_FULL=1 holds 50 users for 10
## minutes; BENCH_SERVERS=2 runs two app servers sharing PostgreSQL and Redis. Results in
## docs/benchmarks/ (README there). Needs PostgreSQL at PG_URL. Not in `make test`.
BENCH_SCALE ?= 10
bench: install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = "0" ] && apt-get install -y -qq wrk >/dev/null; } || \
		echo "== wrk is missing (apt-get install wrk): the hello-world ceiling will not be measured"
	@echo "== bench/bench_plainenglish.py"; .venv/bin/python bench/bench_plainenglish.py
	@if scripts/postgres-ready; then \
		echo "== bench/run_load.py (scale $(BENCH_SCALE))"; \
		status=0; \
		PG_URL=$(PG_URL) .venv/bin/python bench/run_load.py --scale $(BENCH_SCALE) --keep $(if $(BENCH_FULL),--full,) $(if $(BENCH_SERVERS),--servers $(BENCH_SERVERS),) || status=$$?; \
		echo "== bench/bench_reports.py (the dashboard and a project report on the same data)"; \
		DEBUG=1 DATABASE_URL=$(dir $(PG_URL))copro_bench .venv/bin/python bench/bench_reports.py || status=$$?; \
		exit $$status; \
	else echo "== PostgreSQL is not reachable at 127.0.0.1:5432: the load test is SKIPPED"; fi

demo: install
	DEBUG=1 $(COPRO) demo

## faults: FLT-1..FLT-10 (tests/faults): the in-process ones also run in `make test`; the ones
## that start gunicorn or a task worker and kill them (marker `faults`) run only here. On
## PostgreSQL too when it answers (database restarts are simulated by ending every connection)
faults: install
	$(PYTEST) tests/faults -q
	@if scripts/postgres-ready; then \
		echo "== The fault tests on PostgreSQL ($(PG_URL))"; \
		DATABASE_URL=$(PG_URL) $(PYTEST) tests/faults tests/reciprocity/test_led_concurrency.py -q; \
	else echo "== PostgreSQL is not reachable: the PostgreSQL fault tests are SKIPPED"; fi

## audit: known vulnerabilities in the locked Python and npm packages (CFG-7; needs the internet:
## PyPI's JSON API and npm's audit service, which these build machines cannot reach)
audit: install
	$$(command -v uv || echo $(UV)) export --format requirements-txt --no-hashes --no-emit-project -q > var/audit-requirements.txt
	.venv/bin/pip-audit -r var/audit-requirements.txt --no-deps --disable-pip --strict --progress-spinner off
	npm audit
