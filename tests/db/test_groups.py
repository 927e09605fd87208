"""Groups: the tree, nesting without cycles, memberships with roles and dates, bulk adds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.engine import Database, open_database
from db.groups import (
    GroupError,
    add_filtered_members_to_group,
    add_group_member,
    add_group_members_bulk,
    change_group_role,
    delete_group,
    end_group_membership,
    group_member_rows,
    group_tree,
    remove_group_membership,
    save_group,
)
from db.members.edit import delete_member, save_member
from db.members.types import MemberFilter, MemberInput

TODAY = dt.date.today()


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "t.sqlite")
    yield db
    db.dispose()


def members(database: Database, *names: str) -> list[str]:
    with database.session() as s:
        return [
            save_member(s, data=MemberInput(first_name=name, last_name="ทดสอบ")) for name in names
        ]


class _Refused:
    """``with _Refused("code"):`` expects a GroupError with that code."""

    def __init__(self, code: str) -> None:
        self.code = code

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, error: BaseException | None, _tb: object) -> bool:
        assert isinstance(error, GroupError), f"expected GroupError {self.code}, got {error!r}"
        assert error.code == self.code and error.errors[0].code == self.code
        assert error.message
        return True


def test_tree_nesting_and_counts(database: Database) -> None:
    a, b, c = members(database, "สมชาย", "สมหญิง", "กมล")
    with database.session() as s:
        association = save_group(s, name="สมาคมปลัด", kind="association", description="ทั่วประเทศ")
        north = save_group(s, name="ชมรมภาคเหนือ", kind="club", parent_id=association)
        east = save_group(s, name="ชมรมภาคตะวันออก", kind="club", parent_id=association)
        committee = save_group(s, name="คณะกรรมการบริหาร", kind="committee", parent_id=north)
        add_group_member(s, group_id=association, member_id=a, role="chair")
        add_group_member(s, group_id=association, member_id=b)
        add_group_member(s, group_id=north, member_id=c)
        ended = add_group_member(s, group_id=north, member_id=a)
        end_group_membership(s, membership_id=ended)
        add_group_member(s, group_id=committee, member_id=b, role="secretary")
        tree = group_tree(s)
    assert [(n.name, n.kind, n.parent_id, n.member_count) for n in tree] == [
        ("คณะกรรมการบริหาร", "committee", north, 1),
        ("ชมรมภาคตะวันออก", "club", association, 0),
        ("ชมรมภาคเหนือ", "club", association, 1),  # direct members only; a's ended today
        ("สมาคมปลัด", "association", None, 2),
    ]
    assert tree[3].description == "ทั่วประเทศ"
    with database.session() as s:
        delete_member(s, member_id=b)
        counts = {n.id: n.member_count for n in group_tree(s)}
    assert (counts[association], counts[committee], counts[east]) == (1, 0, 0)


def test_save_group_refusals(database: Database) -> None:
    with database.session() as s:
        top = save_group(s, name="สมาคม", kind="association")
        middle = save_group(s, name="ชมรม", kind="club", parent_id=top)
        bottom = save_group(s, name="คณะกรรมการ", kind="committee", parent_id=middle)
        with _Refused("group_cycle"):
            save_group(s, id=top, name="สมาคม", kind="association", parent_id=bottom)
        with _Refused("group_cycle"):
            save_group(s, id=middle, name="ชมรม", kind="club", parent_id=middle)
        with _Refused("missing_name"):
            save_group(s, name="  ", kind="club")
        with _Refused("unknown_kind"):
            save_group(s, name="ทีม", kind="team")
        with _Refused("unknown_group"):
            save_group(s, name="ทีม", kind="club", parent_id="nope")
        with _Refused("duplicate_group"):
            save_group(s, name="ชมรม", kind="club", parent_id=top)
        save_group(s, name="ชมรม", kind="club")  # same name elsewhere is fine
        # moving a group under another branch is fine
        save_group(s, id=bottom, name="คณะกรรมการ", kind="committee", parent_id=top)
        assert {n.id: n.parent_id for n in group_tree(s)}[bottom] == top
        with _Refused("group_has_children"):
            delete_group(s, group_id=top)
        delete_group(s, group_id=middle)
        with _Refused("unknown_group"):
            delete_group(s, group_id=middle)
        assert middle not in {n.id for n in group_tree(s)}


def test_memberships(database: Database) -> None:
    a, b = members(database, "สมชาย", "สมหญิง")
    with database.session() as s:
        group = save_group(s, name="คณะกรรมการ", kind="committee")
        chair = add_group_member(s, group_id=group, member_id=a, role="chair")
        with _Refused("already_member"):
            add_group_member(s, group_id=group, member_id=a)
        with _Refused("unknown_role"):
            add_group_member(s, group_id=group, member_id=b, role="king")
        with _Refused("unknown_member"):
            add_group_member(s, group_id=group, member_id="nobody")
        with _Refused("unknown_group"):
            add_group_member(s, group_id="nope", member_id=b)
        started = TODAY - dt.timedelta(days=10)
        treasurer = add_group_member(
            s, group_id=group, member_id=b, role="treasurer", started_on=started
        )
        rows = group_member_rows(s, group_id=group)
        assert [(r.full_name, r.role, r.started_on) for r in rows] == [
            ("สมชาย ทดสอบ", "chair", None),  # ประธาน before เหรัญญิก (the list's order)
            ("สมหญิง ทดสอบ", "treasurer", started),
        ]
        change_group_role(s, membership_id=treasurer, role="vice_chair")
        with _Refused("unknown_role"):
            change_group_role(s, membership_id=treasurer, role="king")
        with _Refused("invalid_date"):
            end_group_membership(
                s, membership_id=treasurer, ended_on=started - dt.timedelta(days=1)
            )
        end_group_membership(s, membership_id=chair)
        assert [(r.full_name, r.role) for r in group_member_rows(s, group_id=group)] == [
            ("สมหญิง ทดสอบ", "vice_chair")
        ]
        past = group_member_rows(s, group_id=group, include_past=True)
        assert [(r.full_name, r.ended_on) for r in past] == [
            ("สมชาย ทดสอบ", TODAY),
            ("สมหญิง ทดสอบ", None),
        ]
        # after the chair's term ended, they can join again
        again = add_group_member(s, group_id=group, member_id=a)
        remove_group_membership(s, membership_id=again)
        with _Refused("unknown_membership"):
            remove_group_membership(s, membership_id=again)
        with _Refused("unknown_membership"):
            change_group_role(s, membership_id="nope", role="member")
        assert len(group_member_rows(s, group_id=group, include_past=True)) == 2


def test_bulk_add_skips_members_already_in_and_deleted_ones(database: Database) -> None:
    ids = members(database, "ก", "ข", "ค", "ง", "จ")
    with database.session() as s:
        group = save_group(s, name="เครือข่าย", kind="network")
        add_group_member(s, group_id=group, member_id=ids[0])
        delete_member(s, member_id=ids[4])
        added = add_group_members_bulk(
            s, group_id=group, member_ids=[*ids, ids[1], "nobody"], role="member"
        )
        assert added == 3
        assert add_group_members_bulk(s, group_id=group, member_ids=ids) == 0
        assert [r.full_name for r in group_member_rows(s, group_id=group)] == [
            "ก ทดสอบ", "ข ทดสอบ", "ค ทดสอบ", "ง ทดสอบ"
        ]  # fmt: skip
        with _Refused("unknown_role"):
            add_group_members_bulk(s, group_id=group, member_ids=ids, role="king")
        rows = (
            s.connection()
            .exec_driver_sql(
                "SELECT count(DISTINCT id), count(DISTINCT hlc), min(owner_office_id IS NOT NULL)"
                " FROM group_membership"
            )
            .one()
        )
        assert rows[0] == 4 and rows[2] == 1


def test_add_filtered_members(database: Database) -> None:
    members(database, "สมชาย", "สมหญิง", "กมล")
    with database.session() as s:
        group = save_group(s, name="ชมรมสม", kind="club")
        assert (
            add_filtered_members_to_group(s, group_id=group, filters=MemberFilter(text="สม")) == 2
        )
        assert add_filtered_members_to_group(s, group_id=group, filters=MemberFilter()) == 1
        assert add_filtered_members_to_group(s, group_id=group, filters=MemberFilter()) == 0
        assert [n.member_count for n in group_tree(s)] == [3]


def test_member_rows_are_limited(database: Database) -> None:
    ids = members(database, *[f"สมาชิก{n:02d}" for n in range(12)])
    with database.session() as s:
        group = save_group(s, name="สมาคม", kind="association")
        add_group_members_bulk(s, group_id=group, member_ids=ids)
        rows = group_member_rows(s, group_id=group, limit=5)
    assert [r.full_name for r in rows] == [f"สมาชิก{n:02d} ทดสอบ" for n in range(5)]
