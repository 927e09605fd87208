"""The change history of the register: who changed what, when, on which PC; undo from it.

- ``actor``: :class:`Actor`, :func:`current_actor`, :func:`set_current_actor`;
- ``record``: writing history rows in the write's own transaction (the write paths call it);
- ``read``: :func:`member_history`, :func:`recent_operations` (plain dataclasses);
- ``undo``: :func:`undo_last_operation`, :func:`last_undoable`;
- ``privacy``: :func:`erase_member_values` for the PDPA's right to erasure.

Names are imported on first use, so the write paths can import ``db.history.record`` without
pulling in the modules that import them back.
"""

from __future__ import annotations

import importlib
from typing import Any

from db.history.actor import Actor, current_actor, set_current_actor

_LAZY = {
    "FieldChange": "db.history.read",
    "HistoryEntry": "db.history.read",
    "OperationSummary": "db.history.read",
    "member_history": "db.history.read",
    "recent_operations": "db.history.read",
    "history_for_operation": "db.history.read",
    "UndoError": "db.history.undo",
    "UndoResult": "db.history.undo",
    "last_undoable": "db.history.undo",
    "undo_last_operation": "db.history.undo",
    "erase_member_values": "db.history.privacy",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'db.history' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = ["Actor", "current_actor", "set_current_actor", *_LAZY]
