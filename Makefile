# The README's commands. `make` lists the targets.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.DEFAULT_GOAL := help
.PHONY: help report test lab benchmarks

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

$(VENV)/.installed-%: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[$*]"
	touch $@

$(VENV)/.installed-base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

report: $(VENV)/.installed-base ## install, then write the Kazakhstan–UK 2022→2023 report into reports/
	$(PY) -m analysis report $(ARGS)

test: $(VENV)/.installed-test ## install, then run every test (package, notebooks with nbval, browser)
	$(PY) -m pytest

lab: $(VENV)/.installed-lab ## install JupyterLab too, then open the notebooks
	$(PY) -m jupyter lab notebooks --no-browser --ip 127.0.0.1 $(if $(filter 0,$(shell id -u)),--allow-root)

benchmarks: $(VENV)/.installed-test ## run the speed and memory benchmarks (slow; not part of the tests)
	$(PY) benchmarks/report_speed.py
	$(PY) benchmarks/bulk_read.py
