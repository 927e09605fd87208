"""0003 -> 0007: a database holding members gains the users table; login stays off."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from db.accounts import Role, create_user, login_required, login_settings
from db.engine import create_db_engine, open_database
from db.migrations import upgrade_to


def test_upgrade_from_0003_keeps_members_and_adds_users(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_db_engine(path)
    upgrade_to(engine, "0003")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO member (id, owner_office_id, created_at, updated_at, hlc, prefix,"
                " first_name, last_name, first_name_en, last_name_en, nickname, personnel_type,"
                " position, position_type, position_level, phone, phone_office, email, line_id,"
                " address, membership_no, status, notes, consent_purpose, name_key,"
                " position_key) VALUES ('m1', 'o1', 'x', 'x', 'h', 'นาย', 'สมชาย', 'ใจดี', '',"
                " '', '', '', '', '', '', '', '', '', '', '', '', 'active', '', '', x'01', x'01')"
            )
        )
        connection.execute(text("INSERT INTO local_setting (key, value) VALUES ('k', 'v')"))
    assert "app_user" not in inspect(engine).get_table_names()

    upgrade_to(engine, "0007")

    assert "app_user" in inspect(engine).get_table_names()
    indexes = {i["name"]: i for i in inspect(engine).get_indexes("app_user")}
    assert indexes["ux_app_user_username_key"]["unique"]
    with engine.begin() as connection:
        assert connection.execute(text("SELECT first_name FROM member")).scalar_one() == "สมชาย"
        assert connection.execute(text("SELECT count(*) FROM app_user")).scalar_one() == 0
    engine.dispose()

    database = open_database(path)  # to every head, with first-start set-up
    try:
        with database.session() as session:
            assert not login_required(session)
            assert login_settings(session).default_role is Role.ADMIN
            create_user(session, username="admin", password="a-long-password", role="admin")
        with database.session() as session:
            assert session.execute(text("SELECT value FROM local_setting WHERE key = 'k'")).one()
    finally:
        database.dispose()
