"""Right of access: everything held about one member, as a dict and as a JSON file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Column, ForeignKey, String, Table
from sqlmodel import SQLModel

from db.privacy.access import FORMAT, member_data, write_access_json
from tests.db.privacy.conftest import ADDRESS, EMAIL, NATIONAL_ID, PHONE, Register


def test_member_data_holds_the_profile_with_be_and_iso_dates(register: Register) -> None:
    with register.database.session() as s:
        data = member_data(s, member_id=register.member_id)
    assert data["format"] == FORMAT and data["member_id"] == register.member_id
    member = data["member"]
    assert (member["prefix"], member["first_name"], member["last_name"]) == ("นาย", "สมชาย", "ใจดี")
    assert member["national_id"] == NATIONAL_ID
    assert member["phone"] == PHONE and member["email"] == EMAIL and member["address"] == ADDRESS
    assert member["birth_date"] == "1980-10-02"
    assert member["birth_date_be"] == "2 ตุลาคม 2523"
    assert member["joined_on_be"] == "2 ตุลาคม 2557"
    assert member["consent_purpose"] == "ติดต่อข่าวสารสมาคม"
    assert "name_key" not in member and "position_key" not in member  # derived sort keys
    assert data["organisation"]["name"] == "องค์การบริหารส่วนตำบลหนองบัว"
    assert data["organisation"]["province_name"] == "ขอนแก่น"


def test_member_data_holds_groups_dues_strengths_imports_and_merges(register: Register) -> None:
    with register.database.session() as s:
        data = member_data(s, member_id=register.member_id)
    live_tags = {r["tag"] for r in data["strengths"] if r["deleted_at"] is None}
    assert {"การเงินการคลัง", "ภาษาญี่ปุ่น", "กฎหมาย"} <= live_tags  # กฎหมาย moved by the merge
    (group,) = data["groups"]
    assert group["group_name"] == "สมาคมข้าราชการส่วนท้องถิ่น" and group["role"] == "chair"
    assert group["role_name"] and group["started_on"] == "2020-01-01"
    assert group["started_on_be"] == "1 มกราคม 2563"
    (dues,) = data["dues"]
    assert (dues["fiscal_year_be"], dues["amount_satang"], dues["amount_baht"]) == (
        2568,
        50_000,
        "500.00",
    )
    assert dues["receipt_no"] == "R-68/001" and dues["paid_on_be"] == "1 พฤศจิกายน 2567"
    (run,) = data["import_runs"]
    assert run["file_name"] == "สมาชิก.xlsx" and run["old_values"]["phone"] == "0811111111"
    (merge,) = data["merges"]
    assert merge["role"] == "survivor" and merge["merged_id"] == register.merged_id
    assert merge["snapshot"]["merged_before"]["email"] == "old.somchai@example.org"
    (merged,) = data["merged_records"]
    assert merged["id"] == register.merged_id and merged["last_name"] == "ใจดีมาก"
    assert merged["deleted_at"] is not None


def test_someone_else_is_not_in_the_export(register: Register) -> None:
    with register.database.session() as s:
        text = json.dumps(member_data(s, member_id=register.member_id), ensure_ascii=False)
    assert "สมหญิง" not in text and register.other_id not in text


def test_unknown_member_is_a_lookup_error(register: Register) -> None:
    with register.database.session() as s, pytest.raises(LookupError):
        member_data(s, member_id="no-such-member")


@pytest.fixture
def future_table(register: Register) -> Iterator[Table]:
    """A table a later issue might add (meeting invitations), with a row for the member."""
    table = Table(
        "test_meeting_invitation",
        SQLModel.metadata,
        Column("id", String, primary_key=True),
        Column("meeting", String, nullable=False),
        Column("invitee_id", String, ForeignKey("member.id"), nullable=False),
        Column("answer", String, nullable=False, default=""),
    )
    try:
        table.create(register.database.engine)
        with register.database.session() as s:
            s.connection().exec_driver_sql(
                "INSERT INTO test_meeting_invitation VALUES ('i1', 'ประชุมใหญ่ 2569', ?, 'มา')",
                (register.member_id,),
            )
            s.connection().exec_driver_sql(
                "INSERT INTO test_meeting_invitation VALUES ('i2', 'ประชุมใหญ่ 2569', ?, '')",
                (register.other_id,),
            )
        yield table
    finally:
        SQLModel.metadata.remove(table)


def test_a_future_table_pointing_at_members_is_included(
    register: Register, future_table: Table
) -> None:
    with register.database.session() as s:
        data = member_data(s, member_id=register.member_id)
    assert data["other_records"][future_table.name] == [
        {"id": "i1", "meeting": "ประชุมใหญ่ 2569", "invitee_id": register.member_id, "answer": "มา"}
    ]


def test_json_file_is_utf8_thai_indented_and_reads_back(register: Register, tmp_path: Path) -> None:
    with register.database.session() as s:
        data = member_data(s, member_id=register.member_id)
    folder = tmp_path / "ข้อมูลสมาชิก"
    folder.mkdir()
    path = write_access_json(data, folder / "สมชาย ใจดี-2569-10-01.json")
    raw = path.read_bytes()
    assert "สมชาย".encode() in raw and b"\\u0e" not in raw  # Thai as itself
    assert raw.startswith(b'{\n  "format"')
    assert json.loads(raw.decode("utf-8")) == json.loads(json.dumps(data))
    assert [p.name for p in folder.iterdir()] == [path.name]  # no temporary file left


def test_json_write_failure_keeps_the_old_file(
    register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with register.database.session() as s:
        data = member_data(s, member_id=register.member_id)
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "out.json"
    path.write_text('{"old": true}', encoding="utf-8")

    def disk_full(_source: object, _target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("db.privacy.access.os.replace", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_access_json(data, path)
    assert path.read_text(encoding="utf-8") == '{"old": true}'
    assert [p.name for p in folder.iterdir()] == ["out.json"]  # the temporary file is gone
