"""Property tests (hypothesis, a dev dependency): round trips and never-crash guarantees."""

import contextlib
import datetime as dt
import string

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from db.thai.collation import thai_sort_key  # noqa: E402
from db.thai.dates import (  # noqa: E402
    ThaiDateError,
    fiscal_year,
    fiscal_year_bounds,
    format_thai_date,
    parse_thai_date,
)
from db.thai.digits import to_arabic_digits, to_thai_digits  # noqa: E402
from db.thai.national_id import (  # noqa: E402
    NationalIdError,
    format_national_id,
    is_valid_national_id,
    normalize_national_id,
)
from db.thai.phone import (  # noqa: E402
    ThaiPhoneError,
    format_phone,
    normalize_phone,
    phone_digits_for_search,
    to_e164,
)
from db.thai.text import clean_text, normalize_for_search, split_prefix  # noqa: E402

# No example database (it would write .hypothesis/ into the work tree); no deadline (CI machines
# vary, and the first call in a thread creates an ICU collator).
no_database = settings(database=None, deadline=None)

dates = st.dates(min_value=dt.date(1857, 1, 1), max_value=dt.date(2399, 12, 31))
short2_dates = st.dates(min_value=dt.date(1957, 1, 1), max_value=dt.date(2056, 12, 31))
styles = st.sampled_from(["long", "short", "numeric"])
twelve_digits = st.text(alphabet=string.digits, min_size=12, max_size=12)
thai_text = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x0E01, 0x0E5C)] + list(" \u200b\u00a0\ufeffabcXYZ0123456789.-")
    ),
    max_size=40,
)


def thai_md_check_digit(first_twelve: str) -> str:
    s = sum(int(d) * (14 - i) for i, d in enumerate(first_twelve, start=1))
    return str((11 - s % 11) % 10)


@no_database
@given(dates, styles, st.booleans(), st.sampled_from(["BE", "CE"]))
def test_date_round_trip(d: dt.date, style: str, thai_digits: bool, era: str) -> None:
    text = format_thai_date(d, style=style, thai_digits=thai_digits, era=era)  # type: ignore[arg-type]
    assert parse_thai_date(text) == d


@no_database
@given(short2_dates, st.booleans())
def test_short2_round_trip(d: dt.date, thai_digits: bool) -> None:
    assert parse_thai_date(format_thai_date(d, style="short2", thai_digits=thai_digits)) == d


@no_database
@given(st.text(max_size=30))
def test_parse_date_only_raises_thai_date_error(text: str) -> None:
    with contextlib.suppress(ThaiDateError):
        parse_thai_date(text)


@no_database
@given(dates)
def test_fiscal_year_contains_the_date(d: dt.date) -> None:
    start, end = fiscal_year_bounds(fiscal_year(d))
    assert start <= d <= end
    assert (end - start).days in (364, 365)


@no_database
@given(twelve_digits)
def test_national_id_checksum_matches_thai_md(first_twelve: str) -> None:
    number = first_twelve + thai_md_check_digit(first_twelve)
    assert normalize_national_id(number) == number
    assert normalize_national_id(to_thai_digits(format_national_id(number))) == number
    wrong = first_twelve + str((int(number[-1]) + 1) % 10)
    assert not is_valid_national_id(wrong)


@no_database
@given(twelve_digits, st.integers(min_value=0, max_value=11), st.integers(1, 9))
def test_single_digit_typos(first_twelve: str, position: int, delta: int) -> None:
    """What the THAI.md checksum can and cannot catch.

    The third digit has weight 11 (= 0 mod 11), so a typo there is never caught; and sums that
    are 0 and 10 mod 11 share the check digit 1. Every other single-digit typo is caught.
    """
    number = first_twelve + thai_md_check_digit(first_twelve)
    typo = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1 :]

    def residue(digits: str) -> int:
        return sum(int(d) * (14 - i) for i, d in enumerate(digits[:12], start=1)) % 11

    undetectable = position == 2 or {residue(number), residue(typo)} == {0, 10}
    assert is_valid_national_id(typo) == undetectable


@no_database
@given(st.text(max_size=20))
def test_national_id_only_raises_its_error(text: str) -> None:
    with contextlib.suppress(NationalIdError):
        normalize_national_id(text)


@no_database
@given(
    st.sampled_from(["06", "08", "09"]).flatmap(
        lambda p: st.text(string.digits, min_size=8, max_size=8).map(lambda r: p + r)
    )
    | st.sampled_from(["02", "03", "04", "05", "07"]).flatmap(
        lambda p: st.text(string.digits, min_size=7, max_size=7).map(lambda r: p + r)
    )
)
def test_phone_round_trips(number: str) -> None:
    assert normalize_phone(number) == number
    assert normalize_phone(format_phone(number)) == number
    assert normalize_phone(to_e164(number)) == number
    assert normalize_phone(to_thai_digits(format_phone(number))) == number
    assert phone_digits_for_search(to_e164(number)) == number


@no_database
@given(st.text(max_size=25))
def test_phone_only_raises_its_error(text: str) -> None:
    with contextlib.suppress(ThaiPhoneError):
        normalize_phone(text)
    assert phone_digits_for_search(text).isdigit() or phone_digits_for_search(text) == ""


@no_database
@given(thai_text)
def test_text_helpers_are_idempotent(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    assert "\u200b" not in cleaned and "  " not in cleaned and cleaned == cleaned.strip()
    needle = normalize_for_search(text)
    assert normalize_for_search(needle) == needle
    assert to_arabic_digits(needle) == needle


@no_database
@given(thai_text)
def test_split_prefix_keeps_the_name(text: str) -> None:
    prefix, first, last = split_prefix(text)
    if not prefix:
        assert " ".join(p for p in (first, last) if p) == clean_text(text)
    assert first or not last
    assert " " not in first


@no_database
@given(thai_text, thai_text)
def test_sort_key_order_is_consistent(a: str, b: str) -> None:
    key_a, key_b = thai_sort_key(a), thai_sort_key(b)
    if a == b:
        assert key_a == key_b
    assert (key_a < key_b) + (key_a == key_b) + (key_a > key_b) == 1
