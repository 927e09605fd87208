"""Accounts in the running app: sign-in at start, Lock (Ctrl+L), Sign out, the idle lock, the guard.

- ``sign_in_at_start(database) -> bool``: before the main window is built. With the login off,
  the app runs with the default role (administrator); with it on, the login dialog asks; False
  when the user chose Quit.
- ``install_accounts(window, executor) -> AccountsController``: the main window calls it once;
  it reads the login settings, installs the permission guard and the idle lock, and gives the
  File menu its "Lock" and "Sign out" actions (``menu_actions()``). If the login is on and
  nobody has signed in (a window built by a tool), the window is locked at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow

from db.accounts import UserInfo, authenticate, login_settings
from db.engine import Database
from desktop.accounts.access import current_access
from desktop.accounts.guard import PermissionGuard
from desktop.accounts.lock import IdleWatcher, LockScreen
from desktop.accounts.signin import LoginDialog, Verifier, database_verifier
from desktop.accounts.texts import role_name
from desktop.db_worker import DbExecutor


def sign_in_at_start(database: Database) -> bool:
    """Set who uses the app from now on; False when the user quit at the login dialog."""
    access = current_access()
    with database.session() as session:
        settings = login_settings(session)
    access.configure(settings)
    if not settings.enabled:
        return True
    dialog = LoginDialog(database_verifier(database))
    dialog.setObjectName("loginDialog")
    if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.user is None:
        return False
    access.sign_in(dialog.user)
    return True


def executor_verifier(executor: DbExecutor) -> Verifier:
    def verify(username: str, password: str) -> UserInfo:
        return executor.submit(authenticate, username=username, password=password).result()

    return verify


class AccountsController(QObject):
    ms_per_minute = 60_000  # tests make minutes short

    def __init__(self, window: QMainWindow, executor: DbExecutor) -> None:
        super().__init__(window)
        self.setObjectName("accountsController")
        self._window = window
        self._executor = executor
        self._title = window.windowTitle()
        self._lock_screen: LockScreen | None = None
        self.access = current_access()
        self.lock_action = QAction(window)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(lambda _checked=False: self.lock())
        self.sign_out_action = QAction(window)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.triggered.connect(lambda _checked=False: self.sign_out())
        window.addAction(self.lock_action)
        window.addAction(self.sign_out_action)
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(self.lock)
        self.guard = PermissionGuard(window, self.access)
        self.access.accessChanged.connect(self._on_access_changed)
        window.installEventFilter(self)
        self.access.configure(executor.read_now(login_settings))  # -> _on_access_changed
        self._retranslate()
        if not self.access.signed_in:
            QTimer.singleShot(0, self, self._show_lock_screen)

    def menu_actions(self) -> tuple[QAction, ...]:
        return (self.lock_action, self.sign_out_action)

    def lock_screen(self) -> LockScreen | None:
        """The lock screen while the app is locked."""
        return self._lock_screen

    def is_locked(self) -> bool:
        return self._lock_screen is not None

    # -- locking -----------------------------------------------------------------------------
    def lock(self) -> None:
        """Cover the window until the same or another user signs in (login on only)."""
        if not self.access.login_enabled or self._lock_screen is not None:
            return
        self._show_lock_screen()

    def sign_out(self) -> None:
        if not self.access.login_enabled:
            return
        self.access.sign_out()
        if self._lock_screen is None:
            self._show_lock_screen()

    def reload_settings(self) -> None:
        """The login settings changed (the users panel): read them again."""
        self.access.configure(self._executor.read_now(login_settings))

    def _show_lock_screen(self) -> None:
        if self._lock_screen is not None:
            return
        self.idle.set_idle_ms(0)
        screen = LockScreen(
            self._window, executor_verifier(self._executor), user=self.access.user
        )
        screen.unlocked.connect(self._on_unlocked)
        screen.quit_requested.connect(self._on_quit)
        self._lock_screen = screen
        self._on_access_changed()
        screen.show()
        screen.raise_()
        screen.activateWindow()

    def _on_unlocked(self, user: UserInfo) -> None:
        self._forget_lock_screen()
        self.access.sign_in(user)  # permissions read again (the role may have changed)

    def _on_quit(self) -> None:
        self._forget_lock_screen()
        self._window.close()
        QApplication.closeAllWindows()

    def _forget_lock_screen(self) -> None:
        if self._lock_screen is not None:
            self._lock_screen.deleteLater()
            self._lock_screen = None

    # -- following the access ----------------------------------------------------------------
    def _on_access_changed(self) -> None:
        access = self.access
        active = access.login_enabled and access.signed_in and self._lock_screen is None
        self.lock_action.setEnabled(active)
        self.sign_out_action.setEnabled(active)
        self.idle.set_idle_ms(access.idle_minutes * self.ms_per_minute if active else 0)
        self._show_title()

    def _show_title(self) -> None:
        access = self.access
        if access.login_enabled and access.user is not None and access.signed_in:
            who = f"{access.user.label} ({role_name(access.user.role)})"
            self._window.setWindowTitle(f"{self._title} — {who}")
        else:
            self._window.setWindowTitle(self._title)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

    def _retranslate(self) -> None:
        self.lock_action.setText(QCoreApplication.translate("Accounts", "&Lock"))
        self.sign_out_action.setText(QCoreApplication.translate("Accounts", "Sign &out"))
        self._show_title()


def install_accounts(window: QMainWindow, executor: DbExecutor) -> AccountsController:
    return AccountsController(window, executor)
