# The two commands: `make up` (set up everything and run the main job) and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: up setup test lint
up: setup
	$(VENV)/bin/soilkg serve --host $(HOST) --port $(PORT)

setup:
	bash .ci/setup

test: setup
	$(PY) -m pytest

lint:
	$(VENV)/bin/ruff check soilkg tests bench server
	$(VENV)/bin/mypy soilkg tests
