"""Accounts in the app: cheap argon2 parameters, users in a temporary database, a fresh
``current_access()`` for every test (a viewer signed in by one test never leaks into the next)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from PySide6.QtWidgets import QApplication

from db.accounts import Role, UserInfo, authenticate, create_user, passwords
from db.engine import Database
from desktop.accounts import reset_access
from desktop.db_worker import DbExecutor

PASSWORD = "รหัสผ่าน-2569"
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "HASHER", FAST_HASHER)


@pytest.fixture(autouse=True)
def fresh_access(qapp: QApplication) -> Iterator[None]:
    reset_access()
    yield
    reset_access()


@pytest.fixture
def users(database: Database) -> dict[str, UserInfo]:
    """admin (สมชาย), secretary (สมศรี), viewer (มานี), all with PASSWORD."""
    made: dict[str, UserInfo] = {}
    with database.session() as session:
        for name, role, display in (
            ("admin", Role.ADMIN, "สมชาย ใจดี"),
            ("secretary", Role.SECRETARY, "สมศรี รักงาน"),
            ("viewer", Role.VIEWER, "มานี มีนา"),
        ):
            create_user(session, username=name, password=PASSWORD, role=role, display_name=display)
    with database.session() as session:
        for name in ("admin", "secretary", "viewer"):
            made[name] = authenticate(session, username=name, password=PASSWORD)
    return made


@pytest.fixture
def executor(database: Database, qapp: QApplication) -> Iterator[DbExecutor]:
    worker = DbExecutor(database)
    yield worker
    worker.shutdown()
