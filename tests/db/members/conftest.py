"""A fresh database per test, and small builders that go through the register's own commands."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session

from db.engine import Database, open_database
from db.members.edit import save_member
from db.members.types import MemberInput
from db.organisations import save_organisation

BANGKOK = 10
CHIANG_MAI = 50
KHON_KAEN = 40

# Valid national IDs (check digit per THAI.md).
ID_A = "1101700203450"
ID_B = "3100600123450"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "t.sqlite")
    yield db
    db.dispose()


def add_ref_items(session: Session, kind: str, *codes: tuple[str, str, str]) -> None:
    """Reference list entries (code, Thai name, parent code) the tests rely on, whatever the
    shipped lists hold."""
    connection = session.connection()
    for order, (code, name_th, parent) in enumerate(codes):
        connection.exec_driver_sql(
            "INSERT OR REPLACE INTO ref_item (kind, code, name_th, name_en, abbr_th, parent_code,"
            " sort_order, active) VALUES (?, ?, ?, '', '', ?, ?, 1)",
            (kind, code, name_th, parent, order),
        )


def make_org(
    session: Session, name: str, *, type_code: str = "sao", province: int = BANGKOK
) -> str:
    return save_organisation(session, type_code=type_code, name=name, province_code=province)


def make_member(session: Session, first_name: str, last_name: str = "", **fields: Any) -> str:
    return save_member(
        session, data=MemberInput(first_name=first_name, last_name=last_name, **fields)
    )


def member_input(**fields: Any) -> MemberInput:
    base = MemberInput(first_name="สมชาย", last_name="ใจดี")
    return dataclasses.replace(base, **fields)
