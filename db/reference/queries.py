"""Reading the reference data, and editing the user-editable lists.

Every function takes the session first and keyword-only arguments after it, and returns frozen
dataclasses from :mod:`db.reference.types`. Thai text is in Thai (ICU) order: provinces through
their stored ``name_key``; the other lists are small (a province has at most 50 districts, a list a
few hundred items) and are ordered with ICU sort keys as they are read.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Callable

from sqlalchemy import Row, text
from sqlmodel import Session

from db.reference.loader import CODE_MAX_LENGTH, CODE_PATTERN
from db.reference.types import (
    District,
    Language,
    Province,
    ReferenceItemError,
    RefItem,
    Region,
    SubDistrict,
)
from db.thai.collation import thai_sort_key, thai_sorted
from db.thai.text import clean_text, normalize_for_search

# Lists whose items hang under an item of another list (or under a province, for aliases).
PARENT_KINDS: dict[str, str] = {
    "position_type": "personnel_type",
    "position_level": "position_type",
    "position": "personnel_type",
    "personnel_title_by_org_type": "personnel_type",
    "province_alias": "province",
}
# Lists whose items need a parent.
PARENT_REQUIRED = frozenset({"position_level", "province_alias"})
# Lists where two items may share a name (an alias pairs Thai and English spellings).
REPEATED_NAMES_ALLOWED = frozenset({"province_alias", "personnel_title_by_org_type"})
NAME_MAX_LENGTH = 200
USER_CODE_PREFIX = "user_"

_REF_COLUMNS = "kind, code, name_th, name_en, abbr_th, parent_code, sort_order, active"


def _rows(session: Session, sql: str, **params: object) -> list[Row]:
    return list(session.connection().execute(text(sql), params).all())


# --- geography -----------------------------------------------------------------------------------


def list_regions(session: Session) -> list[Region]:
    """The six regions, in Thai order of their names."""
    rows = _rows(session, "SELECT id, name_th, name_en FROM region")
    return thai_sorted((Region(*row) for row in rows), key=lambda r: r.name_th)


def list_provinces(session: Session, *, region_id: int | None = None) -> list[Province]:
    """Provinces (all, or of one region) in Thai order (เชียงใหม่ under ช, after ชลบุรี)."""
    sql = "SELECT code, name_th, name_en, region_id FROM province"
    if region_id is not None:
        sql += " WHERE region_id = :region_id"
    rows = _rows(session, sql + " ORDER BY name_key, code", region_id=region_id)
    return [Province(*row) for row in rows]


def get_province(session: Session, *, code: int) -> Province | None:
    rows = _rows(
        session, "SELECT code, name_th, name_en, region_id FROM province WHERE code = :c", c=code
    )
    return Province(*rows[0]) if rows else None


def list_districts(session: Session, *, province_code: int) -> list[District]:
    """The districts (อำเภอ / เขต) of a province, in Thai order."""
    rows = _rows(
        session,
        "SELECT code, province_code, name_th, name_en FROM district WHERE province_code = :p",
        p=province_code,
    )
    return thai_sorted((District(*row) for row in rows), key=lambda d: d.name_th)


def list_sub_districts(session: Session, *, district_code: int) -> list[SubDistrict]:
    """The sub-districts (ตำบล / แขวง) of a district, in Thai order."""
    rows = _rows(
        session,
        "SELECT code, district_code, name_th, name_en, zip_code FROM sub_district"
        " WHERE district_code = :d",
        d=district_code,
    )
    return thai_sorted((SubDistrict(*row) for row in rows), key=lambda s: s.name_th)


# --- finding a province in free text -------------------------------------------------------------

_PROVINCE_WORD_BEFORE = re.compile(r"^(?:จังหวัด|จ\s*\.|changwat\s|province\s+of\s)\s*")
_PROVINCE_WORD_AFTER = re.compile(r"\s*(?:province|จังหวัด)$")
_IGNORED_MARKS = str.maketrans(dict.fromkeys(" .-_,'’ฯ"))


def place_key(value: str) -> str:
    """The form place names are compared in: no invisible characters, spaces, dots or ``ฯ``,
    no "จ." / "จังหวัด" / "Province" word, case-folded, Thai digits as 0-9."""
    key = normalize_for_search(value)
    key = _PROVINCE_WORD_BEFORE.sub("", key)
    key = _PROVINCE_WORD_AFTER.sub("", key)
    return key.translate(_IGNORED_MARKS)


def province_matcher(session: Session) -> Callable[[str], Province | None]:
    """A function that finds a province in text, built once (for an import of many rows).

    It knows the official Thai and English names and the active ``province_alias`` items. An
    official name wins over an alias; an alias that would point at two provinces matches neither.
    """
    provinces = list_provinces(session)
    by_code = {p.code: p for p in provinces}
    lookup: dict[str, Province | None] = {}
    for province in provinces:
        for name in (province.name_th, province.name_en):
            lookup[place_key(name)] = province
    official = set(lookup)
    aliases = _rows(
        session,
        "SELECT parent_code, name_th, name_en, abbr_th FROM ref_item"
        " WHERE kind = 'province_alias' AND active",
    )
    for parent_code, *names in aliases:
        province = by_code.get(int(parent_code)) if parent_code.isdigit() else None
        if province is None:
            continue
        for name in names:
            key = place_key(name) if name else ""
            if not key or key in official:
                continue
            if key in lookup and lookup[key] != province:
                lookup[key] = None  # ambiguous
            else:
                lookup.setdefault(key, province)

    def match(value: str) -> Province | None:
        return lookup.get(place_key(value)) if value else None

    return match


def find_province(session: Session, *, text: str) -> Province | None:
    """The province ``text`` names ("กทม.", "จ.เชียงใหม่", "โคราช", "Chiang Mai"), or None."""
    return province_matcher(session)(text)


# --- editable lists ------------------------------------------------------------------------------


def _ref_item(row: Row) -> RefItem:
    kind, code, name_th, name_en, abbr_th, parent_code, sort_order, active = row
    return RefItem(kind, code, name_th, name_en, abbr_th, parent_code, sort_order, bool(active))


def list_ref_kinds(session: Session) -> list[str]:
    """The names of the lists in the database (org_type, position, strength, ...)."""
    return [row[0] for row in _rows(session, "SELECT DISTINCT kind FROM ref_item ORDER BY kind")]


def list_ref_items(
    session: Session, *, kind: str, active_only: bool = True, parent_code: str | None = None
) -> list[RefItem]:
    """The items of one list by ``sort_order``, then in Thai order of ``name_th``."""
    sql = f"SELECT {_REF_COLUMNS} FROM ref_item WHERE kind = :kind"
    if active_only:
        sql += " AND active"
    if parent_code is not None:
        sql += " AND parent_code = :parent"
    items = [_ref_item(row) for row in _rows(session, sql, kind=kind, parent=parent_code)]
    return sorted(items, key=lambda i: (i.sort_order, thai_sort_key(i.name_th), i.code))


def get_ref_item(session: Session, *, kind: str, code: str) -> RefItem | None:
    rows = _rows(
        session,
        f"SELECT {_REF_COLUMNS} FROM ref_item WHERE kind = :kind AND code = :code",
        kind=kind,
        code=code,
    )
    return _ref_item(rows[0]) if rows else None


def ref_labels(session: Session, *, kind: str, language: Language = "th") -> dict[str, str]:
    """code -> name (Thai, or English where the item has one) for every item of a list,
    switched-off ones too (old data shows them)."""
    rows = _rows(
        session, "SELECT code, name_th, name_en FROM ref_item WHERE kind = :kind", kind=kind
    )
    return {code: (name_en or name_th) if language == "en" else name_th
            for code, name_th, name_en in rows}  # fmt: skip


def _clean(value: str) -> str:
    return unicodedata.normalize("NFC", clean_text(value or ""))


def _check_parent(session: Session, kind: str, parent_code: str) -> None:
    parent_kind = PARENT_KINDS.get(kind)
    if parent_kind is None:
        if parent_code:
            raise ReferenceItemError(
                f"items of {kind!r} have no parent", code="unexpected_parent", field="parent_code"
            )
        return
    if not parent_code:
        if kind in PARENT_REQUIRED:
            raise ReferenceItemError(
                f"an item of {kind!r} needs a {parent_kind}", code="missing_parent",
                field="parent_code",
            )
        return
    if parent_kind == "province":
        found = parent_code.isdigit() and get_province(session, code=int(parent_code)) is not None
    else:
        found = get_ref_item(session, kind=parent_kind, code=parent_code) is not None
    if not found:
        raise ReferenceItemError(
            f"no {parent_kind} with code {parent_code!r}", code="unknown_parent",
            field="parent_code",
        )


def save_ref_item(session: Session, *, item: RefItem) -> RefItem:
    """Add an item to a list, or change one (matched by kind and code); returns it as saved.

    A new item may leave ``code`` empty (a stable ``user_...`` code is made) and ``sort_order`` 0
    (it goes after the last item). Raises :class:`ReferenceItemError` with a ``code`` of
    ``unknown_kind``, ``invalid_code``, ``empty_name``, ``too_long``, ``duplicate_name``,
    ``unexpected_parent``, ``missing_parent`` or ``unknown_parent``; nothing is written then.
    """
    kind = item.kind
    if not _rows(session, "SELECT 1 FROM ref_item WHERE kind = :kind LIMIT 1", kind=kind):
        raise ReferenceItemError(f"there is no list {kind!r}", code="unknown_kind", field="kind")
    name_th, name_en, abbr_th = _clean(item.name_th), _clean(item.name_en), _clean(item.abbr_th)
    parent_code = _clean(item.parent_code)
    if not name_th:
        raise ReferenceItemError("the Thai name is empty", code="empty_name", field="name_th")
    for field, value in (("name_th", name_th), ("name_en", name_en), ("abbr_th", abbr_th)):
        if len(value) > NAME_MAX_LENGTH:
            raise ReferenceItemError(
                f"{field} is longer than {NAME_MAX_LENGTH} characters", code="too_long",
                field=field,
            )
    code = item.code.strip()
    existing = get_ref_item(session, kind=kind, code=code) if code else None
    if not code:
        code = USER_CODE_PREFIX + uuid.uuid4().hex
    elif not CODE_PATTERN.match(code) or len(code) > CODE_MAX_LENGTH:
        raise ReferenceItemError(
            f"code {code!r} must be lower-case ASCII letters, digits and _", code="invalid_code",
            field="code",
        )
    _check_parent(session, kind, parent_code)
    if existing is None and kind not in REPEATED_NAMES_ALLOWED:
        wanted = normalize_for_search(name_th)
        for other in list_ref_items(session, kind=kind, active_only=False, parent_code=parent_code):
            if normalize_for_search(other.name_th) == wanted:
                raise ReferenceItemError(
                    f"{kind!r} already has {other.name_th!r} (code {other.code!r})",
                    code="duplicate_name", field="name_th",
                )
    sort_order = item.sort_order
    if existing is None and sort_order == 0:
        last = _rows(session, "SELECT max(sort_order) FROM ref_item WHERE kind = :k", k=kind)
        sort_order = int(last[0][0] or 0) + 10
    session.connection().execute(
        text(
            f"INSERT INTO ref_item ({_REF_COLUMNS}) VALUES (:kind, :code, :name_th, :name_en,"
            " :abbr_th, :parent_code, :sort_order, :active)"
            " ON CONFLICT (kind, code) DO UPDATE SET name_th = excluded.name_th,"
            " name_en = excluded.name_en, abbr_th = excluded.abbr_th,"
            " parent_code = excluded.parent_code, sort_order = excluded.sort_order,"
            " active = excluded.active"
        ),
        {
            "kind": kind, "code": code, "name_th": name_th, "name_en": name_en,
            "abbr_th": abbr_th, "parent_code": parent_code, "sort_order": sort_order,
            "active": bool(item.active),
        },
    )
    saved = get_ref_item(session, kind=kind, code=code)
    assert saved is not None
    return saved


def deactivate_ref_item(session: Session, *, kind: str, code: str) -> RefItem:
    """Switch an item off: no longer suggested, still labelled where data uses it."""
    result = session.connection().execute(
        text("UPDATE ref_item SET active = 0 WHERE kind = :kind AND code = :code"),
        {"kind": kind, "code": code},
    )
    if result.rowcount == 0:
        raise ReferenceItemError(f"{kind!r} has no item {code!r}", code="not_found", field="code")
    saved = get_ref_item(session, kind=kind, code=code)
    assert saved is not None
    return saved
