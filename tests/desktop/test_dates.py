"""Dates in the interface's language: Thai months in Thai, English months in English."""

from __future__ import annotations

import datetime as dt

from desktop.dates import format_date

DAY = dt.date(2014, 10, 2)


def test_thai_interface_writes_thai_months() -> None:
    assert format_date(DAY, style="short") == "2 ต.ค. 2557"
    assert format_date(DAY, style="long", era="CE") == "2 ตุลาคม 2014"


def test_english_interface_writes_english_months(english_ui: None) -> None:
    assert format_date(DAY, style="short") == "2 Oct 2557"
    assert format_date(DAY, style="long", era="CE") == "2 October 2014"
