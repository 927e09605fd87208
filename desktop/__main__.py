"""``python -m desktop [--db PATH] [--demo] [--lang th|en] [--self-check]``: start Khrueakhai."""

from __future__ import annotations

import multiprocessing
import sys

from desktop.app import run


def main() -> None:
    multiprocessing.freeze_support()  # a packaged app's child processes (db.io.sheet_process)
    sys.exit(run(sys.argv))


if __name__ == "__main__":
    main()
