# The two commands of the README:  `make run`  and  `make test`.
# Both build everything they need on a fresh machine (a virtualenv in .venv, and
# Debian's chromium for the browser tests), so nothing depends on what was installed by hand.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: messages run test install lint typecheck pytest browser postgres documents bench screenshots clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The exact versions CI tested come from requirements.lock; the project itself is then
# installed without resolving anything again (--no-deps), so a fresh machine gets the same set.
$(VENV)/.installed: pyproject.toml requirements.lock $(wildcard clusterrank/i18n/locale/*/LC_MESSAGES/*.po) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e '.[dev]'
	$(BIN)/python -m clusterrank.i18n.catalogue compile
	touch $@

install: $(VENV)/.installed

run: install documents
	$(BIN)/streamlit run streamlit_app.py --server.port $(PORT) --server.headless true

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# The storage and panel tests start a throwaway PostgreSQL server of their own from Debian's
# binaries (tests/helpers/postgres.py), never the cluster the package itself may set up.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "installing Debian's postgresql for the storage tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql; }

# The decision report's PDF is typeset by WeasyPrint, which needs Debian's pango and a font with
# Cyrillic (DejaVu); the report tests turn PDF pages into PNG and text with poppler-utils.
DOC_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils
documents:
	@dpkg -s $(DOC_PACKAGES) >/dev/null 2>&1 || { \
	  echo "installing Debian's $(DOC_PACKAGES) for the PDF report"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DOC_PACKAGES); }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

# Coverage floor: the measured total (83 %, branch coverage of the application packages,
# see [tool.coverage] in pyproject.toml) minus 2 points. Raise it as coverage rises.
COVERAGE_FLOOR ?= 90

pytest: install browser postgres documents
	$(BIN)/pytest --cov --cov-report=term --cov-fail-under=$(COVERAGE_FLOOR)

test: lint typecheck pytest

bench: install
	$(BIN)/python -m bench

# Refresh the README's screenshots from the browser tests' artifacts.
screenshots: install browser
	$(BIN)/pytest -m browser -q
	cd artifacts/screenshots && cp ranking.png weights_ahp.png scenario.png export.png sensitivity.png \
	  sensitivity_stability.png regions.png panel_facilitator.png ranking_uk_1024.png \
	  ../../docs/screenshots/ && cp panel_expert_1024.png ../../docs/screenshots/panel_expert.png && \
	  cp ru_ranking.png ../../docs/screenshots/ranking_ru.png
	$(BIN)/python -c "from PIL import Image; im = Image.open('docs/screenshots/regions.png'); \
	  im.crop((0, 0, im.width, min(1700, im.height))).save('docs/screenshots/regions_top.png'); \
	  im = Image.open('artifacts/screenshots/sensitivity_uk_1024.png'); \
	  im.crop((0, 0, im.width, min(3200, im.height))).save('docs/screenshots/sensitivity_uk_1024.png')"

# After changing any text the user reads: extract, update the .po files, then translate.
messages: install
	$(BIN)/python -m clusterrank.i18n.catalogue update
	$(BIN)/python -m clusterrank.i18n.catalogue check

# Re-resolve pyproject.toml's dependencies in a throwaway virtualenv and pin what it got.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet '.[dev]'
	{ echo "# Exact versions CI tested: \`make\` installs these first, then the project with --no-deps."; \
	  echo "# Regenerate with \`make lock\` after changing pyproject.toml's dependencies."; \
	  .lock-venv/bin/python -m pip freeze --all --exclude-editable | grep -v -E '^(clusterrank|pip)( @|==)'; } > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
