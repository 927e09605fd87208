"""Benchmark: the register's queries at national scale (393,000 members). Run on demand:

    .venv/bin/pytest tests/benchmarks/test_member_queries.py -m slow -s

The database is generated once per seed and cached under /tmp/khrueakhai-bench/ (by
``db.demo.populate`` when it exists, else by the bulk generator below) and reused by later runs.
"""

from __future__ import annotations

import os
import platform
import random
import sqlite3
import statistics
import time
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from db.engine import Database, open_database
from db.groups import group_tree
from db.members.profile import get_member, position_suggestions, strength_suggestions
from db.members.query import count_members, facet_counts, fetch_member_rows, search_member_keys
from db.members.types import Facet, MemberFilter, MemberSort, SortColumn
from db.organisations import organisation_suggestions

MEMBERS = int(os.environ.get("KHRUEAKHAI_BENCH_MEMBERS", "393000"))
SEED = 1
CACHE_DIR = Path("/tmp/khrueakhai-bench")

# --- bulk generator (used while db.demo.populate is not available) ------------------------------

_ORG_TYPES = (  # code, full Thai type name, share of ~7,850
    ("pao", "องค์การบริหารส่วนจังหวัด", 76),
    ("city_municipality", "เทศบาลนคร", 30),
    ("town_municipality", "เทศบาลเมือง", 195),
    ("subdistrict_municipality", "เทศบาลตำบล", 2247),
    ("sao", "องค์การบริหารส่วนตำบล", 5300),
)
_POSITIONS = (
    "ปลัดเทศบาล", "ปลัดองค์การบริหารส่วนตำบล", "รองปลัดเทศบาล", "ผู้อำนวยการกองคลัง",
    "ผู้อำนวยการกองช่าง", "ผู้อำนวยการกองการศึกษา", "หัวหน้าสำนักปลัด", "หัวหน้าฝ่ายบริหารงานทั่วไป",
    "นักวิเคราะห์นโยบายและแผน", "นักทรัพยากรบุคคล", "นิติกร", "นักวิชาการเงินและบัญชี",
    "เจ้าพนักงานธุรการ", "เจ้าพนักงานพัสดุ", "นักวิชาการศึกษา", "ครู", "นายช่างโยธา",
    "นักพัฒนาชุมชน", "นักวิชาการสาธารณสุข", "เจ้าพนักงานการเงินและบัญชี",
)  # fmt: skip
_PERSONNEL = ("local_official", "teacher", "permanent_employee", "contract_employee", "executive")
_STRENGTHS = (
    "การเงินการคลัง", "พัสดุและการจัดซื้อจัดจ้าง", "กฎหมายท้องถิ่น", "การจัดทำแผนพัฒนาท้องถิ่น",
    "งานบุคคล", "สาธารณสุข", "การศึกษาปฐมวัย", "ภัยพิบัติ", "เทคโนโลยีสารสนเทศ", "งานช่าง",
)  # fmt: skip
_NICKNAMES = ("ต้น", "ปุ๊", "แดง", "เล็ก", "น้อย", "หนุ่ม", "ใหม่", "บี", "เอ", "ตุ๋ย", "อ้อ", "นก", "แอน")
_STATUSES = ("active",) * 90 + ("pending",) * 3 + ("inactive",) * 4 + ("resigned",) * 3
_MEMBER_COLUMNS = (
    "id, owner_office_id, created_at, updated_at, hlc, prefix, first_name, last_name,"
    " first_name_en, last_name_en, nickname, national_id, birth_date, gender, personnel_type,"
    " position, position_type, position_level, organisation_id, phone, phone_office, email,"
    " line_id, address, membership_no, status, joined_on, notes, consent_date, consent_purpose,"
    " name_key, position_key"
)
_SYNC = "id, owner_office_id, created_at, updated_at, hlc"


def _generate(database: Database, members: int, seed: int) -> None:
    from faker.providers.person.th_TH import Provider

    from db.identity import local_identity
    from db.ids import new_ids
    from db.members._keys import member_name_key, thai_sort_key
    from db.thai.national_id import random_national_id

    rng = random.Random(seed)
    with database.engine.connect() as sa_connection:
        office = local_identity(sa_connection).office_id
    connection = database.raw_connection()
    now = "2026-11-24T00:00:00.000Z"
    hlc = f"{1_764_000_000_000:013d}.00000.bench"
    try:
        connection.execute("BEGIN")
        places = connection.execute(
            "SELECT d.province_code, s.name_th FROM sub_district s"
            " JOIN district d ON d.code = s.district_code"
        ).fetchall()
        provinces = connection.execute("SELECT code, name_th FROM province").fetchall()
        scale = max(members / 393_000, 0.002)
        orgs: list[tuple[Any, ...]] = []
        for code, type_name, share in _ORG_TYPES:
            for i in range(max(1, round(share * scale))):
                if code == "pao":
                    province, place = provinces[i % len(provinces)]
                else:
                    province, place = rng.choice(places)
                name = f"{type_name}{place}"
                orgs.append((code, name, province, thai_sort_key(name)))
        org_ids = new_ids(len(orgs))
        connection.executemany(
            f"INSERT INTO organisation ({_SYNC}, type_code, name, province_code, name_key)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(oid, office, now, now, hlc, *org) for oid, org in zip(org_ids, orgs, strict=True)],
        )
        weights = [{"pao": 60, "city_municipality": 400, "town_municipality": 120}.get(o[0], 40)
                   for o in orgs]  # fmt: skip
        org_province = [o[2] for o in orgs]
        member_ids = new_ids(members)
        chosen = rng.choices(range(len(orgs)), weights=weights, k=members)
        female, male, last = (
            Provider.first_names_female,
            Provider.first_names_male,
            Provider.last_names,
        )
        strengths: list[tuple[str, str]] = []
        batch: list[tuple[Any, ...]] = []
        for n, (member_id, org) in enumerate(zip(member_ids, chosen, strict=True)):
            is_female = rng.random() < 0.55
            first = rng.choice(female if is_female else male)
            last_name = rng.choice(last)
            prefix = rng.choice(("นาง", "นางสาว")) if is_female else "นาย"
            position = rng.choice(_POSITIONS)
            consent = rng.random() < 0.7
            batch.append((
                member_id, office, now, now, hlc, prefix, first, last_name, "", "",
                rng.choice(_NICKNAMES), random_national_id(rng),
                f"{rng.randint(1965, 2000)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "female" if is_female else "male", rng.choice(_PERSONNEL), position, "", "",
                org_ids[org], f"0{rng.choice('689')}{rng.randrange(10**8):08d}", "",
                f"user{n}@example.org" if rng.random() < 0.3 else "", "", "",
                f"M{n + 1:06d}", rng.choice(_STATUSES),
                f"{rng.randint(2010, 2025)}-{rng.randint(1, 12):02d}-01", "",
                "2025-01-15" if consent else None, "สมาชิกเครือข่าย" if consent else "",
                member_name_key(first, last_name), thai_sort_key(position),
            ))  # fmt: skip
            for tag in rng.sample(_STRENGTHS, rng.choice((0, 0, 1, 1, 2, 3))):
                strengths.append((member_id, tag))
            if len(batch) == 20_000:
                connection.executemany(
                    f"INSERT INTO member ({_MEMBER_COLUMNS}) VALUES ({', '.join('?' * 32)})", batch
                )
                batch.clear()
        if batch:
            connection.executemany(
                f"INSERT INTO member ({_MEMBER_COLUMNS}) VALUES ({', '.join('?' * 32)})", batch
            )
        connection.executemany(
            f"INSERT INTO member_strength ({_SYNC}, member_id, tag) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(sid, office, now, now, hlc, *row)
             for sid, row in zip(new_ids(len(strengths)), strengths, strict=True)],
        )  # fmt: skip
        # Groups: one national association, a club per province under it.
        association = new_ids(1)[0]
        groups = [(association, "สมาคมข้าราชการส่วนท้องถิ่นแห่งประเทศไทย", "association", None)]
        club_of: dict[int, str] = {}
        for (code, name), club_id in zip(provinces, new_ids(len(provinces)), strict=True):
            club_of[code] = club_id
            groups.append((club_id, f"ชมรมข้าราชการท้องถิ่นจังหวัด{name}", "club", association))
        connection.executemany(
            f"INSERT INTO network_group ({_SYNC}, name, kind, parent_id, description, name_key)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?)",
            [(g[0], office, now, now, hlc, g[1], g[2], g[3], thai_sort_key(g[1])) for g in groups],
        )
        memberships = [(association, mid) for mid in member_ids] + [
            (club_of[org_province[org]], mid)
            for mid, org in zip(member_ids, chosen, strict=True)
            if rng.random() < 0.5
        ]
        connection.executemany(
            f"INSERT INTO group_membership ({_SYNC}, group_id, member_id, role, started_on)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 'member', '2024-01-01')",
            [(gid, office, now, now, hlc, *row)
             for gid, row in zip(new_ids(len(memberships)), memberships, strict=True)],
        )  # fmt: skip
        connection.execute("COMMIT")
        connection.execute("ANALYZE")
    except BaseException:
        connection.rollback()
        raise
    finally:
        connection.close()


def bench_database(members: int = MEMBERS, seed: int = SEED) -> Path:
    """The cached benchmark database for (members, seed), generated when missing."""
    try:
        from db.demo import populate  # type: ignore[attr-defined]
    except ImportError:
        populate = None
    # db.demo's databases are shared with the other benchmarks (same name, same seed); the
    # stand-in generator's are not.
    name = f"demo-{members}" if seed == 1 else f"demo-{members}-seed{seed}"
    path = CACHE_DIR / (f"{name}.sqlite" if populate else f"members-{name}.sqlite")
    if path.exists():
        return path
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in CACHE_DIR.glob(partial.name + "*"):
        leftover.unlink()
    database = open_database(partial)
    started = time.perf_counter()
    if populate is None:
        _generate(database, members, seed)
        how = "the benchmark's bulk generator"
    else:
        populate(database, members=members, seed=seed)
        how = "db.demo.populate"
    database.dispose()
    print(f"\ngenerated {members:,} members with {how} in {time.perf_counter() - started:.1f} s")
    partial.rename(path)
    return path


# --- measurements ------------------------------------------------------------------------------


def _ms(fn: Callable[[], Any], repeat: int = 5) -> tuple[float, Any]:
    """Best-of-`repeat` wall time in ms, and the last result."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        best = min(best, (time.perf_counter() - started) * 1000)
    return best, result


def _typed_prefixes(names: list[str]) -> Iterator[str]:
    """What a user types, keystroke by keystroke: "ส", "สม", "สมช", ... for each name."""
    for name in names:
        for end in range(1, len(name) + 1):
            yield name[:end]


@pytest.fixture(scope="module")
def bench() -> Iterator[Database]:
    database = open_database(bench_database())
    yield database
    database.dispose()


@pytest.mark.slow
def test_member_queries_at_scale(bench: Database) -> None:
    figures: list[tuple[str, float, str]] = []
    with bench.session() as session:
        everyone = MemberFilter()
        total = count_members(session, filters=everyone)
        assert total == MEMBERS

        for column in SortColumn:
            for descending in (False, True):
                sort = MemberSort(column, descending)
                elapsed, keys = _ms(
                    lambda s=sort: search_member_keys(session, filters=everyone, sort=s),
                    repeat=3 if column is SortColumn.NAME else 1,
                )
                assert isinstance(keys, array) and len(keys) == MEMBERS
                figures.append(
                    (f"all {MEMBERS:,} keys sorted by {column.value}"
                     f"{' desc' if descending else ''}", elapsed, "")
                )  # fmt: skip

        elapsed, count = _ms(lambda: count_members(session, filters=everyone))
        figures.append(("count, unfiltered", elapsed, f"{count:,}"))

        rng = random.Random(7)
        keys = search_member_keys(session, filters=everyone, sort=MemberSort())
        start = rng.randrange(len(keys) - 60)
        window = keys[start : start + 60]
        elapsed, rows = _ms(lambda: fetch_member_rows(session, keys=window), repeat=20)
        assert [r.key for r in rows] == list(window)
        figures.append(("fetch_member_rows, 60 rows", elapsed, ""))

        sample = [r[0] for r in session.connection().exec_driver_sql(
            "SELECT first_name FROM member WHERE rowid % 9973 = 0 LIMIT 40")]  # fmt: skip
        typed = list(_typed_prefixes(sample))[:200]
        times: list[float] = []
        sizes: list[int] = []
        for text in typed:
            started = time.perf_counter()
            found = search_member_keys(session, filters=MemberFilter(text=text), sort=MemberSort())
            times.append((time.perf_counter() - started) * 1000)
            sizes.append(len(found))
        figures.append(("--- search as typed (successive prefixes of 40 first names)", 0.0, ""))
        groups = {
            f"all {len(typed)} prefixes": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
            "1 code point": [1],
            "2 code points": [2],
            "2+ code points": [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
            "3+ code points (FTS)": [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14],
        }
        for label, lengths in groups.items():
            chosen = [(t, n) for t, n, text in zip(times, sizes, typed, strict=True)
                      if len(text) in lengths]  # fmt: skip
            if len(chosen) < 2:
                continue
            ms = [t for t, _n in chosen]
            p95 = statistics.quantiles(ms, n=20)[18]
            hits = int(statistics.median([n for _t, n in chosen]))
            note = f"p95 {p95:.1f} ms, max {max(ms):.1f} ms, median {hits:,} hits"
            figures.append((f"{label} ({len(ms)}): p50", statistics.median(ms), note))

        figures.append(("--- editor and groups panel", 0.0, ""))
        for text in ("", "นัก", "ปลัด"):
            elapsed, found = _ms(lambda t=text: position_suggestions(session, text=t), repeat=3)
            figures.append((f"position_suggestions({text!r})", elapsed, f"{len(found)} values"))
        for text in ("", "การ"):
            elapsed, found = _ms(lambda t=text: strength_suggestions(session, text=t), repeat=3)
            figures.append((f"strength_suggestions({text!r})", elapsed, f"{len(found)} values"))
        for text in ("อบต.หนอง", "เทศบาล", "ทต."):
            elapsed, found = _ms(lambda t=text: organisation_suggestions(session, text=t))
            figures.append((f"organisation_suggestions({text!r})", elapsed, f"{len(found)}"))
        elapsed, tree = _ms(lambda: group_tree(session), repeat=3)
        figures.append(("group_tree", elapsed, f"{len(tree)} groups"))
        member_id = rows[0].id
        elapsed, _profile = _ms(lambda: get_member(session, member_id=member_id), repeat=10)
        figures.append(("get_member", elapsed, ""))

        figures.append(("--- filter panel", 0.0, ""))
        province = session.connection().exec_driver_sql(
            "SELECT province_code FROM organisation GROUP BY province_code"
            " ORDER BY count(*) DESC LIMIT 1").scalar_one()  # fmt: skip
        filtered = MemberFilter(province_codes=(province,), statuses=("active",))
        for facet in Facet:
            for label, filters in (("unfiltered", everyone), ("province+status", filtered)):
                elapsed, counts = _ms(
                    lambda f=facet, fl=filters: facet_counts(session, filters=fl, facet=f),
                    repeat=3,
                )
                figures.append((f"facet {facet.value}, {label}", elapsed, f"{len(counts)} values"))
        elapsed, count = _ms(lambda: count_members(session, filters=filtered))
        figures.append(("count, province+status", elapsed, f"{count:,}"))
        elapsed, keys = _ms(
            lambda: search_member_keys(session, filters=filtered, sort=MemberSort()), repeat=3
        )
        figures.append(("keys, province+status, by name", elapsed, f"{len(keys):,}"))

    machine = platform.processor() or platform.machine()
    print(
        f"\nmachine: {machine}, {os.cpu_count()} cores, Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}"
    )
    for name, ms, note in figures:
        print(name if name.startswith("---") else f"{name:<55} {ms:9.2f} ms  {note}")
