"""Thai phone numbers: one normalised national form for storage, grouped for display.

National form: mobile 10 digits starting 06/08/09, landline 9 digits starting 02..07.
Accepts +66 / 66 / +66 (0) prefixes, Thai digits, spaces, dots, dashes, parentheses, a label
("โทร.", "Tel:") and an extension ("ต่อ 12", "ext. 12", "#12"), which is dropped. An office's
range of lines "02-123-4567-9" (…4567 to …4569) gives its first number.
"""

from __future__ import annotations

import re

from db.thai.digits import to_arabic_digits
from db.thai.errors import ThaiValueError
from db.thai.text import clean_text

COUNTRY_CODE = "66"
MOBILE_PREFIXES = ("06", "08", "09")
# THAI.md says landlines start 02..07, but no Thai area code starts with 06 (06 is mobile only):
# a 9-digit 06 number is a mobile number missing a digit, so it is refused.
LANDLINE_PREFIXES = ("02", "03", "04", "05", "07")

_LABEL = re.compile(
    r"^(?:โทรศัพท์มือถือ|โทรศัพท์|มือถือ|โทร\.?|มถ\.?|tel\.?|phone|mobile|mob\.?)\s*:?\s*",
    re.IGNORECASE,
)
_EXTENSION = re.compile(r"\s*(?:ต่อ|ext\.?|extension|x|#)\s*\d*\s*$", re.IGNORECASE)
_LINE_RANGE = re.compile(r"^(?P<first>.*\d{3})\s*[-/,]\s*\d{1,2}$")
_SEPARATORS = str.maketrans(dict.fromkeys(" .-()/\u2010\u2011\u2012\u2013\u2014\u2212"))


class ThaiPhoneError(ThaiValueError):
    """Not a Thai mobile or landline number.

    ``reason`` is ``bad_characters``, ``not_thai`` (another country code), ``wrong_length`` or
    ``bad_prefix``.
    """

    code = "invalid_phone"


def _strip_decoration(text: str) -> str:
    cleaned = to_arabic_digits(clean_text(text))
    cleaned = _LABEL.sub("", cleaned, count=1)
    return _EXTENSION.sub("", cleaned, count=1)


def is_mobile(number: str) -> bool:
    """Whether a number in national form is a mobile one (10 digits from 06, 08 or 09)."""
    return number.startswith(MOBILE_PREFIXES) and len(number) == 10


def phone_extension(text: str) -> str:
    """The extension a phone text ends with ("02-123-4567 ต่อ 12" -> "12"), "" for none."""
    found = _EXTENSION.search(to_arabic_digits(clean_text(text)))
    return "".join(c for c in found.group(0) if c.isdigit()) if found else ""


def _national_digits(digits: str, *, international: bool) -> str:
    """Digits in national form from digits that may start with the country code."""
    if international or (digits.startswith(COUNTRY_CODE) and len(digits) in (10, 11)):
        if not digits.startswith(COUNTRY_CODE):
            raise ThaiPhoneError("Only Thai (+66) numbers are accepted", reason="not_thai")
        # "+66 (0)81 ..." and "+66 081 ..." keep a trunk 0 that E.164 leaves out.
        return "0" + digits[len(COUNTRY_CODE) :].removeprefix("0")
    return digits


def normalize_phone(text: str) -> str:
    """The national form of ``text``: "+66 81 234 5678" -> "0812345678".

    Raises :class:`ThaiPhoneError`. The message never repeats the number (personal data).
    """
    cleaned = _strip_decoration(text)
    try:
        return _normalize_cleaned(cleaned)
    except ThaiPhoneError as error:
        line_range = _LINE_RANGE.match(cleaned)
        if error.reason != "wrong_length" or line_range is None:
            raise
        try:
            first = _normalize_cleaned(line_range.group("first"))
        except ThaiPhoneError:
            raise error from None
        if len(first) != 9:  # ranges are written for office landlines only
            raise error from None
        return first


def _normalize_cleaned(cleaned: str) -> str:
    international = cleaned.startswith("+")
    digits = cleaned.removeprefix("+").translate(_SEPARATORS)
    if not digits:
        raise ThaiPhoneError("No phone number was given", reason="wrong_length")
    if not (digits.isascii() and digits.isdigit()):
        raise ThaiPhoneError(
            "A phone number may contain only digits, spaces, dots, dashes, parentheses, "
            "a leading + and an extension after 'ต่อ'",
            reason="bad_characters",
        )
    number = _national_digits(digits, international=international)
    if is_mobile(number):
        return number
    if number.startswith(LANDLINE_PREFIXES) and len(number) == 9:
        return number
    if not number.startswith(MOBILE_PREFIXES + LANDLINE_PREFIXES):
        raise ThaiPhoneError(
            "A Thai phone number starts with 06, 08 or 09 (mobile) or 02 to 07 (landline)",
            reason="bad_prefix",
        )
    raise ThaiPhoneError(
        "A Thai mobile number has 10 digits and a landline 9 (with the leading 0)",
        reason="wrong_length",
    )


def is_valid_phone(text: str) -> bool:
    try:
        normalize_phone(text)
    except ThaiPhoneError:
        return False
    return True


def format_phone(text: str) -> str:
    """ "0812345678" -> "081-234-5678"; "021234567" -> "02-123-4567"; "053123456" -> "053-123-456".

    Accepts anything :func:`normalize_phone` accepts.
    """
    n = normalize_phone(text)
    if len(n) == 10:
        return f"{n[:3]}-{n[3:6]}-{n[6:]}"
    if n.startswith("02"):
        return f"{n[:2]}-{n[2:5]}-{n[5:]}"
    return f"{n[:3]}-{n[3:6]}-{n[6:]}"


def to_e164(text: str) -> str:
    """ "081-234-5678" -> "+66812345678"."""
    return f"+{COUNTRY_CODE}{normalize_phone(text)[1:]}"


def phone_digits_for_search(text: str) -> str:
    """The digits to look for when a user searches by (part of) a phone number; never raises.

    Separators, labels and Thai digits go; a leading +66 becomes 0, so "+66 81 234" finds
    "0812345678". A partial number ("234-56") gives its digits ("23456").
    """
    cleaned = to_arabic_digits(clean_text(text))
    cleaned = _LABEL.sub("", cleaned, count=1)
    digits = "".join(char for char in cleaned if char.isascii() and char.isdigit())
    if cleaned.startswith("+") and digits.startswith(COUNTRY_CODE):
        return "0" + digits[len(COUNTRY_CODE) :].removeprefix("0")
    return digits
