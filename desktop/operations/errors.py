"""Showing a failed operation to the user: what failed, and why in words they can act on."""

from __future__ import annotations

import logging
import sqlite3

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)

_CONTEXT = "Operations"


def describe(error: BaseException) -> str:
    """A sentence for the user about `error` (the details go to the log)."""
    translate = QCoreApplication.translate
    if isinstance(error, OperationalError | sqlite3.OperationalError):
        if "locked" in str(error) or "busy" in str(error):
            return translate(
                _CONTEXT,
                "The database is busy with other work. Wait a moment and try again.",
            )
        return translate(_CONTEXT, "The database could not do this: {detail}").format(
            detail=str(error).splitlines()[0]
        )
    if isinstance(error, LookupError):
        return translate(
            _CONTEXT, "It no longer exists: someone may have deleted it. Refresh with F5."
        )
    message = getattr(error, "message", None)
    if isinstance(message, str) and message:
        return message
    if isinstance(error, ValueError) and str(error):
        return str(error)
    return translate(_CONTEXT, "Unexpected error: {detail}").format(
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
