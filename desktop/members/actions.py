"""The Members view's commands as actions: toolbar, table context menu and shortcuts.

Shortcuts act within the view (and the main window takes over the keys it owns itself, such as
Ctrl+N and F5, passing them on to the view). Enter and Delete act on the table only, so the
search box and the dialogs keep their own meaning for those keys.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTableView, QWidget


def _action(owner: QWidget, name: str, *shortcuts: QKeySequence | str) -> QAction:
    action = QAction(owner)
    action.setObjectName(name)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    owner.addAction(action)
    return action


class MemberActions:
    def __init__(self, view: QWidget, table: QTableView) -> None:
        self.new = _action(view, "newMemberAction", "Ctrl+N")
        self.edit = _action(view, "editMemberAction", "Ctrl+E")
        self.delete = _action(view, "deleteMemberAction")
        self.add_to_group = _action(view, "addToGroupAction", "Ctrl+G")
        self.find = _action(view, "findMemberAction", "Ctrl+F")
        self.side_panel = _action(view, "sidePanelAction", "F9")
        self.side_panel.setCheckable(True)
        self.side_panel.setChecked(True)
        self.refresh = _action(view, "refreshMembersAction", "F5")
        self.table_edit = QAction(table)
        self.table_edit.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.table_edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table_delete = QAction(table)
        self.table_delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.table_delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        for action in (self.table_edit, self.table_delete, self.edit, self.delete):
            table.addAction(action)
        table.addAction(self.add_to_group)
        self.retranslate()

    def toolbar_actions(self) -> tuple[QAction, ...]:
        return (self.new, self.edit, self.delete, self.add_to_group)

    def retranslate(self) -> None:
        self.new.setText(QCoreApplication.translate("MembersView", "New member"))
        self.edit.setText(QCoreApplication.translate("MembersView", "Edit"))
        self.delete.setText(QCoreApplication.translate("MembersView", "Delete"))
        self.add_to_group.setText(QCoreApplication.translate("MembersView", "Add to group…"))
        self.find.setText(QCoreApplication.translate("MembersView", "Find"))
        self.side_panel.setText(QCoreApplication.translate("MembersView", "Filters and groups"))
        self.refresh.setText(QCoreApplication.translate("MembersView", "Refresh"))
