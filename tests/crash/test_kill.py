"""Crash safety (issue 4): real processes editing, importing, merging and backing up are killed
with SIGKILL at seeded random moments; the database must then open, pass
``PRAGMA integrity_check`` (and ``foreign_key_check``), and hold every change the process had
reported saved. An import or a merge is there entirely or not at all; a killed backup leaves no
file at ``--out``, or one that is a whole, correct backup.

Quick rounds run in the normal suite (a few seconds a kind); ``-m slow`` runs the soak with many
more rounds (``KHRUEAKHAI_CRASH_ROUNDS`` overrides the count).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from db.engine import open_database

SIGKILL: int | None = getattr(signal, "SIGKILL", None)  # not on Windows
pytestmark = pytest.mark.skipif(SIGKILL is None, reason="needs POSIX SIGKILL")

ROOT = Path(__file__).resolve().parents[2]
MEMBERS = 400
IMPORT_ROWS = 2_000
MARKER = "ล่มกลางทาง"  # last name of every imported member (no demo member has it)
PAIRS = 60
QUICK_ROUNDS = 3
SOAK_ROUNDS = int(os.environ.get("KHRUEAKHAI_CRASH_ROUNDS", "25"))


@dataclass(frozen=True)
class Template:
    path: Path
    sheet: Path
    pairs: Path
    pair_list: list[tuple[str, str]]
    members: int
    references: dict[str, dict[str, int]]  # merged id -> "table.column" -> live rows


def _references(connection: sqlite3.Connection, member_id: str) -> dict[str, int]:
    from db.merge import member_references

    counts: dict[str, int] = {}
    for reference in member_references():
        live = " AND deleted_at IS NULL" if reference.soft_delete else ""
        (count,) = connection.execute(
            f"SELECT count(*) FROM {reference.table} WHERE {reference.column} = ?{live}",
            (member_id,),
        ).fetchone()
        counts[f"{reference.table}.{reference.column}"] = count
    return counts


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    from db.demo import populate

    folder = tmp_path_factory.mktemp("crash")
    path = folder / "template.sqlite"
    database = open_database(path)
    populate(database, members=MEMBERS, seed=11, today=dt.date(2026, 11, 24))
    database.dispose()
    sheet = folder / "members.csv"
    with sheet.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["คำนำหน้า", "ชื่อ", "นามสกุล", "ตำแหน่ง", "หมายเหตุ"])
        for number in range(IMPORT_ROWS):
            writer.writerow(["นาย", f"ทดสอบ{number:05d}", MARKER, "นิติกร", f"แถว {number}"])
    connection = sqlite3.connect(path)
    try:
        ids = [i for (i,) in connection.execute(
            "SELECT id FROM member WHERE deleted_at IS NULL ORDER BY rowid DESC LIMIT ?",
            (2 * PAIRS,),
        )]  # fmt: skip
        pair_list = [(ids[2 * n], ids[2 * n + 1]) for n in range(PAIRS)]
        references = {merged: _references(connection, merged) for _survivor, merged in pair_list}
        (members,) = connection.execute(
            "SELECT count(*) FROM member WHERE deleted_at IS NULL"
        ).fetchone()
    finally:
        connection.close()
    pairs = folder / "pairs.json"
    pairs.write_text(json.dumps(pair_list), encoding="utf-8")
    return Template(path, sheet, pairs, pair_list, members, references)


def _copy(template: Template, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "register.sqlite"
    shutil.copyfile(template.path, target)
    return target


def _run(arguments: list[str], *, delay: float | None) -> tuple[list[str], bool, float]:
    """Run ``python -m ...arguments``; kill it ``delay`` seconds after it says ``ready`` (its
    start for ``python -m db``), or let it finish (``delay`` None). Returns its stdout lines,
    whether it was killed before it ended, and the seconds from ready to its end or kill."""
    process = subprocess.Popen(
        [sys.executable, "-m", *arguments], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    # Every stdout line goes through one reader: ``communicate()`` after a ``readline()`` would
    # read the pipe below the text buffer and lose whatever that buffer already held.
    lines: list[str] = []
    started = threading.Event()
    errors: list[str] = []

    def read_out() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            started.set()
        started.set()

    def read_err() -> None:
        assert process.stderr is not None
        errors.append(process.stderr.read())

    readers = [threading.Thread(target=read_out), threading.Thread(target=read_err)]
    for reader in readers:
        reader.start()
    if arguments[0] != "db":
        started.wait(timeout=120)
        first = lines[0] if lines else ""
        if first != "ready":
            process.kill()
            for reader in readers:
                reader.join()
            raise AssertionError(f"driver did not start: {first!r} {''.join(errors)}")
    ready = time.perf_counter()
    killed = False
    if delay is not None:
        time.sleep(delay)
        if process.poll() is None:
            assert SIGKILL is not None
            os.kill(process.pid, SIGKILL)
            killed = True
    process.wait(timeout=120)
    for reader in readers:
        reader.join(timeout=120)
    seconds = time.perf_counter() - ready
    err = "".join(errors)
    if arguments[0] != "db":
        del lines[0]  # "ready"
    if not killed:
        assert process.returncode == 0, err
    else:
        assert process.returncode == -SIGKILL
    return lines, killed, seconds


def _check_whole(path: Path) -> sqlite3.Connection:
    """The database opens as the app opens it, and passes the integrity and foreign key
    checks; returns a plain connection to it (the caller closes it)."""
    database = open_database(path)
    database.dispose()
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    return connection


def _rounds(count: int, seed: int) -> Iterator[tuple[int, random.Random]]:
    for number in range(count):
        yield number, random.Random(seed * 1_000 + number)


# --- editing -----------------------------------------------------------------------------------


def check_edits(path: Path, lines: list[str], *, killed: bool) -> int:
    saved: dict[tuple[str, str], str] = {}
    in_flight: tuple[str, str, str] | None = None
    for line in lines:
        word, member_id, field, value = line.split(" ")
        if word == "saving":
            in_flight = (member_id, field, value)
        elif word == "saved":
            assert in_flight == (member_id, field, value)
            saved[(member_id, field)] = value
            in_flight = None
    connection = _check_whole(path)
    try:
        for (member_id, field), value in saved.items():
            (stored,) = connection.execute(
                f"SELECT {field} FROM member WHERE id = ?", (member_id,)
            ).fetchone()
            allowed = {value}
            if in_flight is not None and in_flight[:2] == (member_id, field):
                allowed.add(in_flight[2])  # committed, killed before it could say so
            assert stored in allowed, (member_id, field, stored, value)
    finally:
        connection.close()
    assert killed
    return len(saved)


def _edit_rounds(template: Template, tmp_path: Path, count: int) -> None:
    total = 0
    for number, chance in _rounds(count, seed=1):
        path = _copy(template, tmp_path / f"edit-{number}")
        lines, killed, _seconds = _run(
            ["tests.crash.driver", "edit", "--db", str(path), "--seed", str(number)],
            delay=chance.uniform(0.05, 1.5),
        )
        total += check_edits(path, lines, killed=killed)
    assert total > 0  # some edits were saved before the kills


def test_killed_while_editing(template: Template, tmp_path: Path) -> None:
    _edit_rounds(template, tmp_path, QUICK_ROUNDS)


# --- importing ----------------------------------------------------------------------------------


def check_import(path: Path, lines: list[str]) -> bool:
    connection = _check_whole(path)
    try:
        (imported,) = connection.execute(
            "SELECT count(*) FROM member WHERE last_name = ?", (MARKER,)
        ).fetchone()
        (runs,) = connection.execute("SELECT count(*) FROM import_run").fetchone()
    finally:
        connection.close()
    assert (imported, runs) in ((0, 0), (IMPORT_ROWS, 1)), (imported, runs)
    if f"imported {IMPORT_ROWS}" in lines:
        assert imported == IMPORT_ROWS
    return imported == IMPORT_ROWS


def _import_rounds(template: Template, tmp_path: Path, count: int) -> None:
    path = _copy(template, tmp_path / "import-whole")
    lines, _killed, took = _run(
        ["tests.crash.driver", "import", "--db", str(path), "--file", str(template.sheet)],
        delay=None,
    )
    assert f"imported {IMPORT_ROWS}" in lines
    assert check_import(path, lines)
    outcomes = []
    for number, chance in _rounds(count, seed=2):
        path = _copy(template, tmp_path / f"import-{number}")
        lines, _killed, _seconds = _run(
            ["tests.crash.driver", "import", "--db", str(path), "--file", str(template.sheet)],
            delay=took * chance.random() ** 2,  # the import commits early, then checkpoints
        )
        outcomes.append(check_import(path, lines))
    print(f"\nimport of {IMPORT_ROWS:,} rows takes {took:.2f} s; killed rounds kept it:", outcomes)


def test_killed_while_importing(template: Template, tmp_path: Path) -> None:
    _import_rounds(template, tmp_path, QUICK_ROUNDS)


# --- merging ------------------------------------------------------------------------------------


def check_merges(template: Template, path: Path, lines: list[str]) -> int:
    reported = {tuple(line.split(" ")[1:3]) for line in lines if line.startswith("merged ")}
    connection = _check_whole(path)
    merged_count = 0
    try:
        done = []
        for survivor_id, merged_id in template.pair_list:
            (deleted,) = connection.execute(
                "SELECT deleted_at IS NOT NULL FROM member WHERE id = ?", (merged_id,)
            ).fetchone()
            (logged,) = connection.execute(
                "SELECT count(*) FROM member_merge WHERE survivor_id = ? AND merged_id = ?",
                (survivor_id, merged_id),
            ).fetchone()
            references = _references(connection, merged_id)
            if logged:
                assert logged == 1 and deleted, (survivor_id, merged_id)
                assert not any(references.values()), references
                merged_count += 1
            else:
                assert not deleted, merged_id
                assert references == template.references[merged_id]
                assert (survivor_id, merged_id) not in reported
            done.append(bool(logged))
        # Merges run one after another: the ones done are the first ones.
        assert done == sorted(done, reverse=True)
    finally:
        connection.close()
    return merged_count


def _merge_rounds(template: Template, tmp_path: Path, count: int) -> None:
    path = _copy(template, tmp_path / "merge-whole")
    lines, _killed, took = _run(
        ["tests.crash.driver", "merge", "--db", str(path), "--pairs", str(template.pairs)],
        delay=None,
    )
    assert check_merges(template, path, lines) == PAIRS
    counts = []
    for number, chance in _rounds(count, seed=3):
        path = _copy(template, tmp_path / f"merge-{number}")
        lines, _killed, _seconds = _run(
            ["tests.crash.driver", "merge", "--db", str(path), "--pairs", str(template.pairs)],
            delay=chance.uniform(0, took),
        )
        counts.append(check_merges(template, path, lines))
    print(f"\n{PAIRS} merges take {took:.2f} s; killed rounds had merged:", counts)


def test_killed_while_merging(template: Template, tmp_path: Path) -> None:
    _merge_rounds(template, tmp_path, QUICK_ROUNDS)


# --- backing up ---------------------------------------------------------------------------------


def check_backup(template: Template, source: Path, out: Path) -> bool:
    _check_whole(source).close()
    if not out.exists():
        return False
    connection = sqlite3.connect(f"{out.as_uri()}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        (members,) = connection.execute(
            "SELECT count(*) FROM member WHERE deleted_at IS NULL"
        ).fetchone()
    finally:
        connection.close()
    assert members == template.members
    return True


def _backup_rounds(template: Template, tmp_path: Path, count: int) -> None:
    source = _copy(template, tmp_path / "backup-whole")
    out = tmp_path / "backup-whole" / "backup.sqlite"
    _lines, _killed, took = _run(
        ["db", "backup", "--db", str(source), "--out", str(out)], delay=None
    )
    assert check_backup(template, source, out)
    outcomes = []
    for number, chance in _rounds(count, seed=4):
        source = _copy(template, tmp_path / f"backup-{number}")
        out = source.with_name("backup.sqlite")
        _run(["db", "backup", "--db", str(source), "--out", str(out)],
             delay=chance.uniform(0, took))  # fmt: skip
        outcomes.append(check_backup(template, source, out))
    print(f"\nbackup (with start-up) takes {took:.2f} s; killed rounds left a backup:", outcomes)


def test_killed_while_backing_up(template: Template, tmp_path: Path) -> None:
    _backup_rounds(template, tmp_path, QUICK_ROUNDS + 1)


# --- the soak -----------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.timeout(1_800)
def test_soak(template: Template, tmp_path: Path) -> None:
    _edit_rounds(template, tmp_path / "edit", SOAK_ROUNDS)
    _import_rounds(template, tmp_path / "import", SOAK_ROUNDS)
    _merge_rounds(template, tmp_path / "merge", SOAK_ROUNDS)
    _backup_rounds(template, tmp_path / "backup", SOAK_ROUNDS)
