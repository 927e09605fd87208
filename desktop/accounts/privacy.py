"""Personal data on screen for the signed-in user's role (PDPA).

A viewer sees the national ID masked (x-xxxx-xxxxx-12-1) and no birth date, in the member
editor and the profile; the export dialog's "include personal data" tick is off and locked.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox

from db.members.types import MemberInput
from db.thai.errors import ThaiValueError
from db.thai.national_id import mask_national_id
from desktop.accounts.access import current_access

FULLY_MASKED_ID = "x-xxxx-xxxxx-xx-x"


def may_see_personal_data() -> bool:
    return current_access().permissions.can_see_personal_data


def masked_national_id(national_id: str) -> str:
    if not national_id:
        return ""
    try:
        return mask_national_id(national_id)
    except ThaiValueError:
        return FULLY_MASKED_ID


def for_display(data: MemberInput) -> MemberInput:
    """``data`` as the signed-in user may see it (ID masked, no birth date for a viewer)."""
    if may_see_personal_data():
        return data
    return dataclasses.replace(
        data, national_id=masked_national_id(data.national_id), birth_date=None
    )


def hidden_text() -> str:
    return QCoreApplication.translate("Accounts", "Hidden (personal data)")


def restrict_personal_data_box(box: QCheckBox) -> None:
    """Untick and lock the export dialog's personal-data tick for a role that may not see it."""
    if may_see_personal_data():
        return
    box.setChecked(False)
    box.setEnabled(False)
    box.setToolTip(
        QCoreApplication.translate("Accounts", "Your role does not allow exporting personal data.")
    )
