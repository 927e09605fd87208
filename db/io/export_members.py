"""Member export: the current filtered view (or a selection, or everyone) to .xlsx, .csv or .vcf.

Rows are streamed: the ordered member keys come from the register's own query
(:func:`db.members.query.search_member_keys`, same ``MemberFilter`` and ``MemberSort`` as the
table shows), and rows are read :data:`CHUNK` at a time by one SQL that returns the export's
fields, on a helper thread one chunk ahead of the thread that formats and writes them. Held at
any time: the key array (8 bytes a member), two or three chunks, and for big exports with the
strengths column a temporary table of every member's tags (~30 MB in SQLite at 393,000 members).
While exporting, the connection reads the database file through a memory map (see
:data:`MMAP_BYTES`; the mapped pages count as the process's resident memory, as the OS's cache).

What lands in a cell:

- dates as text in the chosen era: BE ``2 ต.ค. 2557`` (``2 Oct 2557`` in English), the way Thai
  officials write dates, or CE ISO ``2014-10-02``. Excel has no Buddhist-era date format that
  LibreOffice shares, and both forms re-import unambiguously (a named month, and a year of 2400
  or more is BE; ISO is year-month-day);
- phones and national IDs grouped (``081-234-5678``, ``1-2345-67890-12-1``) and, like every
  cell, as text: leading zeros survive Excel and LibreOffice, and the importer reads them back;
- code columns (status, gender, personnel type, ...) as their label in the export's language;
  strengths in one cell separated by ``", "``;
- every text through :func:`db.io.cell_safety.escape_cell` (no cell can start a formula).

.xlsx: xlsxwriter builds the workbook (styles, bold frozen header, autofilter, column widths,
text format on every column so edits in Excel stay text), in ``constant_memory`` mode. The data
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
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal, TypeVar

import xlsxwriter
from sqlmodel import Session

from db.engine import Database
from db.io.cell_safety import column_may_need_escape, escape_cell
from db.io.export_columns import (
    LANGUAGES,
    STRENGTH_SEPARATOR,
    ColumnKind,
    ExportColumn,
    ExportError,
    Language,
    resolve_columns,
)
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
# Above this many members, every member's strengths are first gathered in one pass into a
# temporary table keyed by member key: looking them up member by member costs two index searches
# per tag (~3.5 s at 393,000 members), the pass and the keyed look-ups ~1 s. Dropped after.
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


def _digits(column: str, prefix: str, count: int) -> str:
    """SQL: ``column`` is ``prefix`` (a GLOB) followed by ``count`` digits."""
    return f"{column} GLOB '{prefix}{'[0-9]' * count}'"


def phone_sql(column: str) -> str:
    """SQL grouping a stored (national form) phone as :func:`db.thai.phone.format_phone` does:
    081-234-5678, 02-123-4567, 053-123-456; anything else as it is."""
    c = column
    three_three = f"substr({c}, 1, 3) || '-' || substr({c}, 4, 3) || '-' || substr({c}, 7)"
    return (
        f"CASE WHEN {_digits(c, '0[689]', 8)} THEN {three_three}"
        f" WHEN {_digits(c, '02', 7)} THEN substr({c}, 1, 2) || '-' || substr({c}, 3, 3) || '-'"
        f" || substr({c}, 6) WHEN {_digits(c, '0[3457]', 7)} THEN {three_three}"
        f" ELSE coalesce({c}, '') END"
    )


def national_id_sql(column: str) -> str:
    """SQL grouping 13 stored digits as 1-2345-67890-12-1; anything else as it is."""
    c = column
    return (
        f"CASE WHEN {_digits(c, '', 13)} THEN substr({c}, 1, 1) || '-' || substr({c}, 2, 4) || '-'"
        f" || substr({c}, 6, 5) || '-' || substr({c}, 11, 2) || '-' || substr({c}, 13)"
        f" ELSE coalesce({c}, '') END"
    )


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
            f" LEFT JOIN temp.{strengths_table} st ON st.key = k.value" if strengths_table else ""
        )
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


def _strengths_table(connection: sqlite3.Connection) -> str:
    """A temporary table of every live member's strengths (key -> tags); the caller drops it."""
    name = f"export_strengths_{secrets.token_hex(4)}"
    connection.execute(f"CREATE TEMP TABLE {name} (key INTEGER PRIMARY KEY, tags TEXT NOT NULL)")
    # One walk of the member_id index (so each member's tags come in the order they were
    # added), finding each member's key in the covering index of member ids.
    connection.execute(
        f"INSERT INTO temp.{name} SELECT m.rowid, group_concat(s.tag, '{STRENGTH_SEPARATOR}')"
        " FROM member_strength s INDEXED BY ix_member_strength_member_id"
        " JOIN member m ON m.id = s.member_id WHERE s.deleted_at IS NULL GROUP BY s.member_id"
    )
    return name


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
) -> array[int]:
    """The keys of the members to export, in ``sort`` order (selected ones only, if given)."""
    keys = search_member_keys(session, filters=filters, sort=sort)
    if member_ids is None:
        return keys
    wanted = _keys_of_ids(dbapi(session), member_ids) if member_ids else set()
    return array("q", [key for key in keys if key in wanted])


def _chunks(
    keys: Sequence[int],
    read: Callable[[Sequence[int]], R],
    progress: Progress | None,
    then: Callable[[R], T] | None = None,
) -> Iterator[T]:
    """``then(read(chunk))`` for each chunk of ``keys`` (``read(chunk)`` without ``then``),
    reporting progress after each one (ExportCancelled when asked to stop).

    ``read`` runs on a helper thread, a chunk ahead of the caller, which runs ``then`` and
    writes: SQLite does its searching without the GIL, so the two overlap. The helper is the only
    user of the connection meanwhile, and it is done with it whenever this generator is closed.
    """
    total = len(keys)
    if progress is not None and progress(0, total) is False:
        raise ExportCancelled
    if not total:
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-read") as helper:
        pending = helper.submit(read, keys[:CHUNK])
        try:
            for start in range(0, total, CHUNK):
                chunk = pending.result()
                following = start + CHUNK
                if following < total:
                    pending = helper.submit(read, keys[following : following + CHUNK])
                yield then(chunk) if then is not None else chunk  # type: ignore[misc]
                done = min(following, total)
                if progress is not None and progress(done, total) is False:
                    raise ExportCancelled
        finally:
            pending.cancel()


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
    """Data rows as worksheet XML: inline-string cells in the text style.

    Work is done a column at a time where it can be: a column whose values need no escaping
    (nearly all) becomes its cells' XML in one list comprehension; only the cell reference, which
    holds the row number, is put together cell by cell.
    """

    def __init__(self, columns: Sequence[ExportColumn], style: int) -> None:
        self._columns = columns
        self._starts = [f'<c r="{letter}' for letter in _column_letters(len(columns))]
        self._open = f'" s="{style}" t="inlineStr"><is><t>'
        self._open_preserve = f'" s="{style}" t="inlineStr"><is><t xml:space="preserve">'

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
        if _plain_column(values):
            return [opening + value + _CELL_END if value else "" for value in values]
        return [
            self._careful(value, index, row) if value else ""
            for row, value in enumerate(values, first_row)
        ]

    def _careful(self, value: str, index: int, row: int) -> str:
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
_COLUMN_STYLE = re.compile(r'<col [^>]*style="(\d+)"')


def _workbook_skeleton(columns: Sequence[ExportColumn], language: Language, rows: int) -> bytes:
    """The .xlsx with its header row only (xlsxwriter), for the data rows to be put into."""
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
    header = workbook.add_format(
        {"num_format": "@", "bold": True, "bottom": 1, "bg_color": "#E8EEF7", "valign": "top"}
    )
    for index, column in enumerate(columns):
        sheet.set_column(index, index, column.width, text)
        sheet.write_string(0, index, column.header(language), header)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(rows, 1), len(columns) - 1)
    workbook.close()
    return buffer.getvalue()


def _write_xlsx(
    path: Path, columns: Sequence[ExportColumn], language: Language, total: int,
    chunks: Iterator[list[Sequence[str]]],
) -> int:  # fmt: skip
    """Write the workbook; ``chunks`` are column-major (a list of cell texts per column)."""
    skeleton = zipfile.ZipFile(io.BytesIO(_workbook_skeleton(columns, language, total)))
    sheet_xml = skeleton.read(SHEET_PART).decode("utf-8")
    style = _COLUMN_STYLE.search(sheet_xml)
    if style is None or "</sheetData>" not in sheet_xml:  # pragma: no cover - xlsxwriter changed
        raise RuntimeError("unexpected worksheet XML from xlsxwriter")
    last = _column_letters(len(columns))[-1]
    sheet_xml = _DIMENSION.sub(f'<dimension ref="A1:{last}{total + 1}"/>', sheet_xml, count=1)
    head, tail = sheet_xml.split("</sheetData>", 1)
    rows = _SheetRows(columns, int(style.group(1)))
    # ZIP64 only when the sheet may pass zipfile's 2 GiB limit (Excel is strict about ZIP64
    # entries it does not need): judged from the first chunk's XML, with a wide margin.
    chunks = iter(chunks)
    first = next(chunks, None)
    first_xml = rows.xml(first, 2).encode("utf-8") if first is not None else b""
    written = len(first[0]) if first is not None else 0
    per_row = len(first_xml) / written if written else 0.0
    large = len(head) + 2 * per_row * total > ZIP64_FROM
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
                    writer.write(head.encode("utf-8"))
                    writer.write(first_xml)
                    for chunk in chunks:
                        writer.write(rows.xml(chunk, written + 2).encode("utf-8"))
                        written += len(chunk[0])
                    writer.write(("</sheetData>" + tail).encode("utf-8"))
                finally:
                    writer.close()
    return written


def _csv_cells(values: Sequence[str]) -> Sequence[str]:
    """A column's cells as CSV fields: quoted (and quotes doubled) where a value holds a comma,
    a quote or a line break (what the csv module's QUOTE_MINIMAL does, a column at a time)."""
    joined = "\x00".join(values)
    if '"' in joined or "," in joined or "\n" in joined or "\r" in joined:
        return [
            '"' + value.replace('"', '""') + '"'
            if '"' in value or "," in value or "\n" in value or "\r" in value
            else value
            for value in values
        ]
    return values


def _write_csv(
    path: Path, columns: Sequence[ExportColumn], language: Language,
    chunks: Iterator[list[Sequence[str]]],
) -> int:  # fmt: skip
    """Write the CSV file; ``chunks`` are column-major (a list of cell texts per column)."""
    written = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        headers = [[escape_cell(column.header(language))] for column in columns]
        handle.write(",".join(cells[0] for cells in map(_csv_cells, headers)) + "\r\n")
        for chunk in chunks:
            if chunk[0]:
                fields = [_csv_cells(values) for values in chunk]
                handle.write("\r\n".join(map(",".join, zip(*fields, strict=True))) + "\r\n")
            written += len(chunk[0])
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

    def read(keys: Sequence[int]) -> list[VCardContact]:
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


def _check_destination(out_path: Path) -> None:
    if out_path.is_dir():
        raise ExportError("cannot_write", f"{out_path} is a folder: give a file name")
    if not out_path.parent.is_dir():
        raise ExportError("cannot_write", f"There is no folder {out_path.parent}")


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
                "cannot_write", f"Cannot write in {out_path.parent}: {error.strerror or error}"
            ) from error
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
    with _session_of(session) as reading, _memory_mapped(dbapi(reading)):
        keys = _export_keys(reading, filters=filters, sort=sort, member_ids=member_ids)
        total = len(keys)
        if chosen == "vcf" and total == 0:
            raise ExportError("no_members", "There are no members to put in the vCard file")
        if chosen == "xlsx" and total + 1 > XLSX_MAX_ROWS:
            raise ExportError(
                "too_many_rows",
                f"{total:,} members do not fit in one Excel sheet ({XLSX_MAX_ROWS - 1:,} rows):"
                " export to .csv or narrow the filter",
            )
        connection = dbapi(reading)
        temporary = _temporary_beside(out_path)
        strengths_table: str | None = None
        try:
            if chosen == "vcf":
                read_cards = _vcard_reader(
                    connection, language=language, include_personal=include_personal
                )
                with contextlib.closing(_chunks(keys, read_cards, progress)) as cards:
                    count = _write_vcf(temporary, cards)
            else:
                if total > STRENGTHS_TABLE_FROM and any(
                    column.key == "strengths" for column in chosen_columns
                ):
                    strengths_table = _strengths_table(connection)
                reader = _ChunkReader(
                    connection, chosen_columns, era=era, language=language,
                    strengths_table=strengths_table,
                )  # fmt: skip
                # Balance the two threads: building XML costs more than writing CSV lines,
                # so for .xlsx the helper thread also turns rows into cell texts.
                chunks = (
                    _chunks(keys, reader.read, progress)
                    if chosen == "xlsx"
                    else _chunks(keys, reader.fetch, progress, then=reader.cells)
                )
                with contextlib.closing(chunks):
                    if chosen == "xlsx":
                        count = _write_xlsx(temporary, chosen_columns, language, total, chunks)
                    else:
                        count = _write_csv(temporary, chosen_columns, language, chunks)
            os.replace(temporary, out_path)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise ExportError(
                "cannot_write",
                f"Cannot write {out_path}: {error.strerror or error} (is it open in another"
                " program, or is the disk full?)",
            ) from error
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        finally:
            if strengths_table:
                connection.execute(f"DROP TABLE IF EXISTS temp.{strengths_table}")
    return ExportResult(count=count, path=out_path, seconds=time.perf_counter() - started)
