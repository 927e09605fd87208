"""Permissions applied to the running window; masking for viewers in the editor and export."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from db.accounts import UserInfo
from db.engine import Database
from db.members.edit import save_member
from db.members.profile import get_member
from db.members.types import MemberInput
from desktop.accounts import current_access
from desktop.db_worker import DbExecutor
from desktop.members.editor import MemberEditorDialog
from desktop.members.labels import ViewLabels

NATIONAL_ID = "1101700203450"


def _actions(window: Any, name: str) -> list[QAction]:
    found = window.findChildren(QAction, name)
    assert found, name
    return found


def test_guard_follows_the_signed_in_role(
    qtbot: QtBot, qasync_loop: Any, database: Database, users: dict[str, UserInfo]
) -> None:
    from desktop.main_window import MainWindow

    window = MainWindow(database=database)
    qtbot.addWidget(window)
    access = current_access()
    merge = window.findChild(QPushButton, "mergeButton")
    new_group = window.findChild(QPushButton, "newGroup")
    assert merge is not None and new_group is not None
    assert all(a.isEnabled() for a in _actions(window, "newMemberAction"))  # login off: admin

    access.sign_in(users["viewer"])
    for name in ("newMemberAction", "editMemberAction", "deleteMemberAction",
                 "importMembersAction", "addToGroupAction"):  # fmt: skip
        assert not any(a.isEnabled() for a in _actions(window, name)), name
    assert merge.isHidden() and new_group.isHidden()
    assert window.findChild(QAction, "exportMembersAction").isEnabled()  # reading is allowed
    members = window.view("members")
    delete_key = members.actions.table_delete
    assert not delete_key.isEnabled()  # the table's Delete key too
    # A view enabling a forbidden action again does not get through.
    members.actions.delete.setEnabled(True)
    assert not members.actions.delete.isEnabled()

    access.sign_in(users["secretary"])
    assert all(a.isEnabled() for a in _actions(window, "newMemberAction"))
    assert all(a.isEnabled() for a in _actions(window, "importMembersAction"))
    assert delete_key.isEnabled() and not merge.isHidden() and not new_group.isHidden()
    window.close()


def _profile(database: Database) -> Any:
    with database.session() as session:
        member_id = save_member(
            session,
            data=MemberInput(
                first_name="สมหญิง", last_name="ศรีสุข", prefix="นาง", national_id=NATIONAL_ID,
                birth_date=dt.date(1980, 10, 2), phone="0812345678",
            ),
        )  # fmt: skip
    with database.session() as session:
        return get_member(session, member_id=member_id)


def test_viewer_sees_the_member_read_only_and_masked(
    qtbot: QtBot, qasync_loop: Any, executor: DbExecutor, database: Database,
    users: dict[str, UserInfo], run_async: Any,
) -> None:  # fmt: skip
    profile = _profile(database)
    current_access().sign_in(users["viewer"])
    editor = MemberEditorDialog(executor, ViewLabels(), profile=profile)
    qtbot.addWidget(editor)
    editor.show()
    form = editor.form
    assert editor.is_read_only()
    assert form.national_id.text() == "x-xxxx-xxxxx-45-0"
    assert NATIONAL_ID not in form.national_id.text().replace("-", "")
    assert form.birth_date.text() == "" and form.birth_date.date() is None
    assert form.birth_date.placeholderText()
    assert form.first_name.isReadOnly() and form.phone.isReadOnly()
    assert not form.gender.isEnabled() and not form.strengths.isEnabled()
    assert not editor.save_button.isVisible() and not editor.save_new_button.isVisible()
    assert all(not a.isEnabled() for a in form.birth_date.actions())  # no calendar
    editor.grab().save("/tmp/accounts_viewer_editor.png")
    assert run_async(editor.save(and_new=False)) is None
    with database.session() as session:
        stored = get_member(session, member_id=profile.data.id)
    assert stored.data.national_id == NATIONAL_ID and stored.data.birth_date == dt.date(1980, 10, 2)
    with qtbot.waitSignal(editor.finished, timeout=2000):
        qtbot.keyClick(editor, Qt.Key.Key_Escape)  # nothing changed: closes without asking


def test_secretary_edits_with_the_full_national_id(
    qtbot: QtBot, qasync_loop: Any, executor: DbExecutor, database: Database,
    users: dict[str, UserInfo],
) -> None:  # fmt: skip
    profile = _profile(database)
    current_access().sign_in(users["secretary"])
    editor = MemberEditorDialog(executor, ViewLabels(), profile=profile)
    qtbot.addWidget(editor)
    assert not editor.is_read_only()
    assert editor.form.national_id.text().replace("-", "") == NATIONAL_ID
    assert editor.form.birth_date.date() == dt.date(1980, 10, 2)
    assert not editor.form.first_name.isReadOnly()
    assert not editor.save_button.isHidden()


def test_export_dialog_personal_data_tick_is_locked_for_viewers(
    qtbot: QtBot, qasync_loop: Any, executor: DbExecutor, users: dict[str, UserInfo]
) -> None:
    from desktop.io.export_dialog import ExportDialog

    current_access().sign_in(users["viewer"])
    dialog = ExportDialog(executor)
    qtbot.addWidget(dialog)
    assert not dialog.personal.isEnabled() and not dialog.personal.isChecked()
    current_access().sign_in(users["admin"])
    dialog = ExportDialog(executor)
    qtbot.addWidget(dialog)
    assert dialog.personal.isEnabled()


def test_guard_covers_dialogs_and_menus_made_later(
    qtbot: QtBot, qasync_loop: Any, database: Database, users: dict[str, UserInfo]
) -> None:
    from PySide6.QtWidgets import QDialog, QMenu, QVBoxLayout

    from desktop.main_window import MainWindow

    window = MainWindow(database=database)
    qtbot.addWidget(window)
    undo = window.findChild(QAction, "undoAction")

    def later() -> tuple[QDialog, QPushButton, QAction]:
        dialog = QDialog(window)
        restore = QPushButton("restore", dialog)
        restore.setObjectName("restoreButton")
        QVBoxLayout(dialog).addWidget(restore)
        menu = QMenu(window)
        erase = QAction("erase", menu)
        erase.setObjectName("profileEraseMemberDataAction")
        menu.addAction(erase)
        dialog.show()
        return dialog, restore, erase

    current_access().sign_in(users["secretary"])  # may edit, may not restore or erase
    dialog, restore, erase = later()
    assert restore.isHidden() and not erase.isEnabled()
    dialog.close()
    current_access().sign_in(users["viewer"])
    if undo is not None:  # the history's Edit → Undo, a write: not for a viewer
        assert not undo.isEnabled()
    current_access().sign_in(users["admin"])
    dialog, restore, erase = later()
    assert not restore.isHidden() and erase.isEnabled()
    dialog.close()
    window.close()
