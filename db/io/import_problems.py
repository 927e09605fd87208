"""An import's problems row by row, for a screen that lists them after the import.

:func:`list_problems` turns an :class:`ImportReport` into one :class:`ImportProblem` per error,
warning and duplicate, in the order of the sheet's rows, each with the cell the problem is about
as the file holds it (read from the sheet the import read, so a secretary sees *what* was
wrong, not only why). :func:`import_and_list_problems` runs an import and lists its problems
while the sheet it read is still at hand.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from db.engine import Database
from db.io.headers import detect_header, header_score
from db.io.import_members import import_members
from db.io.import_report import ImportReport
from db.io.normalise import cell_to_text
from db.io.readers import ImportFileError, SheetTable, TableCache, read_table
from db.members._sql import dbapi

ProblemKind = Literal["error", "warning", "duplicate"]
KIND_ORDER: dict[str, int] = {"error": 0, "warning": 1, "duplicate": 2}
NAMES_PER_QUERY = 900
MAX_PROBLEMS = 100_000  # listed; the report (and the error report file) keeps every one
MAX_VALUE_LENGTH = 200  # characters of a cell shown


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One problem of one row. ``code`` is the issue code (errors, warnings) or the duplicate's
    reason (``same_national_id`` ...); ``message`` the English explanation (the interface
    translates by code, detail and args: db.io.issue_texts); ``value`` the cell concerned as the
    file holds it ("" if unknown)."""

    row: int  # as the spreadsheet shows it
    kind: ProblemKind
    column: str  # the header of the column concerned ("" for the whole row)
    code: str
    message: str
    value: str = ""
    detail: str = ""  # errors, warnings: which case of the code (RowIssue.detail)
    args: dict[str, str] | None = None  # the values the message names (RowIssue.args)
    existing_member_id: str | None = None  # duplicates of a registered member
    existing_name: str = ""  # ... and that member's name, when looked up
    duplicate_of_row: int | None = None  # duplicates of an earlier row of the file
    action: str = ""  # duplicates: skipped, updated, unchanged, imported, rejected
    changed: tuple[str, ...] = ()  # updated: the fields it changed (strengths, groups too)


@dataclass(frozen=True, slots=True)
class ProblemList:
    problems: list[ImportProblem]
    total: int  # problems in the report (more than listed when over MAX_PROBLEMS)


def _cells(table: SheetTable | None, header_row: int) -> tuple[dict[str, int], list[Any]]:
    """Header name -> column index (the first column of that name), and the sheet's rows."""
    if table is None or not 1 <= header_row <= len(table.rows):
        return {}, []
    names = detect_header(table, header_row=header_row).names
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        if name:
            columns.setdefault(name, index)
    return columns, table.rows


def _value(rows: list[Any], columns: dict[str, int], row: int, column: str) -> str:
    index = columns.get(column)
    if index is None or not 1 <= row <= len(rows):
        return ""
    cells = rows[row - 1]
    if index >= len(cells):
        return ""
    text = cell_to_text(cells[index])
    if len(text) > MAX_VALUE_LENGTH:
        text = text[: MAX_VALUE_LENGTH - 1] + "…"
    return text


def list_problems(
    report: ImportReport, table: SheetTable | None = None, *, limit: int = MAX_PROBLEMS
) -> ProblemList:
    """The report's problems in row order (errors, then warnings, then duplicates within a
    row), the first ``limit`` of them; cells from ``table`` (the sheet the import read)."""
    columns, rows = _cells(table, report.header_row)
    found: list[ImportProblem] = []
    for kind, issues in (("error", report.errors), ("warning", report.warnings)):
        for issue in issues:
            row, column = int(issue["row"]), str(issue.get("column") or "")  # type: ignore[call-overload]
            args = issue.get("args")
            found.append(ImportProblem(
                row=row, kind=kind, column=column, code=str(issue["code"]),  # type: ignore[arg-type]
                message=str(issue.get("message") or ""), value=_value(rows, columns, row, column),
                detail=str(issue.get("detail") or ""),
                args={str(k): str(v) for k, v in args.items()} if isinstance(args, dict) else None,
            ))  # fmt: skip
    for duplicate in report.duplicates:
        earlier = duplicate.get("duplicate_of_row")
        existing = duplicate.get("existing_member_id")
        found.append(ImportProblem(
            row=int(duplicate["row"]), kind="duplicate", column="",  # type: ignore[call-overload]
            code=str(duplicate.get("reason") or ""), message=str(duplicate.get("reason") or ""),
            existing_member_id=str(existing) if existing else None,
            duplicate_of_row=int(earlier) if earlier is not None else None,  # type: ignore[call-overload]
            action=str(duplicate.get("action") or ""),
            changed=tuple(str(f) for f in duplicate.get("changed") or ()),  # type: ignore[union-attr]
        ))  # fmt: skip
    found.sort(key=lambda p: (p.row, KIND_ORDER[p.kind]))  # stable: a row's own order kept
    return ProblemList(found[:limit], len(found))


def problems_of_file(
    report: ImportReport, source: Path | str, *, cache: TableCache | None = None,
    limit: int = MAX_PROBLEMS,
) -> ProblemList:  # fmt: skip
    """:func:`list_problems` with the cells of ``source`` (the imported file, from ``cache``
    when it holds the sheet): without the cells when the file cannot be read any more."""
    if not (report.errors or report.warnings or report.duplicates):
        return ProblemList([], 0)
    try:
        table = read_table(source, sheet=report.sheet or None, score=header_score, cache=cache)
    except ImportFileError:
        table = None  # moved or changed since: the problems without their cells
    return list_problems(report, table, limit=limit)


def with_registered_names(session: Any, found: ProblemList) -> ProblemList:
    """``found`` with the name of the registered member each duplicate repeats, read from the
    register ("นายสมชาย ใจดี"), so that the user knows whom without opening the member."""
    ids = sorted({p.existing_member_id for p in found.problems if p.existing_member_id})
    if not ids:
        return found
    connection = dbapi(session)
    names: dict[str, str] = {}
    for start in range(0, len(ids), NAMES_PER_QUERY):
        chunk = ids[start : start + NAMES_PER_QUERY]
        names.update(connection.execute(
            "SELECT id, trim(prefix || first_name || ' ' || last_name) FROM member"
            f" WHERE id IN ({', '.join('?' * len(chunk))})", chunk,
        ).fetchall())  # fmt: skip
    problems = [
        replace(p, existing_name=names.get(p.existing_member_id, ""))
        if p.existing_member_id else p
        for p in found.problems
    ]  # fmt: skip
    return ProblemList(problems, found.total)


def import_and_list_problems(
    session: Any, *, path: Path | str, cache: TableCache | None = None, **options: Any
) -> tuple[ImportReport, ProblemList]:
    """:func:`db.io.import_members.import_members` (same arguments), then its problems with
    their cells from the sheet the import has just read."""
    report = import_members(session, path=path, cache=cache, **options)
    found = problems_of_file(report, path, cache=cache)
    if isinstance(session, Database):
        with session.session() as inner:
            return report, with_registered_names(inner, found)
    return report, with_registered_names(session, found)
