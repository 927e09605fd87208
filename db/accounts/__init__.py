"""Roles, users and the optional local login (no Qt). Users are local to this office PC.

Public API:
- ``Role``, ``Permissions``, ``permissions_for(role)``, ``Action``, ``assert_permitted(permissions,
  action)`` / ``is_permitted``, ``PermissionDenied`` (code ``not_permitted``);
- ``login_settings(session)``, ``login_required(session)``, ``set_idle_minutes``,
  ``set_default_role``, ``enable_login(session, *, admin_username, password)``,
  ``disable_login``;
- ``list_users``, ``get_user``, ``create_user``, ``set_password``, ``set_role``,
  ``set_display_name``, ``disable_user``, ``enable_user`` (``by=`` the caller's Permissions);
- ``authenticate(session, *, username, password) -> UserInfo``, ``AccountError`` (``code``);
- ``publish_actor(user)``: the author of later writes for the history.
"""

from db.accounts.actor import device_name, publish_actor
from db.accounts.roles import (
    NO_PERMISSIONS,
    Action,
    PermissionDenied,
    Permissions,
    Role,
    assert_permitted,
    is_permitted,
    permissions_for,
)
from db.accounts.users import (
    AccountError,
    LoginSettings,
    UserInfo,
    authenticate,
    create_user,
    disable_login,
    disable_user,
    enable_login,
    enable_user,
    get_user,
    list_users,
    login_required,
    login_settings,
    set_default_role,
    set_display_name,
    set_idle_minutes,
    set_password,
    set_role,
)

__all__ = [
    "NO_PERMISSIONS",
    "AccountError",
    "Action",
    "LoginSettings",
    "PermissionDenied",
    "Permissions",
    "Role",
    "UserInfo",
    "assert_permitted",
    "authenticate",
    "create_user",
    "device_name",
    "disable_login",
    "disable_user",
    "enable_login",
    "enable_user",
    "get_user",
    "is_permitted",
    "list_users",
    "login_required",
    "login_settings",
    "permissions_for",
    "publish_actor",
    "set_default_role",
    "set_display_name",
    "set_idle_minutes",
    "set_password",
    "set_role",
]
