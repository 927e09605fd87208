"""Local administrative organisations (อปท.) and other employers of members."""

from __future__ import annotations

from sqlmodel import Column, Field, LargeBinary

from db.models.base import SyncFields


class Organisation(SyncFields, table=True):
    __tablename__ = "organisation"

    type_code: str = Field(max_length=40, index=True)  # ref_item kind 'org_type'
    name: str
    province_code: int | None = Field(default=None, foreign_key="province.code", index=True)
    district_code: int | None = Field(default=None, foreign_key="district.code")
    official_code: str | None = Field(default=None, max_length=20, index=True)
    name_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False, default=b""))
