# The user's entry point. Everything sets itself up in .venv on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
CORPUS ?= corpus
OUT    ?= extracted
WORKERS ?=
DASK   ?=
ARGS   ?=

.PHONY: extract test bench bench-scale schema samples clean setup

extract: $(VENV)/.installed
	$(PY) -m pipeline extract $(CORPUS) --out $(OUT) $(if $(WORKERS),--workers $(WORKERS)) $(if $(DASK),--dask $(DASK)) $(ARGS)

test: $(VENV)/.installed
	$(PY) -m pytest -q $(ARGS)

bench: $(VENV)/.installed
	$(PY) scripts/bench.py $(CORPUS) $(ARGS)

bench-scale: $(VENV)/.installed
	$(PY) scripts/bench_scale.py $(ARGS)

schema: $(VENV)/.installed
	$(PY) -m pipeline schema > docs/record.schema.json

samples: $(VENV)/.installed
	$(PY) scripts/make_samples.py

setup: $(VENV)/.installed

# Reinstalled when the declared dependencies change.
$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

clean:
	rm -rf $(VENV) build *.egg-info
