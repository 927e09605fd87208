"""Dialogs for groups: create/rename (with kind and parent), add members with a role, new role.

Dialogs are opened with `ask(dialog)`, which shows them window-modal and awaits the answer on
the qasync loop (a nested `exec()` inside a coroutine would re-enter the event loop).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Collection, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.members.types import GroupNode
from db.models.groups import GROUP_KINDS
from db.reference.types import RefItem
from db.thai.text import clean_text
from desktop.i18n import interface_language
from desktop.members.group_models import kind_label
from desktop.widgets.be_date_edit import BeDateEdit

DEFAULT_ROLE = "member"


async def ask(dialog: QDialog) -> bool:
    """Show `dialog` window-modal and wait for it to close; True when accepted.

    Read the dialog's fields right after this returns (before awaiting anything else): it is
    deleted at the next turn of the event loop.
    """
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def done(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(done)
    dialog.open()
    result = await future
    # Deleted once control is back in the event loop: the caller reads its fields first.
    dialog.deleteLater()
    return result == QDialog.DialogCode.Accepted


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.setObjectName("dialogButtons")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _fill_groups(
    combo: QComboBox, groups: Sequence[tuple[GroupNode, int]], *, skip: Collection[str] = ()
) -> None:
    for node, depth in groups:
        if node.id in skip:
            continue
        combo.addItem("    " * depth + node.name, node.id)


def _fill_roles(combo: QComboBox, roles: Sequence[RefItem], current: str = DEFAULT_ROLE) -> None:
    for item in roles:
        combo.addItem(item.label(interface_language()), item.code)
    found = combo.findData(current)
    combo.setCurrentIndex(found if found >= 0 else combo.count() - 1)


class GroupDialog(QDialog):
    """Create or rename a group: name, kind, parent group, description."""

    def __init__(
        self,
        groups: Sequence[tuple[GroupNode, int]],
        *,
        group: GroupNode | None = None,
        parent_id: str | None = None,
        excluded_parents: set[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("groupDialog")
        self.setWindowTitle(self.tr("Edit group") if group else self.tr("New group"))
        self.name = QLineEdit(self)
        self.name.setObjectName("groupName")
        self.kind = QComboBox(self)
        self.kind.setObjectName("groupKind")
        for kind in GROUP_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.parent_group = QComboBox(self)
        self.parent_group.setObjectName("groupParent")
        self.parent_group.addItem(self.tr("(top level)"), None)
        _fill_groups(self.parent_group, groups, skip=excluded_parents or set())
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("groupDescription")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().height() * 4)
        self.error = QLabel(self)
        self.error.setObjectName("groupError")
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()
        if group is not None:
            self.name.setText(group.name)
            self.kind.setCurrentIndex(max(0, self.kind.findData(group.kind)))
            parent_id = group.parent_id
            self.description.setPlainText(group.description)
        if parent_id is not None:
            self.parent_group.setCurrentIndex(max(0, self.parent_group.findData(parent_id)))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Under"), self.parent_group)
        form.addRow(self.tr("Description"), self.description)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))
        self.setMinimumWidth(420)

    def values(self) -> dict[str, object]:
        return {
            "name": clean_text(self.name.text()),
            "kind": self.kind.currentData(),
            "parent_id": self.parent_group.currentData(),
            "description": self.description.toPlainText().strip(),
        }

    def accept(self) -> None:
        if not clean_text(self.name.text()):
            self.error.setText(self.tr("Give the group a name."))
            self.error.show()
            self.name.setFocus()
            return
        super().accept()


class AddToGroupDialog(QDialog):
    """Add the selected members to a group with a role (and the date they started)."""

    def __init__(
        self,
        groups: Sequence[tuple[GroupNode, int]],
        roles: Sequence[RefItem],
        *,
        count: int,
        group_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("addToGroupDialog")
        self.setWindowTitle(self.tr("Add to group"))
        intro = QLabel(self.tr("Add %Ln selected member(s) to:", "", count))
        intro.setObjectName("addToGroupIntro")
        self.group = QComboBox(self)
        self.group.setObjectName("addToGroupGroup")
        _fill_groups(self.group, groups)
        if group_id is not None:
            self.group.setCurrentIndex(max(0, self.group.findData(group_id)))
        self.role = QComboBox(self)
        self.role.setObjectName("addToGroupRole")
        _fill_roles(self.role, roles)
        self.started = BeDateEdit(self)
        self.started.setObjectName("addToGroupStarted")
        form = QFormLayout()
        form.addRow(self.tr("Group"), self.group)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Since"), self.started)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.group.count() > 0)
        self.setMinimumWidth(420)

    def group_id(self) -> str | None:
        return self.group.currentData()

    def role_code(self) -> str:
        return str(self.role.currentData())

    def started_on(self) -> dt.date | None:
        return self.started.date()

    def accept(self) -> None:
        if not self.started.is_valid():
            self.started.setFocus()
            return
        super().accept()


class RoleDialog(QDialog):
    """Choose a member's new role in a group."""

    def __init__(
        self, roles: Sequence[RefItem], *, current: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("roleDialog")
        self.setWindowTitle(self.tr("Change role"))
        self.role = QComboBox(self)
        self.role.setObjectName("roleChoice")
        _fill_roles(self.role, roles, current)
        form = QFormLayout()
        form.addRow(self.tr("Member"), QLabel(name, self))
        form.addRow(self.tr("Role"), self.role)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self))

    def role_code(self) -> str:
        return str(self.role.currentData())
