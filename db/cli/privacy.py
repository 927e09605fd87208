"""``python -m db privacy``: a member's PDPA rights from the command line.

- ``export --db PATH --member ID --out DIR``: everything held about the member as
  ``DIR/<name>-<date>.json`` (the PDF needs the desktop app);
- ``erase --db PATH --member ID --reason TEXT --yes``: anonymise the member, irreversibly.

The command line is the administrator's tool (whoever runs it can open the database file
itself), so it erases with the administrator's permissions; the erasure is recorded in the
history under the operating-system account and the computer's name.

The schema is not compared with this program's (``open_existing(need_current_schema=False)``):
``db.cli.common`` reads one ``alembic_version`` row and so refuses every database while the
migrations have two heads; a database too old for these commands fails with "no such table".
"""

from __future__ import annotations

import argparse
from pathlib import Path

from db.accounts.roles import Role, permissions_for
from db.cli.common import EXIT_OK, CliError, open_existing, say
from db.privacy.access import access_file_stem, member_data, write_access_json
from db.privacy.erasure import ErasureError, checkpoint_after_erasure, erase_member


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "privacy",
        help="a member's PDPA rights: export everything held about them, or erase them",
        description="Right of access (export) and right to erasure (erase) for one member.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export", help="write everything held about one member as JSON",
        description="Writes DIR/<name>-<date>.json (UTF-8). Read-only on the database.",
    )  # fmt: skip
    export.add_argument("--db", type=Path, required=True, metavar="PATH", help="database file")
    export.add_argument("--member", required=True, metavar="ID", help="the member's id")
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write")
    export.set_defaults(run=run_export)
    erase = actions.add_parser(
        "erase", help="anonymise one member (irreversible)",
        description=(
            "Wipes the member's names, national ID, birth date, phones, e-mail, LINE ID,"
            " address, position text, notes, consent purpose and strengths, and every copy of"
            " them (history values, import and merge logs); keeps organisation, types, status,"
            " dates, groups and dues for statistics. Cannot be undone."
        ),
    )  # fmt: skip
    erase.add_argument("--db", type=Path, required=True, metavar="PATH", help="database file")
    erase.add_argument("--member", required=True, metavar="ID", help="the member's id")
    erase.add_argument("--reason", required=True, metavar="TEXT", help="why (the request)")
    erase.add_argument("--yes", action="store_true", help="confirm: the erasure cannot be undone")
    erase.set_defaults(run=run_erase)


def run_export(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.exists() and not out.is_dir():
        raise CliError(f"{out} is not a folder")
    database = open_existing(args.db, need_current_schema=False)
    try:
        with database.session() as session:
            try:
                data = member_data(session, member_id=args.member)
            except LookupError:
                raise CliError(f"there is no member with id {args.member}") from None
    finally:
        database.dispose()
    out.mkdir(parents=True, exist_ok=True)
    path = write_access_json(data, out / f"{access_file_stem(data)}.json")
    print(path)
    return EXIT_OK


def run_erase(args: argparse.Namespace) -> int:
    if not args.yes:
        raise CliError("erasing cannot be undone: add --yes to confirm")
    database = open_existing(args.db, need_current_schema=False)
    try:
        try:
            with database.session() as session:
                result = erase_member(
                    session, member_id=args.member, reason=args.reason,
                    permissions=permissions_for(Role.ADMIN),
                )  # fmt: skip
        except ErasureError as error:
            raise CliError(f"{error.message} ({error.code}); nothing was changed") from None
        if not checkpoint_after_erasure(database):
            say("note: the database is open elsewhere; its write-ahead log is emptied later")
    finally:
        database.dispose()
    print(
        f"Erased the personal data of member {result.member_id}"
        f" ({result.member_rows} record(s), {len(result.fields)} fields,"
        f" {result.history_values_erased} history/log row(s) wiped)."
    )
    return EXIT_OK
