"""``python -m db privacy export|erase``: files written, refusals in one sentence, exit codes."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.__main__ import main
from db.privacy.erasure import ERASED_NAME
from tests.db.privacy.conftest import NATIONAL_ID, Register


def first_name(register: Register) -> str:
    connection = sqlite3.connect(register.database.path)
    try:
        return connection.execute(
            "SELECT first_name FROM member WHERE id = ?", (register.member_id,)
        ).fetchone()[0]
    finally:
        connection.close()


def test_export_writes_the_json_named_after_the_member(
    register: Register, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register.database.dispose()
    out = tmp_path / "คำขอ PDPA"
    status = main(["privacy", "export", "--db", str(register.database.path),
                   "--member", register.member_id, "--out", str(out)])  # fmt: skip
    assert status == 0
    (path,) = out.iterdir()
    assert path.name.startswith("สมชาย ใจดี-") and path.suffix == ".json"
    assert capsys.readouterr().out.strip() == str(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["member"]["national_id"] == NATIONAL_ID


def test_export_of_an_unknown_member_is_one_sentence(
    register: Register, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register.database.dispose()
    status = main(["privacy", "export", "--db", str(register.database.path),
                   "--member", "nobody", "--out", str(tmp_path / "out")])  # fmt: skip
    assert status == 2
    assert "there is no member with id nobody" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_erase_needs_yes_then_erases_once(
    register: Register, capsys: pytest.CaptureFixture[str]
) -> None:
    register.database.dispose()
    db = str(register.database.path)
    args = ["privacy", "erase", "--db", db, "--member", register.member_id, "--reason", "คำขอ"]
    assert main(args) == 2
    assert "--yes" in capsys.readouterr().err
    assert first_name(register) == "สมชาย"
    assert main([*args, "--yes"]) == 0
    assert "Erased the personal data" in capsys.readouterr().out
    assert first_name(register) == ERASED_NAME
    assert main([*args, "--yes"]) == 2
    assert "already erased (already_erased); nothing was changed" in capsys.readouterr().err


def test_privacy_command_runs_as_a_module(register: Register) -> None:
    register.database.dispose()
    done = subprocess.run(
        [sys.executable, "-m", "db", "privacy", "erase", "--db", str(register.database.path),
         "--member", register.member_id, "--reason", "  ", "--yes"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "Give the reason" in done.stderr
    assert "Traceback" not in done.stderr
