"""First start and later starts of a database: identity, reference refresh, sort-key rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from db import setup
from db.engine import open_database
from db.identity import local_identity
from db.members._keys import member_name_key


def _setting(database, key: str) -> str | None:  # type: ignore[no-untyped-def]
    with database.engine.connect() as connection:
        row = connection.execute(
            text("SELECT value FROM local_setting WHERE key = :k"), {"k": key}
        ).first()
    return row[0] if row else None


def test_first_start_gives_an_office_a_site_and_reference_data(tmp_path: Path) -> None:
    database = open_database(tmp_path / "a.sqlite")
    with database.session() as session:
        identity = local_identity(session)
        office = session.execute(
            text("SELECT owner_office_id, name FROM office WHERE id = :id"),
            {"id": identity.office_id},
        ).one()
        provinces = session.execute(text("SELECT count(*) FROM province")).scalar_one()
    assert office[0] == identity.office_id
    assert len(identity.site_id) == 12
    assert provinces == 77
    assert _setting(database, setup.REFERENCE_DIGEST_KEY) == setup.reference_digest()


def test_reopening_keeps_the_identity(tmp_path: Path) -> None:
    path = tmp_path / "b.sqlite"
    first = open_database(path)
    with first.session() as session:
        before = local_identity(session)
    first.dispose()
    second = open_database(path)
    with second.session() as session:
        assert local_identity(session) == before


def test_changed_reference_files_are_applied_on_next_start(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    database = open_database(path)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE province SET name_th = 'ผิด' WHERE code = 10"))
        connection.execute(
            text("UPDATE local_setting SET value = 'old' WHERE key = 'reference_digest'")
        )
    database.dispose()
    database = open_database(path)
    with database.engine.connect() as connection:
        name = connection.execute(text("SELECT name_th FROM province WHERE code = 10")).scalar_one()
    assert name == "กรุงเทพมหานคร"


def test_a_new_collation_version_rebuilds_stored_sort_keys(tmp_path: Path) -> None:
    path = tmp_path / "d.sqlite"
    database = open_database(path)
    with database.engine.begin() as connection:
        office = connection.execute(
            text("SELECT value FROM local_setting WHERE key='this_office_id'")
        ).scalar_one()
        connection.execute(
            text(
                "INSERT INTO member (id, owner_office_id, created_at, updated_at, hlc, prefix,"
                " first_name, last_name, first_name_en, last_name_en, nickname, personnel_type,"
                " position, position_type, position_level, phone, phone_office, email, line_id,"
                " address, membership_no, status, notes, consent_purpose, name_key, position_key)"
                " VALUES ('m1', :o, 'x', 'x', 'h', 'นาย', 'สมชาย', 'ใจดี', '', '', '', '', 'นิติกร',"
                " '', '', '', '', '', '', '', '', 'active', '', '', x'00', x'00')"
            ),
            {"o": office},
        )
        connection.execute(
            text("UPDATE local_setting SET value = 'icu-0' WHERE key = 'collation_version'")
        )
    database.dispose()
    database = open_database(path)
    with database.engine.connect() as connection:
        name_key, position_key = connection.execute(
            text("SELECT name_key, position_key FROM member WHERE id = 'm1'")
        ).one()
    assert name_key == member_name_key("สมชาย", "ใจดี")
    assert position_key == setup.thai_sort_key("นิติกร")
    assert _setting(database, setup.COLLATION_VERSION_KEY) == setup.collation_version()


def test_default_database_path_follows_the_user_dir_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.engine import default_db_path

    monkeypatch.setenv("KHRUEAKHAI_USER_DIR", str(tmp_path / "ผู้ใช้"))
    assert default_db_path() == tmp_path / "ผู้ใช้" / "data" / "khrueakhai.sqlite"
    monkeypatch.delenv("KHRUEAKHAI_USER_DIR")
    assert default_db_path().name == "khrueakhai.sqlite"
    assert "ผู้ใช้" not in str(default_db_path())
