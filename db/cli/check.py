"""``python -m db check``: the database's integrity, as a readable report."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.check import CheckItem, check_database
from db.cli.common import EXIT_OK, EXIT_PROBLEMS, open_existing, pad

MARKS = {"ok": "ok", "warning": "WARNING", "error": "ERROR"}


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check",
        help="check the database's integrity (exit status 1 when a problem is found)",
        description=(
            "SQLite integrity and foreign keys, the search index against the live members,"
            " every member's organisation, the schema revision and this office's identity."
            " Read-only: nothing is repaired."
        ),
    )
    parser.add_argument("--db", type=Path, required=True, metavar="PATH", help="database file")
    parser.set_defaults(run=run)


def print_item(item: CheckItem) -> None:
    print(f"  {pad(MARKS[item.severity], 8)}{pad(item.title, 18)}{item.summary}"
          f"  ({item.seconds:.1f} s)", flush=True)
    for line in item.details:
        print(f"  {'':8}{'':18}- {line}")


def run(args: argparse.Namespace) -> int:
    database = open_existing(args.db, need_current_schema=False)
    try:
        print(f"Checking {args.db}", flush=True)
        report = check_database(database, on_item=print_item)
    finally:
        database.dispose()
    errors = [item for item in report.items if item.severity == "error"]
    warnings = [item for item in report.items if item.severity == "warning"]
    if errors:
        print(f"{len(errors)} of {len(report.items)} checks found problems"
              f" ({report.seconds:.1f} s).")
        return EXIT_PROBLEMS
    note = f", {len(warnings)} with warnings" if warnings else ""
    print(f"All {len(report.items)} checks passed{note} ({report.seconds:.1f} s).")
    return EXIT_OK
