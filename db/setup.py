"""First-start set-up of a database: reference data and this installation's identity."""

from __future__ import annotations

from sqlalchemy import text

from db.engine import Database
from db.identity import SITE_ID_KEY, THIS_OFFICE_KEY, clock_for, new_site_id
from db.ids import new_id
from db.models.base import utc_now_iso
from db.reference.loader import load_reference_data

DEFAULT_OFFICE_NAME = "สำนักงานของฉัน"


def ensure_initialised(database: Database) -> None:
    """Load reference data if the database has none, and give it an office and a site id."""
    with database.engine.begin() as connection:
        has_reference = connection.execute(text("SELECT 1 FROM region LIMIT 1")).first()
        if not has_reference:
            load_reference_data(connection)
        settings = dict(connection.execute(text("SELECT key, value FROM local_setting")).all())
        if THIS_OFFICE_KEY in settings:
            return
        site_id = new_site_id()
        office_id = new_id()
        now = utc_now_iso()
        connection.execute(
            text(
                "INSERT INTO office (id, owner_office_id, created_at, updated_at, hlc, name,"
                " address, phone) VALUES (:id, :id, :now, :now, :hlc, :name, '', '')"
            ),
            {"id": office_id, "now": now, "hlc": str(clock_for(site_id).now()),
             "name": DEFAULT_OFFICE_NAME},
        )
        connection.execute(
            text("INSERT INTO local_setting (key, value) VALUES (:k1, :v1), (:k2, :v2)"),
            {"k1": THIS_OFFICE_KEY, "v1": office_id, "k2": SITE_ID_KEY, "v2": site_id},
        )
