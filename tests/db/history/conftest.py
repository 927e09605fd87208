"""A fresh database per test, a fixed actor, and builders going through the register's commands."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session

from db.engine import Database, open_database
from db.history.actor import Actor, set_current_actor
from db.members.edit import save_member
from db.members.types import MemberInput

SECRETARY = Actor(user_id=None, user_name="somsri", device="OFFICE-PC-1")
OTHER = Actor(user_id="u-2", user_name="admin", device="OFFICE-PC-2")


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "t.sqlite")
    yield db
    db.dispose()


@pytest.fixture(autouse=True)
def secretary() -> Iterator[Actor]:
    set_current_actor(SECRETARY)
    yield SECRETARY
    set_current_actor(None)


def make_member(database: Database, first_name: str = "สมชาย", **fields: Any) -> str:
    with database.session() as session:
        return save_member(
            session, data=MemberInput(first_name=first_name, last_name="ใจดี", **fields)
        )


def history_rows(session: Session, **where: str) -> list[tuple[Any, ...]]:
    condition = " AND ".join(f"{k} = ?" for k in where) or "1"
    return list(
        session.connection().exec_driver_sql(
            "SELECT kind, entity, member_id, changes_json, operation_id, user_name, device,"
            f" link_id FROM history WHERE {condition} ORDER BY rowid",
            tuple(where.values()),
        )
    )
