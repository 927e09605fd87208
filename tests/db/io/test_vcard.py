"""vCard 3.0: escaping, folding at 75 octets without breaking characters, cards and the .vcf
export of selected members."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.engine import open_database
from db.io import export_members as em
from db.io.export_columns import ExportError
from db.io.export_members import export_members
from db.io.vcard import (
    MAX_LINE_OCTETS,
    VCardContact,
    escape_text,
    fold_line,
    format_vcard,
    format_vcards,
    unfold,
)
from db.members.types import MemberFilter
from tests.db.io.test_export_support import FORMULA_NOTE, Register, build_register


def test_escape_text() -> None:
    assert escape_text("a,b;c\\d") == "a\\,b\\;c\\\\d"
    assert escape_text("บรรทัด 1\nบรรทัด 2\r\nบรรทัด 3\rจบ") == ("บรรทัด 1\\nบรรทัด 2\\nบรรทัด 3\\nจบ")
    assert escape_text("สมชาย ใจดี") == "สมชาย ใจดี"


def test_short_lines_are_not_folded() -> None:
    line = "FN:" + "ก" * 24  # 3 + 72 octets
    assert len(line.encode()) == MAX_LINE_OCTETS
    assert fold_line(line) == line


def test_folding_keeps_thai_characters_whole() -> None:
    line = "NOTE:" + "องค์การบริหารส่วนตำบลหนองบัว " * 6
    folded = fold_line(line)
    parts = folded.split("\r\n")
    assert len(parts) > 2
    assert len(parts[0].encode()) <= MAX_LINE_OCTETS
    for part in parts[1:]:
        assert part.startswith(" ")
        assert len(part.encode()) <= MAX_LINE_OCTETS
    for part in parts:
        part.encode("utf-8").decode("utf-8")  # every part is whole UTF-8 on its own
    assert unfold(folded + "\r\n") == [line]


def test_folding_never_splits_a_backslash_escape() -> None:
    for shift in range(4):
        line = "NOTE:" + "x" * (69 + shift) + escape_text(",;\\,,,\n" * 20)
        for part in fold_line(line).split("\r\n"):
            stripped = part.rstrip("\\")
            assert (len(part) - len(stripped)) % 2 == 0, part  # no dangling escape at the end
        assert unfold(fold_line(line) + "\r\n") == [line]


@given(st.text(alphabet=st.sampled_from(list("ab\\,;กิ่ำ😀\n")), max_size=300))
def test_fold_then_unfold_gives_the_line_back(text: str) -> None:
    line = "NOTE:" + escape_text(text)
    folded = fold_line(line)
    assert unfold(folded + "\r\n") == [line]
    assert all(len(part.encode()) <= MAX_LINE_OCTETS for part in folded.split("\r\n"))


def test_a_whole_card() -> None:
    contact = VCardContact(
        uid="01a20d4a-7b6b-77cc-ae60-0767f3a5eb12", prefix="ว่าที่ร้อยตรี", first_name="สมชาย",
        last_name="ใจดี", nickname="ชาย", organisation="องค์การบริหารส่วนตำบลหนองบัว",
        position="ปลัด อบต.", mobile="0812345678", office_phone="021234567",
        email="somchai@example.com", note="จังหวัดขอนแก่น\nLINE: @shop", birthday=dt.date(1980, 2, 29),
    )  # fmt: skip
    text = format_vcard(contact)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert unfold(text) == [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:ใจดี;สมชาย;;ว่าที่ร้อยตรี;",
        "FN:ว่าที่ร้อยตรีสมชาย ใจดี",
        "NICKNAME:ชาย",
        "ORG:องค์การบริหารส่วนตำบลหนองบัว",
        "TITLE:ปลัด อบต.",
        "TEL;TYPE=CELL,VOICE:+66812345678",
        "TEL;TYPE=WORK,VOICE:+6621234567",
        "EMAIL;TYPE=INTERNET:somchai@example.com",
        "BDAY:1980-02-29",
        "NOTE:จังหวัดขอนแก่น\\nLINE: @shop",
        "UID:urn:uuid:01a20d4a-7b6b-77cc-ae60-0767f3a5eb12",
        "END:VCARD",
    ]


def test_a_card_with_only_a_name_and_an_odd_phone() -> None:
    card = unfold(format_vcard(VCardContact(uid="x", first_name="อรุณ", mobile="-")))
    assert card == [
        "BEGIN:VCARD", "VERSION:3.0", "N:;อรุณ;;;", "FN:อรุณ", "TEL;TYPE=CELL,VOICE:-",
        "UID:urn:uuid:x", "END:VCARD",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("prefix", "first", "last", "expected"),
    [
        ("Mr.", "John", "O'Neil-Smith", "Mr. John O'Neil-Smith"),
        ("Dr", "Anan", "Sukjai", "Dr Anan Sukjai"),
        ("นาย", "สมชาย", "ใจดี", "นายสมชาย ใจดี"),  # Thai writes the prefix joined
        ("ว่าที่ร้อยตรี ดร.", "สมชาย", "ใจดี", "ว่าที่ร้อยตรี ดร.สมชาย ใจดี"),
        ("", "อรุณ", "", "อรุณ"),
    ],
)
def test_a_latin_prefix_is_followed_by_a_space(
    prefix: str, first: str, last: str, expected: str
) -> None:
    contact = VCardContact(uid="x", prefix=prefix, first_name=first, last_name=last)
    assert contact.formatted_name == expected
    assert f"FN:{expected}" in unfold(format_vcard(contact))


def test_many_cards_in_one_text() -> None:
    contacts = [VCardContact(uid=str(n), first_name=f"คนที่ {n}") for n in range(3)]
    text = format_vcards(contacts)
    assert text.count("BEGIN:VCARD\r\n") == 3 and text.count("END:VCARD\r\n") == 3


# --- the .vcf export ----------------------------------------------------------------------------


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Register]:
    database = open_database(tmp_path / "t.sqlite")
    yield build_register(database)
    database.dispose()


def _cards(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    lines = unfold(data.decode("utf-8"))
    cards: list[list[str]] = []
    for line in lines:
        if line == "BEGIN:VCARD":
            cards.append([])
        cards[-1].append(line)
    return cards


def test_vcf_of_selected_members(register: Register, tmp_path: Path) -> None:
    path = tmp_path / "contacts.vcf"
    ids = register.ids
    result = export_members(
        register.database, out_path=path, member_ids=[ids["somying"], ids["somchai"], ids["gone"]]
    )
    assert result.count == 2
    somchai, somying = _cards(path)  # in name order
    assert "FN:ว่าที่ร้อยตรีสมชาย ใจดี" in somchai
    assert "ORG:องค์การบริหารส่วนตำบลหนองบัว" in somchai
    assert "TITLE:ปลัดองค์การบริหารส่วนตำบล" in somchai
    assert "TEL;TYPE=CELL,VOICE:+66812345678" in somchai
    assert "TEL;TYPE=WORK,VOICE:+6643123456" in somchai
    assert "EMAIL;TYPE=INTERNET:somchai@example.com" in somchai
    note = next(line for line in somchai if line.startswith("NOTE:"))
    assert note == (
        "NOTE:จังหวัดขอนแก่น\\nLINE: @shop_somchai\\nเลขสมาชิก 000123\\n" + escape_text(FORMULA_NOTE)
    )
    assert not any(line.startswith("BDAY") for line in somchai)  # personal: not asked for
    assert f"UID:urn:uuid:{ids['somchai']}" in somchai
    assert "N:รักไทย;สมหญิง;;นางสาว;" in somying
    assert "TEL;TYPE=WORK,VOICE:+6621234567" in somying


def test_vcf_birthday_only_with_personal_data(register: Register, tmp_path: Path) -> None:
    path = tmp_path / "c.vcf"
    export_members(
        register.database, out_path=path, member_ids=[register.ids["somchai"]],
        include_personal=True, language="en",
    )  # fmt: skip
    (card,) = _cards(path)
    assert "BDAY:1980-02-29" in card
    assert next(line for line in card if line.startswith("NOTE:")).startswith(
        "NOTE:Province: Khon Kaen\\nLINE: @shop_somchai\\nMembership no. 000123"
    )


def test_vcf_of_a_filtered_view_in_chunks(
    register: Register, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(em, "CHUNK", 2)
    path = tmp_path / "all.vcf"
    assert export_members(register.database, out_path=path).count == 5
    assert [c[3] for c in _cards(path)] == [
        "FN:นางเกศินี ศรีสุข", "FN:นายไพโรจน์ เก่งกาจ", "FN:ว่าที่ร้อยตรีสมชาย ใจดี",
        "FN:นางสาวสมหญิง รักไทย", "FN:อรุณ แสงทอง",
    ]  # fmt: skip


def test_vcf_with_nobody_is_refused(register: Register, tmp_path: Path) -> None:
    with pytest.raises(ExportError) as error:
        export_members(
            register.database, out_path=tmp_path / "none.vcf", filters=MemberFilter(text="ไม่มี")
        )
    assert error.value.code == "no_members"
    assert list(tmp_path.glob("*.vcf*")) == []
