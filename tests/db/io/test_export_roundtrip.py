"""An export re-imports without loss: 500 demo members exported with every column (personal data
too), imported into a fresh database, and compared field by field, their groups and roles in
each too; and the groups cell in English, and the vCards beside it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from db.demo import populate
from db.engine import Database, open_database
from db.groups import add_group_member, save_group
from db.io.cell_safety import needs_escape
from db.io.export_columns import EXPORT_COLUMNS
from db.io.export_members import export_members
from tests.db.io.test_export_support import FORMULA_NOTE, LINE_AT, MINUS_NOTE

MEMBERS = 500

# Every member field the register keeps, and the organisation by what identifies it to a person.
_FIELDS_SQL = """
SELECT m.national_id, m.prefix, m.first_name, m.last_name, m.first_name_en, m.last_name_en,
       m.nickname, m.birth_date, m.gender, m.personnel_type, m.position, m.position_type,
       m.position_level, coalesce(o.name, ''), coalesce(o.type_code, ''), o.province_code,
       m.phone, m.phone_office, m.email, m.line_id, m.address, m.membership_no, m.status,
       m.joined_on, m.expires_on, m.consent_date, m.consent_purpose, m.notes,
       (SELECT group_concat(tag, '|') FROM (SELECT tag FROM member_strength s
        WHERE s.member_id = m.id AND s.deleted_at IS NULL ORDER BY s.rowid)),
       (SELECT group_concat(name || ' = ' || role, ' | ') FROM (SELECT g.name, gm.role
        FROM group_membership gm JOIN network_group g ON g.id = gm.group_id
        WHERE gm.member_id = m.id AND gm.deleted_at IS NULL AND gm.ended_on IS NULL
        ORDER BY gm.rowid))
FROM member m LEFT JOIN organisation o ON o.id = m.organisation_id
WHERE m.deleted_at IS NULL
"""
_NAMES = [
    "national_id",
    "prefix",
    "first_name",
    "last_name",
    "first_name_en",
    "last_name_en",
    "nickname",
    "birth_date",
    "gender",
    "personnel_type",
    "position",
    "position_type",
    "position_level",
    "organisation",
    "org_type",
    "province",
    "phone",
    "phone_office",
    "email",
    "line_id",
    "address",
    "membership_no",
    "status",
    "joined_on",
    "expires_on",
    "consent_date",
    "consent_purpose",
    "notes",
    "strengths",
    "groups",  # "group name = role code | ...", in the order joined
]
# Groups whose names the groups cell must take care of (db.io.group_cells), given in turn to
# the first members, with a role each: a bracket of the name's own, a ';' and quotes, a role
# label in brackets that is part of the name, a name starting with a quote.
AWKWARD_GROUPS = (
    ("ชมรมนักบริหาร (ภาคใต้)", "member"),
    ('เครือข่าย "ปลัด; รองปลัด"', "treasurer"),
    ("คณะทำงาน (ประธาน)", "member"),
    ('"ชมรม" คนรักถิ่น', "vice_chair"),
)


def register_fields(database: Database) -> dict[str, dict[str, object]]:
    with database.session() as s:
        rows = s.connection().exec_driver_sql(_FIELDS_SQL).all()
    return {row[0]: dict(zip(_NAMES, row, strict=True)) for row in rows}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Database:
    database = open_database(tmp_path_factory.mktemp("source") / "source.sqlite")
    populate(database, members=MEMBERS, seed=7, today=dt.date(2026, 11, 24), duplicate_share=0)
    with database.session() as s:
        keys = [row[0] for row in s.connection().exec_driver_sql(
            "SELECT id FROM member WHERE deleted_at IS NULL ORDER BY rowid LIMIT 4"
        )]  # fmt: skip
        edits = (
            ("notes", FORMULA_NOTE), ("notes", MINUS_NOTE), ("line_id", LINE_AT),
            ("notes", "หมายเหตุ, มีจุลภาค; และ \"อัญประกาศ\"\nหลายบรรทัด"),
        )  # fmt: skip
        for member_id, (field, value) in zip(keys, edits, strict=True):
            s.connection().exec_driver_sql(
                f"UPDATE member SET {field} = ? WHERE id = ?", (value, member_id)
            )
        for member_id, (name, role) in zip(keys, AWKWARD_GROUPS, strict=True):
            group_id = save_group(s, name=name, kind="network")
            add_group_member(s, group_id=group_id, member_id=member_id, role=role)
    return database


Differences = list[tuple[str, str, object, object]]


@pytest.fixture(
    scope="module",
    params=[(".xlsx", "BE", "th"), (".csv", "CE", "th"), (".xlsx", "CE", "th"),
            (".xlsx", "BE", "en")],
    ids=["xlsx-BE", "csv-CE", "xlsx-CE", "xlsx-BE-en"],  # a CE workbook holds Excel dates
)  # fmt: skip
def differences(
    request: pytest.FixtureRequest, source: Database, tmp_path_factory: pytest.TempPathFactory
) -> Differences:
    """(national ID, field, value before, value after) for every field that changed on the way
    out and back in."""
    importing = pytest.importorskip("db.io.import_members", reason="importer not available")
    suffix, era, language = request.param
    folder = tmp_path_factory.mktemp("roundtrip")
    exported = folder / f"members{suffix}"
    every = [column.key for column in EXPORT_COLUMNS]  # the groups too, asked for
    result = export_members(source, out_path=exported, columns=every, include_personal=True,
                            era=era, language=language)  # fmt: skip
    assert result.count == MEMBERS
    target = open_database(folder / "target.sqlite")
    try:
        report = importing.import_members(target, path=exported)
        assert report.errors == []
        # The app's own file raises no doubt: only the organisations and groups it creates
        # in the empty register are said (an English organisation type is understood).
        assert {w["code"] for w in report.warnings} <= {"organisation_created", "group_created"}
        assert (report.imported, report.rejected, report.skipped) == (MEMBERS, 0, 0)
        before, after = register_fields(source), register_fields(target)
    finally:
        target.dispose()
    assert len(before) == MEMBERS and set(after) == set(before)
    return [
        (national_id, name, value, after[national_id][name])
        for national_id, fields in before.items()
        for name, value in fields.items()
        if after[national_id][name] != value
    ]


def test_an_export_reimports_without_loss(differences: Differences) -> None:
    """Every field of every member, except the cells escaped against formulas (next test)."""
    assert [d for d in differences if not needs_escape(str(d[2]))] == []


def test_cells_escaped_against_formulas_reimport_as_they_were(differences: Differences) -> None:
    assert differences == []


def test_the_source_has_members_in_several_groups_in_several_roles(source: Database) -> None:
    """What the round trip must carry (else the comparison above proves little)."""
    fields = register_fields(source).values()
    groups = [str(f["groups"]).split(" | ") for f in fields if f["groups"]]
    assert len(groups) == MEMBERS
    assert sum(len(each) > 2 for each in groups) >= 10
    roles = {pair.rsplit(" = ", 1)[1] for each in groups for pair in each}
    assert {"member", "chair", "secretary", "treasurer", "vice_chair"} <= roles
    named = {pair.rsplit(" = ", 1)[0] for each in groups for pair in each}
    assert {name for name, _role in AWKWARD_GROUPS} <= named


def test_groups_reimport_from_an_english_export(
    source: Database, tmp_path: Path
) -> None:
    """English headers and role labels ("Groups (role)", "Chair") map back as well."""
    importing = pytest.importorskip("db.io.import_members", reason="importer not available")
    exported = tmp_path / "groups.csv"
    columns = ["first_name", "last_name", "national_id", "groups"]
    export_members(source, out_path=exported, columns=columns, include_personal=True,
                   language="en")  # fmt: skip
    assert "(Chair)" in exported.read_text("utf-8-sig")
    target = open_database(tmp_path / "target.sqlite")
    try:
        report = importing.import_members(target, path=exported)
        assert report.errors == [] and report.imported == MEMBERS
        after = {key: fields["groups"] for key, fields in register_fields(target).items()}
    finally:
        target.dispose()
    assert after == {key: fields["groups"] for key, fields in register_fields(source).items()}


def test_the_vcards_are_the_same_with_groups_or_without(
    source: Database, tmp_path: Path
) -> None:
    """The groups are no part of a card: removing every membership changes no byte."""
    with_groups = tmp_path / "with.vcf"
    export_members(source, out_path=with_groups, include_personal=True)
    copy = tmp_path / "copy.sqlite"
    connection = source.raw_connection()
    try:
        connection.execute("VACUUM INTO ?", (str(copy),))
    finally:
        connection.close()
    database = open_database(copy)
    try:
        with database.session() as s:
            s.connection().exec_driver_sql("DELETE FROM group_membership")
        without = tmp_path / "without.vcf"
        export_members(database, out_path=without, include_personal=True)
    finally:
        database.dispose()
    assert with_groups.read_bytes() == without.read_bytes()
    assert "ชมรม" not in with_groups.read_text("utf-8")
