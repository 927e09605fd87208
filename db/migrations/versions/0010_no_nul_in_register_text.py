"""Text of the register without NUL characters.

The member editor and the import dropped the other invisible characters but kept a NUL
(from a damaged file or a paste), at which SQLite's printf (which builds exported rows) and
many C functions stop. Both now drop it (db.thai.text.ZERO_WIDTH_CHARS), and the export
takes a cell holding one through Python; this takes it out of what was stored before, so the
register holds what the editor would store. SQLite's replace() cannot search for a NUL (it
reads the pattern as an empty text), so the few rows that hold one are rewritten here.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TABLES = ("member", "organisation", "network_group", "member_strength")


def upgrade() -> None:
    connection = op.get_bind()
    for table in TABLES:
        columns = [
            name for _cid, name, kind, *_rest in connection.exec_driver_sql(
                f"PRAGMA table_info({table})"
            )
            if kind.upper().startswith(("VARCHAR", "TEXT"))
        ]  # fmt: skip
        holding = " OR ".join(f"instr({name}, char(0)) > 0" for name in columns)
        rows = connection.exec_driver_sql(
            f"SELECT rowid, {', '.join(columns)} FROM {table} WHERE {holding}"
        ).fetchall()
        assignments = ", ".join(f"{name} = ?" for name in columns)
        for rowid, *values in rows:
            cleaned = [v.replace("\x00", "") if isinstance(v, str) else v for v in values]
            connection.exec_driver_sql(
                f"UPDATE {table} SET {assignments} WHERE rowid = ?", (*cleaned, rowid)
            )


def downgrade() -> None:
    pass  # the NULs are not put back
