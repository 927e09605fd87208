"""The dashboard's figures on a small database whose every count is known."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session

from db.dashboard import (
    UNSPECIFIED_CODE,
    DashboardSummary,
    dashboard_summary,
    dues_total,
    live_member_count,
)
from db.engine import Database, open_database
from db.identity import new_stamp
from db.models import DuesPayment, Member, Organisation

TODAY = dt.date(2027, 3, 15)  # fiscal 2570 = 1 Oct 2026 .. 30 Sep 2027
CREATED_AT = "2026-01-01T03:00:00.000Z"


@pytest.fixture()
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "t.sqlite")
    yield db
    db.dispose()


def _province_in(session: Session, region_id: int) -> int:
    return session.execute(
        text("SELECT min(code) FROM province WHERE region_id = :r"), {"r": region_id}
    ).scalar_one()


def _org(session: Session, name: str, type_code: str, province_code: int | None) -> str:
    stamp = new_stamp(session)
    org = Organisation(
        name=name, type_code=type_code, province_code=province_code,
        owner_office_id=stamp.owner_office_id, hlc=stamp.hlc,
    )  # fmt: skip
    session.add(org)
    session.flush()
    return org.id


def _members(
    session: Session,
    organisation_id: str | None,
    count: int,
    *,
    consent: bool = True,
    deleted: bool = False,
    first_name: str = "สมชาย",
) -> list[str]:
    ids = []
    for i in range(count):
        stamp = new_stamp(session)
        member = Member(
            prefix="นาย", first_name=f"{first_name}{i}", last_name="ใจดี",
            organisation_id=organisation_id,
            consent_date=dt.date(2026, 1, 1) if consent else None,
            deleted_at=stamp.at if deleted else None, created_at=CREATED_AT, updated_at=CREATED_AT,
            owner_office_id=stamp.owner_office_id, hlc=stamp.hlc,
        )  # fmt: skip
        session.add(member)
        ids.append(member.id)
    session.flush()
    return ids


def _pay(
    session: Session, member_id: str, paid_on: dt.date, satang: int, *, deleted: bool = False
) -> None:
    stamp = new_stamp(session)
    session.add(
        DuesPayment(
            member_id=member_id, fiscal_year=2570, amount_satang=satang, paid_on=paid_on,
            deleted_at=stamp.at if deleted else None,
            owner_office_id=stamp.owner_office_id, hlc=stamp.hlc,
        )
    )  # fmt: skip


@pytest.fixture()
def filled(database: Database) -> Database:
    """North: 3 (sao) + 2 (town); Central (Bangkok): 4 (bangkok); Northeast: 1 (sao);
    no organisation: 2; a deleted member and members of other regions' empty orgs don't count."""
    with database.session() as session:
        north = _province_in(session, 1)
        central = _province_in(session, 2)
        northeast = _province_in(session, 3)
        sao_north = _org(session, "อบต.แม่ริม", "sao", north)
        town_north = _org(session, "เทศบาลเมืองลำพูน", "town_municipality", north)
        bkk = _org(session, "กรุงเทพมหานคร", "bangkok", central)
        sao_ne = _org(session, "อบต.โนนสูง", "sao", northeast)
        _org(session, "อบต.ว่างเปล่า", "sao", _province_in(session, 6))  # no members
        north_ids = _members(session, sao_north, 3)
        _members(session, town_north, 2, consent=False)
        bkk_ids = _members(session, bkk, 4)
        _members(session, sao_ne, 1, consent=False)
        _members(session, None, 2, consent=False)
        _members(session, sao_ne, 5, deleted=True, consent=False)
        gone = _org(session, "เทศบาลนครร้าง", "city_municipality", _province_in(session, 5))
        _members(session, gone, 2, deleted=True)  # an organisation whose members all left
        # Fiscal 2570 runs 1 Oct 2026 .. 30 Sep 2027: the first two lie outside.
        _pay(session, north_ids[0], dt.date(2026, 9, 30), 50_000)
        _pay(session, north_ids[1], dt.date(2027, 10, 1), 50_000)
        _pay(session, north_ids[0], dt.date(2026, 10, 1), 20_000)
        _pay(session, north_ids[1], dt.date(2027, 9, 30), 30_050)
        _pay(session, bkk_ids[0], dt.date(2027, 1, 5), 10_000)
        _pay(session, bkk_ids[1], dt.date(2027, 1, 6), 99_999, deleted=True)
    return database


def _summary(database: Database, today: dt.date = TODAY) -> DashboardSummary:
    with database.session() as session:
        return dashboard_summary(session, today=today)


def test_totals_and_consent(filled: Database) -> None:
    summary = _summary(filled)
    assert summary.total_members == 12
    assert summary.without_consent == 5  # 2 town + 1 northeast + 2 without organisation
    with filled.session() as session:
        assert live_member_count(session) == 12


def test_members_by_region_in_region_order(filled: Database) -> None:
    by_region = _summary(filled).by_region
    assert [(row.code, row.count) for row in by_region] == [
        ("1", 5), ("2", 4), ("3", 1), ("4", 0), ("5", 0), ("6", 0), (UNSPECIFIED_CODE, 2),
    ]  # fmt: skip
    assert by_region[0].name_th == "ภาคเหนือ"
    assert by_region[0].name_en == "North"
    assert by_region[-1].name_th == "ไม่ระบุ"
    assert sum(row.count for row in by_region) == 12


def test_members_by_org_type_in_list_order(filled: Database) -> None:
    by_type = _summary(filled).by_org_type
    counts = {row.code: row.count for row in by_type}
    assert counts == {
        "pao": 0, "city_municipality": 0, "town_municipality": 2,
        "subdistrict_municipality": 0, "sao": 4, "bangkok": 4, "pattaya": 0, "other": 0,
        UNSPECIFIED_CODE: 2,
    }  # fmt: skip
    assert [row.code for row in by_type][:5] == [
        "pao", "city_municipality", "town_municipality", "subdistrict_municipality", "sao",
    ]  # fmt: skip
    sao = next(row for row in by_type if row.code == "sao")
    assert (sao.name_th, sao.abbr_th) == ("องค์การบริหารส่วนตำบล", "อบต.")


def test_dues_fiscal_year_boundaries(filled: Database) -> None:
    dues = _summary(filled).dues
    assert dues.fiscal_year == 2570
    assert (dues.first_day, dues.last_day) == (dt.date(2026, 10, 1), dt.date(2027, 9, 30))
    assert dues.payment_count == 3  # 1 Oct 2026, 5 Jan 2027, 30 Sep 2027; not the deleted one
    assert dues.amount_satang == 20_000 + 10_000 + 30_050


def test_dues_follow_today(filled: Database) -> None:
    # 30 Sep 2026 is the last day of fiscal 2569; 1 Oct 2027 is the first of fiscal 2571.
    assert _summary(filled, dt.date(2026, 9, 30)).dues.fiscal_year == 2569
    assert _summary(filled, dt.date(2026, 9, 30)).dues.amount_satang == 50_000
    assert _summary(filled, dt.date(2027, 10, 1)).dues.fiscal_year == 2571
    assert _summary(filled, dt.date(2027, 10, 1)).dues.payment_count == 1
    with filled.session() as session:
        assert dues_total(session, year=2568).payment_count == 0


def test_recent_changes_newest_first(filled: Database) -> None:
    recent = _summary(filled).recent
    assert len(recent) == 10
    # The fixture's last live members are the two without an organisation (then 1 northeast).
    assert [change.full_name for change in recent[:3]] == [
        "นายสมชาย1 ใจดี", "นายสมชาย0 ใจดี", "นายสมชาย0 ใจดี",
    ]  # fmt: skip
    assert recent[0].organisation_name == ""
    assert recent[2].organisation_name == "อบต.โนนสูง"
    assert all(change.created for change in recent)
    assert recent[0].updated_at == CREATED_AT


def test_recent_changes_see_an_update(filled: Database) -> None:
    with filled.session() as session:
        oldest = session.execute(
            text("SELECT id FROM member WHERE deleted_at IS NULL ORDER BY hlc LIMIT 1")
        ).scalar_one()
        stamp = new_stamp(session)
        member = session.get(Member, oldest)
        assert member is not None
        member.position = "ปลัด อบต."
        member.updated_at, member.hlc = stamp.at, stamp.hlc
    recent = _summary(filled).recent
    assert recent[0].member_id == oldest
    assert recent[0].updated_at > CREATED_AT
    assert recent[0].organisation_name == "อบต.แม่ริม"
    assert not recent[0].created


def test_empty_database(database: Database) -> None:
    summary = _summary(database)
    assert summary.total_members == 0
    assert summary.without_consent == 0
    assert [row.count for row in summary.by_region] == [0] * 6
    assert all(row.code != UNSPECIFIED_CODE for row in summary.by_org_type)
    assert summary.dues.payment_count == 0
    assert summary.dues.amount_satang == 0
    assert summary.recent == ()


# --- national scale (run on demand: pytest tests/db/test_dashboard.py -m slow -s) --------------

BENCH_MEMBERS = 393_000
BENCH_DB = Path("/tmp/khrueakhai-bench") / f"dashboard-demo-{BENCH_MEMBERS}-seed1.sqlite"
TARGET_MS = 500


@pytest.mark.slow
def test_dashboard_at_national_scale() -> None:
    """dashboard_summary at 393,000 members (db.demo data with three years of dues)."""
    import os
    import platform
    import statistics
    import time

    from db.demo import populate

    if not BENCH_DB.exists():  # generated once (a minute or two), then reused
        partial = BENCH_DB.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        generated = open_database(partial)
        populate(generated, members=BENCH_MEMBERS, seed=1)
        generated.dispose()
        partial.rename(BENCH_DB)
    database = open_database(BENCH_DB)
    try:
        summaries, counts = [], []
        with database.session() as session:
            for _ in range(6):
                start = time.perf_counter()
                summary = dashboard_summary(session)
                middle = time.perf_counter()
                live_member_count(session)
                summaries.append((middle - start) * 1000)
                counts.append((time.perf_counter() - middle) * 1000)
            payments = session.execute(text("SELECT count(*) FROM dues_payment")).scalar_one()
        warm = statistics.median(summaries[1:])
        print(
            f"\ndashboard at {summary.total_members:,} members, {payments:,} payments"
            f" ({platform.processor() or platform.machine()}, {os.cpu_count()} CPUs,"
            f" load {os.getloadavg()[0]:.1f}): first {summaries[0]:.0f} ms,"
            f" warm median {warm:.0f} ms (target {TARGET_MS} ms);"
            f" status-bar count median {statistics.median(counts[1:]):.1f} ms"
        )
        assert summary.total_members == BENCH_MEMBERS
        assert sum(row.count for row in summary.by_region) == BENCH_MEMBERS
        assert warm < 2 * TARGET_MS, f"dashboard took {warm:.0f} ms"
    finally:
        database.dispose()
