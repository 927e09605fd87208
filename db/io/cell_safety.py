"""Keeping exported cells from being read as formulas (CSV / formula injection).

A spreadsheet program treats a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula
(``=HYPERLINK(...)``, ``-2+3+cmd|' /C calc'!A0``, ``@SUM(...)``), and a leading tab or carriage
return can hide such a start. A member's notes, address or LINE ID ("@shop") come from people, so
every exported text cell goes through :func:`escape_cell`.

The rule follows the OWASP "CSV Injection" guidance: a cell whose value starts with one of those
characters is prefixed with a single quote (``'``), in .csv *and* in .xlsx. In an .xlsx file
the value is already a text cell that Excel and LibreOffice never evaluate, but the quote keeps
it harmless when the sheet is saved again as CSV and opened elsewhere. Also caught: the
full-width forms (＝ ＋ － ＠) that some input methods produce and some programs fold into the
ASCII ones, a leading line break, and spaces before a trigger character.

Not escaped, because they cannot be formulas and escaping them would only garble data:
a plain number (``-500``, ``+1``, ``-1,200.50``) and a lone ``-`` (what Thai sheets write for
"none").

The escape is reversible: :func:`unescape_cell` gives back exactly what :func:`escape_cell` was
given, for every text (a value that itself starts with quotes before a trigger character gets
one more quote). An importer reading an exported file calls :func:`unescape_cell` on each text
cell, so an export re-imports without loss.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

QUOTE = "'"
# A value starting with one of these (after any quotes) is escaped whatever follows.
LINE_STARTS = frozenset("\t\r\n")
# A value starting with one of these (after quotes and spaces) is escaped unless it is a plain
# number or a lone dash.
FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
_SPACES = " \u00a0\u3000"
# The first characters for which escape_cell has to look closer (everything else is returned
# as it is after one set lookup; SQL that builds cells can test the same set first).
FIRST_CHARACTERS = frozenset((*LINE_STARTS, *FORMULA_STARTS, *_SPACES, QUOTE))
_FIRST_CHARACTERS = FIRST_CHARACTERS
_PLAIN_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]+)*|\.[0-9]+)")


def needs_escape(value: str) -> bool:
    """True if a spreadsheet could read ``value`` as a formula (see the module docstring)."""
    rest = value.lstrip(QUOTE)
    if not rest:
        return False
    if rest[0] in LINE_STARTS:
        return True
    core = rest.lstrip(_SPACES)
    if not core or core[0] not in FORMULA_STARTS:
        return False
    return not (core == "-" or _PLAIN_NUMBER.fullmatch(core))


def escape_cell(value: str) -> str:
    """``value`` as it may be written to a cell: ``'=1+2`` for ``=1+2``, others unchanged."""
    if value and value[0] in _FIRST_CHARACTERS and needs_escape(value):
        return QUOTE + value
    return value


def unescape_cell(value: str) -> str:
    """The value :func:`escape_cell` was given: ``'=1+2`` -> ``=1+2``, others unchanged."""
    if value.startswith(QUOTE) and needs_escape(value[1:]):
        return value[1:]
    return value


_SORTED_FIRST_CHARACTERS = sorted(_FIRST_CHARACTERS)


def column_may_need_escape(values: Iterable[str]) -> bool:
    """False when no value of a column can need :func:`escape_cell` (a cheap test for a whole
    column: the first characters of its values all lie between the first characters of its
    smallest and largest value, so it is enough that no trigger character does)."""
    present = list(filter(None, values))
    if not present:
        return False
    low, high = min(present)[0], max(present)[0]
    index = bisect_left(_SORTED_FIRST_CHARACTERS, low)
    return index < len(_SORTED_FIRST_CHARACTERS) and _SORTED_FIRST_CHARACTERS[index] <= high
