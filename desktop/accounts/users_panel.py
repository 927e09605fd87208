"""The users page of the settings dialog: users of this PC, their roles, and the login.

Embedding: ``panel = UsersPanel(executor)``; call ``panel.load()`` when the page is shown (it
reads the users and the login settings) and ``panel.save()`` on OK (it stores the idle minutes).
Everything else applies at once, each change through the database executor: add a user, reset a
password, change a role, disable/enable a user, turn the login on (proven by an administrator's
password; that administrator is then signed in) or off. Only a role that may manage users can
use the panel; for others it says so and stays read-only.

Users are local to this office PC (they do not travel in sync).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.accounts import (
    AccountError,
    LoginSettings,
    PermissionDenied,
    Role,
    UserInfo,
    create_user,
    disable_login,
    disable_user,
    enable_login,
    enable_user,
    list_users,
    login_settings,
    set_idle_minutes,
    set_password,
    set_role,
)
from db.accounts.users import MAX_IDLE_MINUTES, MIN_IDLE_MINUTES
from desktop.accounts.access import current_access
from desktop.accounts.texts import error_text, role_name
from desktop.dates import format_date
from desktop.db_worker import Changes, DbExecutor
from desktop.operations.tasks import TaskRunner
from desktop.settings_dialog import date_era

CHANGES = Changes.of("users")
ERROR_STYLE = "color: #c62828"
OK_STYLE = "color: #2e7d32"


def _local_time(stamp: str | None) -> str:
    """A stored UTC time as this PC's local time: 24 พ.ย. 2569 20.33"""
    if not stamp:
        return ""
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return stamp
    day = format_date(moment.date(), style="short", era=date_era())
    return f"{day} {moment:%H.%M}"


def _password_pair(parent: QWidget) -> tuple[QLineEdit, QLineEdit]:
    first = QLineEdit(parent)
    first.setEchoMode(QLineEdit.EchoMode.Password)
    second = QLineEdit(parent)
    second.setEchoMode(QLineEdit.EchoMode.Password)
    return first, second


class UserDialog(QDialog):
    """A new user (name, display name, role, password twice) or a new password for one."""

    def __init__(self, parent: QWidget | None = None, *, reset_for: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userDialog")
        self.username = QLineEdit(self)
        self.username.setObjectName("newUsername")
        self.username.setMaxLength(64)
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("newDisplayName")
        self.role = QComboBox(self)
        self.role.setObjectName("newRole")
        for role in Role:
            self.role.addItem(role_name(role), role.value)
        self.role.setCurrentIndex(self.role.findData(Role.SECRETARY.value))
        self.password, self.repeat = _password_pair(self)
        self.password.setObjectName("newPassword")
        self.repeat.setObjectName("newPasswordRepeat")
        self.message = QLabel(self)
        self.message.setObjectName("userDialogMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        form = QFormLayout()
        if reset_for is None:
            self.setWindowTitle(self.tr("Add a user"))
            form.addRow(self.tr("User name"), self.username)
            form.addRow(self.tr("Display name"), self.display_name)
            form.addRow(self.tr("Role"), self.role)
        else:
            self.setWindowTitle(self.tr("New password for %1").replace("%1", reset_for))
            self.username.setText(reset_for)
            self.username.hide()
            self.display_name.hide()
            self.role.hide()
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.repeat)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("userDialogButtons")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(400)

    def _check(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(error_text("passwords_differ"))
            self.repeat.clear()
            self.repeat.setFocus()
            return
        self.accept()


class AdminProofDialog(QDialog):
    """An administrator's user name and password, to turn the login on."""

    def __init__(self, parent: QWidget | None = None, *, username: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("adminProofDialog")
        self.setWindowTitle(self.tr("Turn the login on"))
        note = QLabel(
            self.tr(
                "From the next start, everyone signs in with their own user name and password,"
                " and the app locks when idle. Confirm with an administrator's password."
            ),
            self,
        )
        note.setWordWrap(True)
        self.username = QLineEdit(username, self)
        self.username.setObjectName("proofUsername")
        self.password = QLineEdit(self)
        self.password.setObjectName("proofPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Administrator"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()


class UsersPanel(QWidget):
    users_changed = Signal()  # after any change was stored

    COLUMNS = 5

    def __init__(self, executor: DbExecutor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersPanel")
        self._executor = executor
        self._users: tuple[UserInfo, ...] = ()
        self._settings: LoginSettings | None = None
        self.tasks = TaskRunner(self)

        self.login_box = QCheckBox(self)
        self.login_box.setObjectName("loginEnabled")
        self.login_box.clicked.connect(self._on_login_clicked)
        self.idle_minutes = QSpinBox(self)
        self.idle_minutes.setObjectName("idleMinutes")
        self.idle_minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("usersTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = self._button("addUser", lambda: self.tasks.spawn(self._add_user()))
        self.reset_button = self._button(
            "resetPassword", lambda: self.tasks.spawn(self._reset_password())
        )
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("userRole")
        for role in Role:
            self.role_combo.addItem("", role.value)
        self.role_button = self._button(
            "changeUserRole",
            lambda: self.tasks.spawn(
                self.change_role(self.selected_username(), self.chosen_role())
            ),
        )
        self.disable_button = self._button(
            "disableUser", lambda: self.tasks.spawn(self.toggle_disabled(self.selected_username()))
        )
        self.message = QLabel(self)
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)
        self.idle_label = QLabel(self)
        self.local_note = QLabel(self)
        self.local_note.setWordWrap(True)
        self.local_note.setStyleSheet("color: #5f6b73")

        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_label)
        idle_row.addWidget(self.idle_minutes)
        idle_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.role_combo)
        buttons.addWidget(self.role_button)
        buttons.addWidget(self.disable_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.login_box)
        layout.addLayout(idle_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.local_note)
        self._retranslate()
        current_access().accessChanged.connect(self._update_buttons)

    def _button(self, name: str, slot: object) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.login_box.setText(self.tr("Ask for a user name and password (login)"))
        self.idle_label.setText(self.tr("Lock after this many idle minutes:"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("User name"),
                self.tr("Display name"),
                self.tr("Role"),
                self.tr("Status"),
                self.tr("Last sign-in"),
            ]
        )
        self.add_button.setText(self.tr("Add user…"))
        self.reset_button.setText(self.tr("Reset password…"))
        self.role_button.setText(self.tr("Change role"))
        for row in range(self.role_combo.count()):
            self.role_combo.setItemText(row, role_name(self.role_combo.itemData(row)))
        self.local_note.setText(
            self.tr(
                "Users belong to this computer only; they are not shared with other offices."
                " Administrator: everything. Secretary: edits members, cannot delete history."
                " Viewer: reads only; national ID and birth date are hidden."
            )
        )
        self._fill()

    # -- reading -----------------------------------------------------------------------------
    def load(self) -> None:
        """Read the users and the login settings (quick: a handful of rows)."""
        self._users = self._executor.read_now(list_users)
        self._settings = self._executor.read_now(login_settings)
        self.idle_minutes.setValue(self._settings.idle_minutes)
        self._fill()

    def users(self) -> tuple[UserInfo, ...]:
        return self._users

    def _fill(self) -> None:
        selected = self.selected_username()
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            status = self.tr("Disabled") if user.disabled else self.tr("Active")
            last = _local_time(user.last_login_at)
            values = (user.username, user.display_name, role_name(user.role), status, last)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, user.username)
                self.table.setItem(row, column, item)
            if user.username == selected:
                self.table.selectRow(row)
        self.login_box.setChecked(bool(self._settings and self._settings.enabled))
        self._update_buttons()

    def selected_username(self) -> str:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return ""
        item = self.table.item(rows[0].row(), 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def select_user(self, username: str) -> None:
        for row, user in enumerate(self._users):
            if user.username == username:
                self.table.selectRow(row)
                return

    def chosen_role(self) -> Role:
        return Role(self.role_combo.currentData())

    def _selected_user(self) -> UserInfo | None:
        name = self.selected_username()
        return next((u for u in self._users if u.username == name), None)

    def _update_buttons(self) -> None:
        may = current_access().permissions.can_manage_users
        user = self._selected_user()
        for widget in (self.login_box, self.idle_minutes, self.add_button):
            widget.setEnabled(may)
        for widget in (self.reset_button, self.role_button, self.role_combo, self.disable_button):
            widget.setEnabled(may and user is not None)
        disabled = user is not None and user.disabled
        self.disable_button.setText(
            self.tr("Enable user") if disabled else self.tr("Disable user")
        )
        if user is not None:
            self.role_combo.setCurrentIndex(self.role_combo.findData(user.role.value))
        if not may:
            self._say(self.tr("Only an administrator can manage users."), ok=False)

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    # -- changing ----------------------------------------------------------------------------
    async def _apply(self, fn: object, done: str, **kwargs: object) -> bool:
        """Run one change on the database thread; show the result; reload the list."""
        try:
            await self._executor.write(
                fn,  # type: ignore[arg-type]
                changes=CHANGES,
                initiator=self,
                by=current_access().permissions,
                **kwargs,
            )
        except (AccountError, PermissionDenied) as error:
            self._say(error_text(error), ok=False)
            return False
        self.load()
        self._say(done, ok=True)
        self.users_changed.emit()
        return True

    async def add_user(
        self, *, username: str, password: str, role: Role, display_name: str = ""
    ) -> bool:
        done = self.tr("Added %1.").replace("%1", username.strip())
        added = await self._apply(
            create_user, done, username=username, password=password, role=role,
            display_name=display_name,
        )  # fmt: skip
        if added:
            self.select_user(username.strip())
        return added

    async def reset_password(self, username: str, password: str) -> bool:
        done = self.tr("New password set for %1.").replace("%1", username)
        return await self._apply(set_password, done, username=username, new_password=password)

    async def change_role(self, username: str, role: Role) -> bool:
        if not username:
            return False
        done = self.tr("%1 is now: %2").replace("%1", username).replace("%2", role_name(role))
        changed = await self._apply(set_role, done, username=username, role=role)
        access = current_access()
        if changed and access.user is not None and access.user.username == username:
            self._say(done + " " + self.tr("It applies from the next sign-in."), ok=True)
        return changed

    async def toggle_disabled(self, username: str) -> bool:
        user = next((u for u in self._users if u.username == username), None)
        if user is None:
            return False
        if user.disabled:
            return await self._apply(
                enable_user, self.tr("%1 can sign in again.").replace("%1", username),
                username=username,
            )  # fmt: skip
        return await self._apply(
            disable_user, self.tr("%1 can no longer sign in.").replace("%1", username),
            username=username,
        )  # fmt: skip

    async def set_login(self, on: bool, *, admin_username: str = "", password: str = "") -> bool:
        """Turn the login on (proven by an administrator) or off; the window follows at once."""
        access = current_access()
        try:
            if on:
                user = await self._executor.write(
                    enable_login, changes=CHANGES, initiator=self,
                    admin_username=admin_username, password=password,
                )  # fmt: skip
            else:
                await self._executor.write(
                    disable_login, changes=CHANGES, initiator=self, by=access.permissions
                )
                user = None
        except (AccountError, PermissionDenied) as error:
            self._say(error_text(error), ok=False)
            self.login_box.setChecked(not on)
            return False
        self.load()
        assert self._settings is not None
        access.configure(self._settings)
        if user is not None:
            access.sign_in(user)
        self._say(
            self.tr("The login is on.") if on else self.tr("The login is off."), ok=True
        )
        self.users_changed.emit()
        return True

    def save(self) -> bool:
        """Store the idle minutes (the settings dialog's OK); False when refused."""
        if self._settings is None or self.idle_minutes.value() == self._settings.idle_minutes:
            return True
        if not current_access().permissions.can_manage_users:
            return False
        try:
            self._executor.submit(
                set_idle_minutes, minutes=self.idle_minutes.value(),
                by=current_access().permissions,
            ).result()  # fmt: skip
        except (AccountError, PermissionDenied) as error:
            self._say(error_text(error), ok=False)
            return False
        self.load()
        assert self._settings is not None
        current_access().configure(self._settings)
        return True

    # -- the buttons' dialogs ----------------------------------------------------------------
    async def _add_user(self) -> None:
        dialog = UserDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        await self.add_user(
            username=dialog.username.text(), password=dialog.password.text(),
            role=Role(dialog.role.currentData()), display_name=dialog.display_name.text(),
        )  # fmt: skip

    async def _reset_password(self) -> None:
        username = self.selected_username()
        if not username:
            return
        dialog = UserDialog(self, reset_for=username)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            await self.reset_password(username, dialog.password.text())

    def _on_login_clicked(self, checked: bool) -> None:
        self.login_box.setChecked(not checked)  # shown as it is until the change is stored
        if checked:
            admins = [u for u in self._users if u.role is Role.ADMIN and not u.disabled]
            if not admins:
                self._say(error_text("no_active_admin"), ok=False)
                return
            access = current_access()
            default = access.user.username if access.user is not None else admins[0].username
            dialog = AdminProofDialog(self, username=default)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            self.tasks.spawn(
                self.set_login(
                    True, admin_username=dialog.username.text(), password=dialog.password.text()
                )
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Turn the login off?"),
            self.tr("Anyone at this computer will then use the app as an administrator."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.tasks.spawn(self.set_login(False))
