#!/usr/bin/env bash
# The whole test suite from a fresh clone: set-up, lint, tests. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo "== ruff"
.venv/bin/ruff check .
echo "== pytest"
# Tests run on every core (at most four: each worker loads the eleven lexicons); "-n 0" runs them in one process.
exec .venv/bin/python -m pytest -n auto --maxprocesses 4 "$@"
