# Two commands: `make run` and `make test`. Both create the virtualenv and install pinned dependencies first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run sync test format clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev,bench]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m bot run $(ARGS)

sync: $(STAMP)
	$(PY) -m bot sync $(ARGS)

test: $(STAMP)
	$(VENV)/bin/ruff check bot tests
	$(VENV)/bin/ruff format --check bot tests
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest $(PYTEST_ARGS)

format: $(STAMP)
	$(VENV)/bin/ruff check --fix bot tests
	$(VENV)/bin/ruff format bot tests

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
