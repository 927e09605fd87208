"""Dates as the interface shows them: Thai month names in Thai, English ones in English, in the
era the user chose (the core's formats, :mod:`db.thai.dates`)."""

from __future__ import annotations

import datetime as dt

from db.thai.dates import DateStyle, Era, format_english_date, format_thai_date
from desktop.i18n import current_language


def format_date(day: dt.date, *, style: DateStyle = "long", era: Era = "BE") -> str:
    """``date(2014, 10, 2)``: "2 ต.ค. 2557" in Thai, "2 Oct 2557" in English (style short)."""
    if current_language() == "en":
        return format_english_date(day, style=style, era=era)
    return format_thai_date(day, style=style, era=era)
