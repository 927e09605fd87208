"""Shared widgets: BE date edit, search box, progress dialog, tag entry."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from db.thai.dates import ThaiDateError
from desktop.widgets.be_date_edit import BeDateEdit, error_text
from desktop.widgets.progress_dialog import ProgressDialog
from desktop.widgets.search_box import SearchBox
from desktop.widgets.tag_edit import TagEdit

OCT_2_2014 = dt.date(2014, 10, 2)


@pytest.fixture
def date_edit(qtbot: QtBot) -> Iterator[BeDateEdit]:
    host = QWidget()  # a second focusable widget, so the date field can lose focus
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    edit = BeDateEdit(host)
    edit.setObjectName("testDate")
    layout.addWidget(edit)
    layout.addWidget(QPushButton("other", host))
    host.show()
    yield edit


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key (QTest.keyClicks only knows ASCII: it asserts on Thai)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_date(qtbot: QtBot, edit: BeDateEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    type_text(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    "typed",
    ["2/10/2557", "2 ต.ค. 57", "2 ตุลาคม 2557", "๒/๑๐/๒๕๕๗", "2014-10-02", "02-10-2557"],
)
def test_be_date_edit_reads_be_and_ce_shapes(
    qtbot: QtBot, date_edit: BeDateEdit, typed: str
) -> None:
    with qtbot.waitSignal(date_edit.dateChanged) as signal:
        type_date(qtbot, date_edit, typed)
    assert signal.args == [OCT_2_2014]
    assert date_edit.date() == OCT_2_2014
    assert date_edit.is_valid()


def test_be_date_edit_shows_long_be_when_not_editing(qtbot: QtBot, date_edit: BeDateEdit) -> None:
    type_date(qtbot, date_edit, "2/10/57")
    date_edit.clearFocus()
    assert date_edit.text() == "2 ตุลาคม 2557"
    date_edit.setDate(dt.date(2024, 2, 29))
    assert date_edit.text() == "29 กุมภาพันธ์ 2567"


def test_be_date_edit_shows_english_months_in_english_and_reads_them(
    qtbot: QtBot, date_edit: BeDateEdit, qapp: QApplication
) -> None:
    from desktop import i18n

    date_edit.setDate(OCT_2_2014)
    date_edit.clearFocus()
    assert date_edit.text() == "2 ตุลาคม 2557"
    try:
        i18n.install(qapp, "en")
        qtbot.waitUntil(lambda: date_edit.text() == "2 October 2557", timeout=2000)
        with qtbot.waitSignal(date_edit.dateChanged) as signal:
            type_date(qtbot, date_edit, "29 Feb 2567")  # what it shows, typed back
        assert signal.args == [dt.date(2024, 2, 29)]
        date_edit.clearFocus()
        assert date_edit.text() == "29 February 2567"
    finally:
        i18n.install(qapp, "th")
    qtbot.waitUntil(lambda: date_edit.text() == "29 กุมภาพันธ์ 2567", timeout=2000)


def test_be_date_edit_marks_invalid_text_and_keeps_it(qtbot: QtBot, date_edit: BeDateEdit) -> None:
    date_edit.setDate(OCT_2_2014)
    type_date(qtbot, date_edit, "31/2/2557")
    assert not date_edit.is_valid()
    assert date_edit.text() == "31/2/2557"  # nothing typed is lost
    assert date_edit.toolTip() == date_edit.error_message() != ""
    assert date_edit.error_message() == error_text(ThaiDateError("", reason="no_such_date"))
    assert date_edit.property("invalid") is True
    type_date(qtbot, date_edit, "ไม่ใช่วันที่")
    assert date_edit.error_message() == error_text(ThaiDateError("", reason="unrecognised"))
    # Editing clears the mark; a good date reads again.
    type_date(qtbot, date_edit, "1/1/2560")
    assert date_edit.is_valid() and date_edit.property("invalid") is False
    assert date_edit.date() == dt.date(2017, 1, 1)


def test_be_date_edit_empty_is_allowed(qtbot: QtBot, date_edit: BeDateEdit) -> None:
    date_edit.setDate(OCT_2_2014)
    with qtbot.waitSignal(date_edit.dateChanged) as signal:
        type_date(qtbot, date_edit, "")
        date_edit.setFocus()
        date_edit.selectAll()
        qtbot.keyClick(date_edit, Qt.Key.Key_Delete)
        qtbot.keyClick(date_edit, Qt.Key.Key_Return)
    assert signal.args == [None]
    assert date_edit.date() is None and date_edit.is_valid()


def test_be_date_edit_rejects_years_out_of_range(qtbot: QtBot, date_edit: BeDateEdit) -> None:
    type_date(qtbot, date_edit, "1/1/1700")
    assert not date_edit.is_valid()
    assert date_edit.date() is None


def test_be_calendar_popup_shows_be_year_and_picks_a_day(
    qtbot: QtBot, date_edit: BeDateEdit
) -> None:
    date_edit.setDate(OCT_2_2014)
    date_edit.show_calendar()
    popup = date_edit.calendar_popup()
    assert popup is not None and popup.isVisible()
    year = popup.findChild(QWidget, "beCalendarYear")
    assert year.value() == 2557  # type: ignore[attr-defined]
    year.setValue(2560)  # type: ignore[attr-defined]
    assert popup.calendar().yearShown() == 2017
    with qtbot.waitSignal(date_edit.dateChanged) as signal:
        popup.calendar().clicked.emit(QDate(2017, 10, 23))
    assert signal.args == [dt.date(2017, 10, 23)]
    assert not popup.isVisible()
    date_edit.clearFocus()
    assert date_edit.text() == "23 ตุลาคม 2560"


def test_search_box_debounces_fast_typing(qtbot: QtBot) -> None:
    box = SearchBox(debounce_ms=80)
    qtbot.addWidget(box)
    seen: list[str] = []
    box.search_requested.connect(seen.append)
    type_text(box, "สมชาย")  # five keystrokes faster than the debounce
    assert seen == []
    qtbot.waitUntil(lambda: seen == ["สมชาย"], timeout=2000)
    qtbot.wait(150)
    assert seen == ["สมชาย"]


def test_search_box_escape_clears_and_searches_at_once(qtbot: QtBot) -> None:
    box = SearchBox(debounce_ms=5000)
    qtbot.addWidget(box)
    seen: list[str] = []
    box.search_requested.connect(seen.append)
    type_text(box, "ศรี")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter does not wait
    assert seen == ["ศรี"]
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and seen == ["ศรี", ""]


def test_search_box_cleans_invisible_characters(qtbot: QtBot) -> None:
    box = SearchBox(debounce_ms=0)
    qtbot.addWidget(box)
    seen: list[str] = []
    box.search_requested.connect(seen.append)
    box.setText("  สม\u200bชาย  ")
    assert seen == ["สมชาย"]


def test_progress_dialog_coalesces_reports_from_a_thread(qtbot: QtBot) -> None:
    dialog = ProgressDialog(title="Working", show_after_ms=0)
    qtbot.addWidget(dialog)

    def work() -> None:
        for done in range(1, 20_001):
            dialog.report(done, 20_000, f"row {done}")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: dialog.value() == 20_000, timeout=2000)
    assert dialog.maximum() == 20_000
    assert dialog.message() == "row 20000"


def test_progress_dialog_cancel_is_seen_by_the_work(qtbot: QtBot) -> None:
    dialog = ProgressDialog(title="Working", show_after_ms=0)
    qtbot.addWidget(dialog)
    assert not dialog.is_cancelled()
    with qtbot.waitSignal(dialog.cancel_requested):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.is_cancelled() and dialog.cancel_event.is_set()
    assert dialog.isVisible()  # stays until the work has stopped
    dialog.finish()
    assert not dialog.isVisible()


def test_progress_dialog_stays_hidden_for_quick_work(qtbot: QtBot) -> None:
    dialog = ProgressDialog(title="Working", show_after_ms=200)
    qtbot.addWidget(dialog)
    dialog.report(1, 1)
    dialog.finish()
    qtbot.wait(300)
    assert not dialog.isVisible()


def test_tag_edit_adds_removes_and_keeps_unique(qtbot: QtBot) -> None:
    tags = TagEdit()
    qtbot.addWidget(tags)
    tags.show()
    field = tags.line_edit()
    type_text(field, "การเงินการคลัง")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    type_text(field, "ภาษาอังกฤษ, การเงินการคลัง,กฎหมาย")
    assert tags.tags() == ("การเงินการคลัง", "ภาษาอังกฤษ")  # the last one is still being typed
    assert field.text() == "กฎหมาย"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert tags.tags() == ("การเงินการคลัง", "ภาษาอังกฤษ", "กฎหมาย")
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert tags.tags() == ("การเงินการคลัง", "ภาษาอังกฤษ")
    tags.remove_tag("การเงินการคลัง")
    assert tags.tags() == ("ภาษาอังกฤษ",)
    QApplication.processEvents()


def test_tag_edit_leaves_enter_on_empty_field_to_the_dialog(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    tags = TagEdit(dialog)
    layout.addWidget(tags)
    ok = QPushButton("OK", dialog)
    ok.setDefault(True)
    ok.clicked.connect(dialog.accept)
    layout.addWidget(ok)
    dialog.show()
    field = tags.line_edit()
    field.setFocus()
    type_text(field, "งานช่าง")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert tags.tags() == ("งานช่าง",)
    assert dialog.isVisible()  # Enter added the tag, it did not close the dialog
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(field, Qt.Key.Key_Return)


def _form_tr(text: str) -> str:
    return QCoreApplication.translate("MemberForm", text)


def test_national_id_edit_checks_as_you_type(qtbot: QtBot) -> None:
    from db.thai.national_id import check_digit
    from desktop.widgets.national_id_edit import NationalIdEdit

    edit = NationalIdEdit()
    qtbot.addWidget(edit)
    first12 = "310050012345"
    good = first12 + check_digit(first12)
    bad = first12 + str((int(check_digit(first12)) + 1) % 10)
    type_text(edit, "3-1005")
    assert edit.status_text() == _form_tr("{count} of 13 digits").format(count=5)
    edit.clear()
    type_text(edit, bad)
    assert not edit.is_valid()
    assert edit.status_text() == _form_tr(
        "✗ The check digit does not match: a digit was probably mistyped"
    )
    edit.setText(good.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")))  # Thai digits
    assert edit.is_valid() and edit.status_text() == _form_tr("✓ Valid national ID")
    edit.editingFinished.emit()
    assert edit.text() == f"{good[0]}-{good[1:5]}-{good[5:10]}-{good[10:12]}-{good[12]}"


def test_tag_edit_counts_text_still_being_typed(qtbot: QtBot) -> None:
    tags = TagEdit()
    qtbot.addWidget(tags)
    tags.set_tags(["งานช่าง"])
    tags.line_edit().setText("กฎหมาย")
    assert tags.tags() == ("งานช่าง",)
    assert tags.all_tags() == ("งานช่าง", "กฎหมาย")
