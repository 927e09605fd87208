"""Applying the signed-in user's Permissions to the running window, by objectName.

Actions are disabled; push buttons are hidden (the views switch their buttons' enabled state
themselves as the selection changes, but never their visibility, so hiding cannot be undone by a
view behind the guard's back). An action a view enables again while it is forbidden is disabled
again at once. What is built later is covered too: the guard watches the application for a
guarded button being shown and a guarded action being added to a menu or widget (dialogs opened
later, context menus). The member editor and the export dialog also ask ``current_access()``.

The names of later features (restore a backup, erase a member, delete history) are listed
already, so those features are guarded as soon as they use these objectNames.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QActionEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from db.accounts import Action, Permissions, is_permitted
from desktop.accounts.access import Access

GUARDED: dict[str, Action] = {
    # main window (File menu) and the Members view
    "newMemberAction": Action.EDIT_MEMBERS,
    "editMemberAction": Action.EDIT_MEMBERS,
    "deleteMemberAction": Action.DELETE_MEMBERS,
    "deleteMemberKeyAction": Action.DELETE_MEMBERS,  # the Delete key in the members table
    "addToGroupAction": Action.EDIT_MEMBERS,
    "importMembersAction": Action.IMPORT,
    # the groups panel
    "newGroup": Action.EDIT_MEMBERS,
    "newSubgroup": Action.EDIT_MEMBERS,
    "editGroup": Action.EDIT_MEMBERS,
    "deleteGroup": Action.EDIT_MEMBERS,
    "changeRole": Action.EDIT_MEMBERS,
    "endMembership": Action.EDIT_MEMBERS,
    # the duplicates page
    "mergeButton": Action.MERGE,
    "undoMergeButton": Action.MERGE,
    "dismissButton": Action.MERGE,
    # backups, privacy, history (names for the features being built alongside)
    "undoAction": Action.EDIT_MEMBERS,  # Edit → Undo (an import, a merge, an edit)
    "restoreButton": Action.RESTORE_BACKUP,  # the backups dialog
    "restoreFileButton": Action.RESTORE_BACKUP,
    "restoreBackupAction": Action.RESTORE_BACKUP,
    "restoreBackupButton": Action.RESTORE_BACKUP,
    "profileEraseMemberDataAction": Action.ERASE_PERSONAL_DATA,  # the profile's PDPA erasure
    "eraseMemberAction": Action.ERASE_PERSONAL_DATA,
    "eraseMemberButton": Action.ERASE_PERSONAL_DATA,
    "erasePersonalDataAction": Action.ERASE_PERSONAL_DATA,
    "erasePersonalDataButton": Action.ERASE_PERSONAL_DATA,
    "deleteHistoryAction": Action.DELETE_HISTORY,
    "deleteHistoryButton": Action.DELETE_HISTORY,
}


class PermissionGuard(QObject):
    def __init__(self, root: QWidget, access: Access) -> None:
        super().__init__(root)
        self.setObjectName("permissionGuard")
        self._root = root
        self._access = access
        self._forbidden_actions: weakref.WeakSet[QAction] = weakref.WeakSet()
        self._watched: weakref.WeakSet[QAction] = weakref.WeakSet()
        access.accessChanged.connect(self.apply)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QAbstractButton):
            action = GUARDED.get(watched.objectName())
            if action is not None and not is_permitted(self._access.permissions, action):
                watched.hide()
        elif kind == QEvent.Type.ActionAdded and isinstance(event, QActionEvent):
            added = event.action()
            action = GUARDED.get(added.objectName()) if added is not None else None
            if added is not None and action is not None:
                self._apply_action(added, is_permitted(self._access.permissions, action))
        return False

    def _targets(self) -> list[tuple[QObject, Action]]:
        found: list[tuple[QObject, Action]] = []
        for name, action in GUARDED.items():
            found.extend((obj, action) for obj in self._root.findChildren(QObject, name))
        return found

    def apply(self) -> None:
        permissions: Permissions = self._access.permissions
        for target, action in self._targets():
            allowed = is_permitted(permissions, action)
            if isinstance(target, QAction):
                self._apply_action(target, allowed)
            elif isinstance(target, QAbstractButton):
                target.setVisible(allowed)
            elif isinstance(target, QWidget):
                target.setEnabled(allowed)

    def _apply_action(self, action: QAction, allowed: bool) -> None:
        if action not in self._watched:
            self._watched.add(action)
            action.changed.connect(lambda a=action: self._on_action_changed(a))
        if allowed:
            if action in self._forbidden_actions:
                self._forbidden_actions.discard(action)
                action.setEnabled(True)
        else:
            self._forbidden_actions.add(action)
            action.setEnabled(False)

    def _on_action_changed(self, action: QAction) -> None:
        if action in self._forbidden_actions and action.isEnabled():
            action.setEnabled(False)

    def is_forbidden(self, obj: QObject) -> bool:
        if isinstance(obj, QAction):
            return obj in self._forbidden_actions
        return isinstance(obj, QWidget) and (obj.isHidden() or not obj.isEnabled())
