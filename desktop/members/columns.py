"""The register table's columns: header text, the SQL sort each maps to, and cell text.

Cell text is computed from a `MemberRow` and the labels of the reference lists (codes such as
``sao`` or ``active`` are stored; Thai labels are shown).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum

from PySide6.QtCore import QCoreApplication

from db.members.types import MemberRow, SortColumn
from db.thai.dates import Era
from db.thai.errors import ThaiValueError
from db.thai.phone import format_phone
from desktop.dates import format_date


class MemberColumn(IntEnum):
    NAME = 0
    NICKNAME = 1
    ORGANISATION = 2
    ORG_TYPE = 3
    PROVINCE = 4
    POSITION = 5
    PERSONNEL_TYPE = 6
    PHONE = 7
    EMAIL = 8
    MEMBERSHIP_NO = 9
    STATUS = 10
    JOINED_ON = 11
    CONSENT = 12
    NATIONAL_ID = 13


SORT_FOR_COLUMN: dict[MemberColumn, SortColumn] = {
    MemberColumn.NAME: SortColumn.NAME,
    MemberColumn.NICKNAME: SortColumn.NICKNAME,
    MemberColumn.ORGANISATION: SortColumn.ORGANISATION,
    MemberColumn.ORG_TYPE: SortColumn.ORG_TYPE,
    MemberColumn.PROVINCE: SortColumn.PROVINCE,
    MemberColumn.POSITION: SortColumn.POSITION,
    MemberColumn.PERSONNEL_TYPE: SortColumn.PERSONNEL_TYPE,
    MemberColumn.PHONE: SortColumn.PHONE,
    MemberColumn.EMAIL: SortColumn.EMAIL,
    MemberColumn.MEMBERSHIP_NO: SortColumn.MEMBERSHIP_NO,
    MemberColumn.STATUS: SortColumn.STATUS,
    MemberColumn.JOINED_ON: SortColumn.JOINED_ON,
}
COLUMN_FOR_SORT: dict[SortColumn, MemberColumn] = {
    sort: column for column, sort in SORT_FOR_COLUMN.items()
}

# Shown unless the user hides them (the column chooser remembers the choice).
DEFAULT_VISIBLE: tuple[MemberColumn, ...] = (
    MemberColumn.NAME,
    MemberColumn.NICKNAME,
    MemberColumn.ORGANISATION,
    MemberColumn.PROVINCE,
    MemberColumn.POSITION,
    MemberColumn.PHONE,
    MemberColumn.STATUS,
    MemberColumn.JOINED_ON,
    MemberColumn.CONSENT,
)
# Starting widths in characters of average width.
WIDTH_CHARS: dict[MemberColumn, int] = {
    MemberColumn.NAME: 26,
    MemberColumn.NICKNAME: 9,
    MemberColumn.ORGANISATION: 28,
    MemberColumn.ORG_TYPE: 10,
    MemberColumn.PROVINCE: 14,
    MemberColumn.POSITION: 26,
    MemberColumn.PERSONNEL_TYPE: 18,
    MemberColumn.PHONE: 16,
    MemberColumn.EMAIL: 24,
    MemberColumn.MEMBERSHIP_NO: 11,
    MemberColumn.STATUS: 14,
    MemberColumn.JOINED_ON: 15,  # "12 ก.พ. 2557" in full
    MemberColumn.CONSENT: 6,
    MemberColumn.NATIONAL_ID: 17,
}


def header_text(column: MemberColumn) -> str:
    texts = {
        MemberColumn.NAME: QCoreApplication.translate("MemberColumns", "Name"),
        MemberColumn.NICKNAME: QCoreApplication.translate("MemberColumns", "Nickname"),
        MemberColumn.ORGANISATION: QCoreApplication.translate("MemberColumns", "Organisation"),
        MemberColumn.ORG_TYPE: QCoreApplication.translate("MemberColumns", "Org. type"),
        MemberColumn.PROVINCE: QCoreApplication.translate("MemberColumns", "Province"),
        MemberColumn.POSITION: QCoreApplication.translate("MemberColumns", "Position"),
        MemberColumn.PERSONNEL_TYPE: QCoreApplication.translate("MemberColumns", "Personnel type"),
        MemberColumn.PHONE: QCoreApplication.translate("MemberColumns", "Phone"),
        MemberColumn.EMAIL: QCoreApplication.translate("MemberColumns", "Email"),
        MemberColumn.MEMBERSHIP_NO: QCoreApplication.translate("MemberColumns", "Member no."),
        MemberColumn.STATUS: QCoreApplication.translate("MemberColumns", "Status"),
        MemberColumn.JOINED_ON: QCoreApplication.translate("MemberColumns", "Joined"),
        MemberColumn.CONSENT: QCoreApplication.translate("MemberColumns", "PDPA"),
        MemberColumn.NATIONAL_ID: QCoreApplication.translate("MemberColumns", "National ID"),
    }
    return texts[column]


def header_tooltip(column: MemberColumn) -> str:
    if column is MemberColumn.CONSENT:
        return QCoreApplication.translate(
            "MemberColumns", "✓: the member has given consent to keep their personal data (PDPA)"
        )
    if column is MemberColumn.NATIONAL_ID:
        return QCoreApplication.translate("MemberColumns", "Masked: only the last digits are shown")
    return header_text(column)


@dataclass(frozen=True, slots=True)
class RefLabels:
    """Display labels of the coded columns (from the reference lists)."""

    org_types: Mapping[str, str] = field(default_factory=dict)
    personnel_types: Mapping[str, str] = field(default_factory=dict)
    statuses: Mapping[str, str] = field(default_factory=dict)


def _phone(text: str) -> str:
    if not text:
        return ""
    try:
        return format_phone(text)
    except ThaiValueError:
        return text  # imported data that is not a Thai number: show it as stored


def cell_text(row: MemberRow, column: MemberColumn, labels: RefLabels, era: Era = "BE") -> str:
    if column is MemberColumn.NAME:
        return row.full_name
    if column is MemberColumn.NICKNAME:
        return row.nickname
    if column is MemberColumn.ORGANISATION:
        return row.organisation_name
    if column is MemberColumn.ORG_TYPE:
        return labels.org_types.get(row.org_type, row.org_type)
    if column is MemberColumn.PROVINCE:
        return row.province_name
    if column is MemberColumn.POSITION:
        return row.position
    if column is MemberColumn.PERSONNEL_TYPE:
        return labels.personnel_types.get(row.personnel_type, row.personnel_type)
    if column is MemberColumn.PHONE:
        return _phone(row.phone)
    if column is MemberColumn.EMAIL:
        return row.email
    if column is MemberColumn.MEMBERSHIP_NO:
        return row.membership_no
    if column is MemberColumn.STATUS:
        return labels.statuses.get(row.status, row.status)
    if column is MemberColumn.JOINED_ON:
        return format_date(row.joined_on, style="short", era=era) if row.joined_on else ""
    if column is MemberColumn.CONSENT:
        return "✓" if row.has_consent else ""
    if column is MemberColumn.NATIONAL_ID:
        return row.national_id_masked
    raise ValueError(f"unknown column {column!r}")
