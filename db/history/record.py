"""Writing history: one row per changed record, in the same transaction as the change.

The write paths of the register (``db.members.edit``, ``db.groups``, ``db.dues``, ``db.merge``)
call :func:`record` (or :func:`record_many` on bulk paths) with the sync stamp of their write, so
a history row's ``hlc`` is the stamp the changed row got: undo compares them to see whether the
row was changed since. Every row written in one transaction shares one ``operation_id`` (one user
action = one operation), unless :func:`new_operation` starts another.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from db.history.actor import Actor, current_actor
from db.identity import Stamp
from db.ids import new_id, new_ids
from db.members._sql import dbapi

_OPERATION_KEY = "history.operation"
_CONTEXT_KEY = "history.context"
BULK_BATCH = 20_000

# Operation kinds (``history.kind``).
CREATE = "create"
UPDATE = "update"
DELETE = "delete"
RESTORE = "restore"
IMPORT = "import"
MERGE = "merge"
UNDO = "undo"
ERASE = "erase"

_INSERT_SQL = (
    "INSERT INTO history (id, owner_office_id, created_at, updated_at, hlc, operation_id, kind,"
    " entity, entity_id, member_id, user_id, user_name, device, changes_json, link_id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)

Changes = Mapping[str, tuple[Any, Any] | list[Any]]


@dataclass(frozen=True, slots=True)
class _Context:
    """What an undo in progress makes every row it causes say."""

    kind: str
    link_id: str | None
    actor: Actor


def operation_id(session: Session) -> str:
    """The id of the operation the session's current transaction is (made on first use)."""
    transaction = session.get_transaction()
    held = session.info.get(_OPERATION_KEY)
    if held is not None and held[0] is transaction and transaction is not None:
        return str(held[1])
    new = new_id()
    session.info[_OPERATION_KEY] = (transaction, new)
    return new


def new_operation(session: Session) -> str:
    """Start another operation in the same transaction (later rows get this new id)."""
    new = new_id()
    session.info[_OPERATION_KEY] = (session.get_transaction(), new)
    return new


@contextmanager
def recording_as(
    session: Session, *, kind: str, link_id: str | None, actor: Actor
) -> Iterator[None]:
    """Rows recorded inside get this kind, link and actor (an undo's writes are "undo" rows
    linked to the operation they undo, whatever function made them)."""
    previous = session.info.get(_CONTEXT_KEY)
    session.info[_CONTEXT_KEY] = _Context(kind=kind, link_id=link_id, actor=actor)
    try:
        yield
    finally:
        if previous is None:
            session.info.pop(_CONTEXT_KEY, None)
        else:
            session.info[_CONTEXT_KEY] = previous


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for the fields of ``new`` whose value differs from ``old``."""
    return {name: [old.get(name), value] for name, value in new.items() if old.get(name) != value}


def _json(changes: Changes) -> str:
    return json.dumps({k: list(v) for k, v in changes.items()}, ensure_ascii=False)


def _row(
    session: Session,
    *,
    kind: str,
    entity: str,
    entity_id: str,
    member_id: str | None,
    changes: Changes,
    stamp: Stamp,
    link_id: str | None,
    row_id: str,
    operation: str,
) -> tuple[object, ...]:
    context: _Context | None = session.info.get(_CONTEXT_KEY)
    actor = context.actor if context else current_actor()
    if context is not None:
        kind, link_id = context.kind, context.link_id
    return (
        row_id, stamp.owner_office_id, stamp.at, stamp.at, stamp.hlc, operation, kind, entity,
        entity_id, member_id, actor.user_id, actor.user_name, actor.device, _json(changes),
        link_id,
    )  # fmt: skip


def record(
    session: Session,
    *,
    kind: str,
    entity: str,
    entity_id: str,
    member_id: str | None,
    changes: Changes,
    stamp: Stamp,
    link_id: str | None = None,
) -> str:
    """Record one change of one row; returns the history row's id."""
    row_id = new_id()
    dbapi(session).execute(
        _INSERT_SQL,
        _row(
            session, kind=kind, entity=entity, entity_id=entity_id, member_id=member_id,
            changes=changes, stamp=stamp, link_id=link_id, row_id=row_id,
            operation=operation_id(session),
        ),
    )  # fmt: skip
    return row_id


def record_many(
    session: Session,
    *,
    kind: str,
    entity: str,
    rows: Iterable[tuple[str, str | None, Changes]],
    stamp: Stamp,
    link_id: str | None = None,
) -> int:
    """Record many changes of one kind (``rows``: entity id, member id, changes) with
    executemany in batches; returns how many."""
    connection = dbapi(session)
    operation = operation_id(session)
    context: _Context | None = session.info.get(_CONTEXT_KEY)
    actor = context.actor if context else current_actor()
    if context is not None:
        kind, link_id = context.kind, context.link_id
    count = 0
    batch: list[tuple[str, str | None, Changes]] = []
    texts: dict[int, tuple[Changes, str]] = {}  # one JSON text per changes object (bulk adds)

    def text(changes: Changes) -> str:
        held = texts.get(id(changes))
        if held is None or held[0] is not changes:
            held = texts[id(changes)] = (changes, _json(changes))
        return held[1]

    def flush() -> None:
        connection.executemany(
            _INSERT_SQL,
            [
                (row_id, stamp.owner_office_id, stamp.at, stamp.at, stamp.hlc, operation, kind,
                 entity, entity_id, member_id, actor.user_id, actor.user_name, actor.device,
                 text(changes), link_id)
                for row_id, (entity_id, member_id, changes) in zip(
                    new_ids(len(batch)), batch, strict=True
                )
            ],
        )  # fmt: skip

    for item in rows:
        batch.append(item)
        if len(batch) == BULK_BATCH:
            flush()
            count += len(batch)
            batch.clear()
    if batch:
        flush()
        count += len(batch)
    return count
