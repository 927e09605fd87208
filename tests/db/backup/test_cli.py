"""``python -m db backup`` / ``restore``: files, folders, lists, clear errors and exit codes."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import xlsxwriter

from db.__main__ import main
from db.backup import default_backup_folder, list_backups, read_backup_info
from tests.db.backup.conftest import MEMBERS, corrupt, execute, scalar
from tests.db.io.fixtures_import import write_simple_xlsx


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def live(path: Path) -> int:
    return int(scalar(path, "SELECT count(*) FROM member WHERE deleted_at IS NULL"))  # type: ignore[arg-type]


def test_backup_out_then_restore(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "สำรอง.sqlite"
    code, stdout, _ = run(capsys, "backup", "--db", str(demo_db), "--out", str(out))
    assert code == 0, stdout
    assert f"{MEMBERS:,}" in stdout and "integrity  ok" in stdout
    assert read_backup_info(out).counts.members == MEMBERS
    code, _, err = run(capsys, "backup", "--db", str(demo_db), "--out", str(out))
    assert code == 2 and "exists already" in err

    execute(demo_db, "UPDATE member SET deleted_at = '2026-01-01'")
    assert live(demo_db) == 0
    safety = tmp_path / "safety"
    code, stdout, err = run(
        capsys, "restore", "--db", str(demo_db), "--from", str(out), "--folder", str(safety)
    )
    assert code == 0, err
    assert live(demo_db) == MEMBERS
    assert [info.reason for info in list_backups(safety)] == ["before-restore"]
    assert "Restored" in stdout


def test_backup_into_a_folder_and_list(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "โฟลเดอร์"
    for reason in ("manual", "before-import"):
        code, _, err = run(
            capsys, "backup", "--db", str(demo_db), "--folder", str(folder), "--reason", reason
        )
        assert code == 0, err
    # Rotation with the defaults keeps the newest of the day only (and never deletes it).
    assert len(list_backups(folder)) == 1
    code, stdout, _ = run(capsys, "backup", "--db", str(demo_db), "--folder", str(folder), "--list")
    assert code == 0 and "before-import" in stdout and f"{MEMBERS:,}" in stdout
    code, _, err = run(capsys, "backup", "--db", str(demo_db), "--reason", "Not OK")
    assert code == 2 and "[bad_reason]" in err


def test_restore_errors_have_their_own_exit_codes(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.sqlite"
    assert run(capsys, "backup", "--db", str(demo_db), "--out", str(good))[0] == 0
    damaged = tmp_path / "damaged.sqlite"
    shutil.copyfile(good, damaged)
    corrupt(damaged)
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(good, newer)
    execute(newer, "DELETE FROM alembic_version")
    execute(newer, "INSERT INTO alembic_version VALUES ('9999_newer')")
    folder = ["--folder", str(tmp_path / "safety")]

    code, _, err = run(capsys, "restore", "--db", str(demo_db), "--from", str(damaged), *folder)
    assert code == 4 and "damaged" in err
    code, _, err = run(capsys, "restore", "--db", str(demo_db), "--from", str(newer), *folder)
    assert code == 5 and "newer version" in err
    code, _, err = run(
        capsys, "restore", "--db", str(demo_db), "--from", str(tmp_path / "none"), *folder
    )
    assert code == 2 and "no file" in err
    holder = sqlite3.connect(demo_db)
    try:
        holder.execute("SELECT 1 FROM member").fetchone()
        code, _, err = run(capsys, "restore", "--db", str(demo_db), "--from", str(good), *folder)
        assert code == 6 and "in use" in err
    finally:
        holder.close()
    assert list_backups(tmp_path / "safety") == []
    assert live(demo_db) == MEMBERS

    corrupt(demo_db)
    code, _, err = run(capsys, "backup", "--db", str(demo_db), "--out", str(tmp_path / "x.sqlite"))
    assert code == 4 and "damaged" in err
    assert not (tmp_path / "x.sqlite").exists()
    code, _, err = run(capsys, "restore", "--db", str(demo_db), "--from", str(good), *folder)
    assert code == 0, err
    assert "moved aside" in err
    assert live(demo_db) == MEMBERS


def test_import_backs_up_first(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "before-import"
    execute(demo_db, "INSERT INTO local_setting (key, value) VALUES ('backup/folder', ?)",
            (str(folder),))  # fmt: skip
    sheet = tmp_path / "members.csv"
    sheet.write_text("ชื่อ,นามสกุล\nสมชาย,ใจดี\n", encoding="utf-8")
    code, _, err = run(
        capsys, "import", "members", str(sheet), "--db", str(demo_db),
        "--report", str(tmp_path / "report.json"),
    )  # fmt: skip
    assert [info.reason for info in list_backups(folder)] == ["before-import"], err
    assert list_backups(folder)[0].counts.members == MEMBERS
    assert code == 0, err


def test_import_refuses_a_wrong_sheet_before_backing_up(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "before-import"
    execute(demo_db, "INSERT INTO local_setting (key, value) VALUES ('backup/folder', ?)",
            (str(folder),))  # fmt: skip
    sheet = write_simple_xlsx(tmp_path / "members.xlsx", ("ชื่อ", "นามสกุล"), [("สมชาย", "ใจดี")],
                              sheet="สมาชิก")  # fmt: skip
    command = ("import", "members", str(sheet), "--db", str(demo_db),
               "--report", str(tmp_path / "report.json"))  # fmt: skip
    code, _, err = run(capsys, *command, "--sheet", "ไม่มีชีตนี้")
    assert code == 2 and "sheet_not_found" in err and "สมาชิก" in err
    assert list_backups(folder) == []  # no backup for a typo
    assert live(demo_db) == MEMBERS
    code, _, err = run(capsys, *command, "--sheet", "สมาชิก")
    assert code == 0, err
    assert [info.reason for info in list_backups(folder)] == ["before-import"]


def test_import_may_name_a_hidden_sheet(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "hidden.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    workbook.add_worksheet("ปก").write_string(0, 0, "ทะเบียนสมาชิก")
    hidden = workbook.add_worksheet("ซ่อน")
    for column, text in enumerate(("ชื่อ", "นามสกุล", "สมชาย", "ใจดีมาก")):
        hidden.write_string(column // 2, column % 2, text)
    hidden.hide()
    workbook.close()
    code, _, err = run(capsys, "import", "members", str(path), "--db", str(demo_db), "--sheet",
                       "ซ่อน", "--report", str(tmp_path / "report.json"))  # fmt: skip
    assert code == 0, err
    assert live(demo_db) == MEMBERS + 1


def test_import_into_another_database_backs_up_beside_it(
    demo_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No backup folder set: the backup goes beside this database, never among the app's own
    register's backups (where the rotation of one would delete the other's)."""
    sheet = tmp_path / "members.csv"
    sheet.write_text("ชื่อ,นามสกุล\nสมชาย,ใจดี\n", encoding="utf-8")
    code, _, err = run(capsys, "import", "members", str(sheet), "--db", str(demo_db),
                       "--report", str(tmp_path / "report.json"))  # fmt: skip
    assert code == 0, err
    beside = demo_db.parent / "khrueakhai-backups"
    assert [info.reason for info in list_backups(beside)] == ["before-import"]
    assert str(beside) in err
    assert list_backups(default_backup_folder()) == []
    code, _, err = run(capsys, "backup", "--db", str(demo_db))  # the same folder by hand
    assert code == 0, err
    assert "manual" in {info.reason for info in list_backups(beside)}
