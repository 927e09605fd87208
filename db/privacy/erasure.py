"""Right to erasure (PDPA section 33): anonymising a member, irreversibly, in one transaction.

:func:`erase_member` keeps the member row (so counts, group sizes and dues totals stay right, and
lists still render it as :data:`ERASED_NAME`) but wipes every field that says who the person is,
and every copy the database keeps that could bring those values back.

Wiped (:data:`WIPED_FIELDS`, each to the value in that mapping):

- names: prefix (it tells rank or marital status), first name (-> :data:`ERASED_NAME`), last
  name, English names, nickname;
- identifiers: national ID, membership number (it links to the paper file), birth date;
- contacts: mobile and office phones, e-mail, LINE ID, address;
- free text: position (free text; with the organisation it often names one person, e.g. the
  ปลัด of one อบต.; position type and level are kept), notes, consent purpose;
- strength tags: the rows are soft-deleted and their tag text cleared (free tags can describe the
  person: health, languages, religion).

Kept for statistics (deliberately): organisation (so province and organisation type), gender,
personnel type, position type and level, status, joined/expiry dates, consent date (that consent
had been recorded, not its purpose), group memberships with roles and dates, dues payments
(fiscal year, amount, date, receipt number: the association's accounts must keep receipts), and
the sync metadata (id, office, created/updated times).

Copies wiped in the same transaction:

- member rows merged into this one (the same person; found through ``member_merge``);
- the import undo log (``import_run_item.old_values_json``) and merge snapshots
  (``member_merge.survivor_old_json`` and the strength tags in ``moved_json``): wiped fields are
  overwritten with their wiped values, so an undo can never put them back;
- the change history's values of those fields (``db.history.erase_member_values``);
- the search index: the ``member_fts`` triggers re-index the row on update; SQLite's
  ``secure_delete`` is on during the erasure so the freed bytes of the old row and document are
  zeroed in the file (see :func:`checkpoint_after_erasure` for the write-ahead log).

Refused (:class:`ErasureError`, nothing changed): ``not_permitted`` (the caller's permissions lack
``can_erase_personal_data``), ``unknown_member``, ``missing_reason``, ``already_erased``.

The erasure is logged without personal values: one ``history`` row of kind ``erase`` (who: the
app user or OS account and the PC; when; ``changes`` holding only the reason), never undoable,
and a line in the application log.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from db.history.actor import current_actor
from db.history.privacy import erase_member_values
from db.history.record import ERASE, record
from db.identity import new_stamp
from db.members._keys import member_name_key
from db.members._sql import dbapi, placeholders
from db.members.types import RefusedError
from db.privacy.access import merged_member_ids

if TYPE_CHECKING:
    from db.engine import Database

log = logging.getLogger(__name__)

ERASED_NAME = "ข้อมูลถูกลบ"  # "data erased": what lists show instead of the name
MAX_REASON_LENGTH = 500

# Member columns wiped, with the value each gets (what the row holds afterwards).
WIPED_FIELDS: Mapping[str, Any] = {
    "prefix": "",
    "first_name": ERASED_NAME,
    "last_name": "",
    "first_name_en": "",
    "last_name_en": "",
    "nickname": "",
    "national_id": None,
    "birth_date": None,
    "position": "",
    "phone": "",
    "phone_office": "",
    "email": "",
    "line_id": "",
    "address": "",
    "membership_no": "",
    "notes": "",
    "consent_purpose": "",
}
# Member columns kept for statistics (documented above; a test checks every column is in one).
KEPT_FIELDS: tuple[str, ...] = (
    "id", "owner_office_id", "created_at", "updated_at", "hlc", "deleted_at", "gender",
    "personnel_type", "position_type", "position_level", "organisation_id", "status",
    "joined_on", "expires_on", "consent_date",
)  # fmt: skip
# Field names whose values the change history loses: the wiped columns, and the strength tags
# (a member change lists them as "strengths", a strength row's change as "tag").
HISTORY_FIELDS: tuple[str, ...] = (*WIPED_FIELDS, "strengths", "tag")
# Derived columns recomputed from the wiped values.
DERIVED_FIELDS: tuple[str, ...] = ("name_key", "position_key")


class ErasureError(RefusedError):
    """An erasure that was refused; nothing was changed. Codes: ``not_permitted``,
    ``unknown_member``, ``missing_reason``, ``reason_too_long``, ``already_erased``."""


@dataclass(frozen=True, slots=True)
class ErasureResult:
    """What an erasure did (no personal values)."""

    member_id: str
    erased_at: str  # UTC ISO
    reason: str
    fields: tuple[str, ...]  # member columns wiped
    member_rows: int  # the member and the rows merged into it
    strengths_removed: int
    import_items_scrubbed: int
    merge_logs_scrubbed: int
    history_values_erased: int  # history rows and import log rows whose values were wiped
    user_name: str
    device: str


def _is_erased(row: Mapping[str, Any]) -> bool:
    return all(row[name] == value for name, value in WIPED_FIELDS.items())


def _scrub_values(values: Any) -> Any:
    """A ``{column: value}`` snapshot with every wiped column set to its wiped value."""
    if not isinstance(values, dict):
        return values
    scrubbed = dict(values)
    for name in WIPED_FIELDS.keys() & scrubbed.keys():
        scrubbed[name] = WIPED_FIELDS[name]
    if "name_key" in scrubbed:
        scrubbed["name_key"] = {"$bytes": member_name_key(ERASED_NAME, "").hex()}
    if "position_key" in scrubbed:
        scrubbed["position_key"] = {"$bytes": b"".hex()}
    if "_strengths_added" in scrubbed:
        scrubbed["_strengths_added"] = []
    return scrubbed


def _scrub_merge_log(text: str) -> str:
    try:
        snapshot = json.loads(text)
    except ValueError:
        return "{}"
    if not isinstance(snapshot, dict):
        return "{}"
    for part in ("before", "merged_before"):
        if part in snapshot:
            snapshot[part] = _scrub_values(snapshot[part])
    if isinstance(snapshot.get("set"), dict):
        wiped = _scrub_values({k: None for k in snapshot["set"]})
        snapshot["set"] = {
            name: [wiped[name], wiped[name]] if name in WIPED_FIELDS or name in DERIVED_FIELDS
            else pair
            for name, pair in snapshot["set"].items()
        }  # fmt: skip
    return json.dumps(snapshot, ensure_ascii=False)


def _scrub_moved(text: str) -> str:
    """Strength tags changed by a merge ([action, table, column, key, {col: [old, new]}])."""
    try:
        moved = json.loads(text)
    except ValueError:
        return "[]"
    if not isinstance(moved, list):
        return "[]"
    for entry in moved:
        if (
            isinstance(entry, list) and len(entry) > 4 and entry[1] == "member_strength"
            and isinstance(entry[4], dict) and "tag" in entry[4]
        ):  # fmt: skip
            entry[4]["tag"] = ["", ""]
    return json.dumps(moved, ensure_ascii=False)


def _member_rows(connection: sqlite3.Connection, ids: Iterable[str]) -> list[dict[str, Any]]:
    ids = list(ids)
    cursor = connection.execute(f"SELECT * FROM member WHERE id IN ({placeholders(ids)})", ids)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _check_permission(permissions: object) -> None:
    if not getattr(permissions, "can_erase_personal_data", False):
        raise ErasureError(
            "not_permitted", "Only an administrator may erase a member's personal data"
        )


def _erase_history(session: Session, member_ids: list[str]) -> int:
    return sum(erase_member_values(session, member_id, HISTORY_FIELDS) for member_id in member_ids)


def erase_member(
    session: Session, *, member_id: str, reason: str, permissions: object
) -> ErasureResult:
    """Anonymise member `member_id` (see the module docstring) in the session's transaction.

    `permissions` is the caller's ``db.accounts.roles.Permissions``; erasure needs
    ``can_erase_personal_data`` (administrators). `reason` (the request, e.g. "คำขอลงวันที่
    1 ต.ค. 2569") is required and logged. Works on soft-deleted members too (their data is still
    held). Raises :class:`ErasureError` (nothing changed) when refused.
    """
    _check_permission(permissions)
    reason = " ".join(reason.split())
    if not reason:
        raise ErasureError("missing_reason", "Give the reason for the erasure", field="reason")
    if len(reason) > MAX_REASON_LENGTH:
        raise ErasureError(
            "reason_too_long",
            f"The reason is longer than {MAX_REASON_LENGTH} characters",
            field="reason",
        )
    connection = dbapi(session)
    ids = [member_id, *merged_member_ids(connection, member_id)]
    rows = _member_rows(connection, ids)
    if not any(row["id"] == member_id for row in rows):
        raise ErasureError("unknown_member", f"There is no member with id {member_id}")
    if all(_is_erased(row) for row in rows):
        raise ErasureError("already_erased", "This member's personal data was already erased")
    (secure_delete,) = connection.execute("PRAGMA secure_delete").fetchone()
    connection.execute("PRAGMA secure_delete = ON")
    try:
        result = _erase(session, connection, ids, member_id=member_id, reason=reason)
    finally:
        connection.execute(f"PRAGMA secure_delete = {int(secure_delete)}")
    log.warning(
        "PDPA erasure of member %s (%d rows) by %s on %s at %s; reason: %s",
        member_id, len(ids), result.user_name, result.device, result.erased_at, reason,
    )  # fmt: skip
    return result


def _erase(
    session: Session,
    connection: sqlite3.Connection,
    ids: list[str],
    *,
    member_id: str,
    reason: str,
) -> ErasureResult:
    stamp = new_stamp(session)
    marks = placeholders(ids)
    assignments = ", ".join(f"{name} = ?" for name in WIPED_FIELDS)
    connection.execute(
        f"UPDATE member SET {assignments}, name_key = ?, position_key = ?, updated_at = ?,"
        f" hlc = ? WHERE id IN ({marks})",
        (
            *WIPED_FIELDS.values(), member_name_key(ERASED_NAME, ""), b"", stamp.at, stamp.hlc,
            *ids,
        ),
    )  # fmt: skip
    strengths = connection.execute(
        "UPDATE member_strength SET tag = '', deleted_at = coalesce(deleted_at, ?),"
        f" updated_at = ?, hlc = ? WHERE member_id IN ({marks}) AND tag != ''",
        (stamp.at, stamp.at, stamp.hlc, *ids),
    ).rowcount
    items = connection.execute(
        f"SELECT id, old_values_json FROM import_run_item WHERE member_id IN ({marks})"
        " AND old_values_json != ''",
        ids,
    ).fetchall()
    scrubbed_items = 0
    for item_id, old_json in items:
        try:
            old_values = json.loads(old_json)
        except ValueError:
            old_values = {}
        new_json = json.dumps(_scrub_values(old_values), ensure_ascii=False)
        if new_json != old_json:
            connection.execute(
                "UPDATE import_run_item SET old_values_json = ? WHERE id = ?", (new_json, item_id)
            )
            scrubbed_items += 1
    merges = connection.execute(
        "SELECT id, survivor_old_json, moved_json FROM member_merge"
        f" WHERE survivor_id IN ({marks}) OR merged_id IN ({marks})",
        (*ids, *ids),
    ).fetchall()
    for merge_id, snapshot, moved in merges:
        connection.execute(
            "UPDATE member_merge SET survivor_old_json = ?, moved_json = ?, updated_at = ?,"
            " hlc = ? WHERE id = ?",
            (_scrub_merge_log(snapshot), _scrub_moved(moved), stamp.at, stamp.hlc, merge_id),
        )
    history = _erase_history(session, ids)
    # The erasure itself, in the history: who and when (the row's actor and time), the reason;
    # no values. Recorded after the values were wiped, and never undoable (db.history.undo).
    record(
        session, kind=ERASE, entity="member", entity_id=member_id, member_id=member_id,
        changes={"reason": (None, reason)}, stamp=stamp,
    )  # fmt: skip
    actor = current_actor()
    return ErasureResult(
        member_id=member_id,
        erased_at=stamp.at,
        reason=reason,
        fields=tuple(WIPED_FIELDS),
        member_rows=len(ids),
        strengths_removed=strengths,
        import_items_scrubbed=scrubbed_items,
        merge_logs_scrubbed=len(merges),
        history_values_erased=history,
        user_name=actor.user_name,
        device=actor.device,
    )


def checkpoint_after_erasure(database: Database) -> bool:
    """After the erasure committed: copy the write-ahead log into the database file and empty
    it, so the old values' pages do not linger in ``*-wal``. Best effort (another connection
    reading may keep it); returns True when the log was emptied."""
    return database.checkpoint()
