"""Integrity checks, restoring (healthy and damaged live databases), refusals, and the
backup before a migration."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from db.backup import (
    BackupError,
    BackupSettings,
    backup_before,
    backup_now,
    check_integrity,
    create_backup,
    ensure_not_in_use,
    latest_good_backup,
    list_backups,
    read_backup_settings,
    restore_backup,
    save_backup_settings,
)
from db.engine import create_db_engine, open_database
from db.migrations import head_revision, upgrade_to
from tests.db.backup.conftest import MEMBERS, corrupt, execute, scalar


def live_members(path: Path) -> int:
    return int(scalar(path, "SELECT count(*) FROM member WHERE deleted_at IS NULL"))  # type: ignore[arg-type]


def test_check_integrity_finds_a_corrupted_file(demo_db: Path, tmp_path: Path) -> None:
    good = check_integrity(demo_db)
    assert good.ok and good.problems == () and good.foreign_key_problems == 0
    assert check_integrity(demo_db, full=True).ok
    corrupt(demo_db)
    bad = check_integrity(demo_db)
    assert not bad.ok and bad.problems
    assert not check_integrity(demo_db, full=True).ok
    text_file = tmp_path / "x.sqlite"
    text_file.write_text("not a database" * 500)
    assert not check_integrity(text_file).ok
    with pytest.raises(BackupError):
        check_integrity(tmp_path / "missing.sqlite")


def test_restore_brings_the_data_back_after_backing_up_the_present(
    demo_db: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "สำรอง"
    database = open_database(demo_db)
    try:
        with database.session() as session:
            save_backup_settings(
                session, settings=BackupSettings(folder=folder, schedule="weekly", keep_daily=5)
            )
        backup = backup_now(database, reason="manual")
        assert read_backup_settings(demo_db).last_backup_at is not None
        # A mistaken click: 50 members deleted, then restore.
        with database.session() as session:
            session.execute(text("UPDATE member SET deleted_at = '2026-01-01' WHERE rowid <= 50"))
        assert live_members(demo_db) == MEMBERS - 50
        # The app keeps its engine open while the restore runs (its connections are idle).
        result = restore_backup(demo_db, backup.path, folder=folder)
        with database.session() as session:  # the open engine sees the restored data
            count = session.execute(
                text("SELECT count(*) FROM member WHERE deleted_at IS NULL")
            ).scalar_one()
        assert count == MEMBERS
    finally:
        database.dispose()
    assert live_members(demo_db) == MEMBERS
    assert result.schema_revision == head_revision()
    assert result.restored_from.path == backup.path
    assert result.damaged_copy is None
    safety = result.safety_backup
    assert safety is not None and safety.reason == "before-restore"
    assert safety.counts.members == MEMBERS - 50
    assert live_members(safety.path) == MEMBERS - 50
    # The restored database is not marked as a backup and keeps its own backup settings.
    assert scalar(demo_db, "SELECT count(*) FROM local_setting WHERE key = 'backup_info'") == 0
    settings = read_backup_settings(demo_db)
    assert settings.folder == folder and settings.schedule == "weekly"
    assert check_integrity(demo_db, full=True).ok
    assert {info.reason for info in list_backups(folder)} == {"manual", "before-restore"}


def test_restore_refuses_and_changes_nothing(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    database = open_database(demo_db)
    try:
        backup = create_backup(database, folder=folder, reason="manual")
    finally:
        database.dispose()
    execute(demo_db, "UPDATE member SET deleted_at = '2026-01-01' WHERE rowid <= 5")
    before = live_members(demo_db)

    damaged = tmp_path / "damaged.sqlite"
    shutil.copyfile(backup.path, damaged)
    corrupt(damaged)
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(backup.path, newer)
    execute(newer, "DELETE FROM alembic_version")
    execute(newer, "INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    foreign = tmp_path / "foreign.sqlite"
    execute(foreign, "CREATE TABLE t (a)")
    cases = {
        "damaged": damaged, "newer_schema": newer, "missing": tmp_path / "none.sqlite",
        "not_database": foreign,
    }  # fmt: skip
    for code, path in cases.items():
        with pytest.raises(BackupError) as error:
            restore_backup(demo_db, path, folder=folder)
        assert error.value.code == code, (code, error.value.message)
    assert live_members(demo_db) == before
    assert [info.path for info in list_backups(folder)] == [backup.path]  # no safety backups


def test_restore_over_a_damaged_database_moves_it_aside(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "b"
    database = open_database(demo_db)
    try:
        backup = create_backup(database, folder=folder, reason="scheduled")
    finally:
        database.dispose()
    corrupt(demo_db)
    assert latest_good_backup(folder) is not None
    assert latest_good_backup(folder).path == backup.path  # type: ignore[union-attr]
    result = restore_backup(demo_db, backup.path, folder=folder)
    assert result.safety_backup is None
    assert result.damaged_copy is not None and result.damaged_copy.exists()
    assert ".damaged-" in result.damaged_copy.name
    assert not check_integrity(result.damaged_copy).ok  # kept as it was, for the record
    assert check_integrity(demo_db, full=True).ok
    assert live_members(demo_db) == MEMBERS


def test_ensure_not_in_use(demo_db: Path) -> None:
    ensure_not_in_use(demo_db)
    other = sqlite3.connect(demo_db)
    try:
        other.execute("SELECT count(*) FROM member").fetchone()
        with pytest.raises(BackupError) as error:
            ensure_not_in_use(demo_db)
        assert error.value.code == "in_use"
    finally:
        other.close()
    ensure_not_in_use(demo_db)


def test_backup_before_reuses_a_recent_backup(demo_db: Path, tmp_path: Path) -> None:
    database = open_database(demo_db)
    try:
        with database.session() as session:
            save_backup_settings(session, settings=BackupSettings(folder=tmp_path / "m"))
        window = dt.timedelta(minutes=15)
        first = backup_before(database, reason="before-merge", reuse_within=window)
        again = backup_before(database, reason="before-merge", reuse_within=window)
        forced = backup_before(database, reason="before-import")
    finally:
        database.dispose()
    assert first is not None and first.reason == "before-merge"
    assert again is None
    assert forced is not None and forced.reason == "before-import"


def test_open_database_backs_up_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "เก่า.sqlite"
    engine = create_db_engine(path)
    upgrade_to(engine, "0002")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO local_setting (key, value) VALUES ('marker', 'x')"))
        connection.execute(
            text("INSERT INTO local_setting (key, value) VALUES ('backup/folder', :f)"),
            {"f": str(tmp_path / "ก่อนปรับรุ่น")},
        )
    engine.dispose()
    database = open_database(path)
    database.dispose()
    backups = list_backups(tmp_path / "ก่อนปรับรุ่น")
    assert [info.reason for info in backups] == ["before-migration"]
    assert backups[0].schema_revision == "0002"
    assert scalar(backups[0].path, "SELECT value FROM local_setting WHERE key = 'marker'") == "x"
    # Opened again at head: no second backup.
    open_database(path).dispose()
    assert len(list_backups(tmp_path / "ก่อนปรับรุ่น")) == 1
    # A new database is not backed up.
    open_database(tmp_path / "new.sqlite").dispose()
    assert len(list_backups(tmp_path / "ก่อนปรับรุ่น")) == 1
