"""The register's queries: ordered member keys for a filter and a sort, screenfuls of rows, counts.

Huge lists hold keys, not rows (STYLE 3): :func:`search_member_keys` returns the ``member.rowid``
of every matching live member in display order as a compact ``array('q')`` (8 bytes a member),
and the table model asks :func:`fetch_member_rows` for the rows it is about to paint.
"""

from __future__ import annotations

import sqlite3
import time
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, fields
from itertools import chain

from sqlmodel import Session

from db.members._keys import thai_sort_key
from db.members._sql import MAX_PARAMS, PROVINCE_NAME_SQL, dbapi, placeholders, to_date
from db.members.facets import facet_counts
from db.members.filters import Conditions, build_conditions
from db.members.types import MemberFilter, MemberRow, MemberSort, SortColumn
from db.reference.types import Language
from db.thai.national_id import NationalIdError, mask_national_id

__all__ = [
    "count_members",
    "facet_counts",
    "fetch_member_rows",
    "member_ids_for_keys",
    "quick_first_member_keys",
    "search_member_keys",
]

_ORG_JOIN = "LEFT JOIN organisation o ON o.id = m.organisation_id"
_PROVINCE_JOIN = "LEFT JOIN province p ON p.code = o.province_code"

# Ref lists whose codes are sorted by their Thai label.
_CODE_SORTS: dict[SortColumn, tuple[str, str]] = {
    SortColumn.ORG_TYPE: ("org_type", "o.type_code"),
    SortColumn.PERSONNEL_TYPE: ("personnel_type", "m.personnel_type"),
    SortColumn.STATUS: ("member_status", "m.status"),
}
# Columns with a stored Thai sort key (ICU, BLOB), and the text that says whether one is blank.
_KEY_SORTS: dict[SortColumn, tuple[str, str]] = {
    SortColumn.ORGANISATION: ("o.name_key", "o.name"),
    SortColumn.PROVINCE: ("p.name_key", "p.name_th"),
    SortColumn.POSITION: ("m.position_key", "m.position"),
}
# Thai text columns without a stored key: keyed in SQL by a registered function (cached).
_COMPUTED_KEY_SORTS: dict[SortColumn, str] = {
    SortColumn.LAST_NAME: "m.last_name",
    SortColumn.NICKNAME: "m.nickname",
}
# ASCII or ISO text: code-point order is the right order.
_PLAIN_SORTS: dict[SortColumn, str] = {
    SortColumn.MEMBERSHIP_NO: "m.membership_no",
    SortColumn.PHONE: "m.phone",
    SortColumn.EMAIL: "m.email COLLATE NOCASE",
    SortColumn.JOINED_ON: "m.joined_on",
    SortColumn.UPDATED_AT: "m.updated_at",
}
_JOINS_FOR: dict[SortColumn, tuple[str, ...]] = {
    SortColumn.ORGANISATION: (_ORG_JOIN,),
    SortColumn.ORG_TYPE: (_ORG_JOIN,),
    SortColumn.PROVINCE: (_ORG_JOIN, _PROVINCE_JOIN),
}
THAI_KEY_FUNCTION = "thai_key"
# The first screenful by name (search_member_keys(limit=...)): how long the walk of the name
# index may take before the matches are found and sorted instead, how often SQLite checks the
# time (virtual machine steps), and below how many FTS candidate documents of a 2-code-point
# term finding them first is the quicker way (measured at 393,000 members: ~1.3 us a document).
WALK_BUDGET_S = 0.008
NAME_INDEX = "ix_member_live_name"
WALK_CHECK_STEPS = 2_000
FEW_CANDIDATE_DOCUMENTS = 10_000
# Below this many FTS matches of a 3+ code point text, sorting them all is quicker than a walk.
FEW_FTS_MATCHES = 3_000


@dataclass(frozen=True, slots=True)
class _Order:
    joins: tuple[str, ...]
    clause: str
    params: tuple[object, ...] = ()


def _register_thai_key(connection: sqlite3.Connection) -> None:
    cache: dict[str, bytes] = {}

    def thai_key(text: str | None) -> bytes:
        if not text:
            return b""
        key = cache.get(text)
        if key is None:
            key = cache[text] = thai_sort_key(text)
        return key

    connection.create_function(THAI_KEY_FUNCTION, 1, thai_key, deterministic=True)


def _code_ranks(connection: sqlite3.Connection, kind: str) -> list[str]:
    """The codes of a ref list in the Thai order of their labels."""
    rows = connection.execute(
        "SELECT code, name_th FROM ref_item WHERE kind = ?", (kind,)
    ).fetchall()
    return [code for code, name in sorted(rows, key=lambda r: (thai_sort_key(r[1]), r[0]))]


def _order(
    connection: sqlite3.Connection, sort: MemberSort, *, filtered: bool, language: Language = "th"
) -> _Order:
    column = sort.column
    direction = "DESC" if sort.descending else "ASC"
    if column is SortColumn.NAME:
        # Everyone: read ix_member_live_name in order (either direction, hence the exact
        # reverse when descending). Filtered: "+" keeps SQLite from walking that index and
        # fetching every row to test it (5x slower than finding the rows, then sorting them).
        plus = "+" if filtered else ""
        return _Order((), f"{plus}m.name_key {direction}, m.rowid {direction}")
    joins = _JOINS_FOR.get(column, ())
    params: tuple[object, ...] = ()
    if column in _CODE_SORTS:
        kind, expression = _CODE_SORTS[column]
        codes = _code_ranks(connection, kind)
        whens = " ".join("WHEN ? THEN ?" for _ in codes)
        params = tuple(chain.from_iterable((code, rank) for rank, code in enumerate(codes)))
        # Codes not in the list after the known ones; blanks last (see below).
        value = f"(CASE {expression} {whens} ELSE {len(codes)} END)" if codes else "0"
        blank = f"coalesce({expression}, '') = ''"
    elif column is SortColumn.PROVINCE and language == "en":
        value = f"{PROVINCE_NAME_SQL['en']} COLLATE NOCASE"  # the English names shown
        blank = "p.code IS NULL"
    elif column in _KEY_SORTS:
        value, text = _KEY_SORTS[column]
        blank = f"coalesce({text}, '') = ''"
    elif column in _COMPUTED_KEY_SORTS:
        _register_thai_key(connection)
        text = _COMPUTED_KEY_SORTS[column]
        value = f"{THAI_KEY_FUNCTION}({text})"
        blank = f"coalesce({text}, '') = ''"
    else:
        value = _PLAIN_SORTS[column]
        blank = f"coalesce({value.removesuffix(' COLLATE NOCASE')}, '') = ''"
    # Blank values last in both directions; ties in Thai name order, then by key.
    clause = f"{blank}, {value} {direction}, m.name_key, m.rowid"
    return _Order(joins, clause, params)


def _keys_array(cursor: sqlite3.Cursor) -> array[int]:
    # The fastest of the ways measured (fetchmany + chain, array(chain(cursor))): ~110 ms for
    # 393,000 keys, of which ~40 ms is SQLite's.
    return array("q", [key for (key,) in cursor])


def search_member_keys(
    session: Session,
    *,
    filters: MemberFilter,
    sort: MemberSort | None = None,
    limit: int | None = None,
    quick_tried: bool = False,
    language: Language = "th",
) -> array[int]:
    """The ``member.rowid`` of every live member matching ``filters``, in ``sort`` order
    (provinces sorted by their names in ``language``).

    Thai text sorts by ICU sort keys; ties are broken by name, then key, so the order is total
    and stable between calls. With ``limit``, only the first ``limit`` keys of that same list:
    the first screenful, for search as you type (see :func:`_first_by_name`);
    ``quick_tried``: :func:`quick_first_member_keys` gave up on this search, so the walk it
    tried is not tried again.
    """
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be 0 or more, not {limit}")
    if limit == 0:
        return array("q")
    connection = dbapi(session)
    sort = sort or MemberSort()
    conditions = build_conditions(filters, connection=connection)
    if limit is not None and sort.column is SortColumn.NAME:
        keys = _first_by_name(
            connection, filters, conditions, sort, limit, quick=False, walked=quick_tried
        )
        assert keys is not None  # only a quick search gives up
        return keys
    order = _order(connection, sort, filtered=not conditions.only_live, language=language)
    return _run_keys(connection, conditions, order, limit)


def quick_first_member_keys(
    session: Session, *, filters: MemberFilter, sort: MemberSort | None = None, limit: int
) -> array[int] | None:
    """The first ``limit`` keys of :func:`search_member_keys` when they are quick to find
    (within about ``WALK_BUDGET_S`` of work: fit for the UI thread), else None: then ask
    ``search_member_keys(limit=...)`` off the UI thread. Only the name sort has a quick way.
    """
    if limit < 1:
        raise ValueError(f"limit must be 1 or more, not {limit}")
    sort = sort or MemberSort()
    if sort.column is not SortColumn.NAME:
        return None
    connection = dbapi(session)
    conditions = build_conditions(filters, connection=connection)
    return _first_by_name(connection, filters, conditions, sort, limit, quick=True, walked=False)


def _fts_matches_fewer_than(connection: sqlite3.Connection, match: str, count: int) -> bool:
    """True when the FTS query matches fewer than ``count`` documents (reads at most that many
    rowids: under a ms for a few thousand)."""
    (found,) = connection.execute(
        "SELECT count(*) FROM (SELECT 1 FROM member_fts WHERE member_fts MATCH ? LIMIT ?)",
        (match, count),
    ).fetchone()
    return int(found) < count


def _has_panel_filters(filters: MemberFilter) -> bool:
    return any(getattr(filters, field.name) for field in fields(filters) if field.name != "text")


def _run_keys(
    connection: sqlite3.Connection, conditions: Conditions, order: _Order, limit: int | None
) -> array[int]:
    params: list[object] = [*conditions.all_params, *order.params]
    select = (
        f"SELECT m.rowid FROM member m {' '.join(order.joins)}"
        f" WHERE {conditions.where_clause} ORDER BY {order.clause}"
    )
    if limit is not None:
        # A screenful as one row: each row a cursor returns costs a handover of the GIL,
        # which takes up to 5 ms when another thread (the UI's) is busy.
        sql = f"{conditions.with_clause}SELECT group_concat(rowid) FROM ({select} LIMIT ?)"
        (text,) = connection.execute(sql, [*params, limit]).fetchone()
        return array("q", map(int, text.split(","))) if text else array("q")
    cursor = connection.execute(conditions.with_clause + select, params)
    try:
        return _keys_array(cursor)
    finally:
        cursor.close()


def _first_by_name(
    connection: sqlite3.Connection,
    filters: MemberFilter,
    conditions: Conditions,
    sort: MemberSort,
    limit: int,
    *,
    quick: bool,
    walked: bool,
) -> array[int] | None:
    """The first ``limit`` matches in name order, found the quickest way (``quick``: None when
    that takes more than the walk's budget and the cheap ways).

    Walking ``ix_member_live_name`` in order and testing each member stops after ``limit``
    matches: a few ms for a text or filter that many members match (1 code point: ~1 ms where
    finding and sorting all 300,000 matches takes ~400 ms; a 3-code-point term with 30,000
    matches: ~4 ms instead of ~45, the FTS matches being tested by rowid without reading the
    row). A rare match makes the walk long, so it runs on a time budget (``WALK_BUDGET_S``);
    past it, or when a 2-code-point term has few FTS candidates, the matches are found first and
    the top ``limit`` of them sorted. Every way gives the full list's first ``limit`` keys.
    """
    walk = _Order((), _order(connection, sort, filtered=False).clause)
    if conditions.only_live:
        return _run_keys(connection, conditions, walk, limit)
    found_first = _order(connection, sort, filtered=True)
    if conditions.candidate_documents is not None and (
        conditions.candidate_documents <= FEW_CANDIDATE_DOCUMENTS
    ):
        return _run_keys(connection, conditions, found_first, limit)
    if conditions.fts_match is not None and _fts_matches_fewer_than(
        connection, conditions.fts_match, FEW_FTS_MATCHES
    ):
        return _run_keys(connection, conditions, found_first, limit)
    walk_conditions = conditions
    if conditions.has_fts_match:
        # SQLite would start from the FTS matches and sort them all: make it walk the names,
        # testing each rowid against the matches (no row read for a member that fails).
        walk = _Order((f"INDEXED BY {NAME_INDEX}",), walk.clause)
    elif conditions.candidate_documents is not None:
        # Many candidates of a 2-code-point term: finding them all (an FTS query of every
        # trigram the pair begins) costs more than testing names with instr() on the walk.
        walk_conditions = build_conditions(filters)
    # (The budget's check runs Python every few thousand SQLite steps: on a thread that waits
    # for the GIL each time, as the database thread may, so never walk there twice.)
    keys = None if walked else _walk_on_budget(connection, walk_conditions, walk, limit)
    if keys is not None:
        return keys
    if quick:
        return None
    if conditions.candidate_documents is None and not (
        conditions.has_fts_match or _has_panel_filters(filters)
    ):
        # Short terms and nothing to narrow them (1 code point, or a common pair): a rare
        # letter may still have few FTS candidates; else the other way reads and sorts every
        # member, so the walk, however long, is never slower.
        narrowed = build_conditions(
            filters, connection=connection, single_code_point_candidates=True
        )
        if narrowed.candidate_documents is None:
            return _run_keys(connection, conditions, walk, limit)
        conditions = narrowed
    return _run_keys(connection, conditions, found_first, limit)


def _walk_on_budget(
    connection: sqlite3.Connection, conditions: Conditions, walk: _Order, limit: int
) -> array[int] | None:
    """The walk's keys, or None when it ran out of time (``WALK_BUDGET_S``)."""
    # The thread's CPU time, not the wall clock: a busy machine must not cut walks short.
    deadline = time.thread_time() + WALK_BUDGET_S
    connection.set_progress_handler(lambda: time.thread_time() > deadline, WALK_CHECK_STEPS)
    try:
        return _run_keys(connection, conditions, walk, limit)
    except sqlite3.OperationalError as error:
        if "interrupt" not in str(error):
            raise
        return None
    finally:
        connection.set_progress_handler(None, 0)


def count_members(session: Session, *, filters: MemberFilter) -> int:
    """How many live members match ``filters``."""
    connection = dbapi(session)
    conditions = build_conditions(filters, connection=connection)
    # Everyone: count the entries of the (partial) index of live members, not the rows.
    index = " INDEXED BY ix_member_live_name" if conditions.only_live else ""
    sql = (
        f"{conditions.with_clause}SELECT count(*) FROM member m{index}"
        f" WHERE {conditions.where_clause}"
    )
    (count,) = connection.execute(sql, conditions.all_params).fetchone()
    return int(count)


_ROW_SQL = (
    "SELECT m.rowid, m.id, m.prefix, m.first_name, m.last_name, m.nickname,"
    " coalesce(o.name, ''), coalesce(o.type_code, ''), coalesce({province}, ''),"
    " m.position, m.personnel_type, m.status, m.phone, m.email, m.membership_no,"
    " m.joined_on, m.national_id, m.consent_date IS NOT NULL"
    f" FROM member m {_ORG_JOIN} {_PROVINCE_JOIN}"
    " WHERE m.deleted_at IS NULL AND m.rowid IN ({keys})"
)


def _masked(national_id: str | None) -> str:
    if not national_id:
        return ""
    try:
        return mask_national_id(national_id)
    except NationalIdError:
        return "x-xxxx-xxxxx-xx-x"


def _member_row(r: tuple) -> MemberRow:  # type: ignore[type-arg]
    return MemberRow(
        key=r[0],
        id=r[1],
        prefix=r[2],
        first_name=r[3],
        last_name=r[4],
        nickname=r[5],
        organisation_name=r[6],
        org_type=r[7],
        province_name=r[8],
        position=r[9],
        personnel_type=r[10],
        status=r[11],
        phone=r[12],
        email=r[13],
        membership_no=r[14],
        joined_on=to_date(r[15]),
        national_id_masked=_masked(r[16]),
        has_consent=bool(r[17]),
    )


def fetch_member_rows(
    session: Session, *, keys: Sequence[int], language: Language = "th"
) -> list[MemberRow]:
    """The rows of the members with these keys, in the order of ``keys``; the province named
    in ``language``.

    Keys of members deleted (or gone) since the keys were fetched are left out, so the list can
    be shorter than ``keys``; a view refreshes its keys when it hears of the change.
    """
    if not keys:
        return []
    connection = dbapi(session)
    by_key: dict[int, MemberRow] = {}
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), MAX_PARAMS):
        chunk = unique[start : start + MAX_PARAMS]
        sql = _ROW_SQL.format(keys=placeholders(chunk), province=PROVINCE_NAME_SQL[language])
        for r in connection.execute(sql, chunk):
            by_key[r[0]] = _member_row(r)
    return [by_key[key] for key in keys if key in by_key]


def member_ids_for_keys(session: Session, *, keys: Sequence[int]) -> list[str]:
    """The ids (UUIDs) of the live members with these keys, in the order of ``keys`` (for
    commands on a selection of the table); keys of deleted members are left out."""
    connection = dbapi(session)
    by_key: dict[int, str] = {}
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), MAX_PARAMS):
        chunk = unique[start : start + MAX_PARAMS]
        rows = connection.execute(
            "SELECT rowid, id FROM member"
            f" WHERE deleted_at IS NULL AND rowid IN ({placeholders(chunk)})",
            chunk,
        )
        by_key.update(rows.fetchall())
    return [by_key[key] for key in keys if key in by_key]
