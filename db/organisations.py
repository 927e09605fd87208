"""Organisations members work for (อปท. and others): completion, reading and saving.

Renaming an organisation re-indexes its members for search (the ``organisation_rename_fts``
trigger of the first migration), so "อบต.หนองบัว" finds them under the new name at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import Session

from db.identity import new_stamp
from db.ids import new_id
from db.members._keys import thai_sort_key
from db.members._sql import dbapi
from db.members.types import FieldError, MemberValidationError, OrganisationChoice
from db.members.validation import clean_line
from db.thai.digits import to_arabic_digits
from db.thai.text import normalize_for_search

MAX_OFFICIAL_CODE_LENGTH = 20


class OrganisationValidationError(MemberValidationError):
    """An organisation that cannot be saved; ``errors`` holds one FieldError per problem."""


@dataclass(frozen=True, slots=True)
class Organisation:
    """An organisation as its editor shows it."""

    id: str
    type_code: str
    name: str
    province_code: int | None
    province_name: str
    district_code: int | None
    official_code: str | None


@dataclass(frozen=True, slots=True)
class TypeAbbreviation:
    type_code: str
    pattern: re.Pattern[str]


def type_abbreviations(session: Session) -> list[TypeAbbreviation]:
    """Organisation types by abbreviation ("ทต." -> เทศบาลตำบล), longest first.

    The dot may be left out when a space or the end of the text follows ("ทต บ้านใหม่"), never
    when letters follow at once: "ทมบ้าน..." is not "ทม." + "บ้าน...".
    """
    rows = dbapi(session).execute(
        "SELECT code, abbr_th FROM ref_item WHERE kind = 'org_type' AND abbr_th != ''"
    )
    result: list[TypeAbbreviation] = []
    for code, abbreviation in sorted(rows, key=lambda r: -len(r[1])):
        letters = re.escape(normalize_for_search(abbreviation).rstrip("."))
        result.append(TypeAbbreviation(code, re.compile(rf"^{letters}(?:\.\s*|\s+|$)")))
    return result


def _compact(text: str) -> str:
    return normalize_for_search(text).replace(" ", "")


def organisation_suggestions(
    session: Session, *, text: str, limit: int = 20
) -> list[OrganisationChoice]:
    """Live organisations whose name contains ``text``, in Thai order (then by province).

    Spaces are ignored, and a leading type abbreviation (ทต. ทม. ทน. อบต. อบจ. กทม., from the
    ``org_type`` list) stands for its type: "อบต.หนองบัว" finds องค์การบริหารส่วนตำบลหนองบัว.
    """
    needle = normalize_for_search(text)
    conditions = ["o.deleted_at IS NULL"]
    params: list[object] = []
    alternatives: list[str] = []
    for abbreviation in type_abbreviations(session) if needle else ():
        match = abbreviation.pattern.match(needle)
        if match:
            rest = needle[match.end() :].replace(" ", "")
            alternatives.append("(o.type_code = ? AND instr(replace(o.name, ' ', ''), ?) > 0)")
            params.extend((abbreviation.type_code, rest))
            break
    if needle:
        alternatives.append("instr(lower(replace(o.name, ' ', '')), ?) > 0")
        params.append(_compact(text))
        conditions.append("(" + " OR ".join(alternatives) + ")")
    rows = dbapi(session).execute(
        "SELECT o.id, o.name, o.type_code, coalesce(p.name_th, '') FROM organisation o"
        " LEFT JOIN province p ON p.code = o.province_code"
        f" WHERE {' AND '.join(conditions)}"
        " ORDER BY o.name_key, p.name_key, o.id LIMIT ?",
        [*params, limit],
    )
    return [
        OrganisationChoice(id=r[0], name=r[1], type_code=r[2], province_name=r[3]) for r in rows
    ]


def get_organisation(session: Session, *, organisation_id: str) -> Organisation:
    """Raises ``LookupError`` if there is no live organisation with that id."""
    row = (
        dbapi(session)
        .execute(
            "SELECT o.id, o.type_code, o.name, o.province_code, coalesce(p.name_th, ''),"
            " o.district_code, o.official_code FROM organisation o"
            " LEFT JOIN province p ON p.code = o.province_code"
            " WHERE o.id = ? AND o.deleted_at IS NULL",
            (organisation_id,),
        )
        .fetchone()
    )
    if row is None:
        raise LookupError(f"no organisation with id {organisation_id}")
    return Organisation(*row)


def _validate(
    session: Session,
    *,
    id: str | None,
    type_code: str,
    name: str,
    province_code: int | None,
    district_code: int | None,
    official_code: str | None,
) -> list[FieldError]:
    connection = dbapi(session)
    errors: list[FieldError] = []
    if not name:
        errors.append(FieldError("name", "missing_name", "The organisation's name is required"))
    known_type = connection.execute(
        "SELECT 1 FROM ref_item WHERE kind = 'org_type' AND code = ?", (type_code,)
    ).fetchone()
    if not known_type:
        errors.append(
            FieldError("type_code", "unknown_code", f"Unknown organisation type '{type_code}'")
        )
    if province_code is None:
        errors.append(FieldError("province_code", "unknown_province", "Choose the province"))
    elif not connection.execute(
        "SELECT 1 FROM province WHERE code = ?", (province_code,)
    ).fetchone():
        errors.append(
            FieldError("province_code", "unknown_province", f"No province has code {province_code}")
        )
    if district_code is not None:
        district = connection.execute(
            "SELECT province_code FROM district WHERE code = ?", (district_code,)
        ).fetchone()
        if district is None or district[0] != province_code:
            errors.append(FieldError(
                "district_code", "unknown_district",
                "The district does not exist or is not in the chosen province",
            ))  # fmt: skip
    if official_code is not None and len(official_code) > MAX_OFFICIAL_CODE_LENGTH:
        errors.append(FieldError(
            "official_code", "too_long",
            f"The official code is longer than {MAX_OFFICIAL_CODE_LENGTH} characters",
        ))  # fmt: skip
    if name and province_code is not None:
        clash = connection.execute(
            "SELECT 1 FROM organisation WHERE province_code = ? AND deleted_at IS NULL"
            " AND replace(name, ' ', '') = ? AND id IS NOT ?",
            (province_code, name.replace(" ", ""), id),
        ).fetchone()
        if clash:
            errors.append(FieldError(
                "name", "duplicate_organisation",
                "An organisation with this name already exists in this province",
            ))  # fmt: skip
    return errors


def save_organisation(
    session: Session,
    *,
    type_code: str,
    name: str,
    province_code: int | None,
    district_code: int | None = None,
    official_code: str | None = None,
    id: str | None = None,
) -> str:
    """Create (``id`` None) or update an organisation; returns its id.

    Raises :class:`OrganisationValidationError` (nothing written) with codes ``missing_name``,
    ``unknown_code`` (type), ``unknown_province``, ``unknown_district``, ``too_long``,
    ``duplicate_organisation`` (same name, spaces ignored, in the same province); and
    ``LookupError`` when updating an organisation that does not exist.
    """
    name = clean_line(name)
    official = to_arabic_digits(clean_line(official_code or "")) or None
    connection = dbapi(session)
    if (
        id is not None
        and not connection.execute(
            "SELECT 1 FROM organisation WHERE id = ? AND deleted_at IS NULL", (id,)
        ).fetchone()
    ):
        raise LookupError(f"no organisation with id {id}")
    errors = _validate(
        session,
        id=id,
        type_code=type_code,
        name=name,
        province_code=province_code,
        district_code=district_code,
        official_code=official,
    )
    if errors:
        raise OrganisationValidationError(tuple(errors))
    stamp = new_stamp(session)
    values = (type_code, name, province_code, district_code, official, thai_sort_key(name))
    if id is None:
        id = new_id()
        connection.execute(
            "INSERT INTO organisation (id, owner_office_id, created_at, updated_at, hlc,"
            " type_code, name, province_code, district_code, official_code, name_key)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (id, stamp.owner_office_id, stamp.at, stamp.at, stamp.hlc, *values),
        )
    else:
        (old_name,) = connection.execute(
            "SELECT name FROM organisation WHERE id = ?", (id,)
        ).fetchone()
        # Setting the name (even to itself) re-indexes every member of the organisation.
        renamed = "name = ?, name_key = ?, " if name != old_name else ""
        connection.execute(
            f"UPDATE organisation SET {renamed}type_code = ?, province_code = ?,"
            " district_code = ?, official_code = ?, updated_at = ?, hlc = ? WHERE id = ?",
            (
                *((name, values[5]) if renamed else ()),
                type_code,
                province_code,
                district_code,
                official,
                stamp.at,
                stamp.hlc,
                id,
            ),
        )
    return id
