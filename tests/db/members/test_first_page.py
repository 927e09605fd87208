"""search_member_keys(limit=N): exactly the first N keys of the full ordered list, whichever way
(walk of the name index, walk cut short by its time budget, FTS matches sorted) finds them."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from db.demo.populate import populate
from db.engine import Database, open_database
from db.members import query
from db.members._sql import dbapi
from db.members.query import search_member_keys
from db.members.types import MemberFilter, MemberSort, SortColumn

MEMBERS = 3_000
LIMITS = (1, 7, 60)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    path: Path = tmp_path_factory.mktemp("first-page") / "demo.sqlite"
    database = open_database(path)
    populate(database, members=MEMBERS, seed=11)
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def words(demo: Database) -> dict[str, str]:
    """Search texts of each kind, taken from the data so that they match many or few members."""
    with demo.session() as s:
        connection = dbapi(s)
        names = [r[0] for r in connection.execute("SELECT first_name FROM member ORDER BY rowid")]
        province = connection.execute(
            "SELECT o.province_code FROM member m JOIN organisation o ON o.id = m.organisation_id"
            " GROUP BY o.province_code ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
    rare_pair = min(
        {name[:2] for name in names if len(name) >= 2},
        key=lambda pair: (sum(pair in name for name in names), pair),
    )
    letters = {char for name in names for char in name}
    rare_letter = min(letters, key=lambda c: (sum(c in name for name in names), c))
    return {
        "one": "น",  # in a large share of the register
        "rare_one": rare_letter,
        "pair": names[0][:2],
        "rare_pair": rare_pair,
        "three": names[0][:3],
        "name": names[1],
        "province": str(province),
    }


def first_and_full(
    session: Session, filters: MemberFilter, sort: MemberSort, limit: int
) -> tuple[array[int], array[int]]:
    first = search_member_keys(session, filters=filters, sort=sort, limit=limit)
    full = search_member_keys(session, filters=filters, sort=sort)
    return first, full


def filters_for(kind: str, words: dict[str, str]) -> MemberFilter:
    province = (int(words["province"]),)
    return {
        "everyone": MemberFilter(),
        "one": MemberFilter(text=words["one"]),
        "rare_one": MemberFilter(text=words["rare_one"]),
        "pair": MemberFilter(text=words["pair"]),
        "rare_pair": MemberFilter(text=words["rare_pair"]),
        "three": MemberFilter(text=words["three"]),
        "name": MemberFilter(text=words["name"]),
        "two_terms": MemberFilter(text=f"{words['one']} {words['pair']}"),
        "province": MemberFilter(province_codes=province),
        "province_one": MemberFilter(text=words["one"], province_codes=province),
        "province_pair": MemberFilter(text=words["pair"], province_codes=province),
        "status_three": MemberFilter(text=words["three"], statuses=("active",)),
        "nothing": MemberFilter(text="ฃฃฃ"),
        "nothing_short": MemberFilter(text="ฃ"),
    }[kind]


KINDS = (
    "everyone", "one", "rare_one", "pair", "rare_pair", "three", "name", "two_terms", "province",
    "province_one", "province_pair", "status_three", "nothing", "nothing_short",
)  # fmt: skip


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("kind", KINDS)
def test_limit_gives_the_first_keys_of_the_full_list(
    demo: Database, words: dict[str, str], kind: str, descending: bool
) -> None:
    filters = filters_for(kind, words)
    sort = MemberSort(SortColumn.NAME, descending=descending)
    with demo.session() as s:
        for limit in LIMITS:
            first, full = first_and_full(s, filters, sort, limit)
            assert first == full[:limit], (kind, limit)
            assert isinstance(first, array) and first.typecode == "q"
    if kind in ("one", "pair", "everyone", "province"):
        assert len(full) > max(LIMITS)  # the limit really cut the list short
    if kind.startswith("nothing"):
        assert len(full) == 0


@pytest.mark.parametrize(
    ("budget", "few", "few_fts"),
    [
        (-1.0, 10_000, 0),  # every walk is out of time at once: matches found and sorted
        (60.0, -1, 0),  # never "few": always walk (to the end if need be)
        (60.0, 10**9, 10**9),  # always "few": FTS matches or candidates first
    ],
)
@pytest.mark.parametrize(
    "kind",
    [
        "one", "rare_one", "pair", "rare_pair", "three", "name", "province", "province_one",
        "province_pair", "status_three", "nothing", "nothing_short",
    ],
)  # fmt: skip
def test_every_way_of_finding_the_first_page_agrees(
    demo: Database,
    words: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    budget: float,
    few: int,
    few_fts: int,
) -> None:
    monkeypatch.setattr(query, "WALK_BUDGET_S", budget)
    monkeypatch.setattr(query, "WALK_CHECK_STEPS", 1)
    monkeypatch.setattr(query, "FEW_CANDIDATE_DOCUMENTS", few)
    monkeypatch.setattr(query, "FEW_FTS_MATCHES", few_fts)
    filters = filters_for(kind, words)
    with demo.session() as s:
        for descending in (False, True):
            sort = MemberSort(SortColumn.NAME, descending=descending)
            for limit in LIMITS:
                first, full = first_and_full(s, filters, sort, limit)
                assert first == full[:limit], (kind, descending, limit)


def test_rare_letter_out_of_time_uses_fts_candidates(
    demo: Database, words: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query, "WALK_BUDGET_S", -1.0)
    monkeypatch.setattr(query, "WALK_CHECK_STEPS", 1)
    filters = filters_for("rare_one", words)
    statements: list[str] = []
    with demo.session() as s:
        connection = dbapi(s)
        connection.set_trace_callback(statements.append)
        try:
            first = search_member_keys(s, filters=filters, limit=5)
        finally:
            connection.set_trace_callback(None)
        full = search_member_keys(s, filters=filters)
    selects = [sql for sql in statements if "SELECT m.rowid FROM member m" in sql]
    assert len(selects) == 2  # the interrupted walk, then the candidates sorted
    assert "member_fts" not in selects[0] and "member_fts MATCH" in selects[1]
    assert first == full[:5] and len(full) > 0


def test_walk_out_of_time_falls_back_to_the_sorted_matches(
    demo: Database, words: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query, "WALK_BUDGET_S", -1.0)
    monkeypatch.setattr(query, "WALK_CHECK_STEPS", 1)
    filters = filters_for("province_one", words)
    statements: list[str] = []
    with demo.session() as s:
        connection = dbapi(s)
        connection.set_trace_callback(statements.append)
        try:
            first = search_member_keys(s, filters=filters, limit=20)
        finally:
            connection.set_trace_callback(None)
        full = search_member_keys(s, filters=filters)
        # The session's transaction is still usable after the interrupted walk.
        assert connection.execute("SELECT count(*) FROM member").fetchone()[0] >= MEMBERS
    selects = [sql for sql in statements if "SELECT m.rowid FROM member m" in sql]
    assert len(selects) == 2  # the interrupted walk, then the sorted matches
    assert "+m.name_key" not in selects[0] and "+m.name_key" in selects[1]
    assert first == full[:20]


def plan_of(session: Session, filters: MemberFilter, limit: int) -> list[str]:
    """EXPLAIN QUERY PLAN of the statement search_member_keys runs last for this limit."""
    connection = dbapi(session)
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    try:
        search_member_keys(session, filters=filters, limit=limit)
    finally:
        connection.set_trace_callback(None)
    sql = next(s for s in reversed(statements) if "SELECT m.rowid FROM member m" in s)
    return [row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql)]


@pytest.mark.parametrize("kind", ["everyone", "one", "two_terms"])
def test_short_text_walks_the_name_index_without_sorting(
    demo: Database, words: dict[str, str], monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    # At 3,000 members every pair has "few" FTS candidates; at 393,000 common ones do not.
    monkeypatch.setattr(query, "FEW_CANDIDATE_DOCUMENTS", -1)
    with demo.session() as s:
        plan = plan_of(s, filters_for(kind, words), 40)
    assert any("ix_member_live_name" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan


def test_fts_text_keeps_the_fts_lookup(demo: Database, words: dict[str, str]) -> None:
    with demo.session() as s:
        plan = plan_of(s, filters_for("name", words), 40)
    assert any("member_fts" in step for step in plan), plan


def test_fts_text_with_many_matches_walks_the_names(
    demo: Database, words: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query, "FEW_FTS_MATCHES", 0)  # at 393,000: 3,000
    with demo.session() as s:
        plan = plan_of(s, filters_for("three", words), 40)
    assert any("ix_member_live_name" in step for step in plan), plan
    assert any("member_fts" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan


@pytest.mark.parametrize("column", [SortColumn.PROVINCE, SortColumn.LAST_NAME, SortColumn.PHONE])
def test_limit_with_other_sorts(demo: Database, words: dict[str, str], column: SortColumn) -> None:
    with demo.session() as s:
        for filters in (MemberFilter(), MemberFilter(text=words["one"])):
            for descending in (False, True):
                sort = MemberSort(column, descending=descending)
                first, full = first_and_full(s, filters, sort, 25)
                assert first == full[:25]


def test_limit_zero_and_negative(demo: Database) -> None:
    with demo.session() as s:
        assert search_member_keys(s, filters=MemberFilter(), limit=0) == array("q")
        with pytest.raises(ValueError, match="limit"):
            search_member_keys(s, filters=MemberFilter(), limit=-1)
        everyone = search_member_keys(s, filters=MemberFilter())
        assert search_member_keys(s, filters=MemberFilter(), limit=10**6) == everyone


@pytest.mark.parametrize("kind", KINDS)
def test_quick_first_keys_are_the_first_keys_or_none(
    demo: Database, words: dict[str, str], kind: str
) -> None:
    filters = filters_for(kind, words)
    with demo.session() as s:
        full = search_member_keys(s, filters=filters)
        quick = query.quick_first_member_keys(s, filters=filters, limit=30)
        assert quick is None or quick == full[:30]
        after = search_member_keys(s, filters=filters, limit=30, quick_tried=True)
        assert after == full[:30]
        if kind in ("everyone", "one"):
            assert quick is not None  # dense matches: the walk finds them at once


def test_quick_first_keys_give_up_past_the_budget(
    demo: Database, words: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(query, "WALK_BUDGET_S", -1.0)
    monkeypatch.setattr(query, "WALK_CHECK_STEPS", 1)
    monkeypatch.setattr(query, "FEW_CANDIDATE_DOCUMENTS", -1)
    monkeypatch.setattr(query, "FEW_FTS_MATCHES", 0)
    with demo.session() as s:
        for kind in ("one", "pair", "three", "province_one"):
            filters = filters_for(kind, words)
            assert query.quick_first_member_keys(s, filters=filters, limit=10) is None, kind
            full = search_member_keys(s, filters=filters)
            after = search_member_keys(s, filters=filters, limit=10, quick_tried=True)
            assert after == full[:10], kind
        # Everyone needs no test of a row: never out of time.
        everyone = query.quick_first_member_keys(s, filters=MemberFilter(), limit=10)
        assert everyone == search_member_keys(s, filters=MemberFilter())[:10]
        # Another sort has no quick way.
        other = MemberSort(SortColumn.PROVINCE)
        assert query.quick_first_member_keys(s, filters=MemberFilter(), sort=other, limit=5) is None
        with pytest.raises(ValueError, match="limit"):
            query.quick_first_member_keys(s, filters=MemberFilter(), limit=0)
