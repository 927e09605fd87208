"""Words for history: field labels (the editor's own), values as a reader expects them, and
what an operation was (for Edit → Undo …)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db.history.read import FieldChange, HistoryEntry, OperationSummary
from db.thai.dates import Era
from db.thai.errors import ThaiValueError
from db.thai.national_id import mask_national_id
from db.thai.phone import format_phone
from desktop.accounts.privacy import may_see_personal_data
from desktop.dates import format_date
from desktop.members.labels import ViewLabels

# field -> (Qt context, English source): the member editor's labels where it has one.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "prefix": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Prefix")),
    "first_name": ("History", QT_TRANSLATE_NOOP("History", "First name")),
    "last_name": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Last name")),
    "first_name_en": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "First name (English)")),
    "last_name_en": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Last name (English)")),
    "nickname": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Nickname")),
    "national_id": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "National ID")),
    "birth_date": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Birth date")),
    "gender": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Gender")),
    "personnel_type": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Personnel type")),
    "position": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Position")),
    "position_type": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Position type")),
    "position_level": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Level")),
    "organisation_id": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Organisation")),
    "phone": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Mobile")),
    "phone_office": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Office phone")),
    "email": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Email")),
    "line_id": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "LINE ID")),
    "address": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Address")),
    "membership_no": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Member no.")),
    "status": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Status")),
    "joined_on": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Joined")),
    "expires_on": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Expires")),
    "notes": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Notes")),
    "consent_date": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "PDPA consent date")),
    "consent_purpose": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Consent purpose")),
    "strengths": ("MemberForm", QT_TRANSLATE_NOOP("MemberForm", "Strengths")),
    "group_id": ("History", QT_TRANSLATE_NOOP("History", "Group")),
    "role": ("History", QT_TRANSLATE_NOOP("History", "Role")),
    "started_on": ("History", QT_TRANSLATE_NOOP("History", "Started")),
    "ended_on": ("History", QT_TRANSLATE_NOOP("History", "Ended")),
    "fiscal_year": ("History", QT_TRANSLATE_NOOP("History", "Fiscal year")),
    "amount_satang": ("History", QT_TRANSLATE_NOOP("History", "Amount (baht)")),
    "paid_on": ("History", QT_TRANSLATE_NOOP("History", "Paid on")),
    "receipt_no": ("History", QT_TRANSLATE_NOOP("History", "Receipt no.")),
    "deleted_at": ("History", QT_TRANSLATE_NOOP("History", "Deleted")),
}
_DATES = frozenset(
    ("birth_date", "joined_on", "expires_on", "consent_date", "started_on", "ended_on", "paid_on")
)
_CODES = {
    "personnel_type": "personnel_type",
    "position_type": "position_type",
    "position_level": "position_level",
    "status": "member_status",
    "gender": "gender",
    "role": "group_role",
}
_PHONES = frozenset(("phone", "phone_office"))


def field_label(field: str) -> str:
    context, source = FIELD_LABELS.get(field, ("History", field))
    return QCoreApplication.translate(context, source)


def local_time(at: str) -> dt.datetime:
    """A stored UTC timestamp in the computer's time zone."""
    return dt.datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone()


def when(at: str, *, era: Era = "BE") -> str:
    """``24 พ.ย. 2569 13.45 น.`` (the Thai way of writing a time)."""
    moment = local_time(at)
    day = format_date(moment.date(), style="short", era=era)
    time = QCoreApplication.translate("History", "%1 h").replace("%1", moment.strftime("%H.%M"))
    return f"{day} {time}"


def value_text(
    field: str, value: object, *, entry: HistoryEntry, labels: ViewLabels, era: Era = "BE"
) -> str:
    """A stored value as the profile shows it: dates in BE, codes as labels, the national ID
    masked, money in baht, ids as names."""
    if value is None or value == "" or value == []:
        return QCoreApplication.translate("History", "(empty)")
    if field == "birth_date" and not may_see_personal_data():
        return QCoreApplication.translate("History", "(hidden)")
    if field in _DATES and isinstance(value, str):
        try:
            return format_date(dt.date.fromisoformat(value), style="short", era=era)
        except ValueError:
            return value
    if field in _CODES and isinstance(value, str):
        return labels.label(_CODES[field], value)
    if field == "national_id" and isinstance(value, str):
        try:
            return mask_national_id(value)
        except ThaiValueError:
            return "x-xxxx-xxxxx-xx-x"
    if field in _PHONES and isinstance(value, str):
        try:
            return format_phone(value)
        except ThaiValueError:
            return value
    if field == "amount_satang" and isinstance(value, int):
        baht, rest = divmod(value, 100)
        return f"{baht:,}.{rest:02d}"
    if field in ("organisation_id", "group_id"):
        return entry.name_of(value) or QCoreApplication.translate("History", "(deleted)")
    if isinstance(value, list):
        return " · ".join(str(v) for v in value) or QCoreApplication.translate("History", "(empty)")
    return str(value)


def change_text(change: FieldChange, *, entry: HistoryEntry, labels: ViewLabels, era: Era) -> str:
    """``old → new`` of one field (or that its values were erased)."""
    if change.erased:
        return QCoreApplication.translate("History", "(values erased)")
    old = value_text(change.field, change.old, entry=entry, labels=labels, era=era)
    new = value_text(change.field, change.new, entry=entry, labels=labels, era=era)
    return f"{old} → {new}"


def operation_text(operation: OperationSummary) -> str:
    """What an operation was, for "Undo …" (the menu item names what it will undo)."""
    name = operation.member_name
    n = operation.count
    if operation.kind == "import":
        return QCoreApplication.translate("History", "Undo import of %1").replace(
            "%1", operation.link_label
        )
    if operation.kind == "merge":
        return QCoreApplication.translate("History", "Undo merge of %1").replace("%1", name)
    if operation.entity == "group_membership":
        if n > 1:
            return QCoreApplication.translate(
                "History", "Undo group change of %Ln member(s)", "", n
            )
        return QCoreApplication.translate("History", "Undo group change of %1").replace("%1", name)
    if operation.entity == "dues_payment":
        return QCoreApplication.translate("History", "Undo dues change of %1").replace("%1", name)
    if n > 1:
        return QCoreApplication.translate("History", "Undo change of %Ln member(s)", "", n)
    texts = {
        "create": QCoreApplication.translate("History", "Undo new member %1"),
        "update": QCoreApplication.translate("History", "Undo edit of %1"),
        "delete": QCoreApplication.translate("History", "Undo deletion of %1"),
        "restore": QCoreApplication.translate("History", "Undo restore of %1"),
    }
    return texts.get(
        operation.kind, QCoreApplication.translate("History", "Undo change of %1")
    ).replace("%1", name)


def undo_error_text(code: str, message: str) -> str:
    texts = {
        "nothing_to_undo": QCoreApplication.translate("History", "There is nothing to undo."),
        "changed_since": QCoreApplication.translate(
            "History",
            "The record was changed again since (by you or someone else): undoing would lose"
            " that change, so nothing was undone.",
        ),
        "values_erased": QCoreApplication.translate(
            "History",
            "The old values were erased at the member's request (PDPA), so this cannot be undone.",
        ),
        "not_undoable": QCoreApplication.translate(
            "History", "This kind of change cannot be undone here."
        ),
        "merged_again": QCoreApplication.translate(
            "History", "One of these members was merged again since: undo that merge first."
        ),
        "duplicate_national_id": QCoreApplication.translate(
            "History",
            "Another member now has the national ID this would give back: nothing was undone.",
        ),
        "already_undone": QCoreApplication.translate("History", "This was already undone."),
    }
    return texts.get(
        code, QCoreApplication.translate("History", "Nothing was undone: %1").replace("%1", message)
    )
