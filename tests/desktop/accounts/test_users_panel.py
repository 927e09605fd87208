"""The users page of the settings dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.accounts import Role, UserInfo, authenticate, get_user, login_settings
from db.engine import Database
from desktop.accounts import UsersPanel, current_access
from desktop.accounts.users_panel import AdminProofDialog, UserDialog
from desktop.db_worker import DbExecutor

PASSWORD = "รหัสผ่าน-2569"  # as in conftest.py


def _panel(qtbot: QtBot, executor: DbExecutor) -> UsersPanel:
    panel = UsersPanel(executor)
    qtbot.addWidget(panel)
    panel.resize(760, 420)
    panel.load()
    panel.show()
    return panel


def test_lists_adds_resets_changes_role_and_disables(
    qtbot: QtBot, qasync_loop: Any, run_async: Any, executor: DbExecutor, database: Database,
    users: dict[str, UserInfo],
) -> None:  # fmt: skip
    panel = _panel(qtbot, executor)
    assert [u.username for u in panel.users()] == ["admin", "secretary", "viewer"]
    assert panel.table.rowCount() == 3 and panel.add_button.isEnabled()

    assert run_async(panel.add_user(username="ดวงใจ", password="รหัสลับยาวพอ", role=Role.VIEWER))
    assert panel.selected_username() == "ดวงใจ" and panel.table.rowCount() == 4
    assert not run_async(panel.add_user(username="DUANGJAI", password="x", role=Role.VIEWER))
    assert panel.message.text()  # too short: said, nothing stored
    assert not run_async(panel.add_user(username="Admin", password=PASSWORD, role=Role.VIEWER))
    assert panel.table.rowCount() == 4

    assert run_async(panel.reset_password("viewer", "ใหม่หมดเลย-1"))
    with database.session() as session:
        authenticate(session, username="viewer", password="ใหม่หมดเลย-1")

    panel.select_user("viewer")
    panel.role_combo.setCurrentIndex(panel.role_combo.findData(Role.SECRETARY.value))
    panel.role_button.click()
    qtbot.waitUntil(lambda: panel.tasks.pending() == 0, timeout=5000)
    with database.session() as session:
        assert get_user(session, username="viewer").role is Role.SECRETARY  # type: ignore[union-attr]

    assert run_async(panel.toggle_disabled("viewer"))
    with database.session() as session:
        assert get_user(session, username="viewer").disabled  # type: ignore[union-attr]
    panel.select_user("viewer")
    assert panel.disable_button.text()  # now "enable"
    assert run_async(panel.toggle_disabled("viewer"))
    with database.session() as session:
        assert not get_user(session, username="viewer").disabled  # type: ignore[union-attr]
    panel.select_user("secretary")
    panel.grab().save("/tmp/accounts_users_panel.png")


def test_login_on_with_an_administrators_password_then_off(
    qtbot: QtBot, qasync_loop: Any, run_async: Any, executor: DbExecutor, database: Database,
    users: dict[str, UserInfo],
) -> None:  # fmt: skip
    panel = _panel(qtbot, executor)
    assert not panel.login_box.isChecked()
    assert not run_async(panel.set_login(True, admin_username="secretary", password=PASSWORD))
    assert not panel.login_box.isChecked() and panel.message.text()
    assert not run_async(panel.set_login(True, admin_username="admin", password="wrong-wrong"))
    assert run_async(panel.set_login(True, admin_username="admin", password=PASSWORD))
    access = current_access()
    assert panel.login_box.isChecked() and access.login_enabled
    assert access.user is not None and access.user.username == "admin"
    # The last active administrator stays while the login is on.
    assert not run_async(panel.toggle_disabled("admin"))
    assert not run_async(panel.change_role("admin", Role.VIEWER))
    panel.idle_minutes.setValue(3)
    assert panel.save()
    with database.session() as session:
        assert login_settings(session).idle_minutes == 3
    assert access.idle_minutes == 3
    assert run_async(panel.set_login(False))
    with database.session() as session:
        assert not login_settings(session).enabled
    assert not access.login_enabled and access.role is Role.ADMIN


def test_the_login_tick_asks_for_the_administrators_password(
    qtbot: QtBot, qasync_loop: Any, executor: DbExecutor, database: Database,
    users: dict[str, UserInfo],
) -> None:  # fmt: skip
    panel = _panel(qtbot, executor)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AdminProofDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.password.setText(PASSWORD)
        dialog.accept()

    QTimer.singleShot(20, answer)
    panel.login_box.click()
    qtbot.waitUntil(lambda: panel.tasks.pending() == 0 and panel.login_box.isChecked())
    with database.session() as session:
        assert login_settings(session).enabled


def test_add_user_dialog_checks_the_repeated_password(qtbot: QtBot) -> None:
    dialog = UserDialog()
    qtbot.addWidget(dialog)
    dialog.username.setText("somsak")
    dialog.password.setText("one-password")
    dialog.repeat.setText("another-password")
    dialog._check()
    assert dialog.result() == 0 and dialog.message.text() and dialog.repeat.text() == ""
    dialog.repeat.setText("one-password")
    dialog._check()
    assert dialog.result() == UserDialog.DialogCode.Accepted


def test_only_an_administrator_manages_users(
    qtbot: QtBot, qasync_loop: Any, run_async: Any, executor: DbExecutor,
    users: dict[str, UserInfo],
) -> None:  # fmt: skip
    current_access().sign_in(users["secretary"])
    panel = _panel(qtbot, executor)
    assert not panel.add_button.isEnabled() and not panel.login_box.isEnabled()
    assert panel.message.text()
    # Even called directly, the database refuses.
    assert not run_async(panel.add_user(username="x", password=PASSWORD, role=Role.ADMIN))
    assert [u.username for u in panel.users()] == ["admin", "secretary", "viewer"]
