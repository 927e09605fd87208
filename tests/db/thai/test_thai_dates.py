import datetime as dt

import pytest

from db.thai.dates import (
    ENGLISH_MONTHS,
    THAI_MONTHS,
    THAI_MONTHS_SHORT,
    ThaiDateError,
    fiscal_year,
    fiscal_year_bounds,
    format_english_date,
    format_thai_date,
    format_thai_time,
    format_time_range,
    from_excel_serial,
    parse_thai_date,
    parse_thai_time,
    to_be_year,
    to_ce_year,
)
from db.thai.errors import ThaiValueError

OCT_2_2014 = dt.date(2014, 10, 2)


@pytest.mark.parametrize(
    "text",
    [
        "2 ตุลาคม 2557",
        "2 ต.ค. 2557",
        "2 ต.ค. 57",
        "2 ตค 57",
        "2 ตค. 57",
        "2ต.ค.57",
        "2 ต. ค. 2557",
        "2 ตุลา 57",
        "02/10/2557",
        "2/10/2557",
        "2/10/57",
        "2-10-2557",
        "2.10.2557",
        "2/10/2014",
        "02-10-2014",
        "2557-10-02",
        "2014-10-02",
        "2014/10/02",
        "๒ ต.ค. ๒๕๕๗",
        "๐๒/๑๐/๒๕๕๗",
        "๒ ตุลาคม ๒๕๕๗",
        "วันที่ 2 ตุลาคม 2557",
        "วันที่2 ต.ค. 57",
        "วันพฤหัสบดีที่ 2 ตุลาคม 2557",
        "2 ตุลาคม พ.ศ. 2557",
        "2 ตุลาคม พ.ศ.2557",
        "2 ตุลาคม 2557 B.E.",
        "2 ตุลาคม ค.ศ. 2014",
        "2 October 2014",
        "2 Oct 2014",
        "2 oct. 2014",
        "2nd October 2014",
        "October 2, 2014",
        "Oct 2 2014",
        "Thursday, 2 October 2014",
        "2 October 2014 AD",
        "2 October 2557",
        "  2\u00a0ต.ค.\u200b 2557 ",
        # A time after the date, as date columns exported from other programs carry one.
        "02/10/2557 00:00",
        "02/10/2014 0:00:00",
        "2014-10-02T08:30:00",
        "2014-10-02 08:30:00.000",
        "2557-10-02 13.30 น.",
        "2 ต.ค. 2557 เวลา 10.00 น.",
        "2 October 2014 8:30 PM",
    ],
)
def test_every_accepted_shape(text: str) -> None:
    assert parse_thai_date(text) == OCT_2_2014


@pytest.mark.parametrize(("month", "name"), list(enumerate(THAI_MONTHS, start=1)))
def test_every_thai_month_name(month: int, name: str) -> None:
    assert parse_thai_date(f"15 {name} 2569") == dt.date(2026, month, 15)
    short = THAI_MONTHS_SHORT[month - 1]
    assert parse_thai_date(f"15 {short} 69") == dt.date(2026, month, 15)
    assert parse_thai_date(f"15 {short.replace('.', '')} 69") == dt.date(2026, month, 15)
    english = ENGLISH_MONTHS[month - 1]
    assert parse_thai_date(f"15 {english} 2026") == dt.date(2026, month, 15)
    assert parse_thai_date(f"{english[:3]} 15, 2026") == dt.date(2026, month, 15)


def test_year_rule() -> None:
    assert parse_thai_date("1/1/2400") == dt.date(1857, 1, 1)  # 2400 and later: BE
    assert parse_thai_date("1/1/2399") == dt.date(2399, 1, 1)  # below: CE
    assert parse_thai_date("1/1/1801") == dt.date(1801, 1, 1)
    assert parse_thai_date("1 ม.ค. 57") == dt.date(2014, 1, 1)  # 2-digit: BE 25xx
    assert parse_thai_date("1 ม.ค. 69") == dt.date(2026, 1, 1)
    assert parse_thai_date("1 ม.ค. 00") == dt.date(1957, 1, 1)
    assert parse_thai_date("1 ม.ค. 14", prefer_be=False) == dt.date(2014, 1, 1)
    assert parse_thai_date("1/1/69", prefer_be=False) == dt.date(2069, 1, 1)
    # 4-digit years do not depend on prefer_be.
    assert parse_thai_date("1/1/2557", prefer_be=False) == dt.date(2014, 1, 1)
    # An era mark beats prefer_be.
    assert parse_thai_date("1 ม.ค. พ.ศ. 57", prefer_be=False) == dt.date(2014, 1, 1)
    assert parse_thai_date("1 Jan 14 AD") == dt.date(2014, 1, 1)


def test_leap_day() -> None:
    assert parse_thai_date("29 ก.พ. 2567") == dt.date(2024, 2, 29)
    with pytest.raises(ThaiDateError) as info:
        parse_thai_date("29 ก.พ. 2566")
    assert info.value.reason == "no_such_date"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "unrecognised"),
        ("hello", "unrecognised"),
        ("2/10", "unrecognised"),
        ("2 ต.ค.", "unrecognised"),
        ("2 ต.ค. 257", "unrecognised"),
        ("10:30", "unrecognised"),
        ("2 ต.ค. 10:30", "unrecognised"),
        ("2 ตุลาคา 2557", "unknown_month"),
        ("2 Octember 2014", "unknown_month"),
        ("2 ต.ค. 1700", "bad_year"),
        ("2/10/0057", "bad_year"),
        ("2 ต.ค. พ.ศ. 2014", "bad_year"),
        ("2 ต.ค. ค.ศ. 2557", "bad_year"),
        ("31 ก.พ. 2557", "no_such_date"),
        ("32/1/2557", "no_such_date"),
        ("1/13/2557", "no_such_date"),
        ("0/1/2557", "no_such_date"),
    ],
)
def test_invalid_dates(text: str, reason: str) -> None:
    with pytest.raises(ThaiDateError) as info:
        parse_thai_date(text)
    error = info.value
    assert isinstance(error, ValueError)
    assert isinstance(error, ThaiValueError)
    assert error.code == "invalid_date"
    assert error.reason == reason
    assert repr(text) in str(error)


def test_format_styles() -> None:
    assert format_thai_date(OCT_2_2014) == "2 ตุลาคม 2557"
    assert format_thai_date(OCT_2_2014, style="long") == "2 ตุลาคม 2557"
    assert format_thai_date(OCT_2_2014, style="short") == "2 ต.ค. 2557"
    assert format_thai_date(OCT_2_2014, style="short2") == "2 ต.ค. 57"
    assert format_thai_date(OCT_2_2014, style="numeric") == "02/10/2557"
    assert format_thai_date(OCT_2_2014, era="CE") == "2 ตุลาคม 2014"
    assert format_thai_date(OCT_2_2014, style="numeric", era="CE") == "02/10/2014"
    assert format_thai_date(OCT_2_2014, style="short2", era="CE") == "2 ต.ค. 14"
    assert format_thai_date(OCT_2_2014, thai_digits=True) == "๒ ตุลาคม ๒๕๕๗"
    assert format_thai_date(OCT_2_2014, style="numeric", thai_digits=True) == "๐๒/๑๐/๒๕๕๗"
    assert format_thai_date(dt.date(2001, 1, 9), style="short2") == "9 ม.ค. 44"
    assert format_thai_date(dt.date(2057, 1, 9), style="short2") == "9 ม.ค. 00"
    with pytest.raises(ValueError):
        format_thai_date(OCT_2_2014, style="iso")  # type: ignore[arg-type]


@pytest.mark.parametrize("style", ["long", "short", "short2", "numeric"])
@pytest.mark.parametrize("thai_digits", [False, True])
def test_round_trip(style: str, thai_digits: bool) -> None:
    day = dt.date(1957, 1, 1)
    while day < dt.date(2057, 1, 1):
        for era in ("BE", "CE"):
            if era == "CE" and style == "short2":
                continue  # "2 ต.ค. 14" is read as BE 2514 unless prefer_be=False
            text = format_thai_date(day, style=style, thai_digits=thai_digits, era=era)
            assert parse_thai_date(text) == day, text
        day += dt.timedelta(days=97)
    text = format_thai_date(OCT_2_2014, style="short2", era="CE")
    assert parse_thai_date(text, prefer_be=False) == OCT_2_2014


def test_be_ce_years() -> None:
    assert to_be_year(2014) == 2557
    assert to_ce_year(2557) == 2014
    assert to_ce_year(to_be_year(2026)) == 2026


def test_fiscal_year_boundaries() -> None:
    assert fiscal_year(dt.date(2026, 9, 30)) == 2569  # 30 Sep 2569
    assert fiscal_year(dt.date(2026, 10, 1)) == 2570  # 1 Oct 2569
    assert fiscal_year(dt.date(2027, 9, 30)) == 2570  # 30 Sep 2570
    assert fiscal_year(dt.date(2027, 10, 1)) == 2571
    assert fiscal_year(dt.date(2027, 1, 1)) == 2570
    assert fiscal_year(dt.date(2026, 12, 31)) == 2570
    assert fiscal_year_bounds(2570) == (dt.date(2026, 10, 1), dt.date(2027, 9, 30))
    start, end = fiscal_year_bounds(2570)
    assert fiscal_year(start) == fiscal_year(end) == 2570
    assert fiscal_year(start - dt.timedelta(days=1)) == 2569
    assert fiscal_year(end + dt.timedelta(days=1)) == 2571
    assert format_thai_date(start) == "1 ตุลาคม 2569"
    assert format_thai_date(end) == "30 กันยายน 2570"


def test_time_formatting() -> None:
    assert format_thai_time(dt.time(9, 0)) == "09.00 น."
    assert format_thai_time(dt.time(13, 30, 59)) == "13.30 น."
    assert format_thai_time(dt.time(9, 0), thai_digits=True) == "๐๙.๐๐ น."
    assert format_time_range(dt.time(9), dt.time(12)) == "09.00–12.00 น."
    assert format_time_range(dt.time(13, 30), dt.time(16, 30)) == "13.30\u201316.30 น."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09.00 น.", dt.time(9, 0)),
        ("9.00", dt.time(9, 0)),
        ("09:30", dt.time(9, 30)),
        ("๑๓.๓๐ น.", dt.time(13, 30)),
        ("เวลา 13.30 น.", dt.time(13, 30)),
        ("13 นาฬิกา", dt.time(13, 0)),
        ("23.59", dt.time(23, 59)),
    ],
)
def test_parse_time(text: str, expected: dt.time) -> None:
    assert parse_thai_time(text) == expected
    assert parse_thai_time(format_thai_time(expected)) == expected


@pytest.mark.parametrize("text", ["", "24.00", "9.60", "9.5", "nine", "09.00–12.00 น."])
def test_parse_time_invalid(text: str) -> None:
    with pytest.raises(ThaiDateError) as info:
        parse_thai_time(text)
    assert info.value.reason == "bad_time"


def test_excel_serials() -> None:
    assert from_excel_serial(1) == dt.date(1900, 1, 1)
    assert from_excel_serial(59) == dt.date(1900, 2, 28)
    assert from_excel_serial(61) == dt.date(1900, 3, 1)
    assert from_excel_serial(41914) == OCT_2_2014
    assert from_excel_serial(41914.75) == OCT_2_2014  # the time of day is dropped
    assert from_excel_serial(46023) == dt.date(2026, 1, 1)
    assert from_excel_serial(0, date1904=True) == dt.date(1904, 1, 1)
    assert from_excel_serial(40452, date1904=True) == OCT_2_2014
    for bad in (0, 60, -1, float("nan"), float("inf"), 1e12):
        with pytest.raises(ThaiDateError):
            from_excel_serial(bad)


@pytest.mark.parametrize(
    ("style", "era", "expected"),
    [
        ("long", "BE", "2 October 2557"),
        ("short", "BE", "2 Oct 2557"),
        ("short2", "BE", "2 Oct 57"),
        ("numeric", "BE", "02/10/2557"),
        ("long", "CE", "2 October 2014"),
        ("short", "CE", "2 Oct 2014"),
    ],
)
def test_english_dates_for_the_english_interface(style: str, era: str, expected: str) -> None:
    assert format_english_date(dt.date(2014, 10, 2), style=style, era=era) == expected  # type: ignore[arg-type]


def test_english_dates_refuse_an_unknown_style() -> None:
    with pytest.raises(ValueError, match="Unknown date style"):
        format_english_date(dt.date(2014, 10, 2), style="weird")  # type: ignore[arg-type]
