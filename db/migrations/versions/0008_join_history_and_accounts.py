"""Join the two branches made off 0003: the change history (0006) and app users (0007).

Revision ID: 0008
Revises: 0006, 0007
"""

from __future__ import annotations

revision = "0008"
down_revision = ("0006", "0007")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: both branches' tables are independent of each other."""


def downgrade() -> None:
    """Nothing to change."""
