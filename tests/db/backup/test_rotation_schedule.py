"""Rotation (a pure plan, then deletion), the schedule, and the settings in local_setting."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from db.backup import (
    BackupSettings,
    backup_due,
    backup_name,
    default_backup_folder,
    load_backup_settings,
    plan_pruning,
    prune_backups,
    read_backup_settings,
    save_backup_settings,
)
from db.engine import default_db_path, open_database

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def daily_backups(days: int, *, per_day: int = 1) -> list[tuple[Path, dt.datetime]]:
    found = []
    for day in range(days):
        for index in range(per_day):
            at = NOW - dt.timedelta(days=day, hours=index * 3)
            reason = "scheduled" if index == 0 else "before-import"
            found.append((Path(backup_name(at, reason)), at))
    return found


def test_plan_keeps_7_daily_4_weekly_12_monthly() -> None:
    backups = daily_backups(400)
    plan = plan_pruning(backups, keep_daily=7, keep_weekly=4, keep_monthly=12, tz=UTC)
    kept_times = sorted((at for path, at in backups if path in plan.keep), reverse=True)
    assert kept_times[0] == NOW
    days = {at.date() for at in kept_times}
    assert {(NOW - dt.timedelta(days=d)).date() for d in range(7)} <= days
    months = {(at.year, at.month) for at in kept_times}
    assert len(months) == 12
    # 7 daily; the weekly ones not already kept; the monthly ones not already kept
    assert 12 <= len(plan.keep) <= 7 + 4 + 12
    assert set(plan.keep) | set(plan.delete) == {path for path, _ in backups}
    assert not set(plan.keep) & set(plan.delete)


def test_risky_operation_backups_count_within_their_day() -> None:
    backups = daily_backups(10, per_day=3)  # a scheduled and two before-import each day
    plan = plan_pruning(backups, keep_daily=7, keep_weekly=0, keep_monthly=0, tz=UTC)
    assert len(plan.keep) == 7  # one per day, the newest of the day
    for path in plan.keep:
        assert "scheduled" in path.name


def test_newest_is_never_deleted() -> None:
    backups = daily_backups(5)
    plan = plan_pruning(backups, keep_daily=0, keep_weekly=0, keep_monthly=0, tz=UTC)
    assert plan.keep == (backups[0][0],)
    assert plan_pruning([], tz=UTC).keep == ()
    with pytest.raises(ValueError):
        plan_pruning(backups, keep_daily=-1)


def test_prune_deletes_only_backup_files(tmp_path: Path) -> None:
    for path, _at in daily_backups(30):
        (tmp_path / path.name).write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "khrueakhai.sqlite").write_bytes(b"a database, not a backup")
    future = tmp_path / backup_name(NOW + dt.timedelta(days=3), "manual")
    future.write_bytes(b"x")  # made while the clock was ahead
    plan = prune_backups(tmp_path, keep_daily=3, keep_weekly=0, keep_monthly=0, now=NOW, tz=UTC)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert "notes.txt" in left and "khrueakhai.sqlite" in left and future.name in left
    assert len([name for name in left if name.startswith("khrueakhai-")]) == 4
    assert len(plan.delete) == 27


@pytest.mark.parametrize(
    ("last", "schedule", "due"),
    [
        (None, "daily", True),
        (None, "weekly", True),
        (None, "off", False),
        (NOW - dt.timedelta(hours=1), "daily", False),
        (NOW - dt.timedelta(hours=13), "daily", True),  # yesterday 23:00, today 12:00
        (NOW - dt.timedelta(days=6), "weekly", False),
        (NOW - dt.timedelta(days=7), "weekly", True),
        (NOW - dt.timedelta(days=400), "off", False),
        (NOW + dt.timedelta(days=2), "daily", True),  # the last one is from a clock ahead
    ],
)
def test_backup_due(last: dt.datetime | None, schedule: str, due: bool) -> None:
    assert backup_due(last, schedule, NOW, tz=UTC) is due  # type: ignore[arg-type]


def test_backup_due_uses_local_days() -> None:
    bangkok = dt.timezone(dt.timedelta(hours=7))
    last = dt.datetime(2026, 11, 24, 16, 30, tzinfo=UTC)  # 23:30 in Bangkok
    now = dt.datetime(2026, 11, 24, 17, 30, tzinfo=UTC)  # 00:30 the next day in Bangkok
    assert backup_due(last, "daily", now, tz=bangkok) is True
    assert backup_due(last, "daily", now, tz=UTC) is False
    with pytest.raises(ValueError):
        backup_due(last, "hourly", now)  # type: ignore[arg-type]


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    database = open_database(path)
    try:
        with database.session() as session:
            # a database other than the app's own register: its own folder beside it
            assert load_backup_settings(session) == BackupSettings(folder=tmp_path / "s-backups")
            save_backup_settings(
                session,
                settings=BackupSettings(
                    folder=tmp_path / "แฟลชไดรฟ์",
                    schedule="weekly",
                    keep_daily=3,
                    keep_weekly=2,
                    keep_monthly=6,
                ),
            )
        with database.session() as session:
            loaded = load_backup_settings(session)
        assert loaded.folder == tmp_path / "แฟลชไดรฟ์"
        assert (loaded.schedule, loaded.keep_daily, loaded.keep_weekly, loaded.keep_monthly) == (
            "weekly", 3, 2, 6,
        )  # fmt: skip
        assert read_backup_settings(path) == loaded
        with database.session() as session, pytest.raises(ValueError):
            save_backup_settings(session, settings=BackupSettings(folder=tmp_path, keep_daily=-1))
    finally:
        database.dispose()
    assert read_backup_settings(tmp_path / "missing.sqlite").folder == tmp_path / "missing-backups"


def test_the_default_folder_is_the_registers_own(tmp_path: Path) -> None:
    # The app's own register keeps the user's data folder ...
    own = default_db_path()
    assert default_backup_folder(own) == default_backup_folder()
    assert read_backup_settings(own).folder == default_backup_folder()
    # ... any other database file gets a folder beside it, named for it.
    other = tmp_path / "สาขา ขอนแก่น" / "สมาชิก.sqlite"
    assert default_backup_folder(other) == tmp_path / "สาขา ขอนแก่น" / "สมาชิก-backups"


def test_saving_the_default_folder_stores_no_folder(tmp_path: Path) -> None:
    database = open_database(tmp_path / "b.sqlite")
    try:
        with database.session() as session:
            save_backup_settings(session, settings=BackupSettings(folder=tmp_path / "b-backups"))
        assert scalar_setting(tmp_path / "b.sqlite", "backup/folder") == ""
    finally:
        database.dispose()


def scalar_setting(path: Path, key: str) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute(
            "SELECT value FROM local_setting WHERE key = ?", (key,)
        ).fetchone()[0])  # fmt: skip
    finally:
        connection.close()
