"""Users of the app on this office PC, the optional local login, and signing in.

Users are local to this office PC: they never travel in sync, and another PC of the same office
has its own. With the login off (the default) nobody signs in and the app runs with the default
role (administrator), so a single-user office works as before. With the login on, the app asks
for a user name and password at start and after an idle lock.

Every function takes the session first and the rest by keyword. Refusals raise ``AccountError``
with a stable ``code`` (the UI translates by it) and an English ``message``. Functions that manage
users take ``by``: the caller's Permissions (the signed-in user's); ``None`` means a trusted
caller (the command line, tests, first set-up).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from sqlalchemy import func, text
from sqlmodel import Session, select

from db.accounts import passwords
from db.accounts.roles import Action, Permissions, Role, assert_permitted, permissions_for
from db.models.accounts import AppUser
from db.models.base import utc_now_iso

LOGIN_ENABLED_KEY = "accounts.login_enabled"
IDLE_MINUTES_KEY = "accounts.idle_minutes"
DEFAULT_ROLE_KEY = "accounts.default_role"
DEFAULT_IDLE_MINUTES = 10
MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 480
MAX_USERNAME_LENGTH = 64
MAX_DISPLAY_NAME_LENGTH = 120
# Against guessing: after this many wrong passwords in a row, the user waits PAUSE_SECONDS,
# doubled for every further wrong one (up to MAX_PAUSE_SECONDS).
FREE_ATTEMPTS = 5
PAUSE_SECONDS = 30
MAX_PAUSE_SECONDS = 15 * 60

MESSAGES: dict[str, str] = {
    "unknown_user": "wrong user name or password",
    "wrong_password": "wrong user name or password",
    "user_disabled": "this user is disabled",
    "too_many_attempts": "too many wrong passwords; wait and try again",
    "username_invalid": "a user name is 1 to 64 letters or digits, without spaces",
    "username_taken": "another user already has this name",
    "display_name_too_long": "the display name is longer than 120 characters",
    "role_invalid": "the role must be admin, secretary or viewer",
    "no_such_user": "there is no user with this name",
    "no_active_admin": "there must be at least one active administrator",
    "not_admin": "only an administrator can turn the login on",
    "idle_minutes_invalid": "the idle time must be between 1 and 480 minutes",
    "password_too_short": f"a password has at least {passwords.MIN_LENGTH} characters",
    "password_too_long": f"a password has at most {passwords.MAX_LENGTH} characters",
    "password_blank": "a password cannot be only spaces",
    "password_is_username": "the password cannot be the user name",
}


class AccountError(Exception):
    """A refused account operation. ``code`` is stable; ``message`` is English."""

    def __init__(self, code: str, *, retry_after: int = 0) -> None:
        self.code = code
        self.message = MESSAGES.get(code, code)
        self.retry_after = retry_after  # seconds, for too_many_attempts
        super().__init__(self.message)


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: str
    username: str
    display_name: str
    role: Role
    disabled: bool
    created_at: str
    updated_at: str
    last_login_at: str | None

    @property
    def permissions(self) -> Permissions:
        return permissions_for(self.role)

    @property
    def label(self) -> str:
        """What the window shows: the display name, or the user name."""
        return self.display_name or self.username


@dataclass(frozen=True, slots=True)
class LoginSettings:
    enabled: bool
    idle_minutes: int
    default_role: Role  # the role of everyone while the login is off


def username_key(username: str) -> str:
    """How user names are compared: NFC, trimmed, case-folded (Thai has no case)."""
    return unicodedata.normalize("NFC", username).strip().casefold()


def _info(row: AppUser) -> UserInfo:
    return UserInfo(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        disabled=row.disabled,
        created_at=row.created_at,
        updated_at=row.updated_at,
        last_login_at=row.last_login_at,
    )


# --- settings --------------------------------------------------------------------------------


def _settings(session: Session) -> dict[str, str]:
    rows = session.execute(
        text("SELECT key, value FROM local_setting WHERE key IN (:a, :b, :c)"),
        {"a": LOGIN_ENABLED_KEY, "b": IDLE_MINUTES_KEY, "c": DEFAULT_ROLE_KEY},
    ).all()
    return {key: value for key, value in rows}


def _set_setting(session: Session, key: str, value: str) -> None:
    session.execute(
        text(
            "INSERT INTO local_setting (key, value) VALUES (:key, :value)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"key": key, "value": value},
    )


def login_settings(session: Session) -> LoginSettings:
    values = _settings(session)
    try:
        minutes = int(values.get(IDLE_MINUTES_KEY, DEFAULT_IDLE_MINUTES))
    except ValueError:
        minutes = DEFAULT_IDLE_MINUTES
    try:
        role = Role(values.get(DEFAULT_ROLE_KEY, Role.ADMIN))
    except ValueError:
        role = Role.ADMIN
    return LoginSettings(
        enabled=values.get(LOGIN_ENABLED_KEY) == "1",
        idle_minutes=min(max(minutes, MIN_IDLE_MINUTES), MAX_IDLE_MINUTES),
        default_role=role,
    )


def login_required(session: Session) -> bool:
    """True when the app must ask for a user name and password."""
    return login_settings(session).enabled


def set_idle_minutes(session: Session, *, minutes: int, by: Permissions | None = None) -> None:
    """After how many idle minutes the app locks (while the login is on)."""
    _check(by)
    if not MIN_IDLE_MINUTES <= minutes <= MAX_IDLE_MINUTES:
        raise AccountError("idle_minutes_invalid")
    _set_setting(session, IDLE_MINUTES_KEY, str(minutes))


def set_default_role(session: Session, *, role: Role | str, by: Permissions | None = None) -> None:
    """The role everyone has while the login is off (administrator unless changed)."""
    _check(by)
    _set_setting(session, DEFAULT_ROLE_KEY, _role(role).value)


def enable_login(session: Session, *, admin_username: str, password: str) -> UserInfo:
    """Turn the login on, proven by an active administrator's user name and password.

    Refuses with ``no_active_admin`` when there is none (nobody could sign in to manage users),
    and with the codes of ``authenticate`` or ``not_admin`` when the proof fails.
    """
    if _active_admins(session) == 0:
        raise AccountError("no_active_admin")
    user = authenticate(session, username=admin_username, password=password)
    if user.role is not Role.ADMIN:
        raise AccountError("not_admin")
    _set_setting(session, LOGIN_ENABLED_KEY, "1")
    return user


def disable_login(session: Session, *, by: Permissions | None = None) -> None:
    """Turn the login off: the app starts with the default role and never locks."""
    _check(by)
    _set_setting(session, LOGIN_ENABLED_KEY, "0")


# --- users -----------------------------------------------------------------------------------


def _check(by: Permissions | None) -> None:
    if by is not None:
        assert_permitted(by, Action.MANAGE_USERS)


def _role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise AccountError("role_invalid") from None


def _row(session: Session, username: str) -> AppUser | None:
    key = username_key(username)
    return session.exec(select(AppUser).where(AppUser.username_key == key)).first()


def _existing(session: Session, username: str) -> AppUser:
    row = _row(session, username)
    if row is None:
        raise AccountError("no_such_user")
    return row


def _active_admins(session: Session, *, besides: str | None = None) -> int:
    query = select(func.count()).select_from(AppUser).where(
        AppUser.role == Role.ADMIN.value, AppUser.disabled == False  # noqa: E712
    )
    if besides is not None:
        query = query.where(AppUser.id != besides)
    return int(session.exec(query).one())


def _keep_an_admin(session: Session, row: AppUser) -> None:
    """While the login is on, the last active administrator cannot be demoted or disabled."""
    if login_settings(session).enabled and _active_admins(session, besides=row.id) == 0:
        raise AccountError("no_active_admin")


def _check_password(password: str, username: str) -> None:
    problem = passwords.password_problem(password, username=username)
    if problem is not None:
        raise AccountError(problem)


def list_users(session: Session) -> tuple[UserInfo, ...]:
    """Every user of this PC, by user name (a handful; not a register)."""
    rows = session.exec(select(AppUser).order_by(AppUser.username_key)).all()
    return tuple(_info(row) for row in rows)


def get_user(session: Session, *, username: str) -> UserInfo | None:
    row = _row(session, username)
    return _info(row) if row is not None else None


def create_user(
    session: Session,
    *,
    username: str,
    password: str,
    role: Role | str,
    display_name: str = "",
    by: Permissions | None = None,
) -> UserInfo:
    _check(by)
    name = unicodedata.normalize("NFC", username).strip()
    if (
        not name
        or len(name) > MAX_USERNAME_LENGTH
        or any(ch.isspace() or unicodedata.category(ch).startswith("C") for ch in name)
    ):
        raise AccountError("username_invalid")
    display = unicodedata.normalize("NFC", display_name).strip()
    if len(display) > MAX_DISPLAY_NAME_LENGTH:
        raise AccountError("display_name_too_long")
    checked_role = _role(role)
    _check_password(password, name)
    if _row(session, name) is not None:
        raise AccountError("username_taken")
    row = AppUser(
        username=name,
        username_key=username_key(name),
        display_name=display,
        role=checked_role.value,
        password_hash=passwords.hash_password(password),
    )
    session.add(row)
    session.flush()
    return _info(row)


def set_password(
    session: Session, *, username: str, new_password: str, by: Permissions | None = None
) -> UserInfo:
    """A new password (an administrator's reset); clears the wrong-password pause."""
    _check(by)
    row = _existing(session, username)
    _check_password(new_password, row.username)
    row.password_hash = passwords.hash_password(new_password)
    row.failed_attempts = 0
    row.locked_until = None
    row.updated_at = utc_now_iso()
    session.add(row)
    session.flush()
    return _info(row)


def set_role(
    session: Session, *, username: str, role: Role | str, by: Permissions | None = None
) -> UserInfo:
    _check(by)
    row = _existing(session, username)
    new_role = _role(role)
    if row.role == Role.ADMIN.value and new_role is not Role.ADMIN and not row.disabled:
        _keep_an_admin(session, row)
    row.role = new_role.value
    row.updated_at = utc_now_iso()
    session.add(row)
    session.flush()
    return _info(row)


def set_display_name(
    session: Session, *, username: str, display_name: str, by: Permissions | None = None
) -> UserInfo:
    _check(by)
    row = _existing(session, username)
    display = unicodedata.normalize("NFC", display_name).strip()
    if len(display) > MAX_DISPLAY_NAME_LENGTH:
        raise AccountError("display_name_too_long")
    row.display_name = display
    row.updated_at = utc_now_iso()
    session.add(row)
    session.flush()
    return _info(row)


def disable_user(session: Session, *, username: str, by: Permissions | None = None) -> UserInfo:
    """The user can no longer sign in (kept, so history still names them)."""
    _check(by)
    row = _existing(session, username)
    if row.role == Role.ADMIN.value and not row.disabled:
        _keep_an_admin(session, row)
    row.disabled = True
    row.updated_at = utc_now_iso()
    session.add(row)
    session.flush()
    return _info(row)


def enable_user(session: Session, *, username: str, by: Permissions | None = None) -> UserInfo:
    _check(by)
    row = _existing(session, username)
    row.disabled = False
    row.failed_attempts = 0
    row.locked_until = None
    row.updated_at = utc_now_iso()
    session.add(row)
    session.flush()
    return _info(row)


# --- signing in ------------------------------------------------------------------------------


def _parse(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def _pause_after(failures: int) -> int:
    if failures < FREE_ATTEMPTS:
        return 0
    return min(PAUSE_SECONDS * 2 ** (failures - FREE_ATTEMPTS), MAX_PAUSE_SECONDS)


def authenticate(session: Session, *, username: str, password: str) -> UserInfo:
    """The user, when ``password`` is theirs; raises AccountError otherwise.

    Codes: ``unknown_user`` and ``wrong_password`` (show the same message for both, so a guesser
    does not learn which names exist; an unknown name takes as long to refuse), ``user_disabled``
    (only told after the right password) and ``too_many_attempts`` (``retry_after`` seconds):
    after 5 wrong passwords in a row a user waits 30 s, doubled for every further wrong one.

    A wrong password is counted and *committed* before the error is raised (the caller's
    session would roll it back otherwise). A good login resets the count, records the time and
    re-hashes the password when the hashing parameters have changed.
    """
    row = _row(session, username)
    if row is None:
        passwords.spend_verify_time(password)
        raise AccountError("unknown_user")
    now = dt.datetime.now(dt.UTC)
    if row.locked_until and _parse(row.locked_until) > now:
        wait = int((_parse(row.locked_until) - now).total_seconds()) + 1
        raise AccountError("too_many_attempts", retry_after=wait)
    if not passwords.verify_password(row.password_hash, password):
        row.failed_attempts += 1
        pause = _pause_after(row.failed_attempts)
        row.locked_until = (
            (now + dt.timedelta(seconds=pause)).isoformat(timespec="milliseconds").replace(
                "+00:00", "Z"
            )
            if pause
            else None
        )
        session.add(row)
        session.commit()
        raise AccountError("wrong_password")
    if row.disabled:
        raise AccountError("user_disabled")
    row.failed_attempts = 0
    row.locked_until = None
    row.last_login_at = utc_now_iso()
    if passwords.needs_rehash(row.password_hash):
        row.password_hash = passwords.hash_password(password)
    session.add(row)
    session.flush()
    return _info(row)
