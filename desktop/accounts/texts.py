"""The user's words for account refusals, by their stable codes (context "Accounts")."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db.accounts import AccountError, PermissionDenied, Role

_CONTEXT = "Accounts"

ROLE_NAMES: dict[Role, str] = {
    Role.ADMIN: QT_TRANSLATE_NOOP("Accounts", "Administrator"),
    Role.SECRETARY: QT_TRANSLATE_NOOP("Accounts", "Secretary"),
    Role.VIEWER: QT_TRANSLATE_NOOP("Accounts", "Viewer"),
}

_MESSAGES: dict[str, str] = {
    "unknown_user": QT_TRANSLATE_NOOP("Accounts", "Wrong user name or password."),
    "wrong_password": QT_TRANSLATE_NOOP("Accounts", "Wrong user name or password."),
    "user_disabled": QT_TRANSLATE_NOOP("Accounts", "This user is disabled. Ask an administrator."),
    "username_invalid": QT_TRANSLATE_NOOP(
        "Accounts", "A user name is 1 to 64 letters or digits, without spaces."
    ),
    "username_taken": QT_TRANSLATE_NOOP("Accounts", "Another user already has this name."),
    "display_name_too_long": QT_TRANSLATE_NOOP(
        "Accounts", "The display name is longer than 120 characters."
    ),
    "role_invalid": QT_TRANSLATE_NOOP("Accounts", "Choose a role."),
    "no_such_user": QT_TRANSLATE_NOOP("Accounts", "There is no user with this name."),
    "no_active_admin": QT_TRANSLATE_NOOP(
        "Accounts", "There must be at least one active administrator."
    ),
    "not_admin": QT_TRANSLATE_NOOP("Accounts", "Only an administrator can turn the login on."),
    "idle_minutes_invalid": QT_TRANSLATE_NOOP(
        "Accounts", "The idle time must be between 1 and 480 minutes."
    ),
    "password_too_short": QT_TRANSLATE_NOOP("Accounts", "A password has at least 8 characters."),
    "password_too_long": QT_TRANSLATE_NOOP("Accounts", "A password has at most 256 characters."),
    "password_blank": QT_TRANSLATE_NOOP("Accounts", "A password cannot be only spaces."),
    "password_is_username": QT_TRANSLATE_NOOP("Accounts", "The password cannot be the user name."),
    "passwords_differ": QT_TRANSLATE_NOOP("Accounts", "The two passwords are not the same."),
    "not_permitted": QT_TRANSLATE_NOOP("Accounts", "Your role does not allow this."),
}


def role_name(role: Role | str) -> str:
    try:
        return QCoreApplication.translate(_CONTEXT, ROLE_NAMES[Role(role)])
    except ValueError:
        return str(role)


def error_text(error: BaseException | str) -> str:
    """The message for an AccountError, PermissionDenied or a bare code, in the UI language."""
    if isinstance(error, PermissionDenied):
        code = error.code
    elif isinstance(error, AccountError):
        code = error.code
        if code == "too_many_attempts":
            seconds = max(error.retry_after, 1)
            return QCoreApplication.translate(
                "Accounts", "Too many wrong passwords. Try again in %n second(s).", "", seconds
            )
    else:
        code = str(error)
    message = _MESSAGES.get(code)
    if message is None:
        return QCoreApplication.translate("Accounts", "Refused: %1").replace("%1", code)
    return QCoreApplication.translate(_CONTEXT, message)
