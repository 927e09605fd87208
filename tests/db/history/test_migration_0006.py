"""0003 -> 0006: a register with members, an import and a merge gains the history table; its
imports show in the members' history at once, and new changes are recorded."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from db.engine import create_db_engine, open_database
from db.history import member_history
from db.members.edit import delete_member
from db.migrations import upgrade_to

MEMBER_COLUMNS = (
    "id, owner_office_id, created_at, updated_at, hlc, prefix, first_name, last_name,"
    " first_name_en, last_name_en, nickname, personnel_type, position, position_type,"
    " position_level, phone, phone_office, email, line_id, address, membership_no, status,"
    " notes, consent_purpose, name_key, position_key"
)


def _member(member_id: str, name: str) -> str:
    return (
        f"INSERT INTO member ({MEMBER_COLUMNS}) VALUES ('{member_id}', 'o1',"
        f" '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'h', 'นาย', '{name}', 'ใจดี',"
        " '', '', '', '', '', '', '', '', '', '', '', '', '', 'active', '', '', x'01', x'01')"
    )


def test_upgrade_from_0003_keeps_data_and_reads_old_imports(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_db_engine(path)
    upgrade_to(engine, "0003")
    with engine.begin() as connection:
        connection.execute(text(_member("m1", "สมชาย")))
        connection.execute(
            text(
                "INSERT INTO import_run (id, owner_office_id, created_at, updated_at, hlc,"
                " file_name, sheet, on_duplicate, imported, updated, skipped, rejected,"
                " report_json) VALUES ('r1', 'o1', '2026-01-01T00:00:00.000Z',"
                " '2026-01-01T00:00:00.000Z', 'h', 'รายชื่อ.xlsx', '', 'skip', 1, 0, 0, 0, '')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO import_run_item (run_id, member_id, action, old_values_json,"
                " row_number) VALUES ('r1', 'm1', 'created', '', 2)"
            )
        )
    engine.dispose()

    database = open_database(path)  # upgrades every head (0006 among them) and sets up
    try:
        with database.session() as session:
            assert session.execute(text("SELECT count(*) FROM member")).scalar() == 1
            assert session.execute(text("SELECT count(*) FROM history")).scalar() == 0
            entries = member_history(session, "m1")
            assert [(e.kind, e.link_label) for e in entries] == [("import", "รายชื่อ.xlsx")]
            delete_member(session, member_id="m1")
        with database.session() as session:
            assert [e.kind for e in member_history(session, "m1")] == ["delete", "import"]
    finally:
        database.dispose()
