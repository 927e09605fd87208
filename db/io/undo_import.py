"""Taking an import back as one step.

Undoing a run soft-deletes the members it created (with the strengths and group memberships
it gave them), puts back the old values of the members it updated (and removes the strengths
and group memberships it added to them), soft-deletes the organisations and groups it created
when no live member uses them any more, and marks the run undone.

Members changed after the import (``updated_at`` later than the run) are the user's newer
work. By default the undo refuses, changing nothing, with :class:`UndoImportError` code
``changed_since_import`` listing them; with ``keep_changed=True`` it undoes everything else and
leaves those members as they are (listed in the summary). An undone run cannot be undone again
(``already_undone``); an unknown run id gives ``unknown_run``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlmodel import Session

from db.engine import Database
from db.identity import new_stamp
from db.io.normalise import MEMBER_COLUMNS
from db.members._keys import member_name_key, thai_sort_key
from db.members._sql import dbapi

_CHUNK = 900


NAMED_CHANGED = 3  # members a refusal names (the others are counted)


class UndoImportError(Exception):
    """The run cannot be undone; ``code`` says why and ``member_ids`` which members stand in
    the way (``changed_since_import``)."""

    def __init__(
        self, code: str, message: str, *, member_ids: tuple[str, ...] = (),
        member_names: tuple[str, ...] = (),
    ) -> None:  # fmt: skip
        super().__init__(message)
        self.code = code
        self.message = message
        self.member_ids = member_ids
        self.member_names = member_names  # the first few of them, to tell the user


@dataclass(frozen=True, slots=True)
class UndoSummary:
    run_id: str
    deleted: int  # members the import created, now soft-deleted
    restored: int  # members the import updated, back to their old values
    kept_changed: tuple[str, ...]  # members changed since the import, left as they are
    organisations_deleted: int
    groups_deleted: int


def _chunks(values: list[str]) -> list[list[str]]:
    return [values[i : i + _CHUNK] for i in range(0, len(values), _CHUNK)]


def undo_import(
    session: Session | Database, *, run_id: str, keep_changed: bool = False
) -> UndoSummary:
    """Undo import run ``run_id``; see the module docstring. Raises :class:`UndoImportError`."""
    if isinstance(session, Database):
        with session.session() as inner:
            return undo_import(inner, run_id=run_id, keep_changed=keep_changed)
    connection = dbapi(session)
    run = connection.execute(
        "SELECT created_at, undone_at, report_json FROM import_run"
        " WHERE id = ? AND deleted_at IS NULL",
        (run_id,),
    ).fetchone()
    if run is None:
        raise UndoImportError("unknown_run", f"There is no import with id {run_id}")
    run_at, undone_at, report_json = run
    if undone_at is not None:
        raise UndoImportError("already_undone", f"This import was already undone at {undone_at}")
    items = connection.execute(
        "SELECT i.member_id, i.action, i.old_values_json, m.updated_at, m.deleted_at"
        " FROM import_run_item i JOIN member m ON m.id = i.member_id WHERE i.run_id = ?"
        " ORDER BY i.id",
        (run_id,),
    ).fetchall()
    changed = tuple(member_id for member_id, _, _, updated_at, _ in items if updated_at > run_at)
    if changed and not keep_changed:
        named = changed[:NAMED_CHANGED]
        by_id = dict(connection.execute(
            "SELECT id, trim(prefix || first_name || ' ' || last_name) FROM member"
            f" WHERE id IN ({', '.join('?' * len(named))})", named,
        ).fetchall())  # fmt: skip
        names = tuple(by_id[member_id] for member_id in named if member_id in by_id)
        raise UndoImportError(
            "changed_since_import",
            f"{len(changed)} member(s) were changed after this import ({', '.join(names)}"
            f"{', ...' if len(changed) > len(names) else ''}): undoing it would lose those"
            " changes. Nothing was undone.",
            member_ids=changed, member_names=names,
        )  # fmt: skip
    skip = set(changed)
    stamp = new_stamp(session)
    created = [
        member_id for member_id, action, _, _, deleted_at in items
        if action == "created" and member_id not in skip and deleted_at is None
    ]  # fmt: skip
    for chunk in _chunks(created):
        marks = ", ".join("?" * len(chunk))
        connection.execute(
            f"UPDATE member SET deleted_at = ?, updated_at = ?, hlc = ? WHERE id IN ({marks})",
            (stamp.at, stamp.at, stamp.hlc, *chunk),
        )
        for table in ("member_strength", "group_membership"):
            connection.execute(
                f"UPDATE {table} SET deleted_at = ?, updated_at = ?, hlc = ?"
                f" WHERE member_id IN ({marks}) AND created_at = ? AND deleted_at IS NULL",
                (stamp.at, stamp.at, stamp.hlc, *chunk, run_at),
            )
    restored = 0
    for member_id, action, old_json, _, _ in items:
        if action != "updated" or member_id in skip:
            continue
        log = json.loads(old_json or "{}")
        fields = {k: v for k, v in log.items() if k in MEMBER_COLUMNS}
        if fields:
            current = dict(zip(
                ("first_name", "last_name", "position"),
                connection.execute(
                    "SELECT first_name, last_name, position FROM member WHERE id = ?",
                    (member_id,),
                ).fetchone(),
                strict=True,
            ))  # fmt: skip
            current.update({k: v for k, v in fields.items() if k in current})
            assignments = [f"{name} = ?" for name in fields]
            values: list[object] = list(fields.values())
            if {"first_name", "last_name"} & fields.keys():
                assignments.append("name_key = ?")
                values.append(member_name_key(current["first_name"], current["last_name"]))
            if "position" in fields:
                assignments.append("position_key = ?")
                values.append(thai_sort_key(current["position"]) if current["position"] else b"")
            connection.execute(
                f"UPDATE member SET {', '.join(assignments)}, updated_at = ?, hlc = ?"
                " WHERE id = ?",
                (*values, stamp.at, stamp.hlc, member_id),
            )
        for tag in log.get("_strengths_added", ()):
            connection.execute(
                "UPDATE member_strength SET deleted_at = ?, updated_at = ?, hlc = ?"
                " WHERE member_id = ? AND tag = ? AND created_at = ? AND deleted_at IS NULL",
                (stamp.at, stamp.at, stamp.hlc, member_id, tag, run_at),
            )
        # Roles the import changed in groups the member was in, back as they were.
        for membership_id, role in (log.get("_group_roles") or {}).items():
            connection.execute(
                "UPDATE group_membership SET role = ?, updated_at = ?, hlc = ?"
                " WHERE id = ? AND deleted_at IS NULL",
                (role, stamp.at, stamp.hlc, membership_id),
            )
        # One group joined (runs before a row could name several), or a list of them.
        joined = log.get("_groups_joined") or [log[k] for k in ("_group_joined",) if log.get(k)]
        for group_id in joined:
            connection.execute(
                "UPDATE group_membership SET deleted_at = ?, updated_at = ?, hlc = ?"
                " WHERE member_id = ? AND group_id = ? AND created_at = ? AND deleted_at IS NULL",
                (stamp.at, stamp.at, stamp.hlc, member_id, group_id, run_at),
            )
        restored += 1
    report = json.loads(report_json) if report_json else {}
    organisations_deleted = 0
    for organisation_id in report.get("created_organisations", ()):
        cursor = connection.execute(
            "UPDATE organisation SET deleted_at = ?, updated_at = ?, hlc = ?"
            " WHERE id = ? AND deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM member"
            " WHERE organisation_id = organisation.id AND deleted_at IS NULL)",
            (stamp.at, stamp.at, stamp.hlc, organisation_id),
        )
        organisations_deleted += cursor.rowcount
    groups_deleted = 0
    for group_id in report.get("created_groups", ()):
        cursor = connection.execute(
            "UPDATE network_group SET deleted_at = ?, updated_at = ?, hlc = ?"
            " WHERE id = ? AND deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM group_membership"
            " WHERE group_id = network_group.id AND deleted_at IS NULL)"
            " AND NOT EXISTS (SELECT 1 FROM network_group c WHERE c.parent_id = network_group.id"
            " AND c.deleted_at IS NULL)",
            (stamp.at, stamp.at, stamp.hlc, group_id),
        )
        groups_deleted += cursor.rowcount
    connection.execute(
        "UPDATE import_run SET undone_at = ?, updated_at = ?, hlc = ? WHERE id = ?",
        (stamp.at, stamp.at, stamp.hlc, run_id),
    )
    return UndoSummary(
        run_id=run_id, deleted=len(created), restored=restored, kept_changed=changed,
        organisations_deleted=organisations_deleted, groups_deleted=groups_deleted,
    )  # fmt: skip
