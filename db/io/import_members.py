"""Importing members from a sheet: preview, then all or nothing.

:func:`import_members` reads the sheet, finds its header, maps the columns (given, saved for
this layout, or guessed), normalises and checks every row with the editor's rules, finds
duplicates (against the register and within the file) and writes, in one transaction:

- new members, with foreign keys deferred to COMMIT. When the file brings more members than
  there are (a bulk import), the member table's own indexes are dropped and rebuilt by sorting
  at the end, and its INSERT triggers too: the rows go straight into ``member`` in multi-row
  ``INSERT ... VALUES`` statements (:mod:`db.io.import_sql`) and the triggers' work (the FTS5
  index) is done 50,000 new rowids at a time by one ``INSERT ... SELECT`` each
  (:mod:`db.io.import_triggers`; with ``defer_search_index`` the FTS5 part is left as a
  backlog that :mod:`db.search` writes after the commit, 6-10 s less of the import at 393,000
  members); they are created again before the end. Otherwise the rows go
  through a TEMP stage table, moved into ``member`` 50,000 at a time by one ``INSERT ...
  SELECT`` (the FTS5 trigger then writes a few big index segments instead of one per row);
- updated members (``on_duplicate="update"``) through a second stage and one ``UPDATE ... FROM``;
- strengths, group memberships, new organisations and groups with executemany;
- an ``import_run`` with one ``import_run_item`` per created or updated member (old values of
  what it changed), so :func:`db.io.undo_import.undo_import` can take the import back.

A cancel (``progress`` returning False), an error or a crash leaves the database as it was.
SQL runs on a writer thread beside the checks; the cyclic garbage collector is paused while
importing. ``report.phases`` says where the time went.
A dry run checks everything and writes nothing. Rows are read and checked 2,000 at a time, and
``progress(done, total)`` is called after each batch.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import logging
import operator
import queue
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlmodel import Session

from db.engine import Database
from db.history.actor import current_actor
from db.identity import SITE_ID_KEY, THIS_OFFICE_KEY, clock_for
from db.ids import new_id, new_ids
from db.io import collector
from db.io.check_process import (
    CheckerFailed,
    CheckerProcess,
    adopt,
    room_for_two_reads,
    sheet_identity,
)
from db.io.headers import HeaderInfo, detect_header, header_score
from db.io.import_report import ImportReport
from db.io.import_sql import insert_rows
from db.io.import_triggers import bulk_insert_triggers
from db.io.mapping import ColumnMapping, auto_map, load_mapping, save_mapping
from db.io.normalise import (
    MEMBER_COLUMNS,
    GroupJoin,
    ImportContext,
    NormalisedRow,
    PendingGroup,
    PendingOrganisation,
    RowIssue,
    RowNormaliser,
    cell_to_text,
    keep_registered_phone,
)
from db.io.readers import ImportFileError, SheetTable, TableCache, read_table
from db.io.shards import ShardedDict
from db.io.sheet_process import worth_a_child
from db.members._sql import dbapi
from db.models.base import utc_now_iso
from db.search import INSERT_TRIGGER as SEARCH_INSERT_TRIGGER
from db.search import add_search_backlog
from db.sync.clock import HlcRun
from db.thai.collation import thai_sort_key, thai_sort_keys

Progress = Callable[[int, int], bool]
log = logging.getLogger(__name__)

DUPLICATE_POLICIES = ("skip", "update", "new")
BATCH_ROWS = 2_000  # rows read, checked and written between progress calls
FLUSH_ROWS = 50_000  # staged members moved into the member table at once (a progress gap)
FINAL_RANGE_ROWS = 10_000  # the last search-index range is indexed this many rows at a time
FTS_HASHSIZE_BULK = 64 * 1024 * 1024
FTS_HASHSIZE_DEFAULT = 1024 * 1024
PRELOAD_LIMIT = 50_000  # fewer live members than this: look duplicates up in memory
SAVEPOINT = "khrueakhai_import"
JOB_QUEUE = 32  # jobs waiting for the writer thread: smooths its FTS ranges (bounds memory)
# While importing, the import's connection keeps this much of the database in memory (index
# builds and the FTS segments spill far less), and threads hand the GIL over every 0.5 ms
# instead of 5 ms: the writer thread binds each row in Python between SQLite steps and waited
# up to a whole interval for the checking thread each time (its statements took 2-5 times
# their CPU time).
IMPORT_CACHE_KIB = 256_000
SWITCH_INTERVAL = 0.0005
SORTER_THREADS = 2  # helper threads for the sorts that rebuild the member indexes
SECOND_PROCESS_FROM_ROWS = 50_000  # rows from which the checks are shared with a child process
CHILD_CYCLE, CHILD_BATCHES = 4, 3  # the child checks 3 batches of every 4
CHILD_READY_WAIT_S = 0.0  # how long each batch waits for a child not ready yet (tests: longer)

_INSERT_COLUMNS = (
    "id", "owner_office_id", "created_at", "updated_at", "hlc", *MEMBER_COLUMNS, "name_key",
    "position_key",
)  # fmt: skip
_DATES = frozenset(("birth_date", "joined_on", "expires_on", "consent_date"))
_MEMBER_VALUES = operator.itemgetter(*MEMBER_COLUMNS)
_DATE_INDEXES = tuple(i for i, name in enumerate(MEMBER_COLUMNS) if name in _DATES)



def merged_notes(old: object, new: object) -> object:
    """The notes an update leaves: the sheet's when they hold the registered ones (or there
    were none), the registered ones when they hold the sheet's, else merged line by line: a
    sheet's line already registered is not added again (the lines an import writes itself,
    "วันเกิด: 2510"), one that holds a registered line replaces it (edited in the sheet), the
    others are added (nothing lost)."""
    before, after = str(old or ""), str(new or "")
    if not before or before in after:
        return new
    if after in before:
        return old
    lines = before.split("\n")
    for line in after.split("\n"):
        if not line or line in lines:
            continue
        held = (i for i, known in enumerate(lines) if len(known) > 2 and known in line)
        edited = next(held, None)
        if edited is None:
            lines.append(line)
        else:
            lines[edited] = line
    return "\n".join(lines)


class ImportCancelled(Exception):
    """The progress callback asked to stop: nothing was written."""


# --- what a wizard shows before importing --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PreviewRow:
    row: int  # as the spreadsheet shows it
    cells: tuple[str, ...]  # the source cells as text
    values: dict[str, object]  # the member as it would be stored (+ organisation_name)
    errors: tuple[RowIssue, ...]
    warnings: tuple[RowIssue, ...]
    duplicate: dict[str, object] | None = None


@dataclass(frozen=True, slots=True)
class ImportPreview:
    path: Path
    sheet: str
    sheet_names: tuple[str, ...]
    header_row: int  # 1-based
    sub_header_row: int | None
    headers: tuple[str, ...]
    mapping: ColumnMapping
    mapping_source: str  # given | saved | auto
    data_rows: int  # rows under the header (blank ones not counted)
    rows: tuple[PreviewRow, ...]
    encoding: str = ""  # CSV only
    delimiter: str = ""


@dataclass(slots=True)
class _Sheet:
    table: SheetTable
    header: HeaderInfo
    mapping: ColumnMapping
    mapping_source: str


def _open_sheet(
    session: Session,
    *,
    path: Path,
    sheet: str | None,
    mapping: ColumnMapping | None,
    header_row: int | None,
    max_rows: int | None = None,
    cache: TableCache | None = None,
) -> _Sheet:
    table = read_table(path, sheet=sheet, max_rows=max_rows, score=header_score, cache=cache)
    header = detect_header(table, header_row=header_row)
    source = "given"
    if mapping is None:
        mapping = load_mapping(session, headers=header.names)
        source = "saved"
        if mapping is None:
            mapping = auto_map(header.names)
            source = "auto"
    bad = [index for index in mapping.columns if index >= len(header.names)]
    if bad:
        raise ImportFileError(
            "unsupported_format", f"The mapping names column {bad[0] + 1}, which the sheet lacks"
        )
    return _Sheet(table, header, mapping, source)


def preview(
    session: Session | Database,
    *,
    path: Path | str,
    sheet: str | None = None,
    mapping: ColumnMapping | None = None,
    header_row: int | None = None,
    limit: int = 50,
    cache: TableCache | None = None,
) -> ImportPreview:
    """The header found, the mapping (given, saved or guessed) and the first ``limit`` rows as
    they would be imported, with their problems and duplicates. Writes nothing. ``cache``: see
    :class:`db.io.readers.TableCache`."""
    if isinstance(session, Database):
        with session.session() as inner:
            return preview(
                inner, path=path, sheet=sheet, mapping=mapping, header_row=header_row,
                limit=limit, cache=cache,
            )  # fmt: skip
    path = Path(path)
    with collector.paused():
        opened = _open_sheet(
            session, path=path, sheet=sheet, mapping=mapping, header_row=header_row, cache=cache
        )
        importer = _Importer(session, opened, on_duplicate="skip", dry_run=True, limit=limit)
        importer.run(progress=None)
    table, header = opened.table, opened.header
    shown = []
    for result in importer.preview_rows:
        cells = tuple(cell_to_text(c) for c in table.rows[result.row - 1])
        values = dict(result.values)
        organisation = result.organisation
        values["organisation_name"] = (
            organisation.name if organisation is not None
            else importer.context.organisations.name_of(values.get("organisation_id"))
        )  # fmt: skip
        values["strengths"] = result.strengths
        shown.append(PreviewRow(
            row=result.row, cells=cells, values=values, errors=tuple(result.errors),
            warnings=tuple(result.warnings), duplicate=importer.duplicate_of.get(result.row),
        ))  # fmt: skip
    return ImportPreview(
        path=path, sheet=table.sheet, sheet_names=table.sheet_names,
        header_row=header.row_number,
        sub_header_row=None if header.sub_header_index is None else header.sub_header_index + 1,
        headers=header.names, mapping=opened.mapping, mapping_source=opened.mapping_source,
        data_rows=sum(not header.is_empty_row(c) for c in table.rows[header.data_start :]),
        rows=tuple(shown),
        encoding=table.encoding, delimiter=table.delimiter,
    )  # fmt: skip


def import_members(
    session: Session | Database,
    *,
    path: Path | str,
    sheet: str | None = None,
    mapping: ColumnMapping | None = None,
    header_row: int | None = None,
    on_duplicate: str = "skip",
    dry_run: bool = False,
    remember_mapping: bool = True,
    progress: Progress | None = None,
    cache: TableCache | None = None,
    checkpoint: bool = True,
    defer_search_index: bool = False,
    second_process: bool = False,
) -> ImportReport:
    """Import the members of a sheet; see the module docstring.

    ``session`` is a Session (the import runs inside a SAVEPOINT of its transaction: the
    caller commits) or a Database (the import commits its own transaction, and then, with
    ``checkpoint``, copies the write-ahead log into the database file: a bulk import leaves a
    log as big as what it wrote. Without it the caller runs :meth:`Database.checkpoint` later,
    e.g. in the background once the result is shown). With ``defer_search_index``, a bulk
    import (one that brings more members than there are) leaves its new members' search
    documents as a backlog (:mod:`db.search`): the caller runs
    :func:`db.search.index_search_backlog` after the commit (searches find those members
    meanwhile, more slowly). With a Database (or ``second_process``, for a session that has
    written nothing yet: the child reads the committed database), a big import checks 2 of
    every 3 batches of rows in a second process (:mod:`db.io.check_process`). ``mapping`` None
    uses the mapping saved for this header layout, else the guessed one; a real import saves
    the mapping it used (``remember_mapping``). ``on_duplicate``: ``skip`` (default),
    ``update`` (fill the existing member with the sheet's non-empty values) or ``new``.

    Raises :class:`db.io.readers.ImportFileError` for a file that cannot be imported (nothing
    read), ``ValueError`` for a bad argument and :class:`ImportCancelled` when ``progress``
    returned False; rows with problems do not raise: the report lists them. ``cache``: the
    sheet the wizard's preview read already (:class:`db.io.readers.TableCache`).
    """
    if on_duplicate not in DUPLICATE_POLICIES:
        raise ValueError(f"on_duplicate must be one of {', '.join(DUPLICATE_POLICIES)}")
    if isinstance(session, Database):
        with session.session() as inner:
            report = import_members(
                inner, path=path, sheet=sheet, mapping=mapping, header_row=header_row,
                on_duplicate=on_duplicate, dry_run=dry_run, remember_mapping=remember_mapping,
                progress=progress, cache=cache, defer_search_index=defer_search_index,
                second_process=True,
            )  # fmt: skip
            committing = time.perf_counter()
            _commit_without_checkpoint(dbapi(inner))  # the session's own commit is then a no-op
            report.phases["commit"] = time.perf_counter() - committing
        if checkpoint and not dry_run:
            checkpointing = time.perf_counter()
            session.checkpoint()
            report.phases["checkpoint"] = time.perf_counter() - checkpointing
        return report
    path = Path(path)
    today = dt.date.today()  # one day for both processes, however long the read
    # A second process reads the sheet itself too, unless it is in the cache (the wizard's
    # preview); see _start_checker.
    in_cache = cache is not None and cache.holds(TableCache.key(path, sheet, None))
    child_reads = None if in_cache else (path, sheet)
    with (
        collector.paused(),
        _second_process(session, path, today, second_process, child_reads) as checker,
    ):
        return _import(
            session, path=path, sheet=sheet, mapping=mapping, header_row=header_row,
            on_duplicate=on_duplicate, dry_run=dry_run, remember_mapping=remember_mapping,
            progress=progress, cache=cache, defer_search_index=defer_search_index,
            checker=checker, today=today,
        )  # fmt: skip


@contextlib.contextmanager
def _second_process(
    session: Session,
    path: Path,
    today: dt.date,
    wanted: bool,
    child_reads: tuple[Path, str | None] | None,
) -> Iterator[CheckerProcess | None]:
    """The second process for the checks (or None), stopped whatever ends the import: a
    cancel or an error on the way leaves no child behind. ``child_reads``: the file and the
    sheet asked for, when the child reads the sheet too (see db.io.check_process)."""
    checker = _start_checker(dbapi(session), path, today, child_reads) if wanted else None
    try:
        yield checker
    finally:
        if checker is not None:
            checker.stop()


def _import(
    session: Session,
    *,
    path: Path,
    sheet: str | None,
    mapping: ColumnMapping | None,
    header_row: int | None,
    on_duplicate: str,
    dry_run: bool,
    remember_mapping: bool,
    progress: Progress | None,
    cache: TableCache | None,
    defer_search_index: bool,
    checker: CheckerProcess | None,
    today: dt.date,
) -> ImportReport:
    started = time.perf_counter()
    connection = dbapi(session)
    before = TableCache.key(path, sheet, None)
    opened = _open_sheet(
        session, path=path, sheet=sheet, mapping=mapping, header_row=header_row, cache=cache
    )
    read_seconds = time.perf_counter() - started
    if checker is not None:
        if len(opened.table.rows) - opened.header.data_start < SECOND_PROCESS_FROM_ROWS:
            checker.stop()  # not worth it after all
            checker = None
        else:
            identity = sheet_identity(path, sheet, before, opened.table)
            checker.configure(opened.mapping, opened.header.names, identity)
    if not opened.mapping.has_name():
        raise ImportFileError(
            "no_name_column",
            "No column holds the members' names: map a column to the first name or full name",
        )
    if dry_run:
        importer = _Importer(
            session, opened, on_duplicate=on_duplicate, dry_run=True, checker=checker,
            today=today,
        )  # fmt: skip
        importer.run(progress=progress)
    else:
        importer = _Importer(
            session, opened, on_duplicate=on_duplicate, dry_run=False,
            defer_search_index=defer_search_index, checker=checker, today=today,
        )  # fmt: skip
        connection.execute(f"SAVEPOINT {SAVEPOINT}")
        try:
            with _bulk_settings(connection):
                importer.run(progress=progress)
            if remember_mapping:
                save_mapping(connection, headers=opened.header.names, mapping=opened.mapping)
            importer.report.seconds = time.perf_counter() - started
            importer.finish_run_log()
        except BaseException:
            if importer.writer is not None:
                importer.writer.stop(abandon=True)  # nothing may run beside the rollback
            connection.execute(f"ROLLBACK TO {SAVEPOINT}")
            connection.execute(f"RELEASE {SAVEPOINT}")
            raise
        finally:
            # The writer points back at the importer: without this link the two (and the
            # sheet's rows) go as soon as the import returns, instead of waiting for a collector
            # pass over millions of objects (2 s holding the GIL at 393,000 rows).
            importer.writer = None
        connection.execute(f"RELEASE {SAVEPOINT}")
    report = importer.report
    report.phases["read"] = read_seconds
    if dry_run:
        report.seconds = time.perf_counter() - started
    # The importer's tables of rows seen (one entry a row) go a slice at a time (see
    # collector.release), on a thread of their own: ~0.8 s at 393,000 rows that no longer
    # delays the commit and the result. The thread holds the last references (the sheet's
    # rows too, when no cache keeps them), so they are freed there.
    threading.Thread(
        target=_release, args=(importer,), name="khrueakhai-import-release", daemon=True
    ).start()
    del importer, opened
    return report


def _release(importer: _Importer) -> None:
    importer.seen.release()
    importer.existing.release()
    collector.release(importer.duplicate_of)


def _for_the_child(index: int) -> bool:
    """Whether batch ``index`` (counted from the first shared) is checked by the second
    process: CHILD_BATCHES of every CHILD_CYCLE, never the first (this thread also takes every
    batch through the duplicate checks and writes)."""
    return index % CHILD_CYCLE >= CHILD_CYCLE - CHILD_BATCHES


def _start_checker(
    connection: sqlite3.Connection,
    path: Path,
    today: dt.date,
    child_reads: tuple[Path, str | None] | None,
) -> CheckerProcess | None:
    """A second process for the checks when the file looks big enough to be worth one (a
    process costs ~1 s to start; it starts while the sheet is read, and is stopped if the
    sheet has fewer than SECOND_PROCESS_FROM_ROWS rows after all), else None. ``child_reads``:
    see _second_process; dropped when the machine lacks the memory for two reads at once."""
    if not worth_a_child(path):
        return None
    if child_reads is not None and not room_for_two_reads(path):
        child_reads = None  # the child is sent the rows
    files = {name: file for _seq, name, file in connection.execute("PRAGMA database_list")}
    if not files.get("main"):
        return None  # an in-memory database: nothing a child could read
    try:
        return CheckerProcess(path=Path(files["main"]), today=today, sheet=child_reads)
    except Exception as error:  # no process here (a sandbox, a frozen build without support)
        log.info("checking the rows in-process: no second process (%s)", error)
        return None


@contextlib.contextmanager
def _bulk_settings(connection: sqlite3.Connection) -> Iterator[None]:
    """A big page cache and a short GIL switch interval while importing (see above)."""
    (cache_size,) = connection.execute("PRAGMA cache_size").fetchone()
    (threads,) = connection.execute("PRAGMA threads").fetchone()
    interval = sys.getswitchinterval()
    connection.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    connection.execute(f"PRAGMA threads = {SORTER_THREADS}")  # the rebuilt indexes' sorts
    sys.setswitchinterval(min(interval, SWITCH_INTERVAL))
    try:
        yield
    finally:
        sys.setswitchinterval(interval)
        connection.execute(f"PRAGMA cache_size = {int(cache_size)}")
        connection.execute(f"PRAGMA threads = {int(threads)}")


def _commit_without_checkpoint(connection: sqlite3.Connection) -> None:
    """COMMIT without SQLite's automatic checkpoint, which would otherwise copy the whole
    import from the write-ahead log into the database file inside the COMMIT (2-3 s at
    393,000 members) before the result can be shown."""
    (pages,) = connection.execute("PRAGMA wal_autocheckpoint").fetchone()
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        connection.execute("COMMIT")
    finally:
        connection.execute(f"PRAGMA wal_autocheckpoint = {int(pages)}")


# --- the work ------------------------------------------------------------------------------------


class _Stamps:
    """Sync fields for many new rows: UUID v7 ids, this office, strictly increasing HLCs from
    one clock reading per batch (the clock is moved past the last one)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        settings = dict(connection.execute(
            "SELECT key, value FROM local_setting WHERE key IN (?, ?)",
            (THIS_OFFICE_KEY, SITE_ID_KEY),
        ).fetchall())  # fmt: skip
        if THIS_OFFICE_KEY not in settings or SITE_ID_KEY not in settings:
            raise RuntimeError("database not initialised: open it with db.engine.open_database")
        self.office_id = settings[THIS_OFFICE_KEY]
        self.clock = clock_for(settings[SITE_ID_KEY])
        self.at = utc_now_iso()
        self._hlcs = HlcRun(self.clock)

    def hlcs(self, count: int) -> list[str]:
        return self._hlcs.stamps(count)

    def one(self) -> str:
        return self.hlcs(1)[0]


@dataclass(slots=True)
class _Existing:
    id: str
    organisation_id: str | None
    birth_date: str | None
    national_id: str | None
    name_key: bytes
    membership_no: str | None = None

    def may_be(self, name_key: bytes, national_id: object) -> bool:
        """Whether a row with this name key and national ID (or None) may be this member:
        the same name, and no other national ID (two IDs are two people)."""
        return name_key == self.name_key and not (
            national_id is not None and self.national_id and self.national_id != national_id
        )


class _Numbers:
    """Registered members by membership number. A number is meant to be one member's (the
    register does not enforce it): the first holder, by rowid, in a (sharded) dict, and the
    rare further holders (copies not merged yet) in a small one beside it."""

    __slots__ = ("_first", "_more", "count")

    def __init__(self) -> None:
        self._first: ShardedDict[str, _Existing] = ShardedDict()
        self._more: dict[str, list[_Existing]] = {}
        self.count = 0  # numbers held

    def add(self, number: str, member: _Existing) -> None:
        self.count += 1
        if self._first.setdefault(number, member) is not member:
            self._more.setdefault(number, []).append(member)

    def holders(self, number: str) -> list[_Existing]:
        """The live members holding ``number``, first registered first."""
        if not self.count:
            return []
        first = self._first.get(number)
        if first is None:
            return []
        more = self._more.get(number)
        return [first, *more] if more else [first]

    def release(self) -> None:
        self._first.release()
        self._more.clear()
        self.count = 0


_NO_NUMBERS = _Numbers()  # an empty register's


class _ExistingMembers:
    """Live members a row may duplicate: by national ID, by membership number, or by name key
    with the same organisation or birth date. Small registers are held in memory; big ones are
    asked per batch through the national-ID, membership-number and name-key indexes."""

    def __init__(self, connection: sqlite3.Connection, *, expected: int) -> None:
        self._connection = connection
        (self.count,) = connection.execute(
            "SELECT count(*) FROM member WHERE deleted_at IS NULL"
        ).fetchone()
        # In memory when small, or when the import outnumbers it (the writer then drops the
        # member indexes until the end).
        self.preloaded = self.count <= PRELOAD_LIMIT or self.count < expected
        # Sharded: a register's worth of keys in one dict grew (and was freed) in single C calls
        # holding the GIL long enough to freeze a window (db.io.shards).
        self._by_id: ShardedDict[str, str] = ShardedDict()
        self._by_name: ShardedDict[bytes, list[_Existing]] = ShardedDict()
        self._by_no = _Numbers()
        if self.preloaded and self.count:
            rows = connection.execute(
                "SELECT id, national_id, name_key, organisation_id, birth_date, membership_no"
                " FROM member WHERE deleted_at IS NULL ORDER BY rowid"
            )
            by_no = self._by_no
            for member_id, national_id, name_key, organisation_id, birth, number in rows:
                if national_id:
                    self._by_id[national_id] = member_id
                existing = _Existing(
                    member_id, organisation_id, birth, national_id, name_key, number or None
                )
                self._by_name.setdefault(name_key, []).append(existing)
                if number:
                    by_no.add(number, existing)

    def lookup(
        self, national_ids: list[str], name_keys: list[bytes], numbers: list[str]
    ) -> tuple[_Ids, _Names, _Numbers]:
        """The members the rows of a batch may be (their national IDs, name keys and
        membership numbers: only asked for when not preloaded)."""
        if not self.count:
            return {}, {}, _NO_NUMBERS
        if self.preloaded:
            return self._by_id, self._by_name, self._by_no
        by_id: dict[str, str] = {}
        by_name: dict[bytes, list[_Existing]] = {}
        by_no = _Numbers()
        unique_ids = list(dict.fromkeys(national_ids))
        for start in range(0, len(unique_ids), 900):
            chunk = unique_ids[start : start + 900]
            rows = self._connection.execute(
                "SELECT national_id, id FROM member WHERE deleted_at IS NULL AND national_id IN"
                f" ({', '.join('?' * len(chunk))})",
                chunk,
            )
            by_id.update(rows.fetchall())
        unique_keys = list(dict.fromkeys(name_keys))
        for start in range(0, len(unique_keys), 900):
            chunk = unique_keys[start : start + 900]
            rows = self._connection.execute(
                "SELECT id, national_id, name_key, organisation_id, birth_date, membership_no"
                f" FROM member WHERE deleted_at IS NULL AND name_key IN"
                f" ({', '.join('?' * len(chunk))}) ORDER BY rowid",
                chunk,
            )
            for member_id, national_id, name_key, organisation_id, birth, number in rows:
                by_name.setdefault(name_key, []).append(_Existing(
                    member_id, organisation_id, birth, national_id, name_key, number or None
                ))  # fmt: skip
        unique_numbers = list(dict.fromkeys(numbers))
        for start in range(0, len(unique_numbers), 900):
            chunk = unique_numbers[start : start + 900]
            rows = self._connection.execute(
                "SELECT id, national_id, name_key, organisation_id, birth_date, membership_no"
                " FROM member WHERE deleted_at IS NULL AND membership_no IN"
                f" ({', '.join('?' * len(chunk))}) ORDER BY rowid",
                chunk,
            )
            for member_id, national_id, name_key, organisation_id, birth, number in rows:
                by_no.add(number, _Existing(
                    member_id, organisation_id, birth, national_id, name_key, number
                ))  # fmt: skip
        return by_id, by_name, by_no

    def release(self) -> None:
        self._by_id.release()
        self._by_name.release()
        self._by_no.release()


# Keys that are one member's: two rows with the same are one member, even with "new".
_ONE_MEMBER_KEYS = frozenset(("same_national_id", "same_membership_no"))
_TAKEN = "membership_no_taken"
# A membership number a row may not take (membership_no_taken, the row rejected) or may not
# give the member it updates (membership_no_left_out), by whom it is (the detail).
_TAKEN_MESSAGES = {
    "registered": (
        "Membership no. {number} is a registered member's, with another name or national ID:"
        " a new member cannot take it. Correct the number or the name (or leave the number"
        " out) and import the row again"
    ),
    "in_file": (
        "Membership no. {number} is that of row {row}, with another name or national ID:"
        " correct the number or the name (or leave the number out) and import the row again"
    ),
    "duplicate": (
        "Membership no. {number} is that of the registered member this row duplicates: a new"
        " member cannot take it. Import with 'update' or 'skip' for duplicates"
    ),
}
_LEFT_OUT_MESSAGES = {
    "registered": (
        "Membership no. {number} is another registered member's: it is left out of this"
        " member's update"
    ),
    "in_file": (
        "Membership no. {number} is that of row {row} (another name or national ID): it is"
        " left out of this member's update"
    ),
}
_Ids = dict[str, str] | ShardedDict[str, str]
_Names = dict[bytes, list[_Existing]] | ShardedDict[bytes, list[_Existing]]

# Rows of the file seen (_Seen), each packed in one int: a tuple would cost 2-3 times the memory
# at 393,000 rows, and these are made for every row. A membership number as a key: 65 bits
# (_number_key; 0 for none). A row that took a number (_Seen.by_no): the hash of its name key
# (64 bits), its row number (32 bits), whether it has a national ID (1 bit). A row by name
# (_Seen.by_name_org, by_name_birth): its number's key, its row number, whether it has an ID.
_HASH_BITS = (1 << 64) - 1
_ROW_BITS = (1 << 32) - 1
_NUMBERED = 1 << 64


def _number_key(number: str | None) -> int:
    return 0 if number is None else (hash(number) & _HASH_BITS) | _NUMBERED


def _seen_row(seen: int) -> int:
    return (seen >> 1) & _ROW_BITS


def _seen_may_be(seen: int, name_key: bytes, has_id: bool) -> bool:
    """Whether a row (its name key, whether it has a national ID) may be the row ``seen`` that
    took the same membership number: the same name and not two national IDs (the two rows'
    IDs differ: the same one was found first)."""
    return seen >> 33 == hash(name_key) & _HASH_BITS and not (has_id and seen & 1)


def _seen_may_be_named(seen: int, has_id: bool, number_key: int) -> bool:
    """Whether a row with the name of the row ``seen`` may be that row: not when both have a
    national ID (they differ: the same one was found first) or both a membership number and
    the numbers differ (two numbers of one list are two members)."""
    if has_id and seen & 1:
        return False
    theirs = seen >> 33
    return not (theirs and number_key and theirs != number_key)


@dataclass(slots=True)
class _Seen:
    """Rows of this file already taken, for duplicates within the file (keys hashed: 393,000
    rows of tuples would cost hundreds of MB; sharded: see db.io.shards)."""

    by_id: ShardedDict[str, int] = field(default_factory=ShardedDict)
    by_no: ShardedDict[int, int] = field(default_factory=ShardedDict)  # by _number_key
    # By hash((name key, organisation or birth date)).
    by_name_org: ShardedDict[int, int] = field(default_factory=ShardedDict)
    by_name_birth: ShardedDict[int, int] = field(default_factory=ShardedDict)

    def release(self) -> None:
        for table in (self.by_id, self.by_no, self.by_name_org, self.by_name_birth):
            table.release()


class _Importer:
    def __init__(
        self,
        session: Session,
        sheet: _Sheet,
        *,
        on_duplicate: str,
        dry_run: bool,
        limit: int | None = None,
        defer_search_index: bool = False,
        checker: CheckerProcess | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.session = session
        self.checker = checker
        self.connection = dbapi(session)
        self.sheet = sheet
        self.on_duplicate = on_duplicate
        self.dry_run = dry_run
        self.limit = limit
        self.defer_search_index = defer_search_index
        self.context = ImportContext(session, self.connection, today=today or dt.date.today())
        self.normaliser = RowNormaliser(self.context, sheet.mapping, sheet.header.names)
        self.expected = max(0, len(sheet.table.rows) - sheet.header.data_start)
        if limit is not None:
            self.expected = min(self.expected, limit)
        self.existing = _ExistingMembers(self.connection, expected=self.expected)
        self.seen = _Seen()
        table = sheet.table
        self.report = ImportReport(
            file_name=table.path.name, sheet=table.sheet, header_row=sheet.header.row_number,
            on_duplicate=on_duplicate, dry_run=dry_run, mapping=sheet.mapping.to_dict(),
        )  # fmt: skip
        self._note_unkept_fields()
        self.preview_rows: list[NormalisedRow] = []
        self.duplicate_of: dict[int, dict[str, object]] = {}
        # "Created" warnings of rows skipped or rejected as duplicates (nothing was created for
        # them), owed to the next row naming the same new organisation or group that is taken.
        self.owed_created: dict[int, tuple[object, RowIssue]] = {}
        self.position_keys: dict[str, bytes] = {}
        self.writer: _Writer | None = None

    def _note_unkept_fields(self) -> None:
        """A warning on the first data row when the sheet's provinces (districts,
        organisation types) cannot be kept: the sheet names no organisation."""
        unkept = self.sheet.mapping.unkept_fields()
        if not unkept:
            return
        header = self.sheet.header
        column = header.names[self.sheet.mapping.column_of(unkept[0]) or 0]
        self.report.warnings.append(RowIssue(
            header.data_start + 1, column, "organisation_hints_not_kept",
            "The sheet has no organisation column: a member's province, district and"
            " organisation type are kept through their organisation, so these columns are"
            " not imported. Add the organisation's name to import them.",
            args={"fields": ", ".join(unkept)},
        ).to_dict())  # fmt: skip

    # The rows, in batches.

    def _batches(self) -> Iterator[list[tuple[int, Sequence[object]]]]:
        rows = self.sheet.table.rows
        start = self.sheet.header.data_start
        is_empty_row = self.sheet.header.is_empty_row
        batch: list[tuple[int, Sequence[object]]] = []
        taken = 0
        for index in range(start, len(rows)):
            cells = rows[index]
            if is_empty_row(cells):
                continue
            batch.append((index + 1, cells))
            taken += 1
            if self.limit is not None and taken >= self.limit:
                break
            if len(batch) >= BATCH_ROWS:
                yield batch
                batch = []
        if batch:
            yield batch

    def run(self, *, progress: Progress | None) -> None:
        # Progress counts the rows with something to import, as the wizard's file page does
        # (not the blank rows between them).
        batches = list(self._batches())
        total = sum(map(len, batches))
        if progress is not None and progress(0, total) is False:
            raise ImportCancelled("import cancelled: nothing was written")
        if not self.dry_run:
            self.writer = _Writer(self, expected=total)
        done = 0
        checking = 0.0
        checker = self.checker
        shared_from: int | None = None  # the first batch shared with the child, once ready
        # (A cancel or an error stops the child: see _second_process.)
        for index, batch in enumerate(batches):
            cpu = time.thread_time()
            if checker is not None and shared_from is None:
                # Until the child is ready (started, the sheet read: it may read it too), this
                # thread checks every batch; then the child checks its share of the rest.
                try:
                    if checker.ready(CHILD_READY_WAIT_S):
                        shared_from = index
                        for later in range(index, len(batches)):
                            if _for_the_child(later - index):
                                checker.send(later, batches[later])
                except CheckerFailed:
                    checker = None
            results = None
            if (checker is not None and shared_from is not None
                    and _for_the_child(index - shared_from)):  # fmt: skip
                try:
                    results = checker.results(index)
                except CheckerFailed:
                    checker = None  # the rest is checked here
                else:
                    adopt(results, batch, self.normaliser)
            if results is None:
                normalise = self.normaliser.normalise
                results = [normalise(cells, row) for row, cells in batch]
            self._batch(batch, results)
            checking += time.thread_time() - cpu
            self.report.phases["checks"] = checking
            done += len(batch)
            if progress is not None and progress(done, total) is False:
                raise ImportCancelled("import cancelled: nothing was written")
        if self.checker is not None:
            self.checker.close()
            self.report.phases["checks beside"] = self.checker.cpu_seconds
        if self.writer is not None:
            finishing = time.perf_counter()

            def still_wanted() -> None:  # between the last steps, which take seconds in bulk
                if progress is not None and progress(total, total) is False:
                    raise ImportCancelled("import cancelled: nothing was written")

            self.writer.close(between=still_wanted)
            self.report.phases["finish"] = time.perf_counter() - finishing
            self.report.phases["inserts"] = self.writer.cpu_seconds
        if progress is not None and done < total and progress(total, total) is False:
            raise ImportCancelled("import cancelled: nothing was written")

    def _batch(
        self, batch: list[tuple[int, Sequence[object]]], results: list[NormalisedRow]
    ) -> None:
        report = self.report
        good = [r for r in results if r.ok]
        # The name keys the second process did not work out: all of this thread's rows, and
        # those of the child's that adopt() checked again here.
        unkeyed = [r for r in good if r.name_key is None]
        if unkeyed:
            keys = thai_sort_keys(
                f"{r.values['first_name']} {r.values['last_name']}" for r in unkeyed
            )
            for result, key in zip(unkeyed, keys, strict=True):
                result.name_key = key
        names: list[bytes] = [r.name_key for r in good]  # type: ignore[misc]
        if self.writer is not None and not self.existing.preloaded:
            self.writer.wait()  # the lookups read the connection the writer uses
        existing = self.existing
        by_id, by_name, by_no = existing.lookup(
            [str(r.values["national_id"]) for r in good if r.values["national_id"]], names,
            [] if existing.preloaded
            else [str(r.values["membership_no"]) for r in good if r.values["membership_no"]],
        )  # fmt: skip
        inserts: list[tuple[NormalisedRow, bytes]] = []
        updates: list[tuple[NormalisedRow, bytes, str]] = []
        for result in results:
            report.rows += 1
            if self.limit is not None:
                self.preview_rows.append(result)
            if not result.ok:
                self._reject(result)
                continue
            name_key: bytes = result.name_key  # type: ignore[assignment]
            action = self._duplicates(result, name_key, by_id, by_name, by_no)
            if result.organisation is not None or result.groups:
                self._settle_created(result, taken=action == "insert" or action[:7] == "update:")
            if action == "insert":
                inserts.append((result, name_key))
            elif action.startswith("update:"):
                updates.append((result, name_key, action[7:]))
                if self.writer is None and result.warnings:  # a dry run says what _updates does
                    self._keep_registered_phone(result, action[7:])
            elif action == "reject":
                self._reject(result)
                continue
            report.warnings.extend(w.to_dict() for w in result.warnings)
        if self.writer is not None:
            self.writer.write(inserts, updates)
        else:
            report.imported += len(inserts)
            report.updated += len(updates)  # a dry run counts every update as a change
            for result in [r for r, _ in inserts] + [r for r, _, _ in updates]:
                self._count_pending(result)

    def _keep_registered_phone(self, result: NormalisedRow, member_id: str) -> None:
        """:func:`keep_registered_phone` for a dry run's update (the writer does it for a
        real one, with the member's row it reads anyway)."""
        if not any(w.code == "several_phones" and w.args and "moved" in w.args
                   for w in result.warnings):  # fmt: skip
            return
        found = self.connection.execute(
            "SELECT phone, phone_office FROM member WHERE id = ?", (member_id,)
        ).fetchone()
        if found is not None:
            keep_registered_phone(result, {"phone": found[0], "phone_office": found[1]})

    def _settle_created(self, result: NormalisedRow, *, taken: bool) -> None:
        """The "created" warning of a new organisation or group stays on the first row that
        is taken (inserted or updated) naming it: a row skipped or rejected as a duplicate
        creates nothing, so its warning goes to the next row taken instead."""
        claims: list[tuple[PendingOrganisation | PendingGroup, list[RowIssue]]] = []
        if result.organisation is not None:
            mine = [w for w in result.warnings if w.code == "organisation_created"]
            claims.append((result.organisation, mine))
        for join in result.groups:  # each new group has a warning of its own
            if join.pending is not None:
                mine = [w for w in result.warnings if w == join.created]
                claims.append((join.pending, mine))
        for pending, mine in claims:
            self._settle_claim(result, pending, mine, taken=taken)

    def _settle_claim(
        self,
        result: NormalisedRow,
        pending: PendingOrganisation | PendingGroup,
        mine: list[RowIssue],
        *,
        taken: bool,
    ) -> None:
        """:meth:`_settle_created` for one organisation or group (``mine``: the row's
        "created" warnings for it)."""
        owed = self.owed_created
        if not taken:
            if mine:
                result.warnings = [w for w in result.warnings if w not in mine]
                pending.first_row = 0  # rows checked from now on may claim it themselves
                owed[id(pending)] = (pending, mine[0])
        elif mine:
            owed.pop(id(pending), None)
        elif id(pending) in owed:
            _, warning = owed.pop(id(pending))
            pending.first_row = result.row
            result.warnings.append(replace(warning, row=result.row))

    def _count_pending(self, result: NormalisedRow) -> None:
        pending = result.organisation
        if pending is not None and pending.id is None:
            pending.id = f"(new) {pending.name}"
            self.context.organisations.created(pending, pending.id)
        for join in result.groups:
            group = join.pending
            if group is not None and group.id is None:
                group.id = f"(new) {group.name}"
                self.context.groups[group.key] = group.id

    def _reject(self, result: NormalisedRow) -> None:
        self.report.rejected += 1
        self.report.errors.extend(e.to_dict() for e in result.errors)
        self.report.warnings.extend(w.to_dict() for w in result.warnings)

    def _duplicate(self, result: NormalisedRow, entry: dict[str, object]) -> None:
        self.report.duplicates.append(entry)
        self.duplicate_of[result.row] = entry

    def _duplicates(
        self,
        result: NormalisedRow,
        name_key: bytes,
        by_id: _Ids,
        by_name: _Names,
        by_no: _Numbers,
    ) -> str:
        """What to do with a valid row: insert, update:<member id>, skip or reject.

        A row is the member (or the earlier row) with its national ID, else the one holding
        its membership number (with the same name and no other national ID), else one with
        its name and organisation or birth date. A membership number held by someone the row
        is not (another name or national ID) is not taken over: see _number_taken."""
        values = result.values
        national_id = values["national_id"]
        number = values["membership_no"] or None
        number_key = _number_key(number)
        organisation = values["organisation_id"] or (
            result.organisation.key if result.organisation is not None else None
        )
        if organisation is not None:  # an organisation this import made: the same identity
            organisation = self.context.organisations.created_keys.get(
                str(organisation), organisation
            )
        birth = values["birth_date"]
        has_id = national_id is not None
        seen = self.seen
        row = result.row
        # Within the file.
        earlier: int | None = None
        reason = ""
        number_seen: int | None = None
        if has_id and national_id in seen.by_id:
            earlier, reason = seen.by_id[national_id], "same_national_id"  # type: ignore[index]
        else:
            if number_key:
                number_seen = seen.by_no.get(number_key)
                if number_seen is not None and _seen_may_be(number_seen, name_key, has_id):
                    earlier, reason = _seen_row(number_seen), "same_membership_no"
            if earlier is None:
                for store, what, key in (
                    (seen.by_name_org, "same_name_and_organisation", organisation),
                    (seen.by_name_birth, "same_name_and_birth_date", birth),
                ):
                    if key is None:
                        continue
                    found = store.get(hash((name_key, key)))
                    if found is not None and _seen_may_be_named(found, has_id, number_key):
                        earlier, reason = _seen_row(found), what
                        break
        if earlier is not None and (reason in _ONE_MEMBER_KEYS or self.on_duplicate != "new"):
            self._duplicate(result, {
                "row": row, "duplicate_of_row": earlier, "reason": reason, "action": "skipped",
            })  # fmt: skip
            self.report.skipped += 1
            return "skip"
        if earlier is not None:  # a name duplicate imported all the same ("new")
            entry: dict[str, object] = {
                "row": row, "duplicate_of_row": earlier, "reason": reason, "action": "imported",
            }  # fmt: skip
            self._duplicate(result, entry)
            action = self._numbered(
                result, "insert", number, number_key, number_seen, by_no, entry
            )
        elif not self.existing.count and number_seen is None:  # (a bulk import's rows: inline)
            action = "insert"  # no one to duplicate, the number (if any) free
            if number_key:
                self._keep_number(result, number_key)
        else:
            action = self._registered(
                result, name_key, organisation, number, number_key, number_seen, by_id, by_name,
                by_no,
            )  # fmt: skip
        if action != "reject" or not result.errors or result.errors[-1].code != _TAKEN:
            # Taken (a row rejected for its membership number is no member of the file).
            if has_id:
                seen.by_id[national_id] = row  # type: ignore[index]
            if organisation is not None or birth is not None:
                kept = number_key if values["membership_no"] else 0  # not if left out
                named = (kept << 33) | (row << 1) | has_id
                if organisation is not None:
                    seen.by_name_org.setdefault(hash((name_key, organisation)), named)
                if birth is not None:
                    seen.by_name_birth.setdefault(hash((name_key, birth)), named)
        return action

    def _registered(
        self,
        result: NormalisedRow,
        name_key: bytes,
        organisation: object,
        number: str | None,
        number_key: int,
        number_seen: int | None,
        by_id: _Ids,
        by_name: _Names,
        by_no: _Numbers,
    ) -> str:
        """:meth:`_duplicates` against the register, for a row that duplicates no earlier
        row."""
        values = result.values
        national_id = values["national_id"]
        has_id = national_id is not None
        birth = values["birth_date"]
        row = result.row
        existing_id: str | None = None
        reason = ""
        namesake: _Existing | None = None
        if has_id and national_id in by_id:
            existing_id, reason = by_id[national_id], "same_national_id"  # type: ignore[index]
        else:
            if number is not None and by_no.count:
                for holder in by_no.holders(number):
                    if holder.may_be(name_key, national_id):
                        existing_id, reason = holder.id, "same_membership_no"
                        break
            if existing_id is None:
                birth_text = birth.isoformat() if birth is not None else None  # type: ignore[attr-defined]
                for candidate in by_name.get(name_key, ()):
                    if has_id and candidate.national_id and candidate.national_id != national_id:
                        continue  # different people with the same name
                    if number is not None and candidate.membership_no not in (None, number):
                        namesake = candidate  # two membership numbers: two members of one name
                        continue
                    if organisation is not None and candidate.organisation_id == organisation:
                        existing_id, reason = candidate.id, "same_name_and_organisation"
                        break
                    if birth_text is not None and candidate.birth_date == birth_text:
                        existing_id, reason = candidate.id, "same_name_and_birth_date"
                        break
        if existing_id is None:
            if namesake is not None:  # said: a renumbering is done in the member's profile
                result.warnings.append(RowIssue(
                    row, self.normaliser.header_of.get("membership_no", ""), "namesake_numbered",
                    f"A registered member of the same name has membership number"
                    f" {namesake.membership_no}: this row, numbered {number}, is imported as"
                    " another member (to change a member's number, edit the member)",
                    args={"number": str(namesake.membership_no), "row_number": str(number)},
                ))  # fmt: skip
            return self._numbered(result, "insert", number, number_key, number_seen, by_no, None)
        entry: dict[str, object] = {
            "row": row, "existing_member_id": existing_id, "reason": reason
        }  # fmt: skip
        self._duplicate(result, entry)
        update = "update:" + existing_id
        if self.on_duplicate == "skip":
            entry["action"] = "skipped"
            self.report.skipped += 1
            if number is not None and self._number_taken(
                result, number, number_seen, by_no, update
            ) is None:  # fmt: skip
                self._keep_number(result, number_key)
            return "skip"
        if self.on_duplicate == "update":
            entry["action"] = "updated"
            return self._numbered(result, update, number, number_key, number_seen, by_no, entry)
        if reason == "same_national_id":
            entry["action"] = "rejected"
            result.errors.append(RowIssue(
                row, self.normaliser.header_of.get("national_id", ""), "duplicate_national_id",
                "A member with this national ID is already in the register: import with"
                " 'update' or 'skip' for duplicates",
            ))  # fmt: skip
            return "reject"
        entry["action"] = "imported"
        return self._numbered(result, "insert", number, number_key, number_seen, by_no, entry)

    def _numbered(
        self,
        result: NormalisedRow,
        action: str,
        number: str | None,
        number_key: int,
        number_seen: int | None,
        by_no: _Numbers,
        entry: dict[str, object] | None,
    ) -> str:
        """``action`` (insert or update:<member id>) for a row whose membership number is
        its own or free; else (the number is taken: _number_taken) reject a new member, or
        update the member without the number (a warning says so). A number kept is then the
        row's within the file."""
        if number is None:
            return action
        if number_seen is None and not by_no.count:  # free: the row's (most rows)
            self._keep_number(result, number_key)
            return action
        taken = self._number_taken(result, number, number_seen, by_no, action)
        if taken is None:
            self._keep_number(result, number_key)
            return action
        detail, args = taken
        column = self.normaliser.header_of.get("membership_no", "")
        if action == "insert":
            if entry is not None:
                entry["action"] = "rejected"
            result.errors.append(RowIssue(
                result.row, column, _TAKEN, _TAKEN_MESSAGES[detail].format(**args),
                detail, args,
            ))  # fmt: skip
            return "reject"
        result.values["membership_no"] = ""
        result.given.discard("membership_no")
        result.warnings.append(RowIssue(
            result.row, column, "membership_no_left_out", _LEFT_OUT_MESSAGES[detail].format(**args),
            detail, args,
        ))  # fmt: skip
        return action

    def _number_taken(
        self,
        result: NormalisedRow,
        number: str,
        number_seen: int | None,
        by_no: _Numbers,
        action: str,
    ) -> tuple[str, dict[str, str]] | None:
        """Whom ``number`` is, when not the row's to take: (detail, args) of the problem, else
        None. Within the file: the earlier row that took it (a row that may be that row is its
        duplicate, never asked here): detail ``in_file``. In the register: any holder when the
        row is a new member, else a holder other than the member it updates: ``duplicate``
        when the holder may be the row (a new member beside it, with "new"), else
        ``registered``."""
        if number_seen is not None:
            return "in_file", {"number": number, "row": str(_seen_row(number_seen))}
        holders = by_no.holders(number)
        if not holders:
            return None
        if action == "insert":
            name_key: bytes = result.name_key  # type: ignore[assignment]
            national_id = result.values["national_id"]
            if any(h.may_be(name_key, national_id) for h in holders):
                return "duplicate", {"number": number}
        elif any(h.id == action[7:] for h in holders):
            return None
        return "registered", {"number": number}

    def _keep_number(self, result: NormalisedRow, number_key: int) -> None:
        """The row keeps its membership number: later rows with it are its duplicates (see
        _Seen.by_no; the number was seen in no earlier row)."""
        self.seen.by_no[number_key] = (
            (hash(result.name_key) & _HASH_BITS) << 32 | result.row
        ) << 1 | (result.values["national_id"] is not None)

    def finish_run_log(self) -> None:
        """Counts and the report into the run's log row (in the caller's transaction)."""
        if self.writer is not None:
            self.writer.finish_run()


class _Writer:
    """Writes accepted rows: staged inserts, staged updates, the run log."""

    def __init__(self, importer: _Importer, *, expected: int) -> None:
        self.importer = importer
        self.connection = importer.connection
        self.report = importer.report
        self.stamps = _Stamps(self.connection)
        connection = self.connection
        connection.execute("PRAGMA defer_foreign_keys = ON")
        self.run_id = new_id()
        table = importer.sheet.table
        actor = current_actor()
        connection.execute(
            "INSERT INTO import_run (id, owner_office_id, created_at, updated_at, hlc,"
            " file_name, sheet, on_duplicate, imported, updated, skipped, rejected, report_json,"
            " user_id, user_name, device)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, '', ?, ?, ?)",
            (self.run_id, self.stamps.office_id, self.stamps.at, self.stamps.at,
             self.stamps.one(), table.path.name, table.sheet, importer.on_duplicate,
             actor.user_id, actor.user_name, actor.device),
        )  # fmt: skip
        self.report.run_id = self.run_id
        self.pending = 0
        self.pending_updates = 0
        self.indexes: list[tuple[str, str]] = []
        if importer.existing.count < expected:
            assert importer.existing.preloaded  # duplicates are not looked up through them
            # More new members than there are: rebuild the member indexes by sorting at the
            # end (most hold the random ICU name key) instead of inserting at random places.
            self.indexes = connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                " AND tbl_name = 'member' AND sql IS NOT NULL ORDER BY rowid"
            ).fetchall()
            for name, _sql in self.indexes:
                connection.execute(f'DROP INDEX "{name}"')
        # In a bulk import the rows go straight into the member table with the INSERT
        # triggers dropped; their work (the FTS5 index) is done for each range of new rowids
        # by one INSERT ... SELECT (see db.io.import_triggers), and they come back at the end.
        self.triggers = bulk_insert_triggers(connection, "member") if self.indexes else None
        self.direct = self.triggers is not None
        (self.indexed_upto,) = connection.execute(
            "SELECT coalesce(max(rowid), 0) FROM main.member"
        ).fetchone()
        self.rowid_before = self.indexed_upto
        # Deferred: the search documents, written after the commit (db.search's backlog).
        self.deferred = [
            t for t in self.triggers or ()
            if importer.defer_search_index and t.name == SEARCH_INSERT_TRIGGER
        ]  # fmt: skip
        self.ranged = [t for t in self.triggers or () if t not in self.deferred]
        for trigger in self.triggers or ():
            connection.execute(f'DROP TRIGGER "{trigger.name}"')
        connection.execute("DROP TABLE IF EXISTS temp.import_member")
        connection.execute("DROP TABLE IF EXISTS temp.import_update")
        connection.execute("CREATE TEMP TABLE import_member AS SELECT * FROM main.member WHERE 0")
        connection.execute("CREATE TEMP TABLE import_update AS SELECT * FROM main.member WHERE 0")
        row = connection.execute("SELECT v FROM member_fts_config WHERE k = 'hashsize'").fetchone()
        self.hashsize = int(row[0]) if row else FTS_HASHSIZE_DEFAULT
        self._set_hashsize(FTS_HASHSIZE_BULK)
        columns = ", ".join(_INSERT_COLUMNS)
        marks = ", ".join("?" * len(_INSERT_COLUMNS))
        self.stage_head = (
            f"INSERT INTO main.member ({columns})" if self.direct
            else f"INSERT INTO temp.import_member ({columns})"
        )  # fmt: skip
        self.stage_update_sql = f"INSERT INTO temp.import_update ({columns}) VALUES ({marks})"
        self.flush_sql = (
            f"INSERT INTO main.member ({columns}) SELECT {columns} FROM temp.import_member"
            " ORDER BY rowid"
        )
        assignments = ", ".join(
            f"{c} = u.{c}" for c in (*MEMBER_COLUMNS, "name_key", "position_key", "updated_at",
                                     "hlc")
        )  # fmt: skip
        self.update_sql = (
            f"UPDATE main.member SET {assignments} FROM temp.import_update u"
            " WHERE main.member.id = u.id"
        )
        # SQL runs on a worker thread, in order, while this thread reads and checks the next
        # rows (sqlite3 lets go of the GIL while SQLite works: the FTS5 indexing and inserts
        # overlap the Python work on a second core). This thread touches the connection only
        # after wait().
        self._jobs: queue.Queue[Callable[[], object] | None] = queue.Queue(maxsize=JOB_QUEUE)
        self._error: BaseException | None = None
        self._abandoned = False
        self.cpu_seconds = 0.0  # the writer thread's, for the report's phases
        self._thread = threading.Thread(target=self._work, name="import-writer", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                if job is None:
                    return
                if self._error is None and not self._abandoned:
                    cpu = time.thread_time()
                    job()
                    self.cpu_seconds += time.thread_time() - cpu
            except BaseException as error:  # handed to the importing thread
                self._error = error
            finally:
                self._jobs.task_done()

    def submit(self, function: Callable[..., object], *args: object) -> None:
        if self._error is not None:
            raise self._error
        self._jobs.put(functools.partial(function, *args))

    def wait(self) -> None:
        """Until every submitted statement ran; re-raises a worker's error."""
        self._jobs.join()
        if self._error is not None:
            raise self._error

    def stop(self, *, abandon: bool = False) -> None:
        """End the worker after what it was given (skipped with ``abandon``); safe twice."""
        self._abandoned = self._abandoned or abandon
        if self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join()

    def _set_hashsize(self, value: int) -> None:
        self.connection.execute(
            "INSERT INTO member_fts(member_fts, rank) VALUES ('hashsize', ?)", (value,)
        )

    def _position_key(self, position: str) -> bytes:
        keys = self.importer.position_keys
        key = keys.get(position)
        if key is None:
            key = keys[position] = thai_sort_key(position) if position else b""
        return key

    def _create_pending(self, rows: list[NormalisedRow]) -> None:
        """Organisations and groups the rows name that are not in the register yet."""
        organisations: list[PendingOrganisation] = []
        groups: list[PendingGroup] = []
        for result in rows:
            pending = result.organisation
            if pending is not None and pending.id is None and pending not in organisations:
                organisations.append(pending)
            for join in result.groups:
                group = join.pending
                if group is not None and group.id is None and group not in groups:
                    groups.append(group)
        stamps = self.stamps
        if organisations:
            hlcs = stamps.hlcs(len(organisations))
            rows_out = []
            for pending, hlc in zip(organisations, hlcs, strict=True):
                organisation_id = new_id()
                rows_out.append((organisation_id, stamps.office_id, stamps.at, stamps.at, hlc,
                                 pending.type_code, pending.name, pending.province_code,
                                 pending.district_code, thai_sort_key(pending.name)))  # fmt: skip
                self.importer.context.organisations.created(pending, organisation_id)
                self.report.created_organisations.append(organisation_id)
            self.submit(
                self.connection.executemany,
                "INSERT INTO organisation (id, owner_office_id, created_at, updated_at, hlc,"
                " type_code, name, province_code, district_code, name_key)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows_out,
            )
        if groups:
            hlcs = stamps.hlcs(len(groups))
            rows_out = []
            for group, hlc in zip(groups, hlcs, strict=True):
                group.id = new_id()
                self.importer.context.groups[group.key] = group.id
                key = thai_sort_key(group.name)
                rows_out.append((group.id, stamps.office_id, stamps.at, stamps.at, hlc,
                                 group.name, "network", None, "", key))  # fmt: skip
                self.report.created_groups.append(group.id)
            self.submit(
                self.connection.executemany,
                "INSERT INTO network_group (id, owner_office_id, created_at, updated_at, hlc,"
                " name, kind, parent_id, description, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?)",
                rows_out,
            )

    def _row_values(self, result: NormalisedRow) -> list[object]:
        """The member columns as stored (dates as ISO text), in MEMBER_COLUMNS order."""
        out = list(_MEMBER_VALUES(result.values))  # one C call for the 26 columns
        for index in _DATE_INDEXES:
            value = out[index]
            if value is not None:
                out[index] = value.isoformat()  # type: ignore[attr-defined]
        return out

    def write(
        self,
        inserts: list[tuple[NormalisedRow, bytes]],
        updates: list[tuple[NormalisedRow, bytes, str]],
    ) -> None:
        self._create_pending([r for r, _ in inserts] + [r for r, _, _ in updates])
        for result in [r for r, _ in inserts] + [r for r, _, _ in updates]:
            if result.organisation is not None:
                result.values["organisation_id"] = result.organisation.id
            for join in result.groups:
                if join.pending is not None:
                    join.id = join.pending.id
        stamps = self.stamps
        connection = self.connection
        items: list[tuple[object, ...]] = []
        strengths: list[tuple[str, str]] = []
        memberships: list[tuple[str, str, str, str | None]] = []
        if inserts:
            ids = new_ids(len(inserts))
            hlcs = stamps.hlcs(len(inserts))
            office, at = stamps.office_id, stamps.at
            staged = []
            for (result, name_key), member_id, hlc in zip(inserts, ids, hlcs, strict=True):
                position_key = self._position_key(str(result.values["position"]))
                staged.append((member_id, office, at, at, hlc, *self._row_values(result),
                               name_key, position_key))  # fmt: skip
                items.append((self.run_id, member_id, "created", "", result.row))
                strengths.extend((member_id, tag) for tag in result.strengths)
                memberships.extend(_memberships(result, member_id, result.groups))
            self.submit(insert_rows, connection, self.stage_head, len(_INSERT_COLUMNS), staged)
            self.pending += len(staged)
            self.report.imported += len(staged)
        if updates:
            self._updates(updates, items, strengths, memberships)
        self._insert_children(strengths, memberships, items)
        if self.pending >= FLUSH_ROWS:
            self.flush()

    def _updates(
        self,
        updates: list[tuple[NormalisedRow, bytes, str]],
        items: list[tuple[object, ...]],
        strengths: list[tuple[str, str]],
        memberships: list[tuple[str, str, str, str | None]],
    ) -> None:
        """Fill existing members with the sheet's non-empty values; log what changed."""
        connection = self.connection
        self.wait()  # reads below
        member_ids = list(dict.fromkeys(member for _, _, member in updates))
        current: dict[str, dict[str, object]] = {}
        for start in range(0, len(member_ids), 900):
            chunk = member_ids[start : start + 900]
            cursor = connection.execute(
                f"SELECT {', '.join(_INSERT_COLUMNS)} FROM member"
                f" WHERE id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            for row in cursor:
                current[row[0]] = dict(zip(_INSERT_COLUMNS, row, strict=True))
        tags: dict[str, set[str]] = {}
        groups: dict[str, dict[str, tuple[str, str]]] = {}  # member -> group -> (row id, role)
        for start in range(0, len(member_ids), 900):
            chunk = member_ids[start : start + 900]
            marks = ", ".join("?" * len(chunk))
            for member_id, tag in connection.execute(
                "SELECT member_id, tag FROM member_strength WHERE deleted_at IS NULL"
                f" AND member_id IN ({marks})", chunk,
            ):  # fmt: skip
                tags.setdefault(member_id, set()).add(tag)
            for member_id, group_id, membership_id, role in connection.execute(
                "SELECT member_id, group_id, id, role FROM group_membership"
                f" WHERE deleted_at IS NULL AND ended_on IS NULL AND member_id IN ({marks})", chunk,
            ):  # fmt: skip
                groups.setdefault(member_id, {})[group_id] = (membership_id, role)
        staged: list[tuple[object, ...]] = []
        role_changes: list[tuple[str, str]] = []  # (new role, membership row id)
        done: set[str] = set()
        hlcs = iter(self.stamps.hlcs(len(updates)))
        for result, _name_key, member_id in updates:
            entry = self.importer.duplicate_of[result.row]
            old_row = current.get(member_id)
            if old_row is None or member_id in done:
                entry["action"] = "skipped"
                self.report.skipped += 1
                continue
            shared = keep_registered_phone(result, old_row)
            if shared is not None:  # the warning the report holds says it anew
                warnings = self.report.warnings
                for index in range(len(warnings) - 1, -1, -1):
                    if warnings[index]["row"] == result.row and (
                        warnings[index]["code"] == "several_phones"
                    ):
                        warnings[index] = shared.to_dict()
                        break
            new_values = self._row_values(result)
            changed: dict[str, object] = {}
            merged = dict(old_row)
            for name, value in zip(MEMBER_COLUMNS, new_values, strict=True):
                if name == "notes" and name in result.given:
                    value = merged_notes(old_row[name], value)
                if name in result.given and value not in (None, "") and old_row[name] != value:
                    changed[name] = old_row[name]
                    merged[name] = value
            added_tags = [t for t in result.strengths if t not in tags.get(member_id, set())]
            current_groups = groups.get(member_id, {})
            joins = [join for join in result.groups if join.id not in current_groups]
            # The role the row gives in a group the member is in already: (row, old, new).
            roles = [
                (current_groups[join.id][0], current_groups[join.id][1], join.role)
                for join in result.groups
                if join.id in current_groups and join.role_given
                and join.role != current_groups[join.id][1]
            ]  # fmt: skip
            if not changed and not added_tags and not joins and not roles:
                entry["action"] = "unchanged"
                self.report.skipped += 1
                continue
            done.add(member_id)
            log: dict[str, object] = dict(changed)
            if changed:
                if {"first_name", "last_name"} & changed.keys():
                    merged["name_key"] = thai_sort_key(
                        f"{merged['first_name']} {merged['last_name']}"
                    )
                if "position" in changed:
                    merged["position_key"] = self._position_key(str(merged["position"]))
                merged["updated_at"] = self.stamps.at
                merged["hlc"] = next(hlcs)
                staged.append(tuple(merged[c] for c in _INSERT_COLUMNS))
                log["_updated_at"] = old_row["updated_at"]
                log["_hlc"] = old_row["hlc"]
            if added_tags:
                log["_strengths_added"] = added_tags
                strengths.extend((member_id, tag) for tag in added_tags)
            if joins:
                log["_groups_joined"] = [join.id for join in joins]
                memberships.extend(_memberships(result, member_id, joins))
            if roles:
                log["_group_roles"] = {membership: old for membership, old, _new in roles}
                role_changes.extend((new, membership) for membership, _old, new in roles)
            entry["changed"] = [*changed, *(["strengths"] if added_tags else []),
                                *(["groups"] if joins or roles else [])]  # fmt: skip
            logged = json.dumps(log, ensure_ascii=False, default=_json_bytes)
            items.append((self.run_id, member_id, "updated", logged, result.row))
            self.report.updated += 1
        if staged:
            connection.executemany(self.stage_update_sql, staged)
            connection.execute(self.update_sql)
            connection.execute("DELETE FROM temp.import_update")
        if role_changes:
            hlcs_roles = self.stamps.hlcs(len(role_changes))
            connection.executemany(
                "UPDATE group_membership SET role = ?, updated_at = ?, hlc = ? WHERE id = ?",
                [(role, self.stamps.at, hlc, membership)
                 for (role, membership), hlc in zip(role_changes, hlcs_roles, strict=True)],
            )  # fmt: skip

    def _insert_children(
        self,
        strengths: list[tuple[str, str]],
        memberships: list[tuple[str, str, str, str | None]],
        items: list[tuple[object, ...]],
    ) -> None:
        stamps = self.stamps
        office, at = stamps.office_id, stamps.at
        connection = self.connection
        if strengths:
            ids = new_ids(len(strengths))
            hlcs = stamps.hlcs(len(strengths))
            self.submit(
                insert_rows, connection,
                "INSERT INTO member_strength (id, owner_office_id, created_at, updated_at, hlc,"
                " member_id, tag)", 7,
                [(i, office, at, at, h, m, t)
                 for i, h, (m, t) in zip(ids, hlcs, strengths, strict=True)],
            )  # fmt: skip
        if memberships:
            ids = new_ids(len(memberships))
            hlcs = stamps.hlcs(len(memberships))
            self.submit(
                connection.executemany,
                "INSERT INTO group_membership (id, owner_office_id, created_at, updated_at, hlc,"
                " group_id, member_id, role, started_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(i, office, at, at, h, *m)
                 for i, h, m in zip(ids, hlcs, memberships, strict=True)],
            )  # fmt: skip
        if items:
            self.submit(
                insert_rows, connection,
                "INSERT INTO import_run_item (run_id, member_id, action, old_values_json,"
                " row_number)", 5, items,
            )  # fmt: skip

    def flush(self) -> None:
        if not self.pending:
            return
        if self.direct:
            self.submit(self._catch_up_triggers)
        else:
            self.submit(self.connection.execute, self.flush_sql)
            self.submit(self.connection.execute, "DELETE FROM temp.import_member")
        self.pending = 0

    def _catch_up_triggers(
        self, *, step: int | None = None, between: Callable[[], None] = lambda: None
    ) -> None:
        """The dropped triggers' work for the rows inserted since the last time (the writer's,
        or at the end this thread's, ``step`` rowids at a time with ``between`` after each)."""
        connection = self.connection
        (upto,) = connection.execute("SELECT coalesce(max(rowid), 0) FROM main.member").fetchone()
        if not self.ranged:  # the search documents deferred, no other trigger: nothing to do
            self.indexed_upto = upto
            return
        while self.indexed_upto < upto:
            end = upto if step is None else min(upto, self.indexed_upto + step)
            for trigger in self.ranged:
                connection.execute(trigger.range_sql, (self.indexed_upto, end))
            self.indexed_upto = end
            between()

    def close(self, *, between: Callable[[], None] = lambda: None) -> None:
        """The last rows' work, the triggers and indexes back; ``between`` is called between
        these steps (it may raise to cancel: the caller rolls back)."""
        if self.direct:
            self.wait()
            self.stop()
            # The last rows' search index here, a slice at a time, so that a cancel acts
            # within a slice (the whole last range took ~1.4 s at national scale).
            self._catch_up_triggers(step=FINAL_RANGE_ROWS, between=between)
            self.pending = 0
            if self.deferred:
                add_search_backlog(
                    self.connection, after=self.rowid_before, upto=self.indexed_upto
                )
                self.report.search_backlog = self.indexed_upto - self.rowid_before
        else:
            self.flush()
            self.wait()
            self.stop()
        between()
        connection = self.connection
        connection.execute("DROP TABLE temp.import_member")
        connection.execute("DROP TABLE temp.import_update")
        for trigger in self.triggers or ():
            connection.execute(trigger.create_sql)
        self._set_hashsize(self.hashsize)
        for _name, sql in self.indexes:
            try:
                connection.execute(sql)
            except sqlite3.IntegrityError:  # pragma: no cover - duplicates are caught per row
                raise RuntimeError(
                    "the imported members break a unique index: nothing was written"
                ) from None
            between()
        if self.indexes:
            # Planner statistics for the rebuilt indexes, from a sample of each (a full
            # ANALYZE of 393,000 members takes seconds; the sample gives the same plans).
            (limit,) = connection.execute("PRAGMA analysis_limit").fetchone()
            connection.execute("PRAGMA analysis_limit = 1000")
            connection.execute("ANALYZE member")
            connection.execute(f"PRAGMA analysis_limit = {int(limit)}")

    def finish_run(self) -> None:
        report = self.report
        self.connection.execute(
            "UPDATE import_run SET imported = ?, updated = ?, skipped = ?, rejected = ?,"
            " report_json = ? WHERE id = ?",
            (report.imported, report.updated, report.skipped, report.rejected,
             report.to_json(), self.run_id),
        )  # fmt: skip


def _memberships(
    result: NormalisedRow, member_id: str, joins: list[GroupJoin]
) -> list[tuple[str, str, str, str | None]]:
    """(group id, member id, role, started on) of each group the member joins: from the day
    the row says they joined, if it says."""
    joined = result.values["joined_on"]
    started = joined.isoformat() if joined else None  # type: ignore[attr-defined]
    return [(str(join.id), member_id, join.role, started) for join in joins]


def _json_bytes(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(f"cannot log {type(value).__name__}")
