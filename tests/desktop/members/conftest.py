"""Fixtures for the Members view: a small demo register, the executor, typing Thai text."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from db.demo.populate import populate
from db.engine import Database, open_database
from desktop.db_worker import DbExecutor
from desktop.members.view import MembersView

DEMO_MEMBERS = 2_000
DEMO_SEED = 7


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo register made once per test session; each test works on its own copy."""
    path = tmp_path_factory.mktemp("members-demo") / "demo.sqlite"
    database = open_database(path)
    populate(database, members=DEMO_MEMBERS, seed=DEMO_SEED)
    database.dispose()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    target = tmp_path / "สมาชิก.sqlite"
    shutil.copy(demo_template, target)
    for suffix in ("-wal", "-shm"):
        extra = demo_template.with_name(demo_template.name + suffix)
        if extra.exists():
            shutil.copy(extra, target.with_name(target.name + suffix))
    database = open_database(target)
    yield database
    database.dispose()


@pytest.fixture
def executor(demo_db: Database, qapp: QApplication) -> Iterator[DbExecutor]:
    worker = DbExecutor(demo_db)
    yield worker
    worker.shutdown()


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key (QTest.keyClicks knows only ASCII: it asserts on Thai)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def typer() -> Callable[[QWidget, str], None]:
    return type_text


@pytest.fixture
def wait_idle(qtbot: QtBot) -> Callable[..., None]:
    """Wait until the given objects have no pending tasks (TaskRunner.pending() == 0)."""

    def wait(*runners: Any, timeout: int = 10_000) -> None:
        qtbot.waitUntil(lambda: all(runner.pending() == 0 for runner in runners), timeout=timeout)

    return wait


@pytest.fixture
def view(qtbot: QtBot, qasync_loop: Any, executor: DbExecutor) -> Iterator[MembersView]:
    """The Members view on the demo register, shown, with its first search done."""
    widget = MembersView(executor)
    qtbot.addWidget(widget)
    widget.resize(1400, 850)
    with qtbot.waitSignal(widget.search_finished, timeout=10_000):
        widget.show()
    widget.activateWindow()  # keyboard shortcuts need the active window
    yield widget
    widget.tasks.cancel_all()
