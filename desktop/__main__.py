"""``python -m desktop [--db PATH] [--demo] [--lang th|en] [--self-check]``: start Khrueakhai."""

from __future__ import annotations

import multiprocessing
import sys


def main() -> None:
    # First: a packaged app's child processes (db.io.sheet_process) start here and must not
    # load the interface; the app is imported after, so a child of `python -m desktop` (which
    # imports this module again) does not load Qt either.
    multiprocessing.freeze_support()
    from desktop.app import run

    sys.exit(run(sys.argv))


if __name__ == "__main__":
    main()
