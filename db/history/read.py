"""Reading history: a member's changes for the profile, and the latest operations.

A member's history is the union of
- the ``history`` rows about the member (and about members merged into them),
- the imports that created or updated the member, read from ``import_run_item`` / ``import_run``
  (an import writes no history row, so importing 393,000 members costs nothing here), and the
  undoing of those imports (``import_run.undone_at``).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from db.members._sql import dbapi

DEFAULT_LIMIT = 50


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field's change: values as stored (ISO dates, codes, ids); both None once erased."""

    field: str
    old: Any
    new: Any
    erased: bool = False


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One change of one record, as the profile lists it.

    ``link_kind`` is "import_run" or "member_merge" for an import or a merge (``link_id`` its id,
    ``link_label`` the file name or the other member's name, ``link_counts`` an import's
    imported/updated/skipped/rejected); for an undo, ``link_id`` is the undone operation.
    ``detail``: the group of a membership change, "created"/"updated" for an import.
    """

    id: str
    at: str  # ISO UTC
    operation_id: str
    kind: str
    entity: str
    entity_id: str
    member_id: str | None
    user_id: str | None
    user_name: str
    device: str
    office_id: str
    changes: tuple[FieldChange, ...]
    link_id: str | None = None
    link_kind: str = ""
    link_label: str = ""
    link_counts: tuple[int, ...] = ()
    detail: str = ""
    names: tuple[tuple[str, str], ...] = ()  # (id, name) of organisations and groups named

    def name_of(self, record_id: object) -> str:
        """The name of an organisation or group id in ``changes`` ("" if unknown)."""
        return next((name for rid, name in self.names if rid == record_id), "")


@dataclass(frozen=True, slots=True)
class OperationSummary:
    """One operation (one user action): what, when, by whom, how many rows, about whom."""

    operation_id: str
    kind: str
    entity: str
    at: str
    user_id: str | None
    user_name: str
    device: str
    office_id: str
    count: int  # records it changed
    member_id: str | None  # the (first) member it concerns
    member_name: str
    link_id: str | None = None
    link_label: str = ""
    undone: bool = False


def parse_changes(changes_json: str) -> tuple[FieldChange, ...]:
    loaded: dict[str, Any] = json.loads(changes_json or "{}")
    return tuple(
        FieldChange(name, None, None, erased=True)
        if pair is None
        else FieldChange(name, pair[0], pair[1])
        for name, pair in loaded.items()
    )


_HISTORY_SQL = (
    "SELECT h.id, h.created_at, h.operation_id, h.kind, h.entity, h.entity_id, h.member_id,"
    " h.user_id, h.user_name, h.device, h.owner_office_id, h.changes_json, h.link_id,"
    " coalesce(g.name, ''),"
    " CASE WHEN h.kind = 'merge' THEN coalesce(("
    "   SELECT trim(o.prefix || o.first_name || ' ' || o.last_name) FROM member_merge mm"
    "   JOIN member o ON o.id = CASE WHEN mm.survivor_id = h.member_id THEN mm.merged_id"
    "   ELSE mm.survivor_id END WHERE mm.id = h.link_id), '') ELSE '' END"
    " FROM history h"
    " LEFT JOIN group_membership gm ON h.entity = 'group_membership' AND gm.id = h.entity_id"
    " LEFT JOIN network_group g ON g.id = gm.group_id"
    " WHERE h.member_id = ? AND h.created_at < ? AND h.deleted_at IS NULL"
    " ORDER BY h.created_at DESC, h.rowid DESC LIMIT ?"
)
_IMPORT_SQL = (
    "SELECT i.id, i.action, i.old_values_json, r.id, r.created_at, r.owner_office_id,"
    " r.file_name, r.imported, r.updated, r.skipped, r.rejected, i.member_id,"
    " r.user_id, r.user_name, r.device"
    " FROM import_run_item i JOIN import_run r ON r.id = i.run_id"
    " WHERE i.member_id = ? AND r.deleted_at IS NULL AND r.created_at < ?"
    " ORDER BY r.created_at DESC LIMIT ?"
)
_IMPORT_UNDONE_SQL = (
    "SELECT r.id, r.undone_at, r.owner_office_id, r.file_name, i.member_id"
    " FROM import_run_item i JOIN import_run r ON r.id = i.run_id"
    " WHERE i.member_id = ? AND r.deleted_at IS NULL AND r.undone_at IS NOT NULL"
    " AND r.undone_at < ? ORDER BY r.undone_at DESC LIMIT ?"
)
_FAR_FUTURE = "9999"


def _member_ids(connection: sqlite3.Connection, member_id: str) -> list[str]:
    """The member and the members merged into them (a merged record's past is theirs too)."""
    merged = [
        row[0]
        for row in connection.execute(
            "SELECT merged_id FROM member_merge WHERE survivor_id = ? AND undone_at IS NULL"
            " AND deleted_at IS NULL",
            (member_id,),
        )
    ]
    return [member_id, *merged]


def _history_entries(
    connection: sqlite3.Connection, member_id: str, before: str, limit: int
) -> list[HistoryEntry]:
    entries = []
    for r in connection.execute(_HISTORY_SQL, (member_id, before, limit)):
        link_kind = "member_merge" if r[3] == "merge" else ""
        entries.append(
            HistoryEntry(
                id=r[0], at=r[1], operation_id=r[2], kind=r[3], entity=r[4], entity_id=r[5],
                member_id=r[6], user_id=r[7], user_name=r[8], device=r[9], office_id=r[10],
                changes=parse_changes(r[11]), link_id=r[12], link_kind=link_kind,
                link_label=r[14], detail=r[13],
            )
        )  # fmt: skip
    return entries


def _import_entries(
    connection: sqlite3.Connection, member_id: str, before: str, limit: int
) -> list[HistoryEntry]:
    entries = []
    for r in connection.execute(_IMPORT_SQL, (member_id, before, limit)):
        old: dict[str, Any] = json.loads(r[2] or "{}")
        changes = tuple(
            FieldChange(name, value, None)
            for name, value in old.items()
            if not name.startswith("_")
        )
        entries.append(
            HistoryEntry(
                id=f"import-item:{r[0]}", at=r[4], operation_id=r[3], kind="import",
                entity="member", entity_id=r[11], member_id=r[11], user_id=r[12],
                user_name=r[13], device=r[14], office_id=r[5], changes=changes, link_id=r[3],
                link_kind="import_run", link_label=r[6], link_counts=(r[7], r[8], r[9], r[10]),
                detail=r[1],
            )
        )  # fmt: skip
    for r in connection.execute(_IMPORT_UNDONE_SQL, (member_id, before, limit)):
        entries.append(
            HistoryEntry(
                id=f"import-undone:{r[0]}:{r[4]}", at=r[1], operation_id=f"undo:{r[0]}",
                kind="undo", entity="import_run", entity_id=r[0], member_id=r[4], user_id=None,
                user_name="", device="", office_id=r[2], changes=(), link_id=r[0],
                link_kind="import_run", link_label=r[3],
            )
        )  # fmt: skip
    return entries


def member_history(
    session: Session, member_id: str, *, limit: int = DEFAULT_LIMIT, before: str | None = None
) -> list[HistoryEntry]:
    """The member's history, newest first: at most ``limit`` entries older than ``before`` (the
    ``at`` of the last entry of the previous page; None for the newest). Includes the imports
    that created or updated the member, their undoing, merges, and the history of members merged
    into this one. Works for deleted members too (for an erasure or an audit)."""
    connection = dbapi(session)
    cursor = before or _FAR_FUTURE
    entries: list[HistoryEntry] = []
    for one in _member_ids(connection, member_id):
        entries += _history_entries(connection, one, cursor, limit)
        entries += _import_entries(connection, one, cursor, limit)
    # A merge is one entry: the survivor's (the merged record's row says the same).
    own_merges = {e.link_id for e in entries if e.kind == "merge" and e.member_id == member_id}
    entries = [
        e
        for e in entries
        if e.member_id == member_id or e.kind != "merge" or e.link_id not in own_merges
    ]
    entries.sort(key=lambda e: (e.at, e.id), reverse=True)
    return _with_names(connection, entries[:limit])


_NAMED = {"organisation_id": "organisation", "group_id": "network_group"}


def _with_names(connection: sqlite3.Connection, entries: list[HistoryEntry]) -> list[HistoryEntry]:
    """Entries whose changes name organisations or groups, with those names (ids mean nothing
    to a reader)."""
    wanted: dict[str, set[str]] = {}
    for entry in entries:
        for change in entry.changes:
            if change.field in _NAMED:
                ids = wanted.setdefault(_NAMED[change.field], set())
                ids.update(v for v in (change.old, change.new) if isinstance(v, str))
    names: dict[str, str] = {}
    for table, ids in wanted.items():
        listed = sorted(ids)
        marks = ", ".join("?" * len(listed))
        names.update(
            connection.execute(f"SELECT id, name FROM {table} WHERE id IN ({marks})", listed)
        )
    if not names:
        return entries
    result = []
    for entry in entries:
        named = {
            v
            for c in entry.changes
            if c.field in _NAMED
            for v in (c.old, c.new)
            if isinstance(v, str) and v in names
        }
        if named:
            entry = dataclasses.replace(entry, names=tuple((i, names[i]) for i in sorted(named)))
        result.append(entry)
    return result


def _operation_summaries(
    connection: sqlite3.Connection, where: str, params: list[object], limit: int
) -> list[OperationSummary]:
    """Operations by their newest history row, newest first (walks rowid backwards)."""
    found: dict[str, OperationSummary] = {}
    last_rowid: int | None = None
    while len(found) < limit:
        rowid_condition = "" if last_rowid is None else " AND h.rowid < ?"
        page = connection.execute(
            "SELECT h.rowid, h.operation_id, h.kind, h.entity, h.created_at, h.user_id,"
            " h.user_name, h.device, h.owner_office_id, h.link_id"
            f" FROM history h WHERE h.deleted_at IS NULL{where}{rowid_condition}"
            " ORDER BY h.rowid DESC LIMIT 200",
            [*params, *(() if last_rowid is None else (last_rowid,))],
        ).fetchall()
        if not page:
            break
        for r in page:
            if r[1] in found or len(found) >= limit:
                continue
            found[r[1]] = _summary(connection, r)
        last_rowid = page[-1][0]
        if len(found) >= limit:
            break
    return list(found.values())


def _summary(connection: sqlite3.Connection, r: tuple[Any, ...]) -> OperationSummary:
    count, member_id = connection.execute(
        "SELECT count(*), (SELECT member_id FROM history WHERE operation_id = ?1"
        " AND member_id IS NOT NULL ORDER BY rowid LIMIT 1) FROM history WHERE operation_id = ?1",
        (r[1],),
    ).fetchone()
    name = ""
    if member_id is not None:
        row = connection.execute(
            "SELECT trim(prefix || first_name || ' ' || last_name) FROM member WHERE id = ?",
            (member_id,),
        ).fetchone()
        name = row[0] if row else ""
    undone = connection.execute(
        "SELECT 1 FROM history WHERE link_id = ? AND kind = 'undo' LIMIT 1", (r[1],)
    ).fetchone()
    return OperationSummary(
        operation_id=r[1], kind=r[2], entity=r[3], at=r[4], user_id=r[5], user_name=r[6],
        device=r[7], office_id=r[8], count=count, member_id=member_id, member_name=name,
        link_id=r[9], undone=undone is not None,
    )  # fmt: skip


def _import_summaries(
    connection: sqlite3.Connection, limit: int, *, office_id: str | None = None
) -> list[OperationSummary]:
    condition, params = "", []
    if office_id is not None:
        condition, params = " AND owner_office_id = ? AND undone_at IS NULL", [office_id]
    rows = connection.execute(
        "SELECT id, created_at, owner_office_id, file_name, imported + updated, undone_at,"
        " user_id, user_name, device"
        f" FROM import_run WHERE deleted_at IS NULL{condition}"
        " ORDER BY created_at DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [
        OperationSummary(
            operation_id=r[0],
            kind="import",
            entity="import_run",
            at=r[1],
            user_id=r[6],
            user_name=r[7],
            device=r[8],
            office_id=r[2],
            count=r[4],
            member_id=None,
            member_name="",
            link_id=r[0],
            link_label=r[3],
            undone=r[5] is not None,
        )
        for r in rows
    ]


def recent_operations(session: Session, *, limit: int = 20) -> list[OperationSummary]:
    """The latest operations of this database (every user, office and PC), newest first,
    imports included; undone ones are marked ``undone``."""
    connection = dbapi(session)
    operations = _operation_summaries(connection, "", [], limit)
    operations += _import_summaries(connection, limit)
    operations.sort(key=lambda o: o.at, reverse=True)
    return operations[:limit]


def history_for_operation(session: Session, *, operation_id: str) -> list[HistoryEntry]:
    """Every history row of one operation, in the order written."""
    rows = dbapi(session).execute(
        "SELECT id, created_at, operation_id, kind, entity, entity_id, member_id, user_id,"
        " user_name, device, owner_office_id, changes_json, link_id FROM history"
        " WHERE operation_id = ? ORDER BY rowid",
        (operation_id,),
    )
    return [
        HistoryEntry(
            id=r[0],
            at=r[1],
            operation_id=r[2],
            kind=r[3],
            entity=r[4],
            entity_id=r[5],
            member_id=r[6],
            user_id=r[7],
            user_name=r[8],
            device=r[9],
            office_id=r[10],
            changes=parse_changes(r[11]),
            link_id=r[12],
        )
        for r in rows
    ]


__all__ = [
    "FieldChange",
    "HistoryEntry",
    "OperationSummary",
    "history_for_operation",
    "member_history",
    "recent_operations",
]
