"""The Backups dialog, the settings panel, the scheduler and the damaged-database dialog."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.backup import BackupSettings, list_backups, load_backup_settings, save_backup_settings
from db.demo import populate
from db.engine import Database
from desktop.backup import (
    BackupScheduler,
    BackupsDialog,
    BackupSettingsPanel,
    DamagedDatabaseDialog,
)
from desktop.backup.damaged import check_on_start
from desktop.db_worker import DbExecutor
from tests.db.backup.conftest import corrupt, scalar

SHOTS = Path("/tmp")


@pytest.fixture
def executor(database: Database, tmp_path: Path, qtbot: QtBot) -> Iterator[DbExecutor]:
    populate(database, members=120, seed=4)
    with database.session() as session:
        save_backup_settings(session, settings=BackupSettings(folder=tmp_path / "สำรองข้อมูล"))
    worker = DbExecutor(database)
    yield worker
    worker.shutdown()


def live(database: Database) -> int:
    return int(scalar(database.path, "SELECT count(*) FROM member WHERE deleted_at IS NULL"))  # type: ignore[arg-type]


def test_back_up_now_then_restore(executor: DbExecutor, qtbot: QtBot) -> None:
    dialog = BackupsDialog(executor)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 0
    assert not dialog.restore_button.isEnabled()
    with qtbot.waitSignal(dialog.backup_finished, timeout=20_000) as made:
        dialog.back_up_now()
    info = made.args[0]
    assert info.reason == "manual" and info.counts.members == 120
    assert dialog.table.rowCount() == 1
    assert "120" in dialog.preview.text()
    assert dialog.restore_button.isEnabled()
    dialog.resize(860, 560)
    dialog.grab().save(str(SHOTS / "backups-dialog.png"))

    database = executor.database
    with database.session() as session:
        from sqlalchemy import text

        session.execute(text("UPDATE member SET deleted_at = '2026-01-01' WHERE rowid <= 20"))
    assert live(database) == 100
    dialog.confirm_restore = lambda _info: True  # type: ignore[method-assign]
    applied: list[object] = []
    executor.changes_applied.connect(lambda changes, _who: applied.append(changes))
    with qtbot.waitSignal(dialog.restore_finished, timeout=30_000) as restored:
        dialog.restore(dialog.selected())  # type: ignore[arg-type]
    result = restored.args[0]
    assert live(database) == 120
    assert result.safety_backup is not None and result.safety_backup.counts.members == 100
    assert applied and applied[-1].touches("members")
    assert dialog.table.rowCount() == 2
    dialog.grab().save(str(SHOTS / "backups-dialog-restored.png"))


def test_cancel_a_backup(
    executor: DbExecutor, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import db.backup.create as create

    monkeypatch.setattr(create, "PAGES_PER_STEP", 2)
    dialog = BackupsDialog(executor)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=20_000) as failed:
        dialog.back_up_now()
        dialog.cancel()
    assert failed.args[0]
    assert list_backups(executor.read_now(load_backup_settings).folder) == []


def test_restore_preview_of_a_chosen_file(executor: DbExecutor, qtbot: QtBot) -> None:
    dialog = BackupsDialog(executor)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.backup_finished, timeout=20_000):
        dialog.back_up_now()
    shown: list[str] = []
    dialog.confirm_restore = lambda info: shown.append(dialog.preview.text()) or False  # type: ignore[method-assign]
    assert dialog.restore(dialog.selected()) is None  # type: ignore[arg-type]
    assert shown
    dialog.resize(860, 560)
    dialog.grab().save(str(SHOTS / "backups-restore-preview.png"))


def test_settings_panel_load_save(executor: DbExecutor, qtbot: QtBot, tmp_path: Path) -> None:
    panel = BackupSettingsPanel(executor)
    qtbot.addWidget(panel)
    loaded = panel.load()
    assert panel.folder_edit.text() == str(loaded.folder)
    panel.folder_edit.setText("relative/folder")
    assert panel.validate()
    assert panel.save() is None
    panel.folder_edit.setText(str(tmp_path / "แฟลชไดรฟ์"))
    panel.schedule_combo.setCurrentIndex(panel.schedule_combo.findData("weekly"))
    panel.keep_daily.setValue(3)
    with qtbot.waitSignal(panel.saved, timeout=5000):
        panel.save()
    stored = executor.read_now(load_backup_settings)
    assert stored.folder == tmp_path / "แฟลชไดรฟ์"
    assert (stored.schedule, stored.keep_daily) == ("weekly", 3)
    panel.grab().save(str(SHOTS / "backup-settings-panel.png"))


def test_scheduler_backs_up_when_due(executor: DbExecutor, qtbot: QtBot) -> None:
    messages: list[str] = []
    scheduler = BackupScheduler(executor, show_message=messages.append, first_check_ms=60_000)
    with qtbot.waitSignal(scheduler.backup_finished, timeout=20_000) as made:
        assert scheduler.check() is True
    assert made.args[0].reason == "scheduled"
    assert messages
    assert scheduler.check() is False  # done for today
    tomorrow = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    with qtbot.waitSignal(scheduler.backup_finished, timeout=20_000):
        assert scheduler.check(now=tomorrow) is True
    scheduler.stop()


def test_damaged_database_dialog_restores_the_latest_backup(
    executor: DbExecutor, qtbot: QtBot
) -> None:
    dialog = BackupsDialog(executor)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.backup_finished, timeout=20_000):
        dialog.back_up_now()
    database = executor.database
    executor.shutdown()
    database.dispose()
    corrupt(database.path)
    from db.backup import check_integrity

    result = check_integrity(database.path)
    assert not result.ok
    damaged = DamagedDatabaseDialog(database.path, result)
    qtbot.addWidget(damaged)
    assert damaged.latest is not None
    assert damaged.restore_latest_button.isEnabled()
    damaged.resize(640, 460)
    damaged.grab().save(str(SHOTS / "damaged-database-dialog.png"))
    assert damaged.restore_latest() is True
    assert damaged.result_ is not None and damaged.result_.damaged_copy is not None
    assert live(database) == 120
    assert check_on_start(database.path) is True
    # A damaged file with no backup: only Choose and Quit.
    shutil.copyfile(damaged.result_.damaged_copy, database.path)
    folder = damaged.folder
    shutil.rmtree(folder)
    again = DamagedDatabaseDialog(database.path, check_integrity(database.path))
    qtbot.addWidget(again)
    assert again.latest is None and not again.restore_latest_button.isEnabled()
