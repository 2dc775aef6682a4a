# The two commands of the README: `make run` and `make test`. Everything else is for developers.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
export DJANGO_SETTINGS_MODULE := beian.settings

.PHONY: run test test-fast lint migrations-check bench messages clean

$(VENV)/.runtime: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@

run: $(VENV)/.runtime
	$(PY) manage.py migrate --noinput -v 0
	$(PY) manage.py createcachetable
	$(PY) manage.py load_reference_data
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py serve --demo

test: $(VENV)/.dev
	$(PY) manage.py makemigrations --check --dry-run -v 1
	$(PY) -m pytest -n auto

# The quick loop: no browser journeys, no PostgreSQL-only tests (races), no migration check.
test-fast: $(VENV)/.dev
	$(PY) -m pytest -n auto --ignore=tests/e2e -m "not postgres"

# ruff, then the layer contracts of .importlinter (ADR 0106): an app imports only from the apps below it.
lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

migrations-check: $(VENV)/.dev
	$(PY) manage.py makemigrations --check --dry-run

bench: $(VENV)/.dev
	$(PY) -m bench

# Needs GNU gettext (xgettext, msgfmt): extracts strings, then compiles the catalogs that are committed.
# Each app keeps its own catalog in beian/<app>/locale; beian/locale holds the shared templates'.
# beian/rules has a catalog of its own, read with the standard library (it must not import Django).
messages: $(VENV)/.dev
	$(PY) manage.py makemessages --locale zh_Hans --no-obsolete --ignore ".venv/*" --ignore "var/*" \
		--ignore "beian/rules/*" --ignore "tests/*" --ignore "bench/*"
	$(PY) manage.py compilemessages --locale zh_Hans --ignore ".venv/*"

clean:
	rm -rf $(VENV) var/static
