"""Big lookup tables split in shards, so that no single C call on them holds the GIL for long.

A dict grows by copying every key into a table twice the size, in one C call that holds the
GIL: at a few hundred thousand keys that is 30-60 ms, and an import keeps three such tables
(duplicates within the file), all growing near the same row: the window of the app, waiting
for the GIL, froze 155 ms. Split by the key's hash in :data:`SHARDS` dicts, each grows by a
64th of that. Freeing them goes a slice at a time too (:func:`db.io.collector.release`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Generic, TypeVar

from db.io import collector

SHARDS = 64  # a power of two
SHARD_MASK = SHARDS - 1

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class ShardedDict(Generic[K, V]):
    """The dict operations bulk work uses, on :data:`SHARDS` dicts chosen by ``hash(key)``."""

    __slots__ = ("_shards",)

    def __init__(self) -> None:
        self._shards: list[dict[K, V]] = [{} for _ in range(SHARDS)]

    def __contains__(self, key: K) -> bool:
        return key in self._shards[hash(key) & SHARD_MASK]

    def __getitem__(self, key: K) -> V:
        return self._shards[hash(key) & SHARD_MASK][key]

    def __setitem__(self, key: K, value: V) -> None:
        self._shards[hash(key) & SHARD_MASK][key] = value

    def get(self, key: K, default: V | None = None) -> V | None:
        return self._shards[hash(key) & SHARD_MASK].get(key, default)

    def setdefault(self, key: K, default: V) -> V:
        return self._shards[hash(key) & SHARD_MASK].setdefault(key, default)

    def __len__(self) -> int:
        return sum(map(len, self._shards))

    def __iter__(self) -> Iterator[K]:
        for shard in self._shards:
            yield from shard

    def release(self) -> None:
        """Empty every shard a slice at a time (see :func:`db.io.collector.release`)."""
        collector.release(*self._shards)
