"""A small register with known duplicate pairs, the executor, and the shown review screen."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import Session

from db.dues import record_dues_payment
from db.engine import Database
from db.groups import add_group_member, save_group
from db.members.edit import save_member
from db.members.types import MemberInput
from db.organisations import save_organisation
from desktop.db_worker import DbExecutor
from desktop.duplicates import DuplicatesView

ID_1 = "1101700203450"


@dataclasses.dataclass(frozen=True)
class Register:
    database: Database
    ids: dict[str, str]
    association: str


def _member(session: Session, first: str, last: str, **fields: Any) -> str:
    return save_member(session, data=MemberInput(first_name=first, last_name=last, **fields))


@pytest.fixture
def register(database: Database) -> Register:
    """Three candidate pairs, best first:

    1. สมชาย ใจดี twice in อบต.หนองบัว with one birth date (one record has the ID, the other an
       e-mail; both in the association, one as secretary; dues on both) — score 0.9;
    2. วิภาวดี สุขใจ / วิภาวดี สุขใจดี with one mobile number;
    3. นกน้อย with one e-mail address and another last name.
    """
    with database.session() as s:
        org = save_organisation(s, type_code="sao", name="หนองบัว", province_code=40)
        ids = {
            "somchai": _member(
                s, "สมชาย", "ใจดี", prefix="นาย", organisation_id=org, national_id=ID_1,
                birth_date=dt.date(1980, 5, 1), phone="0812345678", status="active",
            ),
            "somchai_copy": _member(
                s, "สมชาย", "ใจดี", organisation_id=org, birth_date=dt.date(1980, 5, 1),
                email="somchai@example.com", status="inactive",
                address="99 หมู่ 1 ตำบลหนองบัว\nอำเภอเมือง จังหวัดขอนแก่น",
            ),
            "wipa": _member(s, "วิภาวดี", "สุขใจ", phone="0899999999"),
            "wipa_copy": _member(s, "วิภาวดี", "สุขใจดี", phone="0899999999"),
            "nok": _member(s, "นกน้อย", "บินสูง", email="nok@example.com"),
            "nok_copy": _member(s, "นกน้อย", "บินไกล", email="nok@example.com"),
        }  # fmt: skip
        association = save_group(s, name="สมาคมปลัด", kind="association")
        add_group_member(s, group_id=association, member_id=ids["somchai"])
        add_group_member(s, group_id=association, member_id=ids["somchai_copy"], role="secretary")
        record_dues_payment(
            s, member_id=ids["somchai_copy"], fiscal_year=2567, amount_satang=50_000,
            paid_on=dt.date(2024, 1, 5),
        )  # fmt: skip
    return Register(database, ids, association)


@pytest.fixture
def executor(register: Register, qapp: QApplication) -> Iterator[DbExecutor]:
    worker = DbExecutor(register.database)
    yield worker
    worker.shutdown()


@pytest.fixture
def view(qtbot: QtBot, qasync_loop: Any, executor: DbExecutor) -> Iterator[DuplicatesView]:
    widget = DuplicatesView(executor)
    qtbot.addWidget(widget)
    widget.resize(1280, 860)
    widget.show()
    qtbot.waitUntil(lambda: widget.tasks.pending() == 0, timeout=10_000)
    yield widget
    widget.tasks.cancel_all()
