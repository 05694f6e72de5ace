#!/usr/bin/env bash
# The README's test command: install into .venv, lint, check the import contracts and the
# types (mypy: the domain strict, the console checked), run pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip >/dev/null
.venv/bin/pip install -q -e '.[test]'
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports
.venv/bin/mypy --strict data programme badges
.venv/bin/mypy console
.venv/bin/daihoi --help >/dev/null
.venv/bin/pytest -q -p no:cacheprovider "$@"
