"""The main window on a temporary database: pages, shortcuts, status bar, settings, geometry."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QStatusBar,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

import db.search as search_module
import desktop.io.background as background_module
import desktop.main_window as main_window_module
from db.demo import populate
from db.engine import Database
from db.members._sql import dbapi
from db.search import add_search_backlog, check_member_index, search_backlog
from desktop import i18n, settings
from desktop.app import build_main_window
from desktop.db_worker import DbExecutor
from desktop.home import HomeView
from desktop.io.background import CHECKPOINT_AFTER_MS
from desktop.main_window import MainWindow
from desktop.settings_dialog import date_era, thai_digits_in_documents

DEMO_MEMBERS = 200


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@pytest.fixture(autouse=True)
def fresh_settings(qapp: QApplication) -> Iterator[None]:
    """Each test starts from no remembered window, Thai, B.E. dates (and leaves it so)."""

    def reset() -> None:
        store = settings.settings()
        for group in ("mainWindow", "display", "documents"):
            store.remove(group)
        store.sync()
        i18n.set_language(qapp, "th")

    reset()
    yield
    reset()


class MembersDouble(QWidget):
    """A stand-in page for the router tests: records what the window asks of it."""

    def __init__(self, executor: DbExecutor, *, with_method: bool) -> None:
        super().__init__()
        self.setObjectName("membersDouble")
        self.started = 0
        self.refreshed = 0
        self.shown: list[str] = []
        self.new_action = QAction("New member", self)
        self.new_action.setObjectName("doubleNewMember")
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_action.triggered.connect(self._start)
        self.addAction(self.new_action)
        self.focus_target = QWidget(self)  # where the focus is while typing in the page
        self.focus_target.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        QVBoxLayout(self).addWidget(self.focus_target)
        if with_method:
            self.new_member = self._start  # type: ignore[method-assign]

    def _start(self) -> None:
        self.started += 1

    def refresh(self) -> None:
        self.refreshed += 1

    def show_member(self, member_id: str) -> None:
        self.shown.append(member_id)


def _with_members_double(monkeypatch: pytest.MonkeyPatch, *, with_method: bool) -> None:
    pages = tuple(
        dataclasses.replace(spec, create=lambda e: MembersDouble(e, with_method=with_method))
        if spec.key == "members"
        else spec
        for spec in main_window_module.PAGES
    )
    monkeypatch.setattr(main_window_module, "PAGES", pages)


@pytest.fixture
def demo_database(database: Database) -> Database:
    populate(database, members=DEMO_MEMBERS, seed=1)
    return database


@pytest.fixture
def open_window(
    demo_database: Database, qtbot: QtBot, qasync_loop: Any
) -> Iterator[Callable[[], MainWindow]]:
    windows: list[MainWindow] = []

    def open_() -> MainWindow:
        window = MainWindow(database=demo_database)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        windows.append(window)
        return window

    yield open_
    for window in windows:
        window.close()


def _press(qtbot: QtBot, window: MainWindow, key: str) -> None:
    sequence = QKeySequence(key)
    combination = sequence[0]
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())


def test_build_main_window_on_a_temporary_database(qtbot: QtBot, tmp_path: Path) -> None:
    window = build_main_window(tmp_path / "ทดลอง.sqlite")
    qtbot.addWidget(window)
    try:
        assert isinstance(window, MainWindow)
        assert window.windowTitle() == "เครือข่าย — Khrueakhai"
        assert window.page_keys()[0] == "home"
        assert "exchange" not in window.page_keys() and "meetings" not in window.page_keys()
        assert window.findChild(QListWidget, "mainNavigation") is not None
        assert window.findChild(QWidget, "homePage") is not None
        assert isinstance(window.findChild(QWidget, "homeView"), HomeView)
        assert window.findChild(QStatusBar, "statusBar") is window.statusBar()
        assert window.findChild(QLabel, "databaseLabel").text() == "ทดลอง.sqlite"
    finally:
        window.close()
        window.database.dispose()


def test_status_bar_shows_the_member_count(open_window: Callable[[], MainWindow], qtbot: QtBot):
    window = open_window()
    label = window.findChild(QLabel, "memberCountLabel")
    expected = QCoreApplication.translate("MainWindow", "%Ln member(s)", "", DEMO_MEMBERS)
    qtbot.waitUntil(lambda: label.text() == expected, timeout=5000)
    assert window.member_count() == DEMO_MEMBERS


def test_home_page_shows_the_figures(open_window: Callable[[], MainWindow], qtbot: QtBot):
    window = open_window()
    home = window.view("home")
    assert isinstance(home, HomeView)
    qtbot.waitUntil(lambda: home.summary() is not None, timeout=10_000)
    summary = home.summary()
    assert summary is not None and summary.total_members == DEMO_MEMBERS
    assert sum(bar.value for bar in home.region_chart.bars()) == DEMO_MEMBERS


def test_shortcuts_switch_pages(
    open_window: Callable[[], MainWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_members_double(monkeypatch, with_method=True)
    window = open_window()
    assert window.page_keys() == ["home", "members", "duplicates"]
    assert window.current_page_key() == "home"
    stack = window.findChild(QWidget, "pageStack")
    _press(qtbot, window, "Ctrl+2")
    assert window.current_page_key() == "members"
    assert stack.currentWidget().objectName() == "membersPage"
    assert window.findChild(QListWidget, "mainNavigation").currentRow() == 1
    _press(qtbot, window, "Ctrl+1")
    assert window.current_page_key() == "home"
    assert stack.currentWidget().objectName() == "homePage"
    window.findChild(QListWidget, "mainNavigation").setCurrentRow(1)  # a click does the same
    assert window.current_page_key() == "members"
    assert window.findChild(QAction, "showMembersAction").isChecked()


def test_new_member_goes_to_the_members_view(
    open_window: Callable[[], MainWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_members_double(monkeypatch, with_method=True)
    window = open_window()
    double = window.view("members")
    assert isinstance(double, MembersDouble)
    _press(qtbot, window, "Ctrl+N")
    assert window.current_page_key() == "members"
    assert double.started == 1


def test_a_views_own_shortcut_is_not_ambiguous(
    open_window: Callable[[], MainWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The view has only its own Ctrl+N action: the window's action passes the key on to it, and
    # the key fires exactly once even while the focus is inside the view.
    _with_members_double(monkeypatch, with_method=False)
    window = open_window()
    double = window.view("members")
    assert isinstance(double, MembersDouble)
    assert not hasattr(double, "new_member")
    _press(qtbot, window, "Ctrl+N")
    assert double.started == 1
    double.focus_target.setFocus()
    qtbot.waitUntil(double.focus_target.hasFocus, timeout=2000)
    _press(qtbot, window, "Ctrl+N")
    assert double.started == 2


def test_refresh_reloads_the_current_page(
    open_window: Callable[[], MainWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_members_double(monkeypatch, with_method=True)
    window = open_window()
    home = window.view("home")
    assert isinstance(home, HomeView)
    qtbot.waitUntil(lambda: home.summary() is not None and not home.is_loading(), timeout=10_000)
    with qtbot.waitSignal(home.summary_loaded, timeout=10_000):
        _press(qtbot, window, "F5")
    window.show_page("members")
    _press(qtbot, window, "F5")
    double = window.view("members")
    assert isinstance(double, MembersDouble)
    assert double.refreshed == 1


def test_opening_a_recent_change_shows_the_member(
    open_window: Callable[[], MainWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_members_double(monkeypatch, with_method=True)
    window = open_window()
    home = window.view("home")
    assert isinstance(home, HomeView)
    qtbot.waitUntil(lambda: home.summary() is not None, timeout=10_000)
    home.member_activated.emit("some-member-id")
    assert window.current_page_key() == "members"
    double = window.view("members")
    assert isinstance(double, MembersDouble)
    assert double.shown == ["some-member-id"]


def test_settings_dialog_saves_language_and_display(
    open_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    window = open_window()
    dialog = window.open_settings()
    assert dialog.objectName() == "settingsDialog"
    language = dialog.findChild(QWidget, "languageCombo")
    era = dialog.findChild(QWidget, "dateEraCombo")
    digits = dialog.findChild(QWidget, "thaiDigitsCheck")
    assert language.currentData() == "th" and era.currentData() == "BE"
    language.setCurrentIndex(language.findData("en"))
    era.setCurrentIndex(era.findData("CE"))
    digits.setChecked(True)
    buttons = dialog.findChild(QDialogButtonBox, "settingsButtons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert i18n.saved_language() == "en"
    assert i18n.current_language() == "en"
    assert date_era() == "CE"
    assert thai_digits_in_documents() is True
    # The window speaks English as soon as Qt has delivered its LanguageChange events.
    qtbot.waitUntil(
        lambda: window.findChild(QAction, "settingsAction").text() == "&Settings…", timeout=2000
    )
    assert window.findChild(QListWidget, "mainNavigation").item(0).text() == "Home"


def test_settings_dialog_cancel_changes_nothing(
    open_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    window = open_window()
    dialog = window.open_settings()
    language = dialog.findChild(QWidget, "languageCombo")
    language.setCurrentIndex(language.findData("en"))
    dialog.findChild(QWidget, "thaiDigitsCheck").setChecked(True)
    buttons = dialog.findChild(QDialogButtonBox, "settingsButtons")
    qtbot.mouseClick(
        buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert i18n.saved_language() == "th"
    assert thai_digits_in_documents() is False


def test_geometry_and_page_are_remembered(
    open_window: Callable[[], MainWindow], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _with_members_double(monkeypatch, with_method=True)
    first = open_window()
    first.resize(720, 520)  # within the offscreen screen (800 x 600)
    qtbot.waitUntil(lambda: first.size() == QSize(720, 520), timeout=2000)
    first.show_page("members")
    first.close()
    second = open_window()
    assert second.size() == QSize(720, 520)
    assert second.current_page_key() == "members"


def test_about_names_the_licences(open_window: Callable[[], MainWindow]) -> None:
    window = open_window()
    dialog = window.show_about()
    assert dialog.objectName() == "aboutDialog"
    text = dialog.findChild(QTextBrowser, "aboutText").toPlainText()
    assert "SIL Open Font License" in text  # Sarabun's licence, in full
    assert "Sarabun Project Authors" in text
    assert "MIT License" in text and "Kongvut Sangkla" in text  # thai-province-data
    assert "LGPL-3.0" in text  # Qt
    dialog.close()


def test_progress_in_the_status_bar(open_window: Callable[[], MainWindow], qtbot: QtBot):
    window = open_window()
    progress = window.findChild(QWidget, "statusProgress")
    assert not progress.isVisible()
    cancelled: list[bool] = []
    window.start_progress("กำลังนำเข้า", cancel=lambda: cancelled.append(True))
    assert progress.isVisible()

    def work() -> None:
        for done in range(1, 501):
            window.report_progress(done, 500, f"แถว {done}")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    bar = window.findChild(QWidget, "statusProgressBar")
    qtbot.waitUntil(lambda: bar.value() == 500, timeout=2000)
    assert bar.maximum() == 500
    assert window.findChild(QLabel, "statusProgressMessage").text() == "แถว 500"
    qtbot.mouseClick(window.findChild(QWidget, "statusProgressCancel"), Qt.MouseButton.LeftButton)
    assert cancelled == [True]
    window.finish_progress()
    assert not progress.isVisible()
    window.set_sync_state("ซิงก์แล้ว")
    assert window.findChild(QLabel, "syncStateLabel").isVisible()


def test_closing_stops_the_database_thread(open_window: Callable[[], MainWindow]) -> None:
    window = open_window()
    executor = window.executor
    window.close()
    with pytest.raises(RuntimeError):
        executor.submit(lambda session: None)


def test_the_real_members_view_is_a_page(open_window: Callable[[], MainWindow]) -> None:
    from desktop.members.view import MembersView

    window = open_window()
    assert window.page_keys() == ["home", "members", "duplicates"]
    assert isinstance(window.view("members"), MembersView)
    assert window.findChild(QWidget, "membersPage").findChild(QWidget, "membersView")


def test_the_real_members_view_gets_ctrl_n_and_f5_once(
    open_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    pytest.importorskip("desktop.members.view", reason="MembersView not landed")
    window = open_window()
    view = window.view("members")
    assert view is not None
    calls: list[str] = []
    view.new_member = lambda: calls.append("new")  # type: ignore[method-assign]
    view.refresh = lambda: calls.append("refresh")  # type: ignore[method-assign]
    window.show_page("members")
    search = view.findChild(QWidget, "memberSearch")
    search.setFocus()
    qtbot.waitUntil(search.hasFocus, timeout=2000)
    _press(qtbot, window, "Ctrl+N")
    _press(qtbot, window, "F5")
    assert calls == ["new", "refresh"]  # not ambiguous, not twice


def test_the_duplicates_review_is_a_page(
    open_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    from desktop.duplicates import DuplicatesView

    window = open_window()
    stack = window.findChild(QWidget, "pageStack")
    _press(qtbot, window, "Ctrl+3")
    assert window.current_page_key() == "duplicates"
    assert stack.currentWidget().objectName() == "duplicatesPage"
    assert isinstance(window.view("duplicates"), DuplicatesView)


def test_file_menu_opens_the_import_wizard_and_the_export_dialog(
    open_window: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    from desktop.io import ExportDialog, ImportWizard

    window = open_window()
    _press(qtbot, window, "Ctrl+I")
    qtbot.waitUntil(lambda: window.findChild(ImportWizard, "importWizard") is not None)
    window.findChild(ImportWizard, "importWizard").reject()
    window.show_page("members")
    _press(qtbot, window, "Ctrl+Shift+E")
    qtbot.waitUntil(lambda: window.findChild(ExportDialog, "exportDialog") is not None)
    window.findChild(ExportDialog, "exportDialog").reject()


def _leave_search_backlog(database: Database, upto: int) -> None:
    """As an import the app closed on leaves it: members 1..upto without search documents."""
    connection = database.raw_connection()
    try:
        connection.execute("DELETE FROM member_fts WHERE rowid <= ?", (upto,))
        add_search_backlog(connection, after=0, upto=upto)
    finally:
        connection.close()


def _backlog_and_whole(database: Database) -> tuple[object, bool]:
    connection = database.raw_connection()
    try:
        return search_backlog(connection), check_member_index(connection)
    finally:
        connection.close()


def test_search_documents_left_by_an_import_are_written_after_the_start(
    open_window: Callable[[], MainWindow], demo_database: Database, qtbot: QtBot
) -> None:
    _leave_search_backlog(demo_database, 50)
    window = open_window()
    assert not window.search_backlog.done()  # not while the window opens
    qtbot.waitUntil(window.search_backlog.done, timeout=20_000)
    assert window.search_backlog.indexed == 50
    assert _backlog_and_whole(demo_database) == (None, True)


def test_closing_at_once_leaves_the_search_backlog_for_the_next_start(
    demo_database: Database, qtbot: QtBot, qasync_loop: Any
) -> None:
    _leave_search_backlog(demo_database, 50)
    window = MainWindow(database=demo_database)
    qtbot.addWidget(window)
    window.close()
    qtbot.wait(2 * CHECKPOINT_AFTER_MS)
    assert not window.search_backlog.started
    backlog, whole = _backlog_and_whole(demo_database)
    assert backlog is not None and not whole


def _rename_first(*, session: Any, name: str) -> None:
    """A user's edit as the app makes them: read, then write, in one transaction."""
    connection = dbapi(session)
    (member_id,) = connection.execute("SELECT id FROM member ORDER BY rowid LIMIT 1").fetchone()
    connection.execute("UPDATE member SET nickname = ? WHERE id = ?", (name, member_id))


def test_the_backlog_is_written_on_the_database_thread_between_the_users_writes(
    open_window: Callable[[], MainWindow], demo_database: Database, qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(search_module, "BACKLOG_SLICE_ROWS", 2)  # 25 slices
    threads: set[str] = set()
    real = background_module.index_search_backlog_slice

    def slice_(**options: Any) -> tuple[int, bool]:
        threads.add(threading.current_thread().name)
        return real(**options)

    monkeypatch.setattr(background_module, "index_search_backlog_slice", slice_)
    _leave_search_backlog(demo_database, 50)
    window = open_window()
    qtbot.waitUntil(lambda: window.search_backlog.started, timeout=10_000)
    for number in range(5):  # the user's writes meanwhile: each goes between two slices
        window.executor.submit(_rename_first, name=f"ทดสอบ{number}").result(timeout=20)
    qtbot.waitUntil(window.search_backlog.done, timeout=20_000)
    assert window.search_backlog.indexed == 50
    assert threads and all(name.startswith("db") for name in threads)
    assert _backlog_and_whole(demo_database) == (None, True)
