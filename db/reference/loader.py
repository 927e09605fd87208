"""Loading the shipped reference data (resources/reference) into a database.

- ``thai-divisions/``: regions, provinces, districts and sub-districts (kongvut/thai-province-data,
  MIT). ``provinces.csv``'s ``id`` is not the Interior Ministry's code: the official two-digit
  province code is taken from the province's districts (district 1001 -> province 10).
- ``region_names_en.csv``: English names of the six regions (``geographies.csv`` has Thai only).
- ``lists/*.csv``: the editable lists, one ``ref_item`` kind per file (kind = file stem), columns
  ``code,name_th,name_en,abbr_th,parent_code,sort_order``.

Rows with ``deleted_at`` set are skipped. Every file is read and checked before anything is
written, so a bad file raises :class:`ReferenceDataError` (with file, line and reason) and the
caller's transaction writes nothing.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from db.reference.paths import reference_dir
from db.thai.collation import thai_sort_key

DIVISIONS_DIR = "thai-divisions"
LISTS_DIR = "lists"
REGION_NAMES_EN_FILE = "region_names_en.csv"
LIST_COLUMNS = ("code", "name_th", "name_en", "abbr_th", "parent_code", "sort_order")
CODE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_]*$")
KIND_MAX_LENGTH = 40
CODE_MAX_LENGTH = 80


class ReferenceDataError(ValueError):
    """A shipped reference file that cannot be loaded: which file, which line, and why."""

    code = "invalid_reference_data"

    def __init__(self, path: Path, reason: str, *, line: int | None = None) -> None:
        where = f"{path.name}:{line}" if line is not None else path.name
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


# Plain rows, in column order of the INSERT statements below.
RegionRow = tuple[int, str, str]  # id, name_th, name_en
ProvinceRow = tuple[int, str, str, int, bytes]  # code, name_th, name_en, region_id, name_key
DistrictRow = tuple[int, int, str, str]  # code, province_code, name_th, name_en
SubDistrictRow = tuple[int, int, str, str, str]  # code, district_code, name_th, name_en, zip
RefItemRow = tuple[str, str, str, str, str, str, int]  # kind, code, names, abbr, parent, order


@dataclass(frozen=True, slots=True)
class ReferenceData:
    """Everything in resources/reference, read and checked, ready to write."""

    regions: tuple[RegionRow, ...]
    provinces: tuple[ProvinceRow, ...]
    districts: tuple[DistrictRow, ...]
    sub_districts: tuple[SubDistrictRow, ...]
    ref_items: tuple[RefItemRow, ...]


@dataclass(frozen=True, slots=True)
class TableUpdate:
    """What an update did to one table: rows added, shipped rows whose values changed."""

    added: int
    changed: int


@dataclass(frozen=True, slots=True)
class ReferenceUpdate:
    """The result of :func:`update_reference_data`, per table (region, province, ..., ref_item)."""

    tables: dict[str, TableUpdate] = field(default_factory=dict)

    @property
    def added(self) -> int:
        return sum(t.added for t in self.tables.values())

    @property
    def changed(self) -> int:
        return sum(t.changed for t in self.tables.values())


# --- reading -------------------------------------------------------------------------------------


def _clean(value: str | None) -> str:
    return unicodedata.normalize("NFC", " ".join((value or "").split()))


def _read_csv(path: Path, required: Sequence[str]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs of a UTF-8 (BOM allowed) CSV, after checking its header."""
    if not path.is_file():
        raise ReferenceDataError(path, "file is missing")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [name.strip() for name in reader.fieldnames or ()]
            missing = [name for name in required if name not in header]
            if missing:
                raise ReferenceDataError(path, f"missing column(s): {', '.join(missing)}", line=1)
            reader.fieldnames = header
            rows = []
            for row in reader:
                if None in row:
                    raise ReferenceDataError(path, "more cells than columns", line=reader.line_num)
                rows.append((reader.line_num, {k: _clean(v) for k, v in row.items()}))
            return rows
    except UnicodeDecodeError as error:
        raise ReferenceDataError(path, f"not UTF-8 text ({error.reason})") from error


def _int(path: Path, line: int, row: dict[str, str], column: str) -> int:
    value = row.get(column, "")
    try:
        return int(value)
    except ValueError:
        reason = f"{column} {value!r} is not a whole number"
        raise ReferenceDataError(path, reason, line=line) from None


def _live(rows: Iterable[tuple[int, dict[str, str]]]) -> list[tuple[int, dict[str, str]]]:
    return [(line, row) for line, row in rows if not row.get("deleted_at")]


def _require_text(path: Path, line: int, row: dict[str, str], *columns: str) -> None:
    for column in columns:
        if not row.get(column):
            raise ReferenceDataError(path, f"{column} is empty", line=line)


def _read_regions(root: Path) -> tuple[RegionRow, ...]:
    en_path = root / REGION_NAMES_EN_FILE
    names_en: dict[int, str] = {}
    for line, row in _read_csv(en_path, ("id", "name_en")):
        names_en[_int(en_path, line, row, "id")] = row["name_en"]
    path = root / DIVISIONS_DIR / "geographies.csv"
    regions: list[RegionRow] = []
    for line, row in _live(_read_csv(path, ("id", "name"))):
        region_id = _int(path, line, row, "id")
        _require_text(path, line, row, "name")
        if region_id not in names_en:
            raise ReferenceDataError(
                en_path, f"no English name for region {region_id} ({row['name']})"
            )
        regions.append((region_id, row["name"], names_en[region_id]))
    return tuple(regions)


def _read_divisions(
    root: Path, region_ids: set[int]
) -> tuple[tuple[ProvinceRow, ...], tuple[DistrictRow, ...], tuple[SubDistrictRow, ...]]:
    folder = root / DIVISIONS_DIR
    p_path, d_path, s_path = (
        folder / f"{name}.csv" for name in ("provinces", "districts", "sub_districts")
    )
    province_rows = _live(
        _read_csv(p_path, ("id", "name_th", "name_en", "geography_id", "deleted_at"))
    )
    district_rows = _live(
        _read_csv(d_path, ("id", "name_th", "name_en", "province_id", "deleted_at"))
    )
    sub_rows = _live(
        _read_csv(s_path, ("id", "zip_code", "name_th", "name_en", "district_id", "deleted_at"))
    )

    # The official province code of each provinces.csv id, from its districts' codes.
    official: dict[int, int] = {}
    for line, row in district_rows:
        source_id = _int(d_path, line, row, "province_id")
        code = _int(d_path, line, row, "id") // 100
        if official.setdefault(source_id, code) != code:
            raise ReferenceDataError(
                d_path,
                f"province_id {source_id} has districts of provinces {official[source_id]}"
                f" and {code}",
                line=line,
            )

    provinces: list[ProvinceRow] = []
    seen_codes: dict[int, str] = {}
    for line, row in province_rows:
        source_id = _int(p_path, line, row, "id")
        _require_text(p_path, line, row, "name_th", "name_en")
        region_id = _int(p_path, line, row, "geography_id")
        if region_id not in region_ids:
            raise ReferenceDataError(p_path, f"unknown geography_id {region_id}", line=line)
        if source_id not in official:
            raise ReferenceDataError(
                p_path, f"province {row['name_th']} has no districts to take its code from",
                line=line,
            )
        code = official[source_id]
        if code in seen_codes:
            raise ReferenceDataError(
                p_path, f"code {code} given to both {seen_codes[code]} and {row['name_th']}",
                line=line,
            )
        seen_codes[code] = row["name_th"]
        provinces.append(
            (code, row["name_th"], row["name_en"], region_id, thai_sort_key(row["name_th"]))
        )
    live_source_ids = {_int(p_path, line, row, "id") for line, row in province_rows}

    districts: list[DistrictRow] = []
    for line, row in district_rows:
        _require_text(d_path, line, row, "name_th", "name_en")
        source_id = _int(d_path, line, row, "province_id")
        if source_id not in live_source_ids:
            raise ReferenceDataError(d_path, f"unknown province_id {source_id}", line=line)
        districts.append(
            (_int(d_path, line, row, "id"), official[source_id], row["name_th"], row["name_en"])
        )
    district_codes = {d[0] for d in districts}

    sub_districts: list[SubDistrictRow] = []
    for line, row in sub_rows:
        _require_text(s_path, line, row, "name_th", "name_en")
        district_code = _int(s_path, line, row, "district_id")
        if district_code not in district_codes:
            raise ReferenceDataError(s_path, f"unknown district_id {district_code}", line=line)
        zip_code = row["zip_code"]
        if zip_code and not (len(zip_code) == 5 and zip_code.isascii() and zip_code.isdigit()):
            raise ReferenceDataError(s_path, f"zip_code {zip_code!r} is not 5 digits", line=line)
        sub_districts.append(
            (_int(s_path, line, row, "id"), district_code, row["name_th"], row["name_en"], zip_code)
        )
    return tuple(provinces), tuple(districts), tuple(sub_districts)


def read_list(path: Path) -> tuple[RefItemRow, ...]:
    """The items of one list file (kind = the file's stem), checked."""
    kind = path.stem
    if not CODE_PATTERN.match(kind) or len(kind) > KIND_MAX_LENGTH:
        raise ReferenceDataError(path, f"file name {kind!r} is not a snake_case kind")
    items: list[RefItemRow] = []
    seen: set[str] = set()
    for line, row in _read_csv(path, LIST_COLUMNS):
        code = row["code"]
        if not CODE_PATTERN.match(code) or len(code) > CODE_MAX_LENGTH:
            raise ReferenceDataError(path, f"code {code!r} is not ASCII snake_case", line=line)
        if code in seen:
            raise ReferenceDataError(path, f"code {code!r} appears twice", line=line)
        seen.add(code)
        _require_text(path, line, row, "name_th")
        order = _int(path, line, row, "sort_order") if row["sort_order"] else len(items) * 10
        items.append(
            (kind, code, row["name_th"], row["name_en"], row["abbr_th"], row["parent_code"], order)
        )
    return tuple(items)


def read_reference_data(root: Path | None = None) -> ReferenceData:
    """Read and check every reference file under ``root`` (default: the shipped folder)."""
    root = root or reference_dir()
    regions = _read_regions(root)
    provinces, districts, sub_districts = _read_divisions(root, {r[0] for r in regions})
    lists_dir = root / LISTS_DIR
    if not lists_dir.is_dir():
        raise ReferenceDataError(lists_dir, "folder of reference lists is missing")
    items: list[RefItemRow] = []
    for path in sorted(lists_dir.glob("*.csv")):
        items.extend(read_list(path))
    return ReferenceData(regions, provinces, districts, sub_districts, tuple(items))


# --- writing -------------------------------------------------------------------------------------

_INSERTS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # table: (columns, conflict key, columns an update refreshes)
    "region": ("id, name_th, name_en", ("id",), ("name_th", "name_en")),
    "province": (
        "code, name_th, name_en, region_id, name_key",
        ("code",),
        ("name_th", "name_en", "region_id", "name_key"),
    ),
    "district": (
        "code, province_code, name_th, name_en",
        ("code",),
        ("province_code", "name_th", "name_en"),
    ),
    "sub_district": (
        "code, district_code, name_th, name_en, zip_code",
        ("code",),
        ("district_code", "name_th", "name_en", "zip_code"),
    ),
    # `active` is not refreshed: an item the user switched off stays off.
    "ref_item": (
        "kind, code, name_th, name_en, abbr_th, parent_code, sort_order, active",
        ("kind", "code"),
        ("name_th", "name_en", "abbr_th", "parent_code", "sort_order"),
    ),
}


def _insert_sql(table: str, *, upsert: bool) -> str:
    columns, key, refreshed = _INSERTS[table]
    marks = ", ".join("?" for _ in columns.split(","))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
    if upsert:
        assignments = ", ".join(f"{c} = excluded.{c}" for c in refreshed)
        differs = " OR ".join(f"{table}.{c} IS NOT excluded.{c}" for c in refreshed)
        sql += f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {assignments} WHERE {differs}"
    return sql


def _table_rows(data: ReferenceData) -> dict[str, Sequence[tuple[Any, ...]]]:
    # Parents before children (foreign keys are enforced).
    return {
        "region": data.regions,
        "province": data.provinces,
        "district": data.districts,
        "sub_district": data.sub_districts,
        "ref_item": [(*item, 1) for item in data.ref_items],
    }


def load_reference_data(connection: Connection, *, root: Path | None = None) -> None:
    """Insert all shipped reference data into an empty database, inside the caller's transaction.

    Reads and checks every file first; raises :class:`ReferenceDataError` on a bad file (nothing
    is written). Use :func:`update_reference_data` on a database that already has reference data.
    """
    data = read_reference_data(root)
    for table, rows in _table_rows(data).items():
        if rows:
            connection.exec_driver_sql(_insert_sql(table, upsert=False), list(rows))


def _scalar(connection: Connection, sql: str) -> int:
    return int(connection.exec_driver_sql(sql).scalar_one())


def update_reference_data(connection: Connection, *, root: Path | None = None) -> ReferenceUpdate:
    """Bring the shipped reference data into an existing database, inside the caller's transaction.

    Adds shipped rows that are missing and refreshes the names, codes and order of shipped rows
    that differ; never deletes: items the user added, and whether an item is active, are kept.
    Running it twice changes nothing the second time.
    """
    data = read_reference_data(root)
    tables: dict[str, TableUpdate] = {}
    for table, rows in _table_rows(data).items():
        before = _scalar(connection, f"SELECT count(*) FROM {table}")
        changes_before = _scalar(connection, "SELECT total_changes()")
        if rows:
            connection.exec_driver_sql(_insert_sql(table, upsert=True), list(rows))
        written = _scalar(connection, "SELECT total_changes()") - changes_before
        added = _scalar(connection, f"SELECT count(*) FROM {table}") - before
        tables[table] = TableUpdate(added=added, changed=written - added)
    return ReferenceUpdate(tables=tables)
