"""Who is signed in and what they may do: ``current_access()``, one per application.

The state changes when someone signs in or out, when the app locks, and when an administrator
turns the login on or off; each change emits ``accessChanged`` once, and the permission guard,
the window title and the idle lock follow it. Every sign-in also tells the history who writes
(``db.accounts.publish_actor``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from db.accounts import (
    NO_PERMISSIONS,
    LoginSettings,
    Permissions,
    Role,
    UserInfo,
    permissions_for,
    publish_actor,
)
from db.accounts.users import DEFAULT_IDLE_MINUTES


class Access(QObject):
    """The signed-in user (None while the login is off) and their Permissions."""

    accessChanged = Signal()  # the name the other modules connect to (the brief's API)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._user: UserInfo | None = None
        self._login_enabled = False
        self._idle_minutes = DEFAULT_IDLE_MINUTES
        self._default_role = Role.ADMIN
        self._signed_in = True  # with the login off, everyone is "signed in" with the default

    # -- reading -----------------------------------------------------------------------------
    @property
    def user(self) -> UserInfo | None:
        return self._user

    @property
    def role(self) -> Role | None:
        """The role in force; None while signed out (the lock screen is up)."""
        if not self._signed_in:
            return None
        return self._user.role if self._user is not None else self._default_role

    @property
    def permissions(self) -> Permissions:
        role = self.role
        return permissions_for(role) if role is not None else NO_PERMISSIONS

    @property
    def login_enabled(self) -> bool:
        return self._login_enabled

    @property
    def idle_minutes(self) -> int:
        return self._idle_minutes

    @property
    def signed_in(self) -> bool:
        return self._signed_in

    # -- changing ----------------------------------------------------------------------------
    def configure(self, settings: LoginSettings) -> None:
        """The login settings read from the database (at start and after they change)."""
        self._login_enabled = settings.enabled
        self._idle_minutes = settings.idle_minutes
        self._default_role = settings.default_role
        if not settings.enabled:
            self._user = None
            self._signed_in = True
            publish_actor(None)
        elif self._user is None:
            self._signed_in = False  # the login is on and nobody has signed in yet
        self.accessChanged.emit()

    def sign_in(self, user: UserInfo) -> None:
        self._user = user
        self._signed_in = True
        publish_actor(user)
        self.accessChanged.emit()

    def sign_out(self) -> None:
        """Nobody is signed in (the login is on): nothing is permitted until someone signs in."""
        self._user = None
        self._signed_in = not self._login_enabled
        publish_actor(None)
        self.accessChanged.emit()


_access: Access | None = None


def current_access() -> Access:
    """The application's one Access (created on first use: login off, administrator)."""
    global _access
    if _access is None:
        _access = Access()
    return _access


def reset_access() -> Access:
    """A fresh Access (login off, administrator) for a new main window or a test."""
    global _access
    _access = Access()
    publish_actor(None)
    return _access
