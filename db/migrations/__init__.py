"""Alembic migrations, run programmatically (no alembic.ini): every schema change is one."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent

# Tables made by hand-written SQL in migrations (FTS5 indexes and their shadow tables),
# which the models do not describe and autogenerate must leave alone.
UNMODELLED_TABLE_PREFIXES = ("member_fts",)


def include_in_autogenerate(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    return not (type_ == "table" and name and name.startswith(UNMODELLED_TABLE_PREFIXES))


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def _joined(revisions: Iterable[str]) -> str:
    """Several heads (independent branches, before a merge revision joins them) as one text."""
    return "+".join(sorted(revisions))


def head_revision() -> str:
    """The newest revision: "0004", or "0004_a+0004_b" while two branches are not yet merged."""
    heads = ScriptDirectory(str(MIGRATIONS_DIR)).get_heads()
    assert heads
    return _joined(heads)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        heads = MigrationContext.configure(connection).get_current_heads()
    return _joined(heads) if heads else None


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is there already)."""
    if current_revision(engine) == head_revision():
        return
    command.upgrade(alembic_config(engine), "heads")


def upgrade_to(engine: Engine, revision: str) -> None:
    command.upgrade(alembic_config(engine), revision)
