"""A big import shares its row checks with a second process (db.io.check_process): the report
and the register are exactly those of checking every row in-process, whichever process first
meets a new organisation or group; a child that dies is replaced by the importing thread, and
a cancel leaves no process behind."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from db.engine import Database, open_database
from db.io import check_process
from db.io import import_members as import_module
from db.io.check_process import CheckerProcess
from db.io.headers import header_score
from db.io.import_members import ImportCancelled, import_members
from db.io.import_report import ImportReport
from db.io.mapping import ColumnMapping
from db.io.readers import TableCache, read_table
from tests.db.io.fixtures_import import (
    national_id,
    seed_register,
    write_messy_xlsx,
    write_simple_xlsx,
)

HEADER = ("ชื่อ-สกุล", "เลขประจำตัวประชาชน", "สังกัด", "จังหวัด", "กลุ่ม", "เบอร์โทรศัพท์")
NEW_ORG = "อบต.ทุ่งใหม่เอี่ยม"
NEW_GROUP = "ชมรมนักบริหารงานคลัง"


def _rows() -> list[tuple[str, ...]]:
    """Rows in batches of 2: the first batch checked here, the next by the child, and so on
    (the child's rows have i = 2, 3, 6, 7, 10, 11, ...). The new organisation is named first
    by a rejected row of the child's (i = 3), then here (i = 4: its warning), then by the
    child (i = 6: the child's first, no warning in the report); the new group first by a
    rejected row of the child's (i = 2), then by the child (i = 7: the warning), then here.
    Rows 19-23 repeat the names of rows 0-4; the last row repeats row 1's national ID."""
    rows: list[tuple[str, ...]] = []
    for i in range(24):
        org, group, province, phone = "", "", "นครราชสีมา", f"08{i:08d}"
        if i in (3, 4, 6, 13, 20):
            org = NEW_ORG
        if i in (2, 7, 9, 21):
            group = NEW_GROUP
        if i == 3:
            phone = "12345"  # rejected
        if i == 2:
            province = "ไม่มีจังหวัดนี้"  # rejected
        name = f"นายสมหมาย ทดลอง{i % 19}"
        rows.append((name, national_id(f"{310000000000 + i * 7:012d}"), org, province, group,
                     phone))  # fmt: skip
    rows.append(("นางสาวมาลี ดีใจ", national_id(f"{310000000000 + 7:012d}"), "", "นครราชสีมา",
                 "", "0812345678"))  # fmt: skip
    return rows


def _force(
    monkeypatch: pytest.MonkeyPatch, cycle: int = 2, child_batches: int = 1, *,
    child_must_check: bool = True,
) -> None:  # fmt: skip
    """Any sheet is big enough for a second process; batches of 2 rows, the child's
    ``child_batches`` of every ``cycle`` (the last ones). An import of two batches or more
    then fails unless the child checked some (``child_must_check``: not for the tests of a
    child that fails)."""
    monkeypatch.setattr(import_module, "SECOND_PROCESS_FROM_ROWS", 1)
    monkeypatch.setattr(import_module, "BATCH_ROWS", 2)
    monkeypatch.setattr(import_module, "CHILD_CYCLE", cycle)
    monkeypatch.setattr(import_module, "CHILD_BATCHES", child_batches)
    monkeypatch.setattr(import_module, "worth_a_child", lambda _path: True)
    # The first batch waits for the child to be ready (the rows are shared from the first).
    monkeypatch.setattr(import_module, "CHILD_READY_WAIT_S", 60.0)
    # And a test forcing the child fails when the child checked nothing (a test that could
    # not tell the two ways apart would pass either way).
    checked: list[int] = []
    results = CheckerProcess.results
    run = import_module._Importer.run

    def counted_results(self: CheckerProcess, index: int) -> Any:
        found = results(self, index)
        checked.append(index)
        return found

    def checked_run(self: Any, *, progress: Any) -> None:
        before = len(checked)
        run(self, progress=progress)
        if child_must_check and self.checker is not None and len(list(self._batches())) > 1:
            assert len(checked) > before, "the second process checked no batch"
            assert not self.checker._failed, "the second process failed"

    monkeypatch.setattr(CheckerProcess, "results", counted_results)
    monkeypatch.setattr(import_module._Importer, "run", checked_run)


@pytest.fixture
def forced(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 2 rows alternate between this process and the child."""
    _force(monkeypatch)


@pytest.fixture
def forced_may_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """As ``forced``, for a test of a child that fails or checks nothing."""
    _force(monkeypatch, child_must_check=False)


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    """The rows of :func:`_rows` as an .xlsx file."""
    return write_simple_xlsx(tmp_path / "s.xlsx", HEADER, _rows())


@pytest.fixture
def databases(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    pair = []
    for name in ("here", "beside"):  # a folder as users name them: Thai, with a space
        database = open_database(tmp_path / "ทะเบียน สมาชิก" / f"{name}.sqlite")
        seed_register(database)
        pair.append(database)
    yield pair[0], pair[1]
    for database in pair:
        database.dispose()


def _outcome(report: ImportReport) -> dict[str, object]:
    return {
        "counts": (report.imported, report.updated, report.skipped, report.rejected),
        "errors": report.errors, "warnings": report.warnings,
        "duplicates": [  # the two registers' members have ids of their own
            {k: ("(id)" if k == "existing_member_id" else v) for k, v in d.items()}
            for d in report.duplicates
        ],
        "organisations": len(report.created_organisations),
        "groups": len(report.created_groups),
    }  # fmt: skip


def _in_process(database: Database, path: Path, **options: object) -> ImportReport:
    """The import with every row checked here: a caller's session gets no second process."""
    with database.session() as session:
        return import_members(session, path=path, **options)  # type: ignore[arg-type]


def _register(database: Database) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(database.path)
    try:
        return connection.execute(
            "SELECT m.first_name, m.last_name, m.name_key, m.national_id, m.phone, o.name, g.name"
            " FROM member m LEFT JOIN organisation o ON o.id = m.organisation_id"
            " LEFT JOIN group_membership gm ON gm.member_id = m.id"
            " LEFT JOIN network_group g ON g.id = gm.group_id ORDER BY m.rowid"
        ).fetchall()
    finally:
        connection.close()


def _spy_on_children(monkeypatch: pytest.MonkeyPatch) -> list[check_process.CheckerProcess]:
    made: list[check_process.CheckerProcess] = []
    real = import_module.CheckerProcess

    def make(**options: object) -> check_process.CheckerProcess:
        made.append(real(**options))  # type: ignore[arg-type]
        return made[-1]

    monkeypatch.setattr(import_module, "CheckerProcess", make)
    return made


@pytest.mark.parametrize("policy", ["skip", "new"])
def test_the_report_and_register_are_those_of_checking_in_process(
    databases: tuple[Database, Database], sheet: Path, monkeypatch: pytest.MonkeyPatch,
    policy: str,
) -> None:  # fmt: skip
    here, beside = databases
    expected = _in_process(here, sheet, on_duplicate=policy)
    _force(monkeypatch)
    children = _spy_on_children(monkeypatch)
    report = import_members(beside, path=sheet, on_duplicate=policy)
    assert len(children) == 1  # the rows were shared
    assert report.phases["checks beside"] > 0  # the child's CPU time
    assert _outcome(report) == _outcome(expected)
    created = {w["code"]: w["row"] for w in report.warnings if "created" in str(w["code"])}
    assert created == {"organisation_created": 4 + 2, "group_created": 7 + 2}  # sheet rows
    assert _register(beside) == _register(here)
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("share", [(2, 1), (3, 2)], ids=["half", "two-thirds"])
def test_the_messy_sheet_gives_the_same_report(
    databases: tuple[Database, Database], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    share: tuple[int, int],
) -> None:  # fmt: skip
    _force(monkeypatch, *share)
    here, beside = databases
    path = write_messy_xlsx(tmp_path / "m.xlsx")
    report = import_members(beside, path=path)
    assert _outcome(report) == _outcome(_in_process(here, path))
    assert _register(beside) == _register(here)


def test_a_child_that_dies_is_replaced_by_the_importing_thread(
    databases: tuple[Database, Database], sheet: Path, forced_may_fail: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    here, beside = databases
    expected = _in_process(here, sheet)
    children = _spy_on_children(monkeypatch)
    killed: list[int] = []

    def progress(done: int, _total: int) -> bool:
        if done >= 2 and not killed:  # after the first batch: the child is killed
            for child in multiprocessing.active_children():
                if child.name == "khrueakhai-row-checker" and child.pid is not None:
                    os.kill(child.pid, signal.SIGKILL)
                    killed.append(child.pid)
        return True

    report = import_members(beside, path=sheet, progress=progress)
    assert killed and len(children) == 1
    assert _outcome(report) == _outcome(expected)
    assert _register(beside) == _register(here)


@pytest.mark.parametrize("upto", [0, 6], ids=["at-once", "midway"])
def test_a_cancel_leaves_no_process_and_nothing_written(
    databases: tuple[Database, Database], sheet: Path, forced: None, upto: int
) -> None:
    _here, beside = databases
    before = _register(beside)

    def progress(done: int, _total: int) -> bool:
        return done < upto  # 0: at the very first call, before any batch

    with pytest.raises(ImportCancelled):
        import_members(beside, path=sheet, progress=progress)
    assert not multiprocessing.active_children()
    assert _register(beside) == before


def test_a_small_sheet_stops_the_child_it_started(
    databases: tuple[Database, Database], sheet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _here, beside = databases
    monkeypatch.setattr(import_module, "worth_a_child", lambda _path: True)
    children = _spy_on_children(monkeypatch)
    report = import_members(beside, path=sheet)
    assert report.imported > 0
    assert len(children) == 1  # started while the sheet was read, stopped: 25 rows
    assert not multiprocessing.active_children()


def test_no_second_process_means_checking_here(
    databases: tuple[Database, Database], sheet: Path, forced: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    here, beside = databases
    expected = _in_process(here, sheet)

    def cannot(**_options: object) -> check_process.CheckerProcess:
        raise OSError("no processes in this sandbox")

    monkeypatch.setattr(import_module, "CheckerProcess", cannot)
    report = import_members(beside, path=sheet)
    assert _outcome(report) == _outcome(expected)
    assert "checks beside" not in report.phases


def test_a_child_that_cannot_read_the_database_fails_and_creates_nothing(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "ไม่มี" / "gone.sqlite"
    checker = check_process.CheckerProcess(path=missing, today=dt.date(2026, 11, 24))
    try:
        checker.configure(ColumnMapping({0: "full_name"}), ["ชื่อ"], None)
        checker.send(1, [(2, ["นายสมชาย ใจดี"])])
        with pytest.raises(check_process.CheckerFailed, match="OperationalError"):
            checker.results(1)
    finally:
        checker.close()
    assert not missing.exists() and not missing.parent.exists()
    assert not multiprocessing.active_children()


def test_organisations_written_meanwhile_are_found_for_the_childs_rows(
    databases: tuple[Database, Database], tmp_path: Path, forced: None
) -> None:
    """The child does not know the organisations the import writes after each batch: its rows
    that the importing process's matcher answers differently are checked again there."""
    here, beside = databases
    full = "องค์การบริหารส่วนตำบลทุ่งใหม่เอี่ยม"
    rows = [
        ("นายหนึ่ง ทดลอง", NEW_ORG, "นครราชสีมา"),  # here: created, written after the batch
        ("นายสอง ทดลอง", "", "นครราชสีมา"),
        ("นายสาม ทดลอง", "อบต.ทุ่งใหม่เอียม", "นครราชสีมา"),  # the child's: a variant spelling
        ("นายสี่ ทดลอง", full, ""),  # the child's: no province, the full name
        ("นายห้า ทดลอง", "อบต.ทุ่งใหม่เอียม", "นครราชสีมา"),  # here again
    ]
    path = write_simple_xlsx(tmp_path / "o.xlsx", ("ชื่อ-สกุล", "สังกัด", "จังหวัด"), rows)
    expected = _in_process(here, path)
    report = import_members(beside, path=path)
    assert _outcome(report) == _outcome(expected)
    assert report.imported == 5 and len(report.created_organisations) == 1
    assert [w["code"] for w in report.warnings] == [
        "organisation_created", "organisation_fuzzy_match", "organisation_fuzzy_match",
    ]  # fmt: skip
    imported = [r[5] for r in _register(beside) if r[1] == "ทดลอง"]
    assert imported == [full, None, full, full, full]


@pytest.mark.parametrize("cached", [False, True], ids=["read-twice", "from-the-cache"])
def test_the_child_reads_the_sheet_itself_unless_the_cache_holds_it(
    databases: tuple[Database, Database], sheet: Path, forced: None,
    monkeypatch: pytest.MonkeyPatch, cached: bool,
) -> None:  # fmt: skip
    """Read from its file, the sheet is read by the child too and the child is sent row
    numbers; from the wizard's cache (read once already), it is sent the rows."""
    here, beside = databases
    expected = _in_process(here, sheet)
    monkeypatch.setattr(import_module, "room_for_two_reads", lambda _path: True)
    cache = TableCache()
    if cached:
        read_table(sheet, score=header_score, cache=cache)
    children = _spy_on_children(monkeypatch)
    report = import_members(beside, path=sheet, cache=cache)
    assert [child.reads_sheet for child in children] == [not cached]
    assert report.phases["checks beside"] > 0  # the child did check its batches
    assert _outcome(report) == _outcome(expected)
    assert _register(beside) == _register(here)


def test_a_sheet_changed_between_the_two_reads_is_checked_here(
    databases: tuple[Database, Database], sheet: Path, forced_may_fail: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The file is saved again (other rows, as many) once this process has read it, before
    the child (still starting) reads it: the child checks nothing, every row is checked
    here, from this process's read."""
    here, beside = databases
    original = sheet.read_bytes()
    expected = _in_process(here, sheet)
    changed = [(f"นางสาวอื่น คนละคน{i}", "123", "", "", "", "") for i in range(len(_rows()))]
    real_open = import_module._open_sheet

    def open_then_save_again(*args: object, **options: object) -> object:
        opened = real_open(*args, **options)  # type: ignore[arg-type]
        write_simple_xlsx(sheet, HEADER, changed)
        stat = sheet.stat()
        os.utime(sheet, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        return opened

    monkeypatch.setattr(import_module, "_open_sheet", open_then_save_again)
    monkeypatch.setattr(import_module, "room_for_two_reads", lambda _path: True)
    children = _spy_on_children(monkeypatch)
    report = import_members(beside, path=sheet)
    assert sheet.read_bytes() != original
    assert [child.reads_sheet for child in children] == [True]
    assert report.phases["checks beside"] == 0  # the child refused the sheet it read
    assert _outcome(report) == _outcome(expected)
    assert _register(beside) == _register(here)


def test_a_child_ready_late_checks_its_share_of_the_rest(
    databases: tuple[Database, Database], sheet: Path, forced: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Until the child is ready this thread checks every batch (here the first three), then
    the child checks its share of the rest."""
    here, beside = databases
    expected = _in_process(here, sheet)
    real_ready = check_process.CheckerProcess.ready
    asked: list[int] = []

    def ready_from_the_fourth(self: check_process.CheckerProcess, wait: float = 0.0) -> bool:
        asked.append(1)
        return len(asked) > 3 and real_ready(self, wait)

    monkeypatch.setattr(check_process.CheckerProcess, "ready", ready_from_the_fourth)
    shared: list[int] = []
    real_send = check_process.CheckerProcess.send

    def send(self: check_process.CheckerProcess, index: int, batch: object) -> None:
        shared.append(index)
        real_send(self, index, batch)  # type: ignore[arg-type]

    monkeypatch.setattr(check_process.CheckerProcess, "send", send)
    report = import_members(beside, path=sheet)
    assert len(asked) == 4 and shared == [4, 6, 8, 10, 12]  # batches 0-3 here, then 1 of 2
    assert report.phases["checks beside"] > 0
    assert _outcome(report) == _outcome(expected)
    assert _register(beside) == _register(here)


def test_checked_rows_come_back_from_pickle_whole_sharing_their_pending_organisations() -> None:
    """The child's results are pickled as the constructor's arguments: every field comes
    back, rows naming one new organisation still share one object, and a new group's
    "created" warning is still the one in the row's warnings."""
    import pickle

    from db.io.normalise import (
        GroupJoin,
        NormalisedRow,
        PendingGroup,
        PendingOrganisation,
        RowIssue,
    )

    pending = PendingOrganisation("ทดลอง", "อบต.ทดลอง", "sao", 30, None, first_row=4)
    created = RowIssue(4, "กลุ่ม", "group_created", "created")
    new_group = GroupJoin(None, PendingGroup("ชมรมใหม่", "ชมรมใหม่", first_row=4), created=created)
    rows = [
        NormalisedRow(
            row=4, values={"first_name": "สมชาย", "birth_date": dt.date(1980, 1, 2)},
            given={"first_name", "birth_date"}, strengths=("กฎหมาย",), organisation=pending,
            groups=[GroupJoin("g1", role="chair"), new_group], errors=[],
            warnings=[RowIssue(4, "สังกัด", "organisation_created", "created"), created],
            name_key=b"\x01\x02", organisation_query=("อบต.ทดลอง", 30, None, None,
                                                      ("created", "ทดลอง")),
        ),
        NormalisedRow(row=5, values={"first_name": ""}, given=set(), organisation=pending,
                      errors=[RowIssue(5, "ชื่อ", "missing_name", "required")]),
    ]  # fmt: skip
    back = pickle.loads(pickle.dumps(rows, pickle.HIGHEST_PROTOCOL))
    assert back == rows
    assert back[0].organisation is back[1].organisation
    assert back[0].groups[1].created is back[0].warnings[1]
    assert not back[1].ok


def test_without_memory_for_two_reads_the_child_is_sent_the_rows(
    databases: tuple[Database, Database], sheet: Path, forced: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """A read takes ~25 times its file's size at its peak: with less memory free than two
    reads at once need (and some headroom), this process reads and the child is sent rows."""
    from types import SimpleNamespace

    here, beside = databases
    expected = _in_process(here, sheet)
    size = sheet.stat().st_size
    needed = check_process.READ_PEAK_PER_FILE_BYTE * size * 2 + check_process.HEADROOM_BYTES
    free = [needed - 1]
    monkeypatch.setattr(
        check_process.psutil, "virtual_memory", lambda: SimpleNamespace(available=free[0])
    )
    assert not check_process.room_for_two_reads(sheet)
    free[0] = needed
    assert check_process.room_for_two_reads(sheet)
    free[0] = needed - 1
    children = _spy_on_children(monkeypatch)
    report = import_members(beside, path=sheet)
    assert [child.reads_sheet for child in children] == [False]
    assert report.phases["checks beside"] > 0
    assert _outcome(report) == _outcome(expected)
    assert _register(beside) == _register(here)
