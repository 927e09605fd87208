"""The seeded register of the import tests, the executor, and a wizard on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.db_worker import DbExecutor
from desktop.io.import_wizard import ImportWizard
from tests.db.io.fixtures_import import seed_register


@pytest.fixture
def seeded(database: Database) -> tuple[Database, dict[str, str]]:
    return database, seed_register(database)


@pytest.fixture
def executor(seeded: tuple[Database, dict[str, str]]) -> Iterator[DbExecutor]:
    executor = DbExecutor(seeded[0])
    yield executor
    executor.shutdown()


@pytest.fixture
def wizard(executor: DbExecutor, qtbot: QtBot) -> ImportWizard:
    wizard = ImportWizard(executor)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard
