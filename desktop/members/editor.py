"""The member editor: keyboard-first entry with inline validation, and "save and new".

Enter saves (Ctrl+Enter inside the address and notes); Ctrl+Shift+S or Alt+N saves and clears
the form for the next person, keeping organisation and position; Esc asks before throwing
changes away. Errors appear under their fields, in the UI language, translated by the error's
code; the dialog stays open and keeps everything typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.members.profile import position_suggestions, strength_suggestions
from db.members.types import (
    FieldError,
    MemberInput,
    MemberProfile,
    MemberValidationError,
    OrganisationChoice,
)
from db.organisations import organisation_suggestions
from desktop.accounts import current_access, for_display
from desktop.db_worker import DbExecutor
from desktop.members.editor_form import MemberForm
from desktop.members.field_errors import UNREADABLE_DATE, field_error_text
from desktop.members.labels import ViewLabels
from desktop.operations import members as operations
from desktop.operations.tasks import TaskRunner
from desktop.widgets.async_completer import AsyncCompleter

SUGGESTION_LIMIT = 30
STRENGTH_LIMIT = 1_000


class MemberEditorDialog(QDialog):
    member_saved = Signal(str)  # member id, after each successful save

    def __init__(
        self,
        executor: DbExecutor,
        labels: ViewLabels,
        *,
        profile: MemberProfile | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("memberEditor")
        self._executor = executor
        self._member_id = profile.data.id if profile else None
        self._organisation_choices: list[OrganisationChoice] = []
        self._saving = False
        self.tasks = TaskRunner(self)
        self.form = MemberForm(labels, self)
        self.saved_count = 0

        scroll = QScrollArea(self)
        scroll.setObjectName("memberEditorScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.status = QLabel(self)
        self.status.setObjectName("editorStatus")
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveMember")
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save and close (Enter)"))
        self.save_new_button = QPushButton(self.tr("Save and new"), self)
        self.save_new_button.setObjectName("saveAndNew")
        self.save_new_button.setAutoDefault(False)
        self.save_new_button.setToolTip(
            self.tr("Save, then enter the next person of the same organisation (Ctrl+Shift+S)")
        )
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelMember")
        self.cancel_button.setAutoDefault(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.save_new_button, QDialogButtonBox.ButtonRole.ApplyRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(lambda: self.tasks.spawn(self.save(and_new=False)))
        self.save_new_button.clicked.connect(lambda: self.tasks.spawn(self.save(and_new=True)))
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._shortcuts: list[QShortcut] = []
        for keys in ("Ctrl+Shift+S", "Alt+N"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda: self.tasks.spawn(self.save(and_new=True)))
            self._shortcuts.append(shortcut)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda: self.tasks.spawn(self.save(and_new=False)))
            self._shortcuts.append(shortcut)
        # A role that may not edit (or not see personal data) gets the member to read only,
        # with the national ID masked and no birth date when personal data is hidden from it.
        permissions = current_access().permissions
        self._read_only = not (permissions.can_edit_members and permissions.can_see_personal_data)
        self._personal_hidden = not permissions.can_see_personal_data

        self._organisations = AsyncCompleter(self.form.organisation, self._suggest_organisations)
        self._organisations.chosen.connect(self._on_organisation_chosen)
        self._positions = AsyncCompleter(self.form.position, self._suggest_positions)
        self.tasks.spawn(self._load_strengths())

        if profile is not None:
            data = for_display(profile.data)
            choice = None
            if data.organisation_id:
                choice = OrganisationChoice(
                    id=data.organisation_id,
                    name=profile.organisation_name,
                    type_code="",
                    province_name=profile.province_name,
                )
            self.form.load(data, choice)
            name = f"{data.prefix}{data.first_name} {data.last_name}".strip()
            self.setWindowTitle(self.tr("Edit member: {name}").format(name=name))
            self.save_new_button.setVisible(False)
        else:
            self.form.load(MemberInput(first_name=""), None)
            self.setWindowTitle(self.tr("New member"))
        if self._read_only:
            self._make_read_only(profile)
        self._snapshot = self.form.collect(self._member_id)
        self.resize(980, 720)
        self.form.first_field().setFocus()

    def is_read_only(self) -> bool:
        return self._read_only

    def _make_read_only(self, profile: MemberProfile | None) -> None:
        self.form.set_read_only(True, personal_data_hidden=self._personal_hidden)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
        self.save_button.setVisible(False)
        self.save_new_button.setVisible(False)
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setDefault(True)
        self.status.setStyleSheet("color: #5f6b73")
        self.status.setText(self.tr("Read only: your role does not allow changing members."))
        if profile is not None:
            data = profile.data
            name = f"{data.prefix}{data.first_name} {data.last_name}".strip()
            self.setWindowTitle(self.tr("Member: {name} (read only)").format(name=name))

    # -- suggestions -------------------------------------------------------------------------
    async def _suggest_organisations(self, text: str) -> Sequence[str]:
        choices = await self._executor.run(
            organisation_suggestions, text=text, limit=SUGGESTION_LIMIT
        )
        self._organisation_choices = list(choices)
        return [choice.label for choice in choices]

    async def _suggest_positions(self, text: str) -> Sequence[str]:
        return await self._executor.run(position_suggestions, text=text, limit=SUGGESTION_LIMIT)

    async def _load_strengths(self) -> None:
        tags = await self._executor.run(strength_suggestions, text="", limit=STRENGTH_LIMIT)
        self.form.strengths.set_suggestions(tags)

    def _on_organisation_chosen(self, row: int) -> None:
        if 0 <= row < len(self._organisation_choices):
            self.form.set_organisation(self._organisation_choices[row])

    def organisation_completer(self) -> AsyncCompleter:
        return self._organisations

    def position_completer(self) -> AsyncCompleter:
        return self._positions

    # -- saving ------------------------------------------------------------------------------
    def member_id(self) -> str | None:
        return self._member_id

    def is_dirty(self) -> bool:
        return self.form.collect(self._member_id) != self._snapshot

    def _local_errors(self) -> list[FieldError]:
        """Problems found before asking the database: unreadable dates, an unchosen org."""
        errors = [
            FieldError(field=name, code=UNREADABLE_DATE, message=edit.error_message())
            for name, edit in self.form.date_fields().items()
            if not edit.is_valid()
        ]
        if self.form.organisation_pending():
            errors.append(
                FieldError(
                    field="organisation_id",
                    code="organisation_not_chosen",
                    message="type part of the name and choose from the list",
                )
            )
        return errors

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        self.form.clear_errors()
        shown: list[str] = []
        for error in errors:
            field = error.field if error.field in self.form.errors else "first_name"
            previous = self.form.error_text(field)
            text = field_error_text(error)
            self.form.show_error(field, f"{previous}\n{text}" if previous else text)
            shown.append(field)
        if shown:
            self.status.setStyleSheet("color: #c62828")
            self.status.setText(
                self.tr("Not saved: correct the {count} marked fields.").format(count=len(shown))
                if len(shown) > 1
                else self.tr("Not saved: correct the marked field.")
            )
            ordered = [f for f in self.form.widgets if f in shown]
            self.form.focus_field(ordered[0] if ordered else shown[0])

    async def save(self, *, and_new: bool) -> str | None:
        """Validate and save; returns the member's id, or None (errors shown, nothing lost)."""
        if self._saving or self._read_only:
            return None
        self.form.strengths.commit_pending()
        local = self._local_errors()
        if local:
            self.show_errors(local)
            return None
        data = self.form.collect(self._member_id)
        self._saving = True
        self.save_button.setEnabled(False)
        self.save_new_button.setEnabled(False)
        try:
            member_id = await operations.save_member(
                self._executor, data=data, parent=self, initiator=self.parent()
            )
        except MemberValidationError as error:
            self.show_errors(error.errors)
            return None
        finally:
            self._saving = False
            self.save_button.setEnabled(True)
            self.save_new_button.setEnabled(True)
        if member_id is None:
            return None  # the operation showed why
        self.saved_count += 1
        self.member_saved.emit(member_id)
        if and_new and self._member_id is None:
            name = f"{data.prefix}{data.first_name} {data.last_name}".strip()
            self.form.reset_for_next()
            self._snapshot = self.form.collect(None)
            self.status.setStyleSheet("color: #2e7d32")
            self.status.setText(self.tr("Saved {name}. Enter the next person.").format(name=name))
            self.form.first_field().setFocus()
        else:
            self._snapshot = data
            self.accept()
        return member_id

    # -- closing -----------------------------------------------------------------------------
    def reject(self) -> None:
        if self.is_dirty() and not self._confirm_discard():
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.result() == 0 and self.is_dirty() and not self._confirm_discard():
            event.ignore()
            return
        self._snapshot = self.form.collect(self._member_id)  # asked once is enough
        super().closeEvent(event)

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard changes?"),
            self.tr("The changes to this member have not been saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self._snapshot = self.form.collect(self._member_id)
            return True
        return False
