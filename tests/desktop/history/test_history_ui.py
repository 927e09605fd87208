"""Edit → Undo in the main window, and the History tab of the member profile."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import QLineEdit, QMessageBox, QTextBrowser
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.history.actor import Actor, current_actor, set_current_actor
from db.members.edit import save_member
from db.members.profile import get_member
from db.members.types import MemberInput
from desktop import settings
from desktop.db_worker import Changes, DbExecutor
from desktop.main_window import MainWindow
from desktop.members.profile_panel import MemberProfilePanel

ACTOR = Actor(user_id=None, user_name="somsri", device="OFFICE-PC-1")


@pytest.fixture(autouse=True)
def actor() -> Iterator[None]:
    set_current_actor(ACTOR)
    store = settings.settings()
    store.remove("mainWindow")
    yield
    set_current_actor(None)


@pytest.fixture
def window(database: Database, qtbot: QtBot, qasync_loop: Any) -> Iterator[MainWindow]:
    main = MainWindow(database=database)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow, timeout=2000)
    yield main
    main.close()


def _save(executor: DbExecutor, run_async: Callable[..., Any], data: MemberInput) -> str:
    return run_async(executor.write(save_member, changes=Changes.of("members"), data=data))


def _tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


def _view_tr(text: str) -> str:
    """A text of the profile's History tab (its own translation context)."""
    return QCoreApplication.translate("MemberHistoryView", text)


def test_edit_menu_undo_names_the_last_change_and_undoes_it(
    window: MainWindow, qtbot: QtBot, run_async: Callable[..., Any]
) -> None:
    action = window.undo.action
    assert window.findChild(type(window.menuBar().actions()[0].menu()), "editMenu") is not None
    assert not action.isEnabled()  # nothing to undo in a new register
    member_id = _save(window.executor, run_async, MemberInput(first_name="สมชาย", last_name="ใจดี"))
    qtbot.waitUntil(action.isEnabled, timeout=5000)
    assert "สมชาย ใจดี" in action.text()
    assert action.text() == "&" + _tr("Undo new member %1").replace("%1", "สมชาย ใจดี")

    with qtbot.waitSignal(window.undo.undone, timeout=5000):
        action.trigger()
    with window.database.session() as session, pytest.raises(LookupError):
        get_member(session, member_id=member_id)
    qtbot.waitUntil(lambda: not action.isEnabled(), timeout=5000)


def test_ctrl_z_in_a_text_field_is_the_fields_own(
    window: MainWindow, qtbot: QtBot, run_async: Callable[..., Any]
) -> None:
    _save(window.executor, run_async, MemberInput(first_name="สมหญิง"))
    qtbot.waitUntil(window.undo.action.isEnabled, timeout=5000)
    undone: list[object] = []
    window.undo.undone.connect(undone.append)

    field = QLineEdit(window.centralWidget())
    field.setObjectName("someTextField")
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "abc")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(300)
    assert field.text() == "" and undone == []  # the field undid its typing; no record undone

    field.hide()
    window.centralWidget().setFocus()
    with qtbot.waitSignal(window.undo.undone, timeout=5000):
        qtbot.keyClick(window.centralWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_a_refused_undo_says_why_and_changes_nothing(
    window: MainWindow, qtbot: QtBot, run_async: Callable[..., Any]
) -> None:
    me = current_actor()  # the window may have published the signed-in user
    member_id = _save(window.executor, run_async, MemberInput(first_name="มานะ"))
    with window.database.session() as session:
        data = get_member(session, member_id=member_id).data
    _save(window.executor, run_async, dataclasses.replace(data, nickname="นะ"))
    set_current_actor(Actor(user_id=None, user_name="admin", device="OFFICE-PC-2"))
    with window.database.session() as session:
        save_member(session, data=dataclasses.replace(data, nickname="มานี"))
    set_current_actor(me)
    window.undo.refresh_now()
    qtbot.waitUntil(window.undo.action.isEnabled, timeout=5000)
    with qtbot.waitSignal(window.undo.refused, timeout=5000) as refused:
        window.undo.action.trigger()
    assert refused.args == ["changed_since"]
    box = window.findChild(QMessageBox, "undoRefused")
    assert box is not None and box.informativeText() == _tr(
        "The record was changed again since (by you or someone else): undoing would lose"
        " that change, so nothing was undone."
    )
    box.close()
    with window.database.session() as session:
        assert get_member(session, member_id=member_id).data.nickname == "มานี"


def test_profile_history_tab_shows_who_changed_what(
    database: Database, qtbot: QtBot, qasync_loop: Any, run_async: Callable[..., Any]
) -> None:
    executor = DbExecutor(database)
    member_id = _save(
        executor, run_async, MemberInput(first_name="สมชาย", last_name="ใจดี", phone="0812345678")
    )
    with database.session() as session:
        data = get_member(session, member_id=member_id).data
    _save(executor, run_async, dataclasses.replace(data, phone="0898765432"))
    panel = MemberProfilePanel()
    qtbot.addWidget(panel)
    panel.set_executor(executor)
    panel.resize(480, 640)
    panel.show()
    with database.session() as session:
        panel.show_profile(get_member(session, member_id=member_id))
    with qtbot.waitSignal(panel.history.loaded, timeout=5000):
        panel.show_history_tab()
    text = panel.history.plain_text()
    mobile = QCoreApplication.translate("MemberForm", "Mobile")
    assert mobile in text and mobile != "Mobile"  # the editor's Thai label
    assert "081-234-5678 → 089-876-5432" in text
    assert "somsri" in text and "OFFICE-PC-1" in text
    assert _view_tr("Details changed") in text and _view_tr("Member added") in text
    assert [e.kind for e in panel.history.entries()] == ["update", "create"]
    executor.shutdown()


def test_history_follows_the_member_shown(
    database: Database, qtbot: QtBot, qasync_loop: Any, run_async: Callable[..., Any]
) -> None:
    executor = DbExecutor(database)
    a = _save(executor, run_async, MemberInput(first_name="ก"))
    b = _save(executor, run_async, MemberInput(first_name="ข"))
    panel = MemberProfilePanel()
    qtbot.addWidget(panel)
    panel.set_executor(executor)
    panel.show_history_tab()
    with database.session() as session:
        profile_a, profile_b = get_member(session, member_id=a), get_member(session, member_id=b)
    panel.show_profile(profile_a)
    with qtbot.waitSignal(panel.history.loaded, timeout=5000) as shown:
        panel.show_profile(profile_b)  # a's read, if late, is dropped
    assert shown.args == [b]
    qtbot.wait(200)
    assert {e.member_id for e in panel.history.entries()} == {b}
    panel.show_profile(None)
    assert panel.history.entries() == []
    executor.shutdown()


def test_an_import_entry_links_to_its_summary(
    database: Database,
    qtbot: QtBot,
    qasync_loop: Any,
    run_async: Callable[..., Any],
    tmp_path: Path,
) -> None:
    from db.io.import_members import import_members

    sheet = tmp_path / "รายชื่อ.csv"
    sheet.write_text("ชื่อ,นามสกุล\nสมชาย,ใจดี\nสมหญิง,รักไทย\n", encoding="utf-8")
    run_id = import_members(database, path=sheet).run_id
    with database.session() as session:
        member_id = session.connection().exec_driver_sql("SELECT id FROM member LIMIT 1").scalar()
        profile = get_member(session, member_id=member_id)
    executor = DbExecutor(database)
    panel = MemberProfilePanel()
    qtbot.addWidget(panel)
    panel.set_executor(executor)
    panel.show_profile(profile)
    with qtbot.waitSignal(panel.history.loaded, timeout=5000):
        panel.show_history_tab()
    assert _view_tr("Imported from %1").replace("%1", "รายชื่อ.csv") in panel.history.plain_text()
    browser = panel.findChild(QTextBrowser, "memberHistoryText")
    with qtbot.waitSignal(panel.history.import_run_activated) as activated:
        browser.anchorClicked.emit(QUrl(f"import:{run_id}"))
    assert activated.args == [run_id]
    box = panel.findChild(QMessageBox, "memberHistoryLinkInfo")
    assert box is not None and "รายชื่อ.csv" in box.text()
    assert QCoreApplication.translate("MemberHistoryView", "%Ln member(s) imported", "", 2) in (
        box.informativeText()
    )
    box.close()
    executor.shutdown()
