"""Undo of the last operation, from the history.

:func:`undo_last_operation` undoes the newest operation of an actor on this office that is not
undone yet (imports count too: ``import_run`` says who ran them since revision 0009):

- a member created -> deleted (soft); deleted -> restored; restored -> deleted again;
- a member edited -> the old values of the changed fields written back (strengths too);
- a group membership added -> removed; ended or given another role -> as before; removed -> back;
- a dues payment recorded -> deleted; deleted -> back;
- an import -> :func:`db.io.undo_import.undo_import`; a merge -> :func:`db.merge.undo_merge`.

The undo is refused (:class:`UndoError`, nothing changed) when a record it would put back was
changed since (``changed_since``: its sync stamp is no longer the one the operation gave it),
when the values it needs were erased (``values_erased``), or when the undo itself breaks a rule
(the import's or merge's own codes, or the member rules' code). It is recorded as an "undo"
operation linked to the operation it undid, so the next undo takes the one before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from db.engine import Database
from db.history import record as history
from db.history.actor import Actor
from db.history.read import OperationSummary, _import_summaries, _summary
from db.identity import local_identity, new_stamp
from db.members._sql import dbapi, placeholders
from db.members.types import MemberValidationError, RefusedError

_DATES = frozenset(("birth_date", "joined_on", "expires_on", "consent_date"))
_UNDOABLE_ENTITIES = ("member", "group_membership", "dues_payment")
_CHUNK = 900


class UndoError(RefusedError):
    """An undo that was refused; nothing was changed.

    Codes: ``nothing_to_undo``, ``changed_since``, ``values_erased``, ``not_undoable``, and
    those of the undone operation's own rules (``merged_again``, ``duplicate_national_id``, ...).
    """


@dataclass(frozen=True, slots=True)
class UndoResult:
    operation_id: str  # the undo's own operation
    undone: OperationSummary  # what was undone
    count: int  # records put back


@dataclass(frozen=True, slots=True)
class _Row:
    rowid: int
    kind: str
    entity: str
    entity_id: str
    member_id: str | None
    hlc: str
    changes: dict[str, Any]
    link_id: str | None


def _actor_operations(session: Session, actor: Actor, office_id: str) -> Iterator[tuple[Any, ...]]:
    """The actor's history rows on this office, newest first, that are not undo rows."""
    yield from dbapi(session).execute(
        "SELECT h.rowid, h.operation_id, h.kind, h.entity, h.created_at, h.user_id, h.user_name,"
        " h.device, h.owner_office_id, h.link_id FROM history h INDEXED BY ix_history_actor"
        " WHERE h.owner_office_id = ? AND h.device = ? AND h.user_name = ? AND h.user_id IS ?"
        " AND h.kind NOT IN ('undo', 'erase') AND h.deleted_at IS NULL"
        " ORDER BY h.created_at DESC, h.rowid DESC",
        (office_id, actor.device, actor.user_name, actor.user_id),
    )


def _undone(session: Session, operation_id: str, kind: str, link_id: str | None) -> bool:
    connection = dbapi(session)
    if connection.execute(
        "SELECT 1 FROM history WHERE link_id = ? AND kind = 'undo' LIMIT 1", (operation_id,)
    ).fetchone():
        return True
    if kind == history.MERGE and link_id is not None:
        row = connection.execute(
            "SELECT undone_at IS NOT NULL OR deleted_at IS NOT NULL FROM member_merge WHERE id = ?",
            (link_id,),
        ).fetchone()
        return row is None or bool(row[0])
    return False


def last_undoable(session: Session, *, actor: Actor) -> OperationSummary | None:
    """What :func:`undo_last_operation` would undo for ``actor`` now (None: nothing)."""
    office_id = local_identity(session).office_id
    found: OperationSummary | None = None
    seen: set[str] = set()
    for row in _actor_operations(session, actor, office_id):
        if row[1] in seen:
            continue
        seen.add(row[1])
        if not _undone(session, row[1], row[2], row[9]):
            found = _summary(dbapi(session), row)
            break
        if len(seen) > 500:  # a long run of undone operations: stop looking
            break
    # This actor's newest import (imports from before revision 0009 name nobody: anyone's).
    imports = [
        summary for summary in _import_summaries(dbapi(session), 20, office_id=office_id)
        if not summary.user_name
        or (summary.user_name, summary.device, summary.user_id)
        == (actor.user_name, actor.device, actor.user_id)
    ]  # fmt: skip
    if imports and (found is None or imports[0].at > found.at):
        return imports[0]
    return found


def _rows(session: Session, operation_id: str) -> list[_Row]:
    rows = dbapi(session).execute(
        "SELECT rowid, kind, entity, entity_id, member_id, hlc, changes_json, link_id"
        " FROM history WHERE operation_id = ? AND kind != 'undo' ORDER BY rowid",
        (operation_id,),
    )
    return [_Row(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6] or "{}"), r[7]) for r in rows]


def _check_unchanged(session: Session, rows: list[_Row]) -> None:
    """Every record the operation wrote still carries the stamp the operation gave it."""
    latest: dict[tuple[str, str], str] = {}
    members: dict[tuple[str, str], str | None] = {}
    for row in rows:
        if row.entity not in _UNDOABLE_ENTITIES:
            raise UndoError("not_undoable", f"Changes of {row.entity} cannot be undone here")
        if any(pair is None for pair in row.changes.values()):
            raise UndoError(
                "values_erased", "The values this change would put back were erased (PDPA)"
            )
        key = (row.entity, row.entity_id)
        latest[key] = max(latest.get(key, ""), row.hlc)
        members[key] = row.member_id
    connection = dbapi(session)
    for entity in _UNDOABLE_ENTITIES:
        ids = [entity_id for (table, entity_id) in latest if table == entity]
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            current = dict(
                connection.execute(
                    f"SELECT id, hlc FROM {entity} WHERE id IN ({placeholders(chunk)})", chunk
                ).fetchall()
            )
            for entity_id in chunk:
                key = (entity, entity_id)
                if current.get(entity_id) != latest[key] and not _only_undone_since(
                    session, key, members[key], latest[key], current.get(entity_id)
                ):
                    raise UndoError(
                        "changed_since",
                        f"A record this operation changed ({entity}) was changed again since:"
                        " undoing would lose that change",
                    )


def _only_undone_since(
    session: Session,
    key: tuple[str, str],
    member_id: str | None,
    hlc: str,
    current_hlc: str | None,
) -> bool:
    """Was the record changed since the stamp ``hlc`` only by operations undone since, and by
    those undos (so it is as the operation left it)?"""
    entity, entity_id = key
    connection = dbapi(session)
    rows = connection.execute(
        "SELECT operation_id, kind, hlc, link_id FROM history WHERE member_id IS ?"
        " AND entity = ? AND entity_id = ? AND hlc > ? ORDER BY hlc",
        (member_id, entity, entity_id, hlc),
    ).fetchall()
    if not rows or rows[-1][2] != current_hlc:
        return False  # changed outside the history (an import), or not at all
    return all(
        kind == history.UNDO or _undone(session, operation, kind, link_id)
        for operation, kind, _hlc, link_id in rows
    )


def _member_back(session: Session, row: _Row) -> None:
    from db.members.edit import save_member
    from db.members.profile import get_member

    data = get_member(session, member_id=row.entity_id).data
    values: dict[str, Any] = {}
    for name, (old, _new) in row.changes.items():
        if name == "strengths":
            values[name] = tuple(old or ())
        elif name in _DATES:
            values[name] = dt.date.fromisoformat(old) if old else None
        elif name == "national_id":
            values[name] = old or ""
        elif name in {f.name for f in dataclasses.fields(data)}:
            values[name] = old
    save_member(session, data=dataclasses.replace(data, **values))


def _undo_row(session: Session, row: _Row, membership_adds: list[_Row]) -> None:
    from db.dues import delete_dues_payment
    from db.members.edit import delete_member, restore_member

    connection = dbapi(session)
    if row.entity == "member":
        if row.kind in (history.CREATE, history.RESTORE):
            delete_member(session, member_id=row.entity_id)
        elif row.kind == history.DELETE:
            restore_member(session, member_id=row.entity_id)
        else:
            _member_back(session, row)
        return
    if row.kind == history.CREATE and row.entity == "group_membership":
        membership_adds.append(row)
        return
    if row.kind == history.CREATE:  # dues_payment
        delete_dues_payment(session, payment_id=row.entity_id)
        return
    stamp = new_stamp(session)
    if row.kind == history.DELETE:
        back = {"deleted_at": None}
        kind = history.RESTORE
    else:
        back = {name: old for name, (old, _new) in row.changes.items()}
        kind = history.UPDATE
    assignments = "".join(f"{name} = ?, " for name in back)
    current = connection.execute(
        f"SELECT {', '.join(back)} FROM {row.entity} WHERE id = ?", (row.entity_id,)
    ).fetchone()
    connection.execute(
        f"UPDATE {row.entity} SET {assignments}updated_at = ?, hlc = ? WHERE id = ?",
        (*back.values(), stamp.at, stamp.hlc, row.entity_id),
    )
    history.record(
        session,
        kind=kind,
        entity=row.entity,
        entity_id=row.entity_id,
        member_id=row.member_id,
        changes={name: [now, back[name]] for name, now in zip(back, current, strict=True)},
        stamp=stamp,
    )


def _remove_memberships(session: Session, rows: list[_Row]) -> None:
    """Memberships an operation added (possibly thousands, by a bulk add): removed in batches."""
    if not rows:
        return
    stamp = new_stamp(session)
    connection = dbapi(session)
    connection.executemany(
        "UPDATE group_membership SET deleted_at = ?, updated_at = ?, hlc = ? WHERE id = ?",
        [(stamp.at, stamp.at, stamp.hlc, row.entity_id) for row in rows],
    )
    history.record_many(
        session,
        kind=history.DELETE,
        entity="group_membership",
        rows=((row.entity_id, row.member_id, {"deleted_at": [None, stamp.at]}) for row in rows),
        stamp=stamp,
    )


def _refused(error: Exception) -> UndoError:
    code = getattr(error, "code", None)
    if isinstance(error, MemberValidationError) and code is None:
        code = error.errors[0].code
    message = getattr(error, "message", None) or str(error)
    if code == "changed_since_import":
        code = "changed_since"
    return UndoError(str(code or "refused"), str(message))


def _undo_import(session: Session, summary: OperationSummary, actor: Actor) -> int:
    from db.io.undo_import import UndoImportError, undo_import

    with history.recording_as(session, kind=history.UNDO, link_id=summary.link_id, actor=actor):
        try:
            done = undo_import(session, run_id=summary.operation_id)
        except UndoImportError as error:
            raise _refused(error) from error
        history.record(
            session,
            kind=history.UNDO,
            entity="import_run",
            entity_id=summary.operation_id,
            member_id=None,
            changes={"undone_at": [None, "undone"], "members": [done.deleted, done.restored]},
            stamp=new_stamp(session),
        )
    return done.deleted + done.restored


def undo_last_operation(session: Session | Database, *, actor: Actor) -> UndoResult:
    """Undo the newest operation of ``actor`` on this office that is not undone yet (see the
    module docstring). Raises :class:`UndoError`; nothing is changed then."""
    if isinstance(session, Database):
        with session.session() as inner:
            return undo_last_operation(inner, actor=actor)
    summary = last_undoable(session, actor=actor)
    if summary is None:
        raise UndoError("nothing_to_undo", "There is nothing to undo")
    undo_id = history.new_operation(session)
    savepoint = session.begin_nested()  # a refusal half-way leaves nothing behind
    try:
        if summary.kind == history.IMPORT:
            count = _undo_import(session, summary, actor)
        else:
            count = _undo_operation(session, summary, actor)
    except UndoError:
        savepoint.rollback()
        raise
    except (RefusedError, MemberValidationError, LookupError) as error:
        savepoint.rollback()
        raise _refused(error) from error
    savepoint.commit()
    return UndoResult(operation_id=undo_id, undone=summary, count=count)


def _undo_operation(session: Session, summary: OperationSummary, actor: Actor) -> int:
    rows = _rows(session, summary.operation_id)
    with history.recording_as(
        session, kind=history.UNDO, link_id=summary.operation_id, actor=actor
    ):
        merges = [row for row in rows if row.kind == history.MERGE]
        if merges:
            from db.merge import undo_merge

            assert merges[0].link_id is not None
            undo_merge(session, merge_id=merges[0].link_id)
            return 1
        _check_unchanged(session, rows)
        membership_adds: list[_Row] = []
        for row in reversed(rows):
            _undo_row(session, row, membership_adds)
        _remove_memberships(session, membership_adds)
    return len(rows)
