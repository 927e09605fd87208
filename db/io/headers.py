"""Finding the header row of a real sheet: titles above it, merged cells, two-row headers.

The header is the row among the first :data:`SCAN_ROWS` whose cells match the most known column
names (:func:`db.io.mapping.match_header`); a title row ("ทะเบียนสมาชิก ... ปี 2567") matches
none. A row right under it that names sub-columns ("ชื่อ" | "นามสกุล" under a merged
"ชื่อ-สกุล") is a sub-header: its names replace the merged cell's name for the columns it
covers. Blank columns inside a merged header cell are named after it ("ที่อยู่ (2)").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from db.io.mapping import IGNORE, match_header
from db.io.readers import Cell, ImportFileError, SheetTable, is_blank
from db.thai.text import clean_text

SCAN_ROWS = 15


@dataclass(frozen=True, slots=True)
class HeaderInfo:
    """Where the header is and what each column is called.

    ``row_index`` is the index in ``SheetTable.rows`` (spreadsheet row ``row_index + 1``);
    ``data_start`` the index of the first row after the header (and sub-header).
    """

    row_index: int
    names: tuple[str, ...]  # one per column ("" for a column without a name)
    data_start: int
    sub_header_index: int | None = None

    numbering: frozenset[int] = frozenset()  # the columns of row numbers ("ลำดับ", "No.")

    @property
    def row_number(self) -> int:
        """The header's row number as the spreadsheet shows it."""
        return self.row_index + 1

    def is_empty_row(self, row: Sequence[Cell]) -> bool:
        """True for a row with nothing to import: blank, or with nothing but its number in a
        row-number column (a form numbered in advance: "4", "5." under "ลำดับ")."""
        if is_blank(row):
            return True
        numbering = self.numbering
        if not numbering:
            return False
        for column, cell in enumerate(row):
            if cell is None or cell == "":
                continue
            if column in numbering and _is_row_number(cell):
                continue
            if isinstance(cell, str) and not cell.strip():
                continue
            return False
        return True


def _is_row_number(cell: Cell) -> bool:
    if isinstance(cell, bool):
        return False
    if isinstance(cell, int | float):
        return True
    if isinstance(cell, str):
        text = cell.strip().rstrip(".")
        return text.isdigit()  # Thai digits too
    return False


def cell_text(cell: Cell) -> str:
    """A header cell as text (numbers without a trailing .0)."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, str):
        return clean_text(cell)
    if cell is None:
        return ""
    return clean_text(str(cell))


def _known(row: Sequence[Cell]) -> int:
    """How many cells of ``row`` are known column names."""
    count = 0
    for cell in row:
        if isinstance(cell, str) and cell.strip() and match_header(cell) is not None:
            count += 1
    return count


def header_score(rows: Sequence[Sequence[Cell]]) -> int:
    """How much the top of a sheet looks like a member list: the most known column names in
    one of its first rows (to choose the sheet of a workbook)."""
    best = 0
    scanned = 0
    for row in rows:
        if scanned >= SCAN_ROWS:
            break
        if is_blank(row):
            continue
        scanned += 1
        best = max(best, _known(row))
    return best


def _is_label_row(row: Sequence[Cell]) -> bool:
    """Only short texts (no numbers, dates or digits): a header-like row."""
    filled = 0
    for cell in row:
        if isinstance(cell, str):
            text = cell.strip()
            if not text:
                continue
            if any(char.isdigit() for char in text) or len(text) > 60:
                return False
            filled += 1
        elif isinstance(cell, (int, float, dt.date, dt.datetime, bool)):
            return False
    return filled > 0


def _merged_spans(table: SheetTable, row_index: int) -> dict[int, int]:
    """First column -> last column of the merged cells that start on this row (table columns)."""
    spans: dict[int, int] = {}
    for (top, left), (_bottom, right) in table.merged:
        if top == row_index:
            spans[left - table.first_column] = right - table.first_column
    return spans


def detect_header(table: SheetTable, *, header_row: int | None = None) -> HeaderInfo:
    """Find the header row (or take ``header_row``, 1-based, when the user chose it).

    Raises ImportFileError(``no_header``) if the sheet has no row above its data.
    """
    rows = table.rows
    if header_row is not None:
        if not 1 <= header_row <= len(rows) or is_blank(rows[header_row - 1]):
            raise ImportFileError(
                "no_header", f"Row {header_row} is not a header row: it is blank or missing"
            )
        index = header_row - 1
    else:
        best_index, best_known = None, 0
        scanned = 0
        for i, row in enumerate(rows):
            if scanned >= SCAN_ROWS:
                break
            if is_blank(row):
                continue
            scanned += 1
            known = _known(row)
            if known > best_known:
                best_index, best_known = i, known
        if best_index is None:
            # No known names at all: the first row with two or more filled cells.
            best_index = next(
                (i for i, row in enumerate(rows[: SCAN_ROWS * 2])
                 if sum(1 for c in row if cell_text(c)) >= 2),
                None,
            )  # fmt: skip
        if best_index is None:
            raise ImportFileError("no_header", "No header row was found in the first rows")
        index = best_index
    return _header_at(table, index)


def _regions(top: Sequence[str], spans: dict[int, int]) -> list[tuple[int, int]]:
    """(first, last) columns of each named top cell: a merged cell's span, or else the cell and
    the blank cells right of it."""
    regions: list[tuple[int, int]] = []
    for column, name in enumerate(top):
        if not name:
            continue
        last = spans.get(column, column)
        if last == column:
            while last + 1 < len(top) and not top[last + 1] and (last + 1) not in spans:
                last += 1
        regions.append((column, last))
    return regions


def _header_at(table: SheetTable, index: int) -> HeaderInfo:
    rows = table.rows
    top = [cell_text(c) for c in rows[index]]
    names = list(top)
    spans = _merged_spans(table, index)
    regions = _regions(top, spans)
    sub_index: int | None = None
    following = index + 1
    if following < len(rows) and _is_label_row(rows[following]) and _known(rows[following]):
        sub = [cell_text(c) for c in rows[following]]
        # A sub-header only names columns under a top cell that spans several columns
        # (or under a blank top cell left of every named one).
        grouped = {c for first, last in regions if last > first for c in range(first, last + 1)}
        first_named = regions[0][0] if regions else len(top)
        if all(not name or c in grouped or c < first_named for c, name in enumerate(sub)):
            sub_index = following
            for column, name in enumerate(sub):
                if name:
                    names[column] = name
    # Columns of a spanning cell that are still blank get its name, numbered.
    for first, last in regions:
        if last > first:
            count = 1
            for column in range(first + 1, last + 1):
                if not names[column] and (column <= spans.get(first, first) or sub_index):
                    count += 1
                    names[column] = f"{top[first]} ({count})"
    data_start = (sub_index if sub_index is not None else index) + 1
    numbering = frozenset(
        column for column, name in enumerate(names)
        if name and (found := match_header(name)) is not None and found.field == IGNORE
        and not found.fuzzy
    )  # fmt: skip
    return HeaderInfo(
        row_index=index, names=tuple(names), data_start=data_start, sub_header_index=sub_index,
        numbering=numbering,
    )  # fmt: skip
