"""Global record identity: UUID v7 strings, generated where a record is created."""

from __future__ import annotations

import uuid_utils


def new_id() -> str:
    """A time-ordered UUID v7 in canonical text form (36 characters)."""
    return str(uuid_utils.uuid7())


def new_ids(count: int) -> list[str]:
    """`count` UUID v7 strings in creation order, for bulk paths."""
    uuid7 = uuid_utils.uuid7
    return [str(uuid7()) for _ in range(count)]
