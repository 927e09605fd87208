"""The import wizard's run page: undo asks first and the page says it was undone; Esc."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.db_worker import DbExecutor
from desktop.io.import_wizard import ImportWizard
from tests.db.io.fixtures_import import write_messy_xlsx, write_simple_xlsx
from tests.desktop.io.test_import_wizard import (
    _big_sheet,
    live_members,
    open_file,
    run_import,
    to_mapping,
    to_preview,
)


def import_file(wizard: ImportWizard, qtbot: QtBot, path: Path) -> None:
    open_file(wizard, qtbot, path)
    to_mapping(wizard, qtbot)
    to_preview(wizard, qtbot)
    run_import(wizard, qtbot)


def test_undo_asks_first_saying_how_many_members_go(
    wizard: ImportWizard, executor: DbExecutor, seeded: tuple[Database, dict[str, str]],
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    database, _ = seeded
    before = live_members(database)
    rows = [("สมใจ", "ดีงาม"), ("สมหมาย", "รักดี"), ("สมศรี", "มีสุข")]
    import_file(wizard, qtbot, write_simple_xlsx(tmp_path / "three.xlsx", ("ชื่อ", "นามสกุล"), rows))
    page = wizard.run_page
    # "Undo" in the Edit menu's word, not the words of the Cancel button.
    assert page.undo_button.text() == page.tr("Undo this import…")
    assert page.undo_button.text() != page.cancel_button.text()
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def question(parent: object, title: str, text: str, *args: object) -> object:
            asked.append(text)
            return button

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert asked == [page.undo_question()]
    assert page.tr("%Ln member(s) added by this import will be removed.", "", 3) in asked[0]
    assert live_members(database) == before + 3  # No: nothing undone
    assert page.undo_button.isVisible() and page.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(executor.changes_applied, timeout=10_000):
        qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert live_members(database) == before


def test_after_undo_the_page_no_longer_shows_the_import_as_done(
    wizard: ImportWizard, executor: DbExecutor, qtbot: QtBot, tmp_path: Path
) -> None:
    import_file(wizard, qtbot, write_messy_xlsx(tmp_path / "messy.xlsx"))
    page = wizard.run_page
    assert page.title() == page.tr("Import finished")
    assert page.problems_table.isVisible() and page.problems.rowCount() > 0
    finished_summary = page.summary.text()
    with qtbot.waitSignal(executor.changes_applied, timeout=10_000):
        page.undo()
    assert page.title() == page.tr("Import undone")
    assert page.summary.text() != finished_summary
    assert page.summary.text().startswith(page.tr("This import was undone: %Ln member(s) removed,",
                                                  "", wizard.report.imported))  # fmt: skip
    # The rows not imported are no problem any more: the list is gone with the import.
    assert not page.problems_table.isVisible() and not page.problem_filter.isVisible()
    assert page.problems.rowCount() == 0
    assert not page.undo_button.isVisible() and not page.report_button.isVisible()


def test_escape_during_the_import_cancels_it_and_closes_the_wizard(
    wizard: ImportWizard, seeded: tuple[Database, dict[str, str]], qtbot: QtBot, tmp_path: Path
) -> None:
    database, _ = seeded
    before = live_members(database)
    open_file(wizard, qtbot, _big_sheet(tmp_path / "big.xlsx", 20_000))
    to_mapping(wizard, qtbot)
    to_preview(wizard, qtbot)
    wizard.next()
    run_page = wizard.run_page
    qtbot.waitUntil(lambda: run_page._progress.snapshot()[0] > 0, timeout=20_000)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible() and run_page._progress.is_cancelled()  # until it has stopped
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=30_000)
    assert not run_page.running and wizard.report is None
    assert live_members(database) == before


def test_the_cancel_button_keeps_the_wizard_open_to_say_so(
    wizard: ImportWizard, qtbot: QtBot, tmp_path: Path
) -> None:
    open_file(wizard, qtbot, _big_sheet(tmp_path / "big.xlsx", 20_000))
    to_mapping(wizard, qtbot)
    to_preview(wizard, qtbot)
    wizard.next()
    run_page = wizard.run_page
    qtbot.waitUntil(lambda: run_page._progress.snapshot()[0] > 0, timeout=20_000)
    qtbot.mouseClick(run_page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(run_page.isComplete, timeout=30_000)
    assert wizard.isVisible() and run_page.title() == run_page.tr("Import cancelled")
