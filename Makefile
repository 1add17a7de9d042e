# Waypoint: `make run` to try it on this machine, `make test` for everything CI checks.
#
# Needs GNU make, bash, Python 3.11+ and, for the app in pwa/, Node.js 20+ with npm.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
.NOTPARALLEL:
MAKEFLAGS += --no-builtin-rules

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) backend/manage.py
INSTALLED := $(VENV)/.installed

API_ADDR := 127.0.0.1:8000
PWA_ADDR := 127.0.0.1:5173

PWA := pwa
HAVE_PWA := $(wildcard $(PWA)/package.json)
PWA_INSTALLED := $(PWA)/node_modules/.installed
# Exit status 0 when pwa/package.json declares the npm script named by the first argument.
PWA_HAS_SCRIPT := node -e 'process.exit((require("./package.json").scripts || {})[process.argv[1]] ? 0 : 1)'

# The first interpreter that is Python 3.11 or newer; override with `make PYTHON=/path/to/python3`.
ifndef PYTHON
PYTHON := $(shell for p in python3.11 python3.12 python3.13 python3; do \
	"$$p" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { echo "$$p"; break; }; \
	done)
endif

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help
help:
	@echo "make run     install, migrate, load the public directory and the demo network, serve the API and the app, run the worker"
	@echo "make test    lint, schema check, app checks and the whole test suite (SQLite)"
	@echo "make schema  regenerate openapi/openapi.yaml (and the app's API types)"
	@echo "make lint    ruff check and ruff format --check, then the app's ESLint and Prettier check"
	@echo "make test-backend   only the Python tests (set DATABASE_URL for PostgreSQL)"
	@echo "make prod-smoke     start the production stack (nginx, gunicorn, PostgreSQL, Redis) and check it"
	@echo "make bench-load     mixed load on the production stack (docs/benchmarks.md)"
	@echo "make contract-tools the generators and schemathesis 4 that tests/contract/ runs (.venv-contract)"

# ---------------------------------------------------------------------------
# Installation: redone only when pyproject.toml or pwa/package*.json change
# ---------------------------------------------------------------------------
$(PY):
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.11 or newer is needed (python3.11 or python3)." >&2; exit 1; fi
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(PY)
	$(PY) -m pip install --disable-pip-version-check --progress-bar off -q -e '.[dev]'
	@touch $@

.PHONY: install
install: $(INSTALLED)

# Current third-party contract tools (openapi-python-client, schemathesis 4) in a venv of their
# own: the test suite's schemathesis is 3.x. tests/contract/ runs them.
CONTRACT_VENV := .venv-contract
CONTRACT_REQUIREMENTS := tests/contract/requirements.txt
CONTRACT_INSTALLED := $(CONTRACT_VENV)/.installed

$(CONTRACT_INSTALLED): $(CONTRACT_REQUIREMENTS) | $(PY)
	$(PY) -m venv --clear $(CONTRACT_VENV)
	$(CONTRACT_VENV)/bin/pip install --disable-pip-version-check --progress-bar off -q -r $(CONTRACT_REQUIREMENTS)
	@touch $@

.PHONY: contract-tools
contract-tools: $(CONTRACT_INSTALLED)

$(PWA_INSTALLED): $(wildcard $(PWA)/package.json $(PWA)/package-lock.json)
	@command -v npm >/dev/null || { echo "Node.js 20+ with npm is needed for $(PWA)/." >&2; exit 1; }
	@node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
		|| { echo "Node.js 20 or newer is needed, found $$(node --version)." >&2; exit 1; }
	cd $(PWA) && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
	@touch $@

.PHONY: pwa-install
pwa-install: $(if $(HAVE_PWA),$(PWA_INSTALLED))

.PHONY: pwa-build
pwa-build: pwa-install
ifneq ($(HAVE_PWA),)
	cd $(PWA) && npm run build
endif

# Browser tests drive Debian's Chromium; test tools may not download browsers of their own.
.PHONY: chromium
chromium:
	@command -v chromium >/dev/null || { \
		$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y chromium; }

# The production stack's tests run Debian's nginx with the project's templates, and their own
# PostgreSQL cluster and Redis server.
.PHONY: stack-programs
stack-programs:
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { \
		$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y nginx; }
	@command -v redis-server >/dev/null && command -v envsubst >/dev/null \
		&& ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
		$(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y \
			redis-server gettext-base postgresql; }

# ---------------------------------------------------------------------------
# Run: the API on http://127.0.0.1:8000, the app on http://127.0.0.1:5173, and the worker that
# runs background jobs and the schedule (restarting it enqueues no periodic job twice: each is
# enqueued once per period, whatever the number of workers). The worker runs in a session of
# its own (where `setsid` exists), so Ctrl-C does not reach it: it gets one SIGTERM on the way
# out, finishes its running job and stops. The recipe's shell stops at the first failing command
# (-e), so each step of the clean-up tolerates a process that is already gone: Ctrl-C usually
# ends the app's server before the clean-up runs, and its failed `kill` must not skip the worker's.
# ---------------------------------------------------------------------------
.PHONY: run
run: install pwa-build
	$(MANAGE) migrate --noinput
	$(MANAGE) load_directory
	$(MANAGE) load_demo
	@pwa_pid=""; worker_pid=""; var="$${WAYPOINT_VAR_DIR:-var}"; \
	trap '{ [ -z "$$pwa_pid" ] || kill "$$pwa_pid" 2>/dev/null; } || true; \
		{ [ -z "$$worker_pid" ] || { kill "$$worker_pid" 2>/dev/null && wait "$$worker_pid"; }; } || true' \
		EXIT INT TERM; \
	mkdir -p "$$var"; \
	$$(command -v setsid || true) env DEBUG="$${DEBUG:-1}" $(MANAGE) run_worker >>"$$var/worker.log" 2>&1 & \
	worker_pid=$$!; \
	if [ -d $(PWA)/dist ]; then \
		(cd $(PWA) && exec node_modules/.bin/vite preview \
			--host $(firstword $(subst :, ,$(PWA_ADDR))) --port $(lastword $(subst :, ,$(PWA_ADDR))) \
			--strictPort >/dev/null) & \
		pwa_pid=$$!; \
	fi; \
	echo; \
	echo "  API       http://$(API_ADDR)/api/v1/"; \
	echo "  API docs  http://$(API_ADDR)/api/docs/  (ReDoc: http://$(API_ADDR)/api/redoc/)"; \
	if [ -n "$$pwa_pid" ]; then echo "  App       http://$(PWA_ADDR)/"; fi; \
	echo "  Worker    background jobs and the schedule, log in $$var/worker.log"; \
	echo "  Demo accounts are listed in README.md. Stop with Ctrl-C."; \
	echo; \
	DEBUG="$${DEBUG:-1}" $(MANAGE) runserver --noreload $(API_ADDR)

# ---------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------
.PHONY: lint
lint: install pwa-install
	$(VENV)/bin/ruff check backend tests
	$(VENV)/bin/ruff format --check backend tests
ifneq ($(HAVE_PWA),)
	cd $(PWA) && if $(PWA_HAS_SCRIPT) lint; then npm run lint; fi
endif

# The committed contract must be exactly what the code generates, without warnings, and lint
# clean with Redocly and Spectral (their configs: redocly.yaml, .spectral.yaml).
.PHONY: check-schema
check-schema: install pwa-install
	@tmp=$$(mktemp); trap 'rm -f "$$tmp"' EXIT; \
	$(MANAGE) spectacular --validate --fail-on-warn --file "$$tmp"; \
	if ! cmp -s "$$tmp" openapi/openapi.yaml; then \
		diff -u openapi/openapi.yaml "$$tmp" | head -n 40 || true; \
		echo "openapi/openapi.yaml differs from what the code generates: run 'make schema' and commit it." >&2; \
		exit 1; \
	fi; \
	echo "openapi/openapi.yaml is up to date."
ifneq ($(HAVE_PWA),)
	cd $(PWA) && npm run lint:openapi
endif

.PHONY: schema
schema: install
	@tmp=$$(mktemp); trap 'rm -f "$$tmp"' EXIT; \
	$(MANAGE) spectacular --validate --fail-on-warn --file "$$tmp"; \
	cat "$$tmp" > openapi/openapi.yaml; \
	echo "Wrote openapi/openapi.yaml."
ifneq ($(HAVE_PWA),)
	@$(MAKE) --no-print-directory pwa-install
	cd $(PWA) && npm run gen:types
endif

.PHONY: pwa-check
pwa-check: pwa-install
ifneq ($(HAVE_PWA),)
	cd $(PWA) && for script in check:types test; do \
		if $(PWA_HAS_SCRIPT) "$$script"; then npm run "$$script"; fi; \
	done
endif

# The contract tools are required here: tests/contract/ fails instead of skipping without them.
.PHONY: test-backend
test-backend: install contract-tools
	CONTRACT_TOOLS=$(CONTRACT_VENV) $(VENV)/bin/pytest $(PYTEST_ARGS)

# Schemathesis 4 with its coverage phase too (every boundary value of every parameter): some
# 15 minutes per caller, so not part of `make test`.
.PHONY: schemathesis-coverage
schemathesis-coverage: install contract-tools
	CONTRACT_TOOLS=$(CONTRACT_VENV) SCHEMATHESIS_ALL_PHASES=1 $(VENV)/bin/pytest tests/contract/test_schemathesis.py

# The production stack for real, without containers: nginx in front of gunicorn with the
# production settings, PostgreSQL, Redis and the built app (tests/deploy/). `make test` runs it too.
.PHONY: prod-smoke
prod-smoke: install stack-programs pwa-build
	$(VENV)/bin/pytest -p no:randomly tests/deploy

# Mixed read and write load on the production stack (docs/benchmarks.md): minutes of full load,
# so not part of `make test`. BENCH_ARGS="--seconds 3 --concurrency 4 --contacts 0" tries it quickly.
.PHONY: bench-load
bench-load: install stack-programs pwa-build
	$(PY) -m tests.deploy.bench_load $(BENCH_ARGS)

# The app is built before pytest so that browser tests run against what `make run` serves.
.PHONY: test
test: install chromium stack-programs pwa-install lint check-schema pwa-check pwa-build test-backend
