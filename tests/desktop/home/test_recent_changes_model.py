"""The recent-changes model: the model tester, and what each column shows."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from db.dashboard import RecentChange
from desktop.home.recent import MEMBER_ID_ROLE, RecentChangesModel

CHANGES = (
    RecentChange("id-1", "นายสมชาย ใจดี", "อบต.แม่ริม", "2026-11-24T04:05:06.789Z", True),
    RecentChange("id-2", "นางสาวศรีสุดา ทองคำ", "", "2026-10-01T17:30:00.000Z", False),
)


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = RecentChangesModel()
    qtmodeltester.check(model)
    model.set_changes(CHANGES)
    qtmodeltester.check(model)
    model.set_changes(())
    qtmodeltester.check(model)


def test_columns() -> None:
    model = RecentChangesModel()
    model.set_changes(CHANGES)
    assert model.rowCount() == 2
    assert model.columnCount() == 4
    assert model.rowCount(model.index(0, 0)) == 0  # a flat table
    name, organisation, change, when = (model.index(0, c) for c in range(4))
    assert name.data() == "นายสมชาย ใจดี"
    assert organisation.data() == "อบต.แม่ริม"
    assert change.data() == QCoreApplication.translate("RecentChangesModel", "Added")
    assert when.data().endswith(" น.")
    assert "พ.ย. 2569" in when.data() or "ธ.ค. 2569" in when.data()  # local time zone
    assert name.data(MEMBER_ID_ROLE) == "id-1"
    assert model.index(1, 1).data() == ""
    assert model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)  # "No organisation"
    assert model.index(1, 2).data() == QCoreApplication.translate("RecentChangesModel", "Edited")
    assert model.data(QModelIndex()) is None
    assert model.headerData(0, Qt.Orientation.Horizontal)
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_era_and_english_dates() -> None:
    model = RecentChangesModel()
    model.set_changes(CHANGES[1:], era="CE", thai=False)
    when = model.index(0, 3).data()  # 1 Oct 17.30 UTC is 1 or 2 Oct in any time zone
    assert re.fullmatch(r"[12] Oct 2026 \d\d:\d\d", when), when
    model.set_changes(CHANGES[1:], era="BE", thai=True)
    assert re.fullmatch(r"[12] ต\.ค\. 2569 \d\d\.\d\d น\.", model.index(0, 3).data())
