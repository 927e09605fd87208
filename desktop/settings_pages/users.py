"""The Users & login page: the accounts engineer's ``UsersPanel``. Its changes (users, roles,
the login) apply at once through the database executor; the idle minutes are stored on OK or
Apply. The users are read when the page is first shown."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.accounts import UsersPanel
from desktop.db_worker import DbExecutor


class UsersPage(QWidget):
    def __init__(self, executor: DbExecutor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersSettingsPage")
        self.panel = UsersPanel(executor, self)
        self._loaded = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)

    def title(self) -> str:
        return self.tr("Users & login")

    def retranslate(self) -> None:
        """The panel retranslates itself; the title is read again by the window."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._loaded:
            self.load()
        super().showEvent(event)

    def load(self) -> None:
        self.panel.load()
        self._loaded = True

    def is_modified(self) -> bool:
        return False  # only the idle minutes wait for OK; save() finds out (a quick check)

    def validate(self) -> bool:
        return True  # the spin box only offers allowed minutes

    def save(self) -> bool:
        """Store the idle minutes when they changed; False (the panel says why) when refused."""
        return not self._loaded or self.panel.save()
