# The README's commands. `make` lists the targets.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.DEFAULT_GOAL := help
.PHONY: help report test lab benchmarks

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(VENV)/.installed-%: pyproject.toml
	@echo "Installing the package and its [$*] tools into $(VENV) (about a minute on a fresh machine)"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --progress-bar on -e ".[$*]"
	touch $@

$(VENV)/.installed-base: pyproject.toml
	@echo "Installing the package into $(VENV) (about a minute on a fresh machine)"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --progress-bar on -e .
	touch $@

report: $(VENV)/.installed-base ## install, then write the Kazakhstan–UK 2022→2023 report into reports/
	$(PY) -m analysis report $(ARGS)

test: $(VENV)/.installed-test ## install, then lint (ruff) and run every test (package, notebooks with nbval, browser)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest

lab: $(VENV)/.installed-lab ## install JupyterLab too, then open the notebooks
	$(PY) -m jupyter lab notebooks --no-browser --ip 127.0.0.1 $(if $(filter 0,$(shell id -u)),--allow-root)

benchmarks: $(VENV)/.installed-test ## run the speed and memory benchmarks (slow; not part of the tests)
	$(PY) benchmarks/report_speed.py
	$(PY) benchmarks/batch_speed.py
	$(PY) benchmarks/check_speed.py
	$(PY) benchmarks/reconcile_speed.py
	$(PY) benchmarks/bulk_read.py
