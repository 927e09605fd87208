"""Merging members: everything of both kept, logged, undone exactly; refusals; future tables."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, ForeignKey, String, Table, UniqueConstraint
from sqlmodel import Session, SQLModel

from db.dues import record_dues_payment
from db.engine import Database, open_database
from db.groups import add_group_member, end_group_membership, save_group
from db.members.edit import save_member
from db.members.profile import get_member
from db.members.query import search_member_keys
from db.members.types import MemberFilter, MemberInput, MemberValidationError
from db.merge import (
    LOG_TABLES,
    MERGE_FIELDS,
    MemberReference,
    MergeError,
    last_merge,
    list_merges,
    member_references,
    merge_members,
    merge_preview,
    undo_merge,
)
from db.organisations import save_organisation

ID_1 = "1101700203450"
ID_2 = "3100600123450"
TABLES = ("member", "group_membership", "member_strength", "dues_payment", "import_run_item")
STAMP_COLUMNS = ("updated_at", "hlc")


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "t.sqlite")
    yield db
    db.dispose()


@dataclasses.dataclass(frozen=True)
class Pair:
    survivor: str
    merged: str
    association: str
    club: str
    network: str
    other_org: str


def member(session: Session, first: str, last: str, **fields: Any) -> str:
    return save_member(session, data=MemberInput(first_name=first, last_name=last, **fields))


@pytest.fixture
def pair(database: Database) -> Pair:
    """Two records of สมชาย: both in the association (open), the merged one also in a club and
    in a network the survivor has left; dues on both; overlapping strengths; an import item."""
    with database.session() as s:
        o1 = save_organisation(s, type_code="sao", name="หนองบัว", province_code=40)
        o2 = save_organisation(s, type_code="sao", name="บ้านใหม่", province_code=50)
        survivor = member(
            s, "สมชาย", "ใจดี", prefix="นาย", organisation_id=o1, phone="0812345678",
            birth_date=dt.date(1980, 5, 1), strengths=("การเงิน", "กฎหมายท้องถิ่น"),
            notes="บันทึกเดิม",
        )  # fmt: skip
        merged = member(
            s, "สมชาย", "ใจดีมาก", organisation_id=o2, national_id=ID_1,
            email="somchai@example.com", strengths=("กฎหมายท้องถิ่น", "ดนตรี"),
            address="99 หมู่ 1 ตำบลหนองบัว อำเภอเมือง",
        )  # fmt: skip
        association = save_group(s, name="สมาคมปลัด", kind="association")
        club = save_group(s, name="ชมรมดนตรี", kind="club", parent_id=association)
        network = save_group(s, name="เครือข่ายภาคอีสาน", kind="network")
        add_group_member(
            s, group_id=association, member_id=survivor, role="member",
            started_on=dt.date(2020, 1, 1),
        )  # fmt: skip
        add_group_member(
            s, group_id=association, member_id=merged, role="secretary",
            started_on=dt.date(2018, 6, 1),
        )  # fmt: skip
        add_group_member(s, group_id=club, member_id=merged, role="chair")
        left = add_group_member(
            s, group_id=network, member_id=survivor, started_on=dt.date(2015, 1, 1)
        )
        end_group_membership(s, membership_id=left, ended_on=dt.date(2019, 1, 1))
        add_group_member(s, group_id=network, member_id=merged, started_on=dt.date(2021, 1, 1))
        record_dues_payment(
            s, member_id=survivor, fiscal_year=2567, amount_satang=50_000,
            paid_on=dt.date(2024, 1, 5), receipt_no="A-1",
        )  # fmt: skip
        for year in (2565, 2566):
            record_dues_payment(
                s, member_id=merged, fiscal_year=year, amount_satang=30_000,
                paid_on=dt.date(year - 543, 2, 1), receipt_no=f"B-{year}",
            )  # fmt: skip
        connection = s.connection()
        connection.exec_driver_sql(
            "INSERT INTO import_run (id, owner_office_id, created_at, updated_at, hlc, file_name,"
            " sheet, on_duplicate, imported, updated, skipped, rejected, report_json)"
            " VALUES ('run-1', 'office', '2026-01-01', '2026-01-01', 'h', 'members.xlsx', '',"
            " 'skip', 1, 0, 0, 0, '')"
        )
        connection.exec_driver_sql(
            "INSERT INTO import_run_item (run_id, member_id, action, old_values_json, row_number)"
            " VALUES ('run-1', ?, 'created', '', 7)",
            (merged,),
        )
    return Pair(survivor, merged, association, club, network, o2)


def rows(session: Session, table: str, ids: tuple[str, ...]) -> list[dict[str, Any]]:
    column = "id" if table == "member" else "member_id"
    marks = ", ".join("?" * len(ids))
    result = session.connection().exec_driver_sql(
        f"SELECT * FROM {table} WHERE {column} IN ({marks}) ORDER BY rowid", ids
    )
    return [dict(r._mapping) for r in result]


def snapshot(session: Session, ids: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    return {table: rows(session, table, ids) for table in TABLES}


def without_stamps(snap: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    return {
        table: [{k: v for k, v in row.items() if k not in STAMP_COLUMNS} for row in table_rows]
        for table, table_rows in snap.items()
    }


def merge(database: Database, pair: Pair, **choices: str) -> str:
    with database.session() as s:
        return merge_members(
            s, survivor_id=pair.survivor, merged_id=pair.merged, field_choices=choices
        )


def test_merge_keeps_everything_of_both(database: Database, pair: Pair) -> None:
    merge(database, pair, national_id="merged", email="merged", address="merged")
    with database.session() as s:
        profile = get_member(s, member_id=pair.survivor)
        with pytest.raises(LookupError):
            get_member(s, member_id=pair.merged)
        memberships = rows(s, "group_membership", (pair.survivor,))
        merged_rows = rows(s, "group_membership", (pair.merged,))
        import_items = rows(s, "import_run_item", (pair.merged,))
    data = profile.data
    # Chosen values from the merged record, the survivor's own elsewhere.
    assert (data.national_id, data.email) == (ID_1, "somchai@example.com")
    assert data.address == "99 หมู่ 1 ตำบลหนองบัว อำเภอเมือง"
    assert (data.last_name, data.phone, data.notes) == ("ใจดี", "0812345678", "บันทึกเดิม")
    assert data.birth_date == dt.date(1980, 5, 1)
    # Strengths: the union, each tag once.
    assert sorted(data.strengths) == sorted(("การเงิน", "กฎหมายท้องถิ่น", "ดนตรี"))
    # Dues of both.
    assert sorted(d.receipt_no for d in profile.dues) == ["A-1", "B-2565", "B-2566"]
    # Groups: one open association membership (earlier start, higher role), the club, and
    # the network twice (the survivor's past one and the merged member's current one).
    live = [m for m in memberships if m["deleted_at"] is None]
    by_group: dict[str, list[dict[str, Any]]] = {}
    for m in live:
        by_group.setdefault(m["group_id"], []).append(m)
    assert len(by_group[pair.association]) == 1
    kept = by_group[pair.association][0]
    assert (kept["role"], kept["started_on"], kept["ended_on"]) == ("secretary", "2018-06-01", None)
    assert [m["role"] for m in by_group[pair.club]] == ["chair"]
    assert sorted((m["started_on"], m["ended_on"]) for m in by_group[pair.network]) == [
        ("2015-01-01", "2019-01-01"),
        ("2021-01-01", None),
    ]
    # The merged member's folded association membership is closed, not lost.
    assert [(m["group_id"], m["role"]) for m in merged_rows] == [(pair.association, "secretary")]
    assert merged_rows[0]["deleted_at"] is not None
    # The import log still names the member row it created.
    assert [item["row_number"] for item in import_items] == [7]
    assert {g.group_id for g in profile.groups} == {pair.association, pair.club, pair.network}


def test_higher_role_and_earlier_start_of_the_survivor_are_kept(database: Database) -> None:
    with database.session() as s:
        a = member(s, "มานี", "มีนา")
        b = member(s, "มานี", "มีนา")
        group = save_group(s, name="คณะกรรมการ", kind="committee")
        add_group_member(s, group_id=group, member_id=a, role="chair")
        add_group_member(
            s, group_id=group, member_id=b, role="treasurer", started_on=dt.date(2022, 3, 1)
        )
        merge_members(s, survivor_id=a, merged_id=b, field_choices={})
        memberships = [m for m in rows(s, "group_membership", (a,)) if m["deleted_at"] is None]
    assert [(m["role"], m["started_on"]) for m in memberships] == [("chair", "2022-03-01")]


def test_merged_member_leaves_search_and_survivor_keeps_its_own_name(
    database: Database, pair: Pair
) -> None:
    def found(s: Session, text: str) -> int:
        return len(search_member_keys(s, filters=MemberFilter(text=text)))

    with database.session() as s:
        assert found(s, "ใจดีมาก") == 1
        assert found(s, "สมชาย") == 2
    merge(database, pair)
    with database.session() as s:
        assert found(s, "ใจดีมาก") == 0
        assert found(s, "สมชาย") == 1
        assert found(s, "somchai@example") == 0  # the e-mail stayed with the merged record


def test_merge_is_logged_and_stamped(database: Database, pair: Pair) -> None:
    merge_id = merge(database, pair, email="merged")
    with database.session() as s:
        log = (
            s.connection()
            .exec_driver_sql(
                "SELECT survivor_id, merged_id, survivor_old_json, moved_json, score, hlc,"
                " undone_at FROM member_merge WHERE id = ?",
                (merge_id,),
            )
            .one()
        )
        survivor = rows(s, "member", (pair.survivor,))[0]
        merged = rows(s, "member", (pair.merged,))[0]
        dues = rows(s, "dues_payment", (pair.survivor,))
        record = last_merge(s)
    assert (log[0], log[1], log[6]) == (pair.survivor, pair.merged, None)
    old = json.loads(log[2])
    assert old["before"]["email"] == ""
    assert old["set"] == {"email": ["", "somchai@example.com"]}
    moved = json.loads(log[3])
    actions = sorted((entry[0], entry[1]) for entry in moved)
    assert actions == sorted(
        [("moved", "dues_payment")] * 2
        + [("moved", "group_membership")] * 2  # club, network
        + [("closed", "group_membership")]
        + [("updated", "group_membership")]
        + [("closed", "member_strength"), ("moved", "member_strength")]
    )
    assert 0.0 < log[4] <= 1.0
    # One stamp for the merge: the log, the survivor, the merged member, the moved rows.
    assert survivor["hlc"] == merged["hlc"] == log[5]
    assert merged["deleted_at"] == old["at"]
    moved_dues = [d for d in dues if d["receipt_no"].startswith("B-")]
    assert {d["hlc"] for d in moved_dues} == {log[5]}
    assert record is not None
    assert (record.id, record.survivor_name, record.merged_name) == (
        merge_id,
        "นายสมชาย ใจดี",
        "สมชาย ใจดีมาก",
    )


def test_undo_restores_both_members_and_every_row_exactly(database: Database, pair: Pair) -> None:
    ids = (pair.survivor, pair.merged)
    with database.session() as s:
        before = snapshot(s, ids)
    merge_id = merge(
        database, pair, national_id="merged", email="merged", last_name="merged", address="merged"
    )
    with database.session() as s:
        assert without_stamps(snapshot(s, ids)) != without_stamps(before)
        undo_merge(s, merge_id=merge_id)
    with database.session() as s:
        after = snapshot(s, ids)
        undone = (
            s.connection()
            .exec_driver_sql("SELECT undone_at FROM member_merge WHERE id = ?", (merge_id,))
            .scalar_one()
        )
        assert last_merge(s) is None
        assert [m.undone_at for m in list_merges(s)] == [undone]
        assert len(search_member_keys(s, filters=MemberFilter(text="ใจดีมาก"))) == 1
    assert without_stamps(after) == without_stamps(before)
    # The undo is a change of its own: newer stamps on what it touched, so it travels.
    assert after["member"][0]["hlc"] > before["member"][0]["hlc"]
    assert undone is not None


def test_double_undo_is_refused(database: Database, pair: Pair) -> None:
    merge_id = merge(database, pair)
    with database.session() as s:
        undo_merge(s, merge_id=merge_id)
    with database.session() as s, pytest.raises(MergeError) as refused:
        undo_merge(s, merge_id=merge_id)
    assert refused.value.code == "already_undone"
    with database.session() as s, pytest.raises(MergeError) as unknown:
        undo_merge(s, merge_id="no-such-merge")
    assert unknown.value.code == "unknown_merge"


def test_undo_refused_after_the_survivor_was_edited_in_a_field_the_merge_set(
    database: Database, pair: Pair
) -> None:
    merge_id = merge(database, pair, email="merged")
    with database.session() as s:
        data = get_member(s, member_id=pair.survivor).data
        save_member(s, data=dataclasses.replace(data, email="new@example.com"))
    with database.session() as s, pytest.raises(MergeError) as refused:
        undo_merge(s, merge_id=merge_id)
    assert refused.value.code == "survivor_changed"
    assert "email" in refused.value.message
    with database.session() as s:
        assert get_member(s, member_id=pair.survivor).data.email == "new@example.com"


def test_undo_keeps_later_edits_of_other_fields(database: Database, pair: Pair) -> None:
    merge_id = merge(database, pair, email="merged")
    with database.session() as s:
        data = get_member(s, member_id=pair.survivor).data
        save_member(s, data=dataclasses.replace(data, notes="แก้ไขหลังรวม"))
        undo_merge(s, merge_id=merge_id)
        restored = get_member(s, member_id=pair.survivor).data
    assert (restored.email, restored.notes) == ("", "แก้ไขหลังรวม")


def test_undo_refused_when_merged_again(database: Database, pair: Pair) -> None:
    first = merge(database, pair)
    with database.session() as s:
        third = member(s, "สมชาย", "ใจดี")
        second = merge_members(s, survivor_id=third, merged_id=pair.survivor, field_choices={})
    with database.session() as s, pytest.raises(MergeError) as refused:
        undo_merge(s, merge_id=first)
    assert refused.value.code == "merged_again"
    with database.session() as s:
        assert last_merge(s).id == second  # type: ignore[union-attr]
        undo_merge(s, merge_id=second)
        undo_merge(s, merge_id=first)
        assert len(rows(s, "dues_payment", (pair.merged,))) == 2
        assert len(rows(s, "dues_payment", (pair.survivor,))) == 1
        assert rows(s, "member", (third,))[0]["deleted_at"] is None


def test_undo_refused_when_a_moved_row_changed(database: Database, pair: Pair) -> None:
    merge_id = merge(database, pair)
    with database.session() as s:
        s.connection().exec_driver_sql(
            "UPDATE group_membership SET role = 'member' WHERE member_id = ? AND role = 'secretary'"
            " AND deleted_at IS NULL",
            (pair.survivor,),
        )
    with database.session() as s, pytest.raises(MergeError) as refused:
        undo_merge(s, merge_id=merge_id)
    assert refused.value.code == "rows_changed"


def test_a_national_id_taken_from_the_merged_member_is_accepted(
    database: Database, pair: Pair
) -> None:
    with database.session() as s:
        data = get_member(s, member_id=pair.survivor).data
        save_member(s, data=dataclasses.replace(data, national_id=ID_2))
    merge(database, pair, national_id="merged")
    with database.session() as s:
        assert get_member(s, member_id=pair.survivor).data.national_id == ID_1


def test_values_breaking_the_rules_are_refused_and_nothing_is_written(
    database: Database, pair: Pair
) -> None:
    with database.session() as s:
        data = get_member(s, member_id=pair.survivor).data
        save_member(
            s,
            data=dataclasses.replace(
                data, consent_date=dt.date(2024, 1, 1), consent_purpose="ติดต่อข่าวสาร"
            ),
        )
        before = snapshot(s, (pair.survivor, pair.merged))
    with pytest.raises(MemberValidationError) as refused:
        merge(database, pair, consent_purpose="merged")  # a date with no purpose
    assert [e.code for e in refused.value.errors] == ["missing_consent_purpose"]
    with database.session() as s:
        assert snapshot(s, (pair.survivor, pair.merged)) == before
        count = s.connection().exec_driver_sql("SELECT count(*) FROM member_merge").scalar_one()
        assert count == 0


@pytest.mark.parametrize(
    ("survivor", "merged", "choices", "code"),
    [
        ("s", "s", {}, "same_member"),
        ("s", "nobody", {}, "unknown_member"),
        ("s", "m", {"favourite_colour": "merged"}, "unknown_field"),
        ("s", "m", {"email": "both"}, "invalid_choice"),
    ],
)
def test_bad_requests_are_refused(
    database: Database, pair: Pair, survivor: str, merged: str, choices: dict[str, str], code: str
) -> None:
    ids = {"s": pair.survivor, "m": pair.merged, "nobody": "no-such-member"}
    with database.session() as s, pytest.raises(MergeError) as refused:
        merge_members(
            s,
            survivor_id=ids[survivor],
            merged_id=ids[merged],
            field_choices=choices,  # type: ignore[arg-type]
        )
    assert refused.value.code == code


def test_merge_of_a_deleted_member_is_refused(database: Database, pair: Pair) -> None:
    merge(database, pair)
    with pytest.raises(MergeError) as refused:
        merge(database, pair)
    assert refused.value.code == "unknown_member"


def test_references_are_every_foreign_key_to_member_in_the_database(database: Database) -> None:
    """Discovered from the metadata; checked against the migrated schema itself, so a table a
    later issue adds (meeting invitations, exchange posts) is covered or this fails."""
    with database.session() as s:
        connection = s.connection()
        tables = [
            name
            for (name,) in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
            )
        ]
        in_schema = {
            (table, fk[3])
            for table in tables
            for fk in connection.exec_driver_sql(f"PRAGMA foreign_key_list('{table}')")
            if fk[2] == "member" and fk[4] == "id"
        }
    discovered = {(r.table, r.column) for r in member_references()}
    assert discovered == {ref for ref in in_schema if ref[0] not in LOG_TABLES}
    assert discovered >= {
        ("group_membership", "member_id"),
        ("member_strength", "member_id"),
        ("dues_payment", "member_id"),
    }
    assert {t for t, _c in in_schema} >= LOG_TABLES


def test_merge_fields_are_the_editors_fields() -> None:
    from db.members import edit

    editable = {f.name for f in dataclasses.fields(MemberInput)} - {"id", "strengths"}
    assert set(MERGE_FIELDS) == editable
    assert MERGE_FIELDS == edit._DATA_COLUMNS


@pytest.fixture
def future_table(database: Database) -> Iterator[Table]:
    """A table a later issue might add: invitations to meetings, one per member and meeting."""
    table = Table(
        "test_meeting_invitation",
        SQLModel.metadata,
        Column("id", String, primary_key=True),
        Column("meeting", String, nullable=False),
        Column("invitee_id", String, ForeignKey("member.id"), nullable=False),
        Column("answer", String, nullable=False, default=""),
        Column("updated_at", String, nullable=False, default=""),
        Column("hlc", String, nullable=False, default=""),
        Column("deleted_at", String),
        UniqueConstraint("meeting", "invitee_id"),
    )
    try:
        table.create(database.engine)
        yield table
    finally:
        SQLModel.metadata.remove(table)


def test_a_future_table_with_a_member_key_is_moved_and_restored(
    database: Database, pair: Pair, future_table: Table
) -> None:
    reference = next(r for r in member_references() if r.table == future_table.name)
    assert reference == MemberReference(
        table="test_meeting_invitation",
        column="invitee_id",
        key="id",
        synced=True,
        soft_delete=True,
        same_row_keys=(("meeting",),),
    )
    with database.session() as s:
        s.connection().exec_driver_sql(
            "INSERT INTO test_meeting_invitation (id, meeting, invitee_id, answer, updated_at,"
            " hlc) VALUES ('i1', 'annual', ?, 'yes', '', ''), ('i2', 'annual', ?, 'no', '', ''),"
            " ('i3', 'training', ?, 'yes', '', '')",
            (pair.survivor, pair.merged, pair.merged),
        )
    merge_id = merge(database, pair)

    def invitations(s: Session) -> list[tuple[Any, ...]]:
        return [
            tuple(r)
            for r in s.connection().exec_driver_sql(
                "SELECT id, invitee_id = ?, deleted_at IS NOT NULL FROM test_meeting_invitation"
                " ORDER BY id",
                (pair.survivor,),
            )
        ]

    with database.session() as s:
        # i2 (the same meeting twice) closed on the merged member's side, i3 moved.
        assert invitations(s) == [("i1", 1, 0), ("i2", 0, 1), ("i3", 1, 0)]
        undo_merge(s, merge_id=merge_id)
        assert invitations(s) == [("i1", 1, 0), ("i2", 0, 0), ("i3", 0, 0)]


def test_preview_compares_field_by_field_and_counts_what_moves(
    database: Database, pair: Pair
) -> None:
    with database.session() as s:
        preview = merge_preview(s, a_id=pair.survivor, b_id=pair.merged)
        with pytest.raises(LookupError):
            merge_preview(s, a_id=pair.survivor, b_id="no-such-member")
        with pytest.raises(MergeError):
            merge_preview(s, a_id=pair.survivor, b_id=pair.survivor)
    fields = {f.field: f for f in preview.fields}
    assert tuple(fields) == MERGE_FIELDS
    assert (fields["first_name"].differs, fields["first_name"].suggested) == (False, "b")
    # Empty against filled: the filled one.
    assert (fields["email"].value_a, fields["email"].value_b) == ("", "somchai@example.com")
    assert fields["email"].suggested == "b"
    assert fields["phone"].suggested == "a"
    assert fields["birth_date"].value_a == dt.date(1980, 5, 1)
    assert fields["birth_date"].suggested == "a"
    # One contains the other: the more complete one.
    assert fields["last_name"].suggested == "b"
    assert (preview.a_organisation, preview.b_organisation) == ("หนองบัว", "บ้านใหม่")
    counts = {r.table: (r.count_a, r.count_b) for r in preview.related}
    assert counts["group_membership"] == (2, 3)
    assert counts["dues_payment"] == (1, 2)
    assert counts["member_strength"] == (2, 2)
    assert preview.suggested_survivor == "b"  # more data: 7 linked rows + 7 fields, 5 + 8
    assert preview.strengths_b == ("กฎหมายท้องถิ่น", "ดนตรี")
    assert preview.a_name == "นายสมชาย ใจดี"
    choices = preview.field_choices(survivor="a", picks={"phone": "b"})
    assert choices["email"] == "merged"
    assert choices["phone"] == "merged"
    assert choices["birth_date"] == "survivor"
    assert preview.field_choices(survivor="b")["first_name"] == "survivor"
