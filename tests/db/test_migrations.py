"""Every schema change is a migration: an empty database upgrades to head and matches the models."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

import db.models  # noqa: F401
from db.engine import create_db_engine
from db.migrations import current_revision, head_revision, include_in_autogenerate, upgrade_to_head


def test_empty_database_upgrades_to_head_and_matches_models(tmp_path: Path) -> None:
    engine = create_db_engine(tmp_path / "empty.sqlite")
    assert current_revision(engine) is None

    upgrade_to_head(engine)

    assert current_revision(engine) == head_revision()
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_in_autogenerate}
        )
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_upgrade_is_idempotent(tmp_path: Path) -> None:
    engine = create_db_engine(tmp_path / "twice.sqlite")
    upgrade_to_head(engine)
    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision()


def test_fts_index_and_triggers_exist(tmp_path: Path) -> None:
    engine = create_db_engine(tmp_path / "fts.sqlite")
    upgrade_to_head(engine)
    with engine.connect() as connection:
        names = {
            row[0]
            for row in connection.execute(
                text("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
            )
        }
    assert {
        "member_fts",
        "member_fts_insert",
        "member_fts_update",
        "member_fts_delete",
        "organisation_rename_fts",
    } <= names


def test_every_shareable_table_is_sync_ready(tmp_path: Path) -> None:
    engine = create_db_engine(tmp_path / "sync.sqlite")
    upgrade_to_head(engine)
    inspector = inspect(engine)
    shareable = [
        "office",
        "organisation",
        "member",
        "member_strength",
        "network_group",
        "group_membership",
        "dues_payment",
    ]
    for table in shareable:
        columns = {c["name"]: c for c in inspector.get_columns(table)}
        assert {"id", "owner_office_id", "hlc", "deleted_at", "created_at", "updated_at"} <= set(
            columns
        ), table
        assert inspector.get_pk_constraint(table)["constrained_columns"] == ["id"], table
        assert "CHAR" in str(columns["id"]["type"]).upper(), table


def test_upgrade_from_the_first_version_keeps_data_triggers_and_search(tmp_path: Path) -> None:
    from db.migrations import upgrade_to

    engine = create_db_engine(tmp_path / "old.sqlite")
    upgrade_to(engine, "0001")
    member_values = (
        "'m1', 'o1', 'x', 'x', 'h', 'นาย', 'สมชาย', 'ใจดี', '', '', '', '', '', '', '', '',"
        " '', '', '', '', '', 'active', '', '', x'01', x'01'"
    )
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO member (id, owner_office_id, created_at, updated_at, hlc, prefix,"
                " first_name, last_name, first_name_en, last_name_en, nickname, personnel_type,"
                " position, position_type, position_level, phone, phone_office, email, line_id,"
                f" address, membership_no, status, notes, consent_purpose, name_key,"
                f" position_key) VALUES ({member_values})"
            )
        )

    upgrade_to_head(engine)

    with engine.begin() as connection:
        found = (
            connection.execute(
                text(
                    "SELECT m.id FROM member_fts f JOIN member m ON m.rowid = f.rowid"
                    " WHERE member_fts MATCH 'ชายใจ'"
                )
            )
            .scalars()
            .all()
        )
        assert found == ["m1"]
        connection.execute(text("UPDATE member SET first_name = 'สมหญิง' WHERE id = 'm1'"))
        renamed = connection.execute(
            text("SELECT count(*) FROM member_fts WHERE member_fts MATCH 'สมหญิง'")
        ).scalar_one()
    assert renamed == 1


def test_nul_characters_leave_the_stored_register_text(tmp_path: Path) -> None:
    """0010: a NUL stored before the editor and the import dropped it is taken out of
    members, organisations, groups and strengths (the rest of the text kept, search too)."""
    from db.migrations import upgrade_to

    engine = create_db_engine(tmp_path / "nul.sqlite")
    upgrade_to(engine, "0009")
    with engine.begin() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute(
            "INSERT INTO member (id, owner_office_id, created_at, updated_at, hlc, prefix,"
            " first_name, last_name, first_name_en, last_name_en, nickname, personnel_type,"
            " position, position_type, position_level, phone, phone_office, email, line_id,"
            " address, membership_no, status, notes, consent_purpose, name_key, position_key)"
            " VALUES ('m1', 'o1', 'x', 'x', 'h', 'นาย', ?, 'ใจดี', '', '', '', '', '', '', '',"
            " '', '', '', '', '', '', 'active', ?, '', x'01', x'01')",
            ("สม\x00ชาย", "ก่อน\x00หลัง, และต่อ"),
        )
        raw.execute(
            "INSERT INTO member (id, owner_office_id, created_at, updated_at, hlc, prefix,"
            " first_name, last_name, first_name_en, last_name_en, nickname, personnel_type,"
            " position, position_type, position_level, phone, phone_office, email, line_id,"
            " address, membership_no, status, notes, consent_purpose, name_key, position_key)"
            " VALUES ('m2', 'o1', 'x', 'x', 'h2', 'นาง', 'มาลี', 'ดีใจ', '', '', '', '', '', '',"
            " '', '', '', '', '', '', '', 'active', 'ปกติ', '', x'02', x'02')"
        )
        raw.execute(
            "INSERT INTO member_strength (id, owner_office_id, created_at, updated_at, hlc,"
            " member_id, tag) VALUES ('s1', 'o1', 'x', 'x', 'h', 'm1', ?)",
            ("กฎ\x00หมาย",),
        )
    upgrade_to_head(engine)
    with engine.begin() as connection:
        members = connection.execute(
            text("SELECT id, first_name, notes, updated_at FROM member ORDER BY id")
        ).all()
        tags = connection.execute(text("SELECT tag FROM member_strength")).scalars().all()
        found = connection.execute(
            text("SELECT count(*) FROM member_fts WHERE member_fts MATCH 'สมชาย'")
        ).scalar_one()
    assert [tuple(m) for m in members] == [
        ("m1", "สมชาย", "ก่อนหลัง, และต่อ", "x"), ("m2", "มาลี", "ปกติ", "x"),
    ]  # fmt: skip
    assert tags == ["กฎหมาย"]
    assert found == 1
