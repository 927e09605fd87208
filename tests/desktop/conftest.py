"""Qt test set-up: one QApplication like the real one, and the qasync loop.

- ``qapp`` (session; replaces pytest-qt's): made by ``desktop.app.create_application``, so tests
  see the Sarabun font and the Thai translators, as users do.
- ``qasync_loop``: the asyncio loop on Qt's event loop, created once as
  ``qasync.QEventLoop(qapp, already_running=True)`` (RECIPES.md) so ``@asyncSlot`` handlers run
  while pytest-qt's ``qtbot.waitSignal``/``waitUntil`` process events. It is never stopped
  (``loop.stop()`` would quit the QApplication); tasks a test leaves behind are cancelled.
- ``run_async(awaitable, timeout=10)``: runs a coroutine to completion and returns its result.
- ``english_ui``: the English interface for one test (Thai again afterwards); the default is Thai.
- ``database``: a migrated temporary database (path with Thai characters), disposed afterwards.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import i18n
from desktop.app import create_application

if TYPE_CHECKING:
    from db.engine import Database


@pytest.fixture(scope="session")
def qapp() -> QApplication:
    return create_application(["khrueakhai-tests"], language="th")


@pytest.fixture(scope="session")
def _session_qasync_loop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    executor = qasync.QThreadExecutor(2)  # ours, so its threads end before Qt goes away
    loop.set_default_executor(executor)
    asyncio.set_event_loop(loop)
    yield loop
    executor.shutdown(wait=True)


@pytest.fixture
def qasync_loop(_session_qasync_loop: qasync.QEventLoop, qtbot: QtBot) -> Iterator[Any]:
    loop = _session_qasync_loop
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)  # as qasync does for an already running loop
    before = asyncio.all_tasks(loop)
    yield loop
    leftover = asyncio.all_tasks(loop) - before
    for task in leftover:
        task.cancel()
    if leftover:
        qtbot.waitUntil(lambda: all(task.done() for task in leftover), timeout=5000)


@pytest.fixture
def run_async(qasync_loop: Any, qtbot: QtBot) -> Callable[..., Any]:
    def run(awaitable: Awaitable[Any], timeout: float = 10.0) -> Any:
        task = asyncio.ensure_future(awaitable, loop=qasync_loop)
        qtbot.waitUntil(task.done, timeout=int(timeout * 1000))
        return task.result()

    return run


@pytest.fixture
def english_ui(qapp: QApplication) -> Iterator[None]:
    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "th")


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    from db.engine import open_database

    db = open_database(tmp_path / "ฐานข้อมูล" / "khrueakhai.sqlite")
    yield db
    db.dispose()


@pytest.fixture(autouse=True)
def _no_remembered_export_choices() -> None:
    """The export dialog remembers the last export's choices in the settings, which the whole
    session shares: each test starts from the defaults."""
    from desktop import settings

    store = settings.settings()
    store.remove("export")
    store.sync()


@pytest.fixture(autouse=True)
def _collect_qt_leftovers() -> Iterator[None]:
    """Free each test's leftover Python/Qt objects before the next test starts.

    Without this, Python 3.11.7 sometimes freed a pile of Qt wrappers at an arbitrary later
    moment (once while pytest imported a plugin, ending the run with "AST constructor
    recursion depth mismatch"); collecting after every test made that go away.
    """
    yield
    gc.collect()
