"""The Members view's commands as actions: toolbar, table context menu and shortcuts.

Shortcuts act within the view (and the main window takes over the keys it owns itself, such as
Ctrl+N and F5, passing them on to the view). Enter and Delete act on the table only, so the
search box and the dialogs keep their own meaning for those keys.
"""

from __future__ import annotations

from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTableView, QTextBrowser, QWidget


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
        self.table_edit.setObjectName("openMemberKeyAction")  # Enter: the editor
        self.table_edit.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.table_edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table_delete = QAction(table)
        self.table_delete.setObjectName("deleteMemberKeyAction")
        self.table_delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.table_delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        for action in (self.table_edit, self.table_delete, self.edit, self.delete):
            table.addAction(action)
        table.addAction(self.add_to_group)
        # PDPA: export everything held about the member, erase their personal data.
        self.export_data = _action(view, "exportMemberDataAction")
        self.erase_data = _action(view, "eraseMemberDataAction")
        separator = QAction(table)
        separator.setSeparator(True)
        for action in (separator, self.export_data, self.erase_data):
            table.addAction(action)
        self.export_data.triggered.connect(lambda: _privacy(view, "export", _row_member(view)))
        self.erase_data.triggered.connect(lambda: _privacy(view, "erase", _row_member(view)))
        _extend_profile_menu(view)
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
        self.export_data.setText(_export_text())
        self.erase_data.setText(_erase_text())


def _export_text() -> str:
    return QCoreApplication.translate("MembersView", "Export this member's data…")


def _erase_text() -> str:
    return QCoreApplication.translate("MembersView", "Erase this member's personal data…")


def _row_member(view: Any) -> str | None:
    return view.current_member_id()


def _privacy(view: Any, command: Literal["export", "erase"], member_id: str | None) -> None:
    """Run a PDPA command for `member_id` on the view's task runner (errors shown there)."""
    from desktop.privacy import commands

    if member_id is None:
        return
    run = commands.export_member_data if command == "export" else commands.erase_member_data
    view.tasks.spawn(run(view.executor, member_id=member_id, parent=view))


def _extend_profile_menu(view: QWidget) -> None:
    """The profile text's own menu (Copy, Select all) plus the two PDPA commands for the member
    the profile shows."""
    text = view.findChild(QTextBrowser, "memberProfileText")
    panel = getattr(view, "profile", None)
    if text is None or panel is None:
        return

    def popup(position: QPoint) -> None:
        menu = text.createStandardContextMenu(position)
        member_id = panel.member_id()
        if member_id is not None:
            menu.addSeparator()
            export = menu.addAction(_export_text())
            export.setObjectName("profileExportMemberDataAction")
            export.triggered.connect(lambda: _privacy(view, "export", member_id))
            erase = menu.addAction(_erase_text())
            erase.setObjectName("profileEraseMemberDataAction")
            erase.triggered.connect(lambda: _privacy(view, "erase", member_id))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(text.viewport().mapToGlobal(position))

    text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    text.customContextMenuRequested.connect(popup)
