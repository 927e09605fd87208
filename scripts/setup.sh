#!/usr/bin/env bash
# Set up everything Khrueakhai needs, installing only what is missing (safe to run again; the
# second run takes about a second):
#   1. Debian/Ubuntu packages: Qt's runtime libraries (offscreen and X11/xcb), Xvfb,
#      poppler-utils, and Python 3.11+ with venv if there is none;
#   2. a virtual environment at .venv/ in the project root;
#   3. the project with its dev extra (`pip install -e '.[dev]'`), again only when pyproject.toml
#      changed since the last install (a stamp in .venv holds its hash);
#   4. the translations (.ts -> .qm).
# As root it uses apt-get; as another user it uses `sudo -n` when allowed and otherwise says
# which packages to install. On a system without dpkg the package step is skipped.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
STAMP="$VENV/.khrueakhai-installed"
MIN_PY="3.11"

say() { printf 'setup: %s\n' "$*" >&2; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# One set-up at a time (start.sh and test.sh may run together).
if command -v flock >/dev/null 2>&1; then
    lock="${TMPDIR:-/tmp}/khrueakhai-setup-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1).lock"
    exec 9>"$lock"
    flock 9
fi

# Qt 6 needs these for the offscreen platform (tests, self-check) and for a real X display.
QT_PACKAGES=(
    libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0
    libdbus-1-3 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libx11-xcb1
)
TOOL_PACKAGES=(xvfb xauth poppler-utils)
# The tests also open exports in a real spreadsheet (LibreOffice Calc, about 300 MB): only
# `setup.sh --for-tests` (what scripts/test.sh runs) installs it, never the app's start.
if [ "${1:-}" = "--for-tests" ]; then
    TOOL_PACKAGES+=(libreoffice-calc)
fi

# --- Python ------------------------------------------------------------------------------------
py_ok() {  # $1: interpreter; true when it is Python >= 3.11
    "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' >/dev/null 2>&1
}

find_python() {  # prints the first Python >= 3.11 on PATH
    local candidate
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 && py_ok "$candidate"; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

venv_ok() { [ -x "$VENV/bin/python" ] && py_ok "$VENV/bin/python"; }

PYTHON=""
PY_PACKAGES=()
if ! venv_ok; then
    if PYTHON="$(find_python)"; then
        # Debian ships the venv module (with ensurepip) in a separate package.
        if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
            version="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
            PY_PACKAGES=("python$version-venv")
        fi
    else
        PY_PACKAGES=(python3 python3-venv)
    fi
fi

# --- System packages ---------------------------------------------------------------------------
installed() {  # $1: package; also accepts Ubuntu's 64-bit time_t renames (libglib2.0-0t64)
    local status
    status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" "$1t64" 2>/dev/null || true)"
    [[ "$status" == *ii* ]]
}

if command -v dpkg-query >/dev/null 2>&1; then
    missing=()
    for pkg in "${QT_PACKAGES[@]}" "${TOOL_PACKAGES[@]}" "${PY_PACKAGES[@]}"; do
        installed "$pkg" || missing+=("$pkg")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        if [ "$(id -u)" -eq 0 ]; then
            SUDO=()
        elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            SUDO=(sudo -n)
        else
            die "missing system packages: ${missing[*]}
  install them as root:  apt-get install -y ${missing[*]}"
        fi
        say "installing system packages: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        log="$(mktemp)"
        { "${SUDO[@]}" apt-get update -qq \
            && "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
            >"$log" 2>&1 || { cat "$log" >&2; die "apt-get could not install: ${missing[*]}"; }
        rm -f "$log"
    fi
elif [ "${#PY_PACKAGES[@]}" -gt 0 ]; then
    die "no Python >= $MIN_PY with the venv module found; install one and run this again"
fi

# --- Virtual environment -----------------------------------------------------------------------
if ! venv_ok; then
    PYTHON="$(find_python)" || die "Khrueakhai needs Python >= $MIN_PY, and none was found
  (python3 is $(python3 --version 2>&1 || echo 'missing')).
  On Ubuntu 22.04: apt-get install python3.11 python3.11-venv, then run this again."
    say "creating $VENV with $("$PYTHON" --version 2>&1)"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV" || die "could not create the virtual environment in $VENV"
    rm -f "$STAMP"
fi

want="$(sha256sum <"$ROOT/pyproject.toml" | cut -d' ' -f1)"
have="$(cat "$STAMP" 2>/dev/null || true)"
if [ "$want" != "$have" ]; then
    say "installing the project and its dependencies into .venv (pyproject.toml changed)"
    export PIP_DISABLE_PIP_VERSION_CHECK=1
    log="$(mktemp)"
    (cd "$ROOT" && "$VENV/bin/python" -m pip install -e '.[dev]') >"$log" 2>&1 \
        || { tail -n 40 "$log" >&2; die "pip install -e '.[dev]' failed (log: $log)"; }
    rm -f "$log"
    printf '%s\n' "$want" >"$STAMP"
fi

# --- Translations ------------------------------------------------------------------------------
LRELEASE="$VENV/bin/pyside6-lrelease"
for ts in "$ROOT"/resources/translations/*.ts; do
    [ -e "$ts" ] || continue
    qm="${ts%.ts}.qm"
    if [ ! -e "$qm" ] || [ "$ts" -nt "$qm" ]; then
        "$LRELEASE" -silent "$ts" -qm "$qm" || die "could not compile $ts"
    fi
done
