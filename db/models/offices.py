"""Offices: this installation and the others it shares data with."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from db.models.base import SyncFields


class Office(SyncFields, table=True):
    __tablename__ = "office"

    name: str
    province_code: int | None = Field(default=None, foreign_key="province.code")
    address: str = ""
    phone: str = ""


class LocalSetting(SQLModel, table=True):
    """Per-database settings that never travel (this office's id, the site id, ...)."""

    __tablename__ = "local_setting"

    key: str = Field(primary_key=True, max_length=80)
    value: str
