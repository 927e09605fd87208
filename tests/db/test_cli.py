"""The admin command line, run in-process through ``db.__main__.main``."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.__main__ import main
from db.cli.common import display_width

MEMBERS = 600


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", str(MEMBERS), "--seed", "5"]) == 0
    return path


def query(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


# --- demo ----------------------------------------------------------------------------------------


def test_demo_creates_a_database_and_prints_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ใหม่" / "demo.sqlite"  # a new folder with a Thai name
    code, out, err = run(capsys, "demo", "--db", str(path), "--members", "1,500", "--seed", "2")
    assert code == 0
    assert query(path, "SELECT count(*) FROM member") == [(1_500,)]
    assert "members" in out and "1,500" in out and "organisations" in out and "seed 2" in out
    assert "1,500 / 1,500 (100%)" in err  # progress goes to stderr


def test_demo_refuses_a_database_with_members_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.sqlite"
    assert run(capsys, "demo", "--db", str(path), "--members", "200")[0] == 0
    code, _, err = run(capsys, "demo", "--db", str(path), "--members", "200")
    assert code == 2
    assert "already has 200 members" in err and "--force" in err
    assert query(path, "SELECT count(*) FROM member") == [(200,)]
    code, _, _ = run(capsys, "demo", "--db", str(path), "--members", "200", "--seed", "9",
                     "--force")
    assert code == 0
    assert query(path, "SELECT count(*) FROM member") == [(400,)]


def test_demo_never_touches_a_file_that_is_not_ours(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    foreign = tmp_path / "accounts.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount REAL)")
    connection.commit()
    connection.close()
    code, _, err = run(capsys, "demo", "--db", str(foreign), "--members", "10")
    assert code == 2
    assert "not a Khrueakhai database" in err
    assert [r[0] for r in query(foreign, "SELECT name FROM sqlite_master")] == ["ledger"]

    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    code, _, err = run(capsys, "demo", "--db", str(text), "--members", "10")
    assert code == 2 and "not a SQLite database" in err
    assert text.read_text(encoding="utf-8") == "hello"


@pytest.mark.parametrize("members", ["0", "-3", "many", "2000001"])
def test_demo_rejects_a_bad_member_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], members: str
) -> None:
    code, _, err = run(capsys, "demo", "--db", str(tmp_path / "x.sqlite"), "--members", members)
    assert code == 2
    assert "--members" in err
    assert not (tmp_path / "x.sqlite").exists()


# --- search --------------------------------------------------------------------------------------


def test_search_members_as_json(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    member_id, first, last, phone = query(
        demo_path, "SELECT id, first_name, last_name, phone FROM member"
                   " WHERE length(first_name) >= 4 ORDER BY rowid LIMIT 1 OFFSET 123"
    )[0]
    assert isinstance(first, str) and isinstance(last, str)
    code, out, _ = run(capsys, "search", "members", "--db", str(demo_path), first[:3], last,
                       "--json", "--limit", "50")
    assert code == 0
    found = json.loads(out)
    assert isinstance(found, list) and 1 <= len(found) <= 50
    assert all(set(item) == {"id", "name", "organisation", "province", "position", "phone"}
               for item in found)
    (mine,) = [item for item in found if item["id"] == member_id]
    assert first in mine["name"] and last in mine["name"]
    assert mine["phone"] == phone
    assert mine["organisation"] and mine["province"] and mine["position"]

    # ...and by phone digits
    code, out, _ = run(capsys, "search", "members", "--db", str(demo_path), str(phone)[2:9],
                       "--json")
    assert member_id in {item["id"] for item in json.loads(out)}


def test_search_limit_and_no_match(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "members", "--db", str(demo_path), "องค์การ",
                         "--json", "--limit", "3")
    assert code == 0 and len(json.loads(out)) == 3
    code, out, _ = run(capsys, "search", "members", "--db", str(demo_path), "ไม่มีใครชื่อนี้",
                       "--json")
    assert code == 0 and json.loads(out) == []
    code, out, err = run(capsys, "search", "members", "--db", str(demo_path), "ไม่มีใครชื่อนี้")
    assert code == 0 and out == "" and "no member matches" in err


def test_search_prints_an_aligned_thai_table(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "search", "members", "--db", str(demo_path), "ตำบล",
                         "--limit", "8")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Name", "Organisation", "Province", "Position", "Phone"]
    assert len(lines) == 2 + 8
    assert "showing 8" in err
    # Columns start at the same terminal column on every line, although Thai vowels and tone
    # marks above and below the letters take no column of their own.
    header_starts = [lines[0].index(h) for h in ("Organisation", "Province", "Position", "Phone")]
    for line in lines[2:]:
        starts, column, spaces = [], 0, 0
        for char in line:
            if char == " ":
                spaces += 1
            elif spaces >= 2:
                starts.append(column)
            if char != " ":
                spaces = 0
            column += display_width(char)
        assert starts == header_starts, line
    assert any(ch in out for ch in "่้๊๋ิีึืุู")  # real Thai with marks was aligned


def test_search_needs_a_current_khrueakhai_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "search", "members", "--db", str(tmp_path / "none.sqlite"), "นา")
    assert code == 2 and "no database at" in err
    old = tmp_path / "old.sqlite"
    connection = sqlite3.connect(old)
    for table in ("member", "organisation", "local_setting"):
        connection.execute(f"CREATE TABLE {table} (id TEXT)")
    connection.execute("CREATE TABLE alembic_version (version_num TEXT)")
    connection.execute("INSERT INTO alembic_version VALUES ('0000')")
    connection.commit()
    connection.close()
    code, _, err = run(capsys, "search", "members", "--db", str(old), "นา")
    assert code == 2 and "schema revision 0000" in err


# --- check ---------------------------------------------------------------------------------------


def test_check_passes_on_a_demo_database(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check", "--db", str(demo_path))
    assert code == 0
    assert "All 6 checks passed" in out
    for title in ("Schema", "SQLite integrity", "References", "Search index", "Organisations",
                  "Office identity"):
        assert title in out
    assert f"{MEMBERS:,} entries for {MEMBERS:,} live members" in out


def test_check_reports_a_broken_search_index_and_a_missing_organisation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.sqlite"
    assert run(capsys, "demo", "--db", str(path), "--members", "300")[0] == 0
    connection = sqlite3.connect(path)
    connection.execute("DELETE FROM member_fts WHERE rowid IN (SELECT rowid FROM member LIMIT 2)")
    connection.execute("UPDATE member_fts SET doc = 'old text' WHERE rowid = 5")
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute(
        "UPDATE member SET organisation_id = 'no-such-organisation' WHERE rowid = 10"
    )
    connection.commit()
    connection.close()
    code, out, _ = run(capsys, "check", "--db", str(path))
    assert code == 1
    assert "ERROR" in out
    assert "2 live member(s) are not in the search index" in out
    assert "298 entries for 300 live members" in out
    assert "1 search entries hold out-of-date text" in out
    assert "1 live member(s) belong to an organisation that does not exist" in out
    assert "refer to missing organisation rows" in out
    assert "checks found problems" in out


def test_check_explains_files_it_cannot_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "check", "--db", str(tmp_path / "missing.sqlite"))
    assert code == 2 and "no database at" in err
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00\x01 not a database " * 100)
    code, _, err = run(capsys, "check", "--db", str(junk))
    assert code == 2 and "not a SQLite database" in err
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    code, _, err = run(capsys, "check", "--db", str(empty))
    assert code == 2 and "empty file" in err
    code, _, err = run(capsys, "check", "--db", str(tmp_path))
    assert code == 2 and "is not a file" in err


def test_usage_errors_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "frobnicate")[0] == 2
    assert run(capsys, "search", "members", "--db", "x.sqlite")[0] == 2  # no TEXT
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "demo" in out and "search" in out and "check" in out


def test_python_dash_m_db_runs_the_command_line(demo_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "db", "search", "members", "--db", str(demo_path), "ตำบล",
         "--json", "--limit", "2"],
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 2
