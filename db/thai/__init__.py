"""Thai-specific values: national IDs, Buddhist-era dates, phone numbers, sorting, names.

Pure Python (never imports Qt). Parsers raise subclasses of :class:`ThaiValueError`, a
``ValueError`` with a machine-readable ``code`` and ``reason``.
"""

from db.thai.collation import (
    collation_version,
    thai_compare,
    thai_sort_key,
    thai_sort_keys,
    thai_sorted,
)
from db.thai.dates import (
    ENGLISH_MONTHS,
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    ThaiDateError,
    fiscal_year,
    fiscal_year_bounds,
    format_thai_date,
    format_thai_time,
    format_time_range,
    from_excel_serial,
    parse_thai_date,
    parse_thai_time,
    to_be_year,
    to_ce_year,
)
from db.thai.digits import to_arabic_digits, to_thai_digits
from db.thai.errors import ThaiValueError
from db.thai.national_id import (
    NationalIdError,
    format_national_id,
    is_valid_national_id,
    mask_national_id,
    normalize_national_id,
    random_national_id,
)
from db.thai.phone import (
    ThaiPhoneError,
    format_phone,
    is_valid_phone,
    normalize_phone,
    phone_digits_for_search,
    to_e164,
)
from db.thai.text import NAME_PREFIXES, clean_text, normalize_for_search, split_prefix

__all__ = [
    "ENGLISH_MONTHS",
    "NAME_PREFIXES",
    "THAI_MONTHS",
    "THAI_MONTHS_SHORT",
    "NationalIdError",
    "ThaiDateError",
    "ThaiPhoneError",
    "ThaiValueError",
    "clean_text",
    "collation_version",
    "fiscal_year",
    "fiscal_year_bounds",
    "format_national_id",
    "format_phone",
    "format_thai_date",
    "format_thai_time",
    "format_time_range",
    "from_excel_serial",
    "is_valid_national_id",
    "is_valid_phone",
    "mask_national_id",
    "normalize_for_search",
    "normalize_national_id",
    "normalize_phone",
    "parse_thai_date",
    "parse_thai_time",
    "phone_digits_for_search",
    "random_national_id",
    "split_prefix",
    "thai_compare",
    "thai_sort_key",
    "thai_sort_keys",
    "thai_sorted",
    "to_arabic_digits",
    "to_be_year",
    "to_ce_year",
    "to_e164",
    "to_thai_digits",
]
