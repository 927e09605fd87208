"""Plain, immutable data that the member register's queries take and return.

Views build these and get these back; they never see a Session or a table row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class MemberFilter:
    """What the register is narrowed to. Empty tuples mean "any"."""

    text: str = ""  # Thai substrings of names, nickname, organisation, position; ID/phone digits
    province_codes: tuple[int, ...] = ()  # the organisation's province (ministry code, 10 = BKK)
    region_ids: tuple[int, ...] = ()
    org_type_codes: tuple[str, ...] = ()
    organisation_ids: tuple[str, ...] = ()
    personnel_types: tuple[str, ...] = ()
    positions: tuple[str, ...] = ()  # exact position texts
    group_ids: tuple[str, ...] = ()  # members of any of these groups (or their sub-groups)
    strengths: tuple[str, ...] = ()  # members having any of these strength tags
    statuses: tuple[str, ...] = ()


class SortColumn(StrEnum):
    NAME = "name"  # Thai collation of first name, then last name
    LAST_NAME = "last_name"
    NICKNAME = "nickname"
    ORGANISATION = "organisation"
    ORG_TYPE = "org_type"
    PROVINCE = "province"
    POSITION = "position"
    PERSONNEL_TYPE = "personnel_type"
    STATUS = "status"
    MEMBERSHIP_NO = "membership_no"
    PHONE = "phone"
    EMAIL = "email"
    JOINED_ON = "joined_on"
    UPDATED_AT = "updated_at"


@dataclass(frozen=True, slots=True)
class MemberSort:
    column: SortColumn = SortColumn.NAME
    descending: bool = False


class Facet(StrEnum):
    """Dimensions the filter panel shows counts for."""

    REGION = "region"
    PROVINCE = "province"
    ORG_TYPE = "org_type"
    PERSONNEL_TYPE = "personnel_type"
    STATUS = "status"
    GROUP = "group"
    STRENGTH = "strength"
    POSITION = "position"


@dataclass(frozen=True, slots=True)
class FacetCount:
    value: str  # the filter value as text (province code as str, group id, tag, ...)
    label: str  # Thai display label
    count: int


@dataclass(frozen=True, slots=True)
class MemberRow:
    """One line of the register table (what a screenful of rows needs, nothing more)."""

    key: int  # local row key (SQLite rowid) used by the table model; not a sync identity
    id: str
    prefix: str
    first_name: str
    last_name: str
    nickname: str
    organisation_name: str
    org_type: str  # ref_item code
    province_name: str
    position: str
    personnel_type: str  # ref_item code
    status: str
    phone: str  # national form, e.g. 0812345678
    email: str
    membership_no: str
    joined_on: dt.date | None
    national_id_masked: str  # x-xxxx-xxxxx-12-1 or ""
    has_consent: bool

    @property
    def full_name(self) -> str:
        return f"{self.prefix}{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class MemberInput:
    """Everything the member editor can change. `id` None creates a new member.

    Free-text fields arrive as typed by the user; validation normalises them (national ID to
    13 digits, phones to the national form, Thai digits to Arabic) and reports FieldErrors.
    """

    first_name: str
    id: str | None = None
    prefix: str = ""
    last_name: str = ""
    first_name_en: str = ""
    last_name_en: str = ""
    nickname: str = ""
    national_id: str = ""
    birth_date: dt.date | None = None
    gender: str | None = None
    personnel_type: str = ""
    position: str = ""
    position_type: str = ""
    position_level: str = ""
    organisation_id: str | None = None
    phone: str = ""
    phone_office: str = ""
    email: str = ""
    line_id: str = ""
    address: str = ""
    membership_no: str = ""
    status: str = "active"
    joined_on: dt.date | None = None
    expires_on: dt.date | None = None
    notes: str = ""
    consent_date: dt.date | None = None
    consent_purpose: str = ""
    strengths: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FieldError:
    """A problem with one field: `code` is stable (the UI translates by it), `message` English;
    `detail` the case of `code` and `args` the values the message names (for other languages)."""

    field: str
    code: str
    message: str
    detail: str = ""
    args: dict[str, str] | None = None


class MemberValidationError(ValueError):
    def __init__(self, errors: tuple[FieldError, ...]) -> None:
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors


class RefusedError(MemberValidationError):
    """An operation refused for one reason: one FieldError, read as ``code`` and ``message``."""

    def __init__(self, code: str, message: str, *, field: str = "") -> None:
        super().__init__((FieldError(field, code, message),))

    @property
    def code(self) -> str:
        return self.errors[0].code

    @property
    def message(self) -> str:
        return self.errors[0].message


@dataclass(frozen=True, slots=True)
class GroupRoleRow:
    membership_id: str
    group_id: str
    group_name: str
    group_kind: str
    role: str  # ref_item code of kind 'group_role'
    started_on: dt.date | None
    ended_on: dt.date | None


@dataclass(frozen=True, slots=True)
class DuesRow:
    id: str
    fiscal_year: int
    amount_satang: int
    paid_on: dt.date
    receipt_no: str
    group_name: str


@dataclass(frozen=True, slots=True)
class MemberProfile:
    """A member as the editor and profile show it."""

    data: MemberInput  # data.id is set
    organisation_name: str
    province_name: str
    created_at: str
    updated_at: str
    groups: tuple[GroupRoleRow, ...] = field(default_factory=tuple)
    dues: tuple[DuesRow, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class OrganisationChoice:
    id: str
    name: str
    type_code: str
    province_name: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.province_name})" if self.province_name else self.name


@dataclass(frozen=True, slots=True)
class GroupNode:
    """A group in the group tree, with its direct member count."""

    id: str
    name: str
    kind: str
    parent_id: str | None
    member_count: int
    description: str = ""
