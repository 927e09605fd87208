"""Reading member sheets: .xlsx/.xlsm/.xls/.ods through python-calamine, .csv/.txt as text.

A sheet is read into a :class:`SheetTable`: its rows as Python values (str, float, int, bool,
``datetime.date``/``datetime`` for cells Excel formats as dates, "" for blank cells), each row
padded to the same width, with ``rows[i]`` being spreadsheet row ``i + 1`` (blank rows above the
data are kept, so row numbers are the ones the spreadsheet shows).

CSV bytes are decoded strictly: a UTF-16 or UTF-8 byte-order mark says the encoding; otherwise
strict UTF-8, then strict cp874 (Windows' superset of TIS-620, what Thai Excel writes), then
charset-normalizer's guess. A file that none of them decodes is refused rather than read as
mojibake. The delimiter (comma, semicolon, tab or pipe) is sniffed from the first lines.

Every problem is an :class:`ImportFileError` with a stable ``code`` and a plain message.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import threading
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine

from db.io import collector

Cell = object  # str | float | int | bool | datetime.date | datetime.datetime | time | timedelta

SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
DELIMITERS = ",;\t|"
SNIFF_LINES = 50

_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted (password-protected) .xlsx is an OLE2 file holding these streams.
_ENCRYPTED_MARKERS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))


class ImportFileError(Exception):
    """A file that cannot be read as a member sheet.

    ``code``: ``file_not_found``, ``unreadable_file``, ``web_page``, ``unsupported_format``,
    ``password_protected``, ``empty_file``, ``sheet_not_found``, ``empty_sheet``,
    ``unknown_encoding``, ``no_header`` or ``no_name_column``. ``detail`` names the case of
    ``unreadable_file`` when it is known: ``is_folder``, ``not_a_spreadsheet`` (``suffix``: the
    name's ending it has though) or ``bad_csv``.
    """

    def __init__(self, code: str, message: str, detail: str = "", suffix: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.detail = detail
        self.suffix = suffix

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class SheetTable:
    """One sheet's cells. ``rows[i]`` is spreadsheet row ``i + 1``; every row has ``width``
    cells; column ``j`` is spreadsheet column ``first_column + j`` (0 = A)."""

    path: Path
    sheet: str  # the sheet's name ("" for CSV)
    sheet_names: tuple[str, ...]
    rows: list[list[Cell]]
    first_column: int = 0
    merged: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()  # ((row, col), (row, col))
    encoding: str = ""  # CSV only: the encoding it was decoded with
    delimiter: str = ""  # CSV only
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    def column_letter(self, index: int) -> str:
        """The spreadsheet letter of column ``index`` of this table (A, B, ..., AA)."""
        return column_letter(self.first_column + index)


def column_letter(number: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    number += 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _check_file(path: Path) -> bytes:
    """The first bytes of ``path``; ImportFileError when it is missing, a folder or empty."""
    if not path.exists():
        raise ImportFileError("file_not_found", f"There is no file at {path}")
    if not path.is_file():
        raise ImportFileError("unreadable_file", f"{path} is a folder, not a file", "is_folder")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise ImportFileError("unreadable_file", f"Cannot read {path}: {error.strerror}") from None
    if not head:
        raise ImportFileError("empty_file", f"{path.name} is empty")
    return head


def _is_encrypted_ole(path: Path) -> bool:
    data = path.read_bytes()
    return any(marker in data for marker in _ENCRYPTED_MARKERS)


_TEXT_PROBE = 65_536  # bytes read to tell text from binary
_HTML_START = re.compile(r"\s*(?:<!doctype html|<html|<table|<\?xml|<meta|<head)", re.IGNORECASE)
_CONTROL_BYTES = bytes(range(9)) + bytes(range(14, 32))


def _text_start(path: Path) -> str | None:
    """The start of ``path`` as text when it is text (UTF-8 or TIS-620, no control bytes),
    else None."""
    with path.open("rb") as handle:
        data = handle.read(_TEXT_PROBE)
    if len(data.translate(None, _CONTROL_BYTES)) != len(data):
        return None
    for encoding in ("utf-8-sig", "cp874"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            if encoding.startswith("utf-8") and error.start >= len(data) - 3:
                return data[: error.start].decode(encoding)  # a character cut by the probe
    return None


def file_kind(path: Path) -> str:
    """``spreadsheet`` or ``text``, judged from the content first and the name second."""
    head = _check_file(path)
    suffix = path.suffix.lower()
    if head.startswith(_ZIP_MAGIC):
        if suffix in TEXT_SUFFIXES:
            raise ImportFileError(
                "unsupported_format",
                f"{path.name} is named like a CSV file but is a spreadsheet or other zip file:"
                " rename it to .xlsx or .ods",
            )
        return "spreadsheet"
    if head.startswith(_OLE2_MAGIC):
        if _is_encrypted_ole(path):
            raise ImportFileError(
                "password_protected",
                f"{path.name} is protected with a password: open it in Excel, remove the"
                " password (File > Info > Protect Workbook) and save it again",
            )
        return "spreadsheet"
    if suffix in SPREADSHEET_SUFFIXES:
        start = _text_start(path)
        if start is not None and _HTML_START.match(start):
            raise ImportFileError(
                "web_page",
                f"{path.name} is named {suffix} but is a web page (some programs export reports"
                " this way): open it in Excel or LibreOffice and save it as .xlsx",
            )
        if start is not None and any(mark in start for mark in ",;\t|"):
            return "text"  # a CSV or tab-separated text saved under a spreadsheet's name
        raise ImportFileError(
            "unreadable_file",
            f"{path.name} is named {suffix} but its content is not a spreadsheet"
            " (damaged or renamed)", "not_a_spreadsheet", suffix,
        )  # fmt: skip
    if suffix in TEXT_SUFFIXES or suffix == "":
        return "text"
    raise ImportFileError(
        "unsupported_format",
        f"{path.name}: only .xlsx, .xls, .ods and .csv files can be imported",
    )


def list_sheets(path: Path | str) -> list[str]:
    """The names of the sheets in a workbook (``[""]`` for a CSV file), in file order."""
    path = Path(path)
    if file_kind(path) == "text":
        return [""]
    book = _open_workbook(path)
    try:
        return _visible_sheet_names(book)
    finally:
        book.close()


def hidden_sheets(path: Path | str) -> list[str]:
    """The worksheets of a workbook hidden in it (none for CSV), in file order.

    Never chosen by themselves (``list_sheets`` leaves them out), but named explicitly they
    are read as any other sheet, as ``--sheet`` does on the command line."""
    path = Path(path)
    if file_kind(path) == "text":
        return []
    try:
        book = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception:  # the read of its sheets that follows says what is wrong
        return []
    try:
        return [
            meta.name for meta in book.sheets_metadata
            if str(meta.typ).endswith("WorkSheet") and str(meta.visible).endswith("Hidden")
        ]  # fmt: skip
    finally:
        book.close()


def _open_workbook(path: Path) -> python_calamine.CalamineWorkbook:
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise ImportFileError(
            "password_protected",
            f"{path.name} is protected with a password: remove the password and save it again",
        ) from None
    except (python_calamine.CalamineError, zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportFileError(
            "unreadable_file", f"{path.name} cannot be read as a spreadsheet ({error})"
        ) from None
    except Exception as error:  # calamine raises its own error types for damaged files
        raise ImportFileError(
            "unreadable_file", f"{path.name} cannot be read as a spreadsheet ({error})"
        ) from None


def _visible_sheet_names(book: python_calamine.CalamineWorkbook) -> list[str]:
    names = []
    for meta in book.sheets_metadata:
        if str(meta.typ).endswith("WorkSheet") and not str(meta.visible).endswith("Hidden"):
            names.append(meta.name)
    return names or list(book.sheet_names)


class TableCache:
    """The last sheet read, kept for the next read of the same file, sheet and row limit while
    the file is unchanged (same size and modification time).

    The import wizard reads a file for the first preview, again after the mapping, and once more
    to import: with a cache it reads it once (8-9 s at 393,000 rows). It holds one table at a
    time (hundreds of MB for a national register): :meth:`release` when done."""

    def __init__(self, *, read_in_child: bool = False) -> None:
        # Big workbooks read by a child process (db.io.sheet_process): for a window's reads.
        self.read_in_child = read_in_child
        self._keys: set[tuple[object, ...]] = set()
        self._table: SheetTable | None = None
        self._lock = threading.Lock()
        self.hits = 0

    @staticmethod
    def key(path: Path, sheet: str | None, max_rows: int | None) -> tuple[object, ...] | None:
        try:
            stat = path.stat()
        except OSError:
            return None  # read_table explains
        return (str(path.resolve()), stat.st_size, stat.st_mtime_ns, sheet, max_rows)

    def holds(self, key: tuple[object, ...] | None) -> bool:
        """Whether a read with ``key`` would come from the cache (not counted as a hit)."""
        with self._lock:
            return key is not None and key in self._keys

    def get(self, key: tuple[object, ...] | None) -> SheetTable | None:
        with self._lock:
            if key is not None and key in self._keys:
                self.hits += 1
                return self._table
            return None

    def put(self, table: SheetTable, *keys: tuple[object, ...] | None) -> None:
        """Keep ``table`` (only), found by any of ``keys`` (the read as asked, and as it turned
        out: the best sheet, asked for without a name, is then asked for by its name)."""
        with self._lock:
            self._keys = {key for key in keys if key is not None}
            self._table = table if self._keys else None

    def release(self) -> None:
        """Forget the table and free its rows a slice at a time: one ``del`` of a national
        register's rows holds the GIL (and the window) ~0.2 s; slices let other threads run.
        Call it on a worker thread, once nothing uses the table any more."""
        with self._lock:
            table, self._keys, self._table = self._table, set(), None
        if table is not None:
            collector.release(table.rows)


def read_table(
    path: Path | str,
    *,
    sheet: str | None = None,
    max_rows: int | None = None,
    score: Callable[[list[list[Cell]]], int] | None = None,
    cache: TableCache | None = None,
) -> SheetTable:
    """Read one sheet or a CSV file.

    Without ``sheet``, the sheet with data that ``score`` (given its rows; default: how many
    known column names its header has) rates highest, the first on a tie. ``max_rows`` reads
    only that many rows from the top. With ``cache``, an unchanged file read the same way last
    time is not read again (and a big workbook is read by a child process if the cache says
    so: see :mod:`db.io.sheet_process`). The rows are shared: callers never change them.
    """
    path = Path(path)
    if cache is not None:
        key = TableCache.key(path, sheet, max_rows)
        table = cache.get(key)
        if table is None:
            table = _read(path, sheet=sheet, max_rows=max_rows, score=score,
                          in_child=cache.read_in_child)  # fmt: skip
            cache.put(table, key, TableCache.key(path, table.sheet or None, max_rows))
        return table
    return _read(path, sheet=sheet, max_rows=max_rows, score=score, in_child=False)


def _read(
    path: Path,
    *,
    sheet: str | None,
    max_rows: int | None,
    score: Callable[[list[list[Cell]]], int] | None,
    in_child: bool,
) -> SheetTable:
    if score is None:
        from db.io.headers import header_score  # headers reads tables: imported here

        score = header_score
    if file_kind(path) == "text":
        return _read_csv(path, max_rows=max_rows)
    if in_child:
        from db.io import sheet_process  # it reads with read_workbook: imported here

        if sheet_process.worth_a_child(path):
            table = sheet_process.read_in_child(path, sheet=sheet, max_rows=max_rows, score=score)
            if table is not None:
                return table
    return read_workbook(path, sheet=sheet, max_rows=max_rows, score=score)


def read_workbook(
    path: Path,
    *,
    sheet: str | None,
    max_rows: int | None,
    score: Callable[[list[list[Cell]]], int] | None,
) -> SheetTable:
    """One sheet of a workbook (see :func:`read_table`), read in this process."""
    book = _open_workbook(path)
    try:
        names = _visible_sheet_names(book)
        if sheet is not None and sheet not in book.sheet_names:
            raise ImportFileError(
                "sheet_not_found",
                f"{path.name} has no sheet {sheet!r}; its sheets are: {', '.join(names)}",
            )
        candidates = [sheet] if sheet is not None else names
        best: tuple[int, SheetTable] | None = None
        for name in candidates:
            try:
                data = book.get_sheet_by_name(name)
                if data.height == 0 or data.width == 0:
                    continue
                rows = _sheet_rows(data, max_rows=max_rows)
                merged = tuple(data.merged_cell_ranges or ())
                start = data.start
                del data  # calamine's copy of the sheet goes now, for trim_heap below
            except ImportFileError:
                raise
            except Exception as error:  # a damaged sheet part
                raise ImportFileError(
                    "unreadable_file", f"Sheet {name!r} of {path.name} cannot be read ({error})"
                ) from None
            if not any(any(cell != "" for cell in row) for row in rows):
                continue
            table = SheetTable(
                path=path, sheet=name, sheet_names=tuple(names), rows=rows,
                first_column=start[1] if start else 0, merged=merged,
            )  # fmt: skip
            if score is None or len(candidates) == 1:
                return table
            rating = score(rows)
            if best is None or rating > best[0]:
                best = (rating, table)
        if best is not None:
            return best[1]
        which = f"Sheet {sheet!r} of {path.name}" if sheet is not None else path.name
        raise ImportFileError("empty_sheet", f"{which} has no data")
    finally:
        book.close()
        collector.trim_heap()  # calamine's parse is freed: see db.io.collector


def _sheet_rows(data: python_calamine.CalamineSheet, *, max_rows: int | None) -> list[list[Cell]]:
    """Rows from spreadsheet row 1 (blank rows above the data kept), columns from the first
    used column."""
    start_row, start_column = data.start or (0, 0)
    width = data.width
    rows: list[list[Cell]]
    if max_rows is not None:
        rows = data.to_python(skip_empty_area=True, nrows=max_rows)
    else:
        # A loop in Python over iter_rows, with the collector paused: to_python builds every
        # row in one call that holds the GIL throughout (2.4 s at 393,000 rows x 20 columns:
        # the window froze that long while a sheet was read on another thread); here other
        # threads run between rows, the longest wait ~15 ms, and it takes half the time (no
        # collection walking the millions of new cells).
        rows = []
        append = rows.append
        with collector.paused():
            for row in data.iter_rows():
                append(row)
    for index, row in enumerate(rows):
        if len(row) != width:  # defensive: calamine pads rows to the used range
            rows[index] = (list(row) + [""] * width)[:width]
    expected = data.end[0] + 1 if data.end else len(rows)
    if max_rows is None and len(rows) != expected:
        # calamine yields the rows of the used range only: put the blank rows above back.
        rows = [[""] * width for _ in range(start_row)] + rows
    del start_column
    return rows


# --- text files ----------------------------------------------------------------------------------


def decode_text(data: bytes, *, name: str = "the file") -> tuple[str, str]:
    """(text, encoding) of CSV bytes; ImportFileError(``unknown_encoding``) if none fits."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise ImportFileError(
                    "unknown_encoding",
                    f"{name} starts like {encoding} text but is not valid {encoding}",
                ) from None
    if b"\x00" in data[:4096]:
        raise ImportFileError(
            "unsupported_format", f"{name} is not a text (CSV) file: it contains binary data"
        )
    for encoding in ("utf-8", "cp874"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is not None:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    raise ImportFileError(
        "unknown_encoding",
        f"Cannot tell the text encoding of {name}: save it from Excel as"
        " 'CSV UTF-8 (Comma delimited)'",
    )


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently (comma when unsure)."""
    lines = [line for line in text.splitlines()[:SNIFF_LINES] if line.strip()]
    if not lines:
        return ","
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        widest = max(counts)
        if widest < 2:
            continue
        # Lines with the most common width greater than one, then the width itself.
        common = max(set(counts), key=counts.count)
        score = (sum(1 for c in counts if c == common and c > 1), common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(path: Path, *, max_rows: int | None) -> SheetTable:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError("unreadable_file", f"Cannot read {path}: {error.strerror}") from None
    text, encoding = decode_text(data, name=path.name)
    if not text.strip(" \t\r\n\ufeff"):
        raise ImportFileError("empty_sheet", f"{path.name} has no data")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[Cell]] = []
    try:
        for row in reader:
            rows.append(list(row))
            if max_rows is not None and len(rows) >= max_rows:
                break
    except csv.Error as error:
        raise ImportFileError(
            "unreadable_file", f"{path.name} is not a well-formed CSV file ({error})", "bad_csv"
        ) from None
    width = max((len(row) for row in rows), default=0)
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    if width == 0 or not any(any(cell.strip() for cell in row) for row in rows):  # type: ignore[union-attr]
        raise ImportFileError("empty_sheet", f"{path.name} has no data")
    return SheetTable(
        path=path, sheet="", sheet_names=("",), rows=rows, encoding=encoding, delimiter=delimiter
    )


def is_blank(row: Sequence[Cell]) -> bool:
    """True if no cell of ``row`` holds anything but spaces."""
    for cell in row:
        if isinstance(cell, str):
            if cell.strip():
                return False
        elif cell is not None:
            return False
    return True
