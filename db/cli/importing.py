"""``python -m db import members``: members from an .xlsx/.xls/.ods/.csv sheet, all or nothing;
``python -m db import undo``: take an import back."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from db.cli.common import EXIT_OK, CliError, Progress, open_existing, say
from db.engine import Database
from db.io.import_members import DUPLICATE_POLICIES, ImportCancelled, import_members
from db.io.import_report import ImportReport, write_error_report
from db.io.readers import ImportFileError, list_sheets, read_table
from db.io.undo_import import UndoImportError, undo_import


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("import", help="import members from a spreadsheet or CSV file")
    targets = parser.add_subparsers(dest="target", metavar="WHAT", required=True)
    members = targets.add_parser(
        "members",
        help="members from .xlsx, .xls, .ods or .csv (UTF-8, UTF-8 with BOM or TIS-620)",
        description=(
            "Import members from FILE in one transaction (all or nothing). The header row is"
            " found under any title rows and the columns are mapped from their Thai or English"
            " names (or the mapping saved for this layout). Rows with problems are rejected and"
            " listed in the report; the others are imported. Exit status 0 even when rows were"
            " rejected: read the report."
        ),
    )
    members.add_argument("file", type=Path, metavar="FILE", help="the sheet to import")
    members.add_argument("--db", type=Path, required=True, metavar="PATH", help="database file")
    members.add_argument("--sheet", metavar="NAME", help="the sheet to read (default: guessed)")
    members.add_argument(
        "--dry-run", action="store_true", help="check everything and write nothing"
    )
    members.add_argument(
        "--on-duplicate", choices=DUPLICATE_POLICIES, default="skip",
        help="what to do with members already in the register (default: skip)",
    )  # fmt: skip
    members.add_argument(
        "--report", type=Path, required=True, metavar="REPORT.json",
        help="write the report (counts, errors, warnings, duplicates) here as JSON",
    )  # fmt: skip
    members.add_argument(
        "--errors-xlsx", type=Path, metavar="OUT.xlsx",
        help="write the rejected rows with a reason column here, to fix and import again",
    )  # fmt: skip
    members.set_defaults(run=run_members)

    undo = targets.add_parser(
        "undo",
        help="undo an import (created members deleted, updated ones restored)",
        description=(
            "Undo the import RUN_ID (printed by 'import members' and kept in its report):"
            " members it created are deleted (restorable), members it updated get their old"
            " values back. Refused when members were changed after the import, unless"
            " --keep-changed, which leaves those members as they are."
        ),
    )
    undo.add_argument("run_id", metavar="RUN_ID", help="the import's run id")
    undo.add_argument("--db", type=Path, required=True, metavar="PATH", help="database file")
    undo.add_argument(
        "--keep-changed", action="store_true",
        help="undo the rest and leave members changed since the import as they are",
    )  # fmt: skip
    undo.set_defaults(run=run_undo)


def _check_output(path: Path, what: str) -> None:
    if path.exists() and path.is_dir():
        raise CliError(f"{path} is a folder: give a file name for the {what}")
    if not path.parent.exists():
        raise CliError(f"the folder {path.parent} does not exist (for the {what})")


def _check_sheet(path: Path, sheet: str | None) -> None:
    """ImportFileError for a file that cannot be imported, or a ``--sheet`` it does not have,
    before the backup (at national scale a backup is hundreds of MB, too much for a typo)."""
    sheets = list_sheets(path)  # the visible sheets ([""]: a CSV file, which has no sheets)
    if sheet is None or sheets == [""] or sheet in sheets:
        return
    # Not a visible sheet: a hidden one may still be named, a missing one is refused here.
    read_table(path, sheet=sheet, max_rows=1)


def _backup_before_import(database: Database) -> None:
    from db.backup import REASON_BEFORE_IMPORT, BackupError, backup_before

    try:
        info = backup_before(database, reason=REASON_BEFORE_IMPORT)
    except BackupError as error:
        raise CliError(f"the backup before the import failed: {error.message}; nothing was"
                       " imported") from None  # fmt: skip
    if info is not None:
        say(f"Backed up to {info.path}")


def print_summary(report: ImportReport) -> None:
    what = "Dry run (nothing written)" if report.dry_run else "Imported"
    sheet = f", sheet {report.sheet!r}" if report.sheet else ""
    print(f"{what}: {report.file_name}{sheet}, header on row {report.header_row}")
    for label, count in (
        ("rows read", report.rows),
        ("imported", report.imported),
        ("updated", report.updated),
        ("skipped", report.skipped),
        ("rejected", report.rejected),
        ("warnings", len(report.warnings)),
        ("duplicates", len(report.duplicates)),
    ):
        print(f"  {label:<11} {count:>9,}")
    codes: dict[str, int] = {}
    for error in report.errors:
        codes[str(error["code"])] = codes.get(str(error["code"]), 0) + 1
    for code, count in sorted(codes.items(), key=lambda item: -item[1]):
        print(f"  {count:>9,} x {code}")
    if report.run_id:
        print(f"  run id {report.run_id} (undo: python -m db import undo {report.run_id} --db ...)")
    print(f"  {report.seconds:.1f} s")


def run_members(args: argparse.Namespace) -> int:
    _check_output(args.report, "report")
    if args.errors_xlsx is not None:
        _check_output(args.errors_xlsx, "error report")
        if args.errors_xlsx.suffix.lower() != ".xlsx":
            raise CliError(f"the error report must be an .xlsx file, not {args.errors_xlsx.name}")
    if not args.file.exists():
        raise CliError(f"no file at {args.file}")
    database = open_existing(args.db, need_current_schema=True)
    try:
        if not args.dry_run:
            _check_sheet(args.file, args.sheet)  # refused before a backup, not after
            _backup_before_import(database)
        say(f"Importing {args.file} into {args.db} ...")
        report = import_members(
            database, path=args.file, sheet=args.sheet, on_duplicate=args.on_duplicate,
            dry_run=args.dry_run, progress=Progress("rows"),
        )  # fmt: skip
    except ImportFileError as error:
        raise CliError(f"{error.message} [{error.code}]; nothing was written") from None
    except ImportCancelled:
        raise CliError("cancelled; nothing was written") from None
    finally:
        database.dispose()
    args.report.write_text(report.to_json(indent=2) + "\n", encoding="utf-8")
    if args.errors_xlsx is not None and report.rejected:
        written = write_error_report(report, args.file, args.errors_xlsx)
        say(f"{written:,} rejected row(s) written to {args.errors_xlsx}")
    print_summary(report)
    return EXIT_OK


def run_undo(args: argparse.Namespace) -> int:
    database = open_existing(args.db, need_current_schema=True)
    try:
        summary = undo_import(database, run_id=args.run_id, keep_changed=args.keep_changed)
    except UndoImportError as error:
        detail = ""
        if error.member_ids:
            shown = ", ".join(error.member_ids[:5])
            more = f" and {len(error.member_ids) - 5} more" if len(error.member_ids) > 5 else ""
            detail = f" (members {shown}{more}; --keep-changed undoes the rest)"
        raise CliError(f"{error.message}{detail} [{error.code}]") from None
    finally:
        database.dispose()
    print(json.dumps({
        "run_id": summary.run_id, "deleted": summary.deleted, "restored": summary.restored,
        "kept_changed": list(summary.kept_changed),
        "organisations_deleted": summary.organisations_deleted,
        "groups_deleted": summary.groups_deleted,
    }, ensure_ascii=False, indent=2))  # fmt: skip
    return EXIT_OK
