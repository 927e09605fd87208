"""The admin command line, ``python -m db`` (console script ``khrueakhai-admin``).

Each command is a module with ``add_parser`` and a ``run(args) -> exit status``. Problems the
user can fix (a missing file, a file that is not a Khrueakhai database, bad arguments) are
reported in one plain sentence on stderr with a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence

from db.cli import backup, check, demo, exporting, importing, privacy, search
from db.cli.common import EXIT_CANCELLED, EXIT_ERROR, CliError, say

PROGRAM = "python -m db"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        description="Khrueakhai admin commands: demo data, search and integrity check.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    demo.add_parser(commands)
    search.add_parser(commands)
    check.add_parser(commands)
    importing.add_parser(commands)
    exporting.add_parser(commands)
    backup.add_parser(commands)
    privacy.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 1 problems found, 2 error, 130 Ctrl+C)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help (0) or a usage error (2, already explained)
        return int(exit_.code or 0)
    try:
        return int(args.run(args))
    except CliError as error:
        say(f"{PROGRAM} {args.command}: error: {error}")
        return error.exit_code
    except KeyboardInterrupt:
        say(f"{PROGRAM} {args.command}: cancelled; nothing was written")
        return EXIT_CANCELLED
    except (OSError, sqlite3.Error) as error:
        say(f"{PROGRAM} {args.command}: error: {error}")
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
