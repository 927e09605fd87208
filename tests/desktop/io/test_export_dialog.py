"""The export dialog: the filtered view to .xlsx with exactly its rows, columns, PDPA, cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook

from db.engine import Database
from db.groups import add_group_member, save_group
from db.members.edit import save_member
from db.members.query import count_members
from db.members.types import MemberFilter, MemberInput
from desktop.db_worker import DbExecutor
from desktop.io import export_dialog
from desktop.io.background import ProgressState
from desktop.io.export_dialog import ExportDialog
from tests.db.io.fixtures_import import national_id

KORAT = 30


@pytest.fixture
def register(seeded: tuple[Database, dict[str, str]]) -> tuple[Database, dict[str, str]]:
    database, ids = seeded
    with database.session() as session:
        for i in range(5):
            ids[f"korat{i}"] = save_member(session, data=MemberInput(
                prefix="นาง", first_name=f"สมศรี{i}", last_name="ใจดี",
                organisation_id=ids["องค์การบริหารส่วนตำบลบ้านใหม่"], phone=f"08123456{i:02d}",
                national_id=national_id(f"31005001{i:04d}"),
            ))  # fmt: skip
        for i in range(4):
            ids[f"udon{i}"] = save_member(session, data=MemberInput(
                prefix="นาย", first_name=f"สมชาย{i}", last_name="ศรีสุข",
                organisation_id=ids["เทศบาลตำบลหนองบัว"],
            ))  # fmt: skip
    return database, ids


def sheet_rows(path: Path) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def dialog_for(executor: DbExecutor, qtbot: QtBot, **kwargs: object) -> ExportDialog:
    dialog = ExportDialog(executor, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def run(dialog: ExportDialog, qtbot: QtBot) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)


def test_filtered_view_to_xlsx_has_exactly_its_rows(
    register: tuple[Database, dict[str, str]], executor: DbExecutor, qtbot: QtBot, tmp_path: Path
) -> None:
    database, _ = register
    filters = MemberFilter(province_codes=(KORAT,))
    with database.session() as session:
        expected = count_members(session, filters=filters)
        everyone = count_members(session, filters=MemberFilter())
    assert 0 < expected < everyone
    dialog = dialog_for(executor, qtbot, filters=filters)
    qtbot.waitUntil(lambda: f"{expected}" in dialog.scope_filtered.text(), timeout=5_000)
    assert f"{everyone}" in dialog.scope_all.text()
    assert dialog.scope_filtered.isChecked() and not dialog.scope_selected.isEnabled()
    # Personal columns are off by default and cannot be ticked without the checkbox.
    assert "national_id" not in dialog.chosen_columns()
    assert "birth_date" not in dialog.chosen_columns()
    assert not dialog.pdpa.isVisible()
    dialog.grab().save("/tmp/export_dialog.png")
    out = tmp_path / "ส่งออก.xlsx"
    dialog.set_path(out)
    run(dialog, qtbot)
    assert dialog.result is not None and dialog.result.count == expected, dialog.status.text()
    rows = sheet_rows(out)
    assert len(rows) == expected + 1  # the header, then one row per member of the view
    assert "เลขประจำตัวประชาชน" not in rows[0] and "ชื่อ" in rows[0]
    assert dialog.open_folder.isVisible()
    dialog.grab().save("/tmp/export_dialog_done.png")


def test_personal_data_and_columns_and_everyone_to_csv(
    register: tuple[Database, dict[str, str]], executor: DbExecutor, qtbot: QtBot, tmp_path: Path
) -> None:
    database, _ = register
    with database.session() as session:
        everyone = count_members(session, filters=MemberFilter())
    dialog = dialog_for(executor, qtbot, filters=MemberFilter(text="ไม่มีใครชื่อนี้"))
    dialog.personal.setChecked(True)
    assert dialog.pdpa.isVisible() and "national_id" in dialog.chosen_columns()
    for row in range(dialog.column_list.count()):
        item = dialog.column_list.item(row)
        keep = item.data(Qt.ItemDataRole.UserRole) in ("first_name", "national_id")
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    dialog.scope_all.setChecked(True)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    out = tmp_path / "all.xlsx"
    dialog.set_path(out)
    run(dialog, qtbot)
    written = out.with_suffix(".csv")
    assert dialog.result is not None and dialog.result.path == written
    lines = written.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == everyone + 1
    assert lines[0] == "ชื่อ,เลขประจำตัวประชาชน"


def test_selected_members_to_vcard(
    register: tuple[Database, dict[str, str]], executor: DbExecutor, qtbot: QtBot, tmp_path: Path
) -> None:
    _, ids = register
    chosen = [ids["korat0"], ids["korat1"], ids["udon2"]]
    dialog = dialog_for(executor, qtbot, selected_member_ids=chosen)
    assert dialog.scope_selected.isChecked() and "3" in dialog.scope_selected.text()
    assert dialog.era_combo.isEnabled() and dialog.column_list.isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("vcf"))
    # Neither the columns nor the era apply to a vCard: neither looks as if it did.
    assert not dialog.era_combo.isEnabled() and not dialog.column_list.isEnabled()
    assert dialog.era_combo.toolTip()
    dialog.set_path(tmp_path / "contacts.vcf")
    run(dialog, qtbot)
    text = (tmp_path / "contacts.vcf").read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 3
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    assert dialog.era_combo.isEnabled() and not dialog.era_combo.toolTip()


def test_no_columns_and_no_path_are_explained(
    register: tuple[Database, dict[str, str]], executor: DbExecutor, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = dialog_for(executor, qtbot)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() and not dialog.running
    for row in range(dialog.column_list.count()):
        dialog.column_list.item(row).setCheckState(Qt.CheckState.Unchecked)
    dialog.set_path(tmp_path / "x.xlsx")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.running and not (tmp_path / "x.xlsx").exists()
    assert dialog.status.text()


def test_a_missing_folder_is_named_not_guessed_at(
    register: tuple[Database, dict[str, str]], executor: DbExecutor, qtbot: QtBot, tmp_path: Path
) -> None:
    missing = tmp_path / "ไม่มีโฟลเดอร์นี้"
    dialog = dialog_for(executor, qtbot)
    dialog.set_path(missing / "members.xlsx")
    run(dialog, qtbot)
    expected = QCoreApplication.translate(
        "ExportTexts",
        "The folder %1 does not exist: choose an existing folder (Browse…) or create it first.",
    ).replace("%1", str(missing))
    assert dialog.status.text() == expected
    assert "open in another program" not in dialog.status.text()  # the old guess
    assert "โปรแกรมอื่น" not in dialog.status.text()


def test_a_folder_given_as_the_file_is_explained_in_english(
    register: tuple[Database, dict[str, str]], executor: DbExecutor, qtbot: QtBot, tmp_path: Path,
    english_ui: None,
) -> None:  # fmt: skip
    dialog = dialog_for(executor, qtbot)
    dialog.set_path(tmp_path / "folder.xlsx")
    (tmp_path / "folder.xlsx").mkdir()
    run(dialog, qtbot)
    folder = tmp_path / "folder.xlsx"
    assert dialog.status.text() == f"{folder} is a folder: add a file name to the path."


class _CancelledAtOnce(ProgressState):
    """The user presses Cancel before the first chunk is written."""

    def __init__(self) -> None:
        super().__init__()
        self.cancel()


def test_cancelled_export_writes_no_file(
    register: tuple[Database, dict[str, str]], executor: DbExecutor, qtbot: QtBot, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr(export_dialog, "ProgressState", _CancelledAtOnce)
    dialog = dialog_for(executor, qtbot)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "cancelled.xlsx"
    dialog.set_path(out)
    run(dialog, qtbot)
    assert dialog.result is None and not out.exists()
    assert not list(folder.iterdir())  # no partial file either
    assert dialog.status.text() and dialog.export_button.isEnabled()


def test_the_groups_column_is_offered_unticked_and_holds_the_roles(
    register: tuple[Database, dict[str, str]], executor: DbExecutor, qtbot: QtBot, tmp_path: Path
) -> None:
    database, ids = register
    with database.session() as session:
        club = save_group(session, name="ชมรมคนรักโคราช", kind="club")
        network = save_group(session, name="เครือข่ายสตรี", kind="network")
        add_group_member(session, group_id=club, member_id=ids["korat0"], role="chair")
        add_group_member(session, group_id=network, member_id=ids["korat0"])
    dialog = dialog_for(executor, qtbot, selected_member_ids=[ids["korat0"]])
    dialog.scope_selected.setChecked(True)  # one row is not the default scope: chosen here
    offered = {
        dialog.column_list.item(row).data(Qt.ItemDataRole.UserRole):
        dialog.column_list.item(row).text() for row in range(dialog.column_list.count())
    }  # fmt: skip
    assert offered["groups"] == "กลุ่ม (บทบาท)" and "groups" not in dialog.chosen_columns()
    groups_item = next(
        dialog.column_list.item(row) for row in range(dialog.column_list.count())
        if dialog.column_list.item(row).data(Qt.ItemDataRole.UserRole) == "groups"
    )  # fmt: skip
    assert "นำไฟล์กลับเข้ามา" in groups_item.toolTip()  # why to tick it, in Thai
    for row in range(dialog.column_list.count()):
        item = dialog.column_list.item(row)
        keep = item.data(Qt.ItemDataRole.UserRole) in ("first_name", "groups")
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    dialog.set_path(tmp_path / "groups.csv")
    run(dialog, qtbot)
    lines = (tmp_path / "groups.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines == ["ชื่อ,กลุ่ม (บทบาท)", "สมศรี0,ชมรมคนรักโคราช (ประธาน); เครือข่ายสตรี"]


def test_the_era_examples_are_what_the_english_file_holds(
    executor: DbExecutor, qtbot: QtBot, english_ui: None
) -> None:
    dialog = dialog_for(executor, qtbot)
    assert dialog.era_combo.itemText(0) == "Buddhist era (2 Oct 2557)"  # not "2 ต.ค. 2557"
    assert dialog.era_combo.itemText(1) == "Common era (2014-10-02)"


def test_the_era_examples_in_thai(executor: DbExecutor, qtbot: QtBot) -> None:
    dialog = dialog_for(executor, qtbot)
    assert "2 ต.ค. 2557" in dialog.era_combo.itemText(0)
    assert "2014-10-02" in dialog.era_combo.itemText(1)
