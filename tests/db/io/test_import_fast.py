"""The import's fast paths answer only what the full rules would answer."""

from __future__ import annotations

import random

import pytest

from db.io.import_fast import is_clean_line, quick_national_id, quick_phone
from db.io.normalise import _clean_searched
from db.members.validation import clean_line, clean_multiline
from db.thai.digits import to_arabic_digits
from db.thai.national_id import NationalIdError, check_digit, normalize_national_id
from db.thai.phone import ThaiPhoneError, normalize_phone
from db.thai.text import clean_text, split_prefix

# Letters, marks, digits of both kinds, every kind of space and invisible character.
ALPHABET = (
    "กขคนมสอาเแไโำิีึืุู่้๊๋็์ abcAB.-0123๑๒๓"
    "  \t\n\r\u00a0\u3000\u200b\u200c\u200d\ufeff\u2060\u00ad\u200e\u200f\u0e4d\u0e32\x0b\x1c\u2028"
    "e\u0301"  # a decomposed é: not NFC
)


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 12))) for _ in range(count)
    ]


@pytest.mark.parametrize("seed", range(4))
def test_clean_line_fast_path_agrees(seed: int) -> None:
    clean_ones = 0
    samples = ["นายสมชาย ใจดี", "ปลัด อบต.", "12 หมู่ 3", " a", "a ", "a  b"]
    for text in [*_texts(5_000, seed), *samples]:
        if is_clean_line(text):
            clean_ones += 1
            assert to_arabic_digits(clean_line(text)) == text, repr(text)
            assert clean_multiline(text) == text, repr(text)
    assert clean_ones > 50  # the fast path is taken, not only refused


@pytest.mark.parametrize("seed", range(4))
def test_a_cleaned_name_needs_no_second_cleaning(seed: int) -> None:
    """The importer splits prefixes off names it cleaned already (split_prefix cleaned=True):
    clean_text must leave whatever that cleaning gives as it is, and the split be the same."""
    for text in [*_texts(5_000, seed), "นาย  สมชาย​ ใจดี", "ว่าที่ ร.ต. ดร. ประยุทธ"]:
        cleaned = _clean_searched(text)
        assert clean_text(cleaned) == cleaned, repr(text)
        assert split_prefix(cleaned, cleaned=True) == split_prefix(cleaned), repr(text)


def test_clean_line_fast_path_refuses_what_cleaning_changes() -> None:
    for text in (" นาย", "นาย ", "นาย  สม", "สม\u200bชาย", "เลข ๑๒", "น\u0e4d\u0e32", "a\tb",
                 "a\u00a0b", "e\u0301", "a\nb"):  # fmt: skip
        assert not is_clean_line(text), repr(text)


def _full_id(text: str) -> str | None:
    try:
        return normalize_national_id(text)
    except NationalIdError:
        return None


def _full_phone(text: str) -> str | None:
    try:
        return normalize_phone(text)
    except ThaiPhoneError:
        return None


def test_quick_national_id_agrees() -> None:
    rng = random.Random(7)
    taken = 0
    for _ in range(20_000):
        twelve = "".join(rng.choice("0123456789") for _ in range(12))
        number = twelve + (check_digit(twelve) if rng.random() < 0.7 else rng.choice("0123456789"))
        shapes = (
            number,
            f"{number[0]}-{number[1:5]}-{number[5:10]}-{number[10:12]}-{number[12]}",
            number[:12], number + "1", f"{number[:6]} {number[6:]}", "-" + number,
            number.replace("1", "๑"), number[:5] + "x" + number[6:],
        )  # fmt: skip
        for text in shapes:
            quick = quick_national_id(text)
            if quick is not None:
                taken += 1
                assert quick == _full_id(text), text
            elif text in shapes[:2]:
                assert _full_id(text) is None, text  # the shapes it handles: refused = invalid
    assert taken > 20_000


def test_quick_phone_agrees() -> None:
    rng = random.Random(11)
    taken = 0
    for _ in range(20_000):
        length = rng.choice((8, 9, 10, 11))
        digits = "".join(rng.choice("0123456789") for _ in range(length))
        if rng.random() < 0.7:
            digits = rng.choice(("0", "06", "08", "09", "02", "66")) + digits[2:]
        shapes = (
            digits, f"{digits[:3]}-{digits[3:6]}-{digits[6:]}", f"{digits[:2]}-{digits[2:]}",
            "+" + digits, digits + " ต่อ 12", digits.replace("0", "๐"),
        )  # fmt: skip
        for text in shapes:
            quick = quick_phone(text)
            if quick is not None:
                taken += 1
                assert quick == _full_phone(text), text
    assert taken > 5_000
