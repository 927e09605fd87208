"""How the home page writes numbers, money and times (grouped digits, baht, BE dates)."""

from __future__ import annotations

import datetime as dt

from db.thai.dates import Era, format_english_date, format_thai_date


def format_count(value: int) -> str:
    """12345 -> "12,345" (Thai and English both group with commas)."""
    return f"{value:,}"


def format_baht(satang: int) -> str:
    """Money stored in satang as baht: 45678900 -> "456,789", 45678950 -> "456,789.50"."""
    baht, rest = divmod(satang, 100)
    return f"{baht:,}" if rest == 0 else f"{baht:,}.{rest:02d}"


def format_percent(part: int, whole: int) -> str:
    """Share of ``whole``: "12%", "0.4%" below 1 %, "" when ``whole`` is 0."""
    if whole <= 0:
        return ""
    share = 100 * part / whole
    if 0 < share < 1:
        return f"{share:.1f}%"
    return f"{share:.0f}%"


def display_year(be_year: int, era: Era) -> int:
    """A BE year (a fiscal year) written in the chosen era."""
    return be_year if era == "BE" else be_year - 543


def parse_stamp(iso: str) -> dt.datetime | None:
    """A stored ISO-8601 UTC timestamp ("2026-11-24T04:05:06.789Z") as local time."""
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone()


def format_changed_at(iso: str, *, era: Era = "BE", thai: bool = True) -> str:
    """When a record changed, in local time: "24 พ.ย. 2569 11.05 น." or "24 Nov 2569 11:05"."""
    moment = parse_stamp(iso)
    if moment is None:
        return iso
    day = moment.date()
    if thai:
        return f"{format_thai_date(day, style='short', era=era)} {moment:%H.%M} น."
    return f"{format_english_date(day, style='short', era=era)} {moment:%H:%M}"


def format_day(day: dt.date, *, era: Era = "BE", thai: bool = True) -> str:
    """A date as the dashboard shows it: "1 ต.ค. 2569" or "1 Oct 2569"."""
    if thai:
        return format_thai_date(day, style="short", era=era)
    return format_english_date(day, style="short", era=era)
