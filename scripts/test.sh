#!/usr/bin/env bash
# Set up what is missing (scripts/setup.sh), lint with ruff, then run the test suite offscreen:
#   bash scripts/test.sh [pytest arguments]
# The default suite leaves out tests marked `slow` (pyproject addopts); run those with
#   bash scripts/test.sh -m slow tests/benchmarks
# Fails on lint errors, on failing tests, and when no test was collected (pytest exit 5).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh" --for-tests
cd "$ROOT"

.venv/bin/ruff check --quiet --no-cache . || { echo "test: ruff found lint errors (above)" >&2; exit 1; }

status=0
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@" </dev/null || status=$?
if [ "$status" -eq 5 ]; then
    echo "test: pytest collected no tests; that counts as a failure" >&2
    exit 1
fi
exit "$status"
