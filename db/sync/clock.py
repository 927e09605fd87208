"""Hybrid logical clock (HLC): wall milliseconds, a counter and the site id.

A stamp is stored as fixed-width text ``"WWWWWWWWWWWWW.CCCCC.site"`` so that comparing the
strings compares (wall ms, counter, site id), the order field-level last-writer-wins needs.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_COUNTER = 99_999


@dataclass(frozen=True, order=True, slots=True)
class Hlc:
    wall_ms: int
    counter: int
    site_id: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}.{self.counter:05d}.{self.site_id}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        wall, counter, site = text.split(".", 2)
        if len(wall) != 13 or len(counter) != 5 or not site:
            raise ValueError(f"not an HLC stamp: {text!r}")
        return cls(int(wall), int(counter), site)


class HybridLogicalClock:
    """Issues strictly increasing stamps for one site; thread-safe."""

    def __init__(self, site_id: str, *, wall_clock: Callable[[], int] | None = None) -> None:
        if not site_id or "." in site_id:
            raise ValueError("site id must be non-empty and contain no '.'")
        self._site_id = site_id
        self._wall_clock = wall_clock or (lambda: time.time_ns() // 1_000_000)
        self._last = Hlc(0, 0, site_id)
        self._lock = threading.Lock()

    @property
    def site_id(self) -> str:
        return self._site_id

    def now(self) -> Hlc:
        with self._lock:
            wall = self._wall_clock()
            if wall > self._last.wall_ms:
                stamp = Hlc(wall, 0, self._site_id)
            else:
                stamp = self._next_after(self._last.wall_ms, self._last.counter)
            self._last = stamp
            return stamp

    def observe(self, remote: Hlc) -> Hlc:
        """Merge a stamp received from another site; returns the new local stamp."""
        with self._lock:
            wall = self._wall_clock()
            top = max(wall, self._last.wall_ms, remote.wall_ms)
            if top == self._last.wall_ms and top == remote.wall_ms:
                stamp = self._next_after(top, max(self._last.counter, remote.counter))
            elif top == self._last.wall_ms:
                stamp = self._next_after(top, self._last.counter)
            elif top == remote.wall_ms:
                stamp = self._next_after(top, remote.counter)
            else:
                stamp = Hlc(top, 0, self._site_id)
            self._last = stamp
            return stamp

    def _next_after(self, wall_ms: int, counter: int) -> Hlc:
        if counter >= MAX_COUNTER:
            return Hlc(wall_ms + 1, 0, self._site_id)
        return Hlc(wall_ms, counter + 1, self._site_id)


class HlcRun:
    """Strictly increasing stamps for many new rows, counted on from one clock reading per
    batch (asking the clock for each of millions of rows would cost seconds); each batch starts
    after everything the clock issued before, and the clock is moved past its last stamp."""

    def __init__(self, clock: HybridLogicalClock) -> None:
        self._clock = clock
        self._wall = 0
        self._counter = 0

    def stamps(self, count: int) -> list[str]:
        now = self._clock.now()  # never behind a stamp the clock gave anyone else meanwhile
        if (now.wall_ms, now.counter) > (self._wall, self._counter):
            self._wall, self._counter = now.wall_ms, now.counter
        site = self._clock.site_id
        stamps: list[str] = []
        while count > 0:
            room = MAX_COUNTER - self._counter
            if room <= 0:
                self._wall, self._counter, room = self._wall + 1, -1, MAX_COUNTER + 1
            take = min(room, count)
            wall = f"{self._wall:013d}"
            first = self._counter + 1
            stamps.extend(f"{wall}.{c:05d}.{site}" for c in range(first, first + take))
            self._counter += take
            count -= take
        self._clock.observe(Hlc(self._wall, self._counter, site))
        return stamps
