"""Commands on members: save (create or update), soft delete, restore.

Every write stamps the sync fields (``db.identity.new_stamp``): a new member gets a UUID v7, this
office as owner and its creation time; a change sets ``updated_at`` and a new HLC. Deletes are
soft (``deleted_at``); the FTS triggers drop a deleted member from the search index and put a
restored one back. Every write is recorded in the change history (``db.history``) in the same
transaction: the fields that changed, with their old and new values.
"""

from __future__ import annotations

from sqlmodel import Session

from db.history import record as history
from db.identity import Stamp, new_stamp
from db.ids import new_id
from db.members._keys import member_name_key, thai_sort_key
from db.members._sql import dbapi, iso
from db.members.types import FieldError, MemberInput, MemberValidationError
from db.members.validation import normalise_member, validate_member

__all__ = ["delete_member", "restore_member", "save_member", "validate_member"]

# Columns written from MemberInput (same names), in this order.
_DATA_COLUMNS = (
    "prefix", "first_name", "last_name", "first_name_en", "last_name_en", "nickname",
    "national_id", "birth_date", "gender", "personnel_type", "position", "position_type",
    "position_level", "organisation_id", "phone", "phone_office", "email", "line_id", "address",
    "membership_no", "status", "joined_on", "expires_on", "notes", "consent_date",
    "consent_purpose",
)  # fmt: skip
_DATES = frozenset(("birth_date", "joined_on", "expires_on", "consent_date"))


def _values(data: MemberInput) -> list[object]:
    values: list[object] = []
    for name in _DATA_COLUMNS:
        value = getattr(data, name)
        if name in _DATES:
            value = iso(value)
        elif name == "national_id":
            value = value or None  # NULL, not '': the unique index only covers real IDs
        values.append(value)
    values.append(member_name_key(data.first_name, data.last_name))
    values.append(thai_sort_key(data.position) if data.position else b"")
    return values


def _live_member(session: Session, member_id: str) -> bool:
    found = dbapi(session).execute(
        "SELECT 1 FROM member WHERE id = ? AND deleted_at IS NULL", (member_id,)
    )
    return found.fetchone() is not None


def _stored(session: Session, member_id: str) -> dict[str, object]:
    """The member's data columns as stored (what history compares with)."""
    row = (
        dbapi(session)
        .execute(f"SELECT {', '.join(_DATA_COLUMNS)} FROM member WHERE id = ?", (member_id,))
        .fetchone()
    )
    return dict(zip(_DATA_COLUMNS, row, strict=True)) if row else {}


def _replace_strengths(
    session: Session, *, member_id: str, tags: tuple[str, ...], stamp: Stamp
) -> list[str]:
    """Make the member's live strength tags exactly ``tags``: unchanged rows are kept, removed
    ones soft-deleted, new ones added. Returns the tags the member had before."""
    connection = dbapi(session)
    current = dict(
        connection.execute(
            "SELECT tag, id FROM member_strength WHERE member_id = ? AND deleted_at IS NULL"
            " ORDER BY rowid",
            (member_id,),
        ).fetchall()
    )
    removed = [current[tag] for tag in current if tag not in tags]
    added = [tag for tag in tags if tag not in current]
    connection.executemany(
        "UPDATE member_strength SET deleted_at = ?, updated_at = ?, hlc = ? WHERE id = ?",
        [(stamp.at, stamp.at, stamp.hlc, row_id) for row_id in removed],
    )
    connection.executemany(
        "INSERT INTO member_strength (id, owner_office_id, created_at, updated_at, hlc,"
        " member_id, tag) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (new_id(), stamp.owner_office_id, stamp.at, stamp.at, stamp.hlc, member_id, tag)
            for tag in added
        ],
    )
    return list(current)


def save_member(session: Session, *, data: MemberInput) -> str:
    """Create (``data.id`` None) or update a member; returns its id.

    Raises :class:`MemberValidationError` (nothing written) when :func:`validate_member` finds
    problems, and ``LookupError`` when updating a member that does not exist or was deleted.
    """
    if data.id is not None and not _live_member(session, data.id):
        raise LookupError(f"no member with id {data.id}")
    errors = validate_member(session, data=data)
    if errors:
        raise MemberValidationError(errors)
    clean = normalise_member(data)
    stamp = new_stamp(session)
    connection = dbapi(session)
    values = _values(clean)
    old = _stored(session, clean.id) if clean.id is not None else {}
    if clean.id is None:
        member_id = new_id()
        columns = ", ".join((*_DATA_COLUMNS, "name_key", "position_key"))
        connection.execute(
            f"INSERT INTO member (id, owner_office_id, created_at, updated_at, hlc, {columns})"
            f" VALUES (?, ?, ?, ?, ?, {', '.join('?' * len(values))})",
            [member_id, stamp.owner_office_id, stamp.at, stamp.at, stamp.hlc, *values],
        )
    else:
        member_id = clean.id
        assignments = ", ".join(f"{c} = ?" for c in (*_DATA_COLUMNS, "name_key", "position_key"))
        connection.execute(
            f"UPDATE member SET {assignments}, updated_at = ?, hlc = ? WHERE id = ?",
            [*values, stamp.at, stamp.hlc, member_id],
        )
    old_tags = _replace_strengths(session, member_id=member_id, tags=clean.strengths, stamp=stamp)
    new = dict(zip(_DATA_COLUMNS, values, strict=False))
    if clean.id is None:
        changes = {name: [None, value] for name, value in new.items() if value not in (None, "")}
    else:
        changes = history.diff(old, new)
    if sorted(old_tags) != sorted(clean.strengths):
        changes["strengths"] = [old_tags, list(clean.strengths)]
    if changes:
        history.record(
            session,
            kind=history.CREATE if clean.id is None else history.UPDATE,
            entity="member",
            entity_id=member_id,
            member_id=member_id,
            changes=changes,
            stamp=stamp,
        )
    return member_id


def delete_member(session: Session, *, member_id: str) -> None:
    """Soft-delete a live member (hidden from the register and search; restorable).

    Raises ``LookupError`` if there is no live member with that id.
    """
    stamp = new_stamp(session)
    cursor = dbapi(session).execute(
        "UPDATE member SET deleted_at = ?, updated_at = ?, hlc = ?"
        " WHERE id = ? AND deleted_at IS NULL",
        (stamp.at, stamp.at, stamp.hlc, member_id),
    )
    if cursor.rowcount == 0:
        raise LookupError(f"no live member with id {member_id}")
    history.record(
        session,
        kind=history.DELETE,
        entity="member",
        entity_id=member_id,
        member_id=member_id,
        changes={"deleted_at": [None, stamp.at]},
        stamp=stamp,
    )


def restore_member(session: Session, *, member_id: str) -> None:
    """Bring back a soft-deleted member, with its groups, dues and strengths.

    Raises ``LookupError`` if no deleted member has that id, and :class:`MemberValidationError`
    (``duplicate_national_id``) if a live member now has the same national ID.
    """
    connection = dbapi(session)
    row = connection.execute(
        "SELECT national_id, deleted_at FROM member WHERE id = ? AND deleted_at IS NOT NULL",
        (member_id,),
    ).fetchone()
    if row is None:
        raise LookupError(f"no deleted member with id {member_id}")
    if row[0] is not None:
        clash = connection.execute(
            "SELECT 1 FROM member WHERE national_id = ? AND deleted_at IS NULL", (row[0],)
        ).fetchone()
        if clash:
            raise MemberValidationError((FieldError(
                "national_id", "duplicate_national_id",
                "A live member already has this member's national ID: merge or edit them first",
            ),))  # fmt: skip
    stamp = new_stamp(session)
    connection.execute(
        "UPDATE member SET deleted_at = NULL, updated_at = ?, hlc = ? WHERE id = ?",
        (stamp.at, stamp.hlc, member_id),
    )
    history.record(
        session,
        kind=history.RESTORE,
        entity="member",
        entity_id=member_id,
        member_id=member_id,
        changes={"deleted_at": [row[1], None]},
        stamp=stamp,
    )
