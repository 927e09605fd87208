"""The PDPA right to erasure in history: the values go, the fact of a change stays."""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from sqlmodel import Session

from db.identity import new_stamp
from db.members._sql import dbapi


def erase_member_values(session: Session, member_id: str, fields: Collection[str]) -> int:
    """Wipe the old and new values of ``fields`` in the member's history; returns how many
    history rows (and import log rows, whose old values the history shows) were changed.

    A wiped change stays in the history as "changed, value erased" (``FieldChange.erased``);
    an undo that would need the value is refused (``values_erased``). Writes nothing personal,
    and records no history row of its own (the erasure is logged by its caller).
    """
    wanted = set(fields)
    if not wanted:
        return 0
    connection = dbapi(session)
    stamp = new_stamp(session)
    updates: list[tuple[str, str, str, str]] = []
    for row_id, changes_json in connection.execute(
        "SELECT id, changes_json FROM history WHERE member_id = ?", (member_id,)
    ).fetchall():
        changes: dict[str, Any] = json.loads(changes_json or "{}")
        hit = [name for name in wanted if changes.get(name) is not None]
        if hit:
            changes.update(dict.fromkeys(hit))
            updates.append((json.dumps(changes, ensure_ascii=False), stamp.at, stamp.hlc, row_id))
    connection.executemany(
        "UPDATE history SET changes_json = ?, updated_at = ?, hlc = ? WHERE id = ?", updates
    )
    items: list[tuple[str, int]] = []
    for item_id, old_json in connection.execute(
        "SELECT id, old_values_json FROM import_run_item WHERE member_id = ?", (member_id,)
    ).fetchall():
        old: dict[str, Any] = json.loads(old_json or "{}")
        if wanted & old.keys():
            kept = {name: value for name, value in old.items() if name not in wanted}
            items.append((json.dumps(kept, ensure_ascii=False), item_id))
    connection.executemany("UPDATE import_run_item SET old_values_json = ? WHERE id = ?", items)
    return len(updates) + len(items)
