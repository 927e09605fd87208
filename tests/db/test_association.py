"""The association profile: empty until saved, round trip, normalisation, every validation code,
nothing stored on error, an unreadable stored value read as empty."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.association import (
    INVALID_EMAIL,
    INVALID_LOGO,
    INVALID_PHONE,
    LOGO_TOO_LARGE,
    MAX_LOGO_BYTES,
    MISSING_NAME,
    MISSING_SIGNATORY_NAME,
    MISSING_SIGNATORY_TITLE,
    SETTING_KEY,
    TOO_LONG,
    TOO_MANY_SIGNATORIES,
    AssociationProfile,
    AssociationProfileError,
    Signatory,
    association_profile,
    png_size,
    save_association_profile,
)
from db.engine import Database, open_database


def make_png(width: int, height: int) -> bytes:
    """A real (grey) PNG of this size, built without Qt."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


FULL = AssociationProfile(
    name_th="สมาคมปลัดองค์กรปกครองส่วนท้องถิ่นแห่งประเทศไทย",
    name_en="Association of Local Government Clerks of Thailand",
    address="เลขที่ 99 ถนนพหลโยธิน\nแขวงสามเสนใน เขตพญาไท\nกรุงเทพมหานคร 10400",
    phone="0-2123-4567 ต่อ 12",
    email="office@example.or.th",
    logo_png=make_png(64, 32),
    signatories=(
        Signatory(name="นายสมชาย ใจดี", position="ปลัดเทศบาลนครขอนแก่น", title="นายกสมาคม"),
        Signatory(name="นางสาวมาลี ศรีสุข", position="", title="เลขาธิการ"),
    ),
)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "t.sqlite")
    yield db
    db.dispose()


def stored_value(database: Database) -> str | None:
    with database.session() as session:
        row = (
            session.connection()
            .exec_driver_sql("SELECT value FROM local_setting WHERE key = ?", (SETTING_KEY,))
            .fetchone()
        )
    return None if row is None else str(row[0])


def codes(error: pytest.ExceptionInfo[AssociationProfileError]) -> set[tuple[str, str]]:
    return {(e.field, e.code) for e in error.value.errors}


def test_empty_until_saved(database: Database) -> None:
    with database.session() as session:
        profile = association_profile(session)
    assert profile == AssociationProfile(
        name_th="", name_en="", address="", phone="", email="", logo_png=None, signatories=()
    )
    assert profile.is_empty


def test_round_trip_in_a_new_session(database: Database) -> None:
    with database.session() as session:
        save_association_profile(session, FULL)
    with database.session() as session:
        assert association_profile(session) == FULL
    assert "สมาคม" in (stored_value(database) or "")  # JSON keeps Thai readable


def test_keyword_call_as_the_db_executor_makes_it(database: Database) -> None:
    with database.session() as session:
        save_association_profile(session=session, profile=FULL)
        assert association_profile(session=session).name_th == FULL.name_th


def test_saving_again_replaces_and_empty_clears(database: Database) -> None:
    with database.session() as session:
        save_association_profile(session, FULL)
        save_association_profile(session, AssociationProfile(name_th="สมาคมใหม่"))
        assert association_profile(session) == AssociationProfile(name_th="สมาคมใหม่")
        save_association_profile(session, AssociationProfile())
        assert association_profile(session).is_empty
    assert stored_value(database) is None


def test_text_is_normalised_and_blank_signatory_rows_dropped(database: Database) -> None:
    typed = AssociationProfile(
        name_th="  สมาคม\u200bปลัด   อบต.  ",
        address="\n  99  ถนนหลวง \n\nขอนแก่น  \n",
        email=" office@example.or.th ",
        logo_png=b"",
        signatories=(
            Signatory(name="  ", position="", title=" "),
            Signatory(name="นายสมชาย  ใจดี", position=" ", title="นายกสมาคม"),
        ),
    )
    with database.session() as session:
        save_association_profile(session, typed)
        saved = association_profile(session)
    assert saved.name_th == "สมาคมปลัด อบต."
    assert saved.address == "99 ถนนหลวง\n\nขอนแก่น"
    assert saved.email == "office@example.or.th"
    assert saved.logo_png is None
    assert saved.signatories == (Signatory(name="นายสมชาย ใจดี", position="", title="นายกสมาคม"),)


def test_name_required_when_anything_else_is_set(database: Database) -> None:
    with database.session() as session:
        for profile in (
            AssociationProfile(name_en="Clerks' Association"),
            AssociationProfile(phone="021234567"),
            AssociationProfile(signatories=(Signatory("นายก", "", "นายกสมาคม"),)),
        ):
            with pytest.raises(AssociationProfileError) as error:
                save_association_profile(session, profile)
            assert codes(error) == {("name_th", MISSING_NAME)}


def test_every_problem_reported_at_once_and_nothing_stored(database: Database) -> None:
    with database.session() as session:
        save_association_profile(session, FULL)
    bad = AssociationProfile(
        name_th="ส" * 201,
        phone="โทร. ๐๒",
        email="office@",
        logo_png=b"GIF89a not a png",
        signatories=(
            Signatory(name="", position="ปลัด", title="นายกสมาคม"),
            Signatory(name="นายเอ", position="", title=""),
            Signatory(name="นายบี", position="", title="ก"),
            Signatory(name="นายซี", position="", title="ข"),
            Signatory(name="นายดี", position="", title="ค"),
        ),
    )
    with database.session() as session, pytest.raises(AssociationProfileError) as error:
        save_association_profile(session, bad)
    assert codes(error) == {
        ("name_th", TOO_LONG),
        ("phone", INVALID_PHONE),
        ("email", INVALID_EMAIL),
        ("logo_png", INVALID_LOGO),
        ("signatories", TOO_MANY_SIGNATORIES),
        ("signatories.0.name", MISSING_SIGNATORY_NAME),
        ("signatories.1.title", MISSING_SIGNATORY_TITLE),
    }
    assert all(e.message for e in error.value.errors)
    with database.session() as session:
        assert association_profile(session) == FULL


def test_thai_digit_phone_accepted(database: Database) -> None:
    with database.session() as session:
        save_association_profile(session, AssociationProfile(name_th="สมาคม", phone="๐๔๓-๒๑๒๓๔๕"))
        assert association_profile(session).phone == "๐๔๓-๒๑๒๓๔๕"


@pytest.mark.parametrize(
    "logo",
    [make_png(513, 10), make_png(10, 600), b"\x89PNG\r\n\x1a\n" + b"\x00" * (MAX_LOGO_BYTES)],
)
def test_logo_over_the_limits_refused(database: Database, logo: bytes) -> None:
    with database.session() as session, pytest.raises(AssociationProfileError) as error:
        save_association_profile(session, AssociationProfile(name_th="สมาคม", logo_png=logo))
    assert codes(error) == {("logo_png", LOGO_TOO_LARGE)}


def test_logo_of_the_largest_size_accepted(database: Database) -> None:
    logo = make_png(512, 512)
    with database.session() as session:
        save_association_profile(session, AssociationProfile(name_th="สมาคม", logo_png=logo))
        assert association_profile(session).logo_png == logo
    assert png_size(logo) == (512, 512)


def test_png_size_refuses_other_data() -> None:
    for data in (b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0" + b"\x00" * 40):
        with pytest.raises(ValueError):
            png_size(data)


def test_unreadable_stored_value_reads_as_empty_and_is_kept(database: Database) -> None:
    for broken in ("{not json", '{"logo_png": "***"}', "[1, 2]", '{"signatories": [1]}'):
        with database.session() as session:
            session.connection().exec_driver_sql(
                "INSERT OR REPLACE INTO local_setting (key, value) VALUES (?, ?)",
                (SETTING_KEY, broken),
            )
        with database.session() as session:
            assert association_profile(session).is_empty
        assert stored_value(database) == broken
