"""Logs of bulk operations that can be undone as one step: imports and merges.

An import records every member it created or updated (with the old values of what it
changed); undoing it soft-deletes the created members and puts the old values back. A merge
records the surviving member's old values and every row it moved from the merged member;
undoing it moves them back and restores the merged member. (The general change history of
the register builds on these and links to them.)
"""

from __future__ import annotations

from sqlmodel import Field, Index, SQLModel

from db.models.base import SyncFields


class ImportRun(SyncFields, table=True):
    __tablename__ = "import_run"

    file_name: str
    sheet: str = ""
    on_duplicate: str = Field(default="skip", max_length=10)  # skip | update | new
    imported: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: int = 0
    report_json: str = ""  # the import report (errors, warnings, duplicates) as JSON
    undone_at: str | None = Field(default=None, max_length=32)
    # Who ran it (db.history.actor): the history shows an import as one entry with its user.
    user_id: str | None = Field(default=None, max_length=36)
    user_name: str = ""
    device: str = ""


class ImportRunItem(SQLModel, table=True):
    """One member an import created or updated (local bookkeeping for undo)."""

    __tablename__ = "import_run_item"
    __table_args__ = (Index("ix_import_run_item_run", "run_id", "action"),)

    id: int | None = Field(default=None, primary_key=True)
    run_id: str = Field(foreign_key="import_run.id")
    member_id: str = Field(foreign_key="member.id", index=True)
    action: str = Field(max_length=10)  # created | updated
    old_values_json: str = ""  # for updated: {"field": old value, ...} of the fields it changed
    row_number: int = 0  # the spreadsheet row it came from


class MemberMerge(SyncFields, table=True):
    __tablename__ = "member_merge"

    survivor_id: str = Field(foreign_key="member.id", index=True)
    merged_id: str = Field(foreign_key="member.id", index=True)
    survivor_old_json: str  # the survivor's fields before the merge
    moved_json: str  # [[table, row id, old member_id or note], ...] rows moved or closed
    score: float = 0.0
    undone_at: str | None = Field(default=None, max_length=32)
