"""Fields every shareable (sync-ready) table carries, and small helpers for them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Field, SQLModel

from db.ids import new_id


def utc_now_iso() -> str:
    """Current UTC time as ISO-8601 text with milliseconds (how timestamps are stored)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class SyncFields(SQLModel):
    """Identity and change metadata of a record that can travel between offices.

    - ``id``: UUID v7 text, generated where the record is created;
    - ``owner_office_id``: the office that owns the record, fixed at creation;
    - ``hlc``: hybrid logical clock stamp of the last change (text-sortable);
    - ``deleted_at``: soft delete; a deletion travels like any other change.
    """

    id: str = Field(default_factory=new_id, primary_key=True, max_length=36)
    owner_office_id: str = Field(max_length=36)
    created_at: str = Field(default_factory=utc_now_iso, max_length=32)
    updated_at: str = Field(default_factory=utc_now_iso, max_length=32)
    hlc: str = Field(max_length=64)
    deleted_at: str | None = Field(default=None, max_length=32)
