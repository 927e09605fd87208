"""Cleaning Thai text pasted from documents, and splitting a full name into prefix, first, last."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from db.thai.digits import to_arabic_digits

# Invisible characters that arrive in pasted Thai text (Word, LINE, web pages) and break equality
# and search: zero-width space/non-joiner/joiner, BOM, word joiner, plus soft hyphen and the
# left-to-right/right-to-left marks, which are just as invisible; and NUL, which nobody types
# but a damaged file or a paste can bring, and at which C and SQLite's text functions stop (a
# CSV export cut the rest of such a cell off).
ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\ufeff\u2060\u00ad\u200e\u200f\x00"
_DELETE_INVISIBLE = str.maketrans(dict.fromkeys(ZERO_WIDTH_CHARS))

# SARA AM (ำ) is often typed as NIKHAHIT + SARA AA (ํ + า); NFC does not join them.
_SARA_AM_DECOMPOSED = "\u0e4d\u0e32"
_SARA_AM = "\u0e33"

# Thai marks written above or below a consonant: a word never starts with one.
_THAI_COMBINING = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"


def clean_text(text: str) -> str:
    """Remove invisible characters, turn any whitespace run (NBSP too) into one space, strip."""
    return " ".join(text.translate(_DELETE_INVISIBLE).split())


def normalize_for_search(text: str) -> str:
    """The form both a search needle and the searched text are put in before matching.

    Cleaned, NFC, Thai digits as 0-9, ``ํา`` as ``ำ``, and case-folded (Thai has no case; Latin
    names do). Search then matches substrings of this form.
    """
    cleaned = unicodedata.normalize("NFC", clean_text(text))
    cleaned = cleaned.replace(_SARA_AM_DECOMPOSED, _SARA_AM)
    return to_arabic_digits(cleaned).casefold()


# Suggested prefixes (THAI.md) and the abbreviations officials write in their place. The app's
# reference data passes its own, user-editable list; this is the default.
# fmt: off
NAME_PREFIXES: tuple[str, ...] = (
    # Civil
    "นาย", "นาง", "นางสาว", "น.ส.", "ด.ช.", "ด.ญ.",
    "หม่อมราชวงศ์", "ม.ร.ว.", "หม่อมหลวง", "ม.ล.", "คุณหญิง", "ท่านผู้หญิง",
    # Academic and professional
    "ดร.", "ผศ.", "รศ.", "ศ.", "ผศ.ดร.", "รศ.ดร.", "ศ.ดร.",
    "นพ.", "พญ.", "ทพ.", "ทพญ.", "ภก.", "ภญ.",
    # Acting (reserve) officers
    "ว่าที่", "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง", "ว่าที่ร้อยโท", "ว่าที่ร้อยโทหญิง",
    "ว่าที่ร้อยเอก", "ว่าที่ร้อยเอกหญิง",
    "ว่าที่ ร.ต.", "ว่าที่ ร.ต.หญิง", "ว่าที่ ร.ท.", "ว่าที่ ร.ท.หญิง", "ว่าที่ ร.อ.", "ว่าที่ ร.อ.หญิง",
    # Army officers and NCOs
    "ร้อยตรี", "ร้อยโท", "ร้อยเอก", "พันตรี", "พันโท", "พันเอก",
    "ร.ต.", "ร.ท.", "ร.อ.", "พ.ต.", "พ.ท.", "พ.อ.",
    "ร้อยตรีหญิง", "ร้อยโทหญิง", "ร้อยเอกหญิง", "ร.ต.หญิง", "ร.ท.หญิง", "ร.อ.หญิง",
    "จ่าสิบเอก", "จ่าสิบโท", "จ่าสิบตรี", "สิบเอก", "สิบโท", "สิบตรี",
    "จ.ส.อ.", "จ.ส.ท.", "จ.ส.ต.", "ส.อ.", "ส.ท.", "ส.ต.",
    # Navy and air force NCOs
    "พันจ่าเอก", "พันจ่าโท", "พันจ่าตรี", "จ่าเอก", "จ่าโท", "จ่าตรี",
    "พ.จ.อ.", "พ.จ.ท.", "พ.จ.ต.", "จ.อ.", "จ.ท.", "จ.ต.",
    # Police
    "ดาบตำรวจ", "ด.ต.", "จ่าสิบตำรวจ",
    "สิบตำรวจเอก", "สิบตำรวจโท", "สิบตำรวจตรี", "ส.ต.อ.", "ส.ต.ท.", "ส.ต.ต.",
    "ร้อยตำรวจตรี", "ร้อยตำรวจโท", "ร้อยตำรวจเอก", "ร.ต.ต.", "ร.ต.ท.", "ร.ต.อ.",
    "พันตำรวจตรี", "พันตำรวจโท", "พันตำรวจเอก", "พ.ต.ต.", "พ.ต.ท.", "พ.ต.อ.",
    # English
    "Mr.", "Mrs.", "Ms.", "Miss", "Dr.",
)
# fmt: on


def _entry_patterns(entry: str) -> tuple[str, str | None]:
    """Regex for one prefix: (written with its dots, written without them as a whole word).

    Spaces in the entry are optional in the input and the input may have spaces after a dot, so
    "ว่าที่ ร.ต." matches "ว่าที่ร.ต." and "ว่าที่ ร. ต.". Dots may be left out ("ดร สมชาย", "ร.ต
    สมชาย") only when the prefix then ends at a space: "ดรุณี" is a name, not "ดร." + "ุณี".
    """
    strict: list[str] = []
    loose: list[str] = []
    for char in entry:
        if char.isspace():
            strict.append(r"\s*")
            loose.append(r"\s*")
        elif char == ".":
            strict.append(r"\.\s*")
            loose.append(r"\.?\s*")
        else:
            strict.append(re.escape(char))
            loose.append(re.escape(char))
    # A prefix never ends in the middle of a syllable, nor of a Latin word ("Miss" in "Missy").
    guard = f"(?![{_THAI_COMBINING}])"
    if entry[-1].isascii() and entry[-1].isalpha():
        guard += "(?![A-Za-z])"
    strict_pattern = "".join(strict) + guard + r"\s*"
    if "." not in entry:
        return strict_pattern, None
    return strict_pattern, "".join(loose) + r"(?=\s)\s*"


_Matcher = tuple[re.Pattern[str], tuple[str, ...]]


@lru_cache(maxsize=16)
def _prefix_matchers(prefixes: tuple[str, ...]) -> dict[str, _Matcher]:
    """One regex per first letter (so a name is only tried against a few prefixes), each an
    alternation of that letter's prefixes, longest first, with the entry behind each group."""
    entries = sorted(
        {clean_text(p) for p in prefixes if clean_text(p)},
        key=lambda p: (-len(p.replace(" ", "").replace(".", "")), -len(p), p),
    )
    by_first: dict[str, list[str]] = {}
    for entry in entries:
        by_first.setdefault(entry[0].casefold(), []).append(entry)
    matchers: dict[str, _Matcher] = {}
    for first, group in by_first.items():
        alternatives: list[str] = []
        group_entries: list[str] = []
        for entry in group:
            for pattern in _entry_patterns(entry):
                if pattern is not None:
                    alternatives.append(f"({pattern})")
                    group_entries.append(entry)
        matchers[first] = (re.compile("|".join(alternatives), re.IGNORECASE), tuple(group_entries))
    return matchers


def split_prefix(
    full_name: str, prefixes: Iterable[str] = NAME_PREFIXES, *, cleaned: bool = False
) -> tuple[str, str, str]:
    """Split "นายสมชาย ใจดี" into ("นาย", "สมชาย", "ใจดี").

    The longest known prefix wins ("นางสาว" before "นาง"); stacked prefixes ("ว่าที่ ร.ต. ดร.")
    are all taken and joined with one space, each spelt as in ``prefixes``. A prefix is only taken
    if a name is left after it. The first word after the prefixes is the first name and the rest
    is the last name ("ณ อยุธยา" stays whole); a single word gives an empty last name.
    ``cleaned``: the caller cleaned ``full_name`` already (``clean_text`` would not change it).
    """
    name = full_name if cleaned else clean_text(full_name)
    matchers = _prefix_matchers(prefixes if isinstance(prefixes, tuple) else tuple(prefixes))
    found: list[str] = []
    position = 0
    while position < len(name):
        matcher = matchers.get(name[position].casefold())
        if matcher is None:
            break
        pattern, group_entries = matcher
        match = pattern.match(name, position)
        if match is None or match.end() >= len(name) or match.lastindex is None:
            break
        found.append(group_entries[match.lastindex - 1])
        position = match.end()
    first, _, last = name[position:].strip().partition(" ")
    return " ".join(found), first, last
