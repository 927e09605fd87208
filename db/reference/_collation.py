"""The Thai sort key the reference tables use.

``db.thai.collation.thai_sort_key`` is the project's one Thai sort key; until that module is
present this falls back to the same thing: ICU's Thai collator sort key.
"""

from __future__ import annotations

from collections.abc import Callable

try:
    from db.thai.collation import thai_sort_key as _project_sort_key
except ModuleNotFoundError as error:  # only the missing module itself, never its own imports
    if error.name != "db.thai.collation":
        raise
    _project_sort_key = None


def _icu_sort_key() -> Callable[[str], bytes]:
    import icu

    collator = icu.Collator.createInstance(icu.Locale("th_TH"))

    def sort_key(text: str) -> bytes:
        return bytes(collator.getSortKey(text))

    return sort_key


thai_sort_key: Callable[[str], bytes] = _project_sort_key or _icu_sort_key()
