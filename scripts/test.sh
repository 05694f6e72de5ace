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
# pytest-xdist: two workers per core, at most 8. Most of a Pilot test is Textual waiting for the
# app to go idle after each key (two 20 ms sleeps a key at least): with one worker per core the
# 2 cores were busy a third of the time; with two, the suite took 212 s instead of 305 s.
# `-n 0` after the command runs the suite in one process.
workers=$((2 * $(nproc 2>/dev/null || echo 1)))
if ((workers > 8)); then workers=8; fi
# The tests' files in RAM when /dev/shm has room (2 GB; a container's 64 MB has not): every
# SQLite commit is fsynced (synchronous=FULL), about 4 ms on a cloud disk, which was half the
# time of the data tests. A test never needs its files to outlive a power cut. A folder of this
# run's own, removed after, so runs side by side never share one.
tmp=${TMPDIR:-}
free_kb=$(df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 {print $4}' || true)
if [[ -z "$tmp" && -d /dev/shm && -w /dev/shm ]] && ((${free_kb:-0} > 2 * 1024 * 1024)); then
  tmp=$(mktemp -d /dev/shm/daihoi.XXXXXX)
  chmod 1777 "$tmp" # as /tmp: the read-only test reaches its folder as user nobody
  trap 'rm -rf "$tmp"' EXIT
fi
TMPDIR=${tmp:-/tmp} .venv/bin/pytest -q -p no:cacheprovider -n "$workers" "$@"
