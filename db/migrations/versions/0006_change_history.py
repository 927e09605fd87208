"""change history: who changed what, when, on which PC (old and new values)

Revision ID: 0006
Revises: 0003
Create Date: 2026-11-24 13:40:00

A new append-only table; existing data is untouched. Imports and merges made before this
revision still show in a member's history (imports are read from import_run when history is read).
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0003"
branch_labels = None
depends_on = None


def _text(length: int | None = None) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    op.create_table(
        "history",
        sa.Column("id", _text(36), nullable=False),
        sa.Column("owner_office_id", _text(36), nullable=False),
        sa.Column("created_at", _text(32), nullable=False),
        sa.Column("updated_at", _text(32), nullable=False),
        sa.Column("hlc", _text(64), nullable=False),
        sa.Column("deleted_at", _text(32), nullable=True),
        sa.Column("operation_id", _text(36), nullable=False),
        sa.Column("kind", _text(20), nullable=False),
        sa.Column("entity", _text(40), nullable=False),
        sa.Column("entity_id", _text(36), nullable=False),
        sa.Column("member_id", _text(36), nullable=True),
        sa.Column("user_id", _text(36), nullable=True),
        sa.Column("user_name", _text(), nullable=False),
        sa.Column("device", _text(), nullable=False),
        sa.Column("changes_json", _text(), nullable=False),
        sa.Column("link_id", _text(36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.create_index("ix_history_member_at", ["member_id", "created_at"], unique=False)
        batch_op.create_index("ix_history_operation", ["operation_id"], unique=False)
        batch_op.create_index("ix_history_link", ["link_id"], unique=False)
        batch_op.create_index(
            "ix_history_actor",
            ["owner_office_id", "device", "user_name", "created_at"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("history", schema=None) as batch_op:
        batch_op.drop_index("ix_history_actor")
        batch_op.drop_index("ix_history_link")
        batch_op.drop_index("ix_history_operation")
        batch_op.drop_index("ix_history_member_at")
    op.drop_table("history")
