"""Reference data shipped in resources/reference and loaded on first start.

Geography uses the Interior Ministry's codes as keys (identical in every office, so these
tables need no UUIDs): province 10 = Bangkok, district 1001, sub-district 100101.
Other lists (organisation types, name prefixes, personnel types, positions, group roles ...)
share one table keyed by (kind, code) and stay editable by the user.
"""

from __future__ import annotations

from sqlmodel import Column, Field, LargeBinary, SQLModel


class Region(SQLModel, table=True):
    __tablename__ = "region"

    id: int = Field(primary_key=True)
    name_th: str
    name_en: str


class Province(SQLModel, table=True):
    __tablename__ = "province"

    code: int = Field(primary_key=True)
    name_th: str = Field(index=True)
    name_en: str
    region_id: int = Field(foreign_key="region.id", index=True)
    name_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False, default=b""))


class District(SQLModel, table=True):
    __tablename__ = "district"

    code: int = Field(primary_key=True)
    province_code: int = Field(foreign_key="province.code", index=True)
    name_th: str
    name_en: str


class SubDistrict(SQLModel, table=True):
    __tablename__ = "sub_district"

    code: int = Field(primary_key=True)
    district_code: int = Field(foreign_key="district.code", index=True)
    name_th: str
    name_en: str
    zip_code: str = Field(default="", max_length=5)


class RefItem(SQLModel, table=True):
    """One entry of an editable reference list (kind: org_type, name_prefix, ...)."""

    __tablename__ = "ref_item"

    kind: str = Field(primary_key=True, max_length=40)
    code: str = Field(primary_key=True, max_length=80)
    name_th: str
    name_en: str = ""
    abbr_th: str = ""
    parent_code: str = Field(default="", max_length=80)
    sort_order: int = 0
    active: bool = True
