"""Python's cyclic garbage collector around bulk work (reading a sheet, importing it).

A national register's sheet is millions of new objects. With the collector on, each of its
passes walks them all again (a quarter of the checking time at 393,000 rows), and a full pass
holds the GIL, so the window of the app froze for the length of the pass (0.1-1 s) while the
work ran on another thread. Bulk work makes next to no reference cycles, so :func:`paused`
turns the collector off meanwhile. Turning it back on would leave every object made meanwhile
in the youngest generation, and the next allocation anywhere would start a pass over all of
them (measured: 0.98 s over 932,000 objects after an import). So the objects still alive at
the end are moved to the collector's permanent generation first (``gc.freeze()``, a constant
-time move): reference counting still frees them when they are let go, the collector never
walks them. The app moves them back when its bulk work is over (desktop.io.background), once
the big tables are gone.

:func:`trim_heap` gives the C heap's freed memory back after a big read. calamine (Rust) parses
a sheet into hundreds of MB of small blocks and frees them when the rows are out; glibc keeps
them in its free lists, and the next larger request anywhere in the process (rapidfuzz's first
match after a 393,000-row read, for one) consolidated them all, 0.22 s with the GIL held.
``malloc_trim`` does that work at once, without the GIL (ctypes lets it go), and returns the
memory to the system (-300 MB resident after that read).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No cyclic collection inside; what is still alive at the end is frozen (see above)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()


def _malloc_trim() -> ctypes._CFuncPtr | None:  # type: ignore[name-defined]
    if not sys.platform.startswith("linux"):
        return None  # glibc only; Windows' and macOS' heaps behave otherwise
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name or "libc.so.6").malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None


_TRIM = _malloc_trim()


def trim_heap() -> None:
    """Return the C heap's free memory to the system (glibc), outside the GIL; else nothing."""
    if _TRIM is not None:
        _TRIM(0)


RELEASE_SLICE = 500  # items freed at a time by release (a few ms of freeing each)


def release(*containers: list[object] | dict[object, object] | set[object]) -> None:
    """Empty big lists, dicts and sets a slice at a time. Dropping a national register's rows
    or an import's duplicate tables in one go frees millions of objects in one C call, which
    holds the GIL (and so the window) 0.1-0.2 s; between slices other threads run. Only for
    containers nothing else will read."""
    for container in containers:
        if isinstance(container, list):
            while container:
                del container[-RELEASE_SLICE:]
        elif isinstance(container, dict):
            while container:
                for _ in range(min(len(container), RELEASE_SLICE)):
                    container.popitem()
        else:
            while container:
                for _ in range(min(len(container), RELEASE_SLICE)):
                    container.pop()
