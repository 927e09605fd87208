from __future__ import annotations

import threading

import pytest

from db.ids import new_id, new_ids
from db.sync.clock import Hlc, HybridLogicalClock


def test_stamps_increase_even_when_the_wall_clock_stands_still_or_goes_back() -> None:
    walls = iter([1000, 1000, 999, 1001])
    clock = HybridLogicalClock("siteA", wall_clock=lambda: next(walls))
    stamps = [clock.now() for _ in range(4)]
    assert [str(s) for s in stamps] == [
        "0000000001000.00000.siteA",
        "0000000001000.00001.siteA",
        "0000000001000.00002.siteA",
        "0000000001001.00000.siteA",
    ]
    assert stamps == sorted(stamps)
    assert [str(s) for s in stamps] == sorted(str(s) for s in stamps)


def test_observe_moves_past_a_remote_stamp() -> None:
    clock = HybridLogicalClock("siteA", wall_clock=lambda: 500)
    merged = clock.observe(Hlc(900, 7, "siteB"))
    assert merged == Hlc(900, 8, "siteA")
    assert clock.now() == Hlc(900, 9, "siteA")


def test_counter_overflow_moves_to_the_next_millisecond() -> None:
    clock = HybridLogicalClock("s", wall_clock=lambda: 10)
    assert clock.observe(Hlc(10, 99_999, "t")) == Hlc(11, 0, "s")
    assert clock.now() == Hlc(11, 1, "s")


def test_parse_round_trip_and_rejects_garbage() -> None:
    stamp = Hlc(1_732_000_000_000, 42, "a1b2c3")
    assert Hlc.parse(str(stamp)) == stamp
    with pytest.raises(ValueError):
        Hlc.parse("12.3.x")


def test_clock_is_thread_safe() -> None:
    clock = HybridLogicalClock("site")
    results: list[Hlc] = []
    lock = threading.Lock()

    def work() -> None:
        local = [clock.now() for _ in range(2000)]
        with lock:
            results.extend(local)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 8000


def test_uuid7_ids_are_time_ordered_and_unique() -> None:
    ids = [*new_ids(1000), new_id()]
    assert len(set(ids)) == 1001
    assert all(len(i) == 36 and i[14] == "7" for i in ids)
    assert ids == sorted(ids)
