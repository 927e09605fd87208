"""Export and erasure from the Members view: files written off the UI thread, the confirmation
dialog (typed last 4 digits or ลบ), the erasure refreshing the list, refusals."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from db.privacy.erasure import ERASED_NAME
from desktop.accounts.access import current_access
from desktop.db_worker import DbExecutor
from desktop.members.view import MembersView
from desktop.privacy import commands
from desktop.privacy.erase_dialog import EraseMemberDialog
from tests.db.privacy.conftest import NATIONAL_ID, Register
from tests.db.privacy.conftest import register as register
from tests.desktop.printing.thai_interface import thai_interface


@pytest.fixture
def executor(register: Register, qapp: QApplication) -> Iterator[DbExecutor]:
    worker = DbExecutor(register.database)
    yield worker
    worker.shutdown()


@pytest.fixture
def view(qtbot: QtBot, qasync_loop: Any, executor: DbExecutor) -> Iterator[MembersView]:
    widget = MembersView(executor)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    with qtbot.waitSignal(widget.search_finished, timeout=10_000):
        widget.show()
    yield widget
    widget.tasks.cancel_all()


def first_name(register: Register, member_id: str) -> str:
    connection = register.database.raw_connection()
    try:
        return connection.execute(
            "SELECT first_name FROM member WHERE id = ?", (member_id,)
        ).fetchone()[0]
    finally:
        connection.close()


def test_the_table_menu_has_both_commands(view: MembersView) -> None:
    names = [a.objectName() for a in view.table.actions()]
    assert "exportMemberDataAction" in names and "eraseMemberDataAction" in names
    assert "editMemberAction" in names and "addToGroupAction" in names  # the others kept


def test_export_writes_pdf_and_json(
    run_async: Any, executor: DbExecutor, register: Register, tmp_path: Path
) -> None:
    folder = tmp_path / "ข้อมูล"
    folder.mkdir()
    done: list[tuple[Path, Path]] = []
    pdf, jsn = run_async(
        commands.export_member_data(
            executor, member_id=register.member_id, parent=None, folder=folder,
            on_done=done.append,
        ),
        timeout=60,
    )  # fmt: skip
    assert done == [(pdf, jsn)]
    assert pdf.name.startswith("สมชาย ใจดี-") and pdf.suffix == ".pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and jsn.with_suffix(".pdf") == pdf
    assert json.loads(jsn.read_text(encoding="utf-8"))["member"]["national_id"] == NATIONAL_ID


def test_erase_through_the_dialog_refreshes_the_list(
    qtbot: QtBot, view: MembersView, executor: DbExecutor, register: Register, run_async: Any
) -> None:
    shown: list[EraseMemberDialog] = []

    def confirm(dialog: EraseMemberDialog) -> None:
        shown.append(dialog)
        assert not dialog.erase_button.isEnabled()
        dialog.reason.setText("คำขอเป็นหนังสือ")
        dialog.confirm.setText("1234")  # wrong digits
        assert not dialog.erase_button.isEnabled()
        dialog.confirm.setText("๓๔๕๐")  # the last 4 digits, typed in Thai digits
        assert dialog.erase_button.isEnabled()
        dialog.grab().save("/tmp/erase_dialog.png")
        dialog.erase_button.click()

    with qtbot.waitSignal(executor.changes_applied, timeout=20_000) as announced:
        task = view.tasks.spawn(
            commands.erase_member_data(
                executor, member_id=register.member_id, parent=view, dialog_shown=confirm
            )
        )
        qtbot.waitUntil(task.done, timeout=20_000)
    result = task.result()
    assert shown and result is not None and result.reason == "คำขอเป็นหนังสือ"
    assert announced.args[0].touches("members")
    assert first_name(register, register.member_id) == ERASED_NAME
    qtbot.waitUntil(
        lambda: any(
            view.model.data(view.model.index(row, 0)) and ERASED_NAME in str(
                view.model.data(view.model.index(row, 0)))
            for row in range(view.model.rowCount())
        ),
        timeout=10_000,
    )  # fmt: skip


def test_cancel_erases_nothing(
    qtbot: QtBot, executor: DbExecutor, register: Register, run_async: Any
) -> None:
    def cancel(dialog: EraseMemberDialog) -> None:
        dialog.reason.setText("x")
        dialog.confirm.setText("ลบ")
        dialog.reject()

    result = run_async(
        commands.erase_member_data(
            executor, member_id=register.member_id, parent=None, dialog_shown=cancel
        )
    )
    assert result is None and first_name(register, register.member_id) == "สมชาย"


def test_a_secretary_cannot_erase(
    monkeypatch: pytest.MonkeyPatch, executor: DbExecutor, register: Register, run_async: Any
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(
        commands, "_permissions", lambda: SimpleNamespace(can_erase_personal_data=False)
    )
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *a: warned.append(text)
    )
    result = run_async(
        commands.erase_member_data(executor, member_id=register.member_id, parent=None)
    )
    assert result is None and warned and first_name(register, register.member_id) == "สมชาย"


def test_default_access_is_administrator_when_login_is_off() -> None:
    assert current_access().permissions.can_erase_personal_data


def test_screenshot_of_the_erase_dialog_in_thai(qtbot: QtBot, qapp: QApplication) -> None:
    with thai_interface():
        dialog = EraseMemberDialog(name="นายสมชาย ใจดี", national_id=NATIONAL_ID)
        qtbot.addWidget(dialog)
        dialog.reason.setText("หนังสือขอลบข้อมูลลงวันที่ 1 ต.ค. 2569")
        dialog.confirm.setText("3450")
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save("/tmp/erase_dialog_th.png")
        assert "ลบข้อมูลส่วนบุคคล" in dialog.windowTitle()
        assert dialog.erase_button.isEnabled()
