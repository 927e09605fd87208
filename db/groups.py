"""Groups (networks, associations, clubs, committees; nested) and members' roles in them.

A membership is current while it is live, has started (or has no start date) and has not ended:
``ended_on`` is the first day the person is no longer a member, so ending a membership today
takes effect at once. Removing a membership (a mistake) is a soft delete; ending one keeps it
in the member's history. Every change of a membership is recorded in the change history
(``db.history``) in the same transaction; a bulk add writes its rows with executemany too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session

from db.history import record as history
from db.identity import Stamp, new_stamp
from db.ids import new_id, new_ids
from db.members._keys import thai_sort_key
from db.members._sql import dbapi, iso, placeholders, to_date, today_iso
from db.members.filters import CURRENT_MEMBERSHIP, build_conditions
from db.members.types import GroupNode, MemberFilter, RefusedError
from db.members.validation import clean_line, clean_multiline
from db.models.groups import GROUP_KINDS

BULK_BATCH = 20_000
DEFAULT_MEMBER_ROWS_LIMIT = 1_000


class GroupError(RefusedError):
    """A group operation that was refused: ``code`` and ``message`` of its (first) FieldError.

    Codes: ``missing_name``, ``unknown_kind``, ``unknown_group``, ``group_cycle``,
    ``duplicate_group``, ``group_has_children``, ``unknown_member``, ``unknown_role``,
    ``already_member``, ``unknown_membership``, ``invalid_date``.
    """


@dataclass(frozen=True, slots=True)
class GroupMemberRow:
    """A member's place in a group, for the group's member list."""

    membership_id: str
    member_id: str
    member_key: int  # member.rowid, as in the register's key arrays
    role: str  # ref_item code of kind 'group_role'
    full_name: str
    organisation_name: str
    position: str
    started_on: dt.date | None
    ended_on: dt.date | None


def _live_group(session: Session, group_id: str) -> tuple[str | None] | None:
    """The group's parent id (as a 1-tuple) if the group is live, else None."""
    return (
        dbapi(session)
        .execute(
            "SELECT parent_id FROM network_group WHERE id = ? AND deleted_at IS NULL", (group_id,)
        )
        .fetchone()
    )


def _require_group(session: Session, group_id: str, *, field: str = "group_id") -> None:
    if _live_group(session, group_id) is None:
        raise GroupError("unknown_group", "The group does not exist", field=field)


def _require_role(session: Session, role: str) -> None:
    known = (
        dbapi(session)
        .execute("SELECT 1 FROM ref_item WHERE kind = 'group_role' AND code = ?", (role,))
        .fetchone()
    )
    if not known:
        raise GroupError("unknown_role", f"Unknown role '{role}'", field="role")


def group_tree(session: Session) -> list[GroupNode]:
    """Every live group with its parent and its direct current member count, in Thai order.

    A group whose parent was deleted is shown as a top-level group. The caller builds the tree.
    """
    connection = dbapi(session)
    today = today_iso()
    counts = dict(
        connection.execute(
            "SELECT gm.group_id, count(*) FROM group_membership gm"
            f" WHERE {CURRENT_MEMBERSHIP} AND gm.member_id NOT IN"
            " (SELECT id FROM member WHERE deleted_at IS NOT NULL)"
            " GROUP BY gm.group_id",
            (today, today),
        ).fetchall()
    )
    rows = connection.execute(
        "SELECT g.id, g.name, g.kind, p.id, g.description FROM network_group g"
        " LEFT JOIN network_group p ON p.id = g.parent_id AND p.deleted_at IS NULL"
        " WHERE g.deleted_at IS NULL ORDER BY g.name_key, g.id"
    )
    return [
        GroupNode(
            id=r[0],
            name=r[1],
            kind=r[2],
            parent_id=r[3],
            member_count=counts.get(r[0], 0),
            description=r[4],
        )
        for r in rows
    ]


def _creates_cycle(session: Session, *, group_id: str, parent_id: str) -> bool:
    """Would making ``parent_id`` the parent of ``group_id`` put the group inside itself?"""
    found = (
        dbapi(session)
        .execute(
            "WITH RECURSIVE up(id) AS (SELECT ? UNION"
            " SELECT g.parent_id FROM network_group g JOIN up ON g.id = up.id"
            " WHERE g.parent_id IS NOT NULL)"
            " SELECT 1 FROM up WHERE id = ?",
            (parent_id, group_id),
        )
        .fetchone()
    )
    return found is not None


def save_group(
    session: Session,
    *,
    name: str,
    kind: str,
    parent_id: str | None = None,
    description: str = "",
    id: str | None = None,
) -> str:
    """Create (``id`` None) or update a group; returns its id. Raises :class:`GroupError`."""
    name = clean_line(name)
    description = clean_multiline(description)
    connection = dbapi(session)
    if id is not None:
        _require_group(session, id, field="id")
    if not name:
        raise GroupError("missing_name", "The group's name is required", field="name")
    if kind not in GROUP_KINDS:
        raise GroupError(
            "unknown_kind", f"A group is one of: {', '.join(GROUP_KINDS)}", field="kind"
        )
    if parent_id is not None:
        _require_group(session, parent_id, field="parent_id")
        if id is not None and _creates_cycle(session, group_id=id, parent_id=parent_id):
            raise GroupError(
                "group_cycle",
                "A group cannot be inside itself or its sub-groups",
                field="parent_id",
            )
    clash = connection.execute(
        "SELECT 1 FROM network_group WHERE deleted_at IS NULL AND parent_id IS ? AND name = ?"
        " AND id IS NOT ?",
        (parent_id, name, id),
    ).fetchone()
    if clash:
        raise GroupError(
            "duplicate_group", "A group with this name already exists here", field="name"
        )
    stamp = new_stamp(session)
    values = (name, kind, parent_id, description, thai_sort_key(name))
    if id is None:
        id = new_id()
        connection.execute(
            "INSERT INTO network_group (id, owner_office_id, created_at, updated_at, hlc,"
            " name, kind, parent_id, description, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (id, stamp.owner_office_id, stamp.at, stamp.at, stamp.hlc, *values),
        )
    else:
        connection.execute(
            "UPDATE network_group SET name = ?, kind = ?, parent_id = ?, description = ?,"
            " name_key = ?, updated_at = ?, hlc = ? WHERE id = ?",
            (*values, stamp.at, stamp.hlc, id),
        )
    return id


def delete_group(session: Session, *, group_id: str) -> None:
    """Soft-delete a group; refused (``group_has_children``) while it has live sub-groups."""
    _require_group(session, group_id)
    connection = dbapi(session)
    child = connection.execute(
        "SELECT 1 FROM network_group WHERE parent_id = ? AND deleted_at IS NULL", (group_id,)
    ).fetchone()
    if child:
        raise GroupError(
            "group_has_children", "Move or delete the group's sub-groups first", field="group_id"
        )
    stamp = new_stamp(session)
    connection.execute(
        "UPDATE network_group SET deleted_at = ?, updated_at = ?, hlc = ? WHERE id = ?",
        (stamp.at, stamp.at, stamp.hlc, group_id),
    )


def _open_membership(session: Session, *, group_id: str, member_id: str) -> bool:
    today = today_iso()
    found = (
        dbapi(session)
        .execute(
            "SELECT 1 FROM group_membership gm WHERE gm.group_id = ? AND gm.member_id = ?"
            " AND gm.deleted_at IS NULL AND (gm.ended_on IS NULL OR gm.ended_on > ?)",
            (group_id, member_id, today),
        )
        .fetchone()
    )
    return found is not None


def add_group_member(
    session: Session,
    *,
    group_id: str,
    member_id: str,
    role: str = "member",
    started_on: dt.date | None = None,
) -> str:
    """Add a member to a group in a role; returns the membership id.

    Refused (:class:`GroupError`) for an unknown group, member or role, and when the member
    already has an open (not ended) membership of the group (``already_member``: change the
    role of that one instead).
    """
    _require_group(session, group_id)
    connection = dbapi(session)
    member = connection.execute(
        "SELECT 1 FROM member WHERE id = ? AND deleted_at IS NULL", (member_id,)
    ).fetchone()
    if member is None:
        raise GroupError("unknown_member", "The member does not exist", field="member_id")
    _require_role(session, role)
    if _open_membership(session, group_id=group_id, member_id=member_id):
        raise GroupError("already_member", "The member is already in this group", field="member_id")
    stamp = new_stamp(session)
    membership_id = new_id()
    connection.execute(
        "INSERT INTO group_membership (id, owner_office_id, created_at, updated_at, hlc,"
        " group_id, member_id, role, started_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            membership_id,
            stamp.owner_office_id,
            stamp.at,
            stamp.at,
            stamp.hlc,
            group_id,
            member_id,
            role,
            iso(started_on),
        ),
    )
    history.record(
        session,
        kind=history.CREATE,
        entity="group_membership",
        entity_id=membership_id,
        member_id=member_id,
        changes=_added_changes(group_id, role, started_on),
        stamp=stamp,
    )
    return membership_id


def _added_changes(group_id: str, role: str, started_on: dt.date | None) -> dict[str, list[object]]:
    changes: dict[str, list[object]] = {"group_id": [None, group_id], "role": [None, role]}
    if started_on is not None:
        changes["started_on"] = [None, started_on.isoformat()]
    return changes


def _insert_memberships(
    session: Session,
    *,
    group_id: str,
    member_ids: Iterable[str],
    role: str,
    started_on: dt.date | None,
    stamp: Stamp,
) -> int:
    connection = dbapi(session)
    added = 0
    batch: list[str] = []

    changes = _added_changes(group_id, role, started_on)

    def flush() -> None:
        ids = new_ids(len(batch))
        connection.executemany(
            "INSERT INTO group_membership (id, owner_office_id, created_at, updated_at, hlc,"
            " group_id, member_id, role, started_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (mid, stamp.owner_office_id, stamp.at, stamp.at, stamp.hlc, group_id, member_id,
                 role, iso(started_on))
                for mid, member_id in zip(ids, batch, strict=True)
            ],
        )  # fmt: skip
        history.record_many(
            session,
            kind=history.CREATE,
            entity="group_membership",
            rows=((mid, member_id, changes) for mid, member_id in zip(ids, batch, strict=True)),
            stamp=stamp,
        )

    for member_id in member_ids:
        batch.append(member_id)
        if len(batch) == BULK_BATCH:
            flush()
            added += len(batch)
            batch.clear()
    if batch:
        flush()
        added += len(batch)
    return added


def _not_yet_members_sql(where: str) -> str:
    return (
        "SELECT m.id FROM member m WHERE "
        + where
        + " AND NOT EXISTS (SELECT 1 FROM group_membership gm WHERE gm.group_id = ?"
        " AND gm.member_id = m.id AND gm.deleted_at IS NULL"
        " AND (gm.ended_on IS NULL OR gm.ended_on > ?))"
    )


def add_group_members_bulk(
    session: Session,
    *,
    group_id: str,
    member_ids: Iterable[str],
    role: str = "member",
    started_on: dt.date | None = None,
) -> int:
    """Add many members to a group in one role; returns how many were added.

    Members already in the group (open membership), unknown or deleted ones are skipped.
    One transaction (the caller's), rows inserted with executemany in batches.
    """
    _require_group(session, group_id)
    _require_role(session, role)
    connection = dbapi(session)
    today = today_iso()
    wanted = list(dict.fromkeys(member_ids))
    addable: list[str] = []
    for start in range(0, len(wanted), BULK_BATCH):
        chunk = wanted[start : start + BULK_BATCH]
        found = connection.execute(
            _not_yet_members_sql(f"m.id IN ({placeholders(chunk)}) AND m.deleted_at IS NULL"),
            [*chunk, group_id, today],
        )
        live = {row[0] for row in found}
        addable.extend(i for i in chunk if i in live)
    return _insert_memberships(
        session,
        group_id=group_id,
        member_ids=addable,
        role=role,
        started_on=started_on,
        stamp=new_stamp(session),
    )


def add_filtered_members_to_group(
    session: Session,
    *,
    group_id: str,
    filters: MemberFilter,
    role: str = "member",
    started_on: dt.date | None = None,
) -> int:
    """Add every live member matching ``filters`` (what the register shows) to a group.

    Like :func:`add_group_members_bulk`, without moving the ids through the caller.
    """
    _require_group(session, group_id)
    _require_role(session, role)
    conditions = build_conditions(filters, connection=dbapi(session))
    cursor = dbapi(session).execute(
        conditions.with_clause + _not_yet_members_sql(conditions.where_clause),
        [*conditions.all_params, group_id, today_iso()],
    )
    member_ids = [row[0] for row in cursor]
    return _insert_memberships(
        session,
        group_id=group_id,
        member_ids=member_ids,
        role=role,
        started_on=started_on,
        stamp=new_stamp(session),
    )


def _membership(session: Session, membership_id: str) -> tuple[str | None, str | None, str, str]:
    """(started_on, ended_on, member_id, role) of a live membership; GroupError if none."""
    row = (
        dbapi(session)
        .execute(
            "SELECT started_on, ended_on, member_id, role FROM group_membership"
            " WHERE id = ? AND deleted_at IS NULL",
            (membership_id,),
        )
        .fetchone()
    )
    if row is None:
        raise GroupError(
            "unknown_membership", "The membership does not exist", field="membership_id"
        )
    return row[0], row[1], row[2], row[3]


def end_group_membership(
    session: Session, *, membership_id: str, ended_on: dt.date | None = None
) -> None:
    """End a membership on ``ended_on`` (today if None): from that day on it is history."""
    started, ended, member_id, _role = _membership(session, membership_id)
    end = ended_on or dt.date.today()
    if started is not None and end.isoformat() < started:
        raise GroupError(
            "invalid_date", "A membership cannot end before it started", field="ended_on"
        )
    stamp = new_stamp(session)
    dbapi(session).execute(
        "UPDATE group_membership SET ended_on = ?, updated_at = ?, hlc = ? WHERE id = ?",
        (end.isoformat(), stamp.at, stamp.hlc, membership_id),
    )
    history.record(
        session,
        kind=history.UPDATE,
        entity="group_membership",
        entity_id=membership_id,
        member_id=member_id,
        changes={"ended_on": [ended, end.isoformat()]},
        stamp=stamp,
    )


def change_group_role(session: Session, *, membership_id: str, role: str) -> None:
    """Give the member another role in the group (same membership, same dates)."""
    _started, _ended, member_id, old_role = _membership(session, membership_id)
    _require_role(session, role)
    stamp = new_stamp(session)
    dbapi(session).execute(
        "UPDATE group_membership SET role = ?, updated_at = ?, hlc = ? WHERE id = ?",
        (role, stamp.at, stamp.hlc, membership_id),
    )
    if role != old_role:
        history.record(
            session,
            kind=history.UPDATE,
            entity="group_membership",
            entity_id=membership_id,
            member_id=member_id,
            changes={"role": [old_role, role]},
            stamp=stamp,
        )


def remove_group_membership(session: Session, *, membership_id: str) -> None:
    """Delete a membership entered by mistake (soft delete; it leaves no history)."""
    _started, _ended, member_id, _role = _membership(session, membership_id)
    stamp = new_stamp(session)
    dbapi(session).execute(
        "UPDATE group_membership SET deleted_at = ?, updated_at = ?, hlc = ? WHERE id = ?",
        (stamp.at, stamp.at, stamp.hlc, membership_id),
    )
    history.record(
        session,
        kind=history.DELETE,
        entity="group_membership",
        entity_id=membership_id,
        member_id=member_id,
        changes={"deleted_at": [None, stamp.at]},
        stamp=stamp,
    )


def group_member_rows(
    session: Session,
    *,
    group_id: str,
    include_past: bool = False,
    limit: int = DEFAULT_MEMBER_ROWS_LIMIT,
) -> list[GroupMemberRow]:
    """The group's own members (not its sub-groups'): roles in the ``group_role`` list's order
    (chair first), then Thai name order; current memberships only unless ``include_past``.

    At most ``limit`` rows: a group of thousands is browsed in the register with its group
    filter (``MemberFilter(group_ids=(group_id,))``), which pages by keys.
    """
    _require_group(session, group_id)
    today = today_iso()
    current = "" if include_past else f" AND {CURRENT_MEMBERSHIP}"
    params: list[object] = [group_id] if include_past else [group_id, today, today]
    rows = dbapi(session).execute(
        "SELECT gm.id, m.id, m.rowid, gm.role,"
        " trim(m.prefix || m.first_name || ' ' || m.last_name), coalesce(o.name, ''),"
        " m.position, gm.started_on, gm.ended_on"
        " FROM group_membership gm JOIN member m ON m.id = gm.member_id"
        " LEFT JOIN organisation o ON o.id = m.organisation_id"
        " LEFT JOIN ref_item r ON r.kind = 'group_role' AND r.code = gm.role"
        " WHERE gm.group_id = ? AND gm.deleted_at IS NULL AND m.deleted_at IS NULL"
        f"{current}"
        " ORDER BY coalesce(r.sort_order, 1000000), m.name_key, gm.started_on, gm.id LIMIT ?",
        [*params, limit],
    )
    return [
        GroupMemberRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], to_date(r[7]), to_date(r[8]))
        for r in rows
    ]
