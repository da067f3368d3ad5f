# allygraph: the two commands are `make up` (everything running, seed loaded) and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN := .run
# Addresses, ports and the API key come from the environment, then .env, then the defaults,
# as the API and scripts/neo4j read them (allygraph/firstrun.py), never fixed here.
FIRSTRUN = $(BIN)/python -m allygraph.firstrun
PYTEST_ARGS ?=
# Docker is used when an engine answers (users' machines); otherwise the local server.
DOCKER := $(shell docker info >/dev/null 2>&1 && echo yes || echo no)
APT := $(shell [ "$$(id -u)" = 0 ] && echo apt-get || (command -v sudo >/dev/null && echo sudo apt-get))

.PHONY: help up down test install system-deps neo4j-up neo4j-down schema load api-key api-up \
        api-down status lint format bench bench-quick clean

help:
	@echo "make up     set up everything, start Neo4j and the API, load data/articles"
	@echo "make test   the same set-up, then the whole test suite"
	@echo "make down   stop the API and Neo4j (data is kept)"
	@echo "make lint | format | bench | bench-quick | status | clean"

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev,bench]'
	touch $@

install: $(VENV)/.installed

# Debian packages the test suite drives: Chromium for Neo4j Browser, docker-compose to
# validate docker-compose.yml. Installed only when missing.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	[ -d /usr/share/fonts/opentype/noto ] || missing="$$missing fonts-noto-cjk"; \
	command -v docker-compose >/dev/null || missing="$$missing docker-compose"; \
	command -v curl >/dev/null || missing="$$missing curl"; \
	if [ -n "$$missing" ]; then \
	  if [ -z "$(APT)" ]; then echo "please install:$$missing" >&2; exit 1; fi; \
	  echo "installing$$missing"; \
	  $(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

neo4j-up: install
ifeq ($(DOCKER),yes)
	docker compose up -d --wait neo4j
else
	ALLYGRAPH_API_PUBLIC_URL="$${ALLYGRAPH_API_PUBLIC_URL:-$$($(FIRSTRUN) public-url)}" scripts/neo4j start
endif

neo4j-down:
ifeq ($(DOCKER),yes)
	docker compose stop
else
	scripts/neo4j stop
	ALLYGRAPH_NEO4J_HOME=$(CURDIR)/.neo4j-test NEO4J_BOLT_PORT=7688 NEO4J_HTTP_PORT=7475 scripts/neo4j stop
endif

schema: install
	$(BIN)/allygraph schema

load: install
	$(BIN)/allygraph load data/articles data/demo

# An API key into .env when none is set (printed once), so ingest works from the first run.
api-key: install
	@$(FIRSTRUN) ensure-key

api-up: install
	@mkdir -p $(RUN)
	@addr="$$($(FIRSTRUN) address)"; read -r host port public <<<"$$addr"; \
	if [ -f $(RUN)/api.pid ] && kill -0 $$(cat $(RUN)/api.pid) 2>/dev/null; then \
	  echo "API already running (pid $$(cat $(RUN)/api.pid))"; \
	else \
	  API_PUBLIC_URL="$$public" nohup $(BIN)/allygraph serve --host "$$host" --port "$$port" >$(RUN)/api.log 2>&1 & \
	  echo $$! >$(RUN)/api.pid; \
	fi
	@addr="$$($(FIRSTRUN) address)"; read -r host port public <<<"$$addr"; \
	case "$$host" in 0.0.0.0|::|'') host=127.0.0.1;; *:*) host="[$$host]";; esac; \
	for i in $$(seq 1 60); do \
	  curl -fs -o /dev/null "http://$$host:$$port/health" && exit 0; \
	  kill -0 $$(cat $(RUN)/api.pid) 2>/dev/null || { tail -20 $(RUN)/api.log; exit 1; }; \
	  sleep 0.5; \
	done; echo "API did not answer /health" >&2; tail -20 $(RUN)/api.log; exit 1

api-down:
	@if [ -f $(RUN)/api.pid ]; then kill $$(cat $(RUN)/api.pid) 2>/dev/null || true; rm -f $(RUN)/api.pid; echo "API stopped"; fi

up: install api-key neo4j-up schema load api-up
	@$(FIRSTRUN) banner $(if $(filter yes,$(DOCKER)),--docker)

down: api-down neo4j-down

test: up system-deps
	$(BIN)/pytest $(PYTEST_ARGS)

status:
	-scripts/neo4j status
	-addr="$$($(FIRSTRUN) address)" && read -r host port public <<<"$$addr" && curl -fsS "http://$$host:$$port/health"; echo

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy allygraph loaders service bench

format:
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python -m bench run

bench-quick: install
	$(BIN)/python -m bench run --quick

clean: down
	rm -rf $(VENV) $(RUN) .neo4j-test
