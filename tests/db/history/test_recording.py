"""Every write path of a member records what it changed, in the same transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from db.dues import delete_dues_payment, record_dues_payment
from db.engine import Database
from db.groups import (
    add_group_member,
    add_group_members_bulk,
    change_group_role,
    end_group_membership,
    remove_group_membership,
    save_group,
)
from db.history.actor import Actor, current_actor, default_actor, set_current_actor
from db.members.edit import delete_member, restore_member, save_member
from db.members.profile import get_member
from db.members.types import MemberInput, MemberValidationError
from tests.db.history.conftest import OTHER, SECRETARY, history_rows, make_member


def test_actor_defaults_to_the_login_and_computer_name_and_can_be_set() -> None:
    set_current_actor(None)
    default = current_actor()
    assert default == default_actor()
    assert default.user_id is None and default.user_name and default.device
    set_current_actor(OTHER)
    assert current_actor() == Actor("u-2", "admin", "OFFICE-PC-2")
    set_current_actor(None)
    assert current_actor() == default


def test_create_records_the_filled_fields_with_the_actor(database: Database) -> None:
    member_id = make_member(database, phone="081-234-5678", strengths=("กฎหมาย",))
    with database.session() as session:
        rows = history_rows(session, member_id=member_id)
    assert len(rows) == 1
    kind, entity, _member, changes_json, _op, user, device, link = rows[0]
    assert (kind, entity, user, device, link) == ("create", "member", "somsri", "OFFICE-PC-1", None)
    changes = json.loads(changes_json)
    assert changes["first_name"] == [None, "สมชาย"]
    assert changes["phone"] == [None, "0812345678"]  # as stored (normalised)
    assert changes["strengths"] == [[], ["กฎหมาย"]]
    assert "nickname" not in changes  # empty fields are not a change


def test_update_records_only_the_changed_fields_old_and_new(database: Database) -> None:
    member_id = make_member(database, phone="0812345678", birth_date=dt.date(1980, 5, 1))
    with database.session() as session:
        data = get_member(session, member_id=member_id).data
        save_member(
            session,
            data=dataclasses.replace(
                data, phone="0898765432", birth_date=dt.date(1981, 5, 1), strengths=("ดนตรี",)
            ),
        )
    with database.session() as session:
        kind, *_rest = history_rows(session, member_id=member_id)[-1]
        changes = json.loads(history_rows(session, member_id=member_id)[-1][3])
    assert kind == "update"
    assert changes == {
        "phone": ["0812345678", "0898765432"],
        "birth_date": ["1980-05-01", "1981-05-01"],
        "strengths": [[], ["ดนตรี"]],
    }


def test_saving_without_changes_records_nothing(database: Database) -> None:
    member_id = make_member(database)
    with database.session() as session:
        save_member(session, data=get_member(session, member_id=member_id).data)
        assert len(history_rows(session, member_id=member_id)) == 1


def test_a_refused_save_records_nothing(database: Database) -> None:
    with database.session() as session:
        with pytest.raises(MemberValidationError):
            save_member(session, data=MemberInput(first_name=""))
        assert history_rows(session) == []


def test_one_transaction_is_one_operation(database: Database) -> None:
    a, b = make_member(database, "ก"), make_member(database, "ข")
    with database.session() as session:
        delete_member(session, member_id=a)
        delete_member(session, member_id=b)
    with database.session() as session:
        rows = history_rows(session, kind="delete")
        creates = history_rows(session, kind="create")
    assert len(rows) == 2 and rows[0][4] == rows[1][4]
    assert creates[0][4] != creates[1][4] != rows[0][4]


def test_delete_and_restore_are_recorded(database: Database) -> None:
    member_id = make_member(database)
    with database.session() as session:
        delete_member(session, member_id=member_id)
    with database.session() as session:
        restore_member(session, member_id=member_id)
    with database.session() as session:
        kinds = [r[0] for r in history_rows(session, member_id=member_id)]
        deleted = json.loads(history_rows(session, kind="delete")[0][3])
        restored = json.loads(history_rows(session, kind="restore")[0][3])
    assert kinds == ["create", "delete", "restore"]
    assert deleted["deleted_at"][0] is None and deleted["deleted_at"][1]
    assert restored == {"deleted_at": [deleted["deleted_at"][1], None]}


def test_group_memberships_record_add_role_end_and_removal(database: Database) -> None:
    member_id = make_member(database)
    with database.session() as session:
        group = save_group(session, name="ชมรมปลัด", kind="club")
        membership = add_group_member(session, group_id=group, member_id=member_id)
    with database.session() as session:
        change_group_role(session, membership_id=membership, role="chair")
    with database.session() as session:
        end_group_membership(session, membership_id=membership, ended_on=dt.date.today())
    with database.session() as session:
        remove_group_membership(session, membership_id=membership)
    with database.session() as session:
        rows = history_rows(session, entity="group_membership")
    assert [r[0] for r in rows] == ["create", "update", "update", "delete"]
    assert json.loads(rows[0][3]) == {"group_id": [None, group], "role": [None, "member"]}
    assert json.loads(rows[1][3]) == {"role": ["member", "chair"]}
    assert json.loads(rows[2][3]) == {"ended_on": [None, dt.date.today().isoformat()]}
    assert all(r[2] == member_id for r in rows)


def test_a_bulk_add_records_one_row_per_member_in_one_operation(database: Database) -> None:
    ids = [make_member(database, f"คน{n}") for n in range(5)]
    with database.session() as session:
        group = save_group(session, name="เครือข่าย", kind="network")
        added = add_group_members_bulk(session, group_id=group, member_ids=ids)
    with database.session() as session:
        rows = history_rows(session, entity="group_membership")
    assert added == 5 and len(rows) == 5
    assert {r[2] for r in rows} == set(ids)
    assert len({r[4] for r in rows}) == 1


def test_dues_payments_are_recorded(database: Database) -> None:
    member_id = make_member(database)
    with database.session() as session:
        payment = record_dues_payment(
            session,
            member_id=member_id,
            fiscal_year=2569,
            amount_satang=50_000,
            paid_on=dt.date(2025, 11, 1),
            receipt_no="12/2569",
        )
    with database.session() as session:
        delete_dues_payment(session, payment_id=payment)
    with database.session() as session:
        rows = history_rows(session, entity="dues_payment")
    assert [r[0] for r in rows] == ["create", "delete"]
    assert json.loads(rows[0][3]) == {
        "fiscal_year": [None, 2569],
        "amount_satang": [None, 50_000],
        "paid_on": [None, "2025-11-01"],
        "receipt_no": [None, "12/2569"],
    }
    assert rows[1][2] == member_id


def test_changes_are_recorded_in_the_transaction_of_the_write(database: Database) -> None:
    member_id = make_member(database)
    with pytest.raises(RuntimeError), database.session() as session:
        delete_member(session, member_id=member_id)
        raise RuntimeError("the user's transaction fails later")
    with database.session() as session:
        assert [r[0] for r in history_rows(session, member_id=member_id)] == ["create"]


def test_the_actor_set_after_a_login_is_recorded(database: Database) -> None:
    set_current_actor(OTHER)
    member_id = make_member(database)
    set_current_actor(SECRETARY)
    with database.session() as session:
        row = history_rows(session, member_id=member_id)[0]
        user_id = session.connection().exec_driver_sql("SELECT user_id FROM history").scalar()
    assert (row[5], row[6], user_id) == ("admin", "OFFICE-PC-2", "u-2")
