"""``python -m db demo``: a database full of realistic synthetic Thai data."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.cli.common import EXIT_OK, CliError, Progress, require_khrueakhai_file, say
from db.demo import DemoError, DemoSummary, populate
from db.demo.populate import MAX_MEMBERS
from db.engine import Database, open_database


def member_count(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= MAX_MEMBERS:
        raise argparse.ArgumentTypeError(f"choose between 1 and {MAX_MEMBERS:,} members")
    return value


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "demo",
        help="create a database with synthetic Thai members, organisations, groups and dues",
        description=(
            "Fill a database (created if missing) with realistic synthetic data: about 7,850"
            " local administrative organisations over the 77 provinces at 100,000 members and"
            " more, members with valid national IDs, posts, strengths and PDPA consent, a"
            " national association with provincial clubs and committees, and three fiscal"
            " years of dues. The same seed gives the same data."
        ),
    )
    parser.add_argument("--db", type=Path, required=True, metavar="PATH", help="database file")
    parser.add_argument(
        "--members", type=member_count, required=True, metavar="N", help="how many members"
    )
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (1)")
    parser.add_argument(
        "--force", action="store_true",
        help="add demo data to a database that already has members (nothing is deleted)",
    )
    parser.set_defaults(run=run)


def _existing_members(database: Database) -> int:
    connection = database.raw_connection()
    try:
        return int(
            connection.execute("SELECT count(*) FROM member WHERE deleted_at IS NULL").fetchone()[0]
        )
    finally:
        connection.close()


def print_summary(path: Path, summary: DemoSummary) -> None:
    size_mb = path.stat().st_size / 1_000_000
    print(f"Demo data written to {path} (seed {summary.seed}):")
    for label, count in (
        ("members", summary.members),
        ("organisations", summary.organisations),
        ("groups", summary.groups),
        ("group memberships", summary.group_memberships),
        ("strengths", summary.strengths),
        ("dues payments", summary.dues_payments),
    ):
        print(f"  {label:<18} {count:>10,}")
    print(
        f"  {summary.seconds:.1f} s: inserting {summary.insert_seconds:.1f} s (members with"
        f" their search index {summary.member_insert_seconds:.1f} s), ANALYZE"
        f" {summary.analyze_seconds:.1f} s, commit {summary.commit_seconds:.1f} s; rows made in"
        f" {summary.generate_seconds:.1f} s alongside; file {size_mb:,.0f} MB"
    )


def run(args: argparse.Namespace) -> int:
    path: Path = args.db
    if path.exists() and not (path.is_file() and path.stat().st_size == 0):
        require_khrueakhai_file(path)  # never turn someone else's SQLite file into ours
    database = open_database(path)
    try:
        existing = _existing_members(database)
        if existing and not args.force:
            raise CliError(
                f"{path} already has {existing:,} members: nothing was written (use --force to"
                " add demo data to them, or choose a new file)"
            )
        say(f"Writing {args.members:,} demo members to {path} (seed {args.seed}) ...")
        try:
            summary = populate(
                database, members=args.members, seed=args.seed, progress=Progress("members")
            )
        except DemoError as error:
            raise CliError(f"demo data not written: {error}") from None
    finally:
        database.dispose()
    print_summary(path, summary)
    return EXIT_OK
