"""Roles and the optional local login in the desktop app.

- ``current_access()``: the signed-in user and their Permissions; its ``accessChanged`` signal
  fires on every sign-in, sign-out, lock and change of the login settings.
- ``sign_in_at_start(database) -> bool``: the login dialog at start when the login is on.
- ``install_accounts(window, executor)``: the permission guard, the idle lock, and the File
  menu's Lock (Ctrl+L) and Sign out actions (``controller.menu_actions()``).
- ``UsersPanel(executor)``: the users page for the settings dialog (``load()`` when shown,
  ``save()`` on OK for the idle minutes; user changes and the login switch apply at once).
- ``privacy``: masking of national ID and birth date for roles that may not see them.
"""

from desktop.accounts.access import Access, current_access, reset_access
from desktop.accounts.controller import AccountsController, install_accounts, sign_in_at_start
from desktop.accounts.privacy import (
    for_display,
    masked_national_id,
    may_see_personal_data,
    restrict_personal_data_box,
)
from desktop.accounts.users_panel import UsersPanel

__all__ = [
    "Access",
    "AccountsController",
    "UsersPanel",
    "current_access",
    "for_display",
    "install_accounts",
    "masked_national_id",
    "may_see_personal_data",
    "reset_access",
    "restrict_personal_data_box",
    "sign_in_at_start",
]
