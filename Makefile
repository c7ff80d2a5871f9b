# Rasad — make targets. Everything runs inside .venv, created on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DEMO_DB ?= demo/rasad-demo.db
DEMO_INPUTS := demo/corpus/text demo/corpus/html demo/corpus/feed.jsonl demo/corpus/broken

.PHONY: install demo test bench bench-web bench-stories eval lint schema clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(VENV)/bin/rasad --db $(DEMO_DB) ingest $(DEMO_INPUTS)
	$(VENV)/bin/rasad --db $(DEMO_DB) timeline

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) bench/bench.py

bench-web: install
	$(PY) bench/bench_web.py

bench-stories: install
	$(PY) bench/bench_stories.py

eval: install
	$(PY) -m rasad.eval

lint: install
	$(VENV)/bin/ruff check src tests tools bench
	$(VENV)/bin/mypy src

schema: install
	$(PY) tools/make_schema.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache demo/*.db*
