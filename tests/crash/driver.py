"""The child process the crash tests kill: one kind of work against a database, reporting on
stdout only what has been committed.

    python -m tests.crash.driver edit --db PATH --seed N
    python -m tests.crash.driver import --db PATH --file SHEET.csv
    python -m tests.crash.driver merge --db PATH --pairs PAIRS.json

Every kind prints ``ready`` (flushed) once its imports and set-up are done, so the parent's
random delay starts when the work does. Then:

- ``edit``: member edits through :func:`db.members.edit.save_member`, one transaction each, for
  ever. Before each it prints ``saving <id> <field> <value>``; only after the commit returned
  ``saved <id> <field> <value>``. (The value is ASCII and space-free, so a line splits cleanly.)
- ``import``: one :func:`db.io.import_members.import_members` of the sheet, then
  ``imported <count>``.
- ``merge``: each pair of the JSON list ``[[survivor_id, merged_id], ...]`` merged through
  :func:`db.merge.merge_members` in its own transaction, then ``merged <survivor> <merged>``.

The backup kind needs no driver: the tests kill ``python -m db backup`` itself.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
from pathlib import Path

from db.engine import Database, open_database

# The fields an edit changes, each with how a new value is made from a counter.
EDIT_FIELDS = ("notes", "nickname", "line_id", "email")


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _value(field: str, number: int, seed: int) -> str:
    token = f"c{seed}x{number}"
    if field == "email":
        return f"{token}@example.com"
    return token


def run_edits(database: Database, *, seed: int) -> None:
    from db.members.edit import save_member
    from db.members.profile import get_member

    with database.session() as session:
        ids = [
            member_id
            for (member_id,) in session.connection().exec_driver_sql(
                "SELECT id FROM member WHERE deleted_at IS NULL ORDER BY rowid LIMIT 200"
            )
        ]
    chooser = random.Random(seed)
    _say("ready")
    number = 0
    while True:
        number += 1
        member_id = chooser.choice(ids)
        field = chooser.choice(EDIT_FIELDS)
        value = _value(field, number, seed)
        _say(f"saving {member_id} {field} {value}")
        with database.session() as session:
            data = get_member(session, member_id=member_id).data
            save_member(session, data=dataclasses.replace(data, **{field: value}))
        _say(f"saved {member_id} {field} {value}")


def run_import(database: Database, *, sheet: Path) -> None:
    from db.io.import_members import import_members

    _say("ready")
    report = import_members(database, path=sheet, on_duplicate="new")
    _say(f"imported {report.imported}")


def run_merges(database: Database, *, pairs_file: Path) -> None:
    from db.merge import merge_members

    pairs = json.loads(pairs_file.read_text(encoding="utf-8"))
    _say("ready")
    for survivor_id, merged_id in pairs:
        with database.session() as session:
            merge_members(session, survivor_id=survivor_id, merged_id=merged_id, field_choices={})
        _say(f"merged {survivor_id} {merged_id}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.crash.driver")
    parser.add_argument("kind", choices=("edit", "import", "merge"))
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--file", type=Path)
    parser.add_argument("--pairs", type=Path)
    args = parser.parse_args(argv)
    database = open_database(args.db)
    try:
        if args.kind == "edit":
            run_edits(database, seed=args.seed)
        elif args.kind == "import":
            run_import(database, sheet=args.file)
        else:
            run_merges(database, pairs_file=args.pairs)
    finally:
        database.dispose()
    _say("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
