"""What the admin commands share: errors, opening a database file, writing tables."""

from __future__ import annotations

import sqlite3
import sys
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from db.engine import Database, open_database
from db.migrations import head_revision

EXIT_OK = 0
EXIT_PROBLEMS = 1  # the command ran and found problems (check)
EXIT_ERROR = 2  # the command could not run: bad arguments, missing or foreign file
EXIT_CANCELLED = 130  # Ctrl+C

# Tables every Khrueakhai database has from its first migration.
KHRUEAKHAI_TABLES = frozenset({"alembic_version", "member", "organisation", "local_setting"})


class CliError(Exception):
    """A reason the command cannot run, said plainly; the command line exits with ``exit_code``."""

    def __init__(self, message: str, *, exit_code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def _tables(path: Path) -> set[str]:
    """The table names of the SQLite file at ``path``; CliError if it is not SQLite."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise CliError(f"cannot open {path}: {error}") from None
    try:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise CliError(f"{path} is not a SQLite database ({error})") from None
    finally:
        connection.close()


def _revision(path: Path) -> str | None:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        # Two branches not yet merged are two rows; joined as db.migrations.head_revision does.
        return "+".join(sorted(row[0] for row in rows)) if rows else None
    finally:
        connection.close()


def require_khrueakhai_file(path: Path) -> None:
    """CliError unless ``path`` is an existing Khrueakhai database file."""
    if not path.exists():
        raise CliError(f"no database at {path}")
    if not path.is_file():
        raise CliError(f"{path} is not a file")
    if path.stat().st_size == 0:
        raise CliError(f"{path} is an empty file, not a Khrueakhai database")
    missing = KHRUEAKHAI_TABLES - _tables(path)
    if missing:
        raise CliError(
            f"{path} is not a Khrueakhai database (it has no {', '.join(sorted(missing))} table)"
        )


def open_existing(path: Path, *, need_current_schema: bool) -> Database:
    """Open a Khrueakhai database without changing it (no migration, no set-up)."""
    require_khrueakhai_file(path)
    if need_current_schema:
        revision, head = _revision(path), head_revision()
        if revision != head:
            raise CliError(
                f"{path} has schema revision {revision}, this program expects {head}: open it"
                " with the program once to upgrade it (or use the newer program that made it)"
            )
    return open_database(path, migrate=False)


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: Thai vowels above/below and tone marks take none."""
    return sum(
        0 if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf")
        else 2 if unicodedata.east_asian_width(char) in ("W", "F")
        else 1
        for char in text
    )


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def write_table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], *, out: TextIO | None = None
) -> None:
    """An aligned text table (Thai-aware widths), two spaces between columns, on ``out``
    (default: the current ``sys.stdout``)."""
    out = out or sys.stdout
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = [headers, ["-" * w for w in widths], *rows]
    for line in lines:
        cells = [pad(cell, w) for cell, w in zip(line, widths, strict=True)]
        out.write("  ".join(cells).rstrip() + "\n")


def say(message: str) -> None:
    """A message for the person at the terminal (stderr, so stdout stays data)."""
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


class Progress:
    """Progress on stderr: one updating line on a terminal, a line per tenth otherwise;
    ``noun`` names what is counted ("members", "rows")."""

    def __init__(self, noun: str) -> None:
        self._noun = noun
        self._tty = sys.stderr.isatty()
        self._last_tenth = -1
        self._started = time.perf_counter()

    def __call__(self, done: int, total: int) -> bool:
        if done >= total and self._last_tenth >= 10:
            return True  # said already (an import reports its last steps as done too)
        seconds = time.perf_counter() - self._started
        text = (
            f"{self._noun} {done:,} / {total:,} ({done * 100 // max(total, 1)}%), {seconds:.1f} s"
        )
        if self._tty:
            sys.stderr.write("\r" + text + ("\n" if done >= total else ""))
            sys.stderr.flush()
            if done >= total:
                self._last_tenth = 10
        elif done * 10 // max(total, 1) > self._last_tenth:
            self._last_tenth = done * 10 // max(total, 1)
            say(text)
        return True
