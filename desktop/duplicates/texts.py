"""The review screen's words: field names, reasons, what moves, and why a merge was refused.

Codes come from the core (``db.duplicates`` reasons, ``db.merge`` error codes, table names);
users read these translations (context ``Duplicates``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale

CONTEXT = "Duplicates"  # spelt out in every call below: lupdate reads only literal calls


def field_label(field: str) -> str:
    labels = {
        "prefix": QCoreApplication.translate("Duplicates", "Prefix"),
        "first_name": QCoreApplication.translate("Duplicates", "First name"),
        "last_name": QCoreApplication.translate("Duplicates", "Last name"),
        "first_name_en": QCoreApplication.translate("Duplicates", "First name (English)"),
        "last_name_en": QCoreApplication.translate("Duplicates", "Last name (English)"),
        "nickname": QCoreApplication.translate("Duplicates", "Nickname"),
        "national_id": QCoreApplication.translate("Duplicates", "National ID"),
        "birth_date": QCoreApplication.translate("Duplicates", "Birth date"),
        "gender": QCoreApplication.translate("Duplicates", "Gender"),
        "personnel_type": QCoreApplication.translate("Duplicates", "Personnel type"),
        "position": QCoreApplication.translate("Duplicates", "Position"),
        "position_type": QCoreApplication.translate("Duplicates", "Position type"),
        "position_level": QCoreApplication.translate("Duplicates", "Position level"),
        "organisation_id": QCoreApplication.translate("Duplicates", "Organisation"),
        "phone": QCoreApplication.translate("Duplicates", "Mobile"),
        "phone_office": QCoreApplication.translate("Duplicates", "Office phone"),
        "email": QCoreApplication.translate("Duplicates", "Email"),
        "line_id": QCoreApplication.translate("Duplicates", "LINE ID"),
        "address": QCoreApplication.translate("Duplicates", "Address"),
        "membership_no": QCoreApplication.translate("Duplicates", "Member no."),
        "status": QCoreApplication.translate("Duplicates", "Status"),
        "joined_on": QCoreApplication.translate("Duplicates", "Joined"),
        "expires_on": QCoreApplication.translate("Duplicates", "Expires"),
        "notes": QCoreApplication.translate("Duplicates", "Notes"),
        "consent_date": QCoreApplication.translate("Duplicates", "PDPA consent date"),
        "consent_purpose": QCoreApplication.translate("Duplicates", "PDPA consent purpose"),
    }
    return labels.get(field, field)


def reason_text(code: str) -> str:
    texts = {
        "same_national_id": QCoreApplication.translate("Duplicates", "Same national ID"),
        "same_name_same_organisation": QCoreApplication.translate(
            "Duplicates", "Same name, same organisation"
        ),
        "same_name_same_birth_year": QCoreApplication.translate(
            "Duplicates", "Same name, same birth year"
        ),
        "same_phone": QCoreApplication.translate("Duplicates", "Same mobile number"),
        "same_email": QCoreApplication.translate("Duplicates", "Same email"),
    }
    return texts.get(code, code)


def reasons_text(codes: Sequence[str]) -> str:
    """The reasons of a pair said once, compactly: what the two records share, each thing
    once ("Same name, organisation and birth year"), in the list's order."""
    words = {
        "national_id": QCoreApplication.translate("Duplicates", "national ID"),
        "name": QCoreApplication.translate("Duplicates", "name"),
        "organisation": QCoreApplication.translate("Duplicates", "organisation"),
        "birth_year": QCoreApplication.translate("Duplicates", "birth year"),
        "phone": QCoreApplication.translate("Duplicates", "mobile number"),
        "email": QCoreApplication.translate("Duplicates", "email"),
    }
    shared: list[str] = []
    unknown: list[str] = []
    for code in codes:
        found = _SHARED.get(code)
        if found is None:
            unknown.append(reason_text(code))
        for thing in found or ():
            if words[thing] not in shared:
                shared.append(words[thing])
    said = (
        [QCoreApplication.translate("Duplicates", "Same %1").replace(
            "%1", QLocale().createSeparatedList(shared))]
        if shared else []
    )  # fmt: skip
    return ", ".join(said + unknown)


# What each reason code says the two records share (the words of reasons_text).
_SHARED: dict[str, tuple[str, ...]] = {
    "same_national_id": ("national_id",),
    "same_name_same_organisation": ("name", "organisation"),
    "same_name_same_birth_year": ("name", "birth_year"),
    "same_phone": ("phone",),
    "same_email": ("email",),
}


def table_text(table: str) -> str:
    """What the rows of a table are, for "what moves" (tables added later show their name)."""
    texts = {
        "group_membership": QCoreApplication.translate("Duplicates", "group memberships"),
        "dues_payment": QCoreApplication.translate("Duplicates", "dues payments"),
        "member_strength": QCoreApplication.translate("Duplicates", "strengths"),
    }
    return texts.get(table, table)


def merge_error_text(code: str, message: str) -> str:
    texts = {
        "same_member": QCoreApplication.translate(
            "Duplicates", "A member cannot be merged with itself."
        ),
        "unknown_member": QCoreApplication.translate(
            "Duplicates",
            "One of the two members no longer exists (deleted or merged elsewhere?). Scan again.",
        ),
        "unknown_field": QCoreApplication.translate(
            "Duplicates", "The merge named a field that does not exist."
        ),
        "invalid_choice": QCoreApplication.translate(
            "Duplicates", "Choose one of the two values for every field."
        ),
        "unknown_merge": QCoreApplication.translate("Duplicates", "There is no such merge."),
        "already_undone": QCoreApplication.translate(
            "Duplicates", "This merge was already undone."
        ),
        "merged_again": QCoreApplication.translate(
            "Duplicates", "One of these members was merged again since. Undo that merge first."
        ),
        "survivor_changed": QCoreApplication.translate(
            "Duplicates",
            "The kept member was edited since the merge in a field the merge filled in."
            " Undoing would lose that edit, so the merge stays.",
        ),
        "merged_member_changed": QCoreApplication.translate(
            "Duplicates",
            "The merged member was restored or changed since the merge, so it cannot be undone.",
        ),
        "rows_changed": QCoreApplication.translate(
            "Duplicates",
            "A group membership, payment or other record the merge moved was changed since,"
            " so the merge cannot be undone.",
        ),
        "duplicate_national_id": QCoreApplication.translate(
            "Duplicates", "Another member now has the national ID the undo would give back."
        ),
        "conflicting_rows": QCoreApplication.translate(
            "Duplicates", "Both members have a record that cannot exist twice and cannot be closed."
        ),
    }
    return texts.get(code) or QCoreApplication.translate(
        "Duplicates", "The merge was refused: %1"
    ).replace("%1", message)
