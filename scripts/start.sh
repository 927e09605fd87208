#!/usr/bin/env bash
# Set up what is missing (scripts/setup.sh), then start Khrueakhai:
#   bash scripts/start.sh [--demo] [--db PATH] [--lang th|en] [--self-check]
# --demo fills an empty database with demo members. Without a display (no DISPLAY or
# WAYLAND_DISPLAY, e.g. over ssh) the app runs on a virtual X server (xvfb-run), invisibly.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] \
    && command -v xvfb-run >/dev/null 2>&1; then
    echo "start: no display found; running on a virtual X server (xvfb-run), the window is" \
         "not visible. Set DISPLAY to see it; Ctrl+C stops it." >&2
    exec xvfb-run -a .venv/bin/python -m desktop "$@"
fi
exec .venv/bin/python -m desktop "$@"
