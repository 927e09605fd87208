"""Small helpers the register's modules share: the raw DB-API connection and value conversion.

Queries on the hot paths (search, windows of rows, facets) run on the sqlite3 connection under
the session, inside the session's transaction: SQLAlchemy's row objects cost more than the
query itself at 393,000 rows.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence

from sqlmodel import Session

from db.reference.types import Language

# SQLite's default limit on host parameters is 32,766 (3.32+); stay well below it.
MAX_PARAMS = 30_000


def dbapi(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection the session's transaction runs on (BEGIN already issued)."""
    connection = session.connection().connection.driver_connection
    if not isinstance(connection, sqlite3.Connection):  # pragma: no cover - SQLite only
        raise TypeError("the member register's queries need a SQLite database")
    return connection


def placeholders(values: Sequence[object]) -> str:
    """``?, ?, ?`` for an IN list of ``values`` (at least one)."""
    return ", ".join("?" * len(values))


def iso(value: dt.date | None) -> str | None:
    """A date as stored (ISO text), or None."""
    return value.isoformat() if value is not None else None


def to_date(value: str | None) -> dt.date | None:
    """A stored ISO date back as a date (None and '' give None)."""
    return dt.date.fromisoformat(value) if value else None


def today_iso() -> str:
    """Today's local date as stored (ISO text)."""
    return dt.date.today().isoformat()


# The name of province ``p`` in a language (English where the reference data has it).
PROVINCE_NAME_SQL: dict[Language, str] = {
    "th": "p.name_th",
    "en": "coalesce(nullif(p.name_en, ''), p.name_th)",
}
