"""The application shell: QApplication set-up, main window wiring, errors, one instance per
database, the self-check, and ``python -m desktop`` end to end."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import types
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFontInfo, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from db.migrations import current_revision, head_revision
from desktop import app, fonts, self_check

ROOT = Path(__file__).resolve().parents[2]


class FakeMainWindow(QMainWindow):
    """Stands in for desktop.main_window.MainWindow: these tests are about the wiring."""

    def __init__(self, *, database: object) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.database = database


@pytest.fixture
def fake_main_window(monkeypatch: pytest.MonkeyPatch) -> type[FakeMainWindow]:
    module = types.ModuleType("desktop.main_window")
    module.MainWindow = FakeMainWindow  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.main_window", module)
    return FakeMainWindow


def test_application_has_name_icon_and_the_thai_font(qapp: QApplication) -> None:
    assert app.create_application() is qapp  # reuses the running one
    assert qapp.organizationName() == "Khrueakhai"
    assert qapp.applicationName() == "Khrueakhai"
    assert not qapp.windowIcon().isNull()
    assert qapp.font().family() == fonts.FAMILY
    assert QFontInfo(qapp.font()).family() == fonts.FAMILY  # really loaded, not substituted
    assert 10 <= qapp.font().pointSizeF() <= 11
    assert len(fonts.font_files()) == 16


def test_build_main_window_opens_and_migrates_the_database(
    qapp: QApplication, tmp_path: Path, fake_main_window: type[FakeMainWindow]
) -> None:
    db_path = tmp_path / "เครือข่าย" / "ทดสอบ.sqlite"
    window = app.build_main_window(db_path)
    try:
        assert isinstance(window, fake_main_window)
        assert window.database.path == db_path
        assert current_revision(window.database.engine) == head_revision()
        assert not window.isVisible()  # built, not shown, no event loop started
        assert QApplication.instance() is qapp
    finally:
        window.database.dispose()


def test_build_main_window_with_the_real_main_window(
    qtbot: QtBot, qasync_loop: object, tmp_path: Path
) -> None:
    main_window = pytest.importorskip("desktop.main_window", reason="main_window not written yet")
    window = app.build_main_window(tmp_path / "db.sqlite")
    qtbot.addWidget(window)
    assert isinstance(window, main_window.MainWindow)
    assert isinstance(window, QMainWindow)
    assert not window.isVisible()


def test_demo_fills_only_an_empty_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[Path, int, int]] = []
    demo = types.ModuleType("db.demo")
    demo.populate = lambda database, *, members, seed: calls.append(  # type: ignore[attr-defined]
        (database.path, members, seed)
    )
    monkeypatch.setitem(sys.modules, "db.demo", demo)
    db_path = tmp_path / "demo.sqlite"

    app.open_database(db_path, demo=True).dispose()
    assert calls == [(db_path, 5000, 1)]

    app.open_database(db_path, demo=False).dispose()
    monkeypatch.setattr("db.members.query.count_members", lambda session, *, filters: 12)
    app.open_database(db_path, demo=True).dispose()
    assert len(calls) == 1


def test_demo_data_for_real(tmp_path: Path) -> None:
    demo = pytest.importorskip("db.demo")
    if not hasattr(demo, "populate"):
        pytest.skip("db.demo.populate is not written yet")
    from db.members.query import count_members
    from db.members.types import MemberFilter

    for _ in range(2):  # the second start keeps the data it has
        database = app.open_database(tmp_path / "demo.sqlite", demo=True)
        with database.session() as session:
            assert count_members(session, filters=MemberFilter()) == app.DEMO_MEMBERS
        database.dispose()


def test_arguments_ours_and_qts() -> None:
    args, rest = app.parse_arguments(
        ["--db", "ข้อมูล/a.sqlite", "--demo", "--lang", "en", "-platform", "offscreen"]
    )
    assert args.db == Path("ข้อมูล/a.sqlite")
    assert args.demo and args.lang == "en" and not args.self_check
    assert rest == ["-platform", "offscreen"]
    with pytest.raises(SystemExit):
        app.parse_arguments(["--lang", "fr"])


def test_unexpected_exception_is_logged_and_shown(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    try:
        raise RuntimeError("boom ผิดพลาด")
    except RuntimeError:
        app.report_exception(*sys.exc_info())  # type: ignore[arg-type]
    dialog = app.open_error_dialog()
    assert dialog is not None
    assert dialog.objectName() == "errorDialog"
    assert dialog.windowTitle() == "เกิดข้อผิดพลาด"
    assert "RuntimeError: boom ผิดพลาด" in dialog.details()
    assert "Traceback" in dialog.details()
    assert "RuntimeError: boom ผิดพลาด" in caplog.text

    try:
        raise ValueError("second")
    except ValueError:
        app.report_exception(*sys.exc_info())  # type: ignore[arg-type]
    assert app.open_error_dialog() is dialog  # one dialog, not a pile of them
    assert "ValueError: second" in dialog.details()

    copy = dialog.findChild(QPushButton, "copyDetailsButton")
    assert copy is not None and copy.text() == "คัดลอกรายละเอียด"
    copy.click()
    assert QGuiApplication.clipboard().text() == dialog.details()
    assert copy.text() == "คัดลอกแล้ว"
    dialog.close()  # deletes it (WA_DeleteOnClose)
    qtbot.waitUntil(lambda: not isValid(dialog))


def test_error_dialog_in_english(qtbot: QtBot, english_ui: None) -> None:
    dialog = app.ErrorDialog("details")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Something went wrong"
    copy = dialog.findChild(QPushButton, "copyDetailsButton")
    assert copy is not None and copy.text() == "Copy details"


def test_exception_in_another_thread_reaches_the_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    app.install_exception_hooks()
    assert sys.excepthook is app.report_exception

    def work() -> None:
        raise LookupError("from a worker thread")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: app.open_error_dialog() is not None)
    dialog = app.open_error_dialog()
    assert dialog is not None
    assert "LookupError: from a worker thread" in dialog.details()
    dialog.close()


def test_one_instance_per_database(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "ฐาน ข้อมูล" / "khrueakhai.sqlite"
    first, second = app.InstanceGuard(db_path), app.InstanceGuard(db_path)
    assert first.acquire()
    assert first.lock_path.exists()
    assert not second.acquire()
    assert str(os.getpid()) in second.holder()
    assert not second.notify_running(timeout_ms=200)  # nobody listens yet

    shown: list[str] = []
    boxes: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    app.tell_database_in_use(second)
    assert boxes and str(db_path) in boxes[0].text()
    assert boxes[0].windowTitle() == "ฐานข้อมูลกำลังถูกใช้งาน"

    assert first.listen(lambda: shown.append("activate"))
    assert second.notify_running()
    qtbot.waitUntil(lambda: shown == ["activate"])

    other = app.InstanceGuard(tmp_path / "another.sqlite")
    assert other.acquire()  # a different database is not blocked
    other.release()

    first.release()
    assert second.acquire()
    second.release()


def test_qasync_loop_runs_coroutines_and_async_slots(qtbot: QtBot, run_async) -> None:
    async def compute() -> int:
        await asyncio.sleep(0.01)
        return await asyncio.get_running_loop().run_in_executor(None, sum, [1, 2, 3])

    assert run_async(compute()) == 6

    class Worker(QObject):
        finished = Signal(str)

        @qasync.asyncSlot()
        async def start(self) -> None:
            await asyncio.sleep(0.01)
            self.finished.emit("เสร็จ")

    worker = Worker()
    with qtbot.waitSignal(worker.finished, timeout=2000) as blocker:
        worker.start()
    assert blocker.args == ["เสร็จ"]


def test_self_check_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert self_check.run_self_check() == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out
    for name in ("database", "row_checker", "font", "shaping", "painting", "tone marks",
                 "sheet_reader", "translation"):  # fmt: skip
        assert f"ok   {name}:" in out
    assert "self-check passed" in out


def test_self_check_fails_without_the_thai_font(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(fonts, "load_fonts", lambda: "No Such Font")
    assert self_check.run_self_check() == 1
    out = capsys.readouterr().out
    assert "FAIL font: " in out  # (Qt still shapes Thai with the loaded Sarabun as fallback)
    assert "self-check FAILED" in out


def test_self_check_fails_when_no_child_process_can_read(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("db.io.sheet_process.read_in_child", lambda path, **kwargs: None)
    assert self_check.run_self_check() == 1
    assert "FAIL sheet_reader: no child process could start" in capsys.readouterr().out


def test_self_check_fails_when_the_row_checker_cannot_start(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def cannot(**_options: object) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr("db.io.check_process.CheckerProcess", cannot)
    assert self_check.run_self_check() == 1
    assert "FAIL row_checker: no child process could start (no processes here)" in (
        capsys.readouterr().out
    )


def test_self_check_reports_a_broken_database(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(path: Path) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr("db.engine.open_database", broken)
    assert self_check.run_self_check() == 1
    assert "FAIL database: OSError('disk on fire')" in capsys.readouterr().out


def _python(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def test_python_m_desktop_self_check() -> None:
    result = _python("-m", "desktop", "--self-check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-check passed" in result.stdout


# A start of the real entry point (`run`) with the stand-in window: it prints "shown" once the
# event loop runs, and closes itself when a second start asks for it (which ends the app).
_RUN_WITH_FAKE_WINDOW = textwrap.dedent(
    """
    import sys, types
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMainWindow

    class MainWindow(QMainWindow):
        def __init__(self, *, database):
            super().__init__()
            self.setObjectName("mainWindow")
            QTimer.singleShot(0, lambda: print("shown", flush=True))

        def activateWindow(self):
            print("activated", flush=True)
            QTimer.singleShot(0, self.close)

    module = types.ModuleType("desktop.main_window")
    module.MainWindow = MainWindow
    sys.modules["desktop.main_window"] = module
    from desktop.app import run
    sys.exit(run(sys.argv))
    """
)


def test_second_start_on_the_same_database_brings_the_first_forward(tmp_path: Path) -> None:
    db_path = tmp_path / "สำนักงาน" / "khrueakhai.sqlite"
    first = subprocess.Popen(
        [sys.executable, "-c", _RUN_WITH_FAKE_WINDOW, "--db", str(db_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )
    watchdog = threading.Timer(90, first.kill)  # a stuck start must not stall the suite
    watchdog.start()
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "shown"
        second = _python("-c", _RUN_WITH_FAKE_WINDOW, "--db", str(db_path), timeout=30)
        assert second.returncode == 0, second.stderr
        assert "shown" not in second.stdout  # it did not open the database a second time
        out, err = first.communicate(timeout=30)
        assert first.returncode == 0, err
        assert "activated" in out
    finally:
        watchdog.cancel()
        if first.poll() is None:
            first.kill()
    log_file = Path(os.environ["KHRUEAKHAI_USER_DIR"]) / "logs" / app.LOG_FILE_NAME
    text = log_file.read_text(encoding="utf-8")
    assert (log_file.parent / "crash.log").exists()  # faulthandler's file for native crashes
    assert "another start asked for the window" in text
    assert "is open in another window" in text
    assert not db_path.with_name(db_path.name + ".lock").exists()  # released on exit


_RUN_AND_CLOSE = _RUN_WITH_FAKE_WINDOW.replace(
    'QTimer.singleShot(0, lambda: print("shown", flush=True))',
    'QTimer.singleShot(0, lambda: (print("shown", flush=True), self.close()))',
)


def test_a_clean_exit_lets_the_next_start_skip_the_integrity_check(tmp_path: Path) -> None:
    from db.backup.clean_close import marker_path

    db_path = tmp_path / "khrueakhai.sqlite"
    log_file = Path(os.environ["KHRUEAKHAI_USER_DIR"]) / "logs" / app.LOG_FILE_NAME

    def start() -> str:
        before = log_file.read_text(encoding="utf-8") if log_file.exists() else ""
        result = _python("-c", _RUN_AND_CLOSE, "--db", str(db_path), timeout=60)
        assert result.returncode == 0, result.stderr
        assert "shown" in result.stdout
        return log_file.read_text(encoding="utf-8")[len(before) :]

    first = start()  # a new database: nothing to check, and a clean exit
    assert "start-up check skipped" not in first
    assert marker_path(db_path).exists()
    second = start()
    assert "start-up check skipped" in second
    assert "integrity of" not in second
    assert marker_path(db_path).exists()
    # Another program changes the file: the marker no longer vouches for it.
    connection = sqlite3.connect(db_path)
    connection.execute("INSERT INTO local_setting (key, value) VALUES ('x-test', '1')")
    connection.commit()
    connection.close()
    third = start()
    assert "start-up check skipped" not in third
    assert "integrity of" in third
