"""Dues: recording payments with validation, totals by fiscal year, a member's payments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.dues import DuesError, delete_dues_payment, dues_by_member, dues_total, record_dues_payment
from db.engine import Database, open_database
from db.groups import save_group
from db.members.edit import delete_member, save_member
from db.members.types import MemberInput


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "t.sqlite")
    yield db
    db.dispose()


def test_totals_by_fiscal_year(database: Database) -> None:
    with database.session() as s:
        a = save_member(s, data=MemberInput(first_name="สมชาย"))
        b = save_member(s, data=MemberInput(first_name="สมหญิง"))
        club = save_group(s, name="ชมรม", kind="club")
        pay = record_dues_payment
        pay(s, member_id=a, fiscal_year=2567, amount_satang=30_000, paid_on=dt.date(2023, 10, 1),
            receipt_no="2567/0001")  # fmt: skip
        pay(s, member_id=b, fiscal_year=2567, amount_satang=45_050, paid_on=dt.date(2024, 9, 30),
            receipt_no="2567/0002", group_id=club)  # fmt: skip
        late = pay(s, member_id=a, fiscal_year=2568, amount_satang=50_000,
                   paid_on=dt.date(2024, 10, 1), receipt_no="2568/0001")  # fmt: skip
        pay(s, member_id=b, fiscal_year=2568, amount_satang=20_000, paid_on=dt.date(2024, 12, 1))
        assert dues_total(s, fiscal_year=2567) == (2, 75_050)
        assert dues_total(s, fiscal_year=2568) == (2, 70_000)
        assert dues_total(s, fiscal_year=2567, group_id=club) == (1, 45_050)
        assert dues_total(s, fiscal_year=2566) == (0, 0)
        # money received stays counted when the member is deleted; a deleted payment does not
        delete_member(s, member_id=b)
        assert dues_total(s, fiscal_year=2567) == (2, 75_050)
        delete_dues_payment(s, payment_id=late)
        assert dues_total(s, fiscal_year=2568) == (1, 20_000)
        with pytest.raises(DuesError) as raised:
            delete_dues_payment(s, payment_id=late)
        assert [e.code for e in raised.value.errors] == ["unknown_payment"]
        rows = dues_by_member(s, member_id=a)
    assert [(r.fiscal_year, r.amount_satang, r.receipt_no, r.paid_on) for r in rows] == [
        (2567, 30_000, "2567/0001", dt.date(2023, 10, 1))
    ]


def test_payments_newest_first(database: Database) -> None:
    with database.session() as s:
        a = save_member(s, data=MemberInput(first_name="สมชาย"))
        for year, paid in [(2566, dt.date(2023, 1, 1)), (2568, dt.date(2025, 1, 1)),
                           (2567, dt.date(2024, 1, 1)), (2568, dt.date(2025, 2, 1))]:  # fmt: skip
            record_dues_payment(s, member_id=a, fiscal_year=year, amount_satang=100, paid_on=paid)
        assert [(r.fiscal_year, r.paid_on.month) for r in dues_by_member(s, member_id=a)] == [
            (2568, 2), (2568, 1), (2567, 1), (2566, 1)
        ]  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "codes"),
    [
        ({"amount_satang": 0}, ["invalid_amount"]),
        ({"amount_satang": -500}, ["invalid_amount"]),
        ({"amount_satang": 12.5}, ["invalid_amount"]),
        ({"fiscal_year": 2024}, ["invalid_fiscal_year"]),  # a CE year
        ({"fiscal_year": 2701}, ["invalid_fiscal_year"]),
        ({"paid_on": dt.date(2567, 1, 1)}, ["invalid_date"]),  # BE typed as CE
        ({"paid_on": dt.date.today() + dt.timedelta(days=1)}, ["invalid_date"]),
        ({"receipt_no": "๒๕๖๗/๐๐๐๑"}, ["duplicate_receipt"]),  # Thai digits: the same receipt
        ({"receipt_no": "R" * 41}, ["too_long"]),
        ({"member_id": "nobody"}, ["unknown_member"]),
        ({"group_id": "nope"}, ["unknown_group"]),
        ({"amount_satang": 0, "fiscal_year": 1}, ["invalid_amount", "invalid_fiscal_year"]),
    ],
)
def test_refusals(database: Database, fields: dict, codes: list[str]) -> None:
    with database.session() as s:
        member_id = save_member(s, data=MemberInput(first_name="สมชาย"))
        record_dues_payment(
            s, member_id=member_id, fiscal_year=2567, amount_satang=100,
            paid_on=dt.date(2024, 1, 1), receipt_no="2567/0001",
        )  # fmt: skip
    payment = {
        "member_id": member_id, "fiscal_year": 2567, "amount_satang": 30_000,
        "paid_on": dt.date(2024, 2, 1), "receipt_no": "2567/0002", **fields,
    }  # fmt: skip
    with database.session() as s, pytest.raises(DuesError) as raised:
        record_dues_payment(s, **payment)
    assert [e.code for e in raised.value.errors] == codes
    with database.session() as s:
        assert dues_total(s, fiscal_year=2567) == (1, 100)


def test_same_receipt_number_in_another_fiscal_year_is_fine(database: Database) -> None:
    with database.session() as s:
        member_id = save_member(s, data=MemberInput(first_name="สมชาย"))
        for year in (2567, 2568):
            record_dues_payment(
                s, member_id=member_id, fiscal_year=year, amount_satang=100,
                paid_on=dt.date(2024, 1, 1), receipt_no="0001",
            )  # fmt: skip
        assert dues_total(s, fiscal_year=2568) == (1, 100)
