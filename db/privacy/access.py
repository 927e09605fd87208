"""Right of access (PDPA section 30): everything the database holds about one member.

:func:`member_data` returns one JSON-ready ``dict`` (keys below); :func:`write_access_json`
writes it atomically as UTF-8. The desktop prints the same dict as a PDF
(``desktop.printing.access_report``).

- ``format``, ``version``, ``exported_at`` (UTC ISO), ``member_id``;
- ``member``: every column of the member row (sync metadata included, the derived ICU sort keys
  left out), dates as ISO text with a ``<field>_be`` twin ("2 ตุลาคม 2557"), reference-list
  codes with a ``<field>_name`` twin (Thai);
- ``organisation``: name, type (code and Thai name), province (code and Thai name), or None;
- ``strengths``, ``groups`` (with role names and dates), ``dues`` (money in satang and baht):
  every row, soft-deleted ones too (``deleted_at`` says so): the member has a right to those;
- ``import_runs``: each import that created or updated the member, with the old values it kept;
- ``merges``: each merge the member took part in, with the snapshot it kept;
- ``merged_records``: member rows merged into this one (the same person, soft-deleted);
- ``history``: the member's change history (``db.history.member_history``), oldest last;
- ``other_records``: ``{table: [row, ...]}`` for every other table with a foreign key to
  ``member.id`` (found from ``SQLModel.metadata``), so tables added later (meeting invitations,
  exchange posts) are included without changing this module.

Raises ``LookupError`` for an unknown member id (a soft-deleted member is still exported: its
data is still held).
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json
import os
import sqlite3
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, LargeBinary, Table
from sqlmodel import Session, SQLModel

import db.models  # noqa: F401  (every table registered in SQLModel.metadata)
from db.history.read import member_history
from db.members._sql import dbapi
from db.merge import member_references
from db.models.base import utc_now_iso
from db.thai.dates import format_thai_date

FORMAT = "khrueakhai-member-data"
HISTORY_LIMIT = 1_000_000
VERSION = 1
# Member columns holding a reference-list code: the export adds ``<column>_name`` (Thai).
CODE_COLUMNS = {
    "gender": "gender",
    "personnel_type": "personnel_type",
    "position_type": "position_type",
    "position_level": "position_level",
    "status": "member_status",
}
# Tables the sections above cover by name (with friendlier shapes than raw rows).
SECTION_TABLES = frozenset(("member_strength", "group_membership", "dues_payment"))


def _be(value: str | None) -> str:
    if not value:
        return ""
    try:
        return format_thai_date(dt.date.fromisoformat(value[:10]))
    except ValueError:
        return ""


def plain(value: Any) -> Any:
    """`value` as JSON can hold it: dates as ISO text, bytes as base64, dataclasses as dicts."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return "base64:" + base64.b64encode(bytes(value)).decode("ascii")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if hasattr(value, "value") and isinstance(value.value, str):  # StrEnum
        return value.value
    return value


def _row_dicts(
    connection: sqlite3.Connection, table: Table, where: str, params: tuple[Any, ...]
) -> list[dict[str, Any]]:
    """Rows of `table` as dicts: ICU sort keys (``*_key`` blobs) left out, other blobs as
    base64, date columns with a ``<column>_be`` twin."""
    columns = [
        c for c in table.columns
        if not (isinstance(c.type, LargeBinary) and c.name.endswith("_key"))
    ]  # fmt: skip
    names = ", ".join(f'"{c.name}"' for c in columns)
    order = "rowid" if len(table.primary_key.columns) == 1 else "1"
    rows = connection.execute(
        f'SELECT {names} FROM "{table.name}" WHERE {where} ORDER BY {order}', params
    ).fetchall()
    result: list[dict[str, Any]] = []
    for row in rows:
        item: dict[str, Any] = {}
        for column, value in zip(columns, row, strict=True):
            item[column.name] = plain(value)
            if isinstance(column.type, Date | DateTime):
                item[f"{column.name}_be"] = _be(value)
        result.append(item)
    return result


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _ref_names(connection: sqlite3.Connection, kind: str) -> dict[str, str]:
    return dict(
        connection.execute("SELECT code, name_th FROM ref_item WHERE kind = ?", (kind,)).fetchall()
    )


def _organisation(connection: sqlite3.Connection, organisation_id: str | None) -> dict | None:
    if not organisation_id:
        return None
    row = connection.execute(
        "SELECT o.id, o.name, o.type_code, coalesce(t.name_th, ''), o.province_code,"
        " coalesce(p.name_th, ''), o.official_code, o.deleted_at FROM organisation o"
        " LEFT JOIN ref_item t ON t.kind = 'org_type' AND t.code = o.type_code"
        " LEFT JOIN province p ON p.code = o.province_code WHERE o.id = ?",
        (organisation_id,),
    ).fetchone()
    if row is None:
        return None
    keys = (
        "id", "name", "type_code", "type_name", "province_code", "province_name",
        "official_code", "deleted_at",
    )  # fmt: skip
    return dict(zip(keys, row, strict=True))


def _groups(connection: sqlite3.Connection, member_id: str) -> list[dict[str, Any]]:
    roles = _ref_names(connection, "group_role")
    rows = connection.execute(
        "SELECT gm.id, gm.group_id, coalesce(g.name, ''), coalesce(g.kind, ''), gm.role,"
        " gm.started_on, gm.ended_on, gm.created_at, gm.deleted_at FROM group_membership gm"
        " LEFT JOIN network_group g ON g.id = gm.group_id WHERE gm.member_id = ?"
        " ORDER BY coalesce(gm.started_on, ''), gm.rowid",
        (member_id,),
    ).fetchall()
    keys = (
        "membership_id", "group_id", "group_name", "group_kind", "role", "role_name",
        "started_on", "started_on_be", "ended_on", "ended_on_be", "created_at", "deleted_at",
    )  # fmt: skip
    return [
        dict(
            zip(
                keys,
                (
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    roles.get(r[4], r[4]),
                    r[5],
                    _be(r[5]),
                    r[6],
                    _be(r[6]),
                    r[7],
                    r[8],
                ),
                strict=True,
            )
        )
        for r in rows
    ]


def _dues(connection: sqlite3.Connection, member_id: str) -> list[dict[str, Any]]:
    rows = connection.execute(
        "SELECT d.id, d.fiscal_year, d.amount_satang, d.paid_on, d.receipt_no,"
        " coalesce(g.name, ''), d.created_at, d.deleted_at FROM dues_payment d"
        " LEFT JOIN network_group g ON g.id = d.group_id WHERE d.member_id = ?"
        " ORDER BY d.fiscal_year, d.paid_on, d.rowid",
        (member_id,),
    ).fetchall()
    keys = (
        "id", "fiscal_year_be", "amount_satang", "amount_baht", "paid_on", "paid_on_be",
        "receipt_no", "group_name", "created_at", "deleted_at",
    )  # fmt: skip
    return [
        dict(
            zip(
                keys,
                (
                    r[0],
                    r[1],
                    r[2],
                    f"{r[2] // 100:,}.{r[2] % 100:02d}",
                    r[3],
                    _be(r[3]),
                    r[4],
                    r[5],
                    r[6],
                    r[7],
                ),
                strict=True,
            )
        )
        for r in rows
    ]


def _json_or_text(text: str) -> Any:
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def _import_runs(connection: sqlite3.Connection, member_id: str) -> list[dict[str, Any]]:
    rows = connection.execute(
        "SELECT r.id, r.file_name, r.sheet, r.created_at, r.undone_at, i.action, i.row_number,"
        " i.old_values_json FROM import_run_item i JOIN import_run r ON r.id = i.run_id"
        " WHERE i.member_id = ? ORDER BY r.created_at, i.id",
        (member_id,),
    ).fetchall()
    keys = (
        "run_id", "file_name", "sheet", "imported_at", "imported_at_be", "undone_at", "action",
        "row_number", "old_values",
    )  # fmt: skip
    return [
        dict(
            zip(
                keys,
                (
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    _be(r[3]),
                    r[4],
                    r[5],
                    r[6],
                    _json_or_text(r[7]),
                ),
                strict=True,
            )
        )
        for r in rows
    ]


def _merges(connection: sqlite3.Connection, member_id: str) -> list[dict[str, Any]]:
    rows = connection.execute(
        "SELECT id, survivor_id, merged_id, created_at, undone_at, survivor_old_json,"
        " moved_json FROM member_merge WHERE survivor_id = ? OR merged_id = ?"
        " ORDER BY created_at, rowid",
        (member_id, member_id),
    ).fetchall()
    keys = (
        "merge_id", "role", "survivor_id", "merged_id", "merged_at", "merged_at_be",
        "undone_at", "snapshot", "moved_rows",
    )  # fmt: skip
    return [
        dict(
            zip(
                keys,
                (
                    r[0],
                    "survivor" if r[1] == member_id else "merged",
                    r[1],
                    r[2],
                    r[3],
                    _be(r[3]),
                    r[4],
                    _json_or_text(r[5]),
                    _json_or_text(r[6]),
                ),
                strict=True,
            )
        )
        for r in rows
    ]


def merged_member_ids(connection: sqlite3.Connection, member_id: str) -> list[str]:
    """Ids of member rows merged (not undone) into `member_id`, directly or through a chain:
    records of the same person."""
    rows = connection.execute(
        "WITH RECURSIVE chain(id) AS (SELECT ? UNION"
        " SELECT mm.merged_id FROM member_merge mm JOIN chain c ON mm.survivor_id = c.id"
        " WHERE mm.undone_at IS NULL AND mm.deleted_at IS NULL)"
        " SELECT id FROM chain WHERE id != ?",
        (member_id, member_id),
    ).fetchall()
    return [r[0] for r in rows]


def _history(session: Session, member_id: str) -> list[Any]:
    """Every history entry, newest first: one page as large as any member's history (paging by
    time could skip entries sharing the page boundary's timestamp)."""
    return plain(member_history(session, member_id, limit=HISTORY_LIMIT))


def member_data(session: Session, *, member_id: str) -> dict[str, Any]:
    """Everything held about the member `member_id`; see the module docstring."""
    connection = dbapi(session)
    member_rows = _row_dicts(connection, _table("member"), "id = ?", (member_id,))
    if not member_rows:
        raise LookupError(f"no member with id {member_id}")
    member = member_rows[0]
    for column, kind in CODE_COLUMNS.items():
        code = member.get(column)
        member[f"{column}_name"] = (
            _ref_names(connection, kind).get(code, code or "") if code else ""
        )
    other: dict[str, list[dict[str, Any]]] = {}
    for reference in member_references():
        if reference.table in SECTION_TABLES:
            continue
        rows = _row_dicts(
            connection, _table(reference.table), f'"{reference.column}" = ?', (member_id,)
        )
        if rows:
            other.setdefault(reference.table, []).extend(rows)
    merged = [
        row
        for merged_id in merged_member_ids(connection, member_id)
        for row in _row_dicts(connection, _table("member"), "id = ?", (merged_id,))
    ]
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": utc_now_iso(),
        "member_id": member_id,
        "member": member,
        "organisation": _organisation(connection, member.get("organisation_id")),
        "strengths": _row_dicts(
            connection, _table("member_strength"), "member_id = ?", (member_id,)
        ),
        "groups": _groups(connection, member_id),
        "dues": _dues(connection, member_id),
        "import_runs": _import_runs(connection, member_id),
        "merges": _merges(connection, member_id),
        "merged_records": merged,
        "history": _history(session, member_id),
        "other_records": other,
    }


_UNSAFE_IN_FILE_NAMES = '<>:"/\\|?*'


def access_file_stem(data: Mapping[str, Any], day: dt.date | None = None) -> str:
    """``<name>-<date>`` for the export's files: "สมชาย ใจดี-2026-11-24" (characters Windows
    refuses in file names dropped; the member id when the name is empty)."""
    member = data.get("member") or {}
    name = " ".join(str(member.get(k) or "") for k in ("first_name", "last_name")).strip()
    name = "".join(c for c in name if c not in _UNSAFE_IN_FILE_NAMES and c.isprintable())
    name = " ".join(name.split()).strip(" .")[:80] or str(data.get("member_id", "member"))
    return f"{name}-{(day or dt.date.today()).isoformat()}"


def write_access_json(data: Mapping[str, Any], path: Path | str) -> Path:
    """Write `data` to `path` as indented UTF-8 JSON (Thai as itself, not \\u escapes).

    Atomic: written to a temporary file in the same folder, flushed to disk and renamed over
    `path`, so a crash leaves either the old file or the whole new one, never half a file.
    """
    target = Path(path)
    text = json.dumps(plain(data), ensure_ascii=False, indent=2)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.write("\n")
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
