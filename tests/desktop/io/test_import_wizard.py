"""The import wizard driven page by page over the messy sheet of the importer's tests."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot
from python_calamine import CalamineWorkbook

from db.engine import Database
from db.io.import_report import REASON_HEADER
from db.members.query import search_member_keys
from db.members.types import MemberFilter
from db.search import check_member_index, search_backlog
from desktop.db_worker import Changes, DbExecutor
from desktop.io.import_models import (
    DUPLICATE_COLOUR,
    INVALID_TEXT_COLOUR,
    PREVIEW_FIELDS,
    MappingModel,
    PreviewModel,
)
from desktop.io.import_wizard import ImportWizard
from desktop.io.problems_model import ProblemsModel
from desktop.io.texts import file_error_text, undo_error_text
from tests.db.io.fixtures_import import (
    MESSY_EXPECTED_ERRORS,
    MESSY_EXPECTED_WARNINGS,
    MESSY_IMPORTED_ROWS,
    national_id,
    write_messy_xlsx,
    write_simple_xlsx,
)

SHOTS = Path("/tmp")


def live_members(database: Database) -> int:
    connection = database.raw_connection()
    try:
        return connection.execute(
            "SELECT count(*) FROM member WHERE deleted_at IS NULL"
        ).fetchone()[0]
    finally:
        connection.close()


def open_file(wizard: ImportWizard, qtbot: QtBot, path: Path) -> None:
    wizard.file_page.set_file(path)
    qtbot.waitUntil(lambda: not wizard.file_page.busy(), timeout=10_000)


def to_mapping(wizard: ImportWizard, qtbot: QtBot) -> None:
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING_PAGE


def to_preview(wizard: ImportWizard, qtbot: QtBot) -> None:
    wizard.next()
    assert wizard.currentId() == ImportWizard.PREVIEW_PAGE
    qtbot.waitUntil(lambda: wizard.preview_page.isComplete(), timeout=10_000)


def run_import(wizard: ImportWizard, qtbot: QtBot, timeout: int = 30_000) -> None:
    wizard.next()
    assert wizard.currentId() == ImportWizard.RUN_PAGE
    qtbot.waitUntil(lambda: wizard.run_page.isComplete(), timeout=timeout)


def test_messy_sheet_through_every_page(
    wizard: ImportWizard, executor: DbExecutor, seeded: tuple[Database, dict[str, str]],
    qtbot: QtBot, qtmodeltester, tmp_path: Path,
) -> None:  # fmt: skip
    database, _ = seeded
    before = live_members(database)
    path = write_messy_xlsx(tmp_path / "สมาชิก messy.xlsx")
    open_file(wizard, qtbot, path)
    page = wizard.file_page
    assert page.isComplete(), page.status.text()
    assert page.sheet_combo.currentText() == "สมาชิก 2567"  # the sheet with the header
    assert page.sheet_combo.count() == 2 and page.sheet_combo.isEnabled()
    wizard.grab().save(str(SHOTS / "import_1_file.png"))

    to_mapping(wizard, qtbot)
    mapping_page = wizard.mapping_page
    assert mapping_page.header_spin.value() == 4
    model = mapping_page.model
    qtmodeltester.check(model)
    assert model.rowCount() == len(wizard.preview.headers)
    mapping = model.mapping()
    assert mapping.has_name() and "national_id" in mapping.columns.values()
    # "ลำดับ" is a row number: not imported; the next column is the full name, with samples.
    assert model.index(0, MappingModel.COLUMN).data() == "ลำดับ"
    assert model.index(0, MappingModel.TARGET).data(Qt.ItemDataRole.EditRole) == ""
    assert model.index(1, MappingModel.TARGET).data(Qt.ItemDataRole.EditRole) == "full_name"
    assert "นายสมชาย ใจดี" in model.index(1, MappingModel.SAMPLES_COLUMN).data()
    assert mapping_page.isComplete()
    wizard.grab().save(str(SHOTS / "import_2_mapping.png"))

    to_preview(wizard, qtbot)
    preview_model = wizard.preview_page.model
    qtmodeltester.check(preview_model)
    kinds = {
        preview_model.row_at(r).row: preview_model.index(r, 0).data(Qt.ItemDataRole.UserRole)
        for r in range(preview_model.rowCount())
    }
    assert {row for row, kind in kinds.items() if kind == "error"} == set(MESSY_EXPECTED_ERRORS)
    assert {row for row, kind in kinds.items() if kind == "warning"} == set(MESSY_EXPECTED_WARNINGS)
    bad_id_row = next(
        r for r in range(preview_model.rowCount()) if preview_model.row_at(r).row == 8
    )
    tip = preview_model.index(bad_id_row, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "เลขประจำตัวประชาชนผิด (หลักตรวจสอบไม่ตรง)" in tip  # Thai, by code and detail
    assert preview_model.index(bad_id_row, 3).data(Qt.ItemDataRole.BackgroundRole) is not None
    # The rejected value is shown as the file has it (not blanked), in dark red.
    id_column = 2 + PREVIEW_FIELDS.index("national_id")
    bad_id = preview_model.index(bad_id_row, id_column)
    id_cell = wizard.preview.mapping.column_of("national_id")
    assert bad_id.data() == preview_model.row_at(bad_id_row).cells[id_cell].strip() != ""
    assert bad_id.data(Qt.ItemDataRole.ForegroundRole).color() == INVALID_TEXT_COLOUR
    # Duplicates (skipped by default) have a colour of their own, explained above the table.
    duplicate_rows = [r for r in range(preview_model.rowCount())
                      if preview_model.row_at(r).duplicate and not preview_model.row_at(r).errors]
    assert duplicate_rows
    for r in duplicate_rows:
        background = preview_model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole)
        assert background.color() == DUPLICATE_COLOUR
    assert "blue" in wizard.preview_page.subTitle() or "ฟ้า" in wizard.preview_page.subTitle()
    assert "6" in wizard.preview_page.counts.text()
    assert wizard.preview_page.on_duplicate() == "skip"
    wizard.grab().save(str(SHOTS / "import_3_preview.png"))

    with qtbot.waitSignal(executor.changes_applied, timeout=30_000) as announced:
        run_import(wizard, qtbot)
    changes, initiator = announced.args
    assert isinstance(changes, Changes) and initiator is wizard
    assert changes.touches("members") and changes.touches("organisations", "groups", "dues")
    report = wizard.report
    assert report is not None
    assert (report.imported, report.updated, report.skipped, report.rejected) == (
        len(MESSY_IMPORTED_ROWS),
        0,
        3,
        len(MESSY_EXPECTED_ERRORS),
    )
    assert live_members(database) == before + len(MESSY_IMPORTED_ROWS)
    summary = wizard.run_page.summary.text()
    assert f"{len(MESSY_IMPORTED_ROWS)}" in summary and f"{len(MESSY_EXPECTED_ERRORS)}" in summary
    assert wizard.run_page.report_button.isVisible() and wizard.run_page.undo_button.isVisible()
    # Every problem listed, the rows not imported first, each with the cell concerned.
    page = wizard.run_page
    table, problems = page.problems_table, page.problems
    assert table.isVisible() and page.problem_filter.isVisible()
    assert page.problem_filter.currentData() == "error"
    shown = {
        problems.problem_at(r).row: problems.index(r, ProblemsModel.VALUE).data()
        for r in range(problems.rowCount())
    }
    assert set(shown) == set(MESSY_EXPECTED_ERRORS)
    assert shown[13] == "bad@" and shown[15] == "31 ก.พ. 2530"
    assert {problems.problem_at(r).code for r in range(problems.rowCount())} == set(
        MESSY_EXPECTED_ERRORS.values()
    )
    kinds = [page.problem_filter.itemData(i) for i in range(page.problem_filter.count())]
    assert kinds == [None, "error", "warning", "duplicate"]
    assert problems.index(0, ProblemsModel.KIND).data() == "ไม่ได้นำเข้า"  # Thai interface
    page.problem_filter.setCurrentIndex(kinds.index("duplicate"))
    assert problems.rowCount() == 3
    assert problems.index(0, ProblemsModel.PROBLEM).data() == "เลขประจำตัวประชาชนซ้ำกับแถว 6: ข้าม"
    page.problem_filter.setCurrentIndex(kinds.index(None))
    assert problems.rowCount() == len(MESSY_EXPECTED_ERRORS) + len(MESSY_EXPECTED_WARNINGS) + 3
    page.problem_filter.setCurrentIndex(kinds.index("error"))
    qtmodeltester.check(problems)
    wizard.grab().save(str(SHOTS / "import_4_done.png"))

    # The error report: the rejected rows with a reason column.
    out = tmp_path / "errors.xlsx"
    wizard.run_page.save_error_report(out)
    qtbot.waitUntil(lambda: wizard.run_page.report_button.isEnabled(), timeout=10_000)
    assert out.exists(), wizard.run_page.status.text()
    book = CalamineWorkbook.from_path(str(out))
    rows = book.get_sheet_by_index(0).to_python()
    header_index = next(i for i, r in enumerate(rows) if REASON_HEADER in [str(c) for c in r])
    data = [r for r in rows[header_index + 1 :] if any(str(c).strip() for c in r)]
    assert len(data) == len(MESSY_EXPECTED_ERRORS)

    # Undo takes the whole import back.
    with qtbot.waitSignal(executor.changes_applied, timeout=10_000):
        wizard.run_page.undo()
    assert live_members(database) == before
    assert wizard.run_page.title() == wizard.run_page.tr("Import undone")
    assert wizard.run_page.summary.text().startswith(
        wizard.run_page.tr("This import was undone: %Ln member(s) removed,", "",
                           len(MESSY_IMPORTED_ROWS))
    )  # fmt: skip


def test_mapping_change_takes_effect(
    wizard: ImportWizard, seeded: tuple[Database, dict[str, str]], qtbot: QtBot, tmp_path: Path
) -> None:
    database, _ = seeded
    path = write_simple_xlsx(
        tmp_path / "simple.xlsx",
        ("ชื่อ", "นามสกุล", "หมายเหตุ"),
        [("สมใจ", "ดีงาม", "ครูเก่า"), ("สมหมาย", "รักดี", "ข้าราชการ")],
    )
    open_file(wizard, qtbot, path)
    to_mapping(wizard, qtbot)
    model = wizard.mapping_page.model
    assert model.mapping().columns == {0: "first_name", 1: "last_name", 2: "notes"}
    model.set_target(2, "nickname")  # the third column is the nickname, not a note
    assert model.mapping().columns[2] == "nickname"
    model.set_target(0, None)  # no name column: the wizard cannot go on
    assert not wizard.mapping_page.isComplete()
    model.set_target(0, "first_name")
    assert wizard.mapping_page.isComplete()
    to_preview(wizard, qtbot)
    run_import(wizard, qtbot)
    assert wizard.report is not None and wizard.report.imported == 2
    assert not wizard.run_page.problems_table.isVisible()  # nothing to list
    connection = database.raw_connection()
    try:
        got = connection.execute(
            "SELECT nickname, notes FROM member WHERE first_name = 'สมใจ'"
        ).fetchone()
    finally:
        connection.close()
    assert got[0] == "ครูเก่า" and not got[1]  # the note column went to the nickname


def test_header_row_change_reads_again(wizard: ImportWizard, qtbot: QtBot, tmp_path: Path) -> None:
    path = write_messy_xlsx(tmp_path / "messy.xlsx")
    open_file(wizard, qtbot, path)
    to_mapping(wizard, qtbot)
    page = wizard.mapping_page
    page.set_header_row(6)  # the first data row taken as the header: nothing maps to a name
    qtbot.waitUntil(lambda: not page.busy(), timeout=10_000)
    assert wizard.preview.header_row == 6
    page.set_header_row(4)
    qtbot.waitUntil(lambda: not page.busy(), timeout=10_000)
    assert wizard.preview.header_row == 4 and page.isComplete()


def test_unreadable_file_is_explained_in_thai(
    wizard: ImportWizard, qtbot: QtBot, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"this is no workbook")
    open_file(wizard, qtbot, broken)
    assert not wizard.file_page.isComplete()
    text = wizard.file_page.status.text()
    # The precise reason the core found, not "damaged or still being copied".
    renamed = file_error_text("unreadable_file", "?", detail="not_a_spreadsheet", suffix=".xlsx")
    assert renamed in text and ".xlsx" in renamed and "Traceback" not in text
    assert file_error_text("unreadable_file", "?") not in text
    # A damaged workbook is still called damaged.
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    open_file(wizard, qtbot, damaged)
    assert file_error_text("unreadable_file", "?") in wizard.file_page.status.text()
    # A folder is called a folder.
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    open_file(wizard, qtbot, folder)
    assert file_error_text("unreadable_file", "?", detail="is_folder") in (
        wizard.file_page.status.text()
    )
    open_file(wizard, qtbot, tmp_path / "missing.csv")
    assert not wizard.file_page.isComplete()
    assert file_error_text("file_not_found", "?") in wizard.file_page.status.text()
    web_page = tmp_path / "report.xls"
    web_page.write_text("<html><table><tr><td>ชื่อ</td></tr></table></html>", encoding="utf-8")
    open_file(wizard, qtbot, web_page)
    assert not wizard.file_page.isComplete()
    assert "ไฟล์นี้เป็นหน้าเว็บ" in wizard.file_page.status.text()
    # A file whose names cannot be found: the mapping page will not let the import start.
    no_names = write_simple_xlsx(tmp_path / "phones.xlsx", ("โทรศัพท์", "อีเมล"),
                                 [("0812345678", "a@example.com")])  # fmt: skip
    open_file(wizard, qtbot, no_names)
    to_mapping(wizard, qtbot)
    assert not wizard.mapping_page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.mapping_page.status.text()


def test_the_file_page_counts_rows_of_data_and_refuses_a_sheet_with_none(
    wizard: ImportWizard, qtbot: QtBot, tmp_path: Path
) -> None:
    header = ("ชื่อ", "นามสกุล", "จังหวัด")
    only_header = write_simple_xlsx(tmp_path / "empty.xlsx", header, [("", "", "")] * 3)
    open_file(wizard, qtbot, only_header)
    assert not wizard.file_page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "ไม่มีข้อมูลอยู่ด้านล่าง" in wizard.file_page.status.text()  # Thai
    gappy = write_simple_xlsx(tmp_path / "gappy.xlsx", header, [
        ("สมใจ", "ดีงาม", "ขอนแก่น"), ("", "", ""), ("", "", ""), ("สมหมาย", "รักดี", "ขอนแก่น"),
    ])  # fmt: skip
    open_file(wizard, qtbot, gappy)
    assert wizard.file_page.isComplete()
    assert "ด้านล่าง 2 แถว" in wizard.file_page.status.text()  # the blank rows not counted
    # Provinces without organisations are not kept: the mapping page says so.
    to_mapping(wizard, qtbot)
    status = wizard.mapping_page.status.text()
    assert "จังหวัด: จะไม่ถูกนำเข้าถ้าไม่มีชื่อหน่วยงาน" in status
    assert wizard.mapping_page.isComplete()
    # ... and the count above it leaves them out: 2 columns (names), not 3
    assert status.splitlines()[0] == wizard.mapping_page.tr(
        "%Ln column(s) will be imported.", "", 2
    )


def test_a_duplicate_row_with_a_warning_is_shown_as_both(
    wizard: ImportWizard, qtbot: QtBot, tmp_path: Path
) -> None:
    number = national_id("310000000001")
    path = write_simple_xlsx(tmp_path / "d.xlsx", ("ชื่อ-สกุล", "เลขประจำตัวประชาชน", "มือถือ"), [
        ("นายสมใจ ดีงาม", number, "0812345678"),
        ("นายสมใจ ดีงาม", number, "081-234-5678 / 02-123-4567"),  # a warning, and a duplicate
    ])  # fmt: skip
    open_file(wizard, qtbot, path)
    to_mapping(wizard, qtbot)
    to_preview(wizard, qtbot)
    model = wizard.preview_page.model
    second = next(r for r in range(model.rowCount()) if model.row_at(r).row == 3)
    assert model.index(second, model.PROBLEMS).data() == "คำเตือน, ข้อมูลซ้ำ"
    tip = model.index(second, model.PROBLEMS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines() == [
        "ช่องนี้มี 2 หมายเลข ใช้ 0812345678 ส่วน 021234567 บันทึกเป็นโทรศัพท์ที่ทำงาน [มือถือ]",
        "เลขประจำตัวประชาชนซ้ำกับแถว 2",
    ]


def _big_sheet(path: Path, rows: int) -> Path:
    header = ("คำนำหน้า", "ชื่อ", "นามสกุล", "เลขบัตรประชาชน", "โทรศัพท์", "จังหวัด", "ตำแหน่ง")
    data = [
        ("นาย", f"ทดสอบ{i}", f"นามสกุล{i % 997}", national_id(f"{300000000000 + i * 7:012d}"),
         f"08{i % 100_000_000:08d}", "นครราชสีมา", "นักวิเคราะห์นโยบายและแผน")
        for i in range(rows)
    ]  # fmt: skip
    return write_simple_xlsx(path, header, data)


def test_cancel_mid_import_leaves_nothing(
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
    qtbot.mouseClick(run_page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(run_page.isComplete, timeout=30_000)
    assert wizard.report is None
    assert live_members(database) == before
    assert "cancel" in run_page.title().lower() or "ยกเลิก" in run_page.title()


def test_event_loop_keeps_turning_during_a_20k_import(
    wizard: ImportWizard, seeded: tuple[Database, dict[str, str]], qtbot: QtBot, tmp_path: Path
) -> None:
    open_file(wizard, qtbot, _big_sheet(tmp_path / "big.xlsx", 20_000))
    to_mapping(wizard, qtbot)
    to_preview(wizard, qtbot)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    run_import(wizard, qtbot, timeout=120_000)
    seconds = time.perf_counter() - started
    timer.stop()
    assert wizard.report is not None and wizard.report.imported == 20_000
    worst = max(gaps) * 1000
    print(
        f"\n20,000-row import in the wizard: {seconds:.1f} s, worst event-loop gap {worst:.0f} ms"
    )
    assert worst < 100, f"the event loop stalled {worst:.0f} ms"


def test_the_search_index_and_the_log_are_done_after_the_result_is_shown(
    wizard: ImportWizard, seeded: tuple[Database, dict[str, str]], qtbot: QtBot, tmp_path: Path
) -> None:
    database, _ = seeded
    open_file(wizard, qtbot, _big_sheet(tmp_path / "big.xlsx", 2_000))
    to_mapping(wizard, qtbot)
    to_preview(wizard, qtbot)
    run_import(wizard, qtbot)
    assert wizard.report is not None and wizard.report.imported == 2_000
    assert "checkpoint" not in wizard.report.phases  # not inside the import
    follow_up = wizard.run_page.follow_up
    assert follow_up is not None
    assert not follow_up.done()  # not begun while the result is being shown
    status = wizard.run_page.status
    assert "search index" in status.text() or "ดัชนี" in status.text()
    connection = database.raw_connection()
    try:
        backlog = search_backlog(connection)  # the new members' search documents: later
        assert backlog is not None and backlog.size == 2_000
        assert wizard.report.search_backlog == 2_000
        with database.session() as session:  # found meanwhile all the same
            keys = search_member_keys(session, filters=MemberFilter(text="ทดสอบ"))
            assert len(keys) == 2_000
        qtbot.waitUntil(follow_up.done, timeout=30_000)
        assert follow_up.indexed == 2_000
        before = status.text()
        qtbot.waitUntil(lambda: status.text() != before, timeout=5_000)  # told it is done
        wizard.grab().save(str(SHOTS / "import_5_indexed.png"))
        assert search_backlog(connection) is None
        assert check_member_index(connection)
    finally:
        connection.close()
    assert Path(f"{database.path}-wal").stat().st_size == 0
    assert live_members(database) == 2_000 + 2


@pytest.mark.parametrize("policy", ["update", "new"])
def test_duplicates_policy_is_passed_on(
    wizard: ImportWizard, qtbot: QtBot, tmp_path: Path, policy: str
) -> None:
    open_file(wizard, qtbot, write_messy_xlsx(tmp_path / "messy.xlsx"))
    to_mapping(wizard, qtbot)
    to_preview(wizard, qtbot)
    button = wizard.preview_page.update_existing if policy == "update" else wizard.preview_page.new
    button.click()
    run_import(wizard, qtbot)
    report = wizard.report
    assert report is not None and report.on_duplicate == policy
    if policy == "update":
        assert report.updated == 2 and report.skipped == 1
    else:
        assert report.imported > len(MESSY_IMPORTED_ROWS) and report.updated == 0


def test_preview_model_passes_the_model_tester(qtmodeltester) -> None:
    qtmodeltester.check(PreviewModel())
    qtmodeltester.check(MappingModel())


def test_members_view_refreshes_after_the_import(
    wizard: ImportWizard, executor: DbExecutor, seeded: tuple[Database, dict[str, str]],
    qtbot: QtBot, qasync_loop: object, tmp_path: Path,
) -> None:  # fmt: skip
    from desktop.members.view import MembersView

    view = MembersView(executor)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.search_finished, timeout=10_000):
        view.show()
    before = view.model.rowCount()
    assert before == live_members(seeded[0])
    open_file(wizard, qtbot, write_messy_xlsx(tmp_path / "messy.xlsx"))
    to_mapping(wizard, qtbot)
    to_preview(wizard, qtbot)
    with qtbot.waitSignal(view.search_finished, timeout=30_000):
        run_import(wizard, qtbot)
    assert view.model.rowCount() == before + len(MESSY_IMPORTED_ROWS)
    view.tasks.cancel_all()


def test_undo_refused_for_changed_members_then_keeping_them(
    wizard: ImportWizard, executor: DbExecutor, seeded: tuple[Database, dict[str, str]],
    qtbot: QtBot, tmp_path: Path,
) -> None:  # fmt: skip
    database, _ = seeded
    before = live_members(database)
    path = write_simple_xlsx(
        tmp_path / "two.xlsx", ("ชื่อ", "นามสกุล"), [("สมใจ", "ดีงาม"), ("สมหมาย", "รักดี")]
    )
    open_file(wizard, qtbot, path)
    to_mapping(wizard, qtbot)
    to_preview(wizard, qtbot)
    run_import(wizard, qtbot)
    assert live_members(database) == before + 2
    connection = database.raw_connection()
    try:  # the user edits one imported member afterwards
        with connection:
            connection.execute(
                "UPDATE member SET nickname = 'ใจ', updated_at = '2999-01-01T00:00:00.000000Z'"
                " WHERE first_name = 'สมใจ'"
            )
    finally:
        connection.close()
    page = wizard.run_page
    page.undo()
    qtbot.waitUntil(page.undo_button.isEnabled, timeout=10_000)
    assert page.undo_keep_button.isVisible()
    assert page.status.text() == undo_error_text(
        "changed_since_import", "?", changed=1, names=("สมใจ ดีงาม",)
    )
    assert "สมใจ ดีงาม" in page.status.text()  # the user is told whom
    assert live_members(database) == before + 2  # refused: nothing changed
    with qtbot.waitSignal(executor.changes_applied, timeout=10_000):
        qtbot.mouseClick(page.undo_keep_button, Qt.MouseButton.LeftButton)
    assert live_members(database) == before + 1  # the edited member stays
    assert not page.undo_button.isVisible()


def test_a_renamed_text_file_is_explained_in_english(
    english_ui: None, wizard: ImportWizard, qtbot: QtBot, tmp_path: Path
) -> None:
    renamed = tmp_path / "notes.xlsx"
    renamed.write_text("hello\n", encoding="utf-8")
    open_file(wizard, qtbot, renamed)
    assert wizard.file_page.status.text() == (
        "This file cannot be imported: The file is named .xlsx but its content is not a "
        "spreadsheet: it was probably renamed from another kind of file. Open it in the program "
        "that made it and save it as .xlsx or .csv, then import that."
    )


def test_undo_message_counts_in_english(
    english_ui: None, wizard: ImportWizard, executor: DbExecutor, qtbot: QtBot, tmp_path: Path
) -> None:
    rows = [("สมใจ", "ดีงาม"), ("สมหมาย", "รักดี"), ("สมศรี", "มีสุข")]
    path = write_simple_xlsx(tmp_path / "three.xlsx", ("ชื่อ", "นามสกุล"), rows)
    open_file(wizard, qtbot, path)
    to_mapping(wizard, qtbot)
    to_preview(wizard, qtbot)
    run_import(wizard, qtbot)
    with qtbot.waitSignal(executor.changes_applied, timeout=10_000):
        wizard.run_page.undo()
    # Qt's counted forms from the English catalogue, not a literal "member(s)"
    assert wizard.run_page.summary.text() == (
        "This import was undone: 3 members removed, 0 restored."
    )


def test_preview_dates_are_buddhist_era(wizard: ImportWizard, qtbot: QtBot, tmp_path: Path) -> None:
    open_file(wizard, qtbot, write_messy_xlsx(tmp_path / "messy.xlsx"))
    to_mapping(wizard, qtbot)
    to_preview(wizard, qtbot)
    model = wizard.preview_page.model
    first = next(r for r in range(model.rowCount()) if model.row_at(r).row == 6)
    column = 2 + PREVIEW_FIELDS.index("birth_date")
    assert model.index(first, column).data() == "2 ต.ค. 2520"


def test_the_file_is_read_once_for_previews_and_import(
    wizard: ImportWizard, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db.io import readers

    reads: list[Path] = []
    real = readers.read_workbook

    def counted(path: Path, **kwargs: object) -> readers.SheetTable:
        reads.append(path)
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(readers, "read_workbook", counted)
    open_file(wizard, qtbot, write_messy_xlsx(tmp_path / "messy.xlsx"))
    to_mapping(wizard, qtbot)
    to_preview(wizard, qtbot)
    run_import(wizard, qtbot)
    assert wizard.report is not None and wizard.report.imported > 0
    assert wizard.report.rejected > 0  # the sheet is kept for the error report
    wizard.run_page.save_error_report(tmp_path / "errors.xlsx")
    qtbot.waitUntil(lambda: (tmp_path / "errors.xlsx").exists(), timeout=10_000)
    qtbot.waitUntil(lambda: wizard.run_page.report_button.isEnabled(), timeout=10_000)
    assert len(reads) == 1  # not for each preview, the import and the error report
    assert wizard.table_cache.hits >= 3
    key = readers.TableCache.key(tmp_path / "messy.xlsx", wizard.sheet, None)
    assert wizard.table_cache.get(key) is not None
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.table_cache.get(key) is None, timeout=5_000)  # let go


def test_the_bar_is_busy_not_stuck_at_full_while_the_import_saves(
    wizard: ImportWizard, qtbot: QtBot
) -> None:
    page = wizard.run_page
    page._progress.report(500, 2_000)
    page._poll()
    assert (page.bar.minimum(), page.bar.maximum(), page.bar.value()) == (0, 2_000, 500)
    assert "500" in page.summary.text()
    page._progress.report(2_000, 2_000)  # every row checked: indexes and commit to come
    page._poll()
    assert page.bar.maximum() == 0  # an animated busy bar
    assert page.summary.text() == page.tr("Saving the members…")


def test_a_moving_bar_shows_while_the_file_is_read(
    wizard: ImportWizard, qtbot: QtBot, tmp_path: Path
) -> None:
    page = wizard.file_page
    assert not page.busy_bar.isVisible()
    page.set_file(write_messy_xlsx(tmp_path / "messy.xlsx"))
    assert page.busy() and page.busy_bar.isVisible() and page.busy_bar.maximum() == 0
    qtbot.waitUntil(lambda: not page.busy(), timeout=10_000)
    assert not page.busy_bar.isVisible()
    page.set_file(tmp_path / "missing.xlsx")  # a failed read hides it too
    qtbot.waitUntil(lambda: not page.busy(), timeout=10_000)
    assert not page.busy_bar.isVisible()


def test_a_refused_undo_names_the_members_changed_since(english_ui: None) -> None:
    names = ("นายสมชาย ใจดี", "นางสมศรี ใจดี", "นายมานะ ใจดี")
    assert undo_error_text("changed_since_import", "?", changed=6, names=names) == (
        "The import was not undone, because of changes made after it to: นายสมชาย ใจดี,"
        " นางสมศรี ใจดี, นายมานะ ใจดี and 3 more."
    )
    assert undo_error_text("changed_since_import", "?", changed=4, names=names).endswith(
        " and 1 more."
    )
    assert undo_error_text("changed_since_import", "?", changed=1, names=names[:1]) == (
        "The import was not undone, because of changes made after it to: นายสมชาย ใจดี."
    )
