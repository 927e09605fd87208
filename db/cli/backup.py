"""``python -m db backup`` and ``python -m db restore``: backups from the command line.

Exit status: 0 done; 2 the command cannot run (missing file, not a database, a folder that
cannot be written); 4 the database or backup is damaged; 5 the backup was made by a newer
program; 6 the database is in use by another program; 130 cancelled (Ctrl+C, nothing written).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from db.backup import (
    REASON_MANUAL,
    BackupError,
    BackupInfo,
    backup_database_file,
    backup_now,
    backup_to_file,
    ensure_not_in_use,
    list_backups,
    prune_backups,
    read_backup_settings,
    record_backup,
    restore_backup,
)
from db.cli.common import (
    EXIT_CANCELLED,
    EXIT_ERROR,
    EXIT_OK,
    CliError,
    Progress,
    require_khrueakhai_file,
    say,
    write_table,
)
from db.engine import Database, create_db_engine

EXIT_DAMAGED = 4
EXIT_NEWER_SCHEMA = 5
EXIT_IN_USE = 6
EXIT_CODES = {"damaged": EXIT_DAMAGED, "newer_schema": EXIT_NEWER_SCHEMA,
              "in_use": EXIT_IN_USE, "cancelled": EXIT_CANCELLED}  # fmt: skip
EPILOG = (
    "exit status: 0 done, 2 cannot run (missing file, not a database, bad folder), 4 damaged,"
    " 5 made by a newer program, 6 database in use, 130 cancelled"
)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = commands.add_parser(
        "backup",
        help="back up a database (SQLite online backup: safe while the app is running)",
        description=(
            "Back up the database PATH: into FILE (--out), or into a folder with a name that"
            " sorts by time, then rotate that folder (7 daily, 4 weekly, 12 monthly unless the"
            " database's settings say otherwise). Without --out or --folder the backup goes"
            " into the folder of the database's settings; when they name none, the app's own"
            " register is backed up into the user's data folder and any other database into"
            " a folder beside it named for it (PATH without .sqlite, plus -backups)."
            " --list shows the folder's backups."
        ),
        epilog=EPILOG,
    )
    backup.add_argument("--db", type=Path, required=True, metavar="PATH", help="database file")
    where = backup.add_mutually_exclusive_group()
    where.add_argument("--out", type=Path, metavar="FILE", help="write the backup to FILE")
    where.add_argument("--folder", type=Path, metavar="DIR", help="a rotated backup in DIR")
    backup.add_argument("--list", action="store_true", help="list the backups in the folder")
    backup.add_argument(
        "--reason", default=REASON_MANUAL, metavar="WORD",
        help="why (in the file name; lowercase words joined by hyphens; default: manual)",
    )  # fmt: skip
    backup.set_defaults(run=run_backup)

    restore = commands.add_parser(
        "restore",
        help="replace a database with a backup (the current state is backed up first)",
        description=(
            "Replace the database PATH with the backup FILE. The backup is checked first"
            " (integrity_check, schema revision); the current database is backed up into the"
            " backup folder (reason before-restore), or moved aside as PATH.damaged-<time> when"
            " it is damaged; the restored database is upgraded to this program's schema. Close"
            " the app first."
        ),
        epilog=EPILOG,
    )
    restore.add_argument("--db", type=Path, required=True, metavar="PATH", help="database file")
    restore.add_argument(
        "--from", dest="source", type=Path, required=True, metavar="FILE", help="the backup"
    )
    restore.add_argument(
        "--folder", type=Path, metavar="DIR",
        help="where the backup of the current state goes (default: the database's folder"
        " setting)",
    )  # fmt: skip
    restore.set_defaults(run=run_restore)


def _error(error: BackupError) -> CliError:
    return CliError(
        f"{error.message} [{error.code}]", exit_code=EXIT_CODES.get(error.code, EXIT_ERROR)
    )


def _print_info(info: BackupInfo) -> None:
    local = info.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    check = {True: "ok", False: "DAMAGED", None: "not checked"}[info.integrity_ok]
    print(f"Backup {info.path}")
    print(f"  made       {local} ({info.reason})")
    print(f"  schema     {info.schema_revision}")
    print(f"  members    {info.counts.members:>9,}")
    print(f"  organisations {info.counts.organisations:>6,}")
    print(f"  groups     {info.counts.groups:>9,}")
    print(f"  dues       {info.counts.dues:>9,}")
    print(f"  size       {info.size / 1_048_576:>9,.1f} MiB")
    print(f"  integrity  {check}")


def run_backup(args: argparse.Namespace) -> int:
    settings = read_backup_settings(args.db)
    if args.list:
        folder = args.folder or settings.folder
        backups = list_backups(folder)
        if not backups:
            say(f"no backups in {folder}")
            return EXIT_OK
        write_table(
            ("made", "reason", "members", "size MiB", "integrity", "file"),
            [
                (
                    info.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                    info.reason,
                    f"{info.counts.members:,}",
                    f"{info.size / 1_048_576:,.1f}",
                    {True: "ok", False: "DAMAGED", None: "?"}[info.integrity_ok],
                    info.name,
                )
                for info in backups
            ],
        )
        return EXIT_OK
    require_khrueakhai_file(args.db)
    progress = Progress("pages")
    try:
        if args.out is not None:
            if args.out.exists():
                raise CliError(f"{args.out} exists already: choose a new file name")
            info = backup_to_file(args.db, out=args.out, reason=args.reason, progress=progress)
        elif args.folder is not None:
            info = backup_database_file(
                args.db, folder=args.folder, reason=args.reason, progress=progress
            )
            prune_backups(
                args.folder, keep_daily=settings.keep_daily, keep_weekly=settings.keep_weekly,
                keep_monthly=settings.keep_monthly,
            )  # fmt: skip
            if args.folder.resolve() == settings.folder.resolve():
                record_backup(args.db, at=info.created_at)
        else:
            database = Database(path=args.db, engine=create_db_engine(args.db))
            try:
                info = backup_now(database, reason=args.reason, progress=progress)
            finally:
                database.dispose()
    except BackupError as error:
        raise _error(error) from None
    _print_info(info)
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    folder = args.folder or read_backup_settings(args.db).folder
    try:
        ensure_not_in_use(args.db)
        say(f"Checking {args.source} ...")
        result = restore_backup(args.db, args.source, folder=folder, progress=Progress("pages"))
    except BackupError as error:
        raise _error(error) from None
    if result.safety_backup is not None:
        say(f"The database as it was is kept in {result.safety_backup.path}")
    if result.damaged_copy is not None:
        say(f"The damaged database was moved aside to {result.damaged_copy}")
    print(f"Restored {args.db} from {args.source} (schema {result.schema_revision},"
          f" {result.seconds:.1f} s)")  # fmt: skip
    _print_info(result.restored_from)
    return EXIT_OK
