"""ShardedDict: the dict operations bulk work uses, spread over shards."""

from __future__ import annotations

from db.io.shards import SHARDS, ShardedDict


def test_it_behaves_as_a_dict_for_the_operations_used() -> None:
    table: ShardedDict[object, int] = ShardedDict()
    plain: dict[object, int] = {}
    keys = [f"1{n:012d}" for n in range(2_000)] + [n * 7919 - 5_000 for n in range(2_000)]
    for value, key in enumerate(keys):
        assert table.setdefault(key, value) == plain.setdefault(key, value)
        assert table.setdefault(key, -1) == plain.setdefault(key, -1)  # the first one stays
    table["x"] = plain["x"] = 1
    assert len(table) == len(plain) == len(keys) + 1
    assert set(table) == set(plain)
    for key in (*keys[::97], "x"):
        assert key in table and table[key] == plain[key] and table.get(key) == plain[key]
    assert "absent" not in table and table.get("absent") is None and table.get("absent", 5) == 5
    used = sum(1 for shard in table._shards if shard)
    assert used == SHARDS  # the keys spread over every shard
    table.release()
    assert len(table) == 0 and "x" not in table
