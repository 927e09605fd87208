"""The settings window: a list of pages on the left, OK / Cancel / Apply below.

- General (``desktop.settings_pages.general``): interface language, the era dates are shown in,
  Thai digits in documents, kept in the user's QSettings. Read them with ``date_era()`` and
  ``thai_digits_in_documents()`` (re-exported here).
- Association (``desktop.settings_pages.association``): name, address, contacts, logo and
  signatories for printed documents, kept in the database (``db.association``).
- Backups (``desktop.backup.BackupSettingsPanel``): folder, schedule, how many to keep.
- Users & login (``desktop.accounts.UsersPanel``): its user changes apply at once; the idle
  minutes wait for OK.

The database pages are shown when the window has a database executor (given, or the parent main
window's). OK and Apply check every page first: a page with a problem is shown with its problems
and nothing at all is saved. Then the database pages are saved in turn (on the database thread;
the first that fails is shown and the rest, General included, are not saved), then the General
page (the language switches at once). Cancel saves nothing (the users panel's own buttons act at
once, as they say).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.db_worker import DbExecutor
from desktop.operations.tasks import TaskRunner
from desktop.settings_pages.association import AssociationPage
from desktop.settings_pages.general import (
    DATE_ERA_KEY,
    DEFAULT_ERA,
    ERAS,
    THAI_DIGITS_KEY,
    GeneralPage,
    date_era,
    save_display_settings,
    thai_digits_in_documents,
)

if TYPE_CHECKING:
    from desktop.settings_pages.backups import BackupsPage
    from desktop.settings_pages.users import UsersPage

    Page: TypeAlias = GeneralPage | AssociationPage | BackupsPage | UsersPage

__all__ = [
    "DATE_ERA_KEY",
    "DEFAULT_ERA",
    "ERAS",
    "THAI_DIGITS_KEY",
    "SettingsDialog",
    "date_era",
    "save_display_settings",
    "thai_digits_in_documents",
]


class SettingsDialog(QDialog):
    """Settings the user changes rarely. OK saves and applies them; Cancel changes nothing."""

    settings_applied = Signal()  # after OK or Apply: re-read date_era() etc.

    def __init__(
        self, parent: QWidget | None = None, *, executor: DbExecutor | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setMinimumSize(720, 520)
        if executor is None:
            found = getattr(parent, "executor", None)
            executor = found if isinstance(found, DbExecutor) else None
        self._tasks = TaskRunner(self)
        self._saving = False

        # Imported here: desktop.backup and desktop.accounts import views that read date_era()
        # from this module.
        from desktop.settings_pages.backups import BackupsPage
        from desktop.settings_pages.users import UsersPage

        self.general_page = GeneralPage(self)
        self.association_page = AssociationPage(executor, self) if executor else None
        self.backups_page = BackupsPage(executor, self) if executor else None
        self.users_page = UsersPage(executor, self) if executor else None
        self._pages: list[Page] = [self.general_page]
        for page in (self.association_page, self.backups_page, self.users_page):
            if page is not None:
                self._pages.append(page)

        self.page_list = QListWidget(self)
        self.page_list.setObjectName("settingsPageList")
        self.page_stack = QStackedWidget(self)
        self.page_stack.setObjectName("settingsPages")
        for page in self._pages:
            self.page_list.addItem("")
            self.page_stack.addWidget(page)
        self.page_list.currentRowChanged.connect(self.page_stack.setCurrentIndex)
        self.page_list.setCurrentRow(0)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        self.buttons.setObjectName("settingsButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)

        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.page_stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for row, page in enumerate(self._pages):
            self.page_list.item(row).setText(page.title())
        width = max(self.page_list.sizeHintForColumn(0), 80) + 24
        self.page_list.setFixedWidth(width)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- pages -------------------------------------------------------------------------------
    def page_titles(self) -> list[str]:
        return [self.page_list.item(row).text() for row in range(self.page_list.count())]

    def show_page(self, page: Page) -> None:
        self.page_list.setCurrentRow(self._pages.index(page))

    def is_saving(self) -> bool:
        return self._saving

    # kept for callers of the one-page dialog
    def selected_language(self) -> str:
        return self.general_page.selected_language()

    def selected_era(self) -> str:
        return self.general_page.selected_era()

    # -- OK / Apply / Cancel -----------------------------------------------------------------
    def _all_valid(self) -> bool:
        for page in self._pages:
            if not page.validate():
                self.show_page(page)
                return False
        return True

    def accept(self) -> None:
        self._save(close=True)

    def apply(self) -> None:
        self._save(close=False)

    def reject(self) -> None:
        if not self._saving:  # a write under way finishes first
            super().reject()

    def _async_pages(self) -> list[AssociationPage | BackupsPage]:
        """The pages to save on the database thread now (those changed)."""
        pages = (self.association_page, self.backups_page)
        return [p for p in pages if p is not None and p.is_modified()]

    def _save(self, *, close: bool) -> None:
        if self._saving or not self._all_valid():
            return
        if self._async_pages():
            self._tasks.spawn(self._save_then_finish(close=close))
        else:
            self._finish(close=close)

    async def _save_then_finish(self, *, close: bool) -> None:
        self._set_saving(True)
        try:
            for page in self._async_pages():
                if not await page.save():
                    self.show_page(page)
                    return
        finally:
            self._set_saving(False)
        self._finish(close=close)

    def _finish(self, *, close: bool) -> None:
        if self.users_page is not None and not self.users_page.save():
            self.show_page(self.users_page)
            return
        self.general_page.save()  # the language switches here
        if close:
            super().accept()
        self.settings_applied.emit()

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.buttons.setEnabled(not saving)
        for page in self._pages:
            page.setEnabled(not saving)
