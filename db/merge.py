"""Merging two records of one person, and undoing a merge.

:func:`merge_members` keeps one member (the survivor) and soft-deletes the other (the merged
member) in one transaction:

- the survivor takes the field values the user chose from the merged member, checked by the
  register's own rules (:func:`db.members.validation.validate_member`);
- every row of every table with a foreign key to ``member.id`` moves to the survivor. The tables
  are discovered from ``SQLModel.metadata`` (:func:`member_references`), so tables added later
  (meeting invitations, exchange posts) move too. Operation logs (:data:`LOG_TABLES`) stay: they
  record what happened to a member row and must keep naming it;
- rows that would be there twice are folded: both in one group with open memberships keep the
  survivor's, with the earlier start and the higher role, and the merged member's is closed
  (soft-deleted); the same strength tag is kept once; rows a unique constraint would refuse are
  closed on the merged member's side;
- the merge is logged in ``member_merge``: the survivor's values before and after, and every
  moved, closed or changed row, so :func:`undo_merge` can put everything back.

Every row written gets the merge's sync stamp (``db.identity.new_stamp``). A merge, and its
undo, appear in the change history (``db.history``) of both members as one entry each, linked
to the ``member_merge`` row that says what it did.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Session, SQLModel

import db.models  # noqa: F401  (every table registered in SQLModel.metadata)
from db.duplicates import pair_details
from db.history import record as history
from db.identity import Stamp, new_stamp
from db.ids import new_id
from db.members._keys import member_name_key, thai_sort_key
from db.members._sql import dbapi, iso, today_iso
from db.members.profile import get_member
from db.members.types import FieldError, MemberInput, MemberValidationError, RefusedError
from db.members.validation import normalise_member, validate_member

FieldChoice = Literal["survivor", "merged"]
Side = Literal["a", "b"]

# The member's own fields a merge chooses between, in the editor's order.
MERGE_FIELDS: tuple[str, ...] = (
    "prefix", "first_name", "last_name", "first_name_en", "last_name_en", "nickname",
    "national_id", "birth_date", "gender", "personnel_type", "position", "position_type",
    "position_level", "organisation_id", "phone", "phone_office", "email", "line_id", "address",
    "membership_no", "status", "joined_on", "expires_on", "notes", "consent_date",
    "consent_purpose",
)  # fmt: skip
_DATE_FIELDS = frozenset(("birth_date", "joined_on", "expires_on", "consent_date"))
# Member columns a merge never copies or compares (identity and sync metadata).
_IDENTITY_COLUMNS = frozenset(
    ("id", "owner_office_id", "created_at", "updated_at", "hlc", "deleted_at")
)
# Tables that log operations on members: their rows keep naming the member they were about.
LOG_TABLES = frozenset(("member_merge", "import_run_item"))
# Rows that mean the same thing twice for one member (beside declared unique constraints).
_SAME_ROW_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {"member_strength": (("tag",),)}
_GROUP_TABLE = "group_membership"
# Free text, where a value that holds the other is the more complete one. Not codes (status
# "active" is inside "inactive"), prefixes (นาง is inside นางสาว), numbers or e-mail addresses.
# Free text where one value holding the other is the fuller account of the same thing (an
# address with its road added). Not names: สุขใจ and สุขใจดี are two surnames.
_FREE_TEXT_FIELDS = frozenset(("position", "address", "notes", "consent_purpose"))


class MergeError(RefusedError):
    """A merge or undo that was refused; nothing was changed.

    Codes: ``same_member``, ``unknown_member``, ``unknown_field``, ``invalid_choice``,
    ``unknown_merge``, ``already_undone``, ``merged_again``, ``survivor_changed``,
    ``merged_member_changed``, ``rows_changed``, ``duplicate_national_id``, ``conflicting_rows``.
    """


# -- which tables point at a member ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class MemberReference:
    """A column holding a member's id: where a merge moves rows from one member to the other."""

    table: str
    column: str
    key: str  # the table's primary key column
    synced: bool  # has updated_at and hlc to stamp
    soft_delete: bool  # has deleted_at
    same_row_keys: tuple[tuple[str, ...], ...]  # other columns that make two rows one


def _same_row_keys(table: Any, column: str) -> tuple[tuple[str, ...], ...]:
    keys: list[tuple[str, ...]] = list(_SAME_ROW_KEYS.get(table.name, ()))
    uniques: list[Sequence[Any]] = [
        list(c.columns) for c in table.constraints if isinstance(c, UniqueConstraint)
    ]
    uniques += [list(i.columns) for i in table.indexes if isinstance(i, Index) and i.unique]
    for columns in uniques:
        names = tuple(c.name for c in columns)
        if column in names and len(names) > 1:
            keys.append(tuple(n for n in names if n != column))
    return tuple(dict.fromkeys(keys))


def member_references() -> tuple[MemberReference, ...]:
    """Every (table, column) with a foreign key to ``member.id``, except operation logs."""
    found: list[MemberReference] = []
    for table in SQLModel.metadata.sorted_tables:
        if table.name in LOG_TABLES or table.name == "member":
            continue
        primary = list(table.primary_key.columns)
        for fk in table.foreign_keys:
            if fk.column.table.name != "member" or fk.column.name != "id":
                continue
            if len(primary) != 1:
                raise RuntimeError(f"{table.name}: a merge needs a one-column primary key")
            column = fk.parent.name
            found.append(
                MemberReference(
                    table=table.name,
                    column=column,
                    key=primary[0].name,
                    synced="hlc" in table.c and "updated_at" in table.c,
                    soft_delete="deleted_at" in table.c,
                    same_row_keys=_same_row_keys(table, column),
                )
            )
    return tuple(sorted(found, key=lambda r: (r.table, r.column)))


# -- plain data the API returns ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class FieldComparison:
    """One field of both members, and which value the preview suggests keeping."""

    field: str
    value_a: object  # as MemberInput holds it: str, date or None
    value_b: object
    differs: bool
    suggested: Side


@dataclass(frozen=True, slots=True)
class RelatedCount:
    """How many live rows of a table belong to each member (what a merge moves)."""

    table: str
    column: str
    count_a: int
    count_b: int


@dataclass(frozen=True, slots=True)
class MergePreview:
    a_id: str
    b_id: str
    a_name: str
    b_name: str
    a_organisation: str
    b_organisation: str
    a_created_at: str
    b_created_at: str
    a_updated_at: str
    b_updated_at: str
    fields: tuple[FieldComparison, ...]
    strengths_a: tuple[str, ...]
    strengths_b: tuple[str, ...]
    related: tuple[RelatedCount, ...]
    suggested_survivor: Side
    score: float
    reasons: tuple[str, ...]

    def member_id(self, side: Side) -> str:
        return self.a_id if side == "a" else self.b_id

    def suggestions(self, survivor: Side) -> dict[str, Side]:
        """The side whose value to keep, per field, when ``survivor`` is the record kept (the
        fields' ``suggested`` are for ``suggested_survivor``)."""
        return {
            f.field: _suggest(f.field, f.value_a, f.value_b, survivor=survivor)
            for f in self.fields
        }

    def field_choices(
        self, *, survivor: Side, picks: Mapping[str, Side] | None = None
    ) -> dict[str, FieldChoice]:
        """``merge_members`` choices for keeping ``survivor``, from per-field picks of a side
        (the suggestions where ``picks`` says nothing). A field both records hold alike is the
        survivor's, whichever record is kept: nothing is taken from the other one."""
        chosen = {f.field: f.suggested for f in self.fields}
        chosen.update(picks or {})
        same = {f.field for f in self.fields if not f.differs}
        return {
            name: "survivor" if side == survivor or name in same else "merged"
            for name, side in chosen.items()
        }


@dataclass(frozen=True, slots=True)
class MergeRecord:
    id: str
    survivor_id: str
    merged_id: str
    survivor_name: str
    merged_name: str
    score: float
    created_at: str
    undone_at: str | None


# -- helpers -----------------------------------------------------------------------------------
def _member_columns(connection: sqlite3.Connection) -> list[str]:
    return [r[1] for r in connection.execute("PRAGMA table_info(member)")]


def _member_row(
    connection: sqlite3.Connection, member_id: str, *, live: bool | None = None
) -> dict[str, Any] | None:
    columns = _member_columns(connection)
    condition = {True: " AND deleted_at IS NULL", False: " AND deleted_at IS NOT NULL", None: ""}
    row = connection.execute(
        f"SELECT {', '.join(columns)} FROM member WHERE id = ?{condition[live]}", (member_id,)
    ).fetchone()
    return None if row is None else dict(zip(columns, row, strict=True))


def _encode(value: Any) -> Any:
    return {"$bytes": value.hex()} if isinstance(value, bytes) else value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "$bytes" in value:
        return bytes.fromhex(value["$bytes"])
    return value


def _stored(name: str, value: Any) -> Any:
    """A MemberInput value as the member table stores it."""
    if name in _DATE_FIELDS:
        return iso(value)
    if name == "national_id":
        return value or None
    return value


def _check_choices(field_choices: Mapping[str, str]) -> None:
    allowed = get_args(FieldChoice)
    for name, side in field_choices.items():
        if name not in MERGE_FIELDS:
            raise MergeError("unknown_field", f"'{name}' is not a field a merge can choose")
        if side not in allowed:
            raise MergeError(
                "invalid_choice", f"Choose 'survivor' or 'merged' for {name}", field=name
            )


def _validation_errors(
    session: Session, data: MemberInput, *, survivor_id: str, merged_id: str
) -> tuple[FieldError, ...]:
    """The register's rules on the survivor's new values; the merged member's own national ID
    does not count as a clash (it is soft-deleted in the same transaction)."""
    errors = validate_member(session, data=data)
    if not any(e.code == "duplicate_national_id" for e in errors):
        return errors
    number = normalise_member(data).national_id
    others = dbapi(session).execute(
        "SELECT 1 FROM member WHERE national_id = ? AND deleted_at IS NULL AND id NOT IN (?, ?)",
        (number, survivor_id, merged_id),
    )
    if others.fetchone():
        return errors
    return tuple(e for e in errors if e.code != "duplicate_national_id")


def _role_ranks(connection: sqlite3.Connection) -> dict[str, int]:
    """Group roles, highest first (ประธาน before รองประธาน ... before สมาชิก)."""
    rows = connection.execute(
        "SELECT code, sort_order FROM ref_item WHERE kind = 'group_role'"
    ).fetchall()
    return {code: order for code, order in rows}


def _open_sql(alias: str = "") -> str:
    return f"{alias}deleted_at IS NULL AND ({alias}ended_on IS NULL OR {alias}ended_on > ?)"


class _Mover:
    """Moves the merged member's rows to the survivor and logs every change."""

    def __init__(
        self, connection: sqlite3.Connection, *, survivor_id: str, merged_id: str, stamp: Stamp
    ) -> None:
        self.connection = connection
        self.survivor_id = survivor_id
        self.merged_id = merged_id
        self.stamp = stamp
        self.log: list[list[Any]] = []

    def _stamp_sql(self, reference: MemberReference) -> tuple[str, tuple[str, ...]]:
        if reference.synced:
            return ", updated_at = ?, hlc = ?", (self.stamp.at, self.stamp.hlc)
        return "", ()

    def close(self, reference: MemberReference, key: Any) -> None:
        """Soft-delete one of the merged member's rows (it stays the merged member's)."""
        stamp_sql, stamp_params = self._stamp_sql(reference)
        self.connection.execute(
            f"UPDATE {reference.table} SET deleted_at = ?{stamp_sql} WHERE {reference.key} = ?",
            (self.stamp.at, *stamp_params, key),
        )
        self.log.append(["closed", reference.table, reference.column, key])

    def update(self, reference: MemberReference, key: Any, changes: dict[str, list[Any]]) -> None:
        """Change columns of one of the survivor's rows (``changes``: column -> [old, new])."""
        if not changes:
            return
        stamp_sql, stamp_params = self._stamp_sql(reference)
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.connection.execute(
            f"UPDATE {reference.table} SET {assignments}{stamp_sql} WHERE {reference.key} = ?",
            (*(new for _old, new in changes.values()), *stamp_params, key),
        )
        self.log.append(["updated", reference.table, reference.column, key, changes])

    def move_rest(self, reference: MemberReference, closed: set[Any]) -> None:
        keys = [
            key
            for (key,) in self.connection.execute(
                f"SELECT {reference.key} FROM {reference.table} WHERE {reference.column} = ?"
                f" ORDER BY {reference.key}",
                (self.merged_id,),
            )
            if key not in closed
        ]
        stamp_sql, stamp_params = self._stamp_sql(reference)
        self.connection.executemany(
            f"UPDATE {reference.table} SET {reference.column} = ?{stamp_sql}"
            f" WHERE {reference.key} = ?",
            [(self.survivor_id, *stamp_params, key) for key in keys],
        )
        self.log.extend(["moved", reference.table, reference.column, key] for key in keys)

    def fold_same_rows(self, reference: MemberReference) -> set[Any]:
        """Close the merged member's rows that the survivor already has (same key columns)."""
        closed: set[Any] = set()
        live = " AND s.deleted_at IS NULL AND m.deleted_at IS NULL" if reference.soft_delete else ""
        for columns in reference.same_row_keys:
            same = " AND ".join(f"s.{c} IS m.{c}" for c in columns)
            rows = self.connection.execute(
                f"SELECT DISTINCT m.{reference.key} FROM {reference.table} m"
                f" JOIN {reference.table} s ON {same}"
                f" WHERE m.{reference.column} = ? AND s.{reference.column} = ?{live}",
                (self.merged_id, self.survivor_id),
            ).fetchall()
            for (key,) in rows:
                if key in closed:
                    continue
                if not reference.soft_delete:
                    raise MergeError(
                        "conflicting_rows",
                        f"Both members have a row in {reference.table} that cannot be there"
                        " twice, and it cannot be closed",
                    )
                self.close(reference, key)
                closed.add(key)
        return closed

    def fold_group_memberships(self, reference: MemberReference) -> set[Any]:
        """Both open in one group: keep the survivor's membership with the earlier start and
        the higher role; close the merged member's."""
        today = today_iso()
        ranks = _role_ranks(self.connection)
        unknown_rank = max(ranks.values(), default=0) + 1
        query = (
            "SELECT id, group_id, role, started_on FROM group_membership"
            f" WHERE member_id = ? AND {_open_sql()} ORDER BY started_on IS NULL, started_on, id"
        )
        kept: dict[str, tuple[str, str, str | None]] = {}
        for key, group_id, role, started in self.connection.execute(
            query, (self.survivor_id, today)
        ):
            kept.setdefault(group_id, (key, role, started))
        original = dict(kept)
        closed: set[Any] = set()
        for key, group_id, role, started in self.connection.execute(
            query, (self.merged_id, today)
        ).fetchall():
            if group_id not in kept:
                continue
            keep_key, keep_role, keep_started = kept[group_id]
            if ranks.get(role, unknown_rank) < ranks.get(keep_role, unknown_rank):
                keep_role = role
            known = [d for d in (keep_started, started) if d]
            keep_started = min(known) if known else None
            kept[group_id] = (keep_key, keep_role, keep_started)
            self.close(reference, key)
            closed.add(key)
        for group_id, (keep_key, new_role, new_started) in kept.items():
            _key, old_role, old_started = original[group_id]
            change: dict[str, list[Any]] = {}
            if new_role != old_role:
                change["role"] = [old_role, new_role]
            if new_started != old_started:
                change["started_on"] = [old_started, new_started]
            self.update(reference, keep_key, change)
        return closed

    def run(self) -> None:
        for reference in member_references():
            closed: set[Any] = set()
            if reference.table == _GROUP_TABLE and reference.column == "member_id":
                closed |= self.fold_group_memberships(reference)
            closed |= self.fold_same_rows(reference)
            self.move_rest(reference, closed)


# -- merging -----------------------------------------------------------------------------------
def merge_members(
    session: Session,
    *,
    survivor_id: str,
    merged_id: str,
    field_choices: Mapping[str, FieldChoice],
) -> str:
    """Merge ``merged_id`` into ``survivor_id``; returns the merge's id (for :func:`undo_merge`).

    ``field_choices`` names, per field of :data:`MERGE_FIELDS`, whose value the survivor keeps
    (fields not named keep the survivor's). Refused with :class:`MergeError` (bad request) or
    :class:`MemberValidationError` (the chosen values break the register's rules); nothing is
    written then.
    """
    _check_choices(field_choices)
    if survivor_id == merged_id:
        raise MergeError("same_member", "A member cannot be merged with itself")
    connection = dbapi(session)
    survivor_before = _member_row(connection, survivor_id, live=True)
    merged_before = _member_row(connection, merged_id, live=True)
    if survivor_before is None or merged_before is None:
        raise MergeError("unknown_member", "Both members must exist and not be deleted")
    survivor = get_member(session, member_id=survivor_id).data
    merged = get_member(session, member_id=merged_id).data
    taken = [name for name, side in field_choices.items() if side == "merged"]
    data = dataclasses.replace(survivor, **{name: getattr(merged, name) for name in taken})
    errors = _validation_errors(session, data, survivor_id=survivor_id, merged_id=merged_id)
    if errors:
        raise MemberValidationError(errors)
    score = pair_details(session, a_id=survivor_id, b_id=merged_id).score
    stamp = new_stamp(session)

    connection.execute(
        "UPDATE member SET deleted_at = ?, updated_at = ?, hlc = ? WHERE id = ?",
        (stamp.at, stamp.at, stamp.hlc, merged_id),
    )
    clean = normalise_member(data)
    values = {name: _stored(name, getattr(clean, name)) for name in taken}
    if {"first_name", "last_name"} & values.keys():
        values["name_key"] = member_name_key(clean.first_name, clean.last_name)
    if "position" in values:
        values["position_key"] = thai_sort_key(clean.position) if clean.position else b""
    values = {c: v for c, v in values.items() if survivor_before[c] != v}
    if values:
        assignments = ", ".join(f"{column} = ?" for column in values)
        connection.execute(
            f"UPDATE member SET {assignments}, updated_at = ?, hlc = ? WHERE id = ?",
            (*values.values(), stamp.at, stamp.hlc, survivor_id),
        )
    mover = _Mover(connection, survivor_id=survivor_id, merged_id=merged_id, stamp=stamp)
    mover.run()

    merge_id = new_id()
    survivor_log = {
        "at": stamp.at,
        "before": {c: _encode(v) for c, v in survivor_before.items()},
        "set": {c: [_encode(survivor_before[c]), _encode(v)] for c, v in values.items()},
        "merged_before": {c: _encode(v) for c, v in merged_before.items()},
    }
    connection.execute(
        "INSERT INTO member_merge (id, owner_office_id, created_at, updated_at, hlc,"
        " survivor_id, merged_id, survivor_old_json, moved_json, score)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            merge_id, stamp.owner_office_id, stamp.at, stamp.at, stamp.hlc, survivor_id,
            merged_id, json.dumps(survivor_log, ensure_ascii=False),
            json.dumps(mover.log, ensure_ascii=False), score,
        ),
    )  # fmt: skip
    _record_merge(
        session,
        kind=history.MERGE,
        link_id=merge_id,
        stamp=stamp,
        survivor=(survivor_id, {c: [survivor_before[c], v] for c, v in values.items()}),
        merged=(merged_id, {"deleted_at": [None, stamp.at]}),
    )
    return merge_id


def _record_merge(
    session: Session,
    *,
    kind: str,
    link_id: str,
    stamp: Stamp,
    survivor: tuple[str, dict[str, list[Any]]],
    merged: tuple[str, dict[str, list[Any]]],
) -> None:
    """One history row for each member (sort keys are not history: they follow the names)."""
    for member_id, changes in (survivor, merged):
        history.record(
            session,
            kind=kind,
            entity="member",
            entity_id=member_id,
            member_id=member_id,
            changes={c: pair for c, pair in changes.items() if not c.endswith("_key")},
            stamp=stamp,
            link_id=link_id,
        )


# -- undoing -----------------------------------------------------------------------------------
def _current(
    connection: sqlite3.Connection, reference: MemberReference, key: Any, columns: Sequence[str]
) -> tuple[Any, ...] | None:
    table, key_column = reference.table, reference.key
    return connection.execute(
        f"SELECT {', '.join(columns)} FROM {table} WHERE {key_column} = ?", (key,)
    ).fetchone()


def _check_undo(
    connection: sqlite3.Connection,
    *,
    merge_rowid: int,
    survivor_id: str,
    merged_id: str,
    log: dict[str, Any],
    moved: list[list[Any]],
    references: dict[tuple[str, str], MemberReference],
) -> None:
    later = connection.execute(
        "SELECT 1 FROM member_merge WHERE rowid > ? AND undone_at IS NULL AND deleted_at IS NULL"
        " AND (survivor_id IN (?, ?) OR merged_id IN (?, ?))",
        (merge_rowid, survivor_id, merged_id, survivor_id, merged_id),
    ).fetchone()
    if later:
        raise MergeError(
            "merged_again", "One of these members was merged again since: undo that merge first"
        )
    survivor = _member_row(connection, survivor_id, live=True)
    if survivor is None:
        raise MergeError("survivor_changed", "The surviving member was deleted since the merge")
    changed = [c for c, (_old, new) in log["set"].items() if survivor[c] != _decode(new)]
    if changed:
        raise MergeError(
            "survivor_changed",
            "The surviving member was edited since the merge in fields the merge set: "
            + ", ".join(changed),
        )
    merged = _member_row(connection, merged_id)
    if merged is None or merged["deleted_at"] != log["at"]:
        raise MergeError(
            "merged_member_changed", "The merged member was restored or changed since the merge"
        )
    for entry in moved:
        action, table, column, key = entry[:4]
        reference = references.get((table, column))
        if reference is None:
            raise MergeError("rows_changed", f"The table {table} no longer refers to members")
        if action == "moved":
            row = _current(connection, reference, key, (column,))
            ok = row is not None and row[0] == survivor_id
        elif action == "closed":
            row = _current(connection, reference, key, (column, "deleted_at"))
            ok = row is not None and row[0] == merged_id and row[1] == log["at"]
        else:
            changes: dict[str, list[Any]] = entry[4]
            row = _current(connection, reference, key, tuple(changes))
            ok = row is not None and list(row) == [new for _old, new in changes.values()]
        if not ok:
            raise MergeError(
                "rows_changed", f"A row of {table} the merge touched was changed since"
            )
    for number in (merged["national_id"], log["before"]["national_id"]):
        if number is None:
            continue
        clash = connection.execute(
            "SELECT 1 FROM member WHERE national_id = ? AND deleted_at IS NULL"
            " AND id NOT IN (?, ?)",
            (number, survivor_id, merged_id),
        ).fetchone()
        if clash:
            raise MergeError(
                "duplicate_national_id",
                "Another member now has the national ID this merge would give back",
                field="national_id",
            )


def undo_merge(session: Session, *, merge_id: str) -> None:
    """Put back what a merge did: the merged member live again with its rows, the survivor's
    values and rows as before. Both get a new sync stamp (the undo is a change too).

    Refused (:class:`MergeError`, nothing changed) for an unknown or undone merge, when either
    member was merged again, when the survivor was since edited in a field the merge set, or
    when a row the merge touched was changed since.
    """
    connection = dbapi(session)
    row = connection.execute(
        "SELECT rowid, survivor_id, merged_id, survivor_old_json, moved_json, undone_at"
        " FROM member_merge WHERE id = ? AND deleted_at IS NULL",
        (merge_id,),
    ).fetchone()
    if row is None:
        raise MergeError("unknown_merge", "There is no such merge")
    merge_rowid, survivor_id, merged_id, log_json, moved_json, undone_at = row
    if undone_at is not None:
        raise MergeError("already_undone", "This merge was already undone")
    log: dict[str, Any] = json.loads(log_json)
    moved: list[list[Any]] = json.loads(moved_json)
    references = {(r.table, r.column): r for r in member_references()}
    _check_undo(
        connection,
        merge_rowid=merge_rowid,
        survivor_id=survivor_id,
        merged_id=merged_id,
        log=log,
        moved=moved,
        references=references,
    )
    stamp = new_stamp(session)
    for entry in reversed(moved):
        action, table, column, key = entry[:4]
        reference = references[(table, column)]
        stamp_sql, stamp_params = (
            (", updated_at = ?, hlc = ?", (stamp.at, stamp.hlc)) if reference.synced else ("", ())
        )
        if action == "moved":
            sets, params = f"{column} = ?", [merged_id]
        elif action == "closed":
            sets, params = "deleted_at = NULL", []
        else:
            changes: dict[str, list[Any]] = entry[4]
            sets = ", ".join(f"{c} = ?" for c in changes)
            params = [old for old, _new in changes.values()]
        connection.execute(
            f"UPDATE {table} SET {sets}{stamp_sql} WHERE {reference.key} = ?",
            (*params, *stamp_params, key),
        )
    restored = {c: _decode(old) for c, (old, _new) in log["set"].items()}
    assignments = "".join(f"{c} = ?, " for c in restored)
    connection.execute(
        f"UPDATE member SET {assignments}updated_at = ?, hlc = ? WHERE id = ?",
        (*restored.values(), stamp.at, stamp.hlc, survivor_id),
    )
    connection.execute(
        "UPDATE member SET deleted_at = NULL, updated_at = ?, hlc = ? WHERE id = ?",
        (stamp.at, stamp.hlc, merged_id),
    )
    connection.execute(
        "UPDATE member_merge SET undone_at = ?, updated_at = ?, hlc = ? WHERE id = ?",
        (stamp.at, stamp.at, stamp.hlc, merge_id),
    )
    merge_operation = connection.execute(
        "SELECT operation_id FROM history WHERE link_id = ? AND kind = 'merge' LIMIT 1",
        (merge_id,),
    ).fetchone()
    _record_merge(
        session,
        kind=history.UNDO,
        link_id=merge_operation[0] if merge_operation else merge_id,
        stamp=stamp,
        survivor=(
            survivor_id,
            {c: [_decode(new), _decode(old)] for c, (old, new) in log["set"].items()},
        ),
        merged=(merged_id, {"deleted_at": [log["at"], None]}),
    )


# -- the log -----------------------------------------------------------------------------------
_RECORD_SQL = (
    "SELECT mm.id, mm.survivor_id, mm.merged_id,"
    " coalesce(s.prefix || s.first_name || ' ' || s.last_name, ''),"
    " coalesce(m.prefix || m.first_name || ' ' || m.last_name, ''),"
    " mm.score, mm.created_at, mm.undone_at FROM member_merge mm"
    " LEFT JOIN member s ON s.id = mm.survivor_id LEFT JOIN member m ON m.id = mm.merged_id"
    " WHERE mm.deleted_at IS NULL"
)


def _record(r: tuple[Any, ...]) -> MergeRecord:
    return MergeRecord(
        id=r[0],
        survivor_id=r[1],
        merged_id=r[2],
        survivor_name=r[3].strip(),
        merged_name=r[4].strip(),
        score=r[5],
        created_at=r[6],
        undone_at=r[7],
    )


def list_merges(session: Session, *, limit: int = 50) -> list[MergeRecord]:
    """The latest merges, newest first (undone ones too)."""
    rows = dbapi(session).execute(f"{_RECORD_SQL} ORDER BY mm.rowid DESC LIMIT ?", (limit,))
    return [_record(r) for r in rows]


def last_merge(session: Session) -> MergeRecord | None:
    """The newest merge that has not been undone (what "Undo last merge" undoes)."""
    row = (
        dbapi(session)
        .execute(f"{_RECORD_SQL} AND mm.undone_at IS NULL ORDER BY mm.rowid DESC LIMIT 1")
        .fetchone()
    )
    return None if row is None else _record(row)


# -- the preview -------------------------------------------------------------------------------
def _is_empty(value: object) -> bool:
    return value is None or value == ""


def _suggest(name: str, a: object, b: object, *, survivor: Side) -> Side:
    """The side whose value of ``name`` to keep: the filled one, the more complete free text
    (one holds the other), else the kept record's."""
    if a == b:
        return survivor
    if _is_empty(a):
        return "b"
    if _is_empty(b):
        return "a"
    if isinstance(a, str) and isinstance(b, str) and name in _FREE_TEXT_FIELDS:
        folded_a, folded_b = a.casefold(), b.casefold()
        if folded_a in folded_b:
            return "b"  # b says the same and more
        if folded_b in folded_a:
            return "a"
    return survivor


def _strength(data: MemberInput, *, related_rows: int, updated_at: str) -> tuple[int, bool, str]:
    """How strong a record is, to compare two: its amount of data (linked rows and filled
    fields, one each), then whether it has a national ID, then how recently it was updated."""
    filled = sum(not _is_empty(getattr(data, f)) for f in MERGE_FIELDS)
    return related_rows + filled, bool(data.national_id), updated_at


def _related_counts(connection: sqlite3.Connection, a_id: str, b_id: str) -> list[RelatedCount]:
    counts: list[RelatedCount] = []
    for reference in member_references():
        live = " AND deleted_at IS NULL" if reference.soft_delete else ""
        by_member = dict(
            connection.execute(
                f"SELECT {reference.column}, count(*) FROM {reference.table}"
                f" WHERE {reference.column} IN (?, ?){live} GROUP BY {reference.column}",
                (a_id, b_id),
            ).fetchall()
        )
        counts.append(
            RelatedCount(reference.table, reference.column, by_member.get(a_id, 0),
                         by_member.get(b_id, 0))
        )  # fmt: skip
    return counts


def merge_preview(session: Session, *, a_id: str, b_id: str) -> MergePreview:
    """Both members field by field, with a suggested value per field and a suggested survivor.

    The survivor suggested is the stronger record (:func:`_strength`): more linked rows and
    filled fields together, then the one with a national ID, then the more recently updated.
    Per field (:func:`_suggest`): the filled value, else the more complete free text (one holds
    the other: ใจดี / ใจดีมาก), else the survivor's; so a tick never follows the weaker record
    where the two conflict.

    Raises ``LookupError`` when either is not a live member, ``MergeError`` (``same_member``)
    for one member twice.
    """
    if a_id == b_id:
        raise MergeError("same_member", "A member cannot be merged with itself")
    profile_a = get_member(session, member_id=a_id)
    profile_b = get_member(session, member_id=b_id)
    connection = dbapi(session)
    related = _related_counts(connection, a_id, b_id)
    a, b = profile_a.data, profile_b.data
    strength_a = _strength(
        a, related_rows=sum(r.count_a for r in related), updated_at=profile_a.updated_at
    )
    strength_b = _strength(
        b, related_rows=sum(r.count_b for r in related), updated_at=profile_b.updated_at
    )
    survivor: Side = "a" if strength_a >= strength_b else "b"
    fields = tuple(
        FieldComparison(
            field=name,
            value_a=getattr(a, name),
            value_b=getattr(b, name),
            differs=getattr(a, name) != getattr(b, name),
            suggested=_suggest(name, getattr(a, name), getattr(b, name), survivor=survivor),
        )
        for name in MERGE_FIELDS
    )
    pair = pair_details(session, a_id=a_id, b_id=b_id)
    return MergePreview(
        a_id=a_id,
        b_id=b_id,
        a_name=f"{a.prefix}{a.first_name} {a.last_name}".strip(),
        b_name=f"{b.prefix}{b.first_name} {b.last_name}".strip(),
        a_organisation=profile_a.organisation_name,
        b_organisation=profile_b.organisation_name,
        a_created_at=profile_a.created_at,
        b_created_at=profile_b.created_at,
        a_updated_at=profile_a.updated_at,
        b_updated_at=profile_b.updated_at,
        fields=fields,
        strengths_a=a.strengths,
        strengths_b=b.strengths,
        related=tuple(related),
        suggested_survivor=survivor,
        score=pair.score,
        reasons=pair.reasons,
    )


__all__ = [
    "LOG_TABLES",
    "MERGE_FIELDS",
    "FieldChoice",
    "FieldComparison",
    "MemberReference",
    "MergeError",
    "MergePreview",
    "MergeRecord",
    "RelatedCount",
    "Side",
    "last_merge",
    "list_merges",
    "member_references",
    "merge_members",
    "merge_preview",
    "undo_merge",
]
