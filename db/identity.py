"""Who is writing: this installation's office and site, and the stamps every write carries."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlmodel import Session

from db.models.base import utc_now_iso
from db.sync.clock import HybridLogicalClock

THIS_OFFICE_KEY = "this_office_id"
SITE_ID_KEY = "site_id"

_clocks: dict[str, HybridLogicalClock] = {}


@dataclass(frozen=True, slots=True)
class LocalIdentity:
    office_id: str
    site_id: str


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a write puts in the sync fields of the rows it creates or changes."""

    owner_office_id: str
    hlc: str
    at: str


def new_site_id() -> str:
    return secrets.token_hex(6)


def clock_for(site_id: str) -> HybridLogicalClock:
    clock = _clocks.get(site_id)
    if clock is None:
        clock = _clocks.setdefault(site_id, HybridLogicalClock(site_id))
    return clock


def local_identity(session: Session | Connection) -> LocalIdentity:
    rows = dict(
        session.execute(
            text("SELECT key, value FROM local_setting WHERE key IN (:office, :site)"),
            {"office": THIS_OFFICE_KEY, "site": SITE_ID_KEY},
        ).all()
    )
    if THIS_OFFICE_KEY not in rows or SITE_ID_KEY not in rows:
        raise RuntimeError("database not initialised: open it with db.engine.open_database")
    return LocalIdentity(office_id=rows[THIS_OFFICE_KEY], site_id=rows[SITE_ID_KEY])


def new_stamp(session: Session | Connection) -> Stamp:
    identity = local_identity(session)
    return Stamp(
        owner_office_id=identity.office_id,
        hlc=str(clock_for(identity.site_id).now()),
        at=utc_now_iso(),
    )
