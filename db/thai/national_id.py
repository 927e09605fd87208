"""Thai national ID numbers (เลขประจำตัวประชาชน): 13 digits, the last a check digit.

Stored as 13 digits, shown grouped ``1-2345-67890-12-1``, masked in lists ``x-xxxx-xxxxx-12-1``.
The check digit is python-stdnum's ``stdnum.th.pin.calc_check_digit``, which computes the THAI.md
rule ``d13 == (11 - sum(d_i * (14 - i) for i in 1..12) % 11) % 10`` (the tests prove they agree).
stdnum's own ``validate`` also rejects IDs starting with 0 or 9; THAI.md has no such rule and
category-0 IDs exist (people without Thai nationality), so only length, digits and checksum are
checked here.
"""

from __future__ import annotations

import random

from stdnum.th.pin import calc_check_digit

from db.thai.digits import to_arabic_digits
from db.thai.errors import ThaiValueError
from db.thai.text import clean_text

ID_LENGTH = 13

# Separators people type or paste between the digit groups: spaces, ASCII and Unicode dashes.
_SEPARATORS = str.maketrans(dict.fromkeys(" -\u2010\u2011\u2012\u2013\u2014\u2212"))


class NationalIdError(ThaiValueError):
    """A national ID that is not 13 digits or whose check digit is wrong.

    ``reason`` is ``non_digit``, ``wrong_length`` or ``bad_checksum``.
    """

    code = "invalid_national_id"


def _digits(text: str) -> str:
    """Only the characters that matter: no separators, no invisible characters, Arabic digits."""
    return to_arabic_digits(clean_text(text)).translate(_SEPARATORS)


def _check_shape(number: str) -> None:
    if number and not (number.isascii() and number.isdigit()):
        raise NationalIdError(
            "A national ID may contain only digits, spaces and dashes", reason="non_digit"
        )
    if len(number) != ID_LENGTH:
        raise NationalIdError(
            f"A national ID has {ID_LENGTH} digits, this one has {len(number)}",
            reason="wrong_length",
        )


def check_digit(first_twelve: str) -> str:
    """The 13th digit for the given first 12 digits."""
    return calc_check_digit(first_twelve)


def normalize_national_id(text: str) -> str:
    """The 13-digit form of ``text``; raises :class:`NationalIdError` if it is not a valid ID."""
    number = _digits(text)
    _check_shape(number)
    if number[-1] != check_digit(number[:12]):
        raise NationalIdError(
            "The national ID's check digit is wrong: a digit was probably mistyped",
            reason="bad_checksum",
        )
    return number


def is_valid_national_id(text: str) -> bool:
    """True if ``text`` (with any separators or Thai digits) is a valid national ID."""
    try:
        normalize_national_id(text)
    except NationalIdError:
        return False
    return True


def format_national_id(text: str) -> str:
    """``1234567890121`` -> ``1-2345-67890-12-1``.

    Needs 13 digits but does not check the check digit, so an ID imported with a bad checksum
    can still be shown.
    """
    n = _digits(text)
    _check_shape(n)
    return f"{n[0]}-{n[1:5]}-{n[5:10]}-{n[10:12]}-{n[12]}"


def mask_national_id(text: str) -> str:
    """``1234567890121`` -> ``x-xxxx-xxxxx-12-1``: for lists shown to users who may not see IDs."""
    n = _digits(text)
    _check_shape(n)
    return f"x-xxxx-xxxxx-{n[10:12]}-{n[12]}"


def random_national_id(rng: random.Random) -> str:
    """A valid random ID for demo data: first digit 1-8, correct check digit."""
    first_twelve = str(rng.randint(1, 8)) + "".join(str(rng.randrange(10)) for _ in range(11))
    return first_twelve + check_digit(first_twelve)
