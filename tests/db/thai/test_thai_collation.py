import functools
import itertools
import random
import sqlite3
import threading
import time

import icu
import pytest
from faker import Faker

from db.thai import collation
from db.thai.collation import (
    collation_version,
    thai_compare,
    thai_sort_key,
    thai_sort_keys,
    thai_sorted,
)

ICU_TH = icu.Collator.createInstance(icu.Locale("th_TH"))


@functools.cache
def faker_names(count: int = 3000) -> tuple[str, ...]:
    fake = Faker("th_TH")
    fake.seed_instance(20260101)
    names = [fake.name() for _ in range(count)]
    names += [fake.first_name() for _ in range(count // 3)]
    names += [fake.last_name() for _ in range(count // 3)]
    return tuple(names)


def sign(n: int) -> int:
    """-1, 0 or 1, like memcmp's result as SQLite uses it."""
    return (n > 0) - (n < 0)


def test_leading_vowels_sort_by_the_following_consonant() -> None:
    words = ["ไก่", "เก่ง", "กา", "แก้ว", "ขวัญ", "โกศล"]
    expected = ["กา", "เก่ง", "แก้ว", "โกศล", "ไก่", "ขวัญ"]
    assert thai_sorted(words) == expected
    assert sorted(words, key=functools.cmp_to_key(ICU_TH.compare)) == expected
    assert sorted(words) != expected  # code-point order puts every เ แ โ ใ ไ word last


def test_dictionary_order() -> None:
    words = ["ฮา", "เอก", "อา", "ไข่", "โขน", "เขียว", "ขา", "ขวัญ", "กรุง"]
    assert thai_sorted(words) == ["กรุง", "ขวัญ", "ขา", "เขียว", "โขน", "ไข่", "อา", "เอก", "ฮา"]
    assert thai_sorted(["สุข", "ใส", "เสมอ", "สมหญิง", "สมชาย", "สมศรี"]) == [
        "สมชาย",
        "สมศรี",
        "สมหญิง",
        "สุข",
        "เสมอ",
        "ใส",
    ]
    # Tone marks only break ties.
    assert thai_sorted(["ก๊า", "ก้า", "ก่า", "กา"]) == ["กา", "ก่า", "ก้า", "ก๊า"]


def test_empty_and_none() -> None:
    assert thai_sort_key(None) == b""
    assert thai_sort_key("") == b""
    assert thai_sort_keys(["", None, "ก"]) == [b"", b"", thai_sort_key("ก")]
    assert thai_sort_key("ก") > b""
    assert thai_sorted(["ข", None, "ก", ""], key=lambda s: s) == [None, "", "ก", "ข"]


def test_keys_are_icu_sort_keys() -> None:
    for name in faker_names()[:200]:
        assert thai_sort_key(name) == ICU_TH.getSortKey(name)
        assert isinstance(thai_sort_key(name), bytes)


def test_key_bytes_order_equals_icu_compare() -> None:
    names = list(faker_names())
    keys = thai_sort_keys(names)
    assert keys == [thai_sort_key(n) for n in names]
    by_icu = sorted(names, key=functools.cmp_to_key(ICU_TH.compare))
    by_bytes = [n for _, n in sorted(zip(keys, names, strict=True), key=lambda kn: kn[0])]
    assert [thai_sort_key(n) for n in by_bytes] == [thai_sort_key(n) for n in by_icu]
    assert thai_sorted(names) == by_bytes
    rng = random.Random(5)
    for _ in range(5000):
        a, b = rng.choice(names), rng.choice(names)
        expected = sign(ICU_TH.compare(a, b))
        key_a, key_b = thai_sort_key(a), thai_sort_key(b)
        assert (key_a > key_b) - (key_a < key_b) == expected, (a, b)
        assert sign(thai_compare(a, b)) == expected


def test_sqlite_blob_order_equals_icu_order() -> None:
    names = list(dict.fromkeys(faker_names()))
    rng = random.Random(11)
    rng.shuffle(names)
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE person (name TEXT, name_key BLOB)")
    db.executemany("INSERT INTO person VALUES (?, ?)", [(n, thai_sort_key(n)) for n in names])
    ordered = [row[0] for row in db.execute("SELECT name FROM person ORDER BY name_key, name")]
    for a, b in itertools.pairwise(ordered):
        assert ICU_TH.compare(a, b) <= 0, (a, b)
    assert [thai_sort_key(n) for n in ordered] == sorted(thai_sort_key(n) for n in names)


def test_thai_sorted_with_key_and_reverse() -> None:
    people = [("ไก่", 1), ("กา", 2), ("เก่ง", 3)]
    assert thai_sorted(people, key=lambda p: p[0]) == [("กา", 2), ("เก่ง", 3), ("ไก่", 1)]
    assert thai_sorted(people, key=lambda p: p[0], reverse=True) == [
        ("ไก่", 1),
        ("เก่ง", 3),
        ("กา", 2),
    ]
    with pytest.raises(TypeError):
        thai_sorted([1, 2])  # type: ignore[list-item]


def test_each_thread_has_its_own_collator() -> None:
    names = list(faker_names())
    expected = thai_sort_keys(names)
    results: dict[int, list[bytes]] = {}
    # The collators themselves are kept, not their id(): a finished thread
    # frees its thread-local collator, and a later one may reuse the address.
    collators: dict[int, object] = {}
    start = threading.Barrier(8)

    def work(index: int) -> None:
        start.wait()
        collators[index] = collation._collator()
        results[index] = [thai_sort_key(n) for n in names]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(results[i] == expected for i in range(8))
    assert len({id(c) for c in collators.values()}) == 8
    mine = collation._collator()
    assert all(c is not mine for c in collators.values())


def test_collation_version_is_stable() -> None:
    version = collation_version()
    assert version == collation_version()
    assert version.startswith(f"icu-{icu.ICU_VERSION}/")


@pytest.mark.slow
def test_speed_393000_names() -> None:
    names = list(faker_names())
    rng = random.Random(3)
    many = [rng.choice(names) for _ in range(393_000)]
    started = time.perf_counter()
    keys = [thai_sort_key(n) for n in many]
    one_by_one = time.perf_counter() - started
    started = time.perf_counter()
    thai_sort_keys(many)
    bulk = time.perf_counter() - started
    print(f"\nthai_sort_key x 393,000: {one_by_one:.3f} s; thai_sort_keys: {bulk:.3f} s")
    assert len(keys) == 393_000
    assert one_by_one < 1.0
