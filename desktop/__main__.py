"""``python -m desktop [--db PATH] [--demo] [--lang th|en] [--self-check]``: start Khrueakhai."""

from __future__ import annotations

import sys

from desktop.app import run


def main() -> None:
    sys.exit(run(sys.argv))


if __name__ == "__main__":
    main()
