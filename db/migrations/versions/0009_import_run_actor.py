"""Who ran an import: user and computer on import_run, for the history.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Imports made before this revision keep empty names: nobody recorded who ran them.
    op.add_column("import_run", sa.Column("user_id", sa.String(length=36), nullable=True))
    op.add_column(
        "import_run", sa.Column("user_name", sa.String(), nullable=False, server_default="")
    )
    op.add_column("import_run", sa.Column("device", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("import_run") as batch:
        batch.drop_column("device")
        batch.drop_column("user_name")
        batch.drop_column("user_id")
