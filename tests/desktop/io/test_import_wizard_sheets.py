"""The import wizard's file page with workbooks of several sheets: empty and hidden sheets."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from desktop.io.import_wizard import ImportWizard
from desktop.io.texts import file_error_text
from tests.desktop.io.test_import_wizard import open_file


def write_sheets(
    path: Path, sheets: dict[str, list[tuple[str, ...]]], *, hidden: tuple[str, ...] = ()
) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        worksheet = workbook.add_worksheet(name)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                worksheet.write_string(row, column, value)
        if name in hidden:
            worksheet.hide()
    workbook.close()
    return path


MEMBERS = [("ชื่อ", "นามสกุล"), ("สมใจ", "ดีงาม"), ("สมหมาย", "รักดี")]


def choose_sheet(wizard: ImportWizard, qtbot: QtBot, name: str) -> None:
    combo = wizard.file_page.sheet_combo
    position = combo.findData(name)
    assert position >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(position)
    combo.activated.emit(position)  # as a click in the list does
    qtbot.waitUntil(lambda: not wizard.file_page.busy(), timeout=10_000)


def test_an_empty_sheet_chosen_leaves_the_other_sheets_choosable(
    wizard: ImportWizard, qtbot: QtBot, tmp_path: Path
) -> None:
    path = write_sheets(tmp_path / "multi.xlsx", {"สมาชิก": MEMBERS, "ว่าง": []})
    open_file(wizard, qtbot, path)
    page = wizard.file_page
    assert page.sheet_combo.currentData() == "สมาชิก" and page.isComplete()
    choose_sheet(wizard, qtbot, "ว่าง")
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not page.isComplete() and not next_button.isEnabled()
    # The sheet is named as the one at fault, not the file, and the list stays usable.
    assert page.sheet_combo.isEnabled()
    assert page.status.text() == page.tr(
        "This sheet cannot be imported: %1\nChoose another sheet or file."
    ).replace("%1", file_error_text("empty_sheet", "?"))
    choose_sheet(wizard, qtbot, "สมาชิก")
    assert page.isComplete() and next_button.isEnabled()
    assert "2 แถว" in page.status.text()


def test_the_same_path_typed_again_after_a_failure_reads_the_file_again(
    wizard: ImportWizard, qtbot: QtBot, tmp_path: Path
) -> None:
    path = write_sheets(tmp_path / "multi.xlsx", {"สมาชิก": MEMBERS, "ว่าง": []})
    open_file(wizard, qtbot, path)
    choose_sheet(wizard, qtbot, "ว่าง")
    page = wizard.file_page
    assert not page.isComplete()
    page.path_edit.setText(str(path))
    page.path_edit.editingFinished.emit()  # Enter, or leaving the field
    qtbot.waitUntil(lambda: not page.busy(), timeout=10_000)
    assert page.isComplete() and page.sheet_combo.currentData() == "สมาชิก"
    # After a good read the same path typed again is left alone (no needless re-read).
    page.path_edit.editingFinished.emit()
    assert not page.busy()


def test_a_failed_file_does_not_keep_the_last_files_sheets(
    wizard: ImportWizard, qtbot: QtBot, tmp_path: Path
) -> None:
    open_file(wizard, qtbot, write_sheets(tmp_path / "a.xlsx", {"ก": MEMBERS, "ข": MEMBERS}))
    page = wizard.file_page
    assert page.sheet_combo.count() == 2 and page.sheet_combo.isEnabled()
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"this is no workbook")
    open_file(wizard, qtbot, broken)
    assert page.sheet_combo.count() == 0 and not page.sheet_combo.isEnabled()
    assert page.status.text().startswith(page.tr("This file cannot be imported: %1")[:10])


def test_hidden_sheets_are_listed_last_marked_and_can_be_imported(
    wizard: ImportWizard, qtbot: QtBot, tmp_path: Path
) -> None:
    old = [("ชื่อ", "นามสกุล")] + [(f"สมศักดิ์{i}", "เก่าแก่") for i in range(5)]
    path = write_sheets(
        tmp_path / "hidden.xlsx", {"ปี 2568": MEMBERS, "ปี 2567 (เก่า)": old}, hidden=("ปี 2567 (เก่า)",)
    )
    open_file(wizard, qtbot, path)
    page = wizard.file_page
    combo = page.sheet_combo
    # The visible sheet is still the one chosen, although the hidden one has more rows.
    assert combo.currentData() == "ปี 2568" and page.isComplete()
    assert [combo.itemData(i) for i in range(combo.count())] == ["ปี 2568", "ปี 2567 (เก่า)"]
    assert combo.itemText(1) == page.tr("%1 (hidden)").replace("%1", "ปี 2567 (เก่า)")
    assert combo.isEnabled()
    choose_sheet(wizard, qtbot, "ปี 2567 (เก่า)")
    assert page.isComplete() and wizard.sheet == "ปี 2567 (เก่า)"
    assert "5 แถว" in page.status.text()
    wizard.next()
    wizard.next()
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=10_000)
    wizard.next()
    qtbot.waitUntil(wizard.run_page.isComplete, timeout=30_000)
    assert wizard.report is not None and wizard.report.imported == 5
    assert wizard.report.sheet == "ปี 2567 (เก่า)"


def test_a_csv_file_has_no_hidden_sheets(tmp_path: Path) -> None:
    from desktop.io.import_wizard import hidden_sheets

    csv = tmp_path / "members.csv"
    csv.write_text("ชื่อ,นามสกุล\nสมใจ,ดีงาม\n", encoding="utf-8")
    assert hidden_sheets(csv) == []
    visible = write_sheets(tmp_path / "v.xlsx", {"ก": MEMBERS, "ข": MEMBERS})
    assert hidden_sheets(visible) == []
