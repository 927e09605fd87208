"""Buddhist-era dates and times as Thai users type and read them.

The database stores ISO CE dates; BE (CE + 543) exists only on screen, in print and on input.
Year rule for input: 4-digit years >= 2400 are BE, 1801..2399 are CE; 2-digit years are BE
(57 -> 2557) unless ``prefer_be=False`` (then 14 -> 2014). "พ.ศ."/"B.E." or "ค.ศ."/"A.D."/"C.E."
next to the year says which era it is.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Literal

from db.thai.digits import to_arabic_digits, to_thai_digits
from db.thai.errors import ThaiValueError
from db.thai.text import clean_text

BE_OFFSET = 543

THAI_MONTHS: tuple[str, ...] = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
THAI_MONTHS_SHORT: tuple[str, ...] = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
# Spoken forms without the -คม/-ยน/-พันธ์ ending, common in informal text ("2 ตุลา 57").
THAI_MONTHS_COLLOQUIAL: tuple[str, ...] = (
    "มกรา", "กุมภา", "มีนา", "เมษา", "พฤษภา", "มิถุนา",
    "กรกฎา", "สิงหา", "กันยา", "ตุลา", "พฤศจิกา", "ธันวา",
)  # fmt: skip
ENGLISH_MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

DateStyle = Literal["long", "short", "short2", "numeric"]
Era = Literal["BE", "CE"]


class ThaiDateError(ThaiValueError):
    """A date or time that could not be read, or that does not exist (31 ก.พ.).

    ``reason`` is ``unrecognised``, ``unknown_month``, ``bad_year``, ``no_such_date`` or
    ``bad_time``.
    """

    code = "invalid_date"


def _month_key(name: str) -> str:
    return name.replace(".", "").replace(" ", "").casefold()


def _build_month_lookup() -> dict[str, int]:
    lookup: dict[str, int] = {}
    for number in range(1, 13):
        english = ENGLISH_MONTHS[number - 1]
        for name in (
            THAI_MONTHS[number - 1],
            THAI_MONTHS_SHORT[number - 1],
            THAI_MONTHS_COLLOQUIAL[number - 1],
            english,
            english[:3],
        ):
            lookup[_month_key(name)] = number
    lookup["sept"] = 9
    return lookup


_MONTHS_BY_NAME = _build_month_lookup()

_WEEKDAY_PREFIX = re.compile(
    r"^(?:วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?\s*ที่"
    r"|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?,?)\s*",
    re.IGNORECASE,
)
_BE_MARK = r"(?:พ\.?\s?ศ\.?|b\.?\s?e\.?)"
_CE_MARK = r"(?:ค\.?\s?ศ\.?|a\.?\s?d\.?|c\.?\s?e\.?)"
# An era mark right before the year at the end ("ตุลาคม พ.ศ. 2557") or right after it ("2014 AD").
_ERA_BEFORE_YEAR = re.compile(
    rf"(?:^|(?<=[\s,\-/]))(?:(?P<be>{_BE_MARK})|(?P<ce>{_CE_MARK}))\s*(?=\d+$)", re.IGNORECASE
)
# A time of day after the date ("02/10/2557 00:00", "2014-10-02T08:30:00", "2 ต.ค. 2557 เวลา
# 10.00 น."): a date column's cells often carry one; the date is read without it.
_TRAILING_TIME = re.compile(
    r"(?:\s+|(?<=\d)T)(?:เวลา\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?"
    r"\s*(?:น\.?|นาฬิกา|[ap]\.?m\.?)?$",
    re.IGNORECASE,
)
_ERA_AFTER_YEAR = re.compile(
    rf"(?<=\d)\s*(?:(?P<be>{_BE_MARK})|(?P<ce>{_CE_MARK}))$", re.IGNORECASE
)

_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>\d{4}|\d{2})"
_NUMERIC_DMY = re.compile(rf"^(?P<d>\d{{1,2}})\s*([/.\-])\s*(?P<m>\d{{1,2}})\s*\2\s*{_YEAR}$")
_NUMERIC_YMD = re.compile(r"^(?P<y>\d{4})([/.\-])(?P<m>\d{1,2})\2(?P<d>\d{1,2})$")
_NAMED_DMY = re.compile(rf"^{_DAY}[\s.,/\-]*(?P<m>[^\d]+?)[\s,/\-]*{_YEAR}$", re.IGNORECASE)
_NAMED_MDY = re.compile(rf"^(?P<m>[a-z]+\.?)\s*{_DAY}\s*,?\s*{_YEAR}$", re.IGNORECASE)

_EXAMPLES = "'2 ตุลาคม 2557', '2 ต.ค. 57', '02/10/2557' or '2014-10-02'"


def to_be_year(ce_year: int) -> int:
    """2014 -> 2557."""
    return ce_year + BE_OFFSET


def to_ce_year(be_year: int) -> int:
    """2557 -> 2014."""
    return be_year - BE_OFFSET


def _ce_year(year_text: str, *, era: Era | None, prefer_be: bool, original: str) -> int:
    year = int(year_text)
    if len(year_text) == 2:
        if era == "CE" or (era is None and not prefer_be):
            return 2000 + year
        return to_ce_year(2500 + year)
    if era == "BE" or (era is None and year >= 2400):
        year = to_ce_year(year)
    if not 1800 < year < 2400 or (era == "CE" and year >= 2400):
        raise ThaiDateError(
            f"The year in {original!r} is out of range: use a BE year (2400 or later) "
            "or a CE year after 1800",
            reason="bad_year",
        )
    return year


def parse_thai_date(text: str, *, prefer_be: bool = True) -> dt.date:
    """Read a date the way Thai users write it; see the module docstring for the year rule.

    Accepts "2 ตุลาคม 2557", "2 ต.ค. 2557", "2 ต.ค. 57", "2 ตค 57", "2 ตุลา 57",
    "วันพฤหัสบดีที่ 2 ตุลาคม พ.ศ. 2557", "02/10/2557", "2-10-57", "2/10/2014", "2557-10-02",
    "2014-10-02", "2 October 2014", "Oct 2, 2014", with Thai or Arabic digits. Numbers are always
    day/month/year (or year-month-day with a 4-digit year first), never month/day.
    """
    original = text
    text = to_arabic_digits(clean_text(text))
    text = _WEEKDAY_PREFIX.sub("", text, count=1)
    text = _TRAILING_TIME.sub("", text, count=1)
    era: Era | None = None
    for era_pattern in (_ERA_AFTER_YEAR, _ERA_BEFORE_YEAR):
        mark = era_pattern.search(text)
        if mark:
            era = "BE" if mark.group("be") else "CE"
            text = (text[: mark.start()] + " " + text[mark.end() :]).strip()
            break

    match = _NUMERIC_YMD.match(text) or _NUMERIC_DMY.match(text)
    if match:
        month = int(match.group("m"))
    else:
        match = _NAMED_DMY.match(text) or _NAMED_MDY.match(text)
        if not match or not any(char.isalpha() for char in match.group("m")):
            raise ThaiDateError(
                f"Cannot read {original!r} as a date: write it like {_EXAMPLES}",
                reason="unrecognised",
            )
        month_name = match.group("m")
        found = _MONTHS_BY_NAME.get(_month_key(month_name))
        if found is None:
            raise ThaiDateError(
                f"Unknown month {month_name.strip()!r} in {original!r}", reason="unknown_month"
            )
        month = found
    year = _ce_year(match.group("y"), era=era, prefer_be=prefer_be, original=original)
    try:
        return dt.date(year, month, int(match.group("d")))
    except ValueError:
        raise ThaiDateError(
            f"{original!r} is not a date that exists (day or month out of range)",
            reason="no_such_date",
        ) from None


_EXCEL_EPOCH_1900 = dt.date(1899, 12, 30)
_EXCEL_EPOCH_1904 = dt.date(1904, 1, 1)


def from_excel_serial(serial: float, *, date1904: bool = False) -> dt.date:
    """The date of an Excel date serial (the time of day, the fraction, is dropped).

    Excel's default 1900 system counts 1 = 1900-01-01 and keeps Lotus 1-2-3's non-existent
    1900-02-29 as 60, so that serial is refused. ``date1904`` is the old Mac system
    (0 = 1904-01-01).
    """
    if not math.isfinite(serial) or serial < 0:
        raise ThaiDateError(f"{serial!r} is not an Excel date serial", reason="no_such_date")
    days = int(serial)
    if days < 0 or (not date1904 and (days == 0 or days == 60)):
        raise ThaiDateError(f"{serial!r} is not an Excel date serial", reason="no_such_date")
    if date1904:
        epoch = _EXCEL_EPOCH_1904
    elif days < 60:
        epoch = _EXCEL_EPOCH_1900 + dt.timedelta(days=1)
    else:
        epoch = _EXCEL_EPOCH_1900
    try:
        return epoch + dt.timedelta(days=days)
    except OverflowError:
        raise ThaiDateError(
            f"{serial!r} is not an Excel date serial", reason="no_such_date"
        ) from None


def format_thai_date(
    d: dt.date, *, style: DateStyle = "long", thai_digits: bool = False, era: Era = "BE"
) -> str:
    """``date(2014, 10, 2)`` -> "2 ตุลาคม 2557" (long), "2 ต.ค. 2557" (short), "2 ต.ค. 57"
    (short2) or "02/10/2557" (numeric); ``era="CE"`` writes 2014 instead."""
    year = to_be_year(d.year) if era == "BE" else d.year
    if style == "long":
        text = f"{d.day} {THAI_MONTHS[d.month - 1]} {year}"
    elif style == "short":
        text = f"{d.day} {THAI_MONTHS_SHORT[d.month - 1]} {year}"
    elif style == "short2":
        text = f"{d.day} {THAI_MONTHS_SHORT[d.month - 1]} {year % 100:02d}"
    elif style == "numeric":
        text = f"{d.day:02d}/{d.month:02d}/{year}"
    else:
        raise ValueError(f"Unknown date style {style!r}")
    return to_thai_digits(text) if thai_digits else text


def format_english_date(d: dt.date, *, style: DateStyle = "long", era: Era = "BE") -> str:
    """:func:`format_thai_date` with English month names, for the English interface:
    "2 October 2557" (long), "2 Oct 2557" (short), "2 Oct 57" (short2), "02/10/2557"."""
    year = to_be_year(d.year) if era == "BE" else d.year
    month = ENGLISH_MONTHS[d.month - 1]
    if style == "long":
        return f"{d.day} {month} {year}"
    if style == "short":
        return f"{d.day} {month[:3]} {year}"
    if style == "short2":
        return f"{d.day} {month[:3]} {year % 100:02d}"
    if style == "numeric":
        return f"{d.day:02d}/{d.month:02d}/{year}"
    raise ValueError(f"Unknown date style {style!r}")


def format_thai_time(t: dt.time, *, thai_digits: bool = False) -> str:
    """``time(9, 0)`` -> "09.00 น." (seconds are dropped)."""
    text = f"{t.hour:02d}.{t.minute:02d} น."
    return to_thai_digits(text) if thai_digits else text


def format_time_range(start: dt.time, end: dt.time, *, thai_digits: bool = False) -> str:
    """``time(9), time(12)`` -> "09.00–12.00 น." (en dash, one "น." at the end)."""
    text = f"{start.hour:02d}.{start.minute:02d}–{end.hour:02d}.{end.minute:02d} น."
    return to_thai_digits(text) if thai_digits else text


_TIME = re.compile(r"^(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?:น\.?|นาฬิกา)?$")


def parse_thai_time(text: str) -> dt.time:
    """Read "09.00 น.", "9.00", "09:00", "๙.๐๐ น.", "เวลา 13 นาฬิกา" as a time.

    Raises :class:`ThaiDateError` (reason ``bad_time``).
    """
    cleaned = to_arabic_digits(clean_text(text)).removeprefix("เวลา").strip()
    match = _TIME.match(cleaned)
    if match:
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
        if hour < 24 and minute < 60:
            return dt.time(hour, minute)
    raise ThaiDateError(
        f"Cannot read {text!r} as a time: write it like '09.00 น.' or '13.30'", reason="bad_time"
    )


def fiscal_year(d: dt.date) -> int:
    """The BE fiscal year ``d`` falls in: 1 Oct 2569 - 30 Sep 2570 is fiscal 2570."""
    return to_be_year(d.year + 1 if d.month >= 10 else d.year)


def fiscal_year_bounds(be_year: int) -> tuple[dt.date, dt.date]:
    """First and last day (both inclusive) of BE fiscal year ``be_year``."""
    ce_end = to_ce_year(be_year)
    return dt.date(ce_end - 1, 10, 1), dt.date(ce_end, 9, 30)
