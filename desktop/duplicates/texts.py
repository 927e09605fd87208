"""The review screen's words: field names, reasons, what moves, and why a merge was refused.

Codes come from the core (``db.duplicates`` reasons, ``db.merge`` error codes, table names);
users read these translations (context ``Duplicates``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "Duplicates"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_label(field: str) -> str:
    labels = {
        "prefix": _t("Prefix"),
        "first_name": _t("First name"),
        "last_name": _t("Last name"),
        "first_name_en": _t("First name (English)"),
        "last_name_en": _t("Last name (English)"),
        "nickname": _t("Nickname"),
        "national_id": _t("National ID"),
        "birth_date": _t("Birth date"),
        "gender": _t("Gender"),
        "personnel_type": _t("Personnel type"),
        "position": _t("Position"),
        "position_type": _t("Position type"),
        "position_level": _t("Position level"),
        "organisation_id": _t("Organisation"),
        "phone": _t("Mobile"),
        "phone_office": _t("Office phone"),
        "email": _t("Email"),
        "line_id": _t("LINE ID"),
        "address": _t("Address"),
        "membership_no": _t("Member no."),
        "status": _t("Status"),
        "joined_on": _t("Joined"),
        "expires_on": _t("Expires"),
        "notes": _t("Notes"),
        "consent_date": _t("PDPA consent date"),
        "consent_purpose": _t("PDPA consent purpose"),
    }
    return labels.get(field, field)


def reason_text(code: str) -> str:
    texts = {
        "same_national_id": _t("Same national ID"),
        "same_name_same_organisation": _t("Same name, same organisation"),
        "same_name_same_birth_year": _t("Same name, same birth year"),
        "same_phone": _t("Same mobile number"),
        "same_email": _t("Same email"),
    }
    return texts.get(code, code)


def table_text(table: str) -> str:
    """What the rows of a table are, for "what moves" (tables added later show their name)."""
    texts = {
        "group_membership": _t("group memberships"),
        "dues_payment": _t("dues payments"),
        "member_strength": _t("strengths"),
    }
    return texts.get(table, table)


def merge_error_text(code: str, message: str) -> str:
    texts = {
        "same_member": _t("A member cannot be merged with itself."),
        "unknown_member": _t(
            "One of the two members no longer exists (deleted or merged elsewhere?). Scan again."
        ),
        "unknown_field": _t("The merge named a field that does not exist."),
        "invalid_choice": _t("Choose one of the two values for every field."),
        "unknown_merge": _t("There is no such merge."),
        "already_undone": _t("This merge was already undone."),
        "merged_again": _t("One of these members was merged again since. Undo that merge first."),
        "survivor_changed": _t(
            "The kept member was edited since the merge in a field the merge filled in."
            " Undoing would lose that edit, so the merge stays."
        ),
        "merged_member_changed": _t(
            "The merged member was restored or changed since the merge, so it cannot be undone."
        ),
        "rows_changed": _t(
            "A group membership, payment or other record the merge moved was changed since,"
            " so the merge cannot be undone."
        ),
        "duplicate_national_id": _t(
            "Another member now has the national ID the undo would give back."
        ),
        "conflicting_rows": _t(
            "Both members have a record that cannot exist twice and cannot be closed."
        ),
    }
    return texts.get(code) or _t("The merge was refused: %1").replace("%1", message)
