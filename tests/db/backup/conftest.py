"""A small demo database, made once and copied for each test (with the SQLite backup API)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.demo import populate
from db.engine import open_database

MEMBERS = 300


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("backup-template") / "template.sqlite"
    database = open_database(path)
    try:
        populate(database, members=MEMBERS, seed=3)
    finally:
        database.dispose()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo database, in a folder with a Thai name."""
    path = tmp_path / "ข้อมูล สมาชิก" / "khrueakhai.sqlite"
    path.parent.mkdir()
    source = sqlite3.connect(demo_template)
    target = sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return path


def scalar(path: Path, sql: str, params: tuple[object, ...] = ()) -> object:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql, params).fetchone()[0]
    finally:
        connection.close()


def execute(path: Path, sql: str, params: tuple[object, ...] = ()) -> None:
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute(sql, params)
    finally:
        connection.close()


def corrupt(path: Path, *, pages: int = 8) -> None:
    """Overwrite pages in the middle of a database file with garbage (a dying disk)."""
    size = path.stat().st_size
    page = 4096
    start = (size // page // 2) * page
    with path.open("r+b") as handle:
        handle.seek(start)
        handle.write(bytes([0xA5, 0x5A]) * (page * pages // 2))
