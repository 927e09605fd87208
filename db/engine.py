"""The database: engine, sessions, migrations to head, first-start set-up.

SQLite is the embedded default (one file per office, in the user's data directory).
Every connection runs with WAL, foreign keys, a busy timeout and full synchronous commits,
and transactions are explicit (BEGIN on first use) so that a bulk path is all-or-nothing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlmodel import Session

APP_NAME = "Khrueakhai"
DB_FILE_NAME = "khrueakhai.sqlite"
BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 16_000  # per connection; the app keeps three (writer, painter, counts)


USER_DIR_ENV = "KHRUEAKHAI_USER_DIR"


def default_db_path() -> Path:
    """The database file in the user's data directory (never next to the program).

    ``KHRUEAKHAI_USER_DIR`` moves it under that folder (``data/``), as it does the app's
    settings, logs and caches: tests and portable installs use it.
    """
    override = os.environ.get(USER_DIR_ENV)
    if override:
        return Path(override) / "data" / DB_FILE_NAME
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILE_NAME


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy (not the sqlite3 module) decide where transactions begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def create_db_engine(path: Path) -> Engine:
    """An engine on the SQLite file at `path` (the folder is created if missing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


@dataclass(frozen=True)
class Database:
    """An open database: where it is and how to talk to it."""

    path: Path
    engine: Engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def raw_connection(self, *, create: bool = True) -> sqlite3.Connection:
        """A plain sqlite3 connection (same pragmas) for bulk paths; the caller closes it.
        Without ``create`` a missing file is an error instead of a new empty database."""
        if create:
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        else:
            connection = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=rw", uri=True,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )  # fmt: skip
        _on_connect(connection, None)
        return connection

    def checkpoint(self) -> bool:
        """Copy the write-ahead log into the database file and empty it, giving back the disk
        space a bulk write took. Frames are copied first without waiting for anyone (other
        connections keep reading and writing), then the log is truncated, which waits briefly
        for writers. Best effort: returns False when another connection's open read kept the
        log (the next checkpoint finishes it) or the file is gone."""
        try:  # the file may have been moved away meanwhile: not created again
            connection = self.raw_connection(create=False)
        except sqlite3.Error:
            return False
        try:
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            busy, _frames, _done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            return not busy
        except sqlite3.Error:  # locked past the busy timeout: no error for a tidy-up
            return False
        finally:
            connection.close()

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(
    path: Path | None = None, *, migrate: bool = True, backup_before_migration: bool = True
) -> Database:
    """Open (creating if needed) the database at `path` or the default location.

    Brings the schema to the newest migration and, on first start, loads the shipped
    reference data and gives this installation its own office and site id. An existing
    database behind the newest migration is backed up first (reason "before-migration", into
    its backup folder), unless `backup_before_migration` is False.
    """
    from db import setup  # local import: setup depends on models and reference loaders

    db_path = Path(path) if path else default_db_path()
    database = Database(path=db_path, engine=create_db_engine(db_path))
    if migrate:
        from db.migrations import current_revision, head_revision, upgrade_to_head

        if backup_before_migration:
            current = current_revision(database.engine)
            if current is not None and current != head_revision():
                from db.backup import backup_before_migration

                backup_before_migration(database)
        upgrade_to_head(database.engine)
        setup.ensure_initialised(database)
    return database
