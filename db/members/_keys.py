"""Thai sort keys (ICU) for the BLOB ``*_key`` columns the register sorts by.

``db.thai.collation.thai_sort_key`` is the project's one Thai sort key; until that module is
present, the same thing is computed here: ICU's Thai collator sort key.
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


def member_name_key(first_name: str, last_name: str) -> bytes:
    """The key of ``member.name_key``: Thai order of the first name, then the last name."""
    return thai_sort_key(f"{first_name} {last_name}")
