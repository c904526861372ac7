# Two entry points a new user needs: `make site` and `make test`.
# Each installs what it needs (Python venv, lunr.js from npm, Chromium for the
# browser tests) and is safe to run again.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup site test browser serve clean messages

$(BIN)/gazette: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

setup: $(BIN)/gazette node_modules/.package-lock.json

site: setup
	$(BIN)/gazette build

serve: setup
	$(BIN)/gazette serve

browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }
	@fc-list :lang=zh 2>/dev/null | grep -q . || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq fonts-noto-cjk; }

test: setup browser
	$(BIN)/python -m pytest

# After adding or changing a CLI message: merge the code's messages into gazette.po (README: The command's language).
messages: $(BIN)/gazette
	$(BIN)/python scripts/messages.py

clean:
	rm -rf site .venv node_modules .gazette-cache
