"""Roles of the app's users and what each may do.

- administrator: everything;
- secretary: edit, import and merge members, but never delete history, erase personal data,
  restore a backup or manage users;
- viewer: read only; national ID and birth date are masked.

``assert_permitted(permissions, action)`` is the one check other modules call before a write
(db functions that take the caller's permissions, dialogs before they start one).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum


class Role(StrEnum):
    ADMIN = "admin"
    SECRETARY = "secretary"
    VIEWER = "viewer"


@dataclass(frozen=True, slots=True)
class Permissions:
    can_edit_members: bool = False
    can_delete_members: bool = False
    can_import: bool = False
    can_merge: bool = False
    can_delete_history: bool = False
    can_see_personal_data: bool = False  # national ID and birth date unmasked, exported
    can_manage_users: bool = False  # users, login settings
    can_restore_backup: bool = False
    can_erase_personal_data: bool = False  # PDPA erasure (irreversible)


class Action(StrEnum):
    """What a caller asks to do; each needs the Permissions field of the same name."""

    EDIT_MEMBERS = "can_edit_members"
    DELETE_MEMBERS = "can_delete_members"
    IMPORT = "can_import"
    MERGE = "can_merge"
    DELETE_HISTORY = "can_delete_history"
    SEE_PERSONAL_DATA = "can_see_personal_data"
    MANAGE_USERS = "can_manage_users"
    RESTORE_BACKUP = "can_restore_backup"
    ERASE_PERSONAL_DATA = "can_erase_personal_data"


_ALL = Permissions(**{f.name: True for f in fields(Permissions)})
_ROLES: dict[Role, Permissions] = {
    Role.ADMIN: _ALL,
    Role.SECRETARY: Permissions(
        can_edit_members=True,
        can_delete_members=True,  # a soft delete: it stays in the history and can be undone
        can_import=True,
        can_merge=True,
        can_see_personal_data=True,
    ),
    Role.VIEWER: Permissions(),
}
NO_PERMISSIONS = Permissions()  # signed out (the lock screen is up)


def permissions_for(role: Role | str) -> Permissions:
    """What ``role`` may do (an unknown role text may do nothing)."""
    try:
        return _ROLES[Role(role)]
    except ValueError:
        return NO_PERMISSIONS


class PermissionDenied(PermissionError):
    """Refused because the signed-in user's role does not allow it. ``code`` is stable."""

    code = "not_permitted"

    def __init__(self, action: Action) -> None:
        super().__init__(f"not permitted for this user's role: {action.name.lower()}")
        self.action = action


def is_permitted(permissions: Permissions, action: Action | str) -> bool:
    return bool(getattr(permissions, Action(action).value))


def assert_permitted(permissions: Permissions, action: Action | str) -> None:
    """Raise PermissionDenied unless ``permissions`` allow ``action``."""
    action = Action(action)
    if not is_permitted(permissions, action):
        raise PermissionDenied(action)
