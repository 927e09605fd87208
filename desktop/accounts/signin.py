"""Signing in: the form (user name, password, message) and the login dialog shown at start.

The password is checked off the UI thread (argon2 takes ~0.1 s on purpose): ``verify(username,
password)`` runs on a helper thread and its answer comes back by a queued signal. At start the
verifier opens its own session (there is no executor yet); in the running app it runs on the
database executor's thread.
"""

from __future__ import annotations

import contextlib
import html
import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.accounts import AccountError, UserInfo, authenticate
from db.engine import Database
from desktop.accounts.texts import error_text

Verifier = Callable[[str, str], UserInfo]  # blocking; raises AccountError
RETRY_DELAY_MS = 800  # after a refusal, the button waits a moment (slows guessing by hand)
ERROR_STYLE = "color: #c62828"


def database_verifier(database: Database) -> Verifier:
    def verify(username: str, password: str) -> UserInfo:
        with database.session() as session:
            return authenticate(session, username=username, password=password)

    return verify


class _Relay(QObject):
    answered = Signal(object, object)  # (UserInfo | None, BaseException | None)


class SignInForm(QWidget):
    """User name, password, a message line and a sign-in button; Enter signs in."""

    signed_in = Signal(object)  # UserInfo
    refused = Signal(str)  # the error code

    def __init__(self, verify: Verifier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signInForm")
        self._verify = verify
        self._busy = False
        self._relay = _Relay(self)
        self._relay.answered.connect(self._on_answer, Qt.ConnectionType.QueuedConnection)
        self.username = QLineEdit(self)
        self.username.setObjectName("loginUsername")
        self.username.setMaxLength(64)
        self.password = QLineEdit(self)
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        self.message = QLabel(self)
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.sign_in_button = QPushButton(self)
        self.sign_in_button.setObjectName("loginButton")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.username.returnPressed.connect(self._on_username_return)
        self.password.returnPressed.connect(self.submit)
        self._form = QFormLayout()
        self._username_label = QLabel(self)
        self._password_label = QLabel(self)
        self._form.addRow(self._username_label, self.username)
        self._form.addRow(self._password_label, self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._form)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.sign_in_button)
        layout.addLayout(row)
        self._retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self._username_label.setText(self.tr("User name"))
        self._password_label.setText(self.tr("Password"))
        self.sign_in_button.setText(self.tr("Sign in"))

    def set_username(self, username: str) -> None:
        self.username.setText(username)

    def focus_first_empty(self) -> None:
        (self.password if self.username.text() else self.username).setFocus()

    def is_busy(self) -> bool:
        return self._busy

    def _on_username_return(self) -> None:
        if self.password.text():
            self.submit()
        else:
            self.password.setFocus()

    def submit(self) -> None:
        """Check the typed name and password (off the UI thread)."""
        if self._busy:
            return
        username = self.username.text().strip()
        password = self.password.text()
        if not username or not password:
            self.message.setText(self.tr("Type your user name and password."))
            self.focus_first_empty()
            return
        self._busy = True
        self.sign_in_button.setEnabled(False)
        self.message.setStyleSheet("color: #5f6b73")
        self.message.setText(self.tr("Checking…"))
        relay = self._relay

        def work() -> None:
            try:
                answer: tuple[UserInfo | None, Exception | None] = (
                    self._verify(username, password), None
                )
            except Exception as error:  # given back to the UI thread, shown there
                answer = (None, error)
            with contextlib.suppress(RuntimeError):  # the form was closed meanwhile
                relay.answered.emit(*answer)

        threading.Thread(target=work, name="sign-in", daemon=True).start()

    def _on_answer(self, user: UserInfo | None, error: BaseException | None) -> None:
        self._busy = False
        if user is not None:
            self.message.clear()
            self.password.clear()
            self.sign_in_button.setEnabled(True)
            self.signed_in.emit(user)
            return
        self.message.setStyleSheet(ERROR_STYLE)
        if isinstance(error, AccountError):
            self.message.setText(error_text(error))
            code = error.code
        else:
            self.message.setText(self.tr("Could not sign in: %1").replace("%1", str(error)))
            code = "error"
        self.password.clear()
        self.password.setFocus()
        QTimer.singleShot(RETRY_DELAY_MS, self, lambda: self.sign_in_button.setEnabled(True))
        self.refused.emit(code)


class LoginDialog(QDialog):
    """Shown at start when the login is on: sign in, or quit."""

    def __init__(self, verify: Verifier, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.user: UserInfo | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("loginHeading")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.form = SignInForm(verify, self)
        self.form.signed_in.connect(self._on_signed_in)
        self.quit_button = QPushButton(self)
        self.quit_button.setObjectName("loginQuit")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addSpacing(8)
        layout.addWidget(self.form)
        row = QHBoxLayout()
        row.addWidget(self.quit_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.setMinimumWidth(420)
        self._retranslate()
        self.form.focus_first_empty()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in — Khrueakhai"))
        heading = self.tr("Sign in")
        self.heading.setText(f"<h2>{html.escape(heading)}</h2>")
        self.note.setText(
            self.tr("This register holds personal data. Sign in with your own user name.")
        )
        self.quit_button.setText(self.tr("Quit"))

    def _on_signed_in(self, user: UserInfo) -> None:
        self.user = user
        self.accept()

    def reject(self) -> None:
        if not self.form.is_busy():
            super().reject()
