"""``python -m db search members``: find members by part of a name, ID or phone number."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from db.cli.common import EXIT_OK, CliError, open_existing, say, write_table
from db.members.query import fetch_member_rows, search_member_keys
from db.members.types import MemberFilter, MemberRow, MemberSort
from db.thai.phone import ThaiPhoneError, format_phone

DEFAULT_LIMIT = 20


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("the limit must be at least 1")
    return value


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("search", help="search the database")
    targets = parser.add_subparsers(dest="target", metavar="WHAT", required=True)
    members = targets.add_parser(
        "members",
        help="members by part of a Thai name, nickname, organisation, position, ID or phone",
        description=(
            "Find live members whose name, nickname, organisation, position, national ID or"
            " phone contains every word of TEXT (Thai substrings work: no spaces needed)."
        ),
    )
    members.add_argument("--db", type=Path, required=True, metavar="PATH", help="database file")
    members.add_argument("text", nargs="+", metavar="TEXT", help="what to look for")
    members.add_argument(
        "--limit", type=positive, default=DEFAULT_LIMIT, metavar="N",
        help=f"show at most N members ({DEFAULT_LIMIT})",
    )
    members.add_argument("--json", action="store_true", help="print JSON instead of a table")
    members.set_defaults(run=run_members)


def _phone(row: MemberRow) -> str:
    try:
        return format_phone(row.phone) if row.phone else ""
    except ThaiPhoneError:
        return row.phone


def member_json(row: MemberRow) -> dict[str, str]:
    return {
        "id": row.id,
        "name": row.full_name,
        "organisation": row.organisation_name,
        "province": row.province_name,
        "position": row.position,
        "phone": row.phone,
    }


def run_members(args: argparse.Namespace) -> int:
    text = " ".join(args.text).strip()
    if not text:
        raise CliError("give some text to search for")
    database = open_existing(args.db, need_current_schema=True)
    try:
        with database.session() as session:
            keys = search_member_keys(session, filters=MemberFilter(text=text), sort=MemberSort())
            rows = fetch_member_rows(session, keys=keys[: args.limit])
    finally:
        database.dispose()
    if args.json:
        json.dump([member_json(row) for row in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    if not rows:
        say(f"no member matches {text!r}")
        return EXIT_OK
    write_table(
        ("Name", "Organisation", "Province", "Position", "Phone"),
        [
            (row.full_name, row.organisation_name, row.province_name, row.position, _phone(row))
            for row in rows
        ],
    )
    shown = len(rows)
    say(f"{len(keys):,} member(s) match; showing {shown:,}" if len(keys) > shown
        else f"{shown:,} member(s) match")
    return EXIT_OK
