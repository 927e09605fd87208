"""Right to erasure: personal fields and every copy of them wiped, statistics kept, refusals."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import pytest
from sqlmodel import SQLModel

from db.engine import Database
from db.members.query import search_member_keys
from db.members.types import MemberFilter
from db.merge import MergeError, undo_merge
from db.privacy.access import member_data
from db.privacy.erasure import (
    DERIVED_FIELDS,
    ERASED_NAME,
    KEPT_FIELDS,
    WIPED_FIELDS,
    ErasureError,
    checkpoint_after_erasure,
    erase_member,
)
from db.search import check_member_index
from tests.db.privacy.conftest import (
    ADDRESS,
    ADMIN,
    EMAIL,
    LINE_ID,
    NATIONAL_ID,
    NOTES,
    PHONE,
    SECRETARY,
    Register,
)

SECRETS = (NATIONAL_ID, PHONE, EMAIL, LINE_ID, ADDRESS, NOTES, "Somchai", "ใจดีมาก", "0811111111",
           "old.somchai@example.org", "ภาษาญี่ปุ่น", "ติดต่อข่าวสารสมาคม", "M-0042")  # fmt: skip


def row(database: Database, sql: str, params: tuple[Any, ...] = ()) -> dict[str, Any]:
    connection = database.raw_connection()
    connection.row_factory = sqlite3.Row
    try:
        found = connection.execute(sql, params).fetchone()
        return dict(found) if found else {}
    finally:
        connection.close()


def dump(database: Database) -> str:
    """Every table's rows as text (what could still hold a copy)."""
    connection = database.raw_connection()
    try:
        tables = [
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return "\n".join(
            repr(connection.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables
        )
    finally:
        connection.close()


def erase(register: Register, **kwargs: Any) -> Any:
    with register.database.session() as s:
        return erase_member(
            s, member_id=kwargs.pop("member_id", register.member_id),
            reason=kwargs.pop("reason", "คำขอลงวันที่ 1 ต.ค. 2569"),
            permissions=kwargs.pop("permissions", ADMIN),
        )  # fmt: skip


def test_every_member_column_is_decided() -> None:
    columns = set(SQLModel.metadata.tables["member"].c.keys())
    decided = set(WIPED_FIELDS) | set(KEPT_FIELDS) | set(DERIVED_FIELDS)
    assert columns == decided
    assert not set(WIPED_FIELDS) & set(KEPT_FIELDS)


def test_personal_fields_are_wiped_and_statistics_kept(register: Register) -> None:
    before = row(register.database, "SELECT * FROM member WHERE id = ?", (register.member_id,))
    result = erase(register)
    after = row(register.database, "SELECT * FROM member WHERE id = ?", (register.member_id,))
    for name, value in WIPED_FIELDS.items():
        assert after[name] == value, name
    assert after["first_name"] == ERASED_NAME and after["national_id"] is None
    for name in KEPT_FIELDS:
        if name not in ("updated_at", "hlc"):
            assert after[name] == before[name], name
    assert after["updated_at"] > before["updated_at"] and after["hlc"] != before["hlc"]
    assert (after["gender"], after["status"], after["position_type"]) == (
        "male",
        "active",
        "executive",
    )
    assert after["organisation_id"] == register.organisation_id
    assert result.member_id == register.member_id and result.member_rows == 2
    assert result.fields == tuple(WIPED_FIELDS) and result.reason == "คำขอลงวันที่ 1 ต.ค. 2569"
    assert result.strengths_removed == 3 and result.import_items_scrubbed == 1
    assert result.merge_logs_scrubbed == 1 and result.user_name and result.device


def test_groups_and_dues_are_kept(register: Register) -> None:
    erase(register)
    with register.database.session() as s:
        data = member_data(s, member_id=register.member_id)
    assert [(g["group_id"], g["role"]) for g in data["groups"]] == [(register.group_id, "chair")]
    assert [(d["fiscal_year_be"], d["amount_satang"]) for d in data["dues"]] == [(2568, 50_000)]
    assert all(s["deleted_at"] and s["tag"] == "" for s in data["strengths"])


def test_no_copy_of_the_personal_values_is_left_anywhere(register: Register) -> None:
    before = dump(register.database)
    assert all(secret in before for secret in SECRETS)
    erase(register)
    after = dump(register.database)
    assert [secret for secret in SECRETS if secret in after] == []
    other = row(register.database, "SELECT * FROM member WHERE id = ?", (register.other_id,))
    assert other["first_name"] == "สมหญิง"  # someone else untouched


def test_merged_record_of_the_same_person_is_wiped_too(register: Register) -> None:
    erase(register)
    merged = row(register.database, "SELECT * FROM member WHERE id = ?", (register.merged_id,))
    assert merged["first_name"] == ERASED_NAME and merged["email"] == ""
    assert merged["deleted_at"] is not None  # still merged away


def test_undo_logs_cannot_bring_values_back(register: Register) -> None:
    erase(register)
    item = row(register.database, "SELECT old_values_json FROM import_run_item")
    old_values = json.loads(item["old_values_json"])
    assert all(value == WIPED_FIELDS[name] for name, value in old_values.items()), old_values
    merge = row(register.database, "SELECT id, survivor_old_json FROM member_merge")
    snapshot = json.loads(merge["survivor_old_json"])
    assert snapshot["before"]["national_id"] is None
    assert snapshot["merged_before"]["first_name"] == ERASED_NAME
    try:
        with register.database.session() as s:
            undo_merge(s, merge_id=merge["id"])
    except MergeError:
        pass  # refused: fine
    for member_id in (register.member_id, register.merged_id):
        found = row(register.database, "SELECT * FROM member WHERE id = ?", (member_id,))
        assert found["first_name"] == ERASED_NAME and found["phone"] == ""


def test_search_finds_the_placeholder_not_the_old_name(register: Register) -> None:
    def keys(text: str) -> list[int]:
        with register.database.session() as s:
            return list(search_member_keys(s, filters=MemberFilter(text=text)))

    assert keys("สมชาย ใจดี") and keys(NATIONAL_ID) and keys("Somchai")
    erase(register)
    assert keys("สมชาย ใจดี") == [] and keys(NATIONAL_ID) == [] and keys("Somchai") == []
    assert keys(PHONE) == [] and keys("ชาย") == []
    assert len(keys(ERASED_NAME)) == 1
    connection = register.database.raw_connection()
    try:
        assert check_member_index(connection)
    finally:
        connection.close()


def test_old_values_are_not_left_in_the_file(register: Register) -> None:
    erase(register)
    assert checkpoint_after_erasure(register.database)
    register.database.dispose()
    path = register.database.path
    raw = path.read_bytes() + (
        path.with_name(path.name + "-wal").read_bytes()
        if path.with_name(path.name + "-wal").exists() else b""
    )  # fmt: skip
    for secret in (NATIONAL_ID, EMAIL, LINE_ID, ADDRESS, NOTES):
        assert secret.encode() not in raw, secret


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"permissions": SECRETARY}, "not_permitted"),
        ({"permissions": object()}, "not_permitted"),
        ({"reason": "   "}, "missing_reason"),
        ({"reason": "x" * 501}, "reason_too_long"),
        ({"member_id": "no-such-member"}, "unknown_member"),
    ],
)
def test_refusals_change_nothing(register: Register, kwargs: dict[str, Any], code: str) -> None:
    before = dump(register.database)
    with pytest.raises(ErasureError) as refused:
        erase(register, **kwargs)
    assert refused.value.code == code and refused.value.message
    assert dump(register.database) == before


def test_an_erased_member_cannot_be_erased_again(register: Register) -> None:
    erase(register)
    before = dump(register.database)
    with pytest.raises(ErasureError) as refused:
        erase(register, reason="อีกครั้ง")
    assert refused.value.code == "already_erased"
    assert dump(register.database) == before


def test_a_deleted_member_can_be_erased(register: Register) -> None:
    from db.members.edit import delete_member

    with register.database.session() as s:
        delete_member(s, member_id=register.other_id)
    erase(register, member_id=register.other_id)
    other = row(register.database, "SELECT * FROM member WHERE id = ?", (register.other_id,))
    assert other["first_name"] == ERASED_NAME and other["deleted_at"] is not None


def test_the_erasure_is_in_the_history_without_values(register: Register) -> None:
    with register.database.session() as s:
        before = member_data(s, member_id=register.member_id)["history"]
    assert any(c["new"] == EMAIL for e in before for c in e["changes"])  # values were there
    erase(register)
    with register.database.session() as s:
        history = member_data(s, member_id=register.member_id)["history"]
    entry = history[0]  # newest first
    assert entry["kind"] == "erase" and entry["user_name"] and entry["device"]
    assert entry["changes"] == [
        {"field": "reason", "old": None, "new": "คำขอลงวันที่ 1 ต.ค. 2569", "erased": False}
    ]
    text = json.dumps(history, ensure_ascii=False)
    assert EMAIL not in text and NATIONAL_ID not in text and "ภาษาญี่ปุ่น" not in text
