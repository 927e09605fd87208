import pytest

from db.thai.errors import ThaiValueError
from db.thai.phone import (
    ThaiPhoneError,
    format_phone,
    is_valid_phone,
    normalize_phone,
    phone_digits_for_search,
    to_e164,
)


@pytest.mark.parametrize(
    "text",
    [
        "0812345678",
        "081-234-5678",
        "081 234 5678",
        "081.234.5678",
        "(081) 234-5678",
        "081-234-567-8",
        "+66 81 234 5678",
        "+66812345678",
        "+66-81-234-5678",
        "+66 (0) 81 234 5678",
        "+66 081 234 5678",
        "66812345678",
        "๐๘๑-๒๓๔-๕๖๗๘",
        "+๖๖ ๘๑ ๒๓๔ ๕๖๗๘",
        "081\u200b234\u00a05678",
        "โทร. 081-234-5678",
        "มือถือ 081-234-5678",
        "Tel: 081-234-5678",
        "Mobile 081 234 5678",
        "081\u2013234\u20135678",
    ],
)
def test_mobile_shapes(text: str) -> None:
    assert normalize_phone(text) == "0812345678"
    assert format_phone(text) == "081-234-5678"
    assert to_e164(text) == "+66812345678"
    assert is_valid_phone(text)


@pytest.mark.parametrize("prefix", ["06", "08", "09"])
def test_mobile_prefixes(prefix: str) -> None:
    assert normalize_phone(f"{prefix}12345678") == f"{prefix}12345678"
    assert format_phone(f"{prefix}12345678") == f"{prefix}1-234-5678"


@pytest.mark.parametrize(
    "text",
    [
        "021234567",
        "02-123-4567",
        "02 123 4567",
        "(02) 123-4567",
        "+66 2 123 4567",
        "+66 (0)2 123 4567",
        "6621234567",
        "๐๒-๑๒๓-๔๕๖๗",
        "02-123-4567 ต่อ 12",
        "02-123-4567ต่อ12",
        "02-123-4567 ext. 12",
        "02-123-4567 #12",
        "02-123-4567 x 12",
        "โทร. 02-123-4567 ต่อ 1234",
        "02-123-4567-9",  # an office's range of lines: the first one
        "02-123-4567-70",
    ],
)
def test_bangkok_landline_shapes(text: str) -> None:
    assert normalize_phone(text) == "021234567"
    assert format_phone(text) == "02-123-4567"
    assert to_e164(text) == "+6621234567"


@pytest.mark.parametrize("prefix", ["03", "04", "05", "07"])
def test_provincial_landlines(prefix: str) -> None:
    number = f"{prefix}3123456"
    assert normalize_phone(number) == number
    assert format_phone(number) == f"{prefix}3-123-456"
    assert format_phone(f"+66 {prefix[1]}3 123 456") == f"{prefix}3-123-456"
    assert to_e164(number) == f"+66{prefix[1]}3123456"


def test_chiang_mai_example() -> None:
    assert format_phone("053123456") == "053-123-456"
    assert format_phone("053-123456 ต่อ 5") == "053-123-456"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "wrong_length"),
        ("  ", "wrong_length"),
        ("abc", "bad_characters"),
        ("081-234-5678, 082-345-6789", "bad_characters"),
        ("081/234/5678 call after 5pm", "bad_characters"),
        ("+1 212 555 1234", "not_thai"),
        ("+44 20 7946 0958", "not_thai"),
        ("1555", "bad_prefix"),
        ("012345678", "bad_prefix"),
        ("0012345678", "bad_prefix"),
        ("081234567", "wrong_length"),  # a mobile number missing a digit
        ("061234567", "wrong_length"),  # no landline starts with 06
        ("08123456789", "wrong_length"),
        ("02123456", "wrong_length"),
        ("0212345678", "wrong_length"),
        ("0812345678-9", "wrong_length"),  # ranges are for landlines only
        ("+66 81 234 567", "wrong_length"),
    ],
)
def test_invalid_phones(text: str, reason: str) -> None:
    with pytest.raises(ThaiPhoneError) as info:
        normalize_phone(text)
    error = info.value
    assert isinstance(error, ValueError)
    assert isinstance(error, ThaiValueError)
    assert error.code == "invalid_phone"
    assert error.reason == reason
    assert not is_valid_phone(text)
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) >= 6:
        assert digits not in str(error)  # personal data stays out of messages and logs


def test_round_trips() -> None:
    for number in ("0812345678", "0612345678", "021234567", "053123456", "073123456"):
        assert normalize_phone(format_phone(number)) == number
        assert normalize_phone(to_e164(number)) == number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("081-234-5678", "0812345678"),
        ("+66 81 234", "081234"),
        ("+66 (0)81 234", "081234"),
        ("234-56", "23456"),
        ("๕๖๗๘", "5678"),
        ("โทร. 02-123", "02123"),
        ("", ""),
        ("สมชาย", ""),
        ("66", "66"),  # not treated as a country code without "+"
    ],
)
def test_phone_digits_for_search(text: str, expected: str) -> None:
    assert phone_digits_for_search(text) == expected
    if len(expected) >= 4:
        assert expected in normalize_phone("0812345678") or expected in "021234567"
