"""The association's own profile: its names, address, contacts, logo and signatories.

Printed documents (letters, certificates, the PDPA access report) read it through
:func:`association_profile`; the settings window writes it with :func:`save_association_profile`.
It lives in this office's ``local_setting`` table under :data:`SETTING_KEY` as JSON (the logo as
base64 PNG), so it never travels to other offices and needs no migration.

Saving normalises the text (invisible characters removed, spaces collapsed, NFC; the address keeps
its lines; signatory rows left entirely blank are dropped) and checks everything at once: errors
come back as :class:`AssociationProfileError` holding :class:`~db.members.types.FieldError` items
with a stable ``code`` the UI translates and an English ``message``. Nothing is stored when any
check fails.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import struct
from dataclasses import dataclass, field

from sqlmodel import Session

from db.members._sql import dbapi
from db.members.types import FieldError, MemberValidationError
from db.members.validation import EMAIL_PATTERN, clean_line, clean_multiline
from db.thai.digits import to_arabic_digits

log = logging.getLogger(__name__)

SETTING_KEY = "association_profile"
FORMAT_VERSION = 1

MAX_SIGNATORIES = 4
MAX_LOGO_SIDE = 512  # pixels: the settings window scales larger images down to this
MAX_LOGO_BYTES = 1_000_000  # a 512 x 512 PNG is well under this unless it is noise
MAX_NAME_LENGTH = 200
MAX_LINE_LENGTH = 120  # phone, e-mail, a signatory's name, position or title
MAX_ADDRESS_LENGTH = 1_000
MAX_ADDRESS_LINES = 8

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Codes of FieldError.code that save_association_profile gives.
MISSING_NAME = "missing_name"  # other fields are set but the Thai name is empty
TOO_LONG = "too_long"
INVALID_EMAIL = "invalid_email"
INVALID_PHONE = "invalid_phone"
INVALID_LOGO = "invalid_logo"  # not a PNG image (or a damaged one)
LOGO_TOO_LARGE = "logo_too_large"  # over MAX_LOGO_BYTES or MAX_LOGO_SIDE pixels
TOO_MANY_SIGNATORIES = "too_many_signatories"
MISSING_SIGNATORY_NAME = "missing_signatory_name"
MISSING_SIGNATORY_TITLE = "missing_signatory_title"


@dataclass(frozen=True)
class Signatory:
    """Someone who signs the association's documents: ``title`` is the line they sign as
    ("นายกสมาคม", "เลขาธิการ"); ``position`` their official post (optional)."""

    name: str
    position: str
    title: str


@dataclass(frozen=True)
class AssociationProfile:
    """What printed documents say about the association. All empty when never set."""

    name_th: str = ""
    name_en: str = ""
    address: str = ""  # several lines
    phone: str = ""
    email: str = ""
    logo_png: bytes | None = None
    signatories: tuple[Signatory, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        return self == EMPTY_PROFILE


EMPTY_PROFILE = AssociationProfile()


class AssociationProfileError(MemberValidationError):
    """The profile was not saved: ``errors`` lists every problem (``FieldError`` items).

    Field names: ``name_th``, ``name_en``, ``address``, ``phone``, ``email``, ``logo_png``,
    ``signatories`` (the list as a whole) and ``signatories.N.name`` / ``.position`` /
    ``.title`` (N counts from 0 among the rows kept after blank ones are dropped).
    """


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) read from a PNG's header; ``ValueError`` when ``data`` is not a PNG."""
    if len(data) < 24 or not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    if width == 0 or height == 0:
        raise ValueError("a PNG image with no pixels")
    return width, height


# -- reading --------------------------------------------------------------------------------
def association_profile(session: Session) -> AssociationProfile:
    """The saved profile, or an empty one when none was saved (or it cannot be read)."""
    row = (
        dbapi(session)
        .execute("SELECT value FROM local_setting WHERE key = ?", (SETTING_KEY,))
        .fetchone()
    )
    if row is None:
        return EMPTY_PROFILE
    try:
        return _from_json(row[0])
    except (ValueError, TypeError, KeyError, AttributeError, binascii.Error):
        # Never raise to a printing path: the document goes out without the profile and the
        # stored text stays untouched (the user sees empty fields and may save again).
        log.warning("the %s setting cannot be read; treating it as empty", SETTING_KEY)
        return EMPTY_PROFILE


def _from_json(text: str) -> AssociationProfile:
    data = json.loads(text)
    if not isinstance(data, dict):
        raise TypeError("not an object")
    logo = data.get("logo_png")
    signatories = tuple(
        Signatory(
            name=str(item.get("name", "")),
            position=str(item.get("position", "")),
            title=str(item.get("title", "")),
        )
        for item in data.get("signatories", [])
    )
    return AssociationProfile(
        name_th=str(data.get("name_th", "")),
        name_en=str(data.get("name_en", "")),
        address=str(data.get("address", "")),
        phone=str(data.get("phone", "")),
        email=str(data.get("email", "")),
        logo_png=base64.b64decode(logo, validate=True) if logo else None,
        signatories=signatories,
    )


def _to_json(profile: AssociationProfile) -> str:
    return json.dumps(
        {
            "version": FORMAT_VERSION,
            "name_th": profile.name_th,
            "name_en": profile.name_en,
            "address": profile.address,
            "phone": profile.phone,
            "email": profile.email,
            "logo_png": (
                base64.b64encode(profile.logo_png).decode("ascii") if profile.logo_png else None
            ),
            "signatories": [
                {"name": s.name, "position": s.position, "title": s.title}
                for s in profile.signatories
            ],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


# -- checking and saving --------------------------------------------------------------------
def normalise_profile(profile: AssociationProfile) -> AssociationProfile:
    """``profile`` as it is stored: text cleaned, blank signatory rows dropped, an empty logo as
    None. Values that are wrong stay as they are; :func:`validate_profile` reports them."""
    signatories = tuple(
        Signatory(
            name=clean_line(s.name), position=clean_line(s.position), title=clean_line(s.title)
        )
        for s in profile.signatories
    )
    return AssociationProfile(
        name_th=clean_line(profile.name_th),
        name_en=clean_line(profile.name_en),
        address=clean_multiline(profile.address),
        phone=clean_line(profile.phone),
        email=clean_line(profile.email),
        logo_png=profile.logo_png or None,
        signatories=tuple(s for s in signatories if s.name or s.position or s.title),
    )


def _phone_is_plausible(phone: str) -> bool:
    """Free text (several numbers, "ต่อ 12" extensions are fine) holding at least one Thai
    number: nine digits or more (Thai digits count)."""
    digits = sum(ch.isdigit() for ch in to_arabic_digits(phone))
    return digits >= 9


def validate_profile(profile: AssociationProfile) -> tuple[FieldError, ...]:
    """Every problem with a normalised ``profile`` (empty when it may be saved)."""
    errors: list[FieldError] = []
    if not profile.name_th and not profile.is_empty:
        errors.append(FieldError("name_th", MISSING_NAME, "Give the association's name in Thai."))
    for name, limit in (("name_th", MAX_NAME_LENGTH), ("name_en", MAX_NAME_LENGTH),
                        ("phone", MAX_LINE_LENGTH), ("email", MAX_LINE_LENGTH)):  # fmt: skip
        if len(getattr(profile, name)) > limit:
            errors.append(FieldError(name, TOO_LONG, f"At most {limit} characters."))
    if (
        len(profile.address) > MAX_ADDRESS_LENGTH
        or profile.address.count("\n") >= MAX_ADDRESS_LINES
    ):
        errors.append(
            FieldError(
                "address",
                TOO_LONG,
                f"At most {MAX_ADDRESS_LINES} lines and {MAX_ADDRESS_LENGTH} characters.",
            )
        )
    if profile.phone and not _phone_is_plausible(profile.phone):
        errors.append(FieldError("phone", INVALID_PHONE, "This is not a phone number."))
    if profile.email and not EMAIL_PATTERN.match(profile.email):
        errors.append(FieldError("email", INVALID_EMAIL, "This is not an e-mail address."))
    errors.extend(_logo_errors(profile.logo_png))
    errors.extend(_signatory_errors(profile.signatories))
    return tuple(errors)


def _logo_errors(logo: bytes | None) -> list[FieldError]:
    if logo is None:
        return []
    if len(logo) > MAX_LOGO_BYTES:
        return [
            FieldError("logo_png", LOGO_TOO_LARGE, f"The logo file is over {MAX_LOGO_BYTES} bytes.")
        ]
    try:
        width, height = png_size(logo)
    except ValueError:
        return [FieldError("logo_png", INVALID_LOGO, "The logo is not a PNG image.")]
    if max(width, height) > MAX_LOGO_SIDE:
        return [
            FieldError(
                "logo_png",
                LOGO_TOO_LARGE,
                f"The logo is {width} x {height} pixels; at most {MAX_LOGO_SIDE} on a side.",
            )
        ]
    return []


def _signatory_errors(signatories: tuple[Signatory, ...]) -> list[FieldError]:
    errors: list[FieldError] = []
    if len(signatories) > MAX_SIGNATORIES:
        errors.append(
            FieldError(
                "signatories",
                TOO_MANY_SIGNATORIES,
                f"At most {MAX_SIGNATORIES} signatories.",
            )
        )
    for n, signatory in enumerate(signatories):
        if not signatory.name:
            errors.append(
                FieldError(f"signatories.{n}.name", MISSING_SIGNATORY_NAME, "Give the name.")
            )
        if not signatory.title:
            errors.append(
                FieldError(
                    f"signatories.{n}.title",
                    MISSING_SIGNATORY_TITLE,
                    "Give the line the signatory signs as.",
                )
            )
        for part in ("name", "position", "title"):
            if len(getattr(signatory, part)) > MAX_LINE_LENGTH:
                errors.append(
                    FieldError(
                        f"signatories.{n}.{part}",
                        TOO_LONG,
                        f"At most {MAX_LINE_LENGTH} characters.",
                    )
                )
    return errors


def save_association_profile(session: Session, profile: AssociationProfile) -> None:
    """Store ``profile`` (normalised) in place of the saved one; an empty profile clears it.

    Raises :class:`AssociationProfileError` listing every problem; nothing is stored then.
    """
    cleaned = normalise_profile(profile)
    errors = validate_profile(cleaned)
    if errors:
        raise AssociationProfileError(errors)
    connection = dbapi(session)
    if cleaned.is_empty:
        connection.execute("DELETE FROM local_setting WHERE key = ?", (SETTING_KEY,))
        return
    connection.execute(
        "INSERT INTO local_setting (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (SETTING_KEY, _to_json(cleaned)),
    )
