"""The editor's words for each kind of field error (`FieldError.code`), in the UI language.

The core's English `message` goes to the tooltip and the log; users read these. A code this
module does not know yet is shown with a general sentence and the core's message.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.members.types import FieldError

_CONTEXT = "FieldErrors"


def _texts() -> dict[str, str]:
    t = QCoreApplication.translate
    return {
        "required": t(_CONTEXT, "This field is required."),
        "too_long": t(_CONTEXT, "This is too long."),
        "invalid_date": t(_CONTEXT, "Cannot read this date. Type it like 2/10/2557."),
        "date_in_future": t(_CONTEXT, "This date is in the future."),
        "date_order": t(_CONTEXT, "This date comes before the date it must follow."),
        "invalid_national_id": t(_CONTEXT, "This national ID is not valid: check the 13 digits."),
        "duplicate_national_id": t(_CONTEXT, "Another member already has this national ID."),
        "invalid_phone": t(
            _CONTEXT,
            "This is not a Thai phone number: 10 digits for a mobile (08x…), 9 for a landline.",
        ),
        "invalid_email": t(_CONTEXT, "This e-mail address is not valid."),
        "unknown_organisation": t(_CONTEXT, "This organisation is not in the register."),
        "organisation_not_chosen": t(
            _CONTEXT, "Choose the organisation from the list that appears as you type."
        ),
        "unknown_code": t(_CONTEXT, "Choose a value from the list."),
        "invalid_choice": t(_CONTEXT, "Choose a value from the list."),
        "duplicate_membership_no": t(
            _CONTEXT, "Another member already has this membership number."
        ),
        "not_found": t(_CONTEXT, "This member no longer exists (deleted elsewhere?)."),
        "invalid": t(_CONTEXT, "This value is not valid."),
    }


def field_error_text(error: FieldError) -> str:
    """What the user reads under the field for `error`."""
    text = _texts().get(error.code)
    if text is not None:
        return text
    return QCoreApplication.translate(_CONTEXT, "This value is not valid ({detail}).").format(
        detail=error.message
    )
