"""The editor's words for each kind of field error (`FieldError.code`), in the UI language.

The core's English `message` is for logs; users read these. A code this module does not know
is shown with a general sentence and the core's message, so nothing is silently dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from db.members.types import FieldError

# Raised by the editor itself for a date field whose text cannot be read; its message is the
# date edit's own (already translated) explanation.
UNREADABLE_DATE = "unreadable_date"


def _date_text(field: str) -> str:
    texts = {
        "birth_date": QCoreApplication.translate(
            "FieldErrors",
            "This birth date is not plausible: in the future, before 1900, or under 15 years ago.",
        ),
        "expires_on": QCoreApplication.translate(
            "FieldErrors", "The membership cannot expire before the member joined."
        ),
        "consent_date": QCoreApplication.translate(
            "FieldErrors", "The consent date cannot be in the future."
        ),
    }
    return texts.get(
        field,
        QCoreApplication.translate(
            "FieldErrors", "This year is not plausible: was a Buddhist-era year typed as a CE year?"
        ),
    )


def _texts() -> dict[str, str]:
    return {
        "missing_name": QCoreApplication.translate("FieldErrors", "The first name is required."),
        "required": QCoreApplication.translate("FieldErrors", "This field is required."),
        "too_long": QCoreApplication.translate("FieldErrors", "This is too long."),
        "invalid_national_id": QCoreApplication.translate(
            "FieldErrors", "This national ID is not valid: check the 13 digits."
        ),
        "duplicate_national_id": QCoreApplication.translate(
            "FieldErrors", "Another member already has this national ID."
        ),
        "invalid_phone": QCoreApplication.translate(
            "FieldErrors",
            "This is not a Thai phone number: 10 digits for a mobile (08x…), 9 for a landline.",
        ),
        "invalid_email": QCoreApplication.translate(
            "FieldErrors", "The e-mail address should look like name@example.com."
        ),
        "unknown_organisation": QCoreApplication.translate(
            "FieldErrors", "This organisation is not in the register."
        ),
        "organisation_not_chosen": QCoreApplication.translate(
            "FieldErrors", "Choose the organisation from the list that appears as you type."
        ),
        "unknown_code": QCoreApplication.translate("FieldErrors", "Choose a value from the list."),
        "missing_consent_purpose": QCoreApplication.translate(
            "FieldErrors", "Write what the member consented to, with the consent date."
        ),
        "missing_consent_date": QCoreApplication.translate(
            "FieldErrors", "Give the date of the consent, with its purpose."
        ),
        "not_found": QCoreApplication.translate(
            "FieldErrors", "This member no longer exists (deleted elsewhere?)."
        ),
    }


def field_error_text(error: FieldError) -> str:
    """What the user reads under the field for `error`."""
    if error.code == UNREADABLE_DATE:
        return error.message
    if error.code == "invalid_date":
        return _date_text(error.field)
    text = _texts().get(error.code)
    if text is not None:
        return text
    return QCoreApplication.translate("FieldErrors", "This value is not valid ({detail}).").format(
        detail=error.message
    )
