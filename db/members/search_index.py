"""An in-memory index for search as you type: the first screenful by name without walking SQL.

The slow case it removes: a search whose matches sit far into the name order (a 2-code-point
term such as "สม", whose matches mostly start under ส, so a walk of ``ix_member_live_name``
reads ~90,000 rows before it finds 40), or a rare 3+ code point term whose few hundred FTS
matches must each be read from the member table to be sorted (cold pages of a 1.8 GB file).

What it holds, for the live members of one snapshot of the database:

* ``keys``: their ``member.rowid`` in name order (``name_key, rowid``: the full query's order);
* ``ranks``: for each rowid, its place in that order (-1: not a live member);
* ``text``: the name columns a short term is looked for in (first, last and nickname; then the
  Latin names lowered as SQL's ``lower()`` does), one member after another in name order,
  encoded one byte a character (Thai code page 874; any other character becomes NUL, which no
  search term holds), so ``bytes.find`` finds the first matches in name order at C speed.

At 393,000 members that is ~9 MB of text and ~8 MB of arrays, read in about a second (a
sequential scan of ``member``, no sort: the order comes from the index's keys) on a background
thread. A short-term search scans ``text`` (a few us for a common term, ~10 ms to read it all
for a rare pair); a search with 3+ code point terms asks FTS5 for its matches (up to
``MAX_FTS_MATCHES``) and puts them in name order by ``ranks``. Any panel filter, another sort,
digit terms, or a database changed since the snapshot (``PRAGMA data_version``) give None:
the caller uses the SQL ways of :mod:`db.members.query`, which give the same keys.

Bulk paths (import, demo, sync) pay nothing: there is no table and no trigger to keep.
"""

from __future__ import annotations

import codecs
import logging
import sqlite3
import threading
import time
from array import array
from bisect import bisect_right
from dataclasses import dataclass, fields
from itertools import accumulate
from pathlib import Path

from db.members.filters import parse_search_text
from db.members.types import MemberFilter, MemberSort, SortColumn
from db.search import search_backlog

__all__ = ["MAX_FTS_MATCHES", "MemberNameIndex"]

log = logging.getLogger(__name__)

# Above this many FTS matches, putting them all in order costs more than the SQL walk of the
# name index (which is quick for them: many matches are soon met).
MAX_FTS_MATCHES = 12_000
ENCODING = "cp874"
_ERRORS = "khrueakhai-search-nul"
_NUL = "\x00"
# Characters no search term can hold (terms are split on whitespace): they separate columns.
_SEPARATORS = frozenset("\x00\t\n")
BUSY_TIMEOUT_S = 10.0
CACHE_KIB = 2_000  # a one-pass read: a small page cache

# One document per live member: its Thai-side name columns, a tab, its lowered Latin names.
_DOCS_SQL = (
    "SELECT rowid,"
    " coalesce(first_name, '') || char(10) || coalesce(last_name, '') || char(10)"
    " || coalesce(nickname, '') || char(9) || coalesce(lower(first_name_en), '') || char(10)"
    " || coalesce(lower(last_name_en), '') || char(10),"
    " length(coalesce(first_name, '') || char(10) || coalesce(last_name, '') || char(10)"
    " || coalesce(nickname, '')) + 1"
    " FROM member WHERE deleted_at IS NULL"
)
_KEYS_SQL = (
    "SELECT rowid FROM member INDEXED BY ix_member_live_name"
    " WHERE deleted_at IS NULL ORDER BY name_key, rowid"
)
_FTS_SQL = (
    "SELECT group_concat(rowid) FROM"
    " (SELECT rowid FROM member_fts WHERE member_fts MATCH ? LIMIT ?)"
)


def _nul_for_each(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return _NUL * (error.end - error.start), error.end


codecs.register_error(_ERRORS, _nul_for_each)


@dataclass(frozen=True, slots=True)
class _Snapshot:
    version: int  # PRAGMA data_version of the query connection before the snapshot was read
    keys: array[int]  # rowids in name order
    ranks: array[int]  # rowid -> place in keys, -1 for none
    text: bytes
    starts: array[int]  # len(keys) + 1 offsets into text
    latin: array[int]  # where each member's Latin names begin in text

    @property
    def nbytes(self) -> int:
        arrays = (self.keys, self.ranks, self.starts, self.latin)
        return len(self.text) + sum(a.itemsize * len(a) for a in arrays)


@dataclass(frozen=True, slots=True)
class _Term:
    needle: bytes
    latin_too: bool  # an ASCII term is looked for in the Latin names too (as in SQL)


def _encoded_terms(terms: tuple[str, ...]) -> list[_Term] | None:
    """The short terms as bytes of the index's text, or None when one cannot be looked up there
    (digits go to the phone and ID columns; a character outside the code page)."""
    encoded: list[_Term] = []
    for term in terms:
        if term.isdigit() or not _SEPARATORS.isdisjoint(term):
            return None
        try:
            needle = term.encode(ENCODING)
        except UnicodeEncodeError:
            return None
        encoded.append(_Term(needle, term.isascii()))
    return encoded


def _has_panel_filters(filters: MemberFilter) -> bool:
    return any(getattr(filters, field.name) for field in fields(filters) if field.name != "text")


class MemberNameIndex:
    """The first keys of a name-sorted text search, from memory (see the module's docstring).

    ``refresh()`` (or ``start_refresh()``, on a thread of its own) reads a snapshot;
    ``first_keys()`` answers from it while the database is unchanged since. Both may be called
    from any thread.
    """

    def __init__(self, path: Path, *, max_fts_matches: int = MAX_FTS_MATCHES) -> None:
        self._path = Path(path)
        self._max_fts_matches = max_fts_matches
        self._lock = threading.Lock()  # guards the query connection
        self._connection: sqlite3.Connection | None = None
        self._snapshot: _Snapshot | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        self.last_build_s: float | None = None  # how long the last refresh took

    # -- the snapshot ------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self._path, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None
        )
        connection.execute("PRAGMA query_only=1")
        connection.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        return connection

    def _data_version(self) -> int:
        """The query connection's data version (the caller holds the lock; -1 once closed)."""
        if self._closed:
            return -1
        (version,) = self._query_connection().execute("PRAGMA data_version").fetchone()
        return int(version)

    def is_ready(self) -> bool:
        """True when a snapshot has been read (it may be out of date)."""
        return self._snapshot is not None

    def is_current(self) -> bool:
        """True when the snapshot is of the database as it is now."""
        snapshot = self._snapshot
        if snapshot is None or self._closed:
            return False
        with self._lock:
            return self._data_version() == snapshot.version

    def memory_bytes(self) -> int:
        """The size of the snapshot's text and arrays."""
        snapshot = self._snapshot
        return snapshot.nbytes if snapshot is not None else 0

    def refresh(self) -> bool:
        """Read a new snapshot unless the one held is current; True when one was read.
        Takes about a second at 393,000 members: call it off the UI thread."""
        if self.is_current() or self._closed:
            return False
        started = time.perf_counter()
        with self._lock:
            version = self._data_version()  # before the read: a later commit makes it stale
        if version < 0:
            return False
        connection = self._connect()
        try:
            connection.execute("BEGIN")
            snapshot = _read_snapshot(connection, version)
            connection.execute("COMMIT")
        finally:
            connection.close()
        if not self._closed:
            self._snapshot = snapshot
        self.last_build_s = time.perf_counter() - started
        return True

    def start_refresh(self) -> None:
        """``refresh()`` on a background thread (nothing if one is running)."""
        if self._closed or (self._thread is not None and self._thread.is_alive()):
            return

        def run() -> None:
            try:
                self.refresh()
            except Exception:  # the index is an optimisation: SQL answers without it
                log.exception("reading the member name index failed")

        self._thread = threading.Thread(target=run, name="member-name-index", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a background refresh (for tests and benchmarks)."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)

    def close(self) -> None:
        """Drop the snapshot and close the connection (a running refresh finishes on its
        own connection and keeps nothing)."""
        self._closed = True
        self._snapshot = None
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    # -- searching ---------------------------------------------------------------------------
    def first_keys(
        self, *, filters: MemberFilter, sort: MemberSort | None = None, limit: int
    ) -> array[int] | None:
        """The first ``limit`` keys of ``search_member_keys(filters=..., sort=...)``, or None
        when this index cannot tell them (no search text, a panel filter, a sort other than by
        name, digits, too many FTS matches, no snapshot or an out-of-date one)."""
        if limit < 1:
            raise ValueError(f"limit must be 1 or more, not {limit}")
        sort = sort or MemberSort()
        snapshot = self._snapshot
        if (
            snapshot is None
            or self._closed
            or sort.column is not SortColumn.NAME
            or not filters.text
            or _has_panel_filters(filters)
        ):
            return None
        terms = parse_search_text(filters.text)
        if not terms.fts and not terms.short:
            return None
        short = _encoded_terms(terms.short)
        if short is None:
            return None
        if not self._lock.acquire(blocking=False):
            return None  # a refresh is reading the version: let SQL answer this once
        try:
            if self._closed:
                return None
            if terms.fts:
                connection = self._query_connection()
                if search_backlog(connection) is not None:
                    return None  # members without their documents yet: SQL looks them up
                return _fts_first(
                    connection,
                    snapshot,
                    terms.match_expression,
                    short,
                    limit=limit,
                    descending=sort.descending,
                    max_matches=self._max_fts_matches,
                )
            if self._closed or self._data_version() != snapshot.version:
                return None
        finally:
            self._lock.release()
        return _scan_first(snapshot, short, limit=limit, descending=sort.descending)

    def _query_connection(self) -> sqlite3.Connection:
        if self._connection is None:
            self._connection = self._connect()
        return self._connection


def _read_snapshot(connection: sqlite3.Connection, version: int) -> _Snapshot:
    """Read the index inside the caller's read transaction."""
    keys = array("q", [key for (key,) in connection.execute(_KEYS_SQL)])
    (top,) = connection.execute("SELECT coalesce(max(rowid), 0) FROM member").fetchone()
    ranks = array("i", [-1]) * (int(top) + 1)
    for rank, key in enumerate(keys):
        ranks[key] = rank
    pieces: list[bytes] = [b""] * len(keys)
    latin_offsets = array("i", [0]) * len(keys)
    for key, doc, latin_offset in connection.execute(_DOCS_SQL):
        rank = ranks[key]
        pieces[rank] = doc.encode(ENCODING, _ERRORS)
        latin_offsets[rank] = latin_offset
    starts = array("i", accumulate(map(len, pieces), initial=0))
    text = b"".join(pieces)
    del pieces
    latin = array("i", map(int.__add__, starts, latin_offsets))
    return _Snapshot(version, keys, ranks, text, starts, latin)


def _member_matches(snapshot: _Snapshot, rank: int, terms: list[_Term]) -> bool:
    """Whether member ``rank`` holds every term where SQL looks for it."""
    text, start = snapshot.text, snapshot.starts[rank]
    for term in terms:
        end = snapshot.starts[rank + 1] if term.latin_too else snapshot.latin[rank]
        if text.find(term.needle, start, end) < 0:
            return False
    return True


def _scan_first(
    snapshot: _Snapshot, terms: list[_Term], *, limit: int, descending: bool
) -> array[int]:
    """The first ``limit`` members in name order (or its reverse) holding every short term."""
    needle = max(terms, key=lambda t: len(t.needle)).needle  # the longest: fewest hits
    text, starts, keys = snapshot.text, snapshot.starts, snapshot.keys
    found = array("q")
    if descending:
        end = len(text)
        while len(found) < limit:
            at = text.rfind(needle, 0, end)
            if at < 0:
                break
            rank = bisect_right(starts, at) - 1
            if _member_matches(snapshot, rank, terms):
                found.append(keys[rank])
            end = starts[rank]
    else:
        at = 0
        while len(found) < limit:
            at = text.find(needle, at)
            if at < 0:
                break
            rank = bisect_right(starts, at) - 1
            if _member_matches(snapshot, rank, terms):
                found.append(keys[rank])
            at = starts[rank + 1]
    return found


def _fts_first(
    connection: sqlite3.Connection,
    snapshot: _Snapshot,
    match: str,
    short: list[_Term],
    *,
    limit: int,
    descending: bool,
    max_matches: int,
) -> array[int] | None:
    """The FTS matches (each holding the short terms too) first in name order, or None when
    there are more than ``max_matches`` or the database changed since the snapshot."""
    connection.execute("BEGIN")
    try:
        (joined,) = connection.execute(_FTS_SQL, (match, max_matches + 1)).fetchone()
        # Inside the read transaction: the version of the data the FTS query read.
        (version,) = connection.execute("PRAGMA data_version").fetchone()
    finally:
        connection.execute("COMMIT")
    if int(version) != snapshot.version:
        return None
    if not joined:
        return array("q")
    rowids = joined.split(",")
    if len(rowids) > max_matches:
        return None
    try:
        ranks = sorted(map(snapshot.ranks.__getitem__, map(int, rowids)), reverse=descending)
    except IndexError:
        return None  # a member newer than the snapshot
    if ranks and min(ranks[0], ranks[-1]) < 0:
        return None  # an FTS document of a member the snapshot holds as not live
    keys = snapshot.keys
    found = array("q")
    for rank in ranks:
        if not short or _member_matches(snapshot, rank, short):
            found.append(keys[rank])
            if len(found) == limit:
                break
    return found
