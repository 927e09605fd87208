"""The idle lock and the lock screen.

``IdleWatcher`` is an application event filter: any key, click, wheel or mouse move counts as
activity; after the configured idle minutes with none, it emits ``idle``. The lock screen then
covers the main window: an opaque curtain over the window's contents (so no personal data
stays on screen) and an application-modal sign-in dialog on top of it (so neither the window nor
its other dialogs take input or shortcuts). It closes when the same user's password is entered,
or another user signs in (their permissions then apply), or the user quits the app.
"""

from __future__ import annotations

import html
import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.accounts import UserInfo
from desktop.accounts.signin import SignInForm, Verifier

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
MAX_CHECK_MS = 10_000


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``idle_ms`` without user input (while enabled)."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._idle_ms = 0
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def set_idle_ms(self, idle_ms: int) -> None:
        """Lock after ``idle_ms`` idle milliseconds; 0 never locks."""
        self._idle_ms = idle_ms
        self._last = time.monotonic()
        if idle_ms > 0:
            self._timer.start(max(20, min(idle_ms // 4, MAX_CHECK_MS)))
        else:
            self._timer.stop()

    def idle_ms(self) -> int:
        return self._idle_ms

    def touch(self) -> None:
        self._last = time.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self._last = time.monotonic()
        return False

    def _check(self) -> None:
        if self._idle_ms and (time.monotonic() - self._last) * 1000 >= self._idle_ms:
            self._last = time.monotonic()
            self.idle.emit()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class _Curtain(QWidget):
    """An opaque cover over the main window's contents while it is locked."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("lockCurtain")
        self.setAutoFillBackground(True)
        self.setStyleSheet("QWidget#lockCurtain { background: #24415c; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        window.installEventFilter(self)
        self.setGeometry(window.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


class LockScreen(QDialog):
    """Covers the window until someone signs in; Esc does not close it."""

    unlocked = Signal(object)  # UserInfo who signed in
    quit_requested = Signal()

    def __init__(
        self, window: QMainWindow, verify: Verifier, *, user: UserInfo | None
    ) -> None:
        super().__init__(window)
        self.setObjectName("lockScreen")
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "QDialog#lockScreen { background: #24415c; }"
            " QFrame#lockCard { background: palette(window); border-radius: 10px; }"
        )
        self._window = window
        self._user = user
        self._may_close = False
        self._curtain = _Curtain(window)
        self._curtain.show()
        self._curtain.raise_()

        card = QFrame(self)
        card.setObjectName("lockCard")
        card.setFixedWidth(440)
        self.heading = QLabel(card)
        self.heading.setObjectName("lockHeading")
        self.note = QLabel(card)
        self.note.setObjectName("lockNote")
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # a display name is not markup
        self.note.setWordWrap(True)
        self.form = SignInForm(verify, card)
        if user is not None:
            self.form.set_username(user.username)
        self.form.signed_in.connect(self._on_signed_in)
        self.quit_button = QPushButton(card)
        self.quit_button.setObjectName("lockQuit")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self._quit)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.addWidget(self.heading)
        inner.addWidget(self.note)
        inner.addSpacing(6)
        inner.addWidget(self.form)
        row = QHBoxLayout()
        row.addWidget(self.quit_button)
        row.addStretch(1)
        inner.addLayout(row)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card)
        middle.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(1)
        self._retranslate()
        self.setGeometry(window.geometry() if window.isVisible() else window.rect())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Khrueakhai is locked"))
        if self._user is not None:
            heading = self.tr("Khrueakhai is locked")
            self.heading.setText(f"<h2>{html.escape(heading)}</h2>")
            self.note.setText(
                self.tr(
                    "Signed in as %1. Enter your password to continue, or sign in as"
                    " another user."
                ).replace("%1", self._user.label)
            )
        else:
            heading = self.tr("Sign in")
            self.heading.setText(f"<h2>{html.escape(heading)}</h2>")
            self.note.setText(
                self.tr("This register holds personal data. Sign in with your own user name.")
            )
        self.quit_button.setText(self.tr("Quit Khrueakhai"))

    def showEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        self.form.focus_first_empty()

    def _on_signed_in(self, user: UserInfo) -> None:
        self.finish()
        self.unlocked.emit(user)

    def _quit(self) -> None:
        self.finish()
        self.quit_requested.emit()

    def finish(self) -> None:
        """Take the lock screen and the curtain away."""
        self._may_close = True
        self._curtain.hide()
        self._curtain.deleteLater()
        self.accept()

    def reject(self) -> None:  # Esc: stays locked
        if self._may_close:
            super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close:
            event.ignore()
            return
        super().closeEvent(event)
