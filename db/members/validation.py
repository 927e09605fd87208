"""Checking and normalising what the member editor (or an import) sends.

:func:`normalise_member` turns typed text into the stored form (invisible characters removed,
spaces collapsed, NFC, Thai digits as 0-9 where data is searched or compared, national ID as 13
digits, phones in national form). :func:`validate_member` reports every problem at once as
:class:`FieldError` with a stable ``code`` the UI translates and a clear English ``message``.
Messages never repeat a national ID or phone number (personal data ends up in logs).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
import unicodedata

from sqlmodel import Session

from db.members._sql import dbapi
from db.members.types import FieldError, MemberInput
from db.thai.digits import to_arabic_digits
from db.thai.national_id import NationalIdError, normalize_national_id
from db.thai.phone import ThaiPhoneError, normalize_phone
from db.thai.text import ZERO_WIDTH_CHARS, clean_text

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
OLDEST_BIRTH_YEAR = 1900
YOUNGEST_AGE = 15
# A CE date this late was almost surely typed as a Buddhist-era year (2567 for 2024).
LATEST_PLAUSIBLE_YEAR = 2200
MAX_TAG_LENGTH = 80
MAX_MEMBERSHIP_NO_LENGTH = 40

_INVISIBLE = str.maketrans(dict.fromkeys(ZERO_WIDTH_CHARS))
_SARA_AM_DECOMPOSED = "\u0e4d\u0e32"

# Single-line text fields, cleaned; those in the search index also get Arabic digits.
_SEARCHED_TEXT = (
    "prefix", "first_name", "last_name", "first_name_en", "last_name_en", "nickname",
    "position", "membership_no", "line_id", "email",
)  # fmt: skip
_MULTILINE_TEXT = ("address", "notes", "consent_purpose")
_CODES = ("personnel_type", "position_type", "position_level", "status")


def clean_line(text: str) -> str:
    """One line of Thai text as stored: no invisible characters, single spaces, NFC, ``ำ``."""
    cleaned = unicodedata.normalize("NFC", clean_text(text))
    return cleaned.replace(_SARA_AM_DECOMPOSED, "\u0e33")


def clean_multiline(text: str) -> str:
    """Text that keeps its lines (address, notes): each line cleaned, blank edges dropped."""
    lines = [clean_line(line) for line in text.translate(_INVISIBLE).splitlines()]
    return "\n".join(lines).strip("\n")


# What separates strength tags where several share one text: an export's cell ("การเงิน,
# พัสดุ"), a sheet's ("บัญชี/การเงิน; พัสดุ"). A tag never holds one, so that every tag a member
# has comes back as it was from an export (a tag typed "การเงิน, การคลัง" is two tags).
_TAG_SEPARATORS = str.maketrans({";": ",", "\n": ",", "|": ",", "/": ",", "、": ",", "،": ","})


def clean_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    """Strength tags cleaned and split at separators (``,`` ``;`` ``/`` ``|`` new lines),
    blanks and repeats dropped, in the order given."""
    cleaned = (
        to_arabic_digits(clean_line(part))
        for tag in tags
        for part in tag.translate(_TAG_SEPARATORS).split(",")
    )
    return tuple(dict.fromkeys(tag for tag in cleaned if tag))


def normalise_member(data: MemberInput) -> MemberInput:
    """``data`` in stored form. Values that cannot be normalised (a bad ID) stay cleaned only;
    :func:`validate_member` reports them."""
    changes: dict[str, object] = {}
    for name in _SEARCHED_TEXT:
        changes[name] = to_arabic_digits(clean_line(getattr(data, name)))
    for name in _MULTILINE_TEXT:
        changes[name] = clean_multiline(getattr(data, name))
    for name in _CODES:
        changes[name] = clean_text(getattr(data, name))
    changes["gender"] = clean_text(data.gender or "") or None
    national_id = to_arabic_digits(clean_text(data.national_id))
    with contextlib.suppress(NationalIdError):  # validate_member reports a bad ID
        national_id = normalize_national_id(national_id) if national_id else ""
    changes["national_id"] = national_id
    for name in ("phone", "phone_office"):
        phone = to_arabic_digits(clean_text(getattr(data, name)))
        try:
            changes[name] = normalize_phone(phone) if phone else ""
        except ThaiPhoneError:
            changes[name] = phone
    changes["organisation_id"] = clean_text(data.organisation_id or "") or None
    changes["strengths"] = clean_tags(data.strengths)
    return dataclasses.replace(data, **changes)  # type: ignore[arg-type]


def date_errors(data: MemberInput, today: dt.date) -> list[FieldError]:
    """The date rules of :func:`validate_member` alone (implausible years, birth dates in the
    future, too old or too young, expiry before joining): the importer asks them once per
    distinct date."""
    errors: list[FieldError] = []
    for name in ("birth_date", "joined_on", "expires_on", "consent_date"):
        value: dt.date | None = getattr(data, name)
        if value is not None and value.year > LATEST_PLAUSIBLE_YEAR:
            errors.append(FieldError(
                name, "invalid_date",
                f"The year {value.year} is not plausible: was a Buddhist-era year entered as a"
                f" Christian-era year? (BE {value.year} is CE {value.year - 543})",
                "implausible_year", {"year": str(value.year), "ce_year": str(value.year - 543)},
            ))  # fmt: skip
    flagged = {e.field for e in errors}
    birth = data.birth_date
    if birth is not None and "birth_date" not in flagged:
        if birth > today:
            errors.append(FieldError(
                "birth_date", "invalid_date", "The birth date is in the future", "in_future"
            ))  # fmt: skip
        elif birth.year < OLDEST_BIRTH_YEAR:
            errors.append(FieldError(
                "birth_date", "invalid_date", f"The birth date is before {OLDEST_BIRTH_YEAR}",
                "too_early", {"year": str(OLDEST_BIRTH_YEAR)},
            ))  # fmt: skip
        elif birth > today.replace(year=today.year - YOUNGEST_AGE, day=min(today.day, 28)):
            errors.append(FieldError(
                "birth_date", "invalid_date",
                f"The birth date makes the member younger than {YOUNGEST_AGE}",
                "too_young", {"age": str(YOUNGEST_AGE)},
            ))  # fmt: skip
    if (
        data.joined_on is not None
        and data.expires_on is not None
        and not {"joined_on", "expires_on"} & flagged
        and data.expires_on < data.joined_on
    ):
        errors.append(FieldError(
            "expires_on", "invalid_date", "The membership expires before the member joined",
            "expires_before_joined",
        ))  # fmt: skip
    consent = data.consent_date
    if consent is not None and "consent_date" not in flagged and consent > today:
        errors.append(FieldError(
            "consent_date", "invalid_date", "The consent date is in the future", "in_future"
        ))  # fmt: skip
    return errors


def _ref_codes(session: Session, kind: str) -> dict[str, str]:
    """Codes of a reference list (inactive ones too: old records keep them) -> parent code."""
    rows = dbapi(session).execute("SELECT code, parent_code FROM ref_item WHERE kind = ?", (kind,))
    return dict(rows.fetchall())


def _code_errors(session: Session, data: MemberInput) -> list[FieldError]:
    errors: list[FieldError] = []
    checks = (
        ("status", "member_status", data.status, "membership status"),
        ("gender", "gender", data.gender or "", "gender"),
        ("personnel_type", "personnel_type", data.personnel_type, "personnel type"),
        ("position_type", "position_type", data.position_type, "position type"),
        ("position_level", "position_level", data.position_level, "position level"),
    )
    for name, kind, code, what in checks:
        if not code:
            if name == "status":
                errors.append(FieldError(name, "unknown_code", "The membership status is required"))
            continue
        codes = _ref_codes(session, kind)
        if code not in codes:
            errors.append(FieldError(name, "unknown_code", f"Unknown {what} code '{code}'"))
            continue
        parent = codes[code]  # a level's parent is its position type
        if (
            name == "position_level"
            and data.position_type
            and parent not in ("", data.position_type)
        ):
            errors.append(FieldError(
                name, "unknown_code",
                f"The level '{code}' does not belong to the position type '{data.position_type}'",
            ))  # fmt: skip
    return errors


def _national_id_errors(session: Session, raw: str, data: MemberInput) -> list[FieldError]:
    if not clean_text(raw):
        return []
    try:
        number = normalize_national_id(raw)
    except NationalIdError as error:
        return [FieldError("national_id", "invalid_national_id", error.message, error.reason)]
    clash = dbapi(session).execute(
        "SELECT 1 FROM member WHERE national_id = ? AND deleted_at IS NULL AND id IS NOT ?",
        (number, data.id),
    )
    if clash.fetchone():
        return [FieldError(
            "national_id", "duplicate_national_id", "Another member already has this national ID"
        )]  # fmt: skip
    return []


def validate_member(session: Session, *, data: MemberInput) -> tuple[FieldError, ...]:
    """Every problem with ``data`` (empty when it can be saved), in the editor's field order."""
    clean = normalise_member(data)
    errors: list[FieldError] = []
    if not clean.first_name:
        errors.append(FieldError("first_name", "missing_name", "The first name is required"))
    errors.extend(_national_id_errors(session, data.national_id, clean))
    for name in ("phone", "phone_office"):
        raw = getattr(data, name)
        if clean_text(raw):
            try:
                normalize_phone(raw)
            except ThaiPhoneError as error:
                errors.append(FieldError(name, "invalid_phone", error.message, error.reason))
    if clean.email and not EMAIL_PATTERN.match(clean.email):
        errors.append(FieldError(
            "email", "invalid_email", "The e-mail address should look like name@example.com"
        ))  # fmt: skip
    errors.extend(date_errors(clean, dt.date.today()))
    errors.extend(_code_errors(session, clean))
    if clean.organisation_id is not None:
        found = dbapi(session).execute(
            "SELECT 1 FROM organisation WHERE id = ? AND deleted_at IS NULL",
            (clean.organisation_id,),
        )
        if not found.fetchone():
            errors.append(FieldError(
                "organisation_id", "unknown_organisation", "The organisation does not exist"
            ))  # fmt: skip
    if len(clean.membership_no) > MAX_MEMBERSHIP_NO_LENGTH:
        errors.append(FieldError(
            "membership_no", "too_long",
            f"The membership number is longer than {MAX_MEMBERSHIP_NO_LENGTH} characters",
        ))  # fmt: skip
    long_tags = [tag for tag in clean.strengths if len(tag) > MAX_TAG_LENGTH]
    if long_tags:
        errors.append(FieldError(
            "strengths", "too_long", f"A strength is longer than {MAX_TAG_LENGTH} characters"
        ))  # fmt: skip
    if clean.consent_date is not None and not clean.consent_purpose:
        errors.append(FieldError(
            "consent_purpose", "missing_consent_purpose",
            "Record what the member consented to (the purpose) with the consent date",
        ))  # fmt: skip
    if clean.consent_purpose and clean.consent_date is None:
        errors.append(FieldError(
            "consent_date", "missing_consent_date",
            "Record when the member consented (the date) with the consent purpose",
        ))  # fmt: skip
    return tuple(errors)
