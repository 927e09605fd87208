"""Showing a failed operation to the user: what failed, and why in words they can act on."""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import OperationalError

from db.groups import GroupError
from db.members.types import MemberValidationError
from desktop.members.field_errors import field_error_text

log = logging.getLogger(__name__)


def _group_texts() -> dict[str, str]:
    return {
        "missing_name": QCoreApplication.translate("Operations", "Give the group a name."),
        "unknown_kind": QCoreApplication.translate(
            "Operations", "Choose the kind of group from the list."
        ),
        "unknown_group": QCoreApplication.translate(
            "Operations", "The group no longer exists (deleted elsewhere?)."
        ),
        "group_cycle": QCoreApplication.translate(
            "Operations", "A group cannot be placed inside itself or inside one of its sub-groups."
        ),
        "duplicate_group": QCoreApplication.translate(
            "Operations", "There is already a group with this name here."
        ),
        "group_has_children": QCoreApplication.translate(
            "Operations", "This group has sub-groups: delete or move them first."
        ),
        "unknown_member": QCoreApplication.translate(
            "Operations", "The member no longer exists (deleted elsewhere?)."
        ),
        "unknown_role": QCoreApplication.translate("Operations", "Choose a role from the list."),
        "already_member": QCoreApplication.translate(
            "Operations", "The member is already in this group: change their role instead."
        ),
        "unknown_membership": QCoreApplication.translate(
            "Operations", "This membership no longer exists."
        ),
        "invalid_date": QCoreApplication.translate(
            "Operations", "The date is not valid for this membership."
        ),
    }


def describe(error: BaseException) -> str:
    """A sentence for the user about `error` (the details go to the log)."""
    if isinstance(error, GroupError):
        return _group_texts().get(error.code) or field_error_text(error.errors[0])
    if isinstance(error, MemberValidationError):
        return "\n".join(field_error_text(e) for e in error.errors)
    if isinstance(error, OperationalError | sqlite3.OperationalError):
        if "locked" in str(error) or "busy" in str(error):
            return QCoreApplication.translate(
                "Operations",
                "The database is busy with other work. Wait a moment and try again.",
            )
        return QCoreApplication.translate(
            "Operations", "The database could not do this: {detail}"
        ).format(detail=str(error).splitlines()[0])
    if isinstance(error, LookupError):
        return QCoreApplication.translate(
            "Operations", "It no longer exists: someone may have deleted it. Refresh with F5."
        )
    message = getattr(error, "message", None)
    if isinstance(message, str) and message:
        return message
    if isinstance(error, ValueError) and str(error):
        return str(error)
    return QCoreApplication.translate("Operations", "Unexpected error: {detail}").format(
        detail=f"{type(error).__name__}: {error}"
    )


def show_error(parent: QWidget | None, title: str, error: BaseException) -> QMessageBox:
    """Show `error` in a message box over `parent` (without blocking: the box is opened)."""
    box = QMessageBox(parent)
    box.setObjectName("operationError")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(title)
    box.setInformativeText(describe(error))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
