"""The login dialog, sign-in at start, Lock / Sign out and the idle lock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from db.accounts import Role, UserInfo, enable_login, set_idle_minutes
from db.engine import Database
from desktop.accounts import current_access, sign_in_at_start
from desktop.accounts.signin import LoginDialog, database_verifier

PASSWORD = "รหัสผ่าน-2569"  # as in conftest.py

SHOTS = Path("/tmp")


def _type(qtbot: QtBot, widget: Any, text: str) -> None:
    widget.setFocus()
    widget.clear()
    widget.insert(text)  # Thai cannot go through QTest.keyClicks


def test_login_dialog_same_message_for_unknown_user_and_wrong_password(
    qtbot: QtBot, database: Database, users: dict[str, UserInfo]
) -> None:
    dialog = LoginDialog(database_verifier(database))
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    messages = []
    for username, password in (("nobody", PASSWORD), ("admin", "not the password")):
        _type(qtbot, form.username, username)
        _type(qtbot, form.password, password)
        with qtbot.waitSignal(form.refused, timeout=5000) as refused:
            qtbot.keyClick(form.password, Qt.Key.Key_Return)  # Enter signs in
        messages.append(form.message.text())
        assert refused.args[0] in ("unknown_user", "wrong_password")
        assert form.password.text() == ""  # typed again, never kept
        assert dialog.isVisible()
    assert messages[0] == messages[1] and messages[0]
    dialog.grab().save(str(SHOTS / "accounts_login_wrong.png"))
    qtbot.waitUntil(form.sign_in_button.isEnabled, timeout=3000)
    _type(qtbot, form.username, "ADMIN")
    _type(qtbot, form.password, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert dialog.user is not None and dialog.user.username == "admin"


def test_login_dialog_refuses_a_disabled_user(
    qtbot: QtBot, database: Database, users: dict[str, UserInfo]
) -> None:
    from db.accounts import disable_user

    with database.session() as session:
        disable_user(session, username="viewer")
    dialog = LoginDialog(database_verifier(database))
    qtbot.addWidget(dialog)
    _type(qtbot, dialog.form.username, "viewer")
    _type(qtbot, dialog.form.password, PASSWORD)
    with qtbot.waitSignal(dialog.form.refused, timeout=5000) as refused:
        dialog.form.submit()
    assert refused.args[0] == "user_disabled"
    assert dialog.user is None


def test_start_without_login_is_an_administrator(
    database: Database, users: dict[str, UserInfo]
) -> None:
    assert sign_in_at_start(database)
    access = current_access()
    assert access.user is None and access.role is Role.ADMIN
    assert access.permissions.can_manage_users and not access.login_enabled


def _answer_login(username: str, password: str, *, quit_: bool = False) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.grab().save(str(SHOTS / "accounts_login.png"))
        if quit_:
            dialog.quit_button.click()
            return
        dialog.form.username.setText(username)
        dialog.form.password.setText(password)
        dialog.form.submit()

    QTimer.singleShot(20, answer)


def test_start_with_login_asks_and_quit_refuses(
    database: Database, users: dict[str, UserInfo]
) -> None:
    with database.session() as session:
        enable_login(session, admin_username="admin", password=PASSWORD)
    _answer_login("", "", quit_=True)
    assert not sign_in_at_start(database)
    _answer_login("secretary", PASSWORD)
    assert sign_in_at_start(database)
    access = current_access()
    assert access.user is not None and access.user.username == "secretary"
    assert access.permissions.can_edit_members and not access.permissions.can_manage_users


@pytest.fixture
def window(
    qtbot: QtBot, qasync_loop: Any, database: Database, users: dict[str, UserInfo]
) -> Iterator[QMainWindow]:
    from desktop.main_window import MainWindow

    with database.session() as session:
        enable_login(session, admin_username="admin", password=PASSWORD)
        set_idle_minutes(session, minutes=1)
    current_access().sign_in(users["admin"])  # as sign_in_at_start would have
    main = MainWindow(database=database)
    qtbot.addWidget(main)
    main.resize(1100, 700)
    main.show()
    yield main
    screen = main.accounts.lock_screen()
    if screen is not None:
        screen.finish()
    main.close()


def _unlock(qtbot: QtBot, window: Any, username: str, password: str) -> None:
    screen = window.accounts.lock_screen()
    screen.form.username.setText(username)
    screen.form.password.setText(password)
    with qtbot.waitSignal(screen.unlocked, timeout=5000):
        qtbot.keyClick(screen.form.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.accounts.is_locked(), timeout=2000)


def test_lock_action_covers_the_window_until_the_password(
    qtbot: QtBot, window: Any, users: dict[str, UserInfo]
) -> None:
    controller = window.accounts
    assert "สมชาย ใจดี" in window.windowTitle()
    lock = window.findChild(object, "lockAction")
    assert lock is controller.lock_action and lock.isEnabled()
    assert lock.shortcut().toString() == "Ctrl+L"
    lock.trigger()
    screen = controller.lock_screen()
    assert screen is not None
    qtbot.waitUntil(screen.isVisible, timeout=2000)
    curtain = window.findChild(QWidget, "lockCurtain")
    assert curtain is not None and curtain.isVisible()
    assert curtain.geometry() == window.rect()
    assert QApplication.activeModalWidget() is screen
    assert screen.form.username.text() == "admin"  # the same user, password focused
    qtbot.keyClick(screen, Qt.Key.Key_Escape)  # Esc does not unlock
    assert screen.isVisible()
    screen.close()
    assert screen.isVisible()
    screen.grab().save(str(SHOTS / "accounts_lock_screen.png"))
    screen.form.password.setText("wrong wrong")
    with qtbot.waitSignal(screen.form.refused, timeout=5000):
        screen.form.submit()
    assert controller.is_locked() and screen.form.message.text()
    qtbot.waitUntil(screen.form.sign_in_button.isEnabled, timeout=3000)
    _unlock(qtbot, window, "admin", PASSWORD)
    assert not curtain.isVisible() if curtain is not None and curtain.parent() else True
    assert current_access().user.username == "admin"  # type: ignore[union-attr]


def test_idle_lock_and_another_user_signs_in(
    qtbot: QtBot, window: Any, users: dict[str, UserInfo]
) -> None:
    controller = window.accounts
    controller.ms_per_minute = 300  # one "minute" of idle time is 0.3 s here
    current_access().sign_in(users["admin"])  # applies the short minute
    assert controller.idle.idle_ms() == 300
    qtbot.waitUntil(controller.is_locked, timeout=5000)
    new_member = window.findChild(object, "newMemberAction")
    assert new_member.isEnabled()
    _unlock(qtbot, window, "viewer", PASSWORD)  # another user: their permissions apply
    access = current_access()
    assert access.user.username == "viewer"  # type: ignore[union-attr]
    assert not access.permissions.can_see_personal_data
    assert not new_member.isEnabled()
    assert "มานี มีนา" in window.windowTitle()


def test_activity_keeps_the_app_unlocked(
    qtbot: QtBot, window: Any, users: dict[str, UserInfo]
) -> None:
    controller = window.accounts
    controller.ms_per_minute = 400
    current_access().sign_in(users["admin"])
    for _ in range(8):  # 0.8 s of typing, never 0.4 s idle
        qtbot.wait(100)
        qtbot.keyClick(window, Qt.Key.Key_Shift)
        assert not controller.is_locked()
    qtbot.waitUntil(controller.is_locked, timeout=5000)


def test_sign_out_takes_every_permission_until_someone_signs_in(
    qtbot: QtBot, window: Any, users: dict[str, UserInfo]
) -> None:
    controller = window.accounts
    controller.sign_out_action.trigger()
    access = current_access()
    assert access.user is None and not access.signed_in
    assert not access.permissions.can_edit_members and not access.permissions.can_import
    screen = controller.lock_screen()
    assert screen is not None and screen.form.username.text() == ""
    _unlock(qtbot, window, "secretary", PASSWORD)
    assert access.user.username == "secretary"  # type: ignore[union-attr]
    assert window.findChild(object, "importMembersAction").isEnabled()


def test_lock_and_sign_out_do_nothing_without_login(
    qtbot: QtBot, qasync_loop: Any, database: Database
) -> None:
    from desktop.main_window import MainWindow

    main = MainWindow(database=database)
    qtbot.addWidget(main)
    controller = main.accounts
    assert not controller.lock_action.isEnabled() and not controller.sign_out_action.isEnabled()
    controller.lock()
    controller.sign_out()
    assert not controller.is_locked() and controller.idle.idle_ms() == 0
    assert current_access().role is Role.ADMIN
    main.close()


def test_a_window_opened_with_login_on_and_nobody_signed_in_is_locked(
    qtbot: QtBot, qasync_loop: Any, database: Database, users: dict[str, UserInfo]
) -> None:
    from desktop.main_window import MainWindow

    with database.session() as session:
        enable_login(session, admin_username="admin", password=PASSWORD)
    main = MainWindow(database=database)  # built by a tool: nobody signed in
    qtbot.addWidget(main)
    assert not current_access().permissions.can_edit_members
    qtbot.waitUntil(main.accounts.is_locked, timeout=2000)
    main.accounts.lock_screen().finish()
    main.close()
