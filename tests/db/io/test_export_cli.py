"""``python -m db export members``: filters by code or name, options, clear refusals."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.cli import main
from db.engine import open_database
from db.groups import add_group_member, save_group
from tests.db.io.test_export_support import Register, build_register, read_csv, read_xlsx


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Register]:
    database = open_database(tmp_path / "t.sqlite")
    register = build_register(database)
    with database.session() as s:
        club = save_group(s, name="ชมรมนิติกร", kind="club")
        add_group_member(s, group_id=club, member_id=register.ids["somying"])
        add_group_member(s, group_id=club, member_id=register.ids["arun"])
    database.dispose()
    yield register


def export(register: Register, out: Path, *options: str) -> int:
    return main(["export", "members", "--db", str(register.database.path), "--out", str(out),
                 *options])  # fmt: skip


def names(path: Path) -> list[str]:
    rows = read_xlsx(path) if path.suffix == ".xlsx" else read_csv(path)
    column = rows[0].index("ชื่อ") if "ชื่อ" in rows[0] else rows[0].index("First name")
    return [str(row[column]) for row in rows[1:]]


def test_export_everything(
    register: Register, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.xlsx"
    assert export(register, out) == 0
    printed = capsys.readouterr().out
    assert printed.startswith(f"Exported 5 member(s) to {out} in ") and printed.endswith(" s\n")
    assert names(out) == ["เกศินี", "ไพโรจน์", "สมชาย", "สมหญิง", "อรุณ"]
    assert "เลขประจำตัวประชาชน" not in read_xlsx(out)[0]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--province", "50"], ["เกศินี", "ไพโรจน์", "สมหญิง"]),
        (["--province", "เชียงใหม่"], ["เกศินี", "ไพโรจน์", "สมหญิง"]),
        (["--province", "Khon Kaen", "จ.เชียงใหม่"], ["เกศินี", "ไพโรจน์", "สมชาย", "สมหญิง"]),
        (["--org-type", "เทศบาลตำบล"], ["เกศินี", "สมหญิง"]),
        (["--org-type", "sao", "city_municipality"], ["ไพโรจน์", "สมชาย"]),
        (["--status", "ขาดการติดต่อ/พักสมาชิกภาพ", "Pending"], ["ไพโรจน์", "อรุณ"]),
        (["--status", "active", "--province", "50"], ["เกศินี", "สมหญิง"]),
        (["--personnel-type", "local_official"], ["สมชาย"]),
        (["--group", "ชมรมนิติกร"], ["สมหญิง", "อรุณ"]),
        (["--strength", "กฎหมายท้องถิ่น"], ["สมชาย", "สมหญิง"]),
        (["--text", "สมหญิง"], ["สมหญิง"]),
        (["--sort", "phone", "--descending"], ["สมหญิง", "สมชาย", "เกศินี", "ไพโรจน์", "อรุณ"]),
    ],
)
def test_filters_and_sort(
    register: Register, tmp_path: Path, options: list[str], expected: list[str]
) -> None:
    out = tmp_path / "f.csv"
    assert export(register, out, *options) == 0
    assert names(out) == expected


def test_columns_personal_era_language(register: Register, tmp_path: Path) -> None:
    out = tmp_path / "c.csv"
    options = ["--columns", "first_name,national_id,birth_date", "--include-personal",
               "--era", "CE", "--language", "en", "--member", register.ids["somchai"]]  # fmt: skip
    assert export(register, out, *options) == 0
    assert read_csv(out) == [
        ["First name", "National ID", "Birth date"],
        ["สมชาย", "0-1000-00000-01-8", "1980-02-29"],
    ]


def test_vcf_of_chosen_members(register: Register, tmp_path: Path) -> None:
    out = tmp_path / "c.vcf"
    ids = register.ids
    assert export(register, out, "--member", ids["somchai"], ids["kesini"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 2 and "FN:นางเกศินี ศรีสุข" in text


def test_nobody_matches(
    register: Register, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "none.csv"
    assert export(register, out, "--text", "ไม่มีใครชื่อนี้") == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Exported 0 member(s)")
    assert "header row only" in captured.err
    assert len(read_csv(out)) == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--province", "แอตแลนติส"], "unknown province 'แอตแลนติส'"),
        (["--province", "99"], "unknown province '99'"),
        (["--org-type", "county"], "unknown organisation type 'county'; the codes are: bangkok"),
        (["--status", "happy"], "unknown status 'happy'; the codes are: active, deceased"),
        (["--group", "ไม่มีกลุ่มนี้"], "no group with the id or name 'ไม่มีกลุ่มนี้'"),
        (["--columns", "first_name,salary"], "Unknown column 'salary'"),
        (["--columns", "national_id"], "[personal_data_not_included]; nothing was written"),
    ],
)
def test_refusals_say_what_is_wrong(
    register: Register, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    options: list[str], message: str,
) -> None:  # fmt: skip
    out = tmp_path / "x.xlsx"
    assert export(register, out, *options) == 2
    error = capsys.readouterr().err
    assert error.startswith("python -m db export: error: ")
    assert message in error
    assert "Traceback" not in error
    assert not out.exists()


def test_bad_destination_and_database(
    register: Register, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(register, tmp_path / "missing" / "x.csv") == 2
    assert "There is no folder" in capsys.readouterr().err
    assert export(register, tmp_path / "x.pdf") == 2
    assert "choose a .xlsx, .csv or .vcf file [unknown_format]" in capsys.readouterr().err
    no_db = ["export", "members", "--db", str(tmp_path / "none.sqlite"), "--out", "x.csv"]
    assert main(no_db) == 2
    assert "no database at" in capsys.readouterr().err


def test_python_dash_m(register: Register, tmp_path: Path) -> None:
    out = tmp_path / "m.csv"
    finished = subprocess.run(
        [sys.executable, "-m", "db", "export", "members", "--db", str(register.database.path),
         "--out", str(out), "--columns", "first_name,phone", "--province", "กรุงเทพมหานคร"],
        capture_output=True, text=True, timeout=120, cwd=Path(__file__).resolve().parents[3],
    )  # fmt: skip
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.startswith("Exported 0 member(s)")
    assert read_csv(out) == [["ชื่อ", "โทรศัพท์มือถือ"]]
