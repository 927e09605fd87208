"""Members of the network: people, their strengths and dues."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Column, Field, Index, LargeBinary, text

from db.models.base import SyncFields

MEMBER_STATUSES = ("active", "pending", "inactive", "resigned", "deceased")
GENDERS = ("male", "female", "other")


class Member(SyncFields, table=True):
    __tablename__ = "member"
    __table_args__ = (
        Index("ix_member_live_name", "name_key", sqlite_where=text("deleted_at IS NULL")),
        # Filters and counts of live members are answered from these indexes alone.
        Index("ix_member_organisation", "organisation_id", "deleted_at", "name_key"),
        Index("ix_member_status", "status", "deleted_at", "name_key"),
        Index("ix_member_personnel_type", "personnel_type", "deleted_at", "name_key"),
        Index("ix_member_position", "position", "deleted_at"),
        Index("ix_member_deleted_at", "deleted_at"),
        Index(
            "ix_member_live_consent",
            "organisation_id",
            "consent_date",
            sqlite_where=text("deleted_at IS NULL"),
        ),
        Index(
            "ux_member_national_id",
            "national_id",
            unique=True,
            sqlite_where=text("national_id IS NOT NULL AND deleted_at IS NULL"),
            postgresql_where=text("national_id IS NOT NULL AND deleted_at IS NULL"),
        ),
    )

    prefix: str = ""
    first_name: str
    last_name: str = ""
    first_name_en: str = ""
    last_name_en: str = ""
    nickname: str = ""
    national_id: str | None = Field(default=None, max_length=13)
    birth_date: dt.date | None = None
    gender: str | None = Field(default=None, max_length=10)
    personnel_type: str = Field(default="", max_length=40)
    position: str = ""
    position_type: str = Field(default="", max_length=40)
    position_level: str = Field(default="", max_length=40)
    organisation_id: str | None = Field(default=None, foreign_key="organisation.id")
    phone: str = Field(default="", max_length=20, index=True)
    phone_office: str = Field(default="", max_length=20)
    email: str = ""
    line_id: str = ""
    address: str = ""
    membership_no: str = Field(default="", max_length=40, index=True)
    status: str = Field(default="active", max_length=20)
    joined_on: dt.date | None = None
    expires_on: dt.date | None = None
    notes: str = ""
    consent_date: dt.date | None = None
    consent_purpose: str = ""
    name_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False, default=b""))
    position_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False, default=b""))


class MemberStrength(SyncFields, table=True):
    """A strength (skill, expertise) a member offers to the network, as a free tag."""

    __tablename__ = "member_strength"
    __table_args__ = (Index("ix_member_strength_tag", "tag", "deleted_at", "member_id"),)

    member_id: str = Field(foreign_key="member.id", index=True)
    tag: str = Field(max_length=80)


class DuesPayment(SyncFields, table=True):
    __tablename__ = "dues_payment"
    __table_args__ = (
        Index("ix_dues_fiscal_year", "fiscal_year"),
        Index(
            "ix_dues_live_paid_on",
            "paid_on",
            "amount_satang",
            sqlite_where=text("deleted_at IS NULL"),
        ),
    )

    member_id: str = Field(foreign_key="member.id", index=True)
    group_id: str | None = Field(default=None, foreign_key="network_group.id", index=True)
    fiscal_year: int  # Buddhist-era fiscal year (1 Oct - 30 Sep), e.g. 2570
    amount_satang: int  # money as whole satang (1 baht = 100 satang), never float
    paid_on: dt.date
    receipt_no: str = Field(default="", max_length=40)
