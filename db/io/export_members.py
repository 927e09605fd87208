"""Member export: the current filtered view (or a selection, or everyone) to .xlsx, .csv or .vcf.

Rows are streamed: the ordered member keys come from the register's own query
(:func:`db.members.query.search_member_keys`, same ``MemberFilter`` and ``MemberSort`` as the
table shows), and rows are read :data:`CHUNK` at a time, on a helper thread one chunk ahead of
the thread that writes them. For .csv and .xlsx one SQL statement builds each member's whole
record (the CSV line, or the worksheet row's XML) as a BLOB (:class:`_Records`; for .csv a whole
chunk's lines in one step): the work runs in SQLite without the GIL and no Python object is made
per cell; Python sees only the rare cells that may start a formula or need XML care. A big
export given a Database reads on :data:`READERS` connections at once, chunks dealt in turn and
written in key order, all on one snapshot (their reads begin under a brief write lock; without
it, or in a caller's Session, one connection reads). Held at any time: the key array (8 bytes a
member), up to :data:`AHEAD` chunks per reader, and for big exports with the strengths or groups
column a temporary table of every member's tags or groups (~30 MB in SQLite at 393,000
members, each), built by one reader and copied to the other, and
with a date column a table of every date's cell text from 1900 to 2099 per reader (~3 MB).
While exporting, the connection reads the database file through a memory map (see
:data:`MMAP_BYTES`; the mapped pages count as the process's resident memory, as the OS's cache).

What lands in a cell:

- dates in the chosen era: BE as text, ``2 ต.ค. 2557`` (``2 Oct 2557`` in English), the way
  Thai officials write dates (Excel has no Buddhist-era date format that LibreOffice shares);
  CE as ISO ``2014-10-02``: in a .xlsx an Excel date in that format (sortable and filterable
  by year and month there; a date before 1900-03-01, which Excel cannot hold, stays text), in
  a .csv text. All re-import unambiguously (a named month, and a year of 2400 or more is BE;
  ISO is year-month-day; an Excel date is a date);
- phones and national IDs grouped (``081-234-5678``, ``1-2345-67890-12-1``) and, like every
  cell but a CE workbook's dates, as text: leading zeros survive Excel and LibreOffice, and
  the importer reads them back;
- code columns (status, gender, personnel type, ...) as their label in the export's language;
  strengths in one cell separated by ``", "``; the groups a member is in now in one cell, with
  their role: ``สมาคม...; ชมรม... (ประธาน)`` (:mod:`db.io.group_cells`, which the importer reads);
- every text through :func:`db.io.cell_safety.escape_cell` (no cell can start a formula).

.xlsx: xlsxwriter builds the workbook (styles, bold frozen header, autofilter, column widths,
text format on every column so edits in Excel stay text, a CE export's date columns in the
date format), in ``constant_memory`` mode. The data
rows are then streamed into its worksheet XML by :class:`_SheetRows`: xlsxwriter's per-cell path
costs about 6 µs a cell, 60 s for 393,000 members x 27 columns (measured here), three times the
budget. Cells are inline strings, which Excel, LibreOffice and calamine all read.

.csv: UTF-8 with a byte-order mark (Excel then shows Thai), CRLF, quoted where needed.

.vcf: vCard 3.0 cards (:mod:`db.io.vcard`) for selected members.

The file is written to a temporary file in the destination folder and renamed over the
destination at the end: a cancel (``progress`` returned False) or an error leaves no partial
file and the old file, if any, untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import io
import json
import operator
import os
import queue
import re
import secrets
import sqlite3
import threading
import time
import zipfile
from array import array
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal, TypeVar

import xlsxwriter
from sqlmodel import Session

from db.engine import Database
from db.io.cell_safety import FIRST_CHARACTERS, column_may_need_escape, escape_cell
from db.io.export_columns import (
    LANGUAGES,
    STRENGTH_SEPARATOR,
    ColumnKind,
    ExportColumn,
    ExportError,
    Language,
    resolve_columns,
)
from db.io.group_cells import GROUP_SEPARATOR, MEMBER_ROLE, format_group
from db.io.vcard import VCardContact, format_vcard
from db.members._sql import MAX_PARAMS, dbapi, placeholders
from db.members.query import search_member_keys
from db.members.types import MemberFilter, MemberSort
from db.thai.dates import BE_OFFSET, THAI_MONTHS_SHORT

__all__ = [
    "FORMATS",
    "ExportCancelled",
    "ExportError",
    "ExportResult",
    "export_members",
]

Format = Literal["xlsx", "csv", "vcf"]
Era = Literal["BE", "CE"]
Progress = Callable[[int, int], bool]
T = TypeVar("T")
R = TypeVar("R")

FORMATS: tuple[Format, ...] = ("xlsx", "csv", "vcf")
CHUNK = 5_000  # members read, formatted and written at a time
AHEAD = 2  # chunks each reader may have read ahead of the writer
XLSX_MAX_ROWS = 1_048_576  # Excel's limit, the header row included
XLSX_MAX_CELL = 32_767  # characters (UTF-16 code units) Excel keeps in a cell
XLSX_COMPRESS_LEVEL = 1  # deflate level of the sheet: level 6 costs ~2x the time for ~15% less
SHEET_PART = "xl/worksheets/sheet1.xml"
ZIP64_FROM = zipfile.ZIP64_LIMIT  # bytes of sheet XML that need ZIP64 (2 GiB)
_ENGLISH_MONTHS_SHORT = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip


class ExportCancelled(Exception):
    """The progress callback asked to stop; no file was written."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    count: int  # members written
    path: Path
    seconds: float


# --- reading ------------------------------------------------------------------------------------

# A chunk's members in the order of its keys: json_each walks the key array and CROSS JOIN keeps
# it the outer loop, so rows come out in key order without a sort (checked on every chunk).
_ROWS_SQL = (
    "SELECT k.key, {columns} FROM json_each(?) AS k CROSS JOIN member m ON m.rowid = k.value"
    "{joins} WHERE m.deleted_at IS NULL"
)
_STRENGTHS_OF_MEMBER = (
    f"(SELECT group_concat(tag, '{STRENGTH_SEPARATOR}') FROM (SELECT s.tag"
    " FROM member_strength s WHERE s.member_id = m.id AND s.deleted_at IS NULL"
    " ORDER BY s.rowid))"
)
# Above this many members, every member's strengths (and groups) are first gathered in one pass
# into a temporary table keyed by member id: looking them up member by member costs two index
# searches per tag (~3.5 s at 393,000 members), the pass and the keyed look-ups ~1 s. Below, the
# table holds the exported members only. Dropped after.
STRENGTHS_TABLE_FROM = 20_000
_ORGANISATION_KEYS = ("organisation", "org_type", "province")


class _Labels(dict[str | None, str]):
    """code -> label (escaped, ready for a cell); an unknown code is its own label."""

    def __missing__(self, code: str | None) -> str:
        return escape_cell(code or "")


def _labels(connection: sqlite3.Connection, kind: str, language: Language) -> _Labels:
    rows = connection.execute("SELECT code, name_th, name_en FROM ref_item WHERE kind = ?", (kind,))
    labels = _Labels(
        (code, escape_cell((name_en or name_th) if language == "en" else name_th))
        for code, name_th, name_en in rows
    )
    labels.update({None: "", "": ""})  # found in C, not through __missing__ (most cells)
    return labels


class _ById(dict[str | None, str]):
    """organisation id -> a text of that organisation; no organisation (None), or an id that is
    not there, gives an empty cell."""

    def __missing__(self, _org_id: str | None) -> str:
        return ""


def _organisation_columns(connection: sqlite3.Connection, language: Language) -> dict[str, _ById]:
    """For each organisation column, organisation id -> its text (deleted organisations too)."""
    types = _labels(connection, "org_type", language)
    names, type_labels, provinces = _ById(), _ById(), _ById()
    for table in (names, type_labels, provinces):
        table[None] = ""
    rows = connection.execute(
        "SELECT o.id, o.name, o.type_code, coalesce(p.name_th, ''), coalesce(p.name_en, '')"
        " FROM organisation o LEFT JOIN province p ON p.code = o.province_code"
    )
    for org_id, name, type_code, province_th, province_en in rows:
        names[org_id] = escape_cell(name)
        type_labels[org_id] = types[type_code]
        provinces[org_id] = escape_cell(
            (province_en or province_th) if language == "en" else province_th
        )
    return dict(zip(_ORGANISATION_KEYS, (names, type_labels, provinces), strict=True))


class _Dates(dict[str | None, str]):
    """ISO date text -> the export's date text (a register has few distinct dates)."""

    def __init__(self, era: Era, language: Language) -> None:
        super().__init__()
        self._be = era == "BE"
        self._months = THAI_MONTHS_SHORT if language == "th" else _ENGLISH_MONTHS_SHORT

    def __missing__(self, value: str | None) -> str:
        if not value:
            text = ""
        else:
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:
                text = escape_cell(value)  # not a stored date: shown as it is
            else:
                text = (
                    f"{day.day} {self._months[day.month - 1]} {day.year + BE_OFFSET}"
                    if self._be
                    else day.isoformat()
                )
        self[value] = text
        return text


def date_cell_text(day: dt.date, *, era: Era, language: Language) -> str:
    """``day`` as an export in ``era`` and ``language`` writes it ("2 ต.ค. 2557", "2 Oct 2557",
    "2014-10-02"): for examples shown before exporting."""
    return _Dates(era, language)[day.isoformat()]


def _digits(column: str, prefix: str, count: int) -> str:
    """SQL: ``column`` is ``prefix`` (a GLOB) followed by ``count`` digits."""
    return f"{column} GLOB '{prefix}{'[0-9]' * count}'"


def _grouping_sql(column: str, branches: Sequence[tuple[str, str]]) -> str:
    whens = " ".join(f"WHEN {test} THEN {text}" for test, text in branches)
    return f"CASE {whens} ELSE coalesce({column}, '') END"


def phone_sql(column: str) -> str:
    """SQL grouping a stored (national form) phone as :func:`db.thai.phone.format_phone` does:
    081-234-5678, 02-123-4567, 053-123-456; anything else as it is."""
    return _grouping_sql(column, _phone_groupings(column))


def national_id_sql(column: str) -> str:
    """SQL grouping 13 stored digits as 1-2345-67890-12-1; anything else as it is."""
    return _grouping_sql(column, _national_id_groupings(column))


@dataclass(frozen=True, slots=True)
class _Plan:
    """How one column's raw values become cell texts."""

    lookup: dict[str | None, str] | None  # None: the value is already text (SQL coalesces)
    check: bool  # free text: look for cells to escape

    def texts(self, values: Sequence[object]) -> Sequence[str]:
        if self.lookup is None:
            return values  # type: ignore[return-value]
        if len(values) == 1:
            return [self.lookup[values[0]]]  # type: ignore[index]
        # itemgetter looks every value up in C (and a dict subclass's __missing__ still runs).
        return operator.itemgetter(*values)(self.lookup)  # type: ignore[no-any-return]


class _ChunkReader:
    """Reads members a chunk at a time as columns of cell texts (column-major: each column's
    values are converted and checked as a whole, mostly in C)."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        columns: Sequence[ExportColumn],
        *,
        era: Era,
        language: Language,
        strengths_table: str | None,
        groups_table: str | None = None,
    ) -> None:
        self._connection = connection
        organisations: dict[str, _ById] | None = None
        expressions: list[str] = []
        plans: list[_Plan] = []
        for column in columns:
            key = column.key
            lookup: dict[str | None, str] | None = None
            if key in _ORGANISATION_KEYS:
                if organisations is None:
                    organisations = _organisation_columns(connection, language)
                expressions.append("m.organisation_id")
                lookup = organisations[key]
            elif key == "strengths":
                source = "st.tags" if strengths_table else _STRENGTHS_OF_MEMBER
                expressions.append(f"coalesce({source}, '')")
            elif key == "groups":
                expressions.append("coalesce(gc.text, '')" if groups_table else "''")
            elif column.kind is ColumnKind.PHONE:
                expressions.append(phone_sql(f"m.{key}"))
            elif column.kind is ColumnKind.NATIONAL_ID:
                expressions.append(national_id_sql(f"m.{key}"))
            elif column.kind is ColumnKind.TEXT and not column.ref_kind:
                expressions.append(f"coalesce(m.{key}, '')")
            else:
                expressions.append(f"m.{key}")
                if column.ref_kind:
                    lookup = _labels(connection, column.ref_kind, language)
                else:
                    lookup = _Dates(era, language)
            plans.append(_Plan(lookup, check=lookup is None))
        joins = (
            f" LEFT JOIN {strengths_table} st ON st.member_id = m.id" if strengths_table
            else ""
        ) + (_groups_join(groups_table) if groups_table else "")
        self._sql = _ROWS_SQL.format(columns=", ".join(expressions), joins=joins)
        self._plans = plans

    def fetch(self, keys: Sequence[int]) -> list[tuple[object, ...]]:
        """The rows of the live members among ``keys``, in the order of ``keys``."""
        rows = self._connection.execute(self._sql, (json.dumps(list(keys)),)).fetchall()
        if any(map(operator.ge, rows, rows[1:])):  # pragma: no cover - see _ROWS_SQL
            rows.sort(key=operator.itemgetter(0))
        return rows

    def cells(self, rows: list[tuple[object, ...]]) -> list[Sequence[str]]:
        """``rows`` (from :meth:`fetch`) as cell texts: one list per column."""
        if not rows:
            return [() for _ in self._plans]
        _positions, *values = zip(*rows, strict=False)  # every row has every column
        cells: list[Sequence[str]] = []
        for plan, column in zip(self._plans, values, strict=True):
            texts = plan.texts(column)
            if plan.check and column_may_need_escape(texts):
                texts = list(map(escape_cell, texts))
            cells.append(texts)
        return cells

    def read(self, keys: Sequence[int]) -> list[Sequence[str]]:
        """:meth:`fetch` then :meth:`cells`."""
        return self.cells(self.fetch(keys))


def _strengths_table(connection: sqlite3.Connection, keys: Sequence[int] | None = None) -> str:
    """A temporary table of live members' strengths (member id -> tags, and seps: how many
    tags less one), of every member or of the members ``keys`` only (a small export); its
    qualified name (``temp.export_strengths_...``), which the caller drops."""
    name = f"temp.export_strengths_{secrets.token_hex(4)}"
    connection.execute(
        f"CREATE TABLE {name}"
        " (member_id TEXT PRIMARY KEY, tags TEXT NOT NULL, seps INTEGER NOT NULL) WITHOUT ROWID"
    )
    if keys is None:
        # One walk of the member_id index (so each member's tags come in the order they were
        # added), in member id order: the table is filled at its end. Keyed by member id, not
        # key: finding each member's key cost as much again (0.9 s vs 0.5 s at 393,000).
        connection.execute(
            f"INSERT INTO {name} SELECT s.member_id,"
            f" group_concat(s.tag, '{STRENGTH_SEPARATOR}'), count(*) - 1"
            " FROM member_strength s INDEXED BY ix_member_strength_member_id"
            " WHERE s.deleted_at IS NULL GROUP BY s.member_id"
        )
        return name
    for start in range(0, len(keys), CHUNK):
        connection.execute(
            f"INSERT OR IGNORE INTO {name} SELECT m.id, {_STRENGTHS_OF_MEMBER},"
            " (SELECT count(*) - 1 FROM member_strength s"
            " WHERE s.member_id = m.id AND s.deleted_at IS NULL)"
            " FROM json_each(?) AS k CROSS JOIN member m ON m.rowid = k.value"
            f" WHERE {_STRENGTHS_OF_MEMBER} IS NOT NULL",
            (json.dumps(list(keys[start : start + CHUNK])),),
        )
    return name


# A member's groups as one cell (db.io.group_cells): the groups of their memberships that have
# not ended, in the order they joined, each with the role (see format_group).
_CURRENT = "gm.deleted_at IS NULL AND (gm.ended_on IS NULL OR gm.ended_on > :today)"
_EVERY_MEMBERSHIP = "group_membership gm INDEXED BY ix_group_membership_member_id"
_MEMBERSHIPS_OF_KEYS = (
    "json_each(:keys) AS k CROSS JOIN member m ON m.rowid = k.value"
    f" CROSS JOIN {_EVERY_MEMBERSHIP} ON gm.member_id = m.id"
)
_PAIR, _PAIRS = "\x1f", "\x1e"  # between group id and role, and between memberships


def _groups_join(groups_table: str) -> str:
    """SQL joining a member (``m``) to their group cell (``gc.text``; see :func:`_groups_table`)."""
    return (
        f" LEFT JOIN {groups_table} gt ON gt.member_id = m.id"
        f" LEFT JOIN {groups_table}_cells gc ON gc.combo = gt.combo"
    )


def _groups_table(
    connection: sqlite3.Connection,
    keys: Sequence[int] | None = None,
    *,
    language: Language,
    today: str,
) -> tuple[str, str]:
    """Temporary tables of members' group cells, of every member or of the members ``keys``
    only (a small export); their qualified names, which the caller drops: the first
    (``temp.export_groups_...``: member id -> their combination of groups and roles) joined to
    the second (the same name with ``_cells``: combination -> cell text) gives a member's cell.
    ``today`` (ISO): memberships ended by then are left out.

    One walk of the member_id index (each member's memberships in the order they were made)
    gathers each member's (group id, role) pairs; most members share a few combinations (the
    association and their province's club), whose cell texts are made once, here in Python.
    """
    name = f"temp.export_groups_{secrets.token_hex(4)}"
    made = (name, f"{name}_cells")
    try:
        connection.execute(
            f"CREATE TABLE {name} (member_id TEXT PRIMARY KEY, combo TEXT NOT NULL) WITHOUT ROWID"
        )
        connection.execute(
            f"CREATE TABLE {made[1]} (combo TEXT PRIMARY KEY, text TEXT NOT NULL) WITHOUT ROWID"
        )
        _fill_groups_tables(connection, made, keys, language=language, today=today)
    except BaseException:
        for table in made:
            with contextlib.suppress(sqlite3.Error):
                connection.execute(f"DROP TABLE IF EXISTS {table}")
        raise
    return made


def _fill_groups_tables(
    connection: sqlite3.Connection,
    made: tuple[str, str],
    keys: Sequence[int] | None,
    *,
    language: Language,
    today: str,
) -> None:
    name, cells = made

    pair = f"gm.group_id || '{_PAIR}' || gm.role"
    if keys is None:
        # group_concat takes them in the order of the walk (as _strengths_table's tags).
        connection.execute(
            f"INSERT INTO {name} SELECT gm.member_id, group_concat({pair}, '{_PAIRS}')"
            f" FROM {_EVERY_MEMBERSHIP} WHERE {_CURRENT} GROUP BY gm.member_id",
            {"today": today},
        )
    else:
        # Walked in key order: sorted first (a subquery with ORDER BY under an aggregate is
        # not flattened, and group_concat takes its rows in that order).
        sql = (
            f"INSERT OR IGNORE INTO {name} SELECT member_id, group_concat(pair, '{_PAIRS}')"
            f" FROM (SELECT gm.member_id, {pair} AS pair FROM {_MEMBERSHIPS_OF_KEYS}"
            f" WHERE {_CURRENT} ORDER BY gm.member_id, gm.rowid) GROUP BY member_id"
        )
        for start in range(0, len(keys), CHUNK):
            chunk = json.dumps(list(keys[start : start + CHUNK]))
            connection.execute(sql, {"today": today, "keys": chunk})
    combos = [combo for (combo,) in connection.execute(f"SELECT DISTINCT combo FROM {name}")]
    if combos:
        cell = _GroupCells(connection, language)
        connection.executemany(
            f"INSERT INTO {cells} VALUES (?, ?)", [(combo, cell(combo)) for combo in combos]
        )


class _GroupCells:
    """A combination of (group id, role) pairs (as :func:`_fill_groups_tables` gathers them)
    -> its cell text; groups deleted since are left out."""

    def __init__(self, connection: sqlite3.Connection, language: Language) -> None:
        self._names = dict(
            connection.execute("SELECT id, name FROM network_group WHERE deleted_at IS NULL")
        )
        self._roles = {
            code: (name_en or name_th) if language == "en" else name_th
            for code, name_th, name_en in connection.execute(
                "SELECT code, name_th, name_en FROM ref_item WHERE kind = 'group_role'"
            )
        }

    def __call__(self, combo: str) -> str:
        items = []
        for pair in combo.split(_PAIRS):
            group_id, _, role = pair.partition(_PAIR)
            name = self._names.get(group_id)
            if name is not None:
                label = self._roles.get(role) or role
                items.append(format_group(name, label, member=role == MEMBER_ROLE))
        return GROUP_SEPARATOR.join(items)


# --- whole records built in SQL -------------------------------------------------------------------

# The first characters (as code points) of a text that escape_cell may change: only such texts
# (few) are handed to Python; SQL quotes the others for CSV or wraps them in XML itself.
_TRIGGER_CODES = ", ".join(str(ord(char)) for char in sorted(FIRST_CHARACTERS))
# Dates from DATES_FROM to DATES_UNTIL (ISO, included) are formatted once per export into a
# temporary table (about 73,000 rows, made by one SQL statement in ~0.1 s) and looked up by the
# records: testing a date with date() and formatting it in the record cost about a quarter of
# the CSV record's SQL at 393,000 members. Any other value takes that longer way, so the cells
# are the same. Only for exports of more than DATES_TABLE_FROM members (below, the table costs
# more than it saves).
DATES_FROM, DATES_UNTIL = "1900-01-01", "2099-12-31"
DATES_TABLE_FROM = 20_000
_CELL_FREE, _CELL_DATE, _CELL_CODE = 0, 1, 2  # what the cell function is given
_CONTROL_BYTES = bytes(range(32))
# Byte strings in worksheet XML built by SQL that mean a cell needs the careful path: an edge
# space (xml:space="preserve"), U+FFFE / U+FFFF; control characters are tested apart.
_UNPLAIN_XML = (b"<t> ", b" </t>", b"\xef\xbf\xbe", b"\xef\xbf\xbf")
_EXCEL_ESCAPE = re.compile(rb"_x[0-9A-Fa-f]{4}_")
# SQL: true when the CSV field {v} must be quoted (a comma, a quote or a line break in it).
_CSV_QUOTE_TEST = "instr({v}, ',') OR instr({v}, '\"') OR instr({v}, '\n') OR instr({v}, '\r')"
# The fast CSV record (see _Records.csv): fields unquoted, each followed by _FAST_FIELD (a comma
# once the chunk is checked); a strengths cell of several tags is framed by _FAST_QUOTE (a quote)
# and its separators' commas are _FAST_COMMA. Lines end with CRLF.
_FAST_FIELD, _FAST_COMMA, _FAST_QUOTE = "\x1f", "\x1e", "\x1d"
_FAST_SEPARATOR = STRENGTH_SEPARATOR.replace(",", _FAST_COMMA)
_FAST_MARKS = f"{_FAST_FIELD}{_FAST_COMMA}{_FAST_QUOTE}\r\n".encode("ascii")
_FAST_TO_CSV = bytes.maketrans(f"{_FAST_FIELD}{_FAST_COMMA}{_FAST_QUOTE}".encode("ascii"), b',,"')
# Chunks a reader finds needing quotes (a comma, a quote or a line break in a cell) before it
# reads every further chunk by the statement that quotes in SQL.
CAREFUL_AFTER = 2
_MONTH_NUMBERS = tuple(f"{month:02d}" for month in range(1, 13))


def _sql_text(text: str) -> str:
    """``text`` as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _csv_field(text: str) -> str:
    """One CSV field: quoted (quotes doubled) where it holds a comma, a quote or a line break."""
    if '"' in text or "," in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _plain_xml(blob: bytes) -> bool:
    """True when worksheet XML that SQL built needs no closer look: no control character, no
    edge space in a cell, no U+FFFE/U+FFFF and nothing that reads as Excel's _xHHHH_ escape."""
    return (
        len(blob.translate(None, _CONTROL_BYTES)) == len(blob)
        and not any(part in blob for part in _UNPLAIN_XML)
        and (b"_x" not in blob or _EXCEL_ESCAPE.search(blob) is None)
    )


class _Records:
    """Each member's whole record, a CSV line or a worksheet row's XML, built by one SQL
    statement and handed over as one BLOB: no Python object per cell.

    SQL formats phones, IDs and dates, looks labels up (a CASE of texts escaped in Python
    beforehand; organisations through a temporary table of escaped texts), quotes CSV fields and
    wraps XML cells. A text whose first character may start a formula, or (XML) that holds
    ``& < >``, goes through :func:`escape_cell` in Python, by an SQL function registered for the
    export. The XML of a chunk is then tested as bytes (:func:`_plain_xml`, and length); rows that
    fail (rare) are read again and built by :class:`_SheetRows`, the careful path.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        columns: Sequence[ExportColumn],
        *,
        fmt: Literal["csv", "xlsx"],
        era: Era,
        language: Language,
        strengths_table: str | None,
        sheet_rows: _SheetRows | None = None,
        dates_table: bool = False,
        groups_table: str | None = None,
    ) -> None:
        self._connection = connection
        self._columns = columns
        self._csv = fmt == "csv"
        self._sheet = sheet_rows if sheet_rows is not None else _SheetRows(columns, 0)
        self._careful_reader = (
            None if self._csv else _ChunkReader(
                connection, columns, era=era, language=language,
                strengths_table=strengths_table, groups_table=groups_table,
            )
        )  # fmt: skip
        self._dates = _Dates(era, language)
        self._language = language
        self._era = era
        self._strengths_table = strengths_table
        self._labels: dict[int, _Labels] = {}
        self._error: BaseException | None = None
        self._function = f"export_cell_{secrets.token_hex(4)}"
        self._fast_function = f"{self._function}_fast"
        self._fast = False  # building the fast CSV record (cells unquoted)
        self._fast_failures = 0
        self._organisations: str | None = None
        self._dates_table: str | None = None
        self._look_dates_up = dates_table
        self._date_joins: list[str] = []
        connection.create_function(self._function, 4, self._cell)
        if self._csv:
            connection.create_function(self._fast_function, 4, self._fast_cell)
        try:
            fields = [self._field(index, column) for index, column in enumerate(columns)]
            self._fast = self._csv
            fast_fields = [self._field(index, column) for index, column in enumerate(columns)]
            self._fast = False
        except BaseException:
            self.close()
            raise
        # printf builds the record in one buffer (a chain of || copies it once per operator).
        if self._csv:
            record = f"printf('{','.join(['%s'] * len(fields))}', {', '.join(fields)})"
        else:
            record = (
                f"printf('<row r=\"%d\">{'%s' * len(fields)}</row>', {self._row_number()},"
                f" {', '.join(fields)})"
            )
        joins, seps = "", "0"
        if strengths_table and any(column.key == "strengths" for column in columns):
            joins += f" LEFT JOIN {strengths_table} st ON st.member_id = m.id"
            seps = "coalesce(st.seps, 0)"
        if groups_table and any(column.key == "groups" for column in columns):
            joins += _groups_join(groups_table)
        if self._organisations:
            joins += f" LEFT JOIN temp.{self._organisations} o ON o.id = m.organisation_id"
        joins += "".join(self._date_joins)
        rows = (
            f" FROM json_each(:keys) AS k CROSS JOIN member m ON m.rowid = k.value{joins}"
            " WHERE m.deleted_at IS NULL"
        )
        self._sql = f"SELECT k.key, CAST({record} AS BLOB){rows}"
        # A chunk's CSV lines as one text, in key order: one step of SQLite, one bytes object.
        self._careful_sql = (
            "SELECT count(*), 0, 0, CAST(group_concat(rec, '\r\n') AS BLOB)"
            f" FROM (SELECT {record} AS rec{rows} ORDER BY k.key)"
        )
        fast_record = (
            f"printf('{_FAST_FIELD.join(['%s'] * len(fields))}', {', '.join(fast_fields)})"
        )
        self._fast_sql = (
            "SELECT count(*), total(seps), total(seps > 0), CAST(group_concat(rec, '\r\n') AS BLOB)"
            f" FROM (SELECT {fast_record} AS rec, {seps} AS seps{rows} ORDER BY k.key)"
        )

    def close(self) -> None:
        """Drop the SQL function and the temporary table."""
        with contextlib.suppress(sqlite3.Error):
            self._connection.create_function(self._function, 4, None)
            if self._csv:
                self._connection.create_function(self._fast_function, 4, None)
            if self._organisations:
                self._connection.execute(f"DROP TABLE IF EXISTS temp.{self._organisations}")
            if self._dates_table:
                self._connection.execute(f"DROP TABLE IF EXISTS temp.{self._dates_table}")

    # - Python's part of a cell (rare) -

    def _fast_cell(self, kind: int, value: str | None, index: int, row: int) -> str:
        """A cell of the fast CSV record: escaped, never quoted (the chunk is checked after)."""
        return self._cell(kind, value, index, row, quote=False)

    def _cell(
        self, kind: int, value: str | None, index: int, row: int, *, quote: bool = True
    ) -> str:
        try:
            if kind == _CELL_FREE:
                # A CSV cannot hold a NUL (readers, ours too, take the file for binary; SQLite's
                # printf stops at it): left out, the rest of the cell kept.
                text = escape_cell((value or "").replace("\x00", "") if self._csv else value or "")
            elif kind == _CELL_DATE:
                text = self._dates[value]
            else:
                text = self._labels[index][value]
            if self._csv:
                return _csv_field(text) if quote else text
            return self._sheet.cell(text, index, row) if text else ""
        except BaseException as error:
            self._error = error
            raise

    # - SQL of a cell -

    def _row_number(self) -> str:
        return "(k.key + :first)"

    def _python(self) -> str:
        """The name of the SQL function for Python's part of a cell."""
        return self._fast_function if self._fast else self._function

    def _safe(self, index: int, value: str) -> str:
        """A text known to be non-empty and to need no quoting or escaping."""
        if self._csv:
            return value
        return f"{self._sheet.opening_sql(index, self._row_number())} || {value} || '{_CELL_END}'"

    def _free(self, index: int, value: str) -> str:
        """Any text (``value`` is an SQL expression that is never NULL)."""
        python = f"{self._python()}({_CELL_FREE}, {value}, {index}, "
        # ... or holds a NUL (stored before the editor and the import dropped it), at which
        # SQLite's printf stops: cut there, an XML cell was left open (a broken workbook).
        starts_formula = (
            f"unicode({value}) IN ({_TRIGGER_CODES}) OR instr(CAST({value} AS BLOB), x'00')"
        )
        if self._fast:
            return f"CASE WHEN {starts_formula} THEN {python}0) ELSE {value} END"
        if self._csv:
            quoted = f"""'"' || replace({value}, '"', '""') || '"'"""
            return (
                f"CASE WHEN {starts_formula} THEN {python}0)"
                f" WHEN {_CSV_QUOTE_TEST.format(v=value)} THEN {quoted} ELSE {value} END"
            )
        return (
            f"CASE WHEN {value} = '' THEN ''"
            f" WHEN {starts_formula} OR instr({value}, '&') OR instr({value}, '<')"
            f" OR instr({value}, '>') THEN {python}{self._row_number()})"
            f" ELSE {self._safe(index, value)} END"
        )

    def _grouped(self, index: int, column: str, branches: Sequence[tuple[str, str]]) -> str:
        """``branches`` (GLOB test, grouping) formats a stored number; other values as text."""
        whens = " ".join(f"WHEN {test} THEN {self._safe(index, text)}" for test, text in branches)
        otherwise = self._free(index, f"coalesce({column}, '')")
        return f"CASE {whens} ELSE {otherwise} END"

    def _date_text(self, column: str) -> str:
        """SQL: the cell text of ``column``, a valid ISO date."""
        c = column
        if self._era != "BE":
            return c
        months = THAI_MONTHS_SHORT if self._language == "th" else _ENGLISH_MONTHS_SHORT
        month = " ".join(
            f"WHEN '{number}' THEN {_sql_text(name)}"
            for number, name in zip(_MONTH_NUMBERS, months, strict=True)
        )
        return (
            f"CAST(substr({c}, 9, 2) AS INTEGER) || ' ' || CASE substr({c}, 6, 2) {month} END"
            f" || ' ' || (CAST(substr({c}, 1, 4) AS INTEGER) + {BE_OFFSET})"
        )

    def _date(self, index: int, column: str) -> str:
        c = column
        if not self._csv and self._sheet.dates_as_numbers(index):
            return self._excel_date(index, c)
        found = ""
        if self._look_dates_up:
            if self._dates_table is None:
                self._dates_table = self._make_dates_table()
            table = f"d{index}"
            join = f" LEFT JOIN temp.{self._dates_table} {table} ON {table}.iso = {c}"
            if join not in self._date_joins:  # the careful and the fast record share it
                self._date_joins.append(join)
            found = f" WHEN {table}.text IS NOT NULL THEN {self._safe(index, f'{table}.text')}"
        python = f"{self._python()}({_CELL_DATE}, {c}, {index}, {self._row_number()})"
        # Most dates are found in the table at once. Otherwise: a stored date is ISO text that
        # SQLite gives back unchanged through its day number ('+0 days': date() alone keeps
        # 2023-02-30 as it is); anything else is Python's to judge (as _Dates does).
        valid = f"date({c}, '+0 days') IS {c} AND {c} >= '0001'"
        return (
            f"CASE{found}"
            f" WHEN {c} IS NULL OR {c} = '' THEN ''"
            f" WHEN {valid} THEN {self._safe(index, self._date_text(c))}"
            f" ELSE {python} END"
        )

    def _excel_date(self, index: int, column: str) -> str:
        """A CE export's date as an Excel date (a day number in the date style), as
        :class:`_SheetRows` writes it: a date before :data:`EXCEL_DATES_FROM` as text."""
        c = column
        python = f"{self._python()}({_CELL_DATE}, {c}, {index}, {self._row_number()})"
        valid = f"date({c}, '+0 days') IS {c} AND {c} >= '0001'"
        opening = self._sheet.opening_sql(index, self._row_number(), open_tag=False)
        number = (
            f"{opening} || {_sql_text(self._sheet.date_open)}"
            f" || CAST(julianday({c}) - {_EXCEL_EPOCH_JULIAN} AS INTEGER) || '</v></c>'"
        )
        return (
            f"CASE WHEN {c} IS NULL OR {c} = '' THEN ''"
            f" WHEN {valid} AND {c} >= '{EXCEL_DATES_FROM}' THEN {number}"
            f" WHEN {valid} THEN {self._safe(index, c)}"
            f" ELSE {python} END"
        )

    def _make_dates_table(self) -> str:
        """A temporary table: every ISO date from :data:`DATES_FROM` to :data:`DATES_UNTIL` ->
        its cell text (the same SQL as a date outside the table gets), made by SQLite alone."""
        name = f"export_dates_{secrets.token_hex(4)}"
        # DATE, as the member's date columns: the same (numeric) affinity, so that comparing
        # them uses the key (a TEXT key would not be used with a NUMERIC column).
        self._connection.execute(
            f"CREATE TEMP TABLE {name} (iso DATE PRIMARY KEY, text TEXT NOT NULL) WITHOUT ROWID"
        )
        self._connection.execute(
            f"WITH RECURSIVE days(day, iso) AS (SELECT julianday(:first), :first UNION ALL"
            f" SELECT day + 1, date(day + 1) FROM days WHERE iso < :last)"
            f" INSERT INTO temp.{name} SELECT iso, {self._date_text('iso')} FROM days",
            {"first": DATES_FROM, "last": DATES_UNTIL},
        )
        return name

    def _final(self, index: int, text: str) -> str | None:
        """A known text (escaped already) as the SQL of its cell; None if SQL cannot hold it."""
        if "\x00" in text:
            return None
        if self._csv:
            return _sql_text(text if self._fast else _csv_field(text))
        if not text:
            return "''"
        opening = self._sheet.opening_sql(index, self._row_number(), open_tag=False)
        return f"{opening} || {_sql_text(self._sheet.body(text, index, 0))}"

    def _code(self, index: int, column: str, labels: _Labels) -> str:
        self._labels[index] = labels
        python = f"{self._python()}({_CELL_CODE}, {column}, {index}, {self._row_number()})"
        whens = []
        for code, label in labels.items():
            cell = self._final(index, label)
            if code is None or cell is None or "\x00" in code:
                continue
            whens.append(f"WHEN {_sql_text(code)} THEN {cell}")
        return (
            f"CASE WHEN {column} IS NULL THEN '' ELSE CASE {column} {' '.join(whens)}"
            f" ELSE {python} END END"
        )

    def _organisation(self, index: int, key: str) -> str:
        if self._organisations is None:
            self._organisations = self._organisation_table()
        column = f"o.{key}"
        if self._csv:
            return f"coalesce({column}, '')" if self._fast else f"coalesce(o.quoted_{key}, '')"
        opening = self._sheet.opening_sql(index, self._row_number(), open_tag=False)
        return f"CASE WHEN {column} IS NULL OR {column} = '' THEN '' ELSE {opening} || {column} END"

    def _organisation_table(self) -> str:
        """A temporary table: organisation id -> its name, type and province as cell texts
        (CSV fields, or XML after the cell reference)."""
        name = f"export_organisations_{secrets.token_hex(4)}"
        quoted = [f"quoted_{key}" for key in _ORGANISATION_KEYS]
        self._connection.execute(
            f"CREATE TEMP TABLE {name} (id TEXT PRIMARY KEY,"
            f" {', '.join([*_ORGANISATION_KEYS, *quoted])}) WITHOUT ROWID"
        )
        tables = _organisation_columns(self._connection, self._language)
        indexes = {column.key: index for index, column in enumerate(self._columns)}

        def cell(key: str, text: str) -> str:
            if self._csv:
                return text.replace("\x00", "")  # as _cell does
            return self._sheet.body(text, indexes.get(key, 0), 0) if text else ""

        rows = [
            (
                org_id,
                *(cell(key, tables[key][org_id]) for key in _ORGANISATION_KEYS),
                *(_csv_field(tables[key][org_id].replace("\x00", ""))
                  for key in _ORGANISATION_KEYS),
            )
            for org_id in tables["organisation"]
            if org_id is not None
        ]
        self._connection.executemany(f"INSERT INTO temp.{name} VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        return name

    def _field(self, index: int, column: ExportColumn) -> str:
        key = column.key
        if key in _ORGANISATION_KEYS:
            return self._organisation(index, key)
        if key == "strengths":
            if self._fast:  # several tags: framed, their commas marked (see csv())
                plain = self._free(index, "coalesce(st.tags, '')")
                return (
                    f"CASE WHEN st.seps > 0 AND NOT unicode(st.tags) IN ({_TRIGGER_CODES})"
                    f" THEN '{_FAST_QUOTE}' || replace(st.tags, '{STRENGTH_SEPARATOR}',"
                    f" '{_FAST_SEPARATOR}') || '{_FAST_QUOTE}' ELSE {plain} END"
                )
            return self._free(index, "coalesce(st.tags, '')")
        if key == "groups":
            return self._free(index, "coalesce(gc.text, '')")
        if column.kind is ColumnKind.PHONE:
            return self._grouped(index, f"m.{key}", _phone_groupings(f"m.{key}"))
        if column.kind is ColumnKind.NATIONAL_ID:
            return self._grouped(index, f"m.{key}", _national_id_groupings(f"m.{key}"))
        if column.kind is ColumnKind.DATE:
            return self._date(index, f"m.{key}")
        if column.ref_kind:
            return self._code(index, f"m.{key}", _labels(self._connection, column.ref_kind,
                                                         self._language))  # fmt: skip
        return self._free(index, f"coalesce(m.{key}, '')")

    # - reading -

    def fetch(self, keys: Sequence[int], first_row: int = 0) -> list[tuple[int, bytes]]:
        """The records of the live members among ``keys``, in the order of ``keys``; worksheet
        rows are numbered from ``first_row``."""
        parameters = {"keys": json.dumps(list(keys)), "first": first_row}
        try:
            rows = self._connection.execute(self._sql, parameters).fetchall()
        except sqlite3.Error:
            if self._error is not None:
                raise self._error from None
            raise
        if any(map(operator.ge, rows, rows[1:])):  # pragma: no cover - see _ROWS_SQL
            rows.sort(key=operator.itemgetter(0))
        return rows

    def _chunk(self, sql: str, keys: Sequence[int]) -> tuple[int, int, int, bytes]:
        parameters = {"keys": json.dumps(list(keys)), "first": 0}
        try:
            count, seps, several, lines = self._connection.execute(sql, parameters).fetchone()
        except sqlite3.Error:
            if self._error is not None:
                raise self._error from None
            raise
        return count, int(seps), int(several), lines or b""

    def csv(self, keys: Sequence[int]) -> tuple[int, bytes]:
        """(members, their CSV lines, each ended by CRLF) for ``keys``.

        SQL builds the chunk's lines as one text with every cell escaped but none quoted
        (:data:`_FAST_FIELD` after each), and the strengths of several tags marked (see
        :data:`_FAST_QUOTE`): when no cell holds a comma, a quote or a line break, and none
        holds a mark (counted: as many marks as SQL put there), one translation of the bytes
        gives the CSV lines. Otherwise (a cell needs quotes) SQL reads the chunk again, quoting
        cell by cell, as it does every chunk after :data:`CAREFUL_AFTER` such chunks."""
        if self._fast_failures < CAREFUL_AFTER:
            count, seps, several, lines = self._chunk(self._fast_sql, keys)
            if not count:
                return 0, b""
            expected = (
                count * (len(self._columns) - 1)  # fields
                + seps * STRENGTH_SEPARATOR.count(",")
                + 2 * several  # strengths
                + 2 * (count - 1)  # line ends
            )
            marks = len(lines) - len(lines.translate(None, _FAST_MARKS))
            if marks == expected and b"," not in lines and b'"' not in lines:
                return count, lines.translate(_FAST_TO_CSV) + b"\r\n"
            self._fast_failures += 1
        count, _seps, _several, lines = self._chunk(self._careful_sql, keys)
        return count, lines + b"\r\n" if count else b""

    def xml(self, keys: Sequence[int], first_row: int) -> tuple[int, bytes]:
        """(members, their worksheet rows' XML) for ``keys``, numbered from ``first_row``.
        The members must all be live (the export's keys are read in the same transaction)."""
        rows = self.fetch(keys, first_row)
        if len(rows) != len(keys):  # pragma: no cover - the keys come from the same snapshot
            raise RuntimeError("members changed while they were being exported")
        records = [record for _key, record in rows]
        blob = b"".join(records)
        limit = XLSX_MAX_CELL // 2
        if _plain_xml(blob) and max(map(len, records), default=0) <= limit:
            return len(rows), blob
        careful = [
            position for position, record in enumerate(records)
            if len(record) > limit or not _plain_xml(record)
        ]  # fmt: skip
        reader = self._careful_reader
        assert reader is not None
        columns = reader.read([keys[position] for position in careful])
        for number, position in enumerate(careful):
            cells = [values[number : number + 1] for values in columns]
            records[position] = self._sheet.xml(cells, first_row + position).encode("utf-8")
        return len(rows), b"".join(records)


def _phone_groupings(column: str) -> list[tuple[str, str]]:
    c = column
    three_three = f"substr({c}, 1, 3) || '-' || substr({c}, 4, 3) || '-' || substr({c}, 7)"
    return [
        (_digits(c, "0[689]", 8), three_three),
        (_digits(c, "02", 7),
         f"substr({c}, 1, 2) || '-' || substr({c}, 3, 3) || '-' || substr({c}, 6)"),
        (_digits(c, "0[3457]", 7), three_three),
    ]  # fmt: skip


def _national_id_groupings(column: str) -> list[tuple[str, str]]:
    c = column
    return [(
        _digits(c, "", 13),
        f"substr({c}, 1, 1) || '-' || substr({c}, 2, 4) || '-' || substr({c}, 6, 5) || '-'"
        f" || substr({c}, 11, 2) || '-' || substr({c}, 13)",
    )]  # fmt: skip


# --- which members -------------------------------------------------------------------------------


def _keys_of_ids(connection: sqlite3.Connection, member_ids: Sequence[str]) -> set[int]:
    keys: set[int] = set()
    unique = list(dict.fromkeys(member_ids))
    for start in range(0, len(unique), MAX_PARAMS):
        chunk = unique[start : start + MAX_PARAMS]
        rows = connection.execute(
            f"SELECT rowid FROM member WHERE deleted_at IS NULL AND id IN ({placeholders(chunk)})",
            chunk,
        )
        keys.update(key for (key,) in rows)
    return keys


def _export_keys(
    session: Session,
    *,
    filters: MemberFilter,
    sort: MemberSort,
    member_ids: Sequence[str] | None,
    language: Language = "th",
) -> array[int]:
    """The keys of the members to export, in ``sort`` order (selected ones only, if given;
    provinces sorted by their names in ``language``, as the file names them)."""
    keys = search_member_keys(session, filters=filters, sort=sort, language=language)
    if member_ids is None:
        return keys
    wanted = _keys_of_ids(dbapi(session), member_ids) if member_ids else set()
    return array("q", [key for key in keys if key in wanted])


def _chunks(
    keys: Sequence[int],
    readers: Sequence[Callable[[Sequence[int], int], R]],
    progress: Progress | None,
) -> Iterator[R]:
    """``read(chunk, start)`` for each chunk of ``keys`` (``start``: the chunk's first position),
    in order, reporting progress after each one (ExportCancelled when asked to stop).

    Chunks are dealt to ``readers`` in turn (chunk ``n`` to reader ``n % len(readers)``), each
    reader on a helper thread of its own, up to :data:`AHEAD` chunks ahead of the caller, which
    writes: SQLite does its work without the GIL, so readers and writer overlap. Each reader's
    connection is used by its helper only meanwhile, and the helpers are done with them whenever
    this generator is closed.
    """
    total = len(keys)
    if progress is not None and progress(0, total) is False:
        raise ExportCancelled
    if not total:
        return
    starts = range(0, total, CHUNK)
    pending: deque[Future[R]] = deque()
    with contextlib.ExitStack() as helpers:
        threads = [
            helpers.enter_context(
                ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"export-read-{number}")
            )
            for number in range(len(readers))
        ]

        def submit(index: int) -> None:
            if index < len(starts):
                start, turn = starts[index], index % len(readers)
                pending.append(threads[turn].submit(readers[turn], keys[start : start + CHUNK],
                                                    start))  # fmt: skip

        try:
            for index in range(AHEAD * len(readers)):
                submit(index)
            for index, start in enumerate(starts):
                chunk = pending.popleft().result()
                submit(index + AHEAD * len(readers))
                yield chunk
                done = min(start + CHUNK, total)
                if progress is not None and progress(done, total) is False:
                    raise ExportCancelled
        finally:
            for future in pending:
                future.cancel()


# --- writing ------------------------------------------------------------------------------------


def _column_letters(count: int) -> list[str]:
    letters = []
    for number in range(count):
        name, number = "", number + 1
        while number:
            number, remainder = divmod(number - 1, 26)
            name = chr(65 + remainder) + name
        letters.append(name)
    return letters


# Text that needs more than copying into <t>: XML specials, characters XML 1.0 cannot hold,
# text that looks like Excel's own _xHHHH_ escape, and edge whitespace (xml:space="preserve").
_XML_SPECIALS = r"[&<>\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)"
_XML_ESCAPE = re.compile(_XML_SPECIALS)


def _plain_column(values: Sequence[str]) -> bool:
    """True when no value of a column needs escaping or care in XML (a test of the whole column
    in C; a regular expression over the column costs several seconds at 393,000 members).

    Printable text (``str.isprintable``) has no control characters, no line breaks or tabs, no
    ``\ufffe``/``\uffff`` and no space but the ASCII one; joined by single spaces, an edge
    space of a value shows as two spaces in a row (or one at either end).
    """
    text = " ".join(filter(None, values))
    return (
        text.isprintable()
        and "&" not in text
        and "<" not in text
        and ">" not in text
        and "_x" not in text
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and (len(text) <= XLSX_MAX_CELL // 2 or max(map(len, values)) <= XLSX_MAX_CELL // 2)
    )


_XML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "_": "_x005F_"}
_CELL_END = "</t></is></c>"


def _xml_escape(match: re.Match[str]) -> str:
    char = match.group()
    return _XML_ENTITIES.get(char) or f"_x{ord(char):04X}_"


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class _SheetRows:
    """Data rows as worksheet XML: inline-string cells in the text style; with ``date_style``
    (a CE export), the dates of date columns as Excel dates in that style (see
    :func:`excel_serial`), any other text there as text.

    Work is done a column at a time where it can be: a column whose values need no escaping
    (nearly all) becomes its cells' XML in one list comprehension; only the cell reference, which
    holds the row number, is put together cell by cell.
    """

    def __init__(
        self, columns: Sequence[ExportColumn], style: int, date_style: int | None = None
    ) -> None:
        self._columns = columns
        self._starts = [f'<c r="{letter}' for letter in _column_letters(len(columns))]
        self._open = f'" s="{style}" t="inlineStr"><is><t>'
        self._open_preserve = f'" s="{style}" t="inlineStr"><is><t xml:space="preserve">'
        self.date_open = f'" s="{date_style}"><v>'
        self._dates = frozenset(
            index for index, column in enumerate(columns)
            if date_style is not None and column.kind is ColumnKind.DATE
        )  # fmt: skip

    def dates_as_numbers(self, index: int) -> bool:
        """True when column ``index`` holds its dates as Excel dates."""
        return index in self._dates

    def xml(self, columns: Sequence[Sequence[str]], first_row: int) -> str:
        bodies = [self._bodies(index, values, first_row) for index, values in enumerate(columns)]
        parts: list[str] = []
        append, extend, starts = parts.append, parts.extend, self._starts
        for number, row in enumerate(zip(*bodies, strict=True), first_row):
            mark = str(number)
            append('<row r="' + mark + '">')
            extend([start + mark + body for start, body in zip(starts, row, strict=True) if body])
            append("</row>")
        return "".join(parts)

    def _bodies(self, index: int, values: Sequence[str], first_row: int) -> list[str]:
        """Each cell's XML after its reference ("" for an empty cell)."""
        opening = self._open
        if index in self._dates:
            return [
                self._careful(value, index, row) if value else ""
                for row, value in enumerate(values, first_row)
            ]
        if _plain_column(values):
            return [opening + value + _CELL_END if value else "" for value in values]
        return [
            self._careful(value, index, row) if value else ""
            for row, value in enumerate(values, first_row)
        ]

    def body(self, text: str, index: int, row: int) -> str:
        """A non-empty cell's XML after its reference (``row`` only names it in an error)."""
        return self._careful(text, index, row)

    def cell(self, text: str, index: int, row: int) -> str:
        """A non-empty cell's XML."""
        return self._starts[index] + str(row) + self._careful(text, index, row)

    def opening_sql(self, index: int, row_sql: str, *, open_tag: bool = True) -> str:
        """SQL of a cell's XML up to its text (up to its reference without ``open_tag``)."""
        opening = f"{_sql_text(self._starts[index])} || {row_sql}"
        return f"{opening} || {_sql_text(self._open)}" if open_tag else opening

    def _careful(self, value: str, index: int, row: int) -> str:
        if index in self._dates:
            serial = excel_serial(value)
            if serial is not None:
                return f"{self.date_open}{serial}</v></c>"
        if len(value) > XLSX_MAX_CELL // 2 and _utf16_length(value) > XLSX_MAX_CELL:
            column = self._columns[index]
            raise ExportError(
                "cell_too_long",
                f"The {column.header_en.lower()} of the member on row {row} is longer than the"
                f" {XLSX_MAX_CELL:,} characters an Excel cell holds: export to .csv instead,"
                " or shorten it",
            )
        edges = value[0].isspace() or value[-1].isspace()
        opening = self._open_preserve if edges else self._open
        return opening + _XML_ESCAPE.sub(_xml_escape, value) + _CELL_END


# Excel's dates: the day number from 1899-12-30, right from 1900-03-01 on (Excel counts a
# 29 February 1900 that never was, after Lotus 1-2-3); earlier dates stay text.
EXCEL_DATES_FROM = "1900-03-01"
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EXCEL_EPOCH_JULIAN = 2415018.5  # julianday('1899-12-30')
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EXCEL_DATE_FORMAT = "yyyy-mm-dd"  # as the CE text reads, so LibreOffice's CSV shows the same


def excel_serial(text: str) -> int | None:
    """The Excel day number of a cell text that is an ISO date Excel can hold, else None."""
    if not _ISO_DATE.fullmatch(text) or text < EXCEL_DATES_FROM:
        return None
    try:
        return (dt.date.fromisoformat(text) - _EXCEL_EPOCH).days
    except ValueError:
        return None


class _BackgroundWriter:
    """Writes to ``handle`` on a thread of its own, so that compressing the sheet (zlib works
    without the GIL, ~4 s at 393,000 members) overlaps with building it. At most
    :data:`QUEUED_WRITES` pieces wait; an error in writing is raised on the next call."""

    QUEUED_WRITES = 4

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=self.QUEUED_WRITES)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="export-write", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (data := self._queue.get()) is not None:
            if self._error is None:
                try:
                    self._handle.write(data)
                except BaseException as error:  # handed to the caller
                    self._error = error

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error

    def write(self, data: bytes) -> None:
        self._raise_error()
        self._queue.put(data)

    def close(self) -> None:
        """Wait until everything is written; raise what went wrong in writing."""
        self._queue.put(None)
        self._thread.join()
        self._raise_error()


_DIMENSION = re.compile(r'<dimension ref="[^"]*"/>')
_COLUMN_STYLE = re.compile(r'<col min="(\d+)" max="(\d+)"[^>]*style="(\d+)"')


def _workbook_skeleton(
    columns: Sequence[ExportColumn], language: Language, rows: int, era: Era = "BE"
) -> bytes:
    """The .xlsx with its header row only (xlsxwriter), for the data rows to be put into; a CE
    export's date columns in a date style (:data:`EXCEL_DATE_FORMAT`)."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer,
        {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
         "strings_to_urls": False},
    )  # fmt: skip
    workbook.set_properties({
        "title": "ทะเบียนสมาชิก" if language == "th" else "Member register",
        "comments": "Exported by Khrueakhai",
    })  # fmt: skip
    sheet = workbook.add_worksheet("สมาชิก" if language == "th" else "Members")
    text = workbook.add_format({"num_format": "@", "valign": "top"})
    date = workbook.add_format({"num_format": EXCEL_DATE_FORMAT, "valign": "top"})
    header = workbook.add_format(
        {"num_format": "@", "bold": True, "bottom": 1, "bg_color": "#E8EEF7", "valign": "top"}
    )
    for index, column in enumerate(columns):
        as_date = era == "CE" and column.kind is ColumnKind.DATE
        sheet.set_column(index, index, column.width, date if as_date else text)
        sheet.write_string(0, index, column.header(language), header)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(rows, 1), len(columns) - 1)
    workbook.close()
    return buffer.getvalue()


def _write_xlsx(
    path: Path, columns: Sequence[ExportColumn], language: Language, total: int,
    chunks: Iterator[tuple[int, bytes]], era: Era = "BE",
) -> int:  # fmt: skip
    """Write the workbook; ``chunks`` are (members, their rows' XML)."""
    head, tail = _sheet_parts(columns, language, total, era)
    # ZIP64 only when the sheet may pass zipfile's 2 GiB limit (Excel is strict about ZIP64
    # entries it does not need): judged from the first chunk's XML, with a wide margin.
    chunks = iter(chunks)
    written, first_xml = next(chunks, (0, b""))
    per_row = len(first_xml) / written if written else 0.0
    large = len(head) + 2 * per_row * total > ZIP64_FROM
    skeleton = zipfile.ZipFile(io.BytesIO(_workbook_skeleton(columns, language, total, era)))
    with zipfile.ZipFile(
        path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=XLSX_COMPRESS_LEVEL
    ) as out:
        for info in skeleton.infolist():
            if info.filename != SHEET_PART:
                out.writestr(info, skeleton.read(info), compresslevel=6)
                continue
            with out.open(SHEET_PART, "w", force_zip64=large) as sheet:
                writer = _BackgroundWriter(sheet)
                try:
                    writer.write(head)
                    writer.write(first_xml)
                    for count, xml in chunks:
                        writer.write(xml)
                        written += count
                    writer.write(tail)
                finally:
                    writer.close()
    return written


def _sheet_parts(
    columns: Sequence[ExportColumn], language: Language, total: int, era: Era = "BE"
) -> tuple[bytes, bytes]:
    """The worksheet XML before and after its data rows (the header row in the first)."""
    skeleton = zipfile.ZipFile(io.BytesIO(_workbook_skeleton(columns, language, total, era)))
    sheet_xml = skeleton.read(SHEET_PART).decode("utf-8")
    if "</sheetData>" not in sheet_xml:  # pragma: no cover - xlsxwriter changed
        raise RuntimeError("unexpected worksheet XML from xlsxwriter")
    last = _column_letters(len(columns))[-1]
    sheet_xml = _DIMENSION.sub(f'<dimension ref="A1:{last}{total + 1}"/>', sheet_xml, count=1)
    head, tail = sheet_xml.split("</sheetData>", 1)
    return head.encode("utf-8"), ("</sheetData>" + tail).encode("utf-8")


def _column_style(columns: Sequence[ExportColumn], language: Language) -> int:
    """The number of the text style xlsxwriter gives the columns."""
    return _column_styles(columns, language)[0]


def _column_styles(
    columns: Sequence[ExportColumn], language: Language, era: Era = "BE"
) -> tuple[int, int | None]:
    """The numbers of the styles xlsxwriter gives the text columns and (a CE export's) date
    columns (None: no date style). With date columns only, text there takes the date style."""
    skeleton = zipfile.ZipFile(io.BytesIO(_workbook_skeleton(columns, language, 0, era)))
    styles: dict[int, int] = {}
    for first, last, style in _COLUMN_STYLE.findall(skeleton.read(SHEET_PART).decode("utf-8")):
        styles.update(dict.fromkeys(range(int(first) - 1, int(last)), int(style)))
    if len(styles) != len(columns):  # pragma: no cover - xlsxwriter changed
        raise RuntimeError("unexpected worksheet XML from xlsxwriter")
    dates = {styles[i] for i, c in enumerate(columns) if era == "CE" and c.kind is ColumnKind.DATE}
    texts = {styles[i] for i, c in enumerate(columns)} - dates
    date = min(dates) if dates else None
    return (min(texts) if texts else date or 0), date


def _sheet_rows(columns: Sequence[ExportColumn], language: Language, era: Era) -> _SheetRows:
    """How the data rows of a .xlsx export are written."""
    return _SheetRows(columns, *_column_styles(columns, language, era))


def _write_csv(
    path: Path, columns: Sequence[ExportColumn], language: Language,
    chunks: Iterator[tuple[int, bytes]],
) -> int:  # fmt: skip
    """Write the CSV file; ``chunks`` are (members, their lines as UTF-8, each ended by CRLF)."""
    written = 0
    with path.open("wb") as handle:
        header = ",".join(_csv_field(escape_cell(column.header(language))) for column in columns)
        handle.write(("\ufeff" + header + "\r\n").encode("utf-8"))
        for count, lines in chunks:
            handle.write(lines)
            written += count
    return written


_VCARD_SQL = (
    "SELECT m.id, m.prefix, m.first_name, m.last_name, m.nickname, coalesce(o.name, ''),"
    " m.position, m.phone, m.phone_office, m.email, m.line_id, m.membership_no, m.notes,"
    " m.birth_date, coalesce(p.name_th, ''), coalesce(p.name_en, '')"
    " FROM json_each(?) AS k CROSS JOIN member m ON m.rowid = k.value"
    " LEFT JOIN organisation o ON o.id = m.organisation_id"
    " LEFT JOIN province p ON p.code = o.province_code"
    " WHERE m.deleted_at IS NULL ORDER BY k.key"
)
# The note on a card: where the member works, how to reach them on LINE, their number.
_NOTE_LINES: dict[Language, tuple[str, str, str]] = {
    "th": ("จังหวัด{}", "LINE: {}", "เลขสมาชิก {}"),
    "en": ("Province: {}", "LINE: {}", "Membership no. {}"),
}


def _vcard_reader(
    connection: sqlite3.Connection, *, language: Language, include_personal: bool
) -> Callable[[Sequence[int]], list[VCardContact]]:
    templates = _NOTE_LINES[language]

    def read(keys: Sequence[int], _start: int = 0) -> list[VCardContact]:
        contacts = []
        for row in connection.execute(_VCARD_SQL, (json.dumps(list(keys)),)):
            (
                member_id,
                prefix,
                first,
                last,
                nickname,
                organisation,
                position,
                phone,
                office,
                email,
                line_id,
                membership_no,
                notes,
                birth_date,
                province_th,
                province_en,
            ) = row
            province = (province_en or province_th) if language == "en" else province_th
            note = [
                template.format(value)
                for template, value in zip(
                    templates, (province, line_id, membership_no), strict=True
                )
                if value
            ]
            if notes:
                note.append(notes)
            contacts.append(
                VCardContact(
                    uid=member_id,
                    prefix=prefix,
                    first_name=first,
                    last_name=last,
                    nickname=nickname,
                    organisation=organisation,
                    position=position,
                    mobile=phone,
                    office_phone=office,
                    email=email,
                    note="\n".join(note),
                    birthday=dt.date.fromisoformat(birth_date)
                    if include_personal and birth_date
                    else None,
                )
            )
        return contacts

    return read  # fmt: skip


def _write_vcf(path: Path, chunks: Iterator[list[VCardContact]]) -> int:
    written = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        for chunk in chunks:
            handle.write("".join(format_vcard(contact) for contact in chunk))
            written += len(chunk)
    return written


# --- the export ----------------------------------------------------------------------------------


def format_for(out_path: Path, fmt: str | None) -> Format:
    """The format asked for, or the one the file name's suffix says; ExportError otherwise."""
    chosen = (fmt or out_path.suffix.removeprefix(".")).lower()
    if chosen not in FORMATS:
        raise ExportError(
            "unknown_format",
            f"Cannot export to {out_path.name!r}: choose a .xlsx, .csv or .vcf file"
            if fmt is None else f"Unknown export format {fmt!r}: use xlsx, csv or vcf",
        )  # fmt: skip
    return chosen  # type: ignore[return-value]


_NO_PERMISSION = frozenset((errno.EACCES, errno.EPERM, errno.EROFS))
_DISK_FULL = frozenset((errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)))


def _write_detail(error: OSError) -> str:
    """The ExportError detail of a system error while writing (see ExportError)."""
    if isinstance(error, PermissionError) or error.errno in _NO_PERMISSION:
        return "no_permission"
    return "disk_full" if error.errno in _DISK_FULL else ""


def _check_destination(out_path: Path) -> None:
    if out_path.is_dir():
        raise ExportError("cannot_write", f"{out_path} is a folder: give a file name",
                          detail="is_folder", path=str(out_path))  # fmt: skip
    if not out_path.parent.is_dir():
        raise ExportError("cannot_write", f"There is no folder {out_path.parent}",
                          detail="no_folder", path=str(out_path.parent))  # fmt: skip


def _temporary_beside(out_path: Path) -> Path:
    """A new empty file next to ``out_path`` (same folder, so the final rename is atomic),
    created with the user's normal permissions."""
    for _attempt in range(100):
        candidate = out_path.with_name(f".{out_path.name}.{secrets.token_hex(4)}.partial")
        try:
            candidate.touch(exist_ok=False)
        except FileExistsError:
            continue
        except OSError as error:
            raise ExportError(
                "cannot_write", f"Cannot write in {out_path.parent}: {error.strerror or error}",
                detail=_write_detail(error), path=str(out_path.parent),
            ) from error  # fmt: skip
        return candidate
    raise ExportError("cannot_write", f"Cannot create a temporary file in {out_path.parent}")


# Reading members in name order jumps all over the file: with the file memory-mapped SQLite reads
# its pages in place instead of copying each one through its page cache (at 393,000 members:
# ~2.9 s -> ~2.2 s of CPU for the rows). SQLite caps the size at its compile-time maximum.
MMAP_BYTES = 2**31 - 2**16


@contextlib.contextmanager
def _memory_mapped(connection: sqlite3.Connection) -> Iterator[None]:
    """The connection reads the database file through a memory map meanwhile (its own setting
    is put back after)."""
    (previous,) = connection.execute("PRAGMA mmap_size").fetchone()
    connection.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):
            connection.execute(f"PRAGMA mmap_size = {int(previous)}")


def _session_of(target: Session | Database) -> AbstractContextManager[Session]:
    if isinstance(target, Database):
        return target.session()
    return contextlib.nullcontext(target)


# --- reading on several connections ---------------------------------------------------------------

# Building the records is CPU-bound work in SQLite, which releases the GIL: a big .csv or .xlsx
# export reads its chunks on READERS connections at once (the one that found the keys and
# READERS - 1 more), all reading one snapshot of the database. Below PARALLEL_FROM members one
# connection does it (another connection and its temporary tables cost more than they save).
READERS = 2
PARALLEL_FROM = 20_000
# The formats read in parallel. A .xlsx export's wall time is set by building and compressing its
# sheet XML beside the reading: at 393,000 members a second reader left it the same (12.1 s one
# reader, 12.6 s two) for a third more CPU (15.2 s -> 20.1 s), so .xlsx reads on one connection.
PARALLEL_FORMATS: frozenset[str] = frozenset({"csv"})
# How long the export waits for the write lock that lets it start its readers on one snapshot;
# past it (an import is writing) it reads on one connection.
SNAPSHOT_LOCK_MS = 200
# Any read of the database file: in WAL mode a read transaction's snapshot is taken there.
_SNAPSHOT_SQL = "SELECT 1 FROM member LIMIT 1"


def _write_lock(database: Database, *, wanted: int | None) -> sqlite3.Connection | None:
    """A connection holding the database's write lock (``BEGIN IMMEDIATE``), so that no write
    can commit while the export's readers start their transactions; None when the export cannot
    be big enough to read in parallel (fewer than :data:`PARALLEL_FROM` members in the register,
    or ``wanted``), or when the lock is not had within :data:`SNAPSHOT_LOCK_MS` (a writer is
    busy). The caller rolls back and closes it (:func:`_release`)."""
    if READERS < 2 or (wanted is not None and wanted < PARALLEL_FROM):
        return None
    connection = database.raw_connection()
    try:
        (last,) = connection.execute("SELECT coalesce(max(rowid), 0) FROM member").fetchone()
        if last < PARALLEL_FROM:  # rowids only grow: fewer members than that, deleted or not
            connection.close()
            return None
        connection.execute(f"PRAGMA busy_timeout = {SNAPSHOT_LOCK_MS}")
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.Error:
        connection.close()
        return None
    return connection


def _release(lock: sqlite3.Connection) -> None:
    try:
        with contextlib.suppress(sqlite3.Error):
            lock.execute("ROLLBACK")
    finally:
        lock.close()


@contextlib.contextmanager
def _snapshot_reader(
    database: Database, *, attach: str | None = None
) -> Iterator[sqlite3.Connection]:
    """One more connection (the engine's settings, usable from any thread), in a read
    transaction started at once, reading through a memory map; closed after, which ends its
    transaction and drops whatever temporary table it still holds. ``attach``: an empty
    in-memory schema of that name, attached first (no ATTACH inside a transaction)."""
    pooled = database.engine.raw_connection()
    connection = pooled.driver_connection
    pooled.detach()  # closed for good after, never handed back to the pool
    try:
        if not isinstance(connection, sqlite3.Connection):  # pragma: no cover - SQLite only
            raise TypeError("the export's parallel reading needs a SQLite database")
        connection.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        if attach is not None:
            connection.execute(f"ATTACH DATABASE ':memory:' AS {attach}")
        connection.execute("BEGIN")
        connection.execute(_SNAPSHOT_SQL).fetchall()
        yield connection
    finally:
        pooled.close()


class _SharedTables:
    """The whole register's per-member tables (strengths, groups), built by one reader and
    copied into the others' schema :attr:`schema` (attached in memory before their snapshot
    began) with SQLite's serialize/deserialize: ~0.1 s for 275,000 members with strengths,
    where each reader built its own in 0.5-1 s, both at once, taking both cores before any
    record was read."""

    def __init__(self) -> None:
        self.schema = f"export_shared_{secrets.token_hex(4)}"
        self._ready = threading.Event()
        self._data: bytes | None = None
        self._names: dict[str, str] = {}

    @staticmethod
    def possible() -> bool:
        return hasattr(sqlite3.Connection, "serialize")  # SQLite built with it (3.11+)

    def publish(self, connection: sqlite3.Connection, tables: dict[str, str] | None) -> None:
        """The builder's tables (None: it failed, the others build their own); always called."""
        try:
            if tables:
                self._data = connection.serialize(name="temp")  # only these tables yet
                self._names = {key: table.split(".", 1)[1] for key, table in tables.items()}
        finally:
            self._ready.set()

    def receive(
        self,
        connection: sqlite3.Connection,
        build: Callable[[dict[str, str]], None],
        tables: dict[str, str],
    ) -> None:
        """The tables on ``connection`` (their qualified names, into ``tables``), copied or,
        failing that, made by ``build``."""
        self._ready.wait()
        if self._data is None:
            build(tables)
            return
        connection.deserialize(self._data, name=self.schema)
        tables.update({key: f"{self.schema}.{name}" for key, name in self._names.items()})


# Columns read from a temporary table of every member's cell, made before the records are read.
_TABLE_COLUMNS = frozenset({"strengths", "groups"})


def _member_tables(
    connection: sqlite3.Connection,
    columns: Sequence[ExportColumn],
    keys: Sequence[int] | None,
    *,
    language: Language,
    today: str,
    tables: dict[str, str],
) -> None:
    """The temporary tables ``columns`` need (of every member, or of ``keys`` only), put into
    ``tables`` (column key -> qualified name) as each is made, for the caller to drop."""
    wanted = {column.key for column in columns}
    if "strengths" in wanted:
        tables["strengths"] = _strengths_table(connection, keys)
    if "groups" in wanted:
        made = _groups_table(connection, keys, language=language, today=today)
        tables["groups"], tables["group_cells"] = made


@contextlib.contextmanager
def _record_source(
    connection: sqlite3.Connection,
    columns: Sequence[ExportColumn],
    *,
    fmt: Literal["csv", "xlsx"],
    era: Era,
    language: Language,
    keys: Sequence[int],
    sheet_rows: _SheetRows | None,
    shared: _SharedTables | None = None,
    builds_shared: bool = False,
    today: str = "",
) -> Iterator[_Records]:
    """:class:`_Records` on ``connection`` with the temporary tables it needs (strengths and
    groups, when those columns are wanted), all dropped after. With ``shared``, the whole
    register's tables are built by the reader that ``builds_shared`` and copied to the others.
    ``today`` (ISO, default the date now): group memberships ended by then are left out."""
    tables: dict[str, str] = {}
    today = today or dt.date.today().isoformat()

    def build(into: dict[str, str]) -> None:
        subset = None if len(keys) > STRENGTHS_TABLE_FROM else keys
        _member_tables(connection, columns, subset, language=language, today=today, tables=into)

    try:
        if keys and any(column.key in _TABLE_COLUMNS for column in columns):
            if shared is not None and not builds_shared:
                shared.receive(connection, build, tables)
            else:
                built = False
                try:
                    build(tables)
                    built = True
                finally:
                    if shared is not None:
                        shared.publish(connection, tables if built else None)
        records = _Records(
            connection, columns, fmt=fmt, era=era, language=language,
            strengths_table=tables.get("strengths"), sheet_rows=sheet_rows,
            dates_table=len(keys) > DATES_TABLE_FROM, groups_table=tables.get("groups"),
        )  # fmt: skip
        try:
            yield records
        finally:
            records.close()
    finally:
        for table in tables.values():
            with contextlib.suppress(sqlite3.Error):
                connection.execute(f"DROP TABLE IF EXISTS {table}")


def _enter_together(
    stack: contextlib.ExitStack, managers: Sequence[AbstractContextManager[T]]
) -> list[T]:
    """Enter ``managers`` at once, each on a thread (their set-up is SQL on connections of
    their own), leaving each one that entered for ``stack`` to exit; the first error raised."""
    if len(managers) == 1:
        return [stack.enter_context(managers[0])]
    with ThreadPoolExecutor(len(managers), thread_name_prefix="export-setup") as pool:
        futures = [pool.submit(manager.__enter__) for manager in managers]
    entered: list[T] = []
    error: BaseException | None = None
    for manager, future in zip(managers, futures, strict=True):
        failure = future.exception()
        if failure is None:
            entered.append(future.result())
            stack.push(manager.__exit__)
        elif error is None:
            error = failure
    if error is not None:
        raise error
    return entered


def export_members(
    session: Session | Database,
    *,
    out_path: Path | str,
    fmt: Format | None = None,
    filters: MemberFilter = MemberFilter(),  # noqa: B008 - frozen dataclass, never mutated
    sort: MemberSort = MemberSort(),  # noqa: B008
    member_ids: Sequence[str] | None = None,
    columns: Sequence[str] | None = None,
    include_personal: bool = False,
    era: Era = "BE",
    language: Language = "th",
    progress: Progress | None = None,
) -> ExportResult:
    """Write the live members matching ``filters`` (in ``sort`` order) to ``out_path``.

    ``session`` is a Session (the export reads in its transaction) or a Database (the export
    opens its own read transaction, so it may run on a thread beside the app's writer).
    ``fmt`` defaults to the file name's suffix. ``member_ids`` narrows the export to those
    members (a selection). ``columns`` are keys of :data:`db.io.export_columns.EXPORT_COLUMNS`
    in the order wanted (default: all, personal ones only with ``include_personal``; .vcf has
    fixed fields and adds the birthday only with ``include_personal``). ``era`` BE or CE for
    dates; ``language`` th or en for headers and labels. ``progress(done, total)`` is called
    after every chunk; returning False cancels (:class:`ExportCancelled`, no file written).

    Raises :class:`ExportError` (see its codes) before anything is written when the request
    cannot be met.
    """
    started = time.perf_counter()
    out_path = Path(out_path)
    chosen = format_for(out_path, fmt)
    if era not in ("BE", "CE"):
        raise ExportError("unknown_era", f"Unknown era {era!r}: use BE or CE")
    if language not in LANGUAGES:
        raise ExportError("unknown_language", f"Unknown language {language!r}: use th or en")
    chosen_columns = resolve_columns(columns, include_personal=include_personal)
    _check_destination(out_path)
    with contextlib.ExitStack() as stack:
        # Parallel reading needs its connections on one snapshot: they begin their reads under
        # the write lock. A caller's Session has its own transaction, which no other connection
        # can join: then one connection reads.
        lock = (
            _write_lock(session, wanted=None if member_ids is None else len(member_ids))
            if chosen in PARALLEL_FORMATS and isinstance(session, Database) else None
        )  # fmt: skip
        extra: list[sqlite3.Connection] = []
        shared = _SharedTables() if lock is not None and _SharedTables.possible() else None
        try:
            reading = stack.enter_context(_session_of(session))
            connection = dbapi(reading)
            stack.enter_context(_memory_mapped(connection))
            if lock is not None:
                assert isinstance(session, Database)
                connection.execute(_SNAPSHOT_SQL).fetchall()
                extra = [
                    stack.enter_context(
                        _snapshot_reader(session, attach=shared.schema if shared else None)
                    )
                    for _ in range(READERS - 1)
                ]
        finally:
            if lock is not None:
                _release(lock)
        keys = _export_keys(
            reading, filters=filters, sort=sort, member_ids=member_ids, language=language
        )
        total = len(keys)
        if chosen == "vcf" and total == 0:
            raise ExportError("no_members", "There are no members to put in the vCard file")
        if chosen == "xlsx" and total + 1 > XLSX_MAX_ROWS:
            raise ExportError(
                "too_many_rows",
                f"{total:,} members do not fit in one Excel sheet ({XLSX_MAX_ROWS - 1:,} rows):"
                " export to .csv or narrow the filter",
            )
        connections = [connection, *extra] if total >= PARALLEL_FROM else [connection]
        today = dt.date.today().isoformat()  # group memberships ended by then are left out
        if len(connections) < 2:
            shared = None
        temporary = _temporary_beside(out_path)
        try:
            with contextlib.ExitStack() as sources:
                if chosen == "vcf":
                    read_cards = _vcard_reader(
                        connection, language=language, include_personal=include_personal
                    )
                    with contextlib.closing(_chunks(keys, [read_cards], progress)) as cards:
                        count = _write_vcf(temporary, cards)
                else:
                    sheet_rows = (
                        _sheet_rows(chosen_columns, language, era)
                        if chosen == "xlsx" else None
                    )  # fmt: skip
                    readers = _enter_together(sources, [
                        _record_source(
                            each, chosen_columns, fmt=chosen, era=era, language=language,
                            keys=keys, sheet_rows=sheet_rows, shared=shared,
                            builds_shared=number == 0, today=today,
                        )
                        for number, each in enumerate(connections)
                    ])  # fmt: skip
                    if chosen == "xlsx":
                        rows = _chunks(keys, [_xml_of(records) for records in readers], progress)
                        with contextlib.closing(rows) as xml_chunks:
                            count = _write_xlsx(temporary, chosen_columns, language, total,
                                                xml_chunks, era)  # fmt: skip
                    else:
                        lines = _chunks(keys, [_csv_of(records) for records in readers], progress)
                        with contextlib.closing(lines) as csv_chunks:
                            count = _write_csv(temporary, chosen_columns, language, csv_chunks)
            os.replace(temporary, out_path)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise ExportError(
                "cannot_write",
                f"Cannot write {out_path}: {error.strerror or error} (is it open in another"
                " program, or is the disk full?)",
                detail=_write_detail(error), path=str(out_path),
            ) from error
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    return ExportResult(count=count, path=out_path, seconds=time.perf_counter() - started)


def _csv_of(records: _Records) -> Callable[[Sequence[int], int], tuple[int, bytes]]:
    return lambda keys, _start: records.csv(keys)


def _xml_of(records: _Records) -> Callable[[Sequence[int], int], tuple[int, bytes]]:
    return lambda keys, start: records.xml(keys, start + 2)  # row 1 is the header
