"""The change history: who changed what, when, on which PC, with old and new values.

Append-only (rows are never deleted; only :func:`db.history.erase_member_values` wipes values of
a member's personal fields, as the PDPA asks). Sync-ready like the other shared tables: the row
travels, ``owner_office_id`` is the office where the change was made and ``created_at`` when.

- ``operation_id``: one user action (one transaction) is one operation; its rows share it;
- ``kind``: create, update, delete, restore, merge, undo, ... (imports are read from
  ``import_run`` when history is read, so an import of 393,000 members writes no history row);
- ``entity`` / ``entity_id``: the table and row changed; ``member_id`` the member it concerns
  (no foreign key: a merge must not move history, and history outlives erasure);
- ``changes_json``: ``{"field": [old, new], ...}`` of the fields that changed (``null`` instead
  of the pair once erased);
- ``link_id``: the ``member_merge`` of a merge; for an undo, the operation it undid.
"""

from __future__ import annotations

from sqlmodel import Field, Index

from db.models.base import SyncFields


class HistoryRecord(SyncFields, table=True):
    __tablename__ = "history"
    __table_args__ = (
        Index("ix_history_member_at", "member_id", "created_at"),
        Index("ix_history_operation", "operation_id"),
        Index("ix_history_link", "link_id"),
        Index("ix_history_actor", "owner_office_id", "device", "user_name", "created_at"),
    )

    operation_id: str = Field(max_length=36)
    kind: str = Field(max_length=20)
    entity: str = Field(max_length=40)
    entity_id: str = Field(max_length=36)
    member_id: str | None = Field(default=None, max_length=36)
    user_id: str | None = Field(default=None, max_length=36)
    user_name: str = ""
    device: str = ""
    changes_json: str = "{}"
    link_id: str | None = Field(default=None, max_length=36)
