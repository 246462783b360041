# The user's entry point. Everything sets itself up in .venv on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
CORPUS ?= corpus
OUT    ?= extracted
WORKERS ?=
DASK   ?=
ARGS   ?=

.PHONY: extract test test-deps bench bench-scale bench-rerun schema samples clean setup ocr-deps dask-scheduler dask-worker bytecode

extract: $(VENV)/.installed ocr-deps bytecode
	$(PY) -m pipeline extract $(CORPUS) --out $(OUT) $(if $(WORKERS),--workers $(WORKERS)) $(if $(DASK),--dask $(DASK)) $(ARGS)

# The static viewer of OUT's records, under OUT/site (opens from disk): make browse OUT=dir
browse: $(VENV)/.installed
	$(PY) -m pipeline browse --out $(OUT) $(ARGS)

# Datasette on OUT/directives.db, on 127.0.0.1 (PORT=8001): tables as JSON over HTTP, faceted browsing
PORT ?= 8001
serve: $(VENV)/.installed
	$(PY) -m pipeline serve --out $(OUT) --port $(PORT) $(ARGS)

# A Dask cluster of the pipeline's own: `make dask-scheduler` on one host, then on each worker
# host (same checkout, inputs and output on a shared folder) `make dask-worker SCHEDULER=tcp://host:8786`.
# Workers (NWORKERS=-1: one per core) run one document per process, without Dask's task profiler, and
# every process checks its event loop and memory every second or two (DASK_ENV: pipeline/batch/cluster.py's
# WORKER_CONFIG, which tests/test_scale.py holds this line to).
SCHEDULER ?= tcp://127.0.0.1:8786
NWORKERS  ?= -1
DASK_ENV = DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL=1s DASK_DISTRIBUTED__ADMIN__SYSTEM_MONITOR__INTERVAL=2s DASK_DISTRIBUTED__WORKER__MEMORY__MONITOR_INTERVAL=1s
dask-scheduler: $(VENV)/.installed
	$(DASK_ENV) $(VENV)/bin/dask scheduler $(ARGS)

dask-worker: $(VENV)/.installed ocr-deps bytecode
	$(DASK_ENV) $(VENV)/bin/dask worker $(SCHEDULER) \
	    --nworkers $(NWORKERS) --nthreads 1 $(ARGS)

test: $(VENV)/.installed ocr-deps test-deps
	$(PY) -m pytest -q $(ARGS)

# What the tests use beyond OCR: a headless browser for the viewer's test and DejaVu fonts for the
# PDFs they draw. Installed where apt-get can run (as root), as for OCR; elsewhere those tests skip
# and say what to install.
test-deps:
	@if command -v chromedriver >/dev/null 2>&1 && { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; } \
	  && [ -d /usr/share/fonts/truetype/dejavu ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    chromium chromium-driver fonts-dejavu-core >/dev/null; \
	else echo "note: the viewer's browser test needs chromium and chromium-driver (apt-get install chromium chromium-driver)." >&2; fi

bench: $(VENV)/.installed bytecode
	$(PY) scripts/bench.py $(CORPUS) $(ARGS)

bench-scale: $(VENV)/.installed bytecode
	$(PY) scripts/bench_scale.py $(ARGS)

bench-rerun: $(VENV)/.installed bytecode
	$(PY) scripts/bench_rerun.py $(ARGS)

schema: $(VENV)/.installed
	$(PY) -m pipeline schema > docs/record.schema.json

samples: $(VENV)/.installed
	$(PY) scripts/make_samples.py

setup: $(VENV)/.installed ocr-deps bytecode

# The package's byte code, written ahead (30 ms when current): where Python is told not to write it
# (PYTHONDONTWRITEBYTECODE, as on CI machines), every process of every run compiled the pipeline's
# modules again, 0.1 s each for the command and its worker.
bytecode: $(VENV)/.installed
	@$(PY) -m compileall -q pipeline >/dev/null

# Scanned PDFs need Tesseract with its Vietnamese model, from the system's packages. Installed
# where apt-get can run (as root); elsewhere a note says what to install, and scans are reported
# as unreadable until it is.
ocr-deps:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie >/dev/null; \
	else echo "note: scanned PDFs need Tesseract with Vietnamese: apt-get install tesseract-ocr tesseract-ocr-vie (Debian/Ubuntu), brew install tesseract tesseract-lang (macOS), dnf install tesseract tesseract-langpack-vie (Fedora)." >&2; fi

# Reinstalled when the declared dependencies change.
$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

clean:
	rm -rf $(VENV) build *.egg-info
