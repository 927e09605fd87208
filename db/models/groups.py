"""Groups: networks, associations, clubs and committees (nested), with members in roles."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Column, Field, Index, LargeBinary

from db.models.base import SyncFields

GROUP_KINDS = ("network", "association", "club", "committee")


class NetworkGroup(SyncFields, table=True):
    __tablename__ = "network_group"

    name: str
    kind: str = Field(default="network", max_length=20)
    parent_id: str | None = Field(default=None, foreign_key="network_group.id", index=True)
    description: str = ""
    name_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False, default=b""))


class GroupMembership(SyncFields, table=True):
    __tablename__ = "group_membership"
    __table_args__ = (
        Index(
            "ix_group_membership_group_member",
            "group_id",
            "deleted_at",
            "member_id",
            "started_on",
            "ended_on",
        ),
    )

    group_id: str = Field(foreign_key="network_group.id")
    member_id: str = Field(foreign_key="member.id", index=True)
    role: str = Field(default="member", max_length=40)  # ref_item kind 'group_role'
    started_on: dt.date | None = None
    ended_on: dt.date | None = None
