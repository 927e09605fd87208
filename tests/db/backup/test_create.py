"""Making backups: online backup API, atomic names, metadata, cancel, kill, concurrent writes."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from db.backup import (
    BackupCancelled,
    BackupError,
    backup_name,
    backup_to_file,
    create_backup,
    list_backups,
    parse_backup_name,
    read_backup_info,
)
from db.engine import open_database
from db.migrations import head_revision
from tests.db.backup.conftest import MEMBERS, execute, scalar


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_name_sorts_by_time_and_says_why() -> None:
    at = dt.datetime(2026, 11, 24, 10, 30, 0, tzinfo=dt.UTC)
    name = backup_name(at, "before-import")
    assert name == "khrueakhai-2026-11-24T10-30-00Z-before-import.sqlite"
    assert parse_backup_name(name) == (at, "before-import")
    assert parse_backup_name(backup_name(at, "manual", serial=3)) == (at, "manual")
    assert backup_name(at + dt.timedelta(seconds=1), "a") > backup_name(at, "zzz")
    assert parse_backup_name("khrueakhai.sqlite") is None
    with pytest.raises(BackupError) as error:
        backup_name(at, "Before Import")
    assert error.value.code == "bad_reason"


def test_create_backup_into_a_thai_folder(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "สำรองข้อมูล" / "USB ไดรฟ์"
    database = open_database(demo_db)
    try:
        info = create_backup(database, folder=folder, reason="manual")
    finally:
        database.dispose()
    assert info.path.parent == folder
    assert parse_backup_name(info.path.name) is not None
    assert info.reason == "manual"
    assert info.counts.members == MEMBERS
    assert info.counts.organisations > 0 and info.counts.groups > 0 and info.counts.dues > 0
    assert info.schema_revision == head_revision()
    assert info.integrity_ok is True
    assert info.size == info.path.stat().st_size
    # Only the finished backup is in the folder: no partial file, no journal, no WAL.
    assert [p.name for p in folder.iterdir()] == [info.path.name]

    before = digest(info.path)
    read = read_backup_info(info.path)
    assert read.counts == info.counts
    assert read.reason == "manual"
    assert read.schema_revision == info.schema_revision
    assert read.integrity_ok is True
    assert abs((read.created_at - info.created_at).total_seconds()) < 1
    assert read_backup_info(info.path, verify=True).integrity_ok is True
    assert digest(info.path) == before  # previewing never writes to the backup
    assert [p.name for p in folder.iterdir()] == [info.path.name]
    assert scalar(info.path, "SELECT count(*) FROM member") == scalar(
        demo_db, "SELECT count(*) FROM member"
    )


def test_two_backups_in_one_second_get_different_names(demo_db: Path, tmp_path: Path) -> None:
    database = open_database(demo_db)
    try:
        first = create_backup(database, folder=tmp_path / "b", reason="manual")
        second = create_backup(database, folder=tmp_path / "b", reason="manual")
    finally:
        database.dispose()
    assert first.path != second.path
    assert {info.path for info in list_backups(tmp_path / "b")} == {first.path, second.path}


def test_cancel_leaves_no_file(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "copy.sqlite"
    out.parent.mkdir()
    cancel = threading.Event()
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        cancel.set()
        return True

    import db.backup.create as create_module

    old = create_module.PAGES_PER_STEP
    create_module.PAGES_PER_STEP = 16  # several steps even for the small database
    try:
        with pytest.raises(BackupCancelled):
            backup_to_file(demo_db, out=out, reason="manual", progress=progress, cancel=cancel)
        with pytest.raises(BackupCancelled):
            backup_to_file(demo_db, out=out, reason="manual", progress=lambda d, t: False)
    finally:
        create_module.PAGES_PER_STEP = old
    assert calls and calls[0][1] > calls[0][0]
    assert list(out.parent.iterdir()) == []


def test_backup_is_one_snapshot_while_another_connection_writes(
    demo_db: Path, tmp_path: Path
) -> None:
    import db.backup.create as create_module

    members_before = scalar(demo_db, "SELECT count(*) FROM member WHERE deleted_at IS NULL")
    wrote: list[int] = []

    def progress(done: int, total: int) -> None:
        if not wrote:  # a write committed by another connection in the middle of the copy
            execute(demo_db, "UPDATE member SET deleted_at = '2026-01-01' WHERE rowid <= 10")
            wrote.append(done)

    old = create_module.PAGES_PER_STEP
    create_module.PAGES_PER_STEP = 16
    try:
        info = backup_to_file(
            demo_db, out=tmp_path / "snap.sqlite", reason="manual", progress=progress
        )
    finally:
        create_module.PAGES_PER_STEP = old
    assert wrote
    assert info.counts.members == members_before
    assert scalar(info.path, "SELECT count(*) FROM member WHERE deleted_at IS NULL") == (
        members_before
    )
    assert scalar(demo_db, "SELECT count(*) FROM member WHERE deleted_at IS NULL") == (
        members_before - 10
    )
    assert scalar(info.path, "PRAGMA integrity_check") == "ok"


def test_errors_are_plain(tmp_path: Path, demo_db: Path) -> None:
    with pytest.raises(BackupError) as error:
        backup_to_file(tmp_path / "none.sqlite", out=tmp_path / "x.sqlite", reason="manual")
    assert error.value.code == "missing"
    not_db = tmp_path / "notes.sqlite"
    not_db.write_bytes(b"hello, this is not a database" * 200)
    with pytest.raises(BackupError) as error:
        backup_to_file(not_db, out=tmp_path / "x.sqlite", reason="manual")
    assert error.value.code in ("not_database", "damaged")
    assert not (tmp_path / "x.sqlite").exists()
    with pytest.raises(BackupError) as error:
        backup_to_file(demo_db, out=tmp_path / "no" / "such" / "x.sqlite", reason="manual")
    assert error.value.code == "folder"
    with pytest.raises(BackupError) as error:
        read_backup_info(not_db)
    assert error.value.code == "not_database"


KILL_SCRIPT = """
import sys, time
from pathlib import Path
import db.backup.create as create
create.PAGES_PER_STEP = 4
def progress(done, total):
    print("step", flush=True)
    time.sleep(0.05)
create.backup_database_file(Path(sys.argv[1]), folder=Path(sys.argv[2]), reason="manual",
                            progress=progress)
"""


@pytest.mark.skipif(os.name != "posix", reason="kill -9 is a POSIX signal")
def test_killed_backup_leaves_no_file_under_a_backup_name(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "killed"
    process = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(demo_db), str(folder)],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[3],
    )  # fmt: skip
    assert process.stdout is not None
    for _ in range(3):
        assert process.stdout.readline().startswith("step")
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    names = [p.name for p in folder.iterdir()]
    assert names and all(name.startswith(".") and ".partial" in name for name in names)
    assert list_backups(folder) == []
    # A later backup succeeds beside the leftover; the leftover is removed once it is stale.
    database = open_database(demo_db)
    try:
        old = time.time() - 2 * 3600
        for leftover in folder.iterdir():
            os.utime(leftover, (old, old))
        info = create_backup(database, folder=folder, reason="manual")
    finally:
        database.dispose()
    assert [p.name for p in folder.iterdir()] == [info.path.name]
