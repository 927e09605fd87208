"""member_history, recent_operations, undo_last_operation and erase_member_values."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from db.dues import record_dues_payment
from db.engine import Database
from db.groups import add_group_member, add_group_members_bulk, change_group_role, save_group
from db.history import (
    UndoError,
    erase_member_values,
    last_undoable,
    member_history,
    recent_operations,
    undo_last_operation,
)
from db.io.import_members import import_members
from db.members.edit import delete_member, save_member
from db.members.profile import get_member
from db.merge import merge_members
from tests.db.history.conftest import OTHER, SECRETARY, make_member


def _edit(database: Database, member_id: str, **fields: object) -> None:
    with database.session() as session:
        data = get_member(session, member_id=member_id).data
        save_member(session, data=dataclasses.replace(data, **fields))


def _live(database: Database, member_id: str) -> bool:
    with database.session() as session:
        return bool(
            session.execute(
                text("SELECT deleted_at IS NULL FROM member WHERE id = :id"), {"id": member_id}
            ).scalar()
        )


def _import(database: Database, tmp_path: Path, rows: str) -> str:
    sheet = tmp_path / "สมาชิก.csv"
    sheet.write_text("ชื่อ,นามสกุล,โทรศัพท์\n" + rows, encoding="utf-8")
    report = import_members(database, path=sheet)
    assert report.run_id is not None
    return report.run_id


def test_member_history_lists_changes_newest_first_with_who_and_where(database: Database) -> None:
    member_id = make_member(database, phone="0812345678")
    _edit(database, member_id, phone="0898765432")
    with database.session() as session:
        entries = member_history(session, member_id)
    assert [e.kind for e in entries] == ["update", "create"]
    latest = entries[0]
    assert (latest.user_name, latest.device, latest.user_id) == ("somsri", "OFFICE-PC-1", None)
    assert [(c.field, c.old, c.new) for c in latest.changes] == [
        ("phone", "0812345678", "0898765432")
    ]
    assert latest.at.endswith("Z") and latest.office_id


def test_member_history_pages_with_before(database: Database) -> None:
    member_id = make_member(database)
    for n in range(5):
        _edit(database, member_id, nickname=f"ชื่อเล่น{n}")
    with database.session() as session:
        first = member_history(session, member_id, limit=4)
        rest = member_history(session, member_id, limit=4, before=first[-1].at)
    assert len(first) == 4 and len(rest) == 2
    assert [e.kind for e in rest] == ["update", "create"]
    assert {e.id for e in first}.isdisjoint(e.id for e in rest)


def test_membership_entries_name_their_group(database: Database) -> None:
    member_id = make_member(database)
    with database.session() as session:
        group = save_group(session, name="ชมรมปลัด", kind="club")
        add_group_member(session, group_id=group, member_id=member_id)
    with database.session() as session:
        entry = member_history(session, member_id)[0]
    assert (entry.entity, entry.detail) == ("group_membership", "ชมรมปลัด")


def test_an_import_is_one_entry_read_from_its_run(database: Database, tmp_path: Path) -> None:
    run_id = _import(database, tmp_path, "สมชาย,ใจดี,0812345678\nสมหญิง,รักไทย,\n")
    with database.session() as session:
        history_rows = session.execute(text("SELECT count(*) FROM history")).scalar()
        member_id = session.execute(
            text("SELECT id FROM member WHERE first_name = 'สมชาย'")
        ).scalar_one()
        entries = member_history(session, member_id)
    assert history_rows == 0  # an import costs no history rows
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.kind, entry.link_kind, entry.link_id) == ("import", "import_run", run_id)
    assert entry.link_label == "สมาชิก.csv" and entry.link_counts[:2] == (2, 0)
    assert entry.detail == "created"


def test_an_import_says_who_ran_it_and_only_they_are_offered_its_undo(
    database: Database, tmp_path: Path
) -> None:
    run_id = _import(database, tmp_path, "สมชาย,ใจดี,0812345678\n")
    with database.session() as session:
        member_id = session.execute(text("SELECT id FROM member")).scalar_one()
        entry = member_history(session, member_id)[0]
        mine = last_undoable(session, actor=SECRETARY)
        theirs = last_undoable(session, actor=OTHER)
    assert (entry.user_name, entry.device, entry.user_id) == ("somsri", "OFFICE-PC-1", None)
    assert mine is not None and mine.link_id == run_id and mine.user_name == "somsri"
    assert theirs is None  # another user's Undo never takes back somsri's import


def test_merge_entries_link_to_the_merge_and_name_the_other_member(database: Database) -> None:
    survivor = make_member(database, "สมชาย")
    merged = make_member(database, "สมชาย", nickname="ชาย")
    with database.session() as session:
        merge_id = merge_members(
            session, survivor_id=survivor, merged_id=merged, field_choices={"nickname": "merged"}
        )
    with database.session() as session:
        entries = member_history(session, survivor)
    merge = entries[0]
    assert (merge.kind, merge.link_kind, merge.link_id) == ("merge", "member_merge", merge_id)
    assert merge.link_label == "สมชาย ใจดี"
    assert [(c.field, c.old, c.new) for c in merge.changes] == [("nickname", "", "ชาย")]
    # the merged record's own past shows in the survivor's history
    assert sum(e.kind == "create" for e in entries) == 2


def test_recent_operations_group_rows_by_operation(database: Database, tmp_path: Path) -> None:
    ids = [make_member(database, f"คน{n}") for n in range(3)]
    with database.session() as session:
        group = save_group(session, name="เครือข่าย", kind="network")
        add_group_members_bulk(session, group_id=group, member_ids=ids)
    _import(database, tmp_path, "สมชาย,ใจดี,\n")
    with database.session() as session:
        operations = recent_operations(session, limit=3)
    assert [o.kind for o in operations] == ["import", "create", "create"]
    assert operations[1].entity == "group_membership" and operations[1].count == 3


def test_undo_an_edit_puts_the_old_values_back_and_is_recorded(database: Database) -> None:
    member_id = make_member(database, phone="0812345678", strengths=("กฎหมาย",))
    _edit(
        database, member_id, phone="0898765432", strengths=("ดนตรี",), joined_on=dt.date(2020, 1, 2)
    )
    with database.session() as session:
        assert last_undoable(session, actor=SECRETARY).kind == "update"
    result = undo_last_operation(database, actor=SECRETARY)
    assert result.undone.kind == "update" and result.count == 1
    with database.session() as session:
        data = get_member(session, member_id=member_id).data
        entries = member_history(session, member_id)
    assert (data.phone, data.strengths, data.joined_on) == ("0812345678", ("กฎหมาย",), None)
    undo = entries[0]
    assert undo.kind == "undo" and undo.link_id == result.undone.operation_id
    assert undo.operation_id == result.operation_id


def test_successive_undos_walk_back_and_end_with_nothing_to_undo(database: Database) -> None:
    member_id = make_member(database)
    _edit(database, member_id, nickname="ต้น")
    undo_last_operation(database, actor=SECRETARY)  # the edit
    undo_last_operation(database, actor=SECRETARY)  # the creation
    assert not _live(database, member_id)
    with pytest.raises(UndoError) as refused:
        undo_last_operation(database, actor=SECRETARY)
    assert refused.value.code == "nothing_to_undo"


def test_undo_is_per_actor(database: Database) -> None:
    mine = make_member(database, "ของฉัน")
    from db.history.actor import set_current_actor

    set_current_actor(OTHER)
    make_member(database, "ของคนอื่น")
    set_current_actor(SECRETARY)
    result = undo_last_operation(database, actor=SECRETARY)
    assert result.undone.member_id == mine
    assert not _live(database, mine)


def test_undo_a_delete_restores(database: Database) -> None:
    member_id = make_member(database)
    with database.session() as session:
        delete_member(session, member_id=member_id)
    undo_last_operation(database, actor=SECRETARY)
    assert _live(database, member_id)


def test_undo_refuses_when_the_record_changed_since(database: Database) -> None:
    member_id = make_member(database)
    _edit(database, member_id, nickname="ต้น")
    from db.history.actor import set_current_actor

    set_current_actor(OTHER)
    _edit(database, member_id, email="a@example.com")  # someone else, later
    set_current_actor(SECRETARY)
    with pytest.raises(UndoError) as refused:
        undo_last_operation(database, actor=SECRETARY)
    assert refused.value.code == "changed_since"
    with database.session() as session:
        data = get_member(session, member_id=member_id).data
        undos = session.execute(text("SELECT count(*) FROM history WHERE kind = 'undo'")).scalar()
    assert (data.nickname, data.email, undos) == ("ต้น", "a@example.com", 0)


def test_undo_group_changes_and_dues(database: Database) -> None:
    ids = [make_member(database, f"คน{n}") for n in range(4)]
    with database.session() as session:
        group = save_group(session, name="ชมรม", kind="club")
        membership = add_group_member(session, group_id=group, member_id=ids[0])
    with database.session() as session:
        change_group_role(session, membership_id=membership, role="chair")
    with database.session() as session:
        add_group_members_bulk(session, group_id=group, member_ids=ids[1:])
    with database.session() as session:
        record_dues_payment(
            session, member_id=ids[0], fiscal_year=2569, amount_satang=100,
            paid_on=dt.date(2025, 10, 5),
        )  # fmt: skip

    def state() -> tuple[int, str, int]:
        with database.session() as session:
            live = session.execute(
                text("SELECT count(*) FROM group_membership WHERE deleted_at IS NULL")
            ).scalar()
            role = session.execute(
                text("SELECT role FROM group_membership WHERE id = :id"), {"id": membership}
            ).scalar()
            dues = session.execute(
                text("SELECT count(*) FROM dues_payment WHERE deleted_at IS NULL")
            ).scalar()
        return live, role, dues

    assert state() == (4, "chair", 1)
    undo_last_operation(database, actor=SECRETARY)
    assert state() == (4, "chair", 0)
    undo_last_operation(database, actor=SECRETARY)
    assert state() == (1, "chair", 0)
    undo_last_operation(database, actor=SECRETARY)
    assert state() == (1, "member", 0)


def test_undo_a_merge_and_an_import(database: Database, tmp_path: Path) -> None:
    survivor = make_member(database, "สมชาย")
    merged = make_member(database, "สมชาย", nickname="ชาย")
    with database.session() as session:
        merge_id = merge_members(
            session, survivor_id=survivor, merged_id=merged, field_choices={"nickname": "merged"}
        )
    result = undo_last_operation(database, actor=SECRETARY)
    assert result.undone.kind == "merge" and result.undone.link_id == merge_id
    assert _live(database, merged)
    run_id = _import(database, tmp_path, "มานะ,ดีงาม,\n")
    with database.session() as session:
        assert last_undoable(session, actor=SECRETARY).operation_id == run_id
    result = undo_last_operation(database, actor=SECRETARY)
    assert (result.undone.kind, result.count) == ("import", 1)
    with database.session() as session:
        undone = session.execute(
            text("SELECT undone_at FROM import_run WHERE id = :id"), {"id": run_id}
        ).scalar()
        kinds = [e.kind for e in member_history(session, survivor)]
    assert undone is not None
    assert kinds[:2] == ["undo", "undo"] or kinds[0] == "undo"


def test_erase_member_values_keeps_the_change_but_not_the_values(
    database: Database, tmp_path: Path
) -> None:
    member_id = make_member(database, phone="0812345678", national_id="1101700203450")
    _edit(database, member_id, phone="0898765432")
    with database.session() as session:
        changed = erase_member_values(session, member_id, ["phone", "national_id"])
    assert changed == 2
    with database.session() as session:
        entries = member_history(session, member_id)
        raw = session.execute(text("SELECT group_concat(changes_json) FROM history")).scalar()
    phone = next(c for c in entries[0].changes if c.field == "phone")
    assert phone.erased and phone.old is None and phone.new is None
    assert "0812345678" not in raw and "0898765432" not in raw and "1101700203450" not in raw
    assert "สมชาย" in raw  # other fields are kept
    with pytest.raises(UndoError) as refused:
        undo_last_operation(database, actor=SECRETARY)
    assert refused.value.code == "values_erased"


def test_entries_name_the_organisations_and_groups_they_mention(database: Database) -> None:
    from db.organisations import save_organisation

    with database.session() as session:
        org = save_organisation(session, type_code="sao", name="อบต.หนองบัว", province_code=40)
    member_id = make_member(database)
    _edit(database, member_id, organisation_id=org)
    with database.session() as session:
        entry = member_history(session, member_id)[0]
    assert entry.name_of(org) == "อบต.หนองบัว"
