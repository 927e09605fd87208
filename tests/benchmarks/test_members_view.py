"""Benchmark: the Members view at national scale (393,000 members), offscreen. Run on demand:

    QT_QPA_PLATFORM=offscreen .venv/bin/pytest tests/benchmarks/test_members_view.py -m slow -s

Figures (targets from issue 2): opening the view to the first rows painted (< 300 ms), scrolling
to the end (< 100 ms), search as you type from issuing the query to the first rows repainted
(the view shows the first screenful by name before it reads the whole key list), p95 over about 100
keystrokes of real first-name prefixes (< 30 ms, the debounce delay not counted; the time to the
whole list and its count is printed beside it, by search length),
sorting by name from the header click to the repaint (< 500 ms), and the resident memory of the
process with the view open (< 300 MB). The database is the cached demo register under
/tmp/khrueakhai-bench/ (made by db.demo.populate when missing), or the file named by
KHRUEAKHAI_BENCH_DB.
"""

from __future__ import annotations

import asyncio
import os
import platform
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.engine import Database, open_database
from db.members.types import MemberSort, SortColumn
from desktop.db_worker import DbExecutor
from desktop.members.columns import MemberColumn
from desktop.members.view import MembersView
from tests.benchmarks.test_member_queries import MEMBERS, bench_database

TARGET_OPEN_MS = 300
TARGET_SCROLL_MS = 100
TARGET_KEYSTROKE_P95_MS = 30
TARGET_SORT_MS = 500
TARGET_RSS_MB = 300
KEYSTROKES = 100


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs ({model}), {platform.system()} {platform.release()},"
        f" Python {platform.python_version()}; load average {load}"
    )


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


class PaintWatch(QObject):
    """Notes when the table's viewport has finished painting rows (the first Paint event with
    rows, and the end of it: a zero-time timer fires once the paint event is done)."""

    def __init__(self, view: MembersView) -> None:
        super().__init__(view)
        self._view = view
        self.painted_at: float | None = None
        view.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and self.painted_at is None
            and self._view.model.rowCount() > 0
        ):
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        if self.painted_at is None:
            self.painted_at = time.perf_counter()


@pytest.fixture(scope="module")
def qapp() -> QApplication:
    from desktop.app import create_application

    return create_application(["khrueakhai-bench"], language="th")


@pytest.fixture(scope="module")
def loop(qapp: QApplication) -> Iterator[Any]:
    event_loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(event_loop)
    asyncio.events._set_running_loop(event_loop)
    yield event_loop


@pytest.fixture(scope="module")
def bench() -> Iterator[Database]:
    override = os.environ.get("KHRUEAKHAI_BENCH_DB")  # another copy of the register
    database = open_database(Path(override) if override else bench_database())
    yield database
    database.dispose()


def wait(qtbot: QtBot, condition: Callable[[], bool], timeout: int = 60_000) -> None:
    qtbot.waitUntil(condition, timeout=timeout)


@pytest.mark.slow
def test_members_view_at_scale(qtbot: QtBot, loop: Any, bench: Database) -> None:
    figures: list[tuple[str, float, float, str]] = []  # label, ms, target, note
    with bench.engine.connect() as connection:
        indexes = {
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'member'"
            )
        }
        analysed = {row[0] for row in connection.exec_driver_sql(
            "SELECT idx FROM sqlite_stat1 WHERE tbl = 'member'")}  # fmt: skip
    stale_stats = sorted(indexes - analysed)
    executor = DbExecutor(bench)
    rss_before = rss_mb()

    # -- opening: construct, show, first rows painted ------------------------------------------
    started = time.perf_counter()
    view = MembersView(executor)
    view.resize(1400, 850)
    watch = PaintWatch(view)
    view.show()
    wait(qtbot, lambda: watch.painted_at is not None)
    assert watch.painted_at is not None
    open_ms = (watch.painted_at - started) * 1000
    first_rows = view.model.rowCount()
    assert 0 < first_rows <= MEMBERS
    wait(qtbot, lambda: view.model.rowCount() == MEMBERS and not view.is_counting())
    whole_ms = (time.perf_counter() - started) * 1000
    figures.append(("open the view -> first rows painted", open_ms, TARGET_OPEN_MS,
                    f"{first_rows} rows first; all {MEMBERS:,} keys and the count"
                    f" after {whole_ms:.0f} ms"))  # fmt: skip
    wait(qtbot, lambda: view.tasks.pending() == 0 and view.groups.tasks.pending() == 0)
    wait(qtbot, lambda: not view.filters.is_refreshing())
    # The name index for search as you type is read on its own thread once the first list is
    # in (a user looks at the list before typing); its time and size are printed.
    view.name_index.wait(timeout=120)
    wait(qtbot, view.name_index.is_current)
    index_s = view.name_index.last_build_s or 0.0
    index_mb = view.name_index.memory_bytes() / 1e6

    # -- scrolling to the end ------------------------------------------------------------------
    table = view.table
    table.setFocus()
    scroll: list[float] = []
    for _ in range(3):
        table.scrollToTop()
        table.viewport().repaint()
        view.model.set_keys(view.model.keys(), view.model.current_sort())  # cold row cache
        table.setCurrentIndex(view.model.index(0, 0))
        table.viewport().repaint()
        started = time.perf_counter()
        qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        table.viewport().repaint()
        scroll.append((time.perf_counter() - started) * 1000)
    assert table.rowAt(table.viewport().height() - 2) in (MEMBERS - 1, -1)
    assert table.currentIndex().row() == MEMBERS - 1
    figures.append(("scroll to the end (Ctrl+End), best of 3", min(scroll), TARGET_SCROLL_MS,
                    f"worst {max(scroll):.1f} ms"))  # fmt: skip

    # -- search as you type --------------------------------------------------------------------
    with bench.engine.connect() as connection:
        names = [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT first_name FROM member WHERE rowid % 7919 = 3 AND deleted_at IS NULL"
                " LIMIT 60"
            )
        ]
    typed: list[str] = []
    for name in names:
        typed.extend(name[:end] for end in range(1, min(len(name), 5) + 1))
    typed = typed[:KEYSTROKES]
    timings: list[float] = []  # keystroke -> first rows repainted (what the user sees)
    full_timings: list[float] = []  # keystroke -> whole key list in, count shown
    sizes: list[int] = []
    shown: list[float] = []
    done: list[float] = []

    def on_shown(_rows: int) -> None:
        table.viewport().repaint()
        shown.append(time.perf_counter())

    def on_finished(_rows: int) -> None:
        table.viewport().repaint()
        view.count_label.repaint()
        done.append(time.perf_counter())

    view.rows_shown.connect(on_shown)
    view.search_finished.connect(on_finished)
    for text in typed:
        view.search.setText(text)  # what typing does: the state now waits for a pause ...
        shown.clear()
        done.clear()
        started = time.perf_counter()
        view.state.search_now()  # ... which the benchmark skips
        wait(qtbot, lambda: bool(done) and view.tasks.pending() == 0, timeout=10_000)
        timings.append((shown[0] - started) * 1000)
        full_timings.append((done[0] - started) * 1000)
        sizes.append(view.model.rowCount())
    view.rows_shown.disconnect(on_shown)
    view.search_finished.disconnect(on_finished)
    p95 = statistics.quantiles(timings, n=20)[18]
    figures.append((
        f"keystroke -> first rows repainted, p95 of {len(timings)}", p95, TARGET_KEYSTROKE_P95_MS,
        f"p50 {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms,"
        f" median {int(statistics.median(sizes)):,} hits",
    ))  # fmt: skip
    slowest = sorted(zip(timings, typed, sizes, strict=True), reverse=True)[:5]
    slowest_full = sorted(zip(full_timings, typed, sizes, strict=True), reverse=True)[:5]
    by_length: list[str] = []
    for label, lengths in (("1", {1}), ("2", {2}), ("3+", set(range(3, 99)))):
        chosen = [i for i, text in enumerate(typed) if len(text) in lengths]
        if len(chosen) >= 2:
            first = [timings[i] for i in chosen]
            full = [full_timings[i] for i in chosen]
            by_length.append(
                f"{label} code point(s), {len(chosen)} keystrokes: first rows p50"
                f" {statistics.median(first):.1f} / p95 {statistics.quantiles(first, n=20)[18]:.1f}"
                f" ms; full count p50 {statistics.median(full):.1f} / p95"
                f" {statistics.quantiles(full, n=20)[18]:.1f} ms"
            )
    view.search.clear()
    wait(qtbot, lambda: view.model.rowCount() == MEMBERS and not view.state.is_pending())
    wait(qtbot, lambda: view.tasks.pending() == 0)

    # -- sorting by name from a header click ---------------------------------------------------
    header = table.horizontalHeader()

    def click(column: MemberColumn) -> float:
        finished: list[float] = []

        def on_done(_rows: int) -> None:
            table.viewport().repaint()
            finished.append(time.perf_counter())

        view.search_finished.connect(on_done)
        x = header.sectionViewportPosition(column) + 5
        begun = time.perf_counter()
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        wait(qtbot, lambda: bool(finished))
        view.search_finished.disconnect(on_done)
        return (finished[0] - begun) * 1000

    # The issue sets a figure for sorting by name only; other columns are printed beside it.
    province_ms = click(MemberColumn.PROVINCE)
    name_ms = click(MemberColumn.NAME)
    assert view.model.current_sort() == MemberSort(SortColumn.NAME)
    figures.append(("sort by name, Thai collation (click -> repaint)", name_ms, TARGET_SORT_MS, ""))
    name_desc_ms = click(MemberColumn.NAME)
    assert view.model.current_sort() == MemberSort(SortColumn.NAME, descending=True)
    figures.append(("sort by name descending", name_desc_ms, TARGET_SORT_MS, ""))

    # -- memory ----------------------------------------------------------------------------------
    table.scrollToBottom()
    table.viewport().repaint()
    rss = rss_mb()
    figures.append(("resident memory with the view open (VmRSS)", rss, TARGET_RSS_MB,
                    f"{rss_before:.0f} MB before the view; key array"
                    f" {len(view.model.keys()) * 8 / 1e6:.1f} MB,"
                    f" {view.model.cached_row_count()} rows cached"))  # fmt: skip

    print(f"\n\nMembers view at {MEMBERS:,} members on {machine()}")
    print(f"database: {bench.path} ({bench.path.stat().st_size / 1e6:,.0f} MB)")
    for label, value, target, note in figures:
        unit = "MB" if "memory" in label else "ms"
        verdict = "ok" if value < target else "SLOW"
        print(f"  {label:<52} {value:8.1f} {unit}  (target < {target} {unit}: {verdict}) {note}")
    print(f"  sort by province (header click -> repaint; no target) {province_ms:8.1f} ms")
    print(f"  name index for search as you type: read in {index_s * 1000:.0f} ms on its own"
          f" thread, {index_mb:.1f} MB (text and arrays)")  # fmt: skip
    print(
        f"  keystroke -> whole list and count shown (no target; the table already shows the"
        f" first rows): p50 {statistics.median(full_timings):.1f} ms,"
        f" p95 {statistics.quantiles(full_timings, n=20)[18]:.1f} ms,"
        f" max {max(full_timings):.1f} ms"
    )
    print("  keystrokes by search length:\n    " + "\n    ".join(by_length))
    if stale_stats:
        print(f"  WARNING: no planner statistics for {', '.join(stale_stats)}: run ANALYZE")
    print("  slowest keystrokes: " + ", ".join(f"{t!r} {ms:.0f} ms ({n:,} hits)"
                                               for ms, t, n in slowest))  # fmt: skip
    print("  slowest to the full count: " + ", ".join(f"{t!r} {ms:.0f} ms ({n:,} hits)"
                                                     for ms, t, n in slowest_full))  # fmt: skip

    view.close()
    view.deleteLater()
    executor.shutdown()
    failures = [label for label, value, target, _note in figures if value >= target]
    assert not failures, f"over target: {failures}"
