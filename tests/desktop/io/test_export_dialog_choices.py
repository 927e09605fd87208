"""The export dialog's default scope, and the choices it remembers from one export to the next."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop import settings
from desktop.db_worker import DbExecutor
from desktop.io.export_dialog import ExportDialog


def dialog_for(executor: DbExecutor, qtbot: QtBot, **kwargs: object) -> ExportDialog:
    dialog = ExportDialog(executor, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def run(dialog: ExportDialog, qtbot: QtBot) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)
    assert dialog.result is not None, dialog.status.text()


def tick(dialog: ExportDialog, keys: set[str]) -> None:
    for row in range(dialog.column_list.count()):
        item = dialog.column_list.item(row)
        wanted = item.data(Qt.ItemDataRole.UserRole) in keys
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)


def test_one_clicked_member_is_not_the_default_scope(
    seeded: tuple[Database, dict[str, str]], executor: DbExecutor, qtbot: QtBot
) -> None:
    _, ids = seeded
    one = dialog_for(executor, qtbot, selected_member_ids=[ids["มานะ"]])
    assert one.scope_filtered.isChecked()
    # ... but it can still be chosen.
    assert one.scope_selected.isEnabled() and "1" in one.scope_selected.text()
    two = dialog_for(executor, qtbot, selected_member_ids=[ids["มานะ"], ids["วันดี"]])
    assert two.scope_selected.isChecked()
    none = dialog_for(executor, qtbot)
    assert none.scope_filtered.isChecked() and not none.scope_selected.isEnabled()


def test_the_last_exports_choices_are_offered_again_but_never_personal_data(
    seeded: tuple[Database, dict[str, str]], executor: DbExecutor, qtbot: QtBot,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    first = dialog_for(executor, qtbot)
    assert "groups" not in first.chosen_columns()
    first.personal.setChecked(True)
    tick(first, {"first_name", "last_name", "groups", "national_id"})
    first.format_combo.setCurrentIndex(first.format_combo.findData("csv"))
    first.era_combo.setCurrentIndex(first.era_combo.findData("CE"))
    folder = tmp_path / "รายชื่อประจำเดือน"
    folder.mkdir()
    first.set_path(folder / "กรกฎาคม.csv")
    run(first, qtbot)
    first.close()

    second = dialog_for(executor, qtbot)
    assert second.chosen_columns() == ["first_name", "last_name", "groups"]
    assert second.chosen_format() == "csv" and second.era_combo.currentData() == "CE"
    # Personal data is never ticked by itself, whatever the last export held (PDPA).
    assert not second.personal.isChecked() and not second.pdpa.isVisible()
    assert "national_id" not in second.chosen_columns()
    # Browse… opens in the last export's folder.
    asked: list[str] = []

    def save_name(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(str(args[2]))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    second.browse.click()
    assert Path(asked[0]).parent == folder
    # ... kept in the settings file, so the next run of the app has them too.
    stored = settings.settings()
    assert stored.value("export/format") == "csv" and stored.value("export/era") == "CE"
    assert stored.value("export/folder") == str(folder)
    assert "national_id" not in stored.value("export/columns")


def test_a_vcard_export_keeps_the_remembered_columns(
    seeded: tuple[Database, dict[str, str]], executor: DbExecutor, qtbot: QtBot, tmp_path: Path
) -> None:
    first = dialog_for(executor, qtbot)
    tick(first, {"first_name", "groups"})
    first.set_path(tmp_path / "a.xlsx")
    run(first, qtbot)
    vcard = dialog_for(executor, qtbot)
    vcard.format_combo.setCurrentIndex(vcard.format_combo.findData("vcf"))
    vcard.set_path(tmp_path / "a.vcf")
    run(vcard, qtbot)
    third = dialog_for(executor, qtbot)
    assert third.chosen_format() == "vcf" and not third.column_list.isEnabled()
    assert third.chosen_columns() == ["first_name", "groups"]
