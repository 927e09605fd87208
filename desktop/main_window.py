"""The main window: navigation between the views, menus, and the status bar.

The pages are listed in ``PAGES``; a later issue adds its view with one line there (Exchange,
Meetings). Page n (from 1) is shown with Ctrl+n. The window owns the one database executor of
the app (STYLE 2) and shuts it down when it closes.

The status bar shows the database file, the number of members, long work with a cancel button
(``start_progress`` / ``report_progress`` / ``finish_progress``), and later the sync state
(``set_sync_state``).
"""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QCoreApplication,
    QEvent,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QStatusBar,
    QStyle,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.dashboard import live_member_count
from db.engine import Database
from desktop import settings
from desktop.db_worker import Changes, DbExecutor
from desktop.home.reloader import Reloader
from desktop.io.background import resume_search_backlog, stop_background_work

log = logging.getLogger(__name__)

# The app's name, the same in every language (a proper name, so not translated).
WINDOW_TITLE = "เครือข่าย — Khrueakhai"
GEOMETRY_KEY = "mainWindow/geometry"
STATE_KEY = "mainWindow/state"
PAGE_KEY = "mainWindow/page"
COUNT_AREAS = ("members",)


# --- Pages -----------------------------------------------------------------------------------


def _home_view(executor: DbExecutor) -> QWidget:
    from desktop.home import HomeView

    return HomeView(executor)


def _members_view(executor: DbExecutor) -> QWidget:
    from desktop.members.view import MembersView

    return MembersView(executor)


def _duplicates_view(executor: DbExecutor) -> QWidget:
    from desktop.duplicates import DuplicatesView

    return DuplicatesView(executor)


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A page of the main window. ``create`` returns None when the view is not available."""

    key: str  # the page's objectName is f"{key}Page"
    title: str  # English, translated in the "MainWindow" context
    icon: QStyle.StandardPixmap
    create: Callable[[DbExecutor], QWidget | None]


PAGES: tuple[PageSpec, ...] = (
    PageSpec("home", QT_TRANSLATE_NOOP("MainWindow", "Home"),
             QStyle.StandardPixmap.SP_DirHomeIcon, _home_view),
    PageSpec("members", QT_TRANSLATE_NOOP("MainWindow", "Members"),
             QStyle.StandardPixmap.SP_FileDialogDetailedView, _members_view),
    PageSpec("duplicates", QT_TRANSLATE_NOOP("MainWindow", "Duplicates"),
             QStyle.StandardPixmap.SP_FileDialogContentsView, _duplicates_view),
)  # fmt: skip


@dataclass(slots=True)
class _Page:
    spec: PageSpec
    container: QWidget
    view: QWidget
    action: QAction
    item: QListWidgetItem


# --- Long work in the status bar -------------------------------------------------------------


class StatusProgress(QWidget):
    """A message, a progress bar and a cancel button in the status bar, hidden when idle.

    ``report`` may be called from any thread; reports are coalesced so a worker reporting every
    row costs one repaint per event-loop turn (STYLE 6).
    """

    _reported = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusProgress")
        self.label = QLabel(self)
        self.label.setObjectName("statusProgressMessage")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("statusProgressBar")
        self.bar.setMaximumWidth(180)
        self.bar.setMaximumHeight(16)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("statusProgressCancel")
        self.cancel_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogCancelButton)
        )
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._on_cancel: Callable[[], None] | None = None
        self._lock = threading.Lock()
        self._latest: tuple[int, int | None, str | None] = (0, None, None)
        self._pending = False
        self._reported.connect(self._apply, Qt.ConnectionType.QueuedConnection)
        self._retranslate()
        self.hide()

    def start(self, message: str, *, cancel: Callable[[], None] | None = None) -> None:
        self._on_cancel = cancel
        self.label.setText(message)
        self.bar.setRange(0, 0)  # busy until a report gives a total
        self.cancel_button.setVisible(cancel is not None)
        self.cancel_button.setEnabled(True)
        self.show()

    def report(self, done: int, total: int | None = None, message: str | None = None) -> None:
        with self._lock:
            self._latest = (done, total, message)
            if self._pending:
                return
            self._pending = True
        self._reported.emit()

    def finish(self) -> None:
        self._on_cancel = None
        self.hide()

    def _apply(self) -> None:
        with self._lock:
            done, total, message = self._latest
            self._pending = False
        if total is None or total <= 0:
            self.bar.setRange(0, 0)
        else:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if message is not None:
            self.label.setText(message)

    def _cancel(self) -> None:
        if self._on_cancel is not None:
            self.cancel_button.setEnabled(False)
            self._on_cancel()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.cancel_button.setToolTip(self.tr("Cancel"))


# --- The window ------------------------------------------------------------------------------


class MainWindow(QMainWindow):
    page_changed = Signal(str)  # the key of the page now shown

    def __init__(self, *, database: Database) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(WINDOW_TITLE)
        self._database = database
        self._executor = DbExecutor(database, self)
        self._pages: dict[str, _Page] = {}
        self._member_count: int | None = None
        self._closed = False
        self._count_reloader = Reloader(self._load_member_count, parent=self)

        self._build_pages()
        self._build_menus()
        self._build_status_bar()
        self._retranslate()
        self._executor.changes_applied.connect(self._on_changes_applied)
        home = self.view("home")
        if home is not None:
            home.member_activated.connect(self._open_member)
            home.summary_loaded.connect(self._on_summary_loaded)
        self._restore()
        # Once the event loop runs (the app shows the window before starting the asyncio loop).
        QTimer.singleShot(0, self._count_reloader, self._count_reloader.run_now)
        # Search documents an import left to write when the app last closed (db.search).
        self.search_backlog = resume_search_backlog(self._executor)

    # -- public -------------------------------------------------------------------------------
    @property
    def executor(self) -> DbExecutor:
        return self._executor

    @property
    def database(self) -> Database:
        return self._database

    def page_keys(self) -> list[str]:
        """The pages shown in the navigation, in order."""
        return list(self._pages)

    def page(self, key: str) -> QWidget | None:
        """The page (the container named f"{key}Page"), None when not available."""
        page = self._pages.get(key)
        return page.container if page else None

    def view(self, key: str) -> QWidget | None:
        """The view shown on page ``key`` (HomeView, MembersView, ...)."""
        page = self._pages.get(key)
        return page.view if page else None

    def current_page_key(self) -> str:
        current = self._stack.currentWidget()
        return next((key for key, p in self._pages.items() if p.container is current), "")

    def show_page(self, key: str) -> bool:
        """Show page ``key``; False when there is no such page."""
        page = self._pages.get(key)
        if page is None:
            return False
        self._navigation.setCurrentItem(page.item)  # -> _on_navigation
        return True

    def member_count(self) -> int | None:
        """The number of live members the status bar shows (None until counted)."""
        return self._member_count

    def refresh(self) -> None:
        """Reload what the current page shows, and the member count (F5)."""
        view = self.view(self.current_page_key())
        refresh = getattr(view, "refresh", None)
        if callable(refresh):
            refresh()
        self._count_reloader.run_now()

    def import_members(self) -> None:
        """Open the import wizard (Ctrl+I): an Excel/CSV sheet into the register."""
        from desktop.io import open_import_wizard

        open_import_wizard(self, self._executor)

    def export_members(self) -> None:
        """Open the export dialog (Ctrl+Shift+E) for the Members view's filter and selection."""
        from db.members.query import member_ids_for_keys
        from db.members.types import MemberFilter, MemberSort
        from desktop.io import open_export_dialog

        view = self.view("members")
        state = getattr(view, "state", None)
        filters = state.filters if state is not None else MemberFilter()
        sort = state.sort if state is not None else MemberSort()
        selected = getattr(view, "selected_keys", None)
        keys = list(selected()) if callable(selected) else []
        ids = self._executor.read_now(member_ids_for_keys, keys=keys) if keys else []
        open_export_dialog(
            self, self._executor, filters=filters, sort=sort, selected_member_ids=ids
        )

    def new_member(self) -> None:
        """Show the Members page and start a new member there (Ctrl+N)."""
        if not self.show_page("members"):
            self.statusBar().showMessage(self.tr("The members register is not available"), 5000)
            return
        view = self.view("members")
        start = getattr(view, "new_member", None)
        if callable(start):
            start()
            return
        action = self._view_action(view, self.new_member_action.shortcut())
        if action is not None:
            action.trigger()

    def open_settings(self) -> QWidget:
        """Open the settings dialog (window-modal, returns at once); returns it."""
        from desktop.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.settings_applied.connect(self._on_settings_applied)
        dialog.open()
        return dialog

    def show_about(self) -> QWidget:
        """Open the About box (returns at once); returns it."""
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # Long work and sync state in the status bar.
    def start_progress(self, message: str, *, cancel: Callable[[], None] | None = None) -> None:
        """Show long work in the status bar; ``cancel`` (if given) is called by its button."""
        self._progress.start(message, cancel=cancel)

    def report_progress(
        self, done: int, total: int | None = None, message: str | None = None
    ) -> None:
        """Progress of the long work (any thread)."""
        self._progress.report(done, total, message)

    def finish_progress(self) -> None:
        self._progress.finish()

    def set_sync_state(self, text: str, *, tooltip: str = "") -> None:
        """What the sync is doing ("" hides it)."""
        self._sync_label.setText(text)
        self._sync_label.setToolTip(tooltip)
        self._sync_label.setVisible(bool(text))

    # -- building -----------------------------------------------------------------------------
    def _build_pages(self) -> None:
        self._navigation = QListWidget(self)
        self._navigation.setObjectName("mainNavigation")
        self._navigation.setIconSize(QSize(22, 22))
        self._navigation.setSpacing(2)
        self._navigation.setFixedWidth(176)
        self._navigation.setStyleSheet(
            "QListWidget#mainNavigation { background: #24415c; border: none; padding-top: 8px;"
            " outline: 0; }"
            " QListWidget#mainNavigation::item { color: #e8eef4; padding: 9px 10px;"
            " border-radius: 6px; margin: 0 6px; }"
            " QListWidget#mainNavigation::item:selected { background: #3a6e9a; color: white; }"
            " QListWidget#mainNavigation::item:hover:!selected { background: #2f5577; }"
        )
        self._stack = QStackedWidget(self)
        self._stack.setObjectName("pageStack")
        self._page_group = QActionGroup(self)
        self._page_group.setExclusive(True)
        for number, spec in enumerate(PAGES, start=1):
            view = spec.create(self._executor)
            if view is None:
                continue
            container = QWidget(self._stack)
            container.setObjectName(f"{spec.key}Page")
            layout = QVBoxLayout(container)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(view)
            self._stack.addWidget(container)
            icon = self.style().standardIcon(spec.icon)
            item = QListWidgetItem(icon, "", self._navigation)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            action = QAction(icon, "", self)
            action.setObjectName(f"show{spec.key[:1].upper()}{spec.key[1:]}Action")
            action.setCheckable(True)
            if number <= 9:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, key=spec.key: self.show_page(key))
            self._page_group.addAction(action)
            self.addAction(action)
            self._pages[spec.key] = _Page(spec, container, view, action, item)
        self._navigation.currentItemChanged.connect(self._on_navigation)

        central = QWidget(self)
        central.setObjectName("centralWidget")
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._navigation)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.setObjectName("menuBar")
        self._file_menu = bar.addMenu("")
        self._file_menu.setObjectName("fileMenu")
        self.new_member_action = self._action("newMemberAction", "Ctrl+N", self.new_member)
        self.import_action = self._action("importMembersAction", "Ctrl+I", self.import_members)
        # Ctrl+E is the Members view's Edit.
        self.export_action = self._action(
            "exportMembersAction", "Ctrl+Shift+E", self.export_members
        )
        self.settings_action = self._action("settingsAction", "Ctrl+,", self.open_settings)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action("quitAction", "Ctrl+Q", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self._file_menu.addAction(self.new_member_action)
        self._file_menu.addAction(self.import_action)
        self._file_menu.addAction(self.export_action)
        self._file_menu.addSeparator()
        self._file_menu.addAction(self.settings_action)
        from desktop.backup import install_backups  # File > Backups…, scheduled backups

        self.backup_scheduler = install_backups(
            self, self._executor, self._file_menu, before=self.settings_action
        )
        self._file_menu.addSeparator()
        # Roles and the optional login: Lock (Ctrl+L), Sign out, the permission guard, idle lock.
        from desktop.accounts import install_accounts

        self.accounts = install_accounts(self, self._executor)
        self._file_menu.addActions(list(self.accounts.menu_actions()))
        self._file_menu.addSeparator()
        self._file_menu.addAction(self.quit_action)

        from desktop.history.undo import UndoController

        self._edit_menu = bar.addMenu("")
        self._edit_menu.setObjectName("editMenu")
        self.undo = UndoController(self._executor, self)  # Edit → Undo <what> (Ctrl+Z)
        self._edit_menu.addAction(self.undo.action)
        self._edit_menu.aboutToShow.connect(self.undo.refresh_now)

        self._view_menu = bar.addMenu("")
        self._view_menu.setObjectName("viewMenu")
        for page in self._pages.values():
            self._view_menu.addAction(page.action)
        self._view_menu.addSeparator()
        self.refresh_action = self._action("refreshAction", "F5", self.refresh)
        self._view_menu.addAction(self.refresh_action)

        self._help_menu = bar.addMenu("")
        self._help_menu.setObjectName("helpMenu")
        self.about_action = self._action("aboutAction", "", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self._help_menu.addAction(self.about_action)
        self._take_over_view_shortcuts()

    def _action(self, name: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # the shortcut works even with the menu bar hidden
        return action

    def _take_over_view_shortcuts(self) -> None:
        """A view's own action on a window shortcut (Ctrl+N, F5, ...) would make the key
        ambiguous, so that neither fires: the window's action keeps the key and passes it on
        (``new_member``, ``refresh``), and the view's action keeps it only while it has focus."""
        ours = {
            action.shortcut().toString()
            for action in self.actions()
            if not action.shortcut().isEmpty()
        } | {p.action.shortcut().toString() for p in self._pages.values()}
        for page in self._pages.values():
            for action in page.view.findChildren(QAction):
                if action.shortcut().toString() in ours:
                    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

    @staticmethod
    def _view_action(view: QWidget | None, shortcut: QKeySequence) -> QAction | None:
        if view is None or shortcut.isEmpty():
            return None
        for action in view.findChildren(QAction):
            if action.shortcut() == shortcut and action.isEnabled():
                return action
        return None

    def _build_status_bar(self) -> None:
        status = QStatusBar(self)
        status.setObjectName("statusBar")
        self.setStatusBar(status)
        self._database_label = QLabel(self._database.path.name, self)
        self._database_label.setObjectName("databaseLabel")
        self._database_label.setToolTip(str(self._database.path))
        self._count_label = QLabel("", self)
        self._count_label.setObjectName("memberCountLabel")
        self._progress = StatusProgress(self)
        self._sync_label = QLabel("", self)
        self._sync_label.setObjectName("syncStateLabel")
        self._sync_label.hide()
        status.addPermanentWidget(self._progress)
        status.addPermanentWidget(self._sync_label)
        status.addPermanentWidget(self._count_label)
        status.addPermanentWidget(self._database_label)

    # -- behaviour ----------------------------------------------------------------------------
    def _on_navigation(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        key = current.data(Qt.ItemDataRole.UserRole)
        page = self._pages[key]
        self._stack.setCurrentWidget(page.container)
        page.action.setChecked(True)
        self.page_changed.emit(key)

    def _open_member(self, member_id: str) -> None:
        if not self.show_page("members"):
            return
        show = getattr(self.view("members"), "show_member", None)
        if callable(show):
            show(member_id)

    def _on_changes_applied(self, changes: Changes, _initiator: object) -> None:
        if changes.touches(*COUNT_AREAS):
            self._count_reloader.request()

    async def _load_member_count(self) -> None:
        try:
            count = await self._executor.run(live_member_count)
        except Exception:
            log.exception("the members could not be counted")
            self._count_label.setText(self.tr("Members: ?"))
            return
        self._member_count = count
        self._show_member_count()

    def _on_summary_loaded(self, summary: object) -> None:
        total = getattr(summary, "total_members", None)
        if isinstance(total, int) and not self._count_reloader.is_pending():
            self._member_count = total  # the same figure, counted a moment ago
            self._show_member_count()

    def _show_member_count(self) -> None:
        if self._member_count is None:
            self._count_label.clear()
        else:
            self._count_label.setText(self.tr("%Ln member(s)", "", self._member_count))

    def _on_settings_applied(self) -> None:
        for page in self._pages.values():
            apply = getattr(page.view, "apply_settings", None)
            if callable(apply):
                apply()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._file_menu.setTitle(self.tr("&File"))
        self._edit_menu.setTitle(self.tr("&Edit"))
        self._view_menu.setTitle(self.tr("&View"))
        self._help_menu.setTitle(self.tr("&Help"))
        self.new_member_action.setText(self.tr("&New member…"))
        self.import_action.setText(self.tr("&Import members…"))
        self.export_action.setText(self.tr("&Export members…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.refresh_action.setText(self.tr("&Refresh"))
        self.about_action.setText(self.tr("&About Khrueakhai"))
        for page in self._pages.values():
            title = QCoreApplication.translate("MainWindow", page.spec.title)
            page.item.setText(title)
            keys = page.action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            page.item.setToolTip(f"{title} ({keys})" if keys else title)
            page.action.setText(title)
        self._navigation.setAccessibleName(self.tr("Pages"))
        self._database_label.setToolTip(
            self.tr("Database: %1").replace("%1", str(self._database.path))
        )
        self._show_member_count()

    # -- remembering the window ---------------------------------------------------------------
    def _restore(self) -> None:
        store = settings.settings()
        geometry = store.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 780)
        state = store.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        page = store.value(PAGE_KEY, PAGES[0].key)
        if not self.show_page(str(page)) and self._pages:
            self.show_page(next(iter(self._pages)))

    def save_window_state(self) -> None:
        store = settings.settings()
        store.setValue(GEOMETRY_KEY, self.saveGeometry())
        store.setValue(STATE_KEY, self.saveState())
        store.setValue(PAGE_KEY, self.current_page_key())
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        self.save_window_state()
        self._closed = True
        self._count_reloader.stop()
        self.undo.stop()
        for page in self._pages.values():
            shutdown = getattr(page.view, "shutdown", None)
            if callable(shutdown):
                shutdown()
        stop_background_work()  # a search backlog's rest waits for the next start
        self._executor.shutdown()
        event.accept()
        super().closeEvent(event)


def app_version() -> str:
    version = QCoreApplication.applicationVersion()
    if version:
        return version
    try:
        return metadata.version("khrueakhai")
    except metadata.PackageNotFoundError:
        return "?"


# Components whose licences the About box names: (name, licence, what it is for us).
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("Qt / Qt for Python (PySide6)", "LGPL-3.0"),
    ("SQLite", "Public domain"),
    ("SQLAlchemy, SQLModel, Alembic", "MIT"),
    ("qasync", "BSD-2-Clause"),
    ("ICU (PyICU)", "Unicode-3.0 / Apache-2.0"),
    ("python-stdnum", "LGPL-2.1-or-later"),
    ("uuid-utils", "BSD-3-Clause"),
    ("platformdirs", "MIT"),
    ("Faker", "MIT"),
)


def _licence_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        log.warning("licence file missing: %s", error)
        return QCoreApplication.translate("AboutDialog", "(licence file not found: %1)").replace(
            "%1", str(path)
        )


def sarabun_licence_path() -> Path:
    from desktop import fonts

    return fonts.font_dir().parent / "LICENSE"


def divisions_licence_path() -> Path:
    from db.reference.paths import reference_dir

    return reference_dir() / "thai-divisions" / "LICENSE"


class AboutDialog(QDialog):
    """Name, version, what the app is, and the licences of what it ships."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Khrueakhai"))
        self.resize(620, 560)
        heading = QLabel(f"<h2>{html.escape(WINDOW_TITLE)}</h2>", self)
        heading.setObjectName("aboutHeading")
        version = QLabel(self.tr("Version %1").replace("%1", html.escape(app_version())), self)
        version.setObjectName("aboutVersion")
        summary = QLabel(
            self.tr(
                "The member register and meeting planner of the networks of Thailand's"
                " local-government officials."
            ),
            self,
        )
        summary.setWordWrap(True)
        self.text = QTextBrowser(self)
        self.text.setObjectName("aboutText")
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(self._licences_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("aboutButtons")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(version)
        layout.addWidget(summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def _licences_html(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td>{html.escape(licence)}</td></tr>"
            for name, licence in COMPONENTS
        )
        link = '<a href="https://github.com/kongvut/thai-province-data">thai-province-data</a>'
        heading = html.escape(self.tr("Licences"))
        ships = html.escape(self.tr("Khrueakhai ships these fonts, data and components:"))
        font = html.escape(self.tr("The Sarabun font family: SIL Open Font License 1.1"))
        divisions = html.escape(
            self.tr("Thai provinces, districts and sub-districts from %1: MIT License")
        ).replace("%1", link)
        others = html.escape(self.tr("Other components"))
        sarabun_text = html.escape(_licence_text(sarabun_licence_path()))
        divisions_text = html.escape(_licence_text(divisions_licence_path()))
        return (
            f"<h3>{heading}</h3><p>{ships}</p><ul><li>{font}</li><li>{divisions}</li></ul>"
            f"<h4>{others}</h4><table cellspacing='0' cellpadding='3'>{rows}</table>"
            f"<h4>Sarabun — SIL Open Font License 1.1</h4><pre>{sarabun_text}</pre>"
            f"<h4>thai-province-data — MIT License</h4><pre>{divisions_text}</pre>"
        )
