"""Member and group commands: each one write on the database thread, one announcement, and a
dialog when it fails (STYLE 2). Validation errors of a member are not shown here: they are
raised to the editor, which shows each under its field."""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget
from sqlmodel import Session

from db import groups as db_groups
from db.members import edit as db_edit
from db.members.query import member_ids_for_keys
from db.members.types import MemberFilter, MemberInput, MemberValidationError
from desktop.db_worker import Changes, DbExecutor
from desktop.operations.errors import show_error


async def save_member(
    executor: DbExecutor,
    *,
    data: MemberInput,
    parent: QWidget | None = None,
    initiator: object | None = None,
) -> str | None:
    """Save a member; returns its id, or None when saving failed (the user was told).

    Raises MemberValidationError, with every problem found, for the editor to show.
    """
    try:
        return await executor.write(
            db_edit.save_member,
            changes=Changes.of("members", ids=(data.id,) if data.id else ()),
            initiator=initiator,
            data=data,
        )
    except MemberValidationError:
        raise
    except Exception as error:
        show_error(
            parent, QCoreApplication.translate("Operations", "The member could not be saved"), error
        )
        return None


def _delete_by_keys(session: Session, *, keys: Sequence[int]) -> list[str]:
    ids = member_ids_for_keys(session, keys=keys)
    for member_id in ids:
        db_edit.delete_member(session, member_id=member_id)
    return ids


async def delete_members_by_key(
    executor: DbExecutor, *, keys: array[int], parent: QWidget | None = None
) -> int | None:
    """Soft-delete the members with these table keys (one transaction); how many, or None."""
    try:
        ids = await executor.write(
            _delete_by_keys, changes=Changes.of("members"), initiator=parent, keys=keys
        )
    except Exception as error:
        show_error(
            parent,
            QCoreApplication.translate("Operations", "The members could not be deleted"),
            error,
        )
        return None
    return len(ids)


def _add_by_keys(
    session: Session,
    *,
    keys: Sequence[int],
    group_id: str,
    role: str,
    started_on: dt.date | None,
) -> int:
    return db_groups.add_group_members_bulk(
        session,
        group_id=group_id,
        member_ids=member_ids_for_keys(session, keys=keys),
        role=role,
        started_on=started_on,
    )


async def add_members_to_group(
    executor: DbExecutor,
    *,
    group_id: str,
    role: str,
    keys: array[int] | None = None,
    filters: MemberFilter | None = None,
    started_on: dt.date | None = None,
    parent: QWidget | None = None,
) -> int | None:
    """Add the members with these table keys, or every member matching `filters` (a whole
    result list, without moving its ids through the UI), to a group in a role.

    Returns how many were added (members already in the group are skipped), None on failure.
    """
    changes = Changes.of("groups", ids=(group_id,))
    try:
        if filters is not None:
            return await executor.write(
                db_groups.add_filtered_members_to_group,
                changes=changes,
                initiator=parent,
                group_id=group_id,
                filters=filters,
                role=role,
                started_on=started_on,
            )
        return await executor.write(
            _add_by_keys,
            changes=changes,
            initiator=parent,
            keys=keys if keys is not None else array("q"),
            group_id=group_id,
            role=role,
            started_on=started_on,
        )
    except Exception as error:
        show_error(
            parent,
            QCoreApplication.translate("Operations", "The members could not be added to the group"),
            error,
        )
        return None


async def save_group(
    executor: DbExecutor,
    *,
    name: str,
    kind: str,
    parent_id: str | None = None,
    description: str = "",
    id: str | None = None,
    parent: QWidget | None = None,
) -> str | None:
    try:
        return await executor.write(
            db_groups.save_group,
            changes=Changes.of("groups", ids=(id,) if id else ()),
            initiator=parent,
            name=name,
            kind=kind,
            parent_id=parent_id,
            description=description,
            id=id,
        )
    except Exception as error:
        show_error(
            parent, QCoreApplication.translate("Operations", "The group could not be saved"), error
        )
        return None


async def delete_group(
    executor: DbExecutor, *, group_id: str, parent: QWidget | None = None
) -> bool:
    try:
        await executor.write(
            db_groups.delete_group,
            changes=Changes.of("groups", ids=(group_id,)),
            initiator=parent,
            group_id=group_id,
        )
    except Exception as error:
        show_error(
            parent,
            QCoreApplication.translate("Operations", "The group could not be deleted"),
            error,
        )
        return False
    return True


async def change_group_role(
    executor: DbExecutor, *, membership_id: str, role: str, parent: QWidget | None = None
) -> bool:
    try:
        await executor.write(
            db_groups.change_group_role,
            changes=Changes.of("groups"),
            initiator=parent,
            membership_id=membership_id,
            role=role,
        )
    except Exception as error:
        show_error(
            parent, QCoreApplication.translate("Operations", "The role could not be changed"), error
        )
        return False
    return True


async def end_group_membership(
    executor: DbExecutor,
    *,
    membership_id: str,
    ended_on: dt.date | None = None,
    parent: QWidget | None = None,
) -> bool:
    try:
        await executor.write(
            db_groups.end_group_membership,
            changes=Changes.of("groups"),
            initiator=parent,
            membership_id=membership_id,
            ended_on=ended_on or dt.date.today(),
        )
    except Exception as error:
        show_error(
            parent,
            QCoreApplication.translate("Operations", "The membership could not be ended"),
            error,
        )
        return False
    return True
