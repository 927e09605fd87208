"""First-start set-up of a database, and keeping derived data current on every start.

- Reference data is loaded on first start and refreshed when the shipped files change.
- This installation gets its own office and site id.
- Thai sort keys stored in ``*_key`` columns are rebuilt when ICU's collation changes (a new
  ICU may change the key bytes, which would silently break ORDER BY on stored keys).
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, text

from db.engine import Database
from db.identity import SITE_ID_KEY, THIS_OFFICE_KEY, clock_for, new_site_id
from db.ids import new_id
from db.models.base import utc_now_iso
from db.reference.loader import load_reference_data, update_reference_data
from db.reference.paths import reference_dir
from db.thai.collation import collation_version, thai_sort_key

DEFAULT_OFFICE_NAME = "สำนักงานของฉัน"
REFERENCE_DIGEST_KEY = "reference_digest"
COLLATION_VERSION_KEY = "collation_version"
KEY_BATCH = 20_000


def ensure_initialised(database: Database) -> None:
    """Load or refresh reference data, give the database an identity, keep sort keys current."""
    with database.engine.begin() as connection:
        settings = dict(connection.execute(text("SELECT key, value FROM local_setting")).all())
        digest = reference_digest()
        if not connection.execute(text("SELECT 1 FROM region LIMIT 1")).first():
            load_reference_data(connection)
            _set(connection, REFERENCE_DIGEST_KEY, digest)
        elif settings.get(REFERENCE_DIGEST_KEY) != digest:
            update_reference_data(connection)
            _set(connection, REFERENCE_DIGEST_KEY, digest)
        if THIS_OFFICE_KEY not in settings:
            _create_identity(connection)
        version = collation_version()
        if settings.get(COLLATION_VERSION_KEY) not in (None, version):
            rebuild_sort_keys(connection)
        if settings.get(COLLATION_VERSION_KEY) != version:
            _set(connection, COLLATION_VERSION_KEY, version)


def reference_digest() -> str:
    """A digest of every shipped reference file, to notice an updated release."""
    digest = hashlib.sha256()
    for path in sorted(reference_dir().rglob("*.csv")):
        digest.update(path.relative_to(reference_dir()).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def rebuild_sort_keys(connection: Connection) -> None:
    """Recompute every stored Thai sort key with the collator in use now."""
    from db.members._keys import member_name_key

    specs = [
        ("province", "code", "name_th"),
        ("organisation", "id", "name"),
        ("network_group", "id", "name"),
    ]
    for table, key, column in specs:
        rows = connection.exec_driver_sql(f"SELECT {key}, {column} FROM {table}").all()
        if not rows:
            continue
        connection.exec_driver_sql(
            f"UPDATE {table} SET name_key = ? WHERE {key} = ?",
            [(thai_sort_key(value or ""), ident) for ident, value in rows],
        )
    result = connection.exec_driver_sql("SELECT rowid, first_name, last_name, position FROM member")
    while batch := result.fetchmany(KEY_BATCH):
        connection.exec_driver_sql(
            "UPDATE member SET name_key = ?, position_key = ? WHERE rowid = ?",
            [
                (member_name_key(first, last), thai_sort_key(position or ""), rowid)
                for rowid, first, last, position in batch
            ],
        )


def _create_identity(connection: Connection) -> None:
    site_id = new_site_id()
    office_id = new_id()
    now = utc_now_iso()
    connection.execute(
        text(
            "INSERT INTO office (id, owner_office_id, created_at, updated_at, hlc, name,"
            " address, phone) VALUES (:id, :id, :now, :now, :hlc, :name, '', '')"
        ),
        {
            "id": office_id,
            "now": now,
            "hlc": str(clock_for(site_id).now()),
            "name": DEFAULT_OFFICE_NAME,
        },
    )
    _set(connection, THIS_OFFICE_KEY, office_id)
    _set(connection, SITE_ID_KEY, site_id)


def _set(connection: Connection, key: str, value: str) -> None:
    connection.execute(
        text(
            "INSERT INTO local_setting (key, value) VALUES (:key, :value)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"key": key, "value": value},
    )
