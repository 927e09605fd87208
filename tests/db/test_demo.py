"""Demo data: realistic, deterministic, consistent with the reference lists, all or nothing."""

from __future__ import annotations

import datetime as dt
import importlib
import random
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from db.check import check_database
from db.demo import DemoCancelled, DemoError, DemoSummary, populate
from db.demo.duplicates import last_name_typo
from db.demo.organisations import member_counts, organisation_counts, plan_organisations
from db.demo.pipeline import Pipeline
from db.demo.reference import load_demo_reference
from db.duplicates import SAME_NAME_SAME_ORGANISATION, SAME_PHONE, name_similarity, scan_duplicates
from db.engine import Database, open_database
from db.identity import local_identity, new_stamp
from db.members.profile import get_member
from db.members.query import search_member_keys
from db.members.types import MemberFilter
from db.members.validation import validate_member
from db.sync.clock import Hlc
from db.thai.collation import thai_sort_key
from db.thai.national_id import is_valid_national_id

POPULATE_MODULE = importlib.import_module("db.demo.populate")  # the name is also the function's
TODAY = dt.date(2026, 11, 24)  # fiscal year 2570
SMALL = 2_000
LARGE = 20_000
BANGKOK = 10
CHON_BURI = 20


def _open(path: Path) -> Database:
    return open_database(path)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = _open(tmp_path / "t.sqlite")
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    db = _open(tmp_path_factory.mktemp("small") / "t.sqlite")
    summary = populate(db, members=SMALL, seed=7, today=TODAY)
    yield db, summary
    db.dispose()


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = _open(tmp_path_factory.mktemp("large") / "t.sqlite")
    populate(db, members=LARGE, seed=3, today=TODAY)
    yield db
    db.dispose()


def rows(database: Database, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
    connection = database.raw_connection()
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def scalar(database: Database, sql: str, params: tuple[object, ...] = ()) -> object:
    return rows(database, sql, params)[0][0]


def first_names(database: Database, count: int = 10) -> list[tuple[str, str, str]]:
    return [
        (r[0], r[1], r[2])
        for r in rows(database, f"SELECT prefix, first_name, last_name FROM member ORDER BY rowid"
                                f" LIMIT {count}")
    ]


# --- what is written -----------------------------------------------------------------------------


def test_writes_exactly_the_members_asked_for_and_says_what_it_wrote(
    small: tuple[Database, DemoSummary],
) -> None:
    db, summary = small
    assert scalar(db, "SELECT count(*) FROM member WHERE deleted_at IS NULL") == SMALL
    assert summary.members == SMALL
    for table, count in summary.rows_by_table.items():
        assert scalar(db, f"SELECT count(*) FROM {table}") == count, table
    assert summary.organisations == sum(organisation_counts(SMALL).values())
    assert summary.strengths > 0 and summary.dues_payments > 0
    assert summary.seconds >= summary.generate_seconds + summary.insert_seconds


def test_same_seed_gives_the_same_people_and_another_seed_others(
    small: tuple[Database, DemoSummary], tmp_path: Path
) -> None:
    db, _ = small
    again = _open(tmp_path / "again.sqlite")
    other = _open(tmp_path / "other.sqlite")
    try:
        populate(again, members=SMALL, seed=7, today=TODAY)
        populate(other, members=SMALL, seed=8, today=TODAY)
        assert first_names(again) == first_names(db)
        assert first_names(other) != first_names(db)
        same = "SELECT national_id, phone, position, birth_date FROM member ORDER BY rowid LIMIT 50"
        assert rows(again, same) == rows(db, same)
        orgs = "SELECT name, province_code, district_code FROM organisation ORDER BY rowid"
        assert rows(again, orgs) == rows(db, orgs)
    finally:
        again.dispose()
        other.dispose()


def test_national_ids_are_valid_and_unique_and_phones_are_thai_mobiles(
    small: tuple[Database, DemoSummary],
) -> None:
    db, summary = small
    # Planted second records (db.demo.duplicates) carry no ID and may share the first's phone.
    ids = [r[0] for r in rows(db, "SELECT national_id FROM member WHERE national_id IS NOT NULL")]
    assert all(is_valid_national_id(n) for n in ids)
    assert len(set(ids)) == len(ids) == SMALL - summary.duplicates
    for (national_id, birth_date) in rows(
        db, "SELECT national_id, birth_date FROM member WHERE national_id IS NOT NULL"
    ):
        # born 1984 or later: category 1; earlier: 3 (registered at the first census)
        assert national_id[0] == ("1" if birth_date >= "1984" else "3")
    phones = [r[0] for r in rows(db, "SELECT phone FROM member WHERE national_id IS NOT NULL")]
    assert all(re.fullmatch(r"0[689]\d{8}", p) for p in phones)
    assert len(set(phones)) == len(phones)
    office = [r[0] for r in rows(db, "SELECT phone_office FROM member WHERE phone_office != ''")]
    assert office and all(re.fullmatch(r"0[2-7]\d{7}", p) for p in office)


def test_prefix_agrees_with_gender_and_dates_are_plausible(
    small: tuple[Database, DemoSummary],
) -> None:
    db, _ = small
    by_prefix = Counter(
        (prefix, gender) for prefix, gender in rows(db, "SELECT prefix, gender FROM member")
    )
    for (prefix, gender), _count in by_prefix.items():
        if prefix in ("นาย", "ว่าที่ร้อยตรี", "จ่าสิบเอก", "ว่าที่ร้อยโท"):
            assert gender == "male", prefix
        if prefix in ("นาง", "นางสาว", "ว่าที่ร้อยตรีหญิง"):
            assert gender == "female", prefix
    prefixes = {prefix for prefix, _ in by_prefix}
    assert {"นาย", "นาง", "นางสาว", "ดร."} <= prefixes
    low, high = rows(db, "SELECT min(birth_date), max(birth_date) FROM member")[0]
    assert low >= "1965-01-01" and high <= "2000-12-31"
    assert scalar(
        db, "SELECT count(*) FROM member WHERE joined_on > ? OR joined_on < birth_date",
        (TODAY.isoformat(),),
    ) == 0
    consent = scalar(db, "SELECT avg(consent_date IS NOT NULL) FROM member")
    assert 0.6 < float(consent) < 0.8  # type: ignore[arg-type]
    assert scalar(
        db, "SELECT count(*) FROM member WHERE (consent_date IS NULL) != (consent_purpose = '')"
    ) == 0
    statuses = dict(rows(db, "SELECT status, count(*) FROM member GROUP BY status"))
    assert statuses["active"] > 0.8 * SMALL


def test_every_member_passes_the_registers_own_validation(
    small: tuple[Database, DemoSummary],
) -> None:
    db, _ = small
    ids = [r[0] for r in rows(db, "SELECT id FROM member ORDER BY rowid")]
    with db.session() as session:
        for member_id in ids[::40]:
            profile = get_member(session, member_id=member_id)
            assert validate_member(session, data=profile.data) == (), profile.data


def test_posts_use_the_reference_lists_consistently(small: tuple[Database, DemoSummary]) -> None:
    db, _ = small
    codes = {
        kind: dict(rows(db, "SELECT code, parent_code FROM ref_item WHERE kind = ?", (kind,)))
        for kind in ("personnel_type", "position_type", "position_level", "gender",
                     "member_status", "group_role", "org_type")
    }
    for personnel, position_type, level in rows(
        db, "SELECT DISTINCT personnel_type, position_type, position_level FROM member"
    ):
        assert personnel in codes["personnel_type"]
        if position_type:
            assert personnel == "local_official"
            assert codes["position_level"][level] == position_type
        else:
            assert level == ""
    # Each organisation has its clerk and its chief executive, titled for its type.
    titles = dict(rows(
        db, "SELECT o.type_code || ':' || m.position, count(*) FROM member m"
            " JOIN organisation o ON o.id = m.organisation_id GROUP BY 1"
    ))
    assert titles["sao:ปลัดองค์การบริหารส่วนตำบล"] == titles["sao:นายกองค์การบริหารส่วนตำบล"]
    assert "subdistrict_municipality:นายกเทศมนตรี" in titles
    assert "pao:ปลัดองค์การบริหารส่วนจังหวัด" in titles
    assert not any(key.startswith("sao:") and "เทศ" in key for key in titles)
    shipped_strengths = {
        r[0] for r in rows(db, "SELECT name_th FROM ref_item WHERE kind = 'strength'")
    }
    tags = rows(db, "SELECT member_id, tag FROM member_strength")
    assert {tag for _, tag in tags} <= shipped_strengths
    per_member = Counter(member for member, _ in tags)
    assert max(per_member.values()) <= 3
    assert len(per_member) < SMALL  # some list no strength at all
    assert scalar(db, "SELECT count(*) FROM (SELECT member_id, tag FROM member_strength"
                      " GROUP BY 1, 2 HAVING count(*) > 1)") == 0


def test_sort_keys_and_sync_fields_are_filled(small: tuple[Database, DemoSummary]) -> None:
    db, _ = small
    for first, last, position, name_key, position_key in rows(
        db, "SELECT first_name, last_name, position, name_key, position_key FROM member LIMIT 200"
    ):
        assert name_key == thai_sort_key(f"{first} {last}")
        assert position_key == thai_sort_key(position)
    for name, key in rows(db, "SELECT name, name_key FROM organisation LIMIT 200"):
        assert key == thai_sort_key(name)
    with db.session() as session:
        office = local_identity(session).office_id
        later = Hlc.parse(new_stamp(session).hlc)
    for table in ("organisation", "network_group", "member", "member_strength",
                  "group_membership", "dues_payment"):
        owners, stamps, ids = zip(*rows(db, f"SELECT owner_office_id, hlc, id FROM {table}"),
                                  strict=True)
        assert set(owners) == {office}, table
        assert len(set(stamps)) == len(stamps), table
        assert all(Hlc.parse(s) < later for s in stamps), table  # the clock moved past them
        assert all(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-"
                                r"[0-9a-f]{12}", i) for i in ids), table


def test_groups_association_clubs_committees_and_dues(small: tuple[Database, DemoSummary]) -> None:
    db, _ = small
    groups = rows(db, "SELECT id, name, kind, parent_id FROM network_group")
    (association,) = [g for g in groups if g[2] == "association"]
    assert association[1].startswith("สมาคม") and association[3] is None
    clubs = [g for g in groups if g[2] == "club"]
    committees = [g for g in groups if g[2] == "committee"]
    assert clubs and committees
    assert all(g[3] == association[0] for g in clubs + committees)
    assert all(g[1].startswith("ชมรม") for g in clubs)
    assert all(g[1].startswith("คณะกรรมการ") for g in committees)
    in_association = scalar(
        db, "SELECT count(DISTINCT member_id) FROM group_membership WHERE group_id = ?",
        (association[0],),
    )
    assert in_association == SMALL
    # A club holds exactly its province's members.
    wrong_province = scalar(db, """
        SELECT count(*) FROM group_membership gm
        JOIN network_group g ON g.id = gm.group_id AND g.kind = 'club'
        JOIN member m ON m.id = gm.member_id
        JOIN organisation o ON o.id = m.organisation_id
        JOIN province p ON p.code = o.province_code
        WHERE g.name NOT LIKE '%' || p.name_th""")
    assert wrong_province == 0
    assert scalar(db, "SELECT count(*) FROM group_membership gm JOIN network_group g"
                      " ON g.id = gm.group_id WHERE g.kind = 'club'") == SMALL
    board_roles = Counter(r[0] for r in rows(
        db, "SELECT gm.role FROM group_membership gm JOIN network_group g ON g.id = gm.group_id"
            " WHERE g.name = 'คณะกรรมการบริหารสมาคม'"
    ))
    assert board_roles["chair"] == 1 and board_roles["secretary"] == 1
    assert board_roles["treasurer"] == 1 and board_roles["committee_member"] >= 5
    officers_status = {r[0] for r in rows(
        db, "SELECT m.status FROM group_membership gm JOIN member m ON m.id = gm.member_id"
            " WHERE gm.role != 'member'"
    )}
    assert officers_status == {"active"}

    dues = rows(db, "SELECT fiscal_year, amount_satang, paid_on, receipt_no, group_id FROM"
                    " dues_payment")
    assert {d[0] for d in dues} == {2568, 2569, 2570}
    assert all(20_000 <= d[1] <= 50_000 for d in dues)
    assert all(re.fullmatch(rf"{d[0]}/\d{{6}}", d[3]) for d in dues)
    assert len({d[3] for d in dues}) == len(dues)
    assert {d[4] for d in dues} == {association[0]}
    for year, start, end in (
        (2568, "2024-10-01", "2025-09-30"), (2570, "2026-10-01", "2026-11-24")
    ):
        paid = [d[2] for d in dues if d[0] == year]
        assert start <= min(paid) and max(paid) <= end
    assert scalar(db, "SELECT count(*) FROM dues_payment d JOIN member m ON m.id = d.member_id"
                      " WHERE d.paid_on < m.joined_on") == 0


def test_search_index_finds_a_member_by_three_letters_of_the_first_name(
    small: tuple[Database, DemoSummary],
) -> None:
    db, _ = small
    key, first, last = rows(
        db, "SELECT rowid, first_name, last_name FROM member WHERE length(first_name) >= 5"
            " ORDER BY rowid LIMIT 1 OFFSET 77"
    )[0]
    needle = first[1:4]
    assert len(needle) == 3
    found = {r[0] for r in rows(db, "SELECT rowid FROM member_fts WHERE member_fts MATCH ?",
                                (f'"{needle}"',))}
    assert key in found
    with db.session() as session:
        keys = search_member_keys(session, filters=MemberFilter(text=f"{needle} {last}"))
    assert key in set(keys)
    assert scalar(db, "SELECT count(*) FROM member_fts") == SMALL


def test_a_fresh_demo_passes_the_integrity_check(small: tuple[Database, DemoSummary]) -> None:
    db, _ = small
    report = check_database(db)
    assert report.ok and not report.problems, report.problems


# --- national scale shape ------------------------------------------------------------------------


def test_every_province_has_its_provincial_organisation_at_larger_scale(large: Database) -> None:
    provinces = {r[0] for r in rows(large, "SELECT code FROM province")}
    pao = Counter(r[0] for r in rows(
        large, "SELECT province_code FROM organisation WHERE type_code = 'pao'"
    ))
    assert set(pao) == provinces - {BANGKOK}
    assert set(pao.values()) == {1}
    by_type = dict(rows(large, "SELECT type_code, count(*) FROM organisation GROUP BY 1"))
    assert by_type["bangkok"] == by_type["pattaya"] == 1
    assert by_type["sao"] > by_type["subdistrict_municipality"] > by_type["town_municipality"]
    assert by_type["town_municipality"] > by_type["city_municipality"] >= 1
    assert 0.65 < by_type["sao"] / sum(v for k, v in by_type.items() if k != "pao") < 0.72
    (bangkok_type,) = {r[0] for r in rows(
        large, "SELECT type_code FROM organisation WHERE province_code = ?", (BANGKOK,)
    )}
    assert bangkok_type == "bangkok"
    assert rows(large, "SELECT name, province_code FROM organisation WHERE type_code = 'pattaya'"
                ) == [("เมืองพัทยา", CHON_BURI)]
    # Names use real places of the organisation's own province and district.
    misplaced = scalar(large, """
        SELECT count(*) FROM organisation o JOIN district d ON d.code = o.district_code
        WHERE d.province_code != o.province_code""")
    assert misplaced == 0
    not_a_sub_district = scalar(large, """
        SELECT count(*) FROM organisation o WHERE o.type_code IN ('sao', 'subdistrict_municipality')
        AND NOT EXISTS (SELECT 1 FROM sub_district s WHERE s.district_code = o.district_code
                        AND o.name LIKE '%' || s.name_th)""")
    assert not_a_sub_district == 0
    duplicates = scalar(large, "SELECT count(*) FROM (SELECT name, province_code FROM organisation"
                               " GROUP BY 1, 2 HAVING count(*) > 1)")
    assert duplicates == 0


def test_big_employers_have_more_members_and_every_region_has_members(large: Database) -> None:
    average = dict(rows(large, """
        SELECT o.type_code, count(m.id) * 1.0 / count(DISTINCT o.id) FROM organisation o
        LEFT JOIN member m ON m.organisation_id = o.id GROUP BY 1"""))
    assert average["city_municipality"] > 3 * average["subdistrict_municipality"]
    assert average["town_municipality"] > 2 * average["sao"]
    regions = dict(rows(large, """
        SELECT p.region_id, count(*) FROM member m JOIN organisation o ON o.id = m.organisation_id
        JOIN province p ON p.code = o.province_code GROUP BY 1"""))
    assert len(regions) == 6
    assert max(regions.values()) < 0.5 * LARGE  # the Northeast is biggest, but not alone
    personnel = dict(rows(large, "SELECT personnel_type, count(*) FROM member GROUP BY 1"))
    assert personnel["local_official"] > LARGE / 2
    assert all(personnel[t] > 0 for t in ("local_teacher", "permanent_employee",
                                          "contract_employee", "local_executive",
                                          "council_member"))


def test_at_national_scale_provincial_and_city_employers_are_the_big_ones(large: Database) -> None:
    connection = large.raw_connection()
    try:
        reference = load_demo_reference(connection)
    finally:
        connection.close()
    rng = random.Random(1)
    planned = plan_organisations(rng, reference, 393_000)
    counts = member_counts(rng, planned, 393_000)
    assert len(planned) == 7_850 and sum(counts) == 393_000
    by_type: dict[str, list[int]] = {}
    for organisation, count in zip(planned, counts, strict=True):
        by_type.setdefault(organisation.type_code, []).append(count)
    average = {t: sum(c) / len(c) for t, c in by_type.items()}
    assert average["pao"] > 4 * average["sao"]
    assert average["city_municipality"] > 3 * average["town_municipality"]
    assert average["bangkok"] > average["city_municipality"]
    assert 20 < average["sao"] < 60  # a few dozen people in a typical อบต.


def test_organisation_counts_follow_the_national_figures() -> None:
    full = organisation_counts(393_000)
    assert full == {"pao": 76, "city_municipality": 30, "town_municipality": 195,
                    "subdistrict_municipality": 2247, "sao": 5300, "bangkok": 1, "pattaya": 1}
    assert sum(full.values()) == 7850
    assert organisation_counts(100_000) == full
    tiny = organisation_counts(10)
    assert set(tiny.values()) == {1}


# --- all or nothing ------------------------------------------------------------------------------


def _table_counts(database: Database) -> dict[str, int]:
    tables = ("organisation", "network_group", "member", "member_strength", "group_membership",
              "dues_payment", "member_fts")
    return {t: len(rows(database, f"SELECT 1 FROM {t}")) for t in tables}


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> int:
    """Batches of 500 members, so that progress and cancelling are seen in a small demo."""
    monkeypatch.setattr(POPULATE_MODULE, "BATCH_SIZE", 500)
    return 500


def test_cancelling_from_the_progress_callback_leaves_nothing(
    database: Database, small_batches: int
) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 1_000  # cancel after the second batch

    with pytest.raises(DemoCancelled):
        populate(database, members=1_501, seed=1, progress=progress)
    assert calls == [(0, 1_501), (500, 1_501), (1_000, 1_501)]
    assert set(_table_counts(database).values()) == {0}
    # FTS5's settings are back too (the bulk load raises its pending-data limit).
    assert rows(database, "SELECT * FROM member_fts_config WHERE k = 'hashsize'") == []
    assert check_database(database).ok


def test_progress_reaches_the_total_once_at_the_end(
    database: Database, small_batches: int
) -> None:
    calls: list[tuple[int, int]] = []
    populate(database, members=1_200, seed=1,
             progress=lambda done, total: calls.append((done, total)) is None)
    assert calls == [(0, 1_200), (500, 1_200), (1_000, 1_200), (1_200, 1_200)]


def test_an_error_midway_rolls_everything_back(database: Database, small_batches: int) -> None:
    def progress(done: int, total: int) -> bool:
        if done:
            raise RuntimeError("disk full")
        return True

    with pytest.raises(RuntimeError, match="disk full"):
        populate(database, members=1_200, seed=1, progress=progress)
    assert set(_table_counts(database).values()) == {0}


def test_adding_to_existing_data_keeps_it_and_never_repeats_an_id(database: Database) -> None:
    populate(database, members=1_500, seed=1, today=TODAY)
    before = rows(database, "SELECT id, national_id FROM member")
    populate(database, members=1_500, seed=1, today=TODAY)  # same seed: same people drawn
    after = rows(database, "SELECT id, national_id FROM member")
    assert set(before) <= set(after) and len(after) == 3_000
    ids = [n for _, n in after if n is not None]  # planted second records have none
    assert len(set(ids)) == len(ids) > 2_950
    numbers = [r[0] for r in rows(database, "SELECT membership_no FROM member")]
    assert len(set(numbers)) == 3_000
    receipts = [r[0] for r in rows(database, "SELECT receipt_no FROM dues_payment")]
    assert len(set(receipts)) == len(receipts)


def test_refuses_impossible_requests_and_missing_reference_data(database: Database) -> None:
    for members in (0, -5, 10_000_000):
        with pytest.raises(DemoError) as error:
            populate(database, members=members)
        assert error.value.code == "bad_argument"
    connection = database.raw_connection()
    try:
        connection.execute("DELETE FROM ref_item WHERE kind = 'personnel_type'"
                           " AND code = 'local_teacher'")
        connection.commit()
    finally:
        connection.close()
    with pytest.raises(DemoError) as error:
        populate(database, members=10)
    assert error.value.code == "missing_reference"
    assert "personnel_type/local_teacher" in str(error.value)
    assert scalar(database, "SELECT count(*) FROM member") == 0


def test_an_uninitialised_file_is_refused(tmp_path: Path) -> None:
    bare = open_database(tmp_path / "bare.sqlite", migrate=False)
    try:
        with pytest.raises(DemoError) as error:
            populate(bare, members=10)
        assert error.value.code == "not_initialised"
    finally:
        bare.dispose()


def test_the_schema_is_exactly_as_before(database: Database, small_batches: int) -> None:
    """The bulk load drops the member indexes and the FTS settings meanwhile: all come back."""
    schema = (
        "SELECT type, name, tbl_name, sql FROM sqlite_master"
        " WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name"  # ANALYZE adds its tables
    )
    config = "SELECT k, v FROM member_fts_config WHERE k = 'hashsize'"
    before = rows(database, schema)
    assert rows(database, config) == []  # FTS5's default, 1 MiB
    populate(database, members=1_200, seed=4)
    assert rows(database, schema) == before
    assert rows(database, config) == [("hashsize", 1024 * 1024)]  # the default, said explicitly
    populate(database, members=300, seed=5)  # fewer than there are: indexes kept meanwhile
    assert rows(database, schema) == before
    assert rows(database, config) == [("hashsize", 1024 * 1024)]
    assert check_database(database).ok


def test_batches_made_in_a_thread_give_the_same_data_as_made_inline(
    tmp_path: Path, small_batches: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = ("SELECT first_name, last_name, national_id, phone, position, status, joined_on"
               " FROM member ORDER BY rowid")
    dues = "SELECT fiscal_year, amount_satang, paid_on, receipt_no FROM dues_payment ORDER BY rowid"
    results = []
    for ahead in (0, 3):
        monkeypatch.setattr(POPULATE_MODULE, "BATCHES_AHEAD", ahead)
        db = _open(tmp_path / f"ahead{ahead}.sqlite")
        try:
            populate(db, members=2_600, seed=11, today=TODAY)
            results.append((rows(db, content), rows(db, dues)))
        finally:
            db.dispose()
    assert results[0] == results[1]
    assert len(results[0][0]) == 2_600


# --- the generator thread ------------------------------------------------------------------------


def test_pipeline_hands_over_items_in_order_and_raises_the_producers_error() -> None:
    def produce(checkpoint: Callable[[], None]) -> Iterator[int]:
        for i in range(50):
            checkpoint()
            yield i
        raise ValueError("bad row")

    for ahead in (0, 2):
        seen: list[int] = []
        with Pipeline(produce, ahead=ahead) as pipeline, pytest.raises(ValueError, match="bad row"):
            for item in pipeline:
                seen.append(item)
        assert seen == list(range(50))


def test_pipeline_pauses_the_producer_and_stops_it_on_close() -> None:
    made: list[int] = []

    def produce(checkpoint: Callable[[], None]) -> Iterator[int]:
        i = 0
        while True:  # endless: only close() ends it
            checkpoint()
            made.append(i)
            yield i
            i += 1

    pipeline = Pipeline(produce, ahead=2)
    items = iter(pipeline)
    assert next(items) == 0
    with pipeline.paused():
        time.sleep(0.05)
        before = len(made)
        time.sleep(0.1)
        assert len(made) <= before + 1  # at most the item it was making when paused
    pipeline.close()
    stopped_at = len(made)
    time.sleep(0.05)
    assert len(made) == stopped_at
    assert not any(t.name == "demo-rows" for t in threading.enumerate())


# --- planted duplicates --------------------------------------------------------------------------


def test_planted_duplicates_are_found_by_the_scan(large: Database) -> None:
    copies = {r[0] for r in rows(large, "SELECT id FROM member WHERE national_id IS NULL")}
    assert 0.003 * LARGE <= len(copies) <= 0.007 * LARGE  # about 0.5 %
    with large.session() as session:
        pairs = scan_duplicates(session)
    paired = {p.a_id: p for p in pairs} | {p.b_id: p for p in pairs}
    assert copies <= set(paired)  # every second record shows up in the review
    kinds = Counter()
    for copy_id in copies:
        pair = paired[copy_id]
        assert pair.score >= 0.5, pair
        if pair.a_organisation != pair.b_organisation:
            kinds["moved"] += 1
        elif pair.reasons == (SAME_PHONE,):
            kinds["typo"] += 1  # the names differ (else the name reasons would hold too)
        elif pair.a_name != pair.b_name:
            kinds["prefix or spacing"] += 1
        else:
            kinds["retyped"] += 1
    assert set(kinds) == {"moved", "typo", "prefix or spacing", "retyped"}, kinds
    assert SAME_NAME_SAME_ORGANISATION in {r for p in pairs for r in p.reasons}
    with large.session() as session:  # a second record is still a valid member record
        for copy_id in sorted(copies)[:40]:
            profile = get_member(session, member_id=copy_id)
            assert validate_member(session, data=profile.data) == (), profile.data


def test_planted_duplicates_are_seed_stable(
    small: tuple[Database, DemoSummary], tmp_path: Path
) -> None:
    db, summary = small
    sql = "SELECT prefix, first_name, last_name, organisation_id IS NOT NULL, phone, birth_date" \
          " FROM member WHERE national_id IS NULL ORDER BY rowid"
    again = _open(tmp_path / "again.sqlite")
    try:
        again_summary = populate(again, members=SMALL, seed=7, today=TODAY)
        assert rows(again, sql) == rows(db, sql)
        assert again_summary.duplicates == summary.duplicates == len(rows(db, sql)) > 0
    finally:
        again.dispose()


def test_a_last_name_typo_is_one_plausible_slip() -> None:
    rng = random.Random(5)
    for name in ("ศรีสุข", "เลขะพันธุ์", "ใจดี", "ทองคำ", "ณ ระนอง", "ก่อ"):
        for _ in range(20):
            typo = last_name_typo(rng, name)
            assert typo != name
            assert abs(len(typo) - len(name)) <= 1
            assert name_similarity(("สมชาย", name), ("สมชาย", typo)) >= 0.8


def test_no_duplicates_when_asked_and_a_silly_share_refused(database: Database) -> None:
    summary = populate(database, members=1_200, seed=7, today=TODAY, duplicate_share=0)
    assert summary.duplicates == 0
    assert scalar(database, "SELECT count(*) FROM member WHERE national_id IS NULL") == 0
    with pytest.raises(DemoError) as refused:
        populate(database, members=10, seed=7, duplicate_share=0.5)
    assert refused.value.code == "bad_argument"
