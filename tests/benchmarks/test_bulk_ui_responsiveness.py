"""Benchmark: the UI stays responsive during a whole-register import and export (issue 3: no
event-loop stall over 100 ms). Run on demand:

    QT_QPA_PLATFORM=offscreen .venv/bin/pytest tests/benchmarks/test_bulk_ui_responsiveness.py \
        -m slow -s

A 10 ms QTimer ticks on the GUI thread while the real dialogs work, driven as a user would:

- the import wizard takes the 393,000-row, 20-column .xlsx of ``test_import_speed`` (cached in
  /tmp/khrueakhai-bench/) into a fresh register with the country's organisations: open the
  file, mapping, preview, run;
- the export dialog writes everyone in the 393,000-member demo register to .csv, then .xlsx.

Printed: each step's time and the longest gap between ticks (the stall), beside the 100 ms limit.
The duplicate scan's stall is measured by ``test_duplicate_scan``.

Measured here (2 cores, load 1.1-1.5): open the file 9.2 s / 87 ms, mapping -> preview 0.2 s /
73 ms, import 37.7 s / 44 ms; export to .csv 7.0 s / 41 ms, to .xlsx 16.4 s / 60 ms. Before
the work this benchmark prompted, the wizard read the file three times (13 s, 13.8 s and again
in the import) and stalled 1.8 s, 2.1 s and 1.2 s (to_python holding the GIL, collector passes
over the sheet's cells, a cycle keeping the importer for the collector, glibc consolidating
calamine's freed heap, the preview table measuring 200 rows, big frees in one C call).
Later (load 0.2-0.8): calamine freeing its parse at the end of the read still held the GIL
78-343 ms; with big files read by a child process (db.io.sheet_process) opening the file takes
10.0-11.4 s with a longest stall of 25-35 ms. The import's longest stall varied from run to
run (38-201 ms): timing the gaps against the import's progress put the worst at ~89 % of the
rows, where the three tables of rows seen (duplicates within the file) all grew past 349,525
keys, each copied in one C call holding the GIL; sharded now (db.io.shards): 37-64 ms.
The application is made as the app makes it (the Thai interface installed): without it every
translated label read the settings file again (40 ms of the preview's stall).
Since the import's commit leaves the copy of the write-ahead log into the database file to a
background thread (db.engine.Database.checkpoint): import 32.7-45.8 s; begun at once, that
copy stretched the import's last stall to 109-115 ms in 3 runs of 11, so it starts 1.5 s
later (end-of-import stalls 36-89 ms in 10 runs); the summary step times that copy (4-6 s).
Then: open 11.0 s / 16 ms, preview 0.3 s / 62 ms, import 39.9 s / 64 ms, .csv 6.0 s / 39 ms,
.xlsx 12.3 s / 45 ms. With the search documents written after the result and the row checks
shared with a second process: import 28.1-34.1 s / 62-77 ms, then 15.9-19.3 s of background
work (search documents on the database thread, log) with stalls of 27-47 ms.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.engine import open_database
from desktop.db_worker import DbExecutor
from desktop.io.export_dialog import ExportDialog
from desktop.io.import_wizard import ImportWizard
from tests.benchmarks.test_import_speed import (
    MEMBERS,
    _cached_sheet,
    _province_names,
    _register,
)
from tests.benchmarks.test_member_queries import bench_database

STALL_LIMIT_MS = 100.0


@pytest.fixture(scope="module")
def qapp() -> QApplication:
    """The application as the app makes it (fonts, the Thai interface installed): without a
    language installed every translated label read the settings file again."""
    from desktop.app import create_application

    return create_application(["khrueakhai-bench"], language="th")


class Ticks:
    """The gaps between the ticks of a 10 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def __enter__(self) -> Ticks:
        self.gaps.clear()
        self._last = time.perf_counter()
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.stop()

    @property
    def worst_ms(self) -> float:
        return max(self.gaps, default=0.0) * 1000


def _step(
    qtbot: QtBot, name: str, action: Callable[[], None], done: Callable[[], bool],
    figures: list[tuple[str, float, float]], timeout_s: float = 600,
) -> None:  # fmt: skip
    with Ticks() as ticks:
        started = time.perf_counter()
        action()
        qtbot.waitUntil(done, timeout=int(timeout_s * 1000))
        seconds = time.perf_counter() - started
    figures.append((name, seconds, ticks.worst_ms))


def _print(title: str, figures: list[tuple[str, float, float]]) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{title} (load average {load})")
    for name, seconds, worst in figures:
        verdict = "within" if worst < STALL_LIMIT_MS else "OVER"
        print(f"  {name:<28} {seconds:6.1f} s, longest stall {worst:5.0f} ms ({verdict} the"
              f" {STALL_LIMIT_MS:.0f} ms limit)")  # fmt: skip


@pytest.fixture
def import_sheet(tmp_path: Path) -> Path:
    return _cached_sheet(_province_names(tmp_path / "reference.sqlite"))


@pytest.fixture
def fresh_executor(tmp_path: Path) -> Iterator[DbExecutor]:
    path = tmp_path / "register.sqlite"
    _register(path, _province_names(tmp_path / "reference.sqlite"))
    database = open_database(path)
    executor = DbExecutor(database)
    yield executor
    executor.shutdown()
    database.dispose()


@pytest.mark.slow
def test_import_wizard_stays_responsive(
    fresh_executor: DbExecutor, import_sheet: Path, qtbot: QtBot
) -> None:
    wizard = ImportWizard(fresh_executor)
    qtbot.addWidget(wizard)
    wizard.show()
    figures: list[tuple[str, float, float]] = []
    _step(qtbot, "open the file", lambda: wizard.file_page.set_file(import_sheet),
          lambda: not wizard.file_page.busy(), figures)  # fmt: skip
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING_PAGE
    _step(qtbot, "mapping -> preview", wizard.next, wizard.preview_page.isComplete, figures)
    _step(qtbot, "import", wizard.next, wizard.run_page.isComplete, figures)
    follow_up = wizard.run_page.follow_up
    assert follow_up is not None
    _step(qtbot, "summary, search documents and log behind", lambda: None,
          follow_up.done, figures)  # fmt: skip
    _print(f"import wizard, {MEMBERS:,}-row .xlsx", figures)
    assert wizard.report is not None and wizard.report.imported == MEMBERS
    for _name, _seconds, worst in figures:
        assert worst < 1_000  # a gross freeze fails; the 100 ms limit is printed


@pytest.mark.slow
def test_export_dialog_stays_responsive(qtbot: QtBot, tmp_path: Path) -> None:
    database = open_database(bench_database(), migrate=False)
    executor = DbExecutor(database)
    try:
        figures: list[tuple[str, float, float]] = []
        for fmt in ("csv", "xlsx"):
            dialog = ExportDialog(executor)
            qtbot.addWidget(dialog)
            dialog.show()
            dialog.scope_all.setChecked(True)
            dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
            dialog.set_path(tmp_path / f"everyone.{fmt}")
            _step(qtbot, f"export to .{fmt}", dialog.export_button.click,
                  lambda dialog=dialog: dialog.result is not None and not dialog.running,
                  figures)  # fmt: skip
            assert dialog.result is not None and dialog.result.count > 390_000
        _print("export dialog, everyone in the demo register", figures)
        for _name, _seconds, worst in figures:
            assert worst < 1_000
    finally:
        executor.shutdown()
        database.dispose()
