import random

import pytest
from stdnum.th import pin

from db.thai.errors import ThaiValueError
from db.thai.national_id import (
    NationalIdError,
    check_digit,
    format_national_id,
    is_valid_national_id,
    mask_national_id,
    normalize_national_id,
    random_national_id,
)


def thai_md_check_digit(first_twelve: str) -> str:
    """The rule exactly as THAI.md writes it."""
    s = sum(int(d) * (14 - i) for i, d in enumerate(first_twelve, start=1))
    return str((11 - s % 11) % 10)


def test_hand_computed_examples() -> None:
    # 1*13 + 2*12 + 3*11 + 4*10 + 5*9 + 6*8 + 7*7 + 8*6 + 9*5 + 0*4 + 1*3 + 2*2 = 352 = 32*11,
    # so s % 11 == 0 and d13 == (11 - 0) % 10 == 1.
    assert check_digit("123456789012") == "1"
    assert is_valid_national_id("1234567890121")
    # 3100600445635 (python-stdnum's example): digits 3,1,0,0,6,0,0,4,4,5,6,3 give
    # 39 + 12 + 0 + 0 + 54 + 0 + 0 + 24 + 20 + 20 + 18 + 6 = 193; 193 % 11 == 6 -> (11 - 6) % 10.
    assert check_digit("310060044563") == "5"
    assert is_valid_national_id("3100600445635")
    # All zeros but the first: 1*13 = 13; 13 % 11 == 2 -> d13 == 9.
    assert check_digit("100000000000") == "9"
    # 5*13 = 65; 65 % 11 == 10 -> (11 - 10) % 10 == 1.
    assert check_digit("500000000000") == "1"
    # 6*2 = 12; 12 % 11 == 1 -> (11 - 1) % 10 == 0: the "10" case wraps to 0.
    assert check_digit("000000000006") == "0"


def test_stdnum_agrees_with_thai_md_rule() -> None:
    rng = random.Random(7)
    for _ in range(5000):
        first_twelve = "".join(str(rng.randrange(10)) for _ in range(12))
        assert pin.calc_check_digit(first_twelve) == thai_md_check_digit(first_twelve)


@pytest.mark.parametrize(
    "text",
    [
        "1234567890121",
        "1-2345-67890-12-1",
        "1 2345 67890 12 1",
        " 1-2345-67890-12-1 ",
        "๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑",
        "1\u200b234567890121",
        "1\u20132345\u201367890\u201312\u20131",
        "1\u00a02345\u00a067890\u00a012\u00a01",
    ],
)
def test_accepted_shapes(text: str) -> None:
    assert normalize_national_id(text) == "1234567890121"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1234567890122", "bad_checksum"),
        ("1234567890120", "bad_checksum"),
        ("2134567890121", "bad_checksum"),  # two digits swapped
        ("123456789012", "wrong_length"),
        ("12345678901211", "wrong_length"),
        ("", "wrong_length"),
        ("1234567890l21", "non_digit"),
        ("1/2345/67890/12/1", "non_digit"),
        ("١٢٣٤٥٦٧٨٩٠١٢١", "non_digit"),  # Arabic-Indic digits are not Thai input
    ],
)
def test_rejected(text: str, reason: str) -> None:
    with pytest.raises(NationalIdError) as info:
        normalize_national_id(text)
    assert info.value.code == "invalid_national_id"
    assert info.value.reason == reason
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, ThaiValueError)
    assert not is_valid_national_id(text)


def test_error_message_does_not_leak_the_id() -> None:
    with pytest.raises(NationalIdError) as info:
        normalize_national_id("1234567890122")
    assert "1234567890122" not in str(info.value)


def test_first_digit_zero_or_nine_is_accepted() -> None:
    # THAI.md only asks for the checksum; stdnum's validate() would reject these.
    for first_twelve in ("012345678901", "912345678901"):
        assert is_valid_national_id(first_twelve + thai_md_check_digit(first_twelve))


def test_format_and_mask() -> None:
    assert format_national_id("1234567890121") == "1-2345-67890-12-1"
    assert format_national_id("๑๒๓๔๕๖๗๘๙๐๑๒๑") == "1-2345-67890-12-1"
    assert mask_national_id("1234567890121") == "x-xxxx-xxxxx-12-1"
    assert mask_national_id("1-2345-67890-12-1") == "x-xxxx-xxxxx-12-1"
    assert format_national_id(format_national_id("3100600445635")) == "3-1006-00445-63-5"
    # Shown even when the check digit is wrong (legacy data), but only with 13 digits.
    assert format_national_id("1234567890122") == "1-2345-67890-12-2"
    with pytest.raises(NationalIdError):
        format_national_id("12345")
    with pytest.raises(NationalIdError):
        mask_national_id("abc")


def test_random_ids_are_valid() -> None:
    rng = random.Random(2024)
    ids = [random_national_id(rng) for _ in range(2000)]
    assert all(is_valid_national_id(i) for i in ids)
    assert all(len(i) == 13 and i[0] in "12345678" for i in ids)
    assert {i[0] for i in ids} == set("12345678")
    assert len(set(ids)) == len(ids)
    # Same seed, same IDs: demo data is reproducible.
    assert random_national_id(random.Random(1)) == random_national_id(random.Random(1))
