"""The review screen: scan with progress and cancel, compare, pick values, merge with
confirmation, not-duplicates, undo last merge, refusals explained; models checked."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from db.duplicates import ScanCancelled, dismissed_pairs, pair_key, scan_duplicates
from db.members.edit import delete_member
from db.members.profile import get_member
from db.merge import MERGE_FIELDS, merge_preview
from desktop.duplicates import DuplicatesView
from desktop.duplicates import view as view_module
from desktop.duplicates.comparison_model import (
    DIFFERENT_BACKGROUND,
    ComparisonColumn,
    MergeComparisonModel,
    value_text,
)
from desktop.duplicates.pairs_model import PAIR_ROLE, DuplicatePairsModel, PairColumn

if TYPE_CHECKING:
    from tests.desktop.duplicates.conftest import Register

Answer = QMessageBox.StandardButton
ID_1 = "1101700203450"  # the national ID of the first สมชาย in the register fixture


def answer_with(monkeypatch: pytest.MonkeyPatch, result: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return result

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def scan(qtbot: QtBot, view: DuplicatesView) -> int:
    with qtbot.waitSignal(view.scan_finished, timeout=10_000) as finished:
        qtbot.mouseClick(view.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.comparison_model.preview is not None, timeout=10_000)
    qtbot.waitUntil(lambda: view.tasks.pending() == 0, timeout=10_000)
    return int(finished.args[0])


def row_of(model: MergeComparisonModel, field: str) -> int:
    return MERGE_FIELDS.index(field)


def test_object_names(view: DuplicatesView) -> None:
    for name in (
        "duplicatesView", "scanButton", "dismissButton", "mergeButton", "undoMergeButton",
        "duplicatesStatus", "duplicatePairs", "mergeComparison", "keepRecordA", "keepRecordB",
        "mergeSummary",
    ):  # fmt: skip
        assert view.objectName() == name or view.findChild(object, name) is not None, name


def test_scan_lists_pairs_best_first_with_reasons(
    english_ui: None, qtbot: QtBot, view: DuplicatesView, register: Register
) -> None:
    assert not view.undo_button.isEnabled()
    assert not view.merge_button.isEnabled()
    assert scan(qtbot, view) == 3
    model = view.pairs_model
    assert model.rowCount() == 3
    first = model.index(0, PairColumn.NAME_A)
    assert first.data() == "นายสมชาย ใจดี"
    assert model.index(0, PairColumn.NAME_B).data() == "สมชาย ใจดี"
    assert model.index(0, PairColumn.ORGANISATION_A).data() == "หนองบัว"
    assert model.index(0, PairColumn.SCORE).data() == "90%"
    # Each shared thing said once, not "Same name, same organisation, Same name, same ...";
    # the tooltip lists every reason in full.
    assert model.index(0, PairColumn.REASONS).data() == "Same name, organisation and birth year"
    assert model.index(0, PairColumn.REASONS).data(Qt.ItemDataRole.ToolTipRole) == (
        "Same name, same organisation\nSame name, same birth year"
    )
    reasons = [model.index(row, PairColumn.REASONS).data() for row in range(3)]
    assert reasons[1:] == ["Same mobile number", "Same email"]
    assert view.status.text() == "3 candidate pairs: best matches first."
    assert view.merge_button.isEnabled() and view.dismiss_button.isEnabled()


def test_the_keep_buttons_tell_two_records_of_one_name_apart(
    english_ui: None, qtbot: QtBot, view: DuplicatesView, register: Register
) -> None:
    with register.database.session() as session:  # both records now named นายสมชาย ใจดี
        session.execute(
            text("UPDATE member SET prefix = 'นาย' WHERE id = :id"),
            {"id": register.ids["somchai_copy"]},
        )
    scan(qtbot, view)
    preview = view.comparison_model.preview
    assert preview is not None and preview.a_name == preview.b_name == "นายสมชาย ใจดี"
    # The first value both records have and that differs: the status.
    assert view.keep_a.text() == "Record A: นายสมชาย ใจดี (Status Active)"
    assert view.keep_b.text() == "Record B: นายสมชาย ใจดี (Status Inactive)"


def test_the_first_pair_is_compared_field_by_field(
    english_ui: None, qtbot: QtBot, view: DuplicatesView, register: Register
) -> None:
    scan(qtbot, view)
    model = view.comparison_model
    assert model.rowCount() == len(MERGE_FIELDS)
    differing = {MERGE_FIELDS[row] for row in model.differing_rows()}
    assert differing == {"prefix", "national_id", "phone", "email", "address", "status"}
    for row, field in enumerate(MERGE_FIELDS):
        background = model.index(row, ComparisonColumn.A).data(Qt.ItemDataRole.BackgroundRole)
        assert (background == DIFFERENT_BACKGROUND) == (field in differing), field
        checkable = model.flags(model.index(row, ComparisonColumn.B)) & (
            Qt.ItemFlag.ItemIsUserCheckable
        )
        assert bool(checkable) == (field in differing), field
    email = row_of(model, "email")
    assert model.index(email, ComparisonColumn.FIELD).data() == "Email"
    assert model.index(email, ComparisonColumn.A).data() == "(empty)"
    assert model.index(email, ComparisonColumn.B).data() == "somchai@example.com"
    assert model.index(email, ComparisonColumn.B).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    national_id = row_of(model, "national_id")
    assert model.index(national_id, ComparisonColumn.A).data() == "1-1017-00203-45-0"
    status = row_of(model, "status")
    assert model.index(status, ComparisonColumn.A).data() == "Active"  # the list's English label
    birth = row_of(model, "birth_date")
    assert model.index(birth, ComparisonColumn.A).data() == "1 May 2523"  # English, BE
    address = model.index(row_of(model, "address"), ComparisonColumn.B)
    assert address.data() == "99 หมู่ 1 ตำบลหนองบัว · อำเภอเมือง จังหวัดขอนแก่น"
    # The survivor suggested: the stronger record. Both have as much data (A: 8 fields and a
    # group; B: 7 fields, a group and a dues payment): the one with the national ID.
    assert view.keep_a.isChecked()
    assert model.headerData(ComparisonColumn.A, Qt.Orientation.Horizontal) == "Record A (kept)"
    assert "Moves to the kept record: dues payments 1 · group memberships 1." in (
        view.summary.text()
    )
    # Conflicting codes keep the kept record's ("active" is inside "inactive": no matter).
    assert (model.pick("status"), model.pick("email"), model.pick("address")) == ("a", "b", "b")


def test_picking_values_and_the_kept_record(
    english_ui: None, qtbot: QtBot, view: DuplicatesView, register: Register
) -> None:
    scan(qtbot, view)
    model = view.comparison_model
    phone = row_of(model, "phone")
    assert model.pick("phone") == "a"  # the filled one
    # Ticking record B's empty phone moves the tick; unticking is not a choice.
    b_phone = model.index(phone, ComparisonColumn.B)
    assert model.setData(b_phone, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.pick("phone") == "b"
    assert not model.setData(b_phone, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert model.index(phone, ComparisonColumn.A).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    # A click on a value picks it too.
    rect = view.comparison.visualRect(model.index(phone, ComparisonColumn.A))
    QTest.mouseClick(view.comparison.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert model.pick("phone") == "a"
    # Same values have nothing to choose.
    assert not model.set_pick("first_name", "a")
    view.choose_survivor("a")
    assert model.headerData(ComparisonColumn.A, Qt.Orientation.Horizontal) == "Record A (kept)"
    choices = model.field_choices()
    assert choices["phone"] == "survivor"
    assert choices["email"] == "merged"
    assert choices["national_id"] == "survivor"
    assert "Kept: นายสมชาย ใจดี." in view.summary.text()


def test_merge_asks_first_then_merges_and_undo_brings_both_back(
    english_ui: None,
    qtbot: QtBot,
    view: DuplicatesView,
    register: Register,
    monkeypatch: pytest.MonkeyPatch,
    run_async: Callable[..., Any],
) -> None:
    ids = register.ids
    scan(qtbot, view)
    view.choose_survivor("a")
    asked = answer_with(monkeypatch, Answer.No)
    assert run_async(view.merge_current()) is None
    assert "Merge “สมชาย ใจดี” into “นายสมชาย ใจดี”?" in asked[0]
    assert view.pairs_model.rowCount() == 3

    answer_with(monkeypatch, Answer.Yes)
    with qtbot.waitSignal(view.merge_finished, timeout=10_000):
        qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.tasks.pending() == 0, timeout=10_000)
    assert view.pairs_model.rowCount() == 2
    assert view.status.text() == "Merged “สมชาย ใจดี” into “นายสมชาย ใจดี”."
    assert view.undo_button.isEnabled()
    with register.database.session() as s:
        kept = get_member(s, member_id=ids["somchai"])
        with pytest.raises(LookupError):
            get_member(s, member_id=ids["somchai_copy"])
    assert (kept.data.national_id, kept.data.email) == (ID_1, "somchai@example.com")
    assert [(g.group_id, g.role) for g in kept.groups] == [(register.association, "secretary")]
    assert len(kept.dues) == 1

    asked = answer_with(monkeypatch, Answer.Yes)
    assert run_async(view.undo_last_merge()) is not None
    assert "Undo the merge of “สมชาย ใจดี” into “นายสมชาย ใจดี”?" in asked[0]
    assert not view.undo_button.isEnabled()
    with register.database.session() as s:
        assert get_member(s, member_id=ids["somchai_copy"]).data.email == "somchai@example.com"
        assert get_member(s, member_id=ids["somchai"]).data.email == ""
    assert run_async(view.undo_last_merge()) is None
    assert view.status.text() == "There is no merge to undo."


def test_not_duplicates_is_remembered(
    qtbot: QtBot, view: DuplicatesView, register: Register
) -> None:
    scan(qtbot, view)
    pair = view.current_pair()
    assert pair is not None
    with qtbot.waitSignal(view.pair_dismissed, timeout=10_000):
        qtbot.mouseClick(view.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.tasks.pending() == 0, timeout=10_000)
    assert view.pairs_model.rowCount() == 2
    assert view.current_pair() is not None and view.current_pair() != pair
    with register.database.session() as s:
        assert dismissed_pairs(s) == {pair_key(pair.a_id, pair.b_id)}
    assert scan(qtbot, view) == 2


def test_a_refused_merge_is_explained_and_changes_nothing(
    english_ui: None,
    qtbot: QtBot,
    view: DuplicatesView,
    register: Register,
    monkeypatch: pytest.MonkeyPatch,
    run_async: Callable[..., Any],
) -> None:
    scan(qtbot, view)
    with register.database.session() as s:  # deleted elsewhere after the scan
        delete_member(s, member_id=register.ids["somchai_copy"])
    answer_with(monkeypatch, Answer.Yes)
    assert run_async(view.merge_current()) is None
    assert view.message is not None and view.message.objectName() == "mergeRefused"
    assert "no longer exists" in view.message.informativeText()
    view.message.close()
    assert view.pairs_model.rowCount() == 3
    assert not view.undo_button.isEnabled()


def test_rule_breaking_values_are_explained(
    english_ui: None,
    qtbot: QtBot,
    view: DuplicatesView,
    register: Register,
    monkeypatch: pytest.MonkeyPatch,
    run_async: Callable[..., Any],
) -> None:
    import dataclasses
    import datetime as dt

    from db.members.edit import save_member

    with register.database.session() as s:
        data = get_member(s, member_id=register.ids["somchai"]).data
        save_member(
            s,
            data=dataclasses.replace(
                data, consent_date=dt.date(2024, 1, 1), consent_purpose="ข่าวสาร"
            ),
        )
    scan(qtbot, view)
    view.choose_survivor("a")
    purpose = row_of(view.comparison_model, "consent_purpose")
    view.comparison_model.setData(
        view.comparison_model.index(purpose, ComparisonColumn.B),
        Qt.CheckState.Checked,
        Qt.ItemDataRole.CheckStateRole,
    )
    answer_with(monkeypatch, Answer.Yes)
    assert run_async(view.merge_current()) is None
    assert view.message is not None
    assert view.message.informativeText().startswith("PDPA consent purpose: ")
    view.message.close()


def test_scan_can_be_cancelled(
    english_ui: None,
    qtbot: QtBot,
    view: DuplicatesView,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[bool] = []

    def slow_scan(session: Any, *, progress: Any, cancelled: Any) -> list[Any]:
        progress(10, 100)
        started.append(True)
        deadline = time.monotonic() + 10
        while not cancelled() and time.monotonic() < deadline:
            time.sleep(0.01)
        raise ScanCancelled

    monkeypatch.setattr(view_module, "scan_duplicates", slow_scan)
    qtbot.mouseClick(view.scan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(started) and view.progress is not None, timeout=5_000)
    assert not view.scan_button.isEnabled()
    qtbot.waitUntil(lambda: view.progress is not None and view.progress.value() == 10)
    view.progress.cancel()
    qtbot.waitUntil(lambda: view.tasks.pending() == 0, timeout=10_000)
    assert view.status.text() == "The scan was cancelled."
    assert view.scan_button.isEnabled()
    assert view.progress is None


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, register: Register) -> None:
    with register.database.session() as s:
        pairs = scan_duplicates(s)
        preview = merge_preview(s, a_id=pairs[0].a_id, b_id=pairs[0].b_id)
    pairs_model = DuplicatePairsModel()
    qtmodeltester.check(pairs_model)
    pairs_model.set_pairs(pairs)
    qtmodeltester.check(pairs_model)
    assert pairs_model.index(1, 0).data(PAIR_ROLE) == pairs[1]
    assert pairs_model.remove_members((pairs[0].a_id,)) == 1
    assert pairs_model.pairs() == pairs[1:]
    qtmodeltester.check(pairs_model)
    comparison = MergeComparisonModel()
    qtmodeltester.check(comparison)
    comparison.set_preview(preview)
    qtmodeltester.check(comparison)
    comparison.set_survivor("b")
    qtmodeltester.check(comparison)


def test_value_text() -> None:
    import datetime as dt

    assert value_text("phone", "0812345678") == "081-234-5678"
    assert value_text("phone", "12") == "12"  # unreadable numbers shown as they are
    assert value_text("organisation_id", "x", organisation="หนองบัว") == "หนองบัว"
    assert value_text("joined_on", dt.date(2014, 10, 2)) == "2 ตุลาคม 2557"
    assert value_text("email", "") == "" and value_text("gender", None) == ""


def test_screenshot_in_thai(qtbot: QtBot, view: DuplicatesView, tmp_path: Path) -> None:
    scan(qtbot, view)
    qtbot.wait(50)
    path = tmp_path / "duplicates.png"
    assert view.grab().save(str(path))
    assert path.stat().st_size > 10_000
    view.grab().save("/tmp/duplicates_view.png")


def test_two_records_of_one_name_are_told_apart_in_messages(
    english_ui: None,
    qtbot: QtBot,
    view: DuplicatesView,
    register: Register,
    monkeypatch: pytest.MonkeyPatch,
    run_async: Callable[..., Any],
) -> None:
    import dataclasses

    from db.members.edit import save_member

    with register.database.session() as s:
        for key, number in (("somchai", "0012"), ("somchai_copy", "0047")):
            data = get_member(s, member_id=register.ids[key]).data
            save_member(s, data=dataclasses.replace(data, prefix="", membership_no=number))
    scan(qtbot, view)
    preview = view.comparison_model.preview
    assert preview is not None and preview.a_name == preview.b_name == "สมชาย ใจดี"
    view.choose_survivor("a")
    assert "Kept: สมชาย ใจดี (record A, Member no. 0012)." in view.summary.text()
    asked = answer_with(monkeypatch, Answer.Yes)
    with qtbot.waitSignal(view.merge_finished, timeout=10_000):
        qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.tasks.pending() == 0, timeout=10_000)
    assert asked[0].startswith(
        "Merge “สมชาย ใจดี (record B, Member no. 0047)” into"
        " “สมชาย ใจดี (record A, Member no. 0012)”?"
    )
    assert view.status.text() == (
        "Merged “สมชาย ใจดี (record B, Member no. 0047)” into"
        " “สมชาย ใจดี (record A, Member no. 0012)”."
    )
    assert view.undo_button.toolTip() == "Undo the merge of the two records of “สมชาย ใจดี”"


def test_keeping_the_other_record_counts_only_the_values_taken(
    english_ui: None, qtbot: QtBot, view: DuplicatesView
) -> None:
    scan(qtbot, view)
    assert view.keep_a.isChecked()
    taken = "values taken from the other record; strengths of both are kept."
    assert view.summary.text().splitlines()[2] == f"2 {taken}"  # e-mail, address
    view.choose_survivor("b")
    # Prefix, national ID and mobile are record A's (filled against empty); the status, which
    # both have, follows the record now kept; equal fields are not counted.
    assert view.summary.text().splitlines()[2] == f"3 {taken}"


def test_pair_columns_fit_demo_names_and_organisations(
    qtbot: QtBot, view: DuplicatesView, register: Register, tmp_path: Path
) -> None:
    """Names and organisations as long as the demo register's are shown whole (Thai UI), the
    reasons keep room, and a user's own widths survive the next scan."""
    import dataclasses

    from db.members.edit import save_member
    from db.organisations import save_organisation

    with register.database.session() as s:
        org = get_member(s, member_id=register.ids["somchai"]).data.organisation_id
        save_organisation(
            s, id=org, type_code="sao", name="องค์การบริหารส่วนตำบลหนองบัวแดง", province_code=40
        )
        for key, prefix in (("somchai", "ว่าที่ร้อยตรี"), ("somchai_copy", "")):
            data = get_member(s, member_id=register.ids[key]).data
            save_member(
                s, data=dataclasses.replace(data, prefix=prefix, last_name="ศรีสุวรรณวงศ์ไพบูลย์")
            )
    scan(qtbot, view)
    table = view.pairs
    for column in (
        PairColumn.SCORE, PairColumn.NAME_A, PairColumn.ORGANISATION_A, PairColumn.NAME_B,
        PairColumn.ORGANISATION_B,
    ):  # fmt: skip
        needed = max(
            table.sizeHintForColumn(column), table.horizontalHeader().sectionSizeHint(column)
        )
        assert table.columnWidth(column) >= needed, column
    reasons = table.horizontalHeader().sectionViewportPosition(PairColumn.REASONS)
    assert reasons + 150 < table.viewport().width()  # the reasons still start on screen
    qtbot.wait(50)
    assert view.grab().save(str(tmp_path / "duplicates-pairs.png"))

    table.setColumnWidth(PairColumn.NAME_A, 90)  # the user narrows a column: kept on rescan
    scan(qtbot, view)
    assert table.columnWidth(PairColumn.NAME_A) == 90


def test_switching_the_record_kept_moves_the_ticks_the_user_left_alone() -> None:
    from db.merge import FieldComparison, MergePreview

    fields = (
        FieldComparison("last_name", "ใจดี", "ใจงาม", differs=True, suggested="a"),
        FieldComparison("phone", "0812345678", "0899999999", differs=True, suggested="a"),
        FieldComparison("email", "", "b@example.com", differs=True, suggested="b"),
        FieldComparison("position", "ปลัด", "ปลัด", differs=False, suggested="a"),
    )
    preview = MergePreview(
        a_id="a", b_id="b", a_name="สมชาย ใจดี", b_name="สมชาย ใจงาม", a_organisation="",
        b_organisation="", a_created_at="", b_created_at="", a_updated_at="", b_updated_at="",
        fields=fields, strengths_a=(), strengths_b=(), related=(), suggested_survivor="a",
        score=0.9, reasons=(),
    )  # fmt: skip
    model = MergeComparisonModel()
    model.set_preview(preview)
    assert model.set_pick("phone", "a")  # the user's own choice (the suggestion, ticked again)
    model.set_survivor("b")
    # The surname follows the record kept; the phone stays as the user ticked it; the filled
    # e-mail stays filled.
    assert [model.pick(f.field) for f in fields] == ["b", "a", "b", "b"]
    assert model.field_choices() == {
        "last_name": "survivor", "phone": "merged", "email": "survivor", "position": "survivor",
    }  # fmt: skip
    model.set_survivor("a")
    assert [model.pick(f.field) for f in fields] == ["a", "a", "b", "a"]
