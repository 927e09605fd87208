"""Users of the app on this office PC (roles and the optional local login).

Users are local to one office PC: the table never travels in sync (no owner office, no HLC) and
is not part of a snapshot; another PC of the same office keeps its own users. The login settings
(on/off, idle minutes, the role used when login is off) are rows of ``local_setting``.
"""

from __future__ import annotations

from sqlmodel import Field, Index, SQLModel

from db.ids import new_id
from db.models.base import utc_now_iso


class AppUser(SQLModel, table=True):
    __tablename__ = "app_user"
    __table_args__ = (Index("ux_app_user_username_key", "username_key", unique=True),)

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    username: str = Field(max_length=64)  # as the administrator typed it
    username_key: str = Field(max_length=64)  # NFC + casefold: unique, case-insensitive
    display_name: str = Field(default="", max_length=120)
    role: str = Field(max_length=16)  # admin | secretary | viewer
    password_hash: str  # argon2id, PHC string
    disabled: bool = False
    failed_attempts: int = 0  # wrong passwords in a row (reset by a good one)
    locked_until: str | None = Field(default=None, max_length=32)  # after too many wrong ones
    created_at: str = Field(default_factory=utc_now_iso, max_length=32)
    updated_at: str = Field(default_factory=utc_now_iso, max_length=32)
    last_login_at: str | None = Field(default=None, max_length=32)
