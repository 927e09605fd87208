"""The application: QApplication set-up, the main window, and running on the qasync loop.

- ``create_application(argv)``: name, icon, the bundled Sarabun font, translators.
- ``build_main_window(db_path)``: the main window on an open database, without an event loop
  (for tests and tools).
- ``run(argv)``: what ``python -m desktop`` does: arguments, log file, one instance per database,
  error dialog for unexpected exceptions, the window on the qasync event loop.
"""

from __future__ import annotations

import argparse
import asyncio
import faulthandler
import hashlib
import logging
import logging.handlers
import platform
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import qasync
from PySide6.QtCore import (
    QCoreApplication,
    QLockFile,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop import fonts, i18n, settings

if TYPE_CHECKING:
    from db.engine import Database

log = logging.getLogger(__name__)

EXIT_DATABASE_IN_USE = 3
EXIT_START_FAILED = 4
EXIT_DAMAGED_DATABASE = 5
LOG_FILE_NAME = "khrueakhai.log"
DEMO_MEMBERS = 5000
DEMO_SEED = 1


def app_version() -> str:
    try:
        return metadata.version("khrueakhai")
    except metadata.PackageNotFoundError:
        return "unknown"


def app_icon() -> QIcon:
    icons = settings.resource_dir() / "icons"
    icon = QIcon(str(icons / "khrueakhai.svg"))
    icon.addFile(str(icons / "khrueakhai.png"))
    return icon


def create_application(
    argv: Sequence[str] | None = None, *, language: str | None = None
) -> QApplication:
    """The QApplication (created if there is none) with name, icon, font and translators."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        QCoreApplication.setOrganizationName(settings.ORGANISATION)
        QCoreApplication.setApplicationName(settings.APPLICATION)
        QCoreApplication.setApplicationVersion(app_version())
        if sys.platform == "win32":  # the taskbar shows our icon, not Python's
            import ctypes

            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("Khrueakhai.Khrueakhai")
        app = QApplication(list(argv) if argv else [sys.argv[0] if sys.argv else "khrueakhai"])
    assert isinstance(app, QApplication)
    app.setDesktopFileName("khrueakhai")
    app.setWindowIcon(app_icon())
    try:
        fonts.apply_default_font(app)
    except fonts.FontError:
        log.exception("the Sarabun font could not be loaded; Thai may not display")
    i18n.install(app, language)
    return app


# --- The main window -------------------------------------------------------------------------


def open_database(db_path: Path | None, *, demo: bool = False) -> Database:
    """Open (migrating) the database; with ``demo``, fill an empty one with demo members."""
    from db.engine import open_database as open_db

    database = open_db(db_path)
    if demo:
        from db.members.query import count_members
        from db.members.types import MemberFilter

        with database.session() as session:
            empty = count_members(session, filters=MemberFilter()) == 0
        if empty:
            from db.demo import populate

            log.info("filling %s with %d demo members", database.path, DEMO_MEMBERS)
            populate(database, members=DEMO_MEMBERS, seed=DEMO_SEED)
    return database


def build_main_window(db_path: Path | None = None, *, demo: bool = False) -> QMainWindow:
    """The main window on the database at ``db_path`` (default: the user's), not yet shown.

    Creates the QApplication when there is none; does not start the event loop.
    """
    if QApplication.instance() is None:
        create_application()
    from desktop.main_window import MainWindow

    return MainWindow(database=open_database(db_path, demo=demo))


def bring_to_front(window: QWidget) -> None:
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


# --- One instance per database ---------------------------------------------------------------


class InstanceGuard:
    """Holds a lock next to the database file so only one app opens it at a time.

    The running app also listens on a local socket named after the database, so a second start
    can ask it to come to the front instead of opening the database again.
    """

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.lock_path = db_path.with_name(db_path.name + ".lock")
        owner = f"{platform.node()}|{_user_name()}|{db_path}"
        self.server_name = "khrueakhai-" + hashlib.sha256(owner.encode()).hexdigest()[:24]
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # stale only when the holder is gone (same computer)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        return self._lock.tryLock(0)

    def holder(self) -> str:
        """Who holds the lock: 'pid on host' (empty when unknown)."""
        info = self._lock.getLockInfo()  # PySide6 gives (pid, hostname, appname)
        try:
            pid, host = int(info[-3]), str(info[-2])
        except (TypeError, IndexError, ValueError):
            return ""
        return f"{pid} on {host}" if pid > 0 else ""

    def listen(self, on_activate: Callable[[], None]) -> bool:
        """Call ``on_activate`` whenever another start asks for this database's window."""
        self._server = QLocalServer()
        QLocalServer.removeServer(self.server_name)  # a socket left by a crash; we hold the lock
        if not self._server.listen(self.server_name):
            log.warning("cannot listen on %s: %s", self.server_name, self._server.errorString())
            return False

        def on_connection() -> None:
            assert self._server is not None
            # The connection itself is the request; what the other start writes is not read.
            while (socket := self._server.nextPendingConnection()) is not None:
                socket.disconnected.connect(socket.deleteLater)
                log.info("another start asked for the window of %s", self.db_path)
                on_activate()

        self._server.newConnection.connect(on_connection)
        return True

    def notify_running(self, timeout_ms: int = 2000) -> bool:
        """Ask the app holding the lock to show its window; True when it was told.

        Connecting is the request (the running app may be gone again a moment later, so
        nothing waits for an answer).
        """
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(b"activate\n")
        socket.flush()
        socket.abort()
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def _user_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in the environment
        return ""


def tell_database_in_use(guard: InstanceGuard) -> None:
    holder = guard.holder()
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Application", "Database in use"),
        QCoreApplication.translate(
            "Application", "The database %1 is already open in another Khrueakhai window."
        ).replace("%1", str(guard.db_path)),
    )
    box.setObjectName("databaseInUseBox")
    box.setInformativeText(
        QCoreApplication.translate(
            "Application",
            "Close the other window first. If no other Khrueakhai is running (process %1), "
            "delete the file %2 and start again.",
        )
        .replace("%1", holder or "?")
        .replace("%2", str(guard.lock_path))
    )
    box.exec()


# --- Errors and logging ----------------------------------------------------------------------


class ErrorDialog(QDialog):
    """A short message for the user, with the details they can copy for support."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setMinimumWidth(520)
        message = QLabel(
            self.tr(
                "Khrueakhai ran into an unexpected problem. Work you have already saved is safe."
                " If this happens again, copy the details and send them to whoever supports"
                " the program."
            )
        )
        message.setObjectName("errorMessage")
        message.setWordWrap(True)
        self._details = QPlainTextEdit(details)
        self._details.setObjectName("errorDetails")
        self._details.setReadOnly(True)
        self._details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("closeButton")
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setObjectName("copyDetailsButton")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self._details)
        layout.addWidget(buttons)

    def details(self) -> str:
        return self._details.toPlainText()

    def add_details(self, details: str) -> None:
        self._details.appendPlainText("\n" + details)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
        self.copy_button.setText(self.tr("Copied"))


class _ErrorRelay(QObject):
    """Carries errors from other threads to the GUI thread (queued signal)."""

    raised = Signal(str)


_error_dialog: ErrorDialog | None = None
_relay: _ErrorRelay | None = None


def open_error_dialog() -> ErrorDialog | None:
    """The error dialog on screen, if there is one."""
    dialog = _error_dialog
    return dialog if dialog is not None and isValid(dialog) and dialog.isVisible() else None


def show_error(details: str, *, modal: bool = False) -> ErrorDialog:
    """Show the error dialog (one at a time: later errors are added to the open one)."""
    global _error_dialog
    if (shown := open_error_dialog()) is not None:
        shown.add_details(details)
        return shown
    _error_dialog = ErrorDialog(details, QApplication.activeWindow())
    _error_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if modal:
        _error_dialog.exec()
    else:
        _error_dialog.show()
        _error_dialog.raise_()
    return _error_dialog


def error_details(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    header = (
        f"Khrueakhai {app_version()} · Python {platform.python_version()} · Qt {qVersion()}"
        f" · {platform.platform()}"
    )
    return header + "\n" + "".join(traceback.format_exception(exc_type, exc, tb))


def report_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    """The exception hook: log the traceback and tell the user in a dialog."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    details = error_details(exc_type, exc, tb)
    log.critical("unexpected error\n%s", details)
    if QApplication.instance() is None:
        return
    if threading.current_thread() is threading.main_thread():
        show_error(details)
    elif _relay is not None:
        _relay.raised.emit(details)


def _on_thread_exception(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is not None:
        report_exception(args.exc_type, args.exc_value, args.exc_traceback)


def _on_loop_exception(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    exc = context.get("exception")
    if isinstance(exc, BaseException):
        report_exception(type(exc), exc, exc.__traceback__)
    else:
        log.error("asyncio: %s", context.get("message"))


def install_exception_hooks() -> None:
    """Route unexpected exceptions (GUI thread, other threads) to the log and the dialog."""
    global _relay
    if _relay is None:
        _relay = _ErrorRelay()
        _relay.raised.connect(show_error, Qt.ConnectionType.QueuedConnection)
    sys.excepthook = report_exception
    threading.excepthook = _on_thread_exception


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def configure_logging(level: int = logging.INFO) -> Path:
    """Log to a rotating file in the user's log folder (and to stderr when there is one).

    Hard crashes (a fault in native code) are written to ``crash.log`` beside it.
    """
    directory = settings.log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LOG_FILE_NAME
    root = logging.getLogger()
    if not any(getattr(handler, "_khrueakhai", False) for handler in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True
        )
        handler._khrueakhai = True  # type: ignore[attr-defined]
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s")
        )
        root.addHandler(handler)
        if sys.stderr is not None:  # a windowed Windows program has no stderr
            console = logging.StreamHandler()
            console.setLevel(logging.WARNING)
            root.addHandler(console)
        crash_file = (directory / "crash.log").open("a", encoding="utf-8")
        faulthandler.enable(crash_file)
        qInstallMessageHandler(_qt_message)
    root.setLevel(level)
    return path


# --- Running ---------------------------------------------------------------------------------


def parse_arguments(args: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest (left for Qt, e.g. ``-platform offscreen``)."""
    parser = argparse.ArgumentParser(
        prog="khrueakhai",
        description="Khrueakhai (เครือข่าย): the register of local-government officials' networks.",
        allow_abbrev=False,
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="database file (default: khrueakhai.sqlite in the user's data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=f"fill an empty database with {DEMO_MEMBERS} demo members",
    )
    parser.add_argument(
        "--lang",
        choices=sorted(i18n.LANGUAGES),
        help="interface language for this start (default: the saved one, Thai)",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check the installation (database, Thai font), print the result, "
        "exit 0 when all is well",
    )
    return parser.parse_known_args(list(args))


def run(argv: Sequence[str]) -> int:
    """Start the app; returns the exit code."""
    args, qt_args = parse_arguments(argv[1:])
    program = argv[0] if argv else "khrueakhai"
    log_path = configure_logging()
    log.info("Khrueakhai %s starting (log %s)", app_version(), log_path)
    if args.self_check:
        from desktop.self_check import run_self_check

        return run_self_check([program, *qt_args])
    app = create_application([program, *qt_args], language=args.lang)
    install_exception_hooks()

    from db.engine import default_db_path

    db_path = Path(args.db) if args.db else default_db_path()
    guard = InstanceGuard(db_path.absolute())
    if not guard.acquire():
        if guard.notify_running():
            log.info("%s is open in another window; asked it to come forward", db_path)
            return 0
        tell_database_in_use(guard)
        return EXIT_DATABASE_IN_USE
    database: Database | None = None
    start_check = None
    try:
        try:
            from desktop.backup import StartCheck  # a damaged database is never opened
            from desktop.main_window import MainWindow

            start_check = StartCheck(db_path)
            if not start_check.run():
                log.warning("%s is damaged and was not restored: quitting", db_path)
                return EXIT_DAMAGED_DATABASE
            database = open_database(db_path, demo=args.demo)
            from desktop.accounts import sign_in_at_start

            if not sign_in_at_start(database):  # the login is on and the user chose Quit
                return 0
            window = MainWindow(database=database)
        except Exception:
            details = error_details(*sys.exc_info())  # type: ignore[arg-type]
            log.critical("could not start\n%s", details)
            show_error(details, modal=True)
            return EXIT_START_FAILED
        guard.listen(lambda: bring_to_front(window))
        window.show()
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        loop.set_exception_handler(_on_loop_exception)
        with loop:
            code = loop.run_forever()
        log.info("Khrueakhai exiting with code %s", code)
        return int(code)
    finally:
        if database is not None:
            database.dispose()
            if start_check is not None and start_check.closed():
                log.info("closed %s cleanly", db_path)
        guard.release()
