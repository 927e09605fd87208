"""Thai sort order (ICU's th collation): leading vowels เ แ โ ใ ไ sort by the consonant after them.

``thai_sort_key`` returns ICU sort-key bytes. They are stored in SQLite BLOB columns and SQLite
compares BLOBs with memcmp (then length), which orders them exactly as ICU orders the strings;
the tests check this through SQLite itself.

Sort keys change when ICU's collation data changes (a new ICU in pyicu-wheels): store
:func:`collation_version` next to them and recompute every stored key when it differs.

ICU collators must not be used by two threads at once, so each thread gets its own.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable
from typing import TypeVar

import icu

LOCALE = "th_TH"

T = TypeVar("T")

_local = threading.local()


def _collator() -> icu.Collator:
    """This thread's collator, created on first use."""
    try:
        return _local.collator
    except AttributeError:
        collator = icu.Collator.createInstance(icu.Locale(LOCALE))
        _local.collator = collator
        _local.get_sort_key = collator.getSortKey
        return collator


def _get_sort_key() -> Callable[[str], bytes]:
    try:
        return _local.get_sort_key
    except AttributeError:
        _collator()
        return _local.get_sort_key


def thai_sort_key(text: str | None) -> bytes:
    """ICU sort-key bytes for ``text``; ``None`` and "" give b"" (first in order)."""
    if not text:
        return b""
    try:
        get_sort_key = _local.get_sort_key
    except AttributeError:
        get_sort_key = _get_sort_key()
    return get_sort_key(text)


def thai_sort_keys(texts: Iterable[str | None]) -> list[bytes]:
    """``[thai_sort_key(t) for t in texts]``, faster for bulk work (imports, rebuilding keys)."""
    get_sort_key = _get_sort_key()
    return [get_sort_key(text) if text else b"" for text in texts]


def thai_compare(a: str, b: str) -> int:
    """Negative, zero or positive as ``a`` sorts before, with or after ``b``."""
    return _collator().compare(a, b)


def thai_sorted(
    iterable: Iterable[T],
    *,
    key: Callable[[T], str | None] | None = None,
    reverse: bool = False,
) -> list[T]:
    """``sorted`` in Thai order; ``key`` picks the text of each item (the item itself if None)."""
    get_sort_key = _get_sort_key()

    def sort_key(item: T) -> bytes:
        text = key(item) if key is not None else item
        if not text:
            return b""
        if not isinstance(text, str):
            raise TypeError(f"thai_sorted needs text to sort by, not {type(text).__name__}")
        return get_sort_key(text)

    return sorted(iterable, key=sort_key, reverse=reverse)


def collation_version() -> str:
    """Identifies the sort-key format: ICU and Unicode versions plus a digest of the th rules."""
    rules = _collator().getRules()
    digest = hashlib.sha256(rules.encode("utf-8")).hexdigest()[:12]
    return f"icu-{icu.ICU_VERSION}/unicode-{icu.UNICODE_VERSION}/{LOCALE}-{digest}"
