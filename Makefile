# Klartext task runner. Every target sets up what it needs, so a fresh clone
# needs nothing but `make serve` or `make test`.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
CHROMIUM ?= /usr/bin/chromium
# mkdocs-material prints a banner about MkDocs 2.0 on every run; we pin mkdocs<2 already.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build chapter test test-fast lint typecheck pytest bench chromium java poppler lighthouse html-check clean

## setup: virtual environment with the pinned Python packages, npm packages from the lock file
setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=23"
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# $(call apt_install,<shell test that succeeds when the tool is there>,<what is missing>,<Debian package>):
# installs the package with apt when the test fails and we run as root, else says how.
define apt_install
@if ! $(1); then \
  if [ "$$(id -u)" = 0 ]; then \
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(3) >/dev/null; \
  else \
    echo "$(2) fehlt: bitte 'apt-get install $(3)' als root ausführen." >&2; exit 1; \
  fi; \
fi
endef

## chromium: Debian's Chromium for the browser tests (installed with apt when missing and run as root)
chromium:
	$(call apt_install,[ -x "$(CHROMIUM)" ],Chromium,chromium)

## java: Debian's Java runtime for the W3C Nu HTML Checker (npm vnu-jar), like chromium above
java:
	$(call apt_install,command -v java >/dev/null,Java,default-jre-headless)

## poppler: Debian's poppler-utils, whose pdftotext reads back the printed role-play cards
poppler:
	$(call apt_install,command -v pdftotext >/dev/null,pdftotext,poppler-utils)

## serve: the site with live reload on $(HOST)
serve: setup
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST)

## build: the site into site/ (a failed build leaves the previous site/ untouched)
build: setup
	$(PY) -m bundler.safe_build site

## chapter: a new chapter's skeleton, e.g. make chapter ID=mein-kapitel PART=gespraeche
chapter: setup
	$(PY) -m bundler.new_chapter "$(ID)" "$(PART)"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

## pytest: the whole suite; pytest's exit code 5 (nothing collected) counts as a failure
pytest: setup chromium java poppler
	@status=0; $(BIN)/pytest --cov --cov-report=term $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: that is a failure here" >&2; exit 1; fi; \
	exit $$status

## test: lint, type check and the whole suite
test: lint typecheck pytest

## test-fast: lint, type check and the suite without Chromium and Pyodide (the inner loop)
test-fast: lint typecheck
	$(BIN)/pytest -m "not browser and not pyodide" $(PYTEST_ARGS)

## lighthouse: build, serve with brotli copies and print Lighthouse's four scores for every page
## (the median of three runs per page, RUNS=1 for a quicker look; PAGES="/ /rechner/" for some
## pages; the CPU slowdown is calibrated to this machine, CPU_SLOWDOWN=4 for Lighthouse's plain
## default)
RUNS ?= 3
CPU_SLOWDOWN ?=
lighthouse: setup chromium
	$(PY) -m benchmarks.lighthouse --runs $(RUNS) $(if $(CPU_SLOWDOWN),--cpu-slowdown $(CPU_SLOWDOWN)) $(PAGES)

## html-check: build and run the W3C Nu HTML Checker over every page (zero errors expected)
html-check: setup java
	$(PY) -m benchmarks.html_check

## bench: benchmarks with their baselines, measured in the same run
bench: setup chromium
	$(PY) -m benchmarks

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache .coverage
