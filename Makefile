# Two commands do all set-up on a fresh machine with Python 3.11+:
#   make run    virtual environment, install, migrate, demo data, serve on 127.0.0.1:8000
#   make test   the test suite (SQLite by default; set DATABASE_URL for PostgreSQL)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
RUN_ENV := DEBUG=$${DEBUG:-true}

.PHONY: run test serve migrate demo lint format check worker beat clean assets bench catalogues messages

# The dashboard's chart library comes from npm (package.json + package-lock.json); the
# built file and its source map (which the file names, and which hashed static storage
# therefore needs) are copied into a git-ignored static folder.
CHART_JS := static/ui/vendor/chart.umd.min.js

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-runtime

migrate: $(VENV)/.installed-runtime catalogues
	$(RUN_ENV) $(BIN)/python manage.py migrate --no-input

# The interface's translations: locale/<language>/LC_MESSAGES/django.po is kept in git, its
# compiled .mo is not; Babel compiles it in Python, so no GNU gettext is needed to run.
catalogues: $(VENV)/.installed-runtime
	$(RUN_ENV) $(BIN)/python manage.py compile_catalogues

# Adds new marked strings of the code and templates to the Russian catalogue (needs GNU
# gettext's xgettext and msgmerge: `apt-get install gettext`). Then translate the new
# entries in locale/ru/LC_MESSAGES/django.po, and remove any "fuzzy" mark once checked.
messages: $(VENV)/.installed-dev
	@command -v xgettext >/dev/null || { echo "make messages needs GNU gettext: apt-get install gettext"; exit 1; }
	$(RUN_ENV) $(BIN)/python manage.py makemessages --locale ru --add-location file --no-obsolete \
		--ignore '.venv/*' --ignore 'node_modules/*' --ignore 'staticfiles/*' --ignore 'eval/*' \
		--ignore 'bench/*' --ignore '*/tests/*' --ignore 'test-artifacts/*'
	@# The creation date would change on every run and make every branch's catalogue conflict.
	sed -i '/^"POT-Creation-Date: /d' locale/ru/LC_MESSAGES/django.po
	$(RUN_ENV) $(BIN)/python manage.py compile_catalogues

demo: migrate
	$(RUN_ENV) $(BIN)/python manage.py load_demo

$(CHART_JS) $(CHART_JS).map &: package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund --loglevel=error \
		&& mkdir -p $(dir $@) \
		&& cp node_modules/chart.js/dist/chart.umd.min.js node_modules/chart.js/dist/chart.umd.min.js.map $(dir $@); \
	else \
		echo "npm (Node.js) not found: the dashboard will show its numbers as tables, without charts."; \
	fi

assets: $(CHART_JS) $(CHART_JS).map

run: demo assets
	@echo "Serving on http://$(HOST):$(PORT)/ — the admin is at http://$(HOST):$(PORT)/admin/"
	$(RUN_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev assets catalogues
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The load benchmark on PostgreSQL (bench/README.md): BENCH_SIZES="10000 100000",
# BENCH_ROUNDS=3, BENCH_POSTGRES=postgres://root@127.0.0.1:5432 ... shorten or redirect it.
bench: $(VENV)/.installed-runtime
	$(BIN)/python -m bench.load

worker: $(VENV)/.installed-runtime
	$(RUN_ENV) $(BIN)/celery -A config worker --loglevel=info --pool=threads --concurrency=2

beat: $(VENV)/.installed-runtime
	$(RUN_ENV) $(BIN)/celery -A config beat --loglevel=info

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: $(VENV)/.installed-dev
	$(RUN_ENV) $(BIN)/python manage.py check
	$(RUN_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles node_modules static/ui/vendor/chart.* locale/*/LC_MESSAGES/*.mo
