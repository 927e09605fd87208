"""Fixtures shared by the import tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db.engine import Database, open_database
from tests.db.io.fixtures_import import seed_register


@pytest.fixture
def seeded_database(tmp_path: Path) -> Iterator[Database]:
    """A database with the organisations and the two members of the messy test sheets."""
    database = open_database(tmp_path / "t.sqlite")
    seed_register(database)
    yield database
    database.dispose()
