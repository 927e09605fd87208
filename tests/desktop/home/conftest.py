"""A small database whose figures are known, and a way to write to it as the app does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlmodel import Session

from db.engine import Database
from db.identity import new_stamp
from db.models import DuesPayment, Member, Organisation
from desktop.db_worker import DbExecutor


def add_organisation(session: Session, name: str, type_code: str, region_id: int) -> str:
    province = session.execute(
        text("SELECT min(code) FROM province WHERE region_id = :r"), {"r": region_id}
    ).scalar_one()
    stamp = new_stamp(session)
    organisation = Organisation(
        name=name, type_code=type_code, province_code=province,
        owner_office_id=stamp.owner_office_id, hlc=stamp.hlc,
    )  # fmt: skip
    session.add(organisation)
    session.flush()
    return organisation.id


def add_members(
    session: Session, organisation_id: str | None, count: int, *, consent: bool = True
) -> list[str]:
    ids = []
    for number in range(count):
        stamp = new_stamp(session)
        member = Member(
            prefix="นางสาว", first_name=f"ศรีสุดา{number}", last_name="ทองคำ",
            organisation_id=organisation_id,
            consent_date=dt.date(2026, 1, 1) if consent else None,
            created_at=stamp.at, updated_at=stamp.at,
            owner_office_id=stamp.owner_office_id, hlc=stamp.hlc,
        )  # fmt: skip
        session.add(member)
        ids.append(member.id)
    session.flush()
    return ids


def add_payment(session: Session, member_id: str, paid_on: dt.date, satang: int) -> None:
    stamp = new_stamp(session)
    session.add(
        DuesPayment(
            member_id=member_id, fiscal_year=2570, amount_satang=satang, paid_on=paid_on,
            owner_office_id=stamp.owner_office_id, hlc=stamp.hlc,
        )
    )  # fmt: skip


@pytest.fixture
def filled(database: Database) -> Database:
    """North: 6 sao members (2 without consent); Northeast: 3 town; 1 without organisation.
    Two payments today (this fiscal year): 500 + 250.50 baht."""
    with database.session() as session:
        north = add_organisation(session, "อบต.แม่ริม", "sao", 1)
        northeast = add_organisation(session, "เทศบาลเมืองขอนแก่น", "town_municipality", 3)
        members = add_members(session, north, 4)
        add_members(session, north, 2, consent=False)
        add_members(session, northeast, 3)
        add_members(session, None, 1)
        add_payment(session, members[0], dt.date.today(), 50_000)
        add_payment(session, members[1], dt.date.today(), 25_050)
    return database


@pytest.fixture
def member_adder() -> Callable[..., list[str]]:
    """``add_members(session, organisation_id, count, consent=True)`` for writes in a test."""
    return add_members


@pytest.fixture
def executor(filled: Database, qtbot: QtBot) -> Iterator[DbExecutor]:
    worker = DbExecutor(filled)
    yield worker
    worker.shutdown()
