"""The member editor: inline Thai validation that loses nothing, save, save and new with
completion, Esc asking before discarding, keyboard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.members.query import count_members
from db.members.types import FieldError, MemberFilter
from db.thai.national_id import check_digit
from desktop.members.editor import MemberEditorDialog
from desktop.members.field_errors import field_error_text
from desktop.members.view import MembersView

Typer = Callable[[QWidget, str], None]
GOOD_ID_12 = "310050012345"
GOOD_ID = GOOD_ID_12 + check_digit(GOOD_ID_12)
BAD_ID = GOOD_ID_12 + str((int(check_digit(GOOD_ID_12)) + 1) % 10)


def live_members(database: Database) -> int:
    with database.session() as session:
        return count_members(session, filters=MemberFilter())


def open_editor(
    qtbot: QtBot, view: MembersView, action: Callable[[], object]
) -> MemberEditorDialog:
    action()
    qtbot.waitUntil(lambda: view.editor is not None and view.editor.isVisible(), timeout=5000)
    editor = view.editor
    assert isinstance(editor, MemberEditorDialog) and editor.objectName() == "memberEditor"
    editor.activateWindow()
    return editor


def replace_text(qtbot: QtBot, typer: Typer, widget: Any, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    typer(widget, text)


@pytest.fixture
def no_questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail loudly if a dialog asks a question the test did not expect."""
    asked: list[str] = []

    def question(_parent: Any, title: str, *_args: Any) -> Any:
        asked.append(title)
        raise AssertionError(f"unexpected question: {title}")

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_invalid_national_id_is_shown_in_thai_and_nothing_is_saved(
    qtbot: QtBot, view: MembersView, demo_db: Database, typer: Typer
) -> None:
    before = live_members(demo_db)
    editor = open_editor(qtbot, view, view.new_member)
    form = editor.form
    assert form.prefix.hasFocus()  # entry starts at the prefix
    form.prefix.setEditText("นางสาว")
    replace_text(qtbot, typer, form.first_name, "ทดสอบ")
    replace_text(qtbot, typer, form.last_name, "ใจดีมาก")
    replace_text(qtbot, typer, form.national_id, BAD_ID)
    # Live feedback while typing: the check digit is wrong.
    assert form.national_id_status.text() == form.tr(
        "✗ The check digit does not match: a digit was probably mistyped"
    )
    qtbot.keyClick(form.first_name, Qt.Key.Key_Return)  # Enter saves
    expected = field_error_text(FieldError("national_id", "invalid_national_id", ""))
    qtbot.waitUntil(lambda: form.error_text("national_id") == expected, timeout=5000)
    error_label = editor.findChild(QWidget, "memberNationalIdError")
    assert error_label is not None and error_label.isVisible()
    assert editor.isVisible()  # the dialog stays open ...
    assert form.first_name.text() == "ทดสอบ" and form.national_id.text() == BAD_ID  # ... intact
    assert form.national_id.hasFocus()  # the first wrong field gets the cursor
    assert live_members(demo_db) == before
    # Corrected, it saves and closes.
    replace_text(qtbot, typer, form.national_id, GOOD_ID)
    assert form.national_id_status.text() == form.tr("✓ Valid national ID")
    with qtbot.waitSignal(editor.finished, timeout=5000):
        qtbot.keyClick(form.first_name, Qt.Key.Key_Return)
    assert live_members(demo_db) == before + 1
    qtbot.waitUntil(lambda: view.model.rowCount() == before + 1, timeout=5000)
    with demo_db.engine.connect() as connection:
        row = connection.exec_driver_sql(
            "SELECT prefix, first_name, last_name, national_id FROM member WHERE first_name = ?",
            ("ทดสอบ",),
        ).one()
    assert tuple(row) == ("นางสาว", "ทดสอบ", "ใจดีมาก", GOOD_ID)


def test_every_problem_is_shown_under_its_field(
    qtbot: QtBot, view: MembersView, demo_db: Database, typer: Typer
) -> None:
    before = live_members(demo_db)
    editor = open_editor(qtbot, view, view.new_member)
    form = editor.form
    replace_text(qtbot, typer, form.phone, "12345")
    replace_text(qtbot, typer, form.email, "ไม่ใช่อีเมล")
    replace_text(qtbot, typer, form.birth_date, "31/2/2530")  # no 31 February
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(form.error_text("birth_date")), timeout=5000)
    assert form.error_text("birth_date") == form.birth_date.error_message()
    assert live_members(demo_db) == before
    # Once the date reads, the core's checks show their errors too (name, phone, e-mail).
    replace_text(qtbot, typer, form.birth_date, "2/10/2530")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(form.error_text("phone")), timeout=5000)
    assert form.error_text("first_name") == field_error_text(FieldError("", "missing_name", ""))
    assert form.error_text("phone") == field_error_text(FieldError("", "invalid_phone", ""))
    assert form.error_text("email") == field_error_text(FieldError("", "invalid_email", ""))
    assert form.error_text("birth_date") == ""
    assert editor.status.text()
    assert form.email.text() == "ไม่ใช่อีเมล"
    assert live_members(demo_db) == before


def choose_first_suggestion(qtbot: QtBot, typer: Typer, editor: Any, field: Any, text: str) -> str:
    completer = (
        editor.organisation_completer()
        if field is editor.form.organisation
        else editor.position_completer()
    )
    field.setFocus()
    with qtbot.waitSignal(completer.suggestions_shown, timeout=5000):
        typer(field, text)
    popup = completer.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    popup.setCurrentIndex(completer.completer().completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    return completer.suggestions()[0]


def test_save_and_new_keeps_organisation_and_position(
    qtbot: QtBot, view: MembersView, demo_db: Database, typer: Typer, no_questions: list[str]
) -> None:
    before = live_members(demo_db)
    sample = view.model.member_at(0)
    assert sample is not None and sample.organisation_name
    editor = open_editor(qtbot, view, view.new_member)
    form = editor.form
    label = choose_first_suggestion(
        qtbot, typer, editor, form.organisation, sample.organisation_name[-6:]
    )
    choice = form.organisation_choice()
    assert choice is not None and choice.label == label == form.organisation.text()
    position = choose_first_suggestion(qtbot, typer, editor, form.position, "ปลัด")
    assert "ปลัด" in position and form.position.text() == position
    replace_text(qtbot, typer, form.first_name, "สมศรี")
    with qtbot.waitSignal(editor.member_saved, timeout=5000):
        qtbot.keyClick(form.first_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert editor.isVisible()
    assert form.first_name.text() == "" and editor.focusWidget() is form.prefix
    assert form.organisation.text() == label and form.position.text() == position
    replace_text(qtbot, typer, form.first_name, "สมหญิง")
    with qtbot.waitSignal(editor.member_saved, timeout=5000):
        qtbot.keyClick(form.first_name, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert editor.saved_count == 2
    with qtbot.waitSignal(editor.finished, timeout=2000):
        qtbot.keyClick(form.first_name, Qt.Key.Key_Escape)  # nothing new typed: no question
    assert no_questions == []
    assert live_members(demo_db) == before + 2
    with demo_db.engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT first_name, organisation_id, position FROM member"
            " WHERE first_name IN ('สมศรี', 'สมหญิง') ORDER BY first_name",
        ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("สมศรี", choice.id, position),
        ("สมหญิง", choice.id, position),
    ]


def test_typed_organisation_must_be_chosen_from_the_list(
    qtbot: QtBot, view: MembersView, demo_db: Database, typer: Typer
) -> None:
    before = live_members(demo_db)
    editor = open_editor(qtbot, view, view.new_member)
    form = editor.form
    replace_text(qtbot, typer, form.first_name, "สมปอง")
    replace_text(qtbot, typer, form.organisation, "ไม่มีหน่วยงานนี้")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(form.error_text("organisation_id")), timeout=5000)
    assert form.error_text("organisation_id") == field_error_text(
        FieldError("", "organisation_not_chosen", "")
    )
    assert live_members(demo_db) == before


def test_escape_asks_before_discarding_changes(
    qtbot: QtBot,
    view: MembersView,
    demo_db: Database,
    typer: Typer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    member = view.model.member_at(0)
    assert member is not None
    view.table.setFocus()
    view.table.selectRow(0)
    editor = open_editor(qtbot, view, lambda: qtbot.keyClick(view.table, Qt.Key.Key_Return))
    form = editor.form
    assert form.first_name.text() == member.first_name  # the member's data is loaded
    assert editor.member_id() == member.id
    replace_text(qtbot, typer, form.nickname, "ชื่อเล่นใหม่")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(_parent: Any, title: str, *_args: Any) -> Any:
        asked.append(title)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.keyClick(form.nickname, Qt.Key.Key_Escape)
    assert len(asked) == 1 and editor.isVisible()  # "keep editing"
    assert form.nickname.text() == "ชื่อเล่นใหม่"
    with qtbot.waitSignal(editor.finished, timeout=2000):
        qtbot.keyClick(form.nickname, Qt.Key.Key_Escape)
    assert len(asked) == 2
    with demo_db.engine.connect() as connection:
        (nickname,) = connection.exec_driver_sql(
            "SELECT nickname FROM member WHERE id = ?", (member.id,)
        ).one()
    assert nickname == member.nickname  # discarded


def test_editing_a_member_saves_and_the_table_follows(
    qtbot: QtBot, view: MembersView, demo_db: Database, typer: Typer
) -> None:
    view.table.setFocus()
    view.table.selectRow(3)
    member = view.model.member_at(3)
    assert member is not None
    editor = open_editor(qtbot, view, view.edit_current)
    replace_text(qtbot, typer, editor.form.position, "นักวิเคราะห์นโยบายและแผนชำนาญการ")
    with qtbot.waitSignal(editor.finished, timeout=5000):
        qtbot.keyClick(editor.form.position, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            (row := view.model.row_of_key(member.key)) is not None
            and view.model.member_at(row).position == "นักวิเคราะห์นโยบายและแผนชำนาญการ"
        ),  # type: ignore[union-attr]
        timeout=5000,
    )
    assert view.table.currentIndex().row() == view.model.row_of_key(member.key)


def test_tab_order_follows_the_form(qtbot: QtBot, view: MembersView) -> None:
    editor = open_editor(qtbot, view, view.new_member)
    form = editor.form
    expected = [
        form.prefix,
        form.first_name,
        form.last_name,
        form.first_name_en,
        form.last_name_en,
        form.nickname,
        form.national_id,
        form.birth_date,
        form.gender,
        form.organisation,
    ]
    for widget in expected[1:]:
        editor.focusNextChild()
        focused = QApplication.focusWidget()
        assert focused is widget or (focused is not None and focused.parent() is widget)


def test_enter_in_notes_is_a_new_line_and_ctrl_enter_saves(
    qtbot: QtBot, view: MembersView, demo_db: Database, typer: Typer
) -> None:
    before = live_members(demo_db)
    editor = open_editor(qtbot, view, view.new_member)
    form = editor.form
    replace_text(qtbot, typer, form.first_name, "บันทึกยาว")
    form.notes.setFocus()
    typer(form.notes, "บรรทัดแรก")
    qtbot.keyClick(form.notes, Qt.Key.Key_Return)
    typer(form.notes, "บรรทัดสอง")
    assert editor.isVisible() and form.notes.toPlainText() == "บรรทัดแรก\nบรรทัดสอง"
    with qtbot.waitSignal(editor.finished, timeout=5000):
        qtbot.keyClick(form.notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert live_members(demo_db) == before + 1
    with demo_db.engine.connect() as connection:
        (notes,) = connection.exec_driver_sql(
            "SELECT notes FROM member WHERE first_name = 'บันทึกยาว'"
        ).one()
    assert notes == "บรรทัดแรก\nบรรทัดสอง"
