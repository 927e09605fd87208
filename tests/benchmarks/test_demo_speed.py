"""Benchmark: demo data at national scale (393,000 members). Run on demand:

    .venv/bin/pytest tests/benchmarks/test_demo_speed.py -m slow -s

Prints the time split (generating rows in Python, inserting them, of which the members with
their search index, ANALYZE, commit with its WAL checkpoint), the rows per table, the file size,
and, measured separately on the result, how long filling the FTS5 index alone takes.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import time
from pathlib import Path

import pytest

from db.check import check_database
from db.demo import populate
from db.duplicates import scan_duplicates
from db.engine import open_database
from db.search import MEMBER_DOC

MEMBERS = int(os.environ.get("KHRUEAKHAI_BENCH_MEMBERS", "393000"))
TARGET_SECONDS = 60.0  # the figure: "well under a minute"


def _machine() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}, load average {load}"
    )


def _fts_fill_seconds(path: Path) -> float:
    """Refill member_fts from the members (as the bulk load does), then roll back."""
    connection = sqlite3.connect(path)
    connection.isolation_level = None
    try:
        connection.execute("BEGIN")
        connection.execute("DROP TABLE member_fts")  # an empty index of the same definition
        connection.execute("CREATE VIRTUAL TABLE member_fts USING fts5(doc, tokenize='trigram')")
        connection.execute("INSERT INTO member_fts(member_fts, rank) VALUES ('hashsize', ?)",
                           (64 * 1024 * 1024,))
        started = time.perf_counter()
        connection.execute(
            "INSERT INTO member_fts (rowid, doc)"
            f" SELECT m.rowid, {MEMBER_DOC.format(m='m')} FROM member m"
            " WHERE m.deleted_at IS NULL"
        )
        return time.perf_counter() - started
    finally:
        connection.execute("ROLLBACK")
        connection.close()


@pytest.mark.slow
def test_demo_data_at_national_scale(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    database = open_database(path)
    machine_before = _machine()
    started, cpu_started = time.perf_counter(), time.process_time()
    summary = populate(database, members=MEMBERS, seed=1)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    database.dispose()
    size_mb = path.stat().st_size / 1_000_000
    wal = path.with_name(path.name + "-wal")
    wal_mb = wal.stat().st_size / 1_000_000 if wal.exists() else 0.0

    fts_seconds = _fts_fill_seconds(path)
    check_database_seconds = time.perf_counter()
    report = check_database(open_database(path, migrate=False))
    check_database_seconds = time.perf_counter() - check_database_seconds

    print(f"\n--- demo data: {MEMBERS:,} members ---")
    print(f"machine before: {machine_before}")
    print(f"machine after:  {_machine()}")
    print(f"populate                       {wall:8.1f} s  (CPU {cpu:.1f} s; other processes"
          " share the 2 cores)")
    print(f"  generating rows (Python)     {summary.generate_seconds:8.1f} s CPU, in a thread"
          f" beside the writer, which waited {summary.wait_seconds:.1f} s for rows")
    print(f"  inserting                    {summary.insert_seconds:8.1f} s")
    print(f"    members, FTS5 and indexes  {summary.member_insert_seconds:8.1f} s")
    print(f"  ANALYZE                      {summary.analyze_seconds:8.1f} s")
    print(f"  COMMIT + WAL checkpoint      {summary.commit_seconds:8.1f} s")
    print(f"FTS5 index alone (refilled)    {fts_seconds:8.1f} s")
    for table, count in summary.rows_by_table.items():
        print(f"  {table:<28} {count:>10,} rows")
    total_rows = sum(summary.rows_by_table.values())
    print(f"rows per second                {total_rows / summary.seconds:10,.0f}")
    print(f"database file                  {size_mb:10,.0f} MB (WAL left: {wal_mb:,.0f} MB)")
    print(f"check_database                 {check_database_seconds:8.1f} s, ok={report.ok}")
    share = summary.duplicates / summary.members
    print(f"planted second records         {summary.duplicates:10,} ({share:.2%} of members)")

    scan_started = time.perf_counter()
    with open_database(path, migrate=False).session() as session:
        pairs = scan_duplicates(session)
        copies = {
            r[0]
            for r in session.connection().exec_driver_sql(
                "SELECT id FROM member WHERE national_id IS NULL"
            )
        }
    scan_seconds = time.perf_counter() - scan_started
    found = copies & ({p.a_id for p in pairs} | {p.b_id for p in pairs})
    print(f"duplicate scan                 {scan_seconds:8.1f} s, {len(pairs):,} pairs,"
          f" {len(found):,} of {len(copies):,} planted records in one")

    assert summary.members == MEMBERS
    assert 0.003 <= share <= 0.007 and found == copies
    assert report.ok, report.problems
    assert wal_mb < 1  # the WAL was checkpointed and truncated
    if MEMBERS == 393_000:
        assert summary.organisations == 7_850
        assert wall < TARGET_SECONDS, f"{wall:.1f} s for {MEMBERS:,} members"
