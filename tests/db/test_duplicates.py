"""Duplicate scan: exact pairs on a crafted register, blocking rules, scores, dismissed pairs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session

from db import duplicates as dup
from db.duplicates import (
    SAME_EMAIL,
    SAME_NAME_SAME_BIRTH_YEAR,
    SAME_NAME_SAME_ORGANISATION,
    SAME_NATIONAL_ID,
    SAME_PHONE,
    DuplicatePair,
    ScanCancelled,
    dismiss_pair,
    dismissed_pairs,
    normalised_name,
    pair_details,
    scan_duplicates,
    undismiss_pair,
)
from db.engine import Database, open_database
from db.members.edit import delete_member, save_member
from db.members.types import MemberInput
from db.organisations import save_organisation

ID_1 = "1101700203450"
ID_2 = "3100600123450"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "t.sqlite")
    yield db
    db.dispose()


def member(session: Session, first: str, last: str, **fields: Any) -> str:
    return save_member(session, data=MemberInput(first_name=first, last_name=last, **fields))


def org(session: Session, name: str, province: int = 40) -> str:
    return save_organisation(session, type_code="sao", name=name, province_code=province)


@pytest.fixture
def register(database: Database) -> dict[str, str]:
    """Members named so that exactly these pairs are duplicates:

    same name + same organisation: somchai_1 / somchai_spaced (typed with a space, a zero-width
    space and another prefix); same name + birth year: somchai_1 / somchai_other_org; same phone
    with similar names: wipa / wipa_typo (not wipa's husband on the same number); same e-mail:
    nok / nok_upper; same phone and e-mail, another first name: ying / ying_renamed. Not
    paired: somchai_far (another organisation and birth year), a deleted copy, six members
    sharing an office e-mail, two of different names sharing another.
    """
    with database.session() as s:
        o1, o2, o3 = org(s, "หนองบัว"), org(s, "บ้านใหม่", 50), org(s, "ท่าช้าง", 10)
        ids = {
            "somchai_1": member(
                s,
                "สมชาย",
                "ใจดี",
                prefix="นาย",
                organisation_id=o1,
                birth_date=dt.date(1980, 5, 1),
                phone="081-234-5678",
            ),
            "somchai_spaced": member(
                s,
                "สม ชาย",
                "ใจ\u200bดี",
                prefix="ว่าที่ร้อยตรี",
                organisation_id=o1,
                birth_date=dt.date(1975, 1, 2),
            ),
            "somchai_other_org": member(
                s,
                "สมชาย",
                "ใจดี",
                prefix="นาย",
                organisation_id=o2,
                birth_date=dt.date(1980, 11, 30),
            ),
            "somchai_far": member(
                s, "สมชาย", "ใจดี", organisation_id=o3, birth_date=dt.date(1990, 3, 3)
            ),
            "wipa": member(s, "วิภาวดี", "สุขใจ", phone="0899999999", organisation_id=o2),
            "wipa_typo": member(s, "วิภาวดี", "สุขใจดี", phone="089 999 9999"),
            "husband": member(s, "ประเสริฐ", "สุขใจ", phone="0899999999"),
            "nok": member(s, "นกน้อย", "บินสูง", email="Nok@Example.com"),
            "nok_upper": member(s, "นกน้อย", "บินไกล", email="nok@example.com"),
            # the office's address shared by two people of different names: no pair
            "office_a": member(s, "สมชาย", "ใจดี", email="office@example.go.th"),
            "office_b": member(s, "มานะ", "รักงาน", email="office@example.go.th"),
            # a first name changed, the same surname, phone and e-mail: still a pair
            "ying": member(s, "สมหญิง", "ใจดี", phone="0861234567", email="ying@example.com"),
            "ying_renamed": member(
                s, "ปวีณ์ธิดา", "ใจดี", phone="0861234567", email="ying@example.com"
            ),
        }
        deleted = member(s, "สมชาย", "ใจดี", organisation_id=o1, birth_date=dt.date(1980, 5, 1))
        delete_member(s, member_id=deleted)
        ids["deleted"] = deleted
        for n in range(6):  # one office address: a shared contact, not a person's
            ids[f"office_{n}"] = member(
                s, f"พนักงาน{n}", "สำนักปลัด", email="saraban@nongbua.go.th", organisation_id=o3
            )
    return ids


def by_names(
    pairs: list[DuplicatePair], ids: dict[str, str]
) -> dict[frozenset[str], DuplicatePair]:
    names = {v: k for k, v in ids.items()}
    return {frozenset((names[p.a_id], names[p.b_id])): p for p in pairs}


def test_scan_finds_exactly_the_crafted_pairs(database: Database, register: dict[str, str]) -> None:
    with database.session() as s:
        pairs = scan_duplicates(s)
    found = by_names(pairs, register)
    assert set(found) == {
        frozenset(("somchai_1", "somchai_spaced")),
        frozenset(("somchai_1", "somchai_other_org")),
        frozenset(("wipa", "wipa_typo")),
        frozenset(("nok", "nok_upper")),
        frozenset(("ying", "ying_renamed")),
    }
    assert found[frozenset(("somchai_1", "somchai_spaced"))].reasons == (
        SAME_NAME_SAME_ORGANISATION,
    )
    assert found[frozenset(("somchai_1", "somchai_other_org"))].reasons == (
        SAME_NAME_SAME_BIRTH_YEAR,
    )
    assert found[frozenset(("wipa", "wipa_typo"))].reasons == (SAME_PHONE,)
    assert found[frozenset(("nok", "nok_upper"))].reasons == (SAME_EMAIL,)


def test_pairs_name_the_older_record_first_with_names_and_organisations(
    database: Database, register: dict[str, str]
) -> None:
    with database.session() as s:
        pairs = scan_duplicates(s)
    pair = by_names(pairs, register)[frozenset(("somchai_1", "somchai_other_org"))]
    assert (pair.a_id, pair.b_id) == (register["somchai_1"], register["somchai_other_org"])
    assert (pair.a_name, pair.b_name) == ("นายสมชาย ใจดี", "นายสมชาย ใจดี")
    assert (pair.a_organisation, pair.b_organisation) == ("หนองบัว", "บ้านใหม่")
    assert pair.key == tuple(sorted((pair.a_id, pair.b_id)))


def test_scores_are_sorted_and_follow_the_evidence(
    database: Database, register: dict[str, str]
) -> None:
    with database.session() as s:
        pairs = scan_duplicates(s)
    scores = [p.score for p in pairs]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= score <= 1.0 for score in scores)
    found = by_names(pairs, register)
    same_org = found[frozenset(("somchai_1", "somchai_spaced"))]
    same_year = found[frozenset(("somchai_1", "somchai_other_org"))]
    email_only = found[frozenset(("nok", "nok_upper"))]
    # Name 1.0 x 0.55 + organisation 0.15 - other birth date 0.1; + birth year 0.05.
    assert same_org.score == pytest.approx(0.6)
    assert same_year.score == pytest.approx(0.6)
    assert email_only.score < same_org.score


def test_same_national_id_is_found_even_without_the_unique_index(database: Database) -> None:
    with database.session() as s:
        a = member(s, "อารีย์", "มีสุข", national_id=ID_1)
        b = member(s, "อารี", "มีสุข", national_id=ID_2)
    with database.session() as s:
        assert scan_duplicates(s) == []  # the index keeps live IDs apart
    with database.session() as s:
        s.connection().exec_driver_sql("DROP INDEX ux_member_national_id")
        s.connection().exec_driver_sql("UPDATE member SET national_id = ? WHERE id = ?", (ID_1, b))
    with database.session() as s:
        pairs = scan_duplicates(s)
    assert [(p.a_id, p.b_id) for p in pairs] == [(a, b)]
    assert pairs[0].reasons == (SAME_NATIONAL_ID,)
    assert pairs[0].score >= 0.95  # ID 0.45 + similar names (อารีย์/อารี)


def test_different_national_ids_lower_the_score(database: Database) -> None:
    with database.session() as s:
        o = org(s, "หนองบัว")
        a = member(s, "สมปอง", "ดีมาก", organisation_id=o)
        b = member(s, "สมปอง", "ดีมาก", organisation_id=o)
        c = member(s, "สมปอง", "ดีมาก", organisation_id=o, national_id=ID_1)
        d = member(s, "สมปอง", "ดีมาก", organisation_id=o, national_id=ID_2)
        without_ids = pair_details(s, a_id=a, b_id=b).score
        one_id = pair_details(s, a_id=a, b_id=c).score
        other_ids = pair_details(s, a_id=c, b_id=d).score
    assert without_ids == one_id == pytest.approx(0.7)
    assert other_ids == pytest.approx(0.4)


def test_dismissed_pairs_do_not_come_back(database: Database, register: dict[str, str]) -> None:
    with database.session() as s:
        dismiss_pair(s, a_id=register["wipa_typo"], b_id=register["wipa"])  # either order
    with database.session() as s:
        found = by_names(scan_duplicates(s), register)
        assert frozenset(("wipa", "wipa_typo")) not in found
        assert len(found) == 4
        stored = (
            s.connection()
            .exec_driver_sql("SELECT value FROM local_setting WHERE key = 'duplicates_dismissed'")
            .scalar_one()
        )
        assert register["wipa"] in stored
        assert dismissed_pairs(s) == {dup.pair_key(register["wipa"], register["wipa_typo"])}
    with database.session() as s:
        assert undismiss_pair(s, a_id=register["wipa"], b_id=register["wipa_typo"])
        assert not undismiss_pair(s, a_id=register["wipa"], b_id=register["wipa_typo"])
    with database.session() as s:
        assert len(scan_duplicates(s)) == 5


def test_dismiss_refuses_nonsense(database: Database, register: dict[str, str]) -> None:
    with database.session() as s:
        with pytest.raises(ValueError):
            dismiss_pair(s, a_id=register["nok"], b_id=register["nok"])
        with pytest.raises(LookupError):
            dismiss_pair(s, a_id=register["nok"], b_id="no-such-member")
        assert dismissed_pairs(s) == frozenset()


def test_a_broken_dismissed_setting_is_read_as_empty(
    database: Database, register: dict[str, str]
) -> None:
    with database.session() as s:
        s.connection().exec_driver_sql(
            "INSERT INTO local_setting (key, value) VALUES ('duplicates_dismissed', 'not json')"
        )
    with database.session() as s:
        assert dismissed_pairs(s) == frozenset()
        assert len(scan_duplicates(s)) == 5
        dismiss_pair(s, a_id=register["nok"], b_id=register["nok_upper"])
        assert len(scan_duplicates(s)) == 4


def test_limit_progress_and_cancel(database: Database, register: dict[str, str]) -> None:
    reports: list[tuple[int, int]] = []
    with database.session() as s:
        everything = scan_duplicates(s)
        top = scan_duplicates(
            s, limit=2, progress=lambda done, total: reports.append((done, total))
        )
        assert top == everything[:2]
        with pytest.raises(ValueError):
            scan_duplicates(s, limit=-1)
        with pytest.raises(ScanCancelled):
            scan_duplicates(s, cancelled=lambda: True)
    live = len(register) - 1
    assert reports[0] == (0, live)
    assert reports[-1] == (live, live)


def test_scan_is_read_only(database: Database, register: dict[str, str]) -> None:
    with database.session() as s:
        before = s.connection().exec_driver_sql("SELECT total_changes()").scalar_one()
        scan_duplicates(s)
        after = s.connection().exec_driver_sql("SELECT total_changes()").scalar_one()
    assert after == before


def test_normalised_name() -> None:
    assert normalised_name("สม ชาย", "ใจ\u200bดี") == "สมชายใจดี"
    assert normalised_name("สมศรี๒", "") == normalised_name("สมศรี2", "")
    assert normalised_name("กํา", "ไร") == "กำไร"  # NIKHAHIT + SARA AA is SARA AM
    assert normalised_name("กุ่ม", "") == normalised_name("ก\u0e48\u0e38ม", "")  # NFC order
    assert normalised_name("Somchai", "JAIDEE") == "somchaijaidee"
    assert normalised_name("", "") == ""


def test_large_name_blocks_are_skipped(database: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(dup._LARGEST_BLOCK, dup._BIT[SAME_NAME_SAME_ORGANISATION], 2)
    with database.session() as s:
        o = org(s, "หนองบัว")
        for _ in range(3):
            member(s, "สมปอง", "ดีมาก", organisation_id=o)
        a = member(s, "มานี", "มีนา", organisation_id=o)
        b = member(s, "มานี", "มีนา", organisation_id=o)
        pairs = scan_duplicates(s)
    assert [(p.a_id, p.b_id) for p in pairs] == [(a, b)]
