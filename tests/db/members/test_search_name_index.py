"""MemberNameIndex.first_keys: exactly the first keys of search_member_keys, or None (the caller
asks SQL); never an answer from a snapshot older than the database."""

from __future__ import annotations

import random
import sqlite3
from array import array
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.demo.populate import populate
from db.engine import Database, open_database
from db.members._sql import dbapi
from db.members.edit import delete_member, save_member
from db.members.profile import get_member
from db.members.query import search_member_keys
from db.members.search_index import MemberNameIndex
from db.members.types import MemberFilter, MemberInput, MemberSort, SortColumn
from db.search import add_search_backlog

MEMBERS = 3_000
BY_NAME = MemberSort(SortColumn.NAME)
BY_NAME_DESC = MemberSort(SortColumn.NAME, descending=True)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path: Path = tmp_path_factory.mktemp("name-index") / "demo.sqlite"
    database = open_database(path)
    populate(database, members=MEMBERS, seed=5)
    database.dispose()
    return path


@pytest.fixture
def demo(demo_path: Path, tmp_path: Path) -> Iterator[Database]:
    """A copy of the demo register per test (tests here write to it)."""
    copy = tmp_path / "demo.sqlite"
    source = sqlite3.connect(demo_path)
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    database = open_database(copy)
    yield database
    database.dispose()


@pytest.fixture
def index(demo: Database) -> Iterator[MemberNameIndex]:
    names = MemberNameIndex(demo.path)
    assert names.refresh()
    yield names
    names.close()


def full_keys(database: Database, filters: MemberFilter, sort: MemberSort) -> array[int]:
    with database.session() as session:
        return search_member_keys(session, filters=filters, sort=sort)


def names_of(database: Database) -> list[tuple[str, str, str, str]]:
    with database.session() as session:
        return (
            dbapi(session)
            .execute(
                "SELECT first_name, last_name, nickname, first_name_en FROM member"
                " WHERE deleted_at IS NULL ORDER BY rowid"
            )
            .fetchall()
        )


def random_texts(database: Database, count: int, seed: int) -> list[str]:
    """Search texts as people type them: pieces of names (1, 2, 3+ code points, from any place
    in the name), Latin pieces in any case, two terms, and texts that match nothing."""
    rng = random.Random(seed)
    rows = names_of(database)
    texts: list[str] = ["ฃ", "ฃฃ", "zz", "ฃฃฃ", "ก ข", "ab"]
    while len(texts) < count:
        first, last, nickname, latin = rng.choice(rows)
        source = rng.choice([first, first, last, nickname, latin or first])
        if not source:
            continue
        length = rng.choice([1, 2, 2, 2, 3, 4])
        start = rng.randrange(max(1, len(source) - length + 1))
        piece = source[start : start + length]
        if rng.random() < 0.2:
            piece = piece.upper() if rng.random() < 0.5 else piece.capitalize()
        if rng.random() < 0.15:
            other = rng.choice(rows)[1]
            piece = f"{piece} {other[: rng.choice([1, 2, 3])]}"
        texts.append(piece)
    return texts


def test_first_keys_are_the_first_keys_of_the_full_list(
    demo: Database, index: MemberNameIndex
) -> None:
    answered = 0
    for number, text in enumerate(random_texts(demo, 260, seed=3)):
        sort = BY_NAME_DESC if number % 3 == 0 else BY_NAME
        limit = (1, 7, 40)[number % 3]
        filters = MemberFilter(text=text)
        first = index.first_keys(filters=filters, sort=sort, limit=limit)
        if first is None:
            continue
        answered += 1
        assert isinstance(first, array) and first.typecode == "q"
        assert first == full_keys(demo, filters, sort)[:limit], (text, sort, limit)
    assert answered > 230  # None only for what it cannot tell (digits, many FTS matches)


def test_short_terms_never_ask_sql(demo: Database, index: MemberNameIndex) -> None:
    """A 1-2 code point search is answered from memory, however its matches are spread."""
    for text in ("ส", "สม", "มู", "ฃ", "ฃฃ", "อเ", "a", "ch"):
        first = index.first_keys(filters=MemberFilter(text=text), limit=40)
        assert first is not None, text
        assert first == full_keys(demo, MemberFilter(text=text), BY_NAME)[:40], text


def test_none_where_sql_must_answer(demo: Database, index: MemberNameIndex) -> None:
    text = names_of(demo)[0][0][:2]
    assert index.first_keys(filters=MemberFilter(text=text), limit=5) is not None
    assert index.first_keys(filters=MemberFilter(), limit=5) is None  # no text: index walk
    assert index.first_keys(filters=MemberFilter(text="  "), limit=5) is None
    panel = MemberFilter(text=text, statuses=("active",))
    assert index.first_keys(filters=panel, limit=5) is None
    other_sort = MemberSort(SortColumn.PROVINCE)
    assert index.first_keys(filters=MemberFilter(text=text), sort=other_sort, limit=5) is None
    assert index.first_keys(filters=MemberFilter(text="08"), limit=5) is None  # phone digits
    assert index.first_keys(filters=MemberFilter(text="é"), limit=5) is None  # not in cp874
    with pytest.raises(ValueError, match="limit"):
        index.first_keys(filters=MemberFilter(text=text), limit=0)


def test_too_many_fts_matches_give_none(demo: Database) -> None:
    index = MemberNameIndex(demo.path, max_fts_matches=10)
    index.refresh()
    try:
        # "นา" + one more: the prefixes นาย/นาง give thousands of FTS matches.
        assert index.first_keys(filters=MemberFilter(text="นาย"), limit=5) is None
        few = names_of(demo)[0][0]
        result = index.first_keys(filters=MemberFilter(text=few), limit=5)
        expected = full_keys(demo, MemberFilter(text=few), BY_NAME)[:5]
        assert result is None or result == expected
    finally:
        index.close()


def test_latin_names_and_characters_outside_the_code_page(demo: Database) -> None:
    """An ASCII term is looked for in the lowered Latin names too; a Thai term never is; a
    character the code page lacks (é) cannot make a false match or hide a true one."""
    with demo.session() as session:
        save_member(
            session,
            data=MemberInput(first_name="ฬฬาโจเซ", last_name="ทดสอบ", first_name_en="JOSÉ Qxw"),
        )
        save_member(session, data=MemberInput(first_name="ฬฬีเอ", first_name_en="ฬฬู"))
    index = MemberNameIndex(demo.path)
    index.refresh()
    try:
        for text, sort in (("qx", BY_NAME), ("sé", BY_NAME), ("jos", BY_NAME_DESC),
                           ("ฬฬ", BY_NAME), ("ฬฬู", BY_NAME), ("ฬู", BY_NAME_DESC)):  # fmt: skip
            filters = MemberFilter(text=text)
            first = index.first_keys(filters=filters, sort=sort, limit=10)
            expected = full_keys(demo, filters, sort)[:10]
            if first is not None:
                assert first == expected, text
        assert index.first_keys(filters=MemberFilter(text="qx"), limit=10) is not None
        assert len(full_keys(demo, MemberFilter(text="qx"), BY_NAME)) == 1
        assert len(full_keys(demo, MemberFilter(text="ฬู"), BY_NAME)) == 0  # Latin column only
        assert index.first_keys(filters=MemberFilter(text="ฬู"), limit=10) == array("q")
    finally:
        index.close()


def test_out_of_date_after_an_edit_a_delete_or_an_insert(
    demo: Database, index: MemberNameIndex
) -> None:
    rows = names_of(demo)
    text = rows[10][0][:2]
    filters = MemberFilter(text=text)
    assert index.is_current()
    with demo.session() as session:
        first = full_keys(demo, filters, BY_NAME)[0]
        member_id = (
            dbapi(session).execute("SELECT id FROM member WHERE rowid = ?", (first,)).fetchone()[0]
        )
    with demo.session() as session:  # rename the first match so it no longer matches
        profile = get_member(session, member_id=member_id)
        data = profile.data
        save_member(session, data=data.__class__(**{**_fields(data), "first_name": "ฮฮฮ"}))
    assert not index.is_current()
    assert index.first_keys(filters=filters, limit=5) is None  # never the old answer
    assert index.first_keys(filters=MemberFilter(text="ฮฮฮ" + "x"), limit=5) is None  # FTS too
    assert index.refresh()
    assert index.first_keys(filters=filters, limit=5) == full_keys(demo, filters, BY_NAME)[:5]
    assert not index.refresh()  # current: nothing to read

    with demo.session() as session:
        delete_member(session, member_id=member_id)
    assert index.first_keys(filters=MemberFilter(text="ฮฮ"), limit=5) is None
    index.refresh()
    assert (
        index.first_keys(filters=MemberFilter(text="ฮฮ"), limit=5)
        == full_keys(demo, MemberFilter(text="ฮฮ"), BY_NAME)[:5]
    )

    # A bulk insert through a plain sqlite3 connection (as the importer writes).
    connection = demo.raw_connection()
    connection.execute(
        "INSERT INTO member (id, owner_office_id, created_at, updated_at, hlc, prefix,"
        " first_name, last_name, first_name_en, last_name_en, nickname, national_id,"
        " birth_date, gender, personnel_type, position, position_type, position_level,"
        " organisation_id, phone, phone_office, email, line_id, address, membership_no,"
        " status, joined_on, expires_on, notes, consent_date, consent_purpose, name_key,"
        " position_key)"
        " SELECT 'copy-' || id, owner_office_id, created_at, updated_at, hlc, prefix,"
        " 'กกฮฮ', last_name, first_name_en, last_name_en, nickname, NULL, birth_date, gender,"
        " personnel_type, position, position_type, position_level, organisation_id, phone,"
        " phone_office, email, line_id, address, membership_no || 'x', status, joined_on,"
        " expires_on, notes, consent_date, consent_purpose, x'00', position_key"
        " FROM member WHERE deleted_at IS NULL LIMIT 3"
    )
    connection.commit()
    connection.close()
    for text in ("ฮฮ", "กกฮ"):
        assert index.first_keys(filters=MemberFilter(text=text), limit=5) is None
    index.start_refresh()
    index.wait(timeout=60)
    for text in ("ฮฮ", "กกฮ"):
        expected = full_keys(demo, MemberFilter(text=text), BY_NAME)[:5]
        assert index.first_keys(filters=MemberFilter(text=text), limit=5) == expected
        assert len(expected) >= 3


def _fields(data: MemberInput) -> dict[str, object]:
    return {name: getattr(data, name) for name in data.__dataclass_fields__}


def test_closed_index_answers_nothing(demo: Database) -> None:
    index = MemberNameIndex(demo.path)
    assert index.first_keys(filters=MemberFilter(text="ส"), limit=5) is None  # not read yet
    assert not index.is_ready()
    index.refresh()
    assert index.is_ready() and index.memory_bytes() > 0
    index.close()
    assert index.first_keys(filters=MemberFilter(text="ส"), limit=5) is None
    assert not index.refresh()


def test_terms_for_the_search_index_go_to_sql_while_an_import_is_being_indexed(
    demo: Database, index: MemberNameIndex
) -> None:
    filters = MemberFilter(text=names_of(demo)[10][0][:3])
    assert index.first_keys(filters=filters, limit=10) is not None
    connection = demo.raw_connection()
    try:  # as a bulk import leaves it (db.search): members 1-5 may lack their documents
        add_search_backlog(connection, after=0, upto=5)
    finally:
        connection.close()
    index.refresh()
    assert index.first_keys(filters=filters, limit=10) is None
    short = MemberFilter(text=names_of(demo)[10][0][:2])  # not an index term: still answered
    assert index.first_keys(filters=short, limit=10) == full_keys(demo, short, BY_NAME)[:10]
