"""Roles, users, the optional login and signing in (db/accounts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from db.accounts import (
    AccountError,
    Action,
    PermissionDenied,
    Permissions,
    Role,
    assert_permitted,
    authenticate,
    create_user,
    disable_login,
    disable_user,
    enable_login,
    enable_user,
    get_user,
    list_users,
    login_required,
    login_settings,
    passwords,
    permissions_for,
    publish_actor,
    set_display_name,
    set_idle_minutes,
    set_password,
    set_role,
    users,
)
from db.engine import Database

PASSWORD = "ลับมาก-2569"


def _user(database: Database, name: str = "somchai", role: Role = Role.ADMIN) -> None:
    with database.session() as session:
        create_user(session, username=name, password=PASSWORD, role=role, display_name="สมชาย")


def _code(database: Database, username: str, password: str) -> str:
    with pytest.raises(AccountError) as caught, database.session() as session:
        authenticate(session, username=username, password=password)
    return caught.value.code


# --- roles -----------------------------------------------------------------------------------


def test_roles_and_their_permissions() -> None:
    admin = permissions_for(Role.ADMIN)
    assert all(getattr(admin, f.name) for f in fields(Permissions))
    secretary = permissions_for("secretary")
    assert secretary.can_edit_members and secretary.can_import and secretary.can_merge
    assert secretary.can_see_personal_data
    assert not secretary.can_delete_history
    assert not secretary.can_erase_personal_data
    assert not secretary.can_manage_users and not secretary.can_restore_backup
    viewer = permissions_for(Role.VIEWER)
    assert not any(getattr(viewer, f.name) for f in fields(Permissions))
    assert permissions_for("no such role") == Permissions()


def test_assert_permitted() -> None:
    assert_permitted(permissions_for(Role.SECRETARY), Action.EDIT_MEMBERS)
    assert_permitted(permissions_for(Role.ADMIN), "can_delete_history")
    with pytest.raises(PermissionDenied) as caught:
        assert_permitted(permissions_for(Role.SECRETARY), Action.DELETE_HISTORY)
    assert caught.value.code == "not_permitted"
    with pytest.raises(PermissionDenied):
        assert_permitted(permissions_for(Role.VIEWER), Action.EDIT_MEMBERS)


# --- settings --------------------------------------------------------------------------------


def test_login_is_off_by_default_and_everyone_is_an_administrator(database: Database) -> None:
    with database.session() as session:
        settings = login_settings(session)
        assert not login_required(session)
    assert settings.enabled is False
    assert settings.default_role is Role.ADMIN
    assert settings.idle_minutes == users.DEFAULT_IDLE_MINUTES


def test_idle_minutes(database: Database) -> None:
    with database.session() as session:
        set_idle_minutes(session, minutes=3)
    with database.session() as session:
        assert login_settings(session).idle_minutes == 3
    for bad in (0, 481, -5):
        with pytest.raises(AccountError) as caught, database.session() as session:
            set_idle_minutes(session, minutes=bad)
        assert caught.value.code == "idle_minutes_invalid"


def test_enable_login_needs_an_active_administrator(database: Database) -> None:
    with pytest.raises(AccountError) as caught, database.session() as session:
        enable_login(session, admin_username="nobody", password=PASSWORD)
    assert caught.value.code == "no_active_admin"
    _user(database, "viewer1", Role.VIEWER)
    with pytest.raises(AccountError) as caught, database.session() as session:
        enable_login(session, admin_username="viewer1", password=PASSWORD)
    assert caught.value.code == "no_active_admin"
    _user(database, "admin1", Role.ADMIN)
    with pytest.raises(AccountError) as caught, database.session() as session:
        enable_login(session, admin_username="viewer1", password=PASSWORD)
    assert caught.value.code == "not_admin"
    with pytest.raises(AccountError) as caught, database.session() as session:
        enable_login(session, admin_username="admin1", password="wrong password")
    assert caught.value.code == "wrong_password"
    with database.session() as session:
        assert not login_required(session)
        user = enable_login(session, admin_username="ADMIN1", password=PASSWORD)
    assert user.username == "admin1"
    with database.session() as session:
        assert login_required(session)
        disable_login(session)
    with database.session() as session:
        assert not login_required(session)


# --- users -----------------------------------------------------------------------------------


def test_create_and_list_users(database: Database) -> None:
    _user(database, "Somchai", Role.SECRETARY)
    _user(database, "ann", Role.VIEWER)
    with database.session() as session:
        listed = list_users(session)
    assert [u.username for u in listed] == ["ann", "Somchai"]
    somchai = listed[1]
    assert somchai.role is Role.SECRETARY
    assert somchai.display_name == "สมชาย" and somchai.label == "สมชาย"
    assert somchai.permissions == permissions_for(Role.SECRETARY)
    assert not somchai.disabled and somchai.last_login_at is None
    with database.session() as session:
        stored = session.execute(text("SELECT password_hash FROM app_user")).scalars().all()
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in stored)


def test_user_names_are_unique_ignoring_case(database: Database) -> None:
    _user(database, "Somchai")
    with pytest.raises(AccountError) as caught, database.session() as session:
        create_user(session, username=" SOMCHAI ", password=PASSWORD, role=Role.VIEWER)
    assert caught.value.code == "username_taken"
    with database.session() as session:
        assert get_user(session, username="somCHAI") is not None


@pytest.mark.parametrize(
    ("username", "password", "role", "code"),
    [
        ("", PASSWORD, "admin", "username_invalid"),
        ("two words", PASSWORD, "admin", "username_invalid"),
        ("x" * 65, PASSWORD, "admin", "username_invalid"),
        ("somsri", "short", "admin", "password_too_short"),
        ("somsri", "ก" * 257, "admin", "password_too_long"),
        ("somsri", " " * 10, "admin", "password_blank"),
        ("somsri12", "SOMSRI12", "admin", "password_is_username"),
        ("somsri", PASSWORD, "boss", "role_invalid"),
    ],
)
def test_bad_input_is_refused_with_a_code(
    database: Database, username: str, password: str, role: str, code: str
) -> None:
    with pytest.raises(AccountError) as caught, database.session() as session:
        create_user(session, username=username, password=password, role=role)
    assert caught.value.code == code
    assert caught.value.message
    with database.session() as session:
        assert list_users(session) == ()


def test_thai_user_names_and_passwords(database: Database) -> None:
    with database.session() as session:
        create_user(session, username="สมศรี", password="รหัสผ่านภาษาไทย", role=Role.VIEWER)
    with database.session() as session:
        user = authenticate(session, username="สมศรี", password="รหัสผ่านภาษาไทย")
    assert user.username == "สมศรี"


def test_managing_users_needs_the_permission(database: Database) -> None:
    secretary = permissions_for(Role.SECRETARY)
    with pytest.raises(PermissionDenied), database.session() as session:
        create_user(session, username="x1", password=PASSWORD, role=Role.ADMIN, by=secretary)
    _user(database, "admin1")
    for call in (
        lambda s: set_role(s, username="admin1", role=Role.VIEWER, by=secretary),
        lambda s: set_password(s, username="admin1", new_password="another-one", by=secretary),
        lambda s: disable_user(s, username="admin1", by=secretary),
        lambda s: set_idle_minutes(s, minutes=5, by=secretary),
        lambda s: disable_login(s, by=secretary),
    ):
        with pytest.raises(PermissionDenied), database.session() as session:
            call(session)
    with database.session() as session:
        create_user(
            session, username="x1", password=PASSWORD, role=Role.VIEWER,
            by=permissions_for(Role.ADMIN),
        )  # fmt: skip


def test_role_password_display_name_and_disabling(database: Database) -> None:
    _user(database, "admin1")
    _user(database, "somsri", Role.SECRETARY)
    with database.session() as session:
        assert set_role(session, username="somsri", role="viewer").role is Role.VIEWER
        set_display_name(session, username="somsri", display_name="สมศรี ใจงาม")
        set_password(session, username="somsri", new_password="ใหม่เอี่ยม-123")
    assert _code(database, "somsri", PASSWORD) == "wrong_password"
    with database.session() as session:
        user = authenticate(session, username="somsri", password="ใหม่เอี่ยม-123")
    assert user.label == "สมศรี ใจงาม" and user.last_login_at is not None
    with database.session() as session:
        disable_user(session, username="somsri")
    assert _code(database, "somsri", "ใหม่เอี่ยม-123") == "user_disabled"
    with database.session() as session:
        enable_user(session, username="somsri")
        authenticate(session, username="somsri", password="ใหม่เอี่ยม-123")
    with pytest.raises(AccountError) as caught, database.session() as session:
        set_password(session, username="somsri", new_password="1234")
    assert caught.value.code == "password_too_short"
    with pytest.raises(AccountError) as caught, database.session() as session:
        set_role(session, username="nobody", role="viewer")
    assert caught.value.code == "no_such_user"


def test_the_last_active_administrator_stays_while_login_is_on(database: Database) -> None:
    _user(database, "admin1")
    _user(database, "admin2")
    with database.session() as session:
        enable_login(session, admin_username="admin1", password=PASSWORD)
        disable_user(session, username="admin2")
    for call in (
        lambda s: set_role(s, username="admin1", role=Role.SECRETARY),
        lambda s: disable_user(s, username="admin1"),
    ):
        with pytest.raises(AccountError) as caught, database.session() as session:
            call(session)
        assert caught.value.code == "no_active_admin"
    with database.session() as session:
        enable_user(session, username="admin2")
        set_role(session, username="admin1", role=Role.SECRETARY)  # admin2 is left
        assert get_user(session, username="admin1").role is Role.SECRETARY  # type: ignore[union-attr]


# --- signing in ------------------------------------------------------------------------------


def test_unknown_user_and_wrong_password_read_the_same(database: Database) -> None:
    _user(database, "somchai")
    assert _code(database, "nobody", PASSWORD) == "unknown_user"
    assert _code(database, "somchai", "wrong password") == "wrong_password"
    assert users.MESSAGES["unknown_user"] == users.MESSAGES["wrong_password"]
    with database.session() as session:
        user = authenticate(session, username="SOMCHAI", password=PASSWORD)
    assert user.username == "somchai"


def test_wrong_passwords_pause_the_user(database: Database) -> None:
    _user(database, "somchai")
    for _ in range(users.FREE_ATTEMPTS):
        assert _code(database, "somchai", "guess-guess") == "wrong_password"
    with pytest.raises(AccountError) as caught, database.session() as session:
        authenticate(session, username="somchai", password=PASSWORD)  # even the right one
    assert caught.value.code == "too_many_attempts"
    assert 0 < caught.value.retry_after <= users.PAUSE_SECONDS + 1
    # When the pause is over, the right password works and the count starts again.
    with database.session() as session:
        past = (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)).isoformat()
        session.execute(text("UPDATE app_user SET locked_until = :t"), {"t": past})
    with database.session() as session:
        authenticate(session, username="somchai", password=PASSWORD)
    with database.session() as session:
        row = session.execute(text("SELECT failed_attempts, locked_until FROM app_user")).one()
    assert tuple(row) == (0, None)


def test_pauses_grow_and_stop_growing() -> None:
    assert users._pause_after(users.FREE_ATTEMPTS - 1) == 0
    assert users._pause_after(users.FREE_ATTEMPTS) == users.PAUSE_SECONDS
    assert users._pause_after(users.FREE_ATTEMPTS + 1) == 2 * users.PAUSE_SECONDS
    assert users._pause_after(100) == users.MAX_PAUSE_SECONDS


def test_an_administrator_reset_ends_the_pause(database: Database) -> None:
    _user(database, "somchai")
    for _ in range(users.FREE_ATTEMPTS):
        _code(database, "somchai", "guess-guess")
    with database.session() as session:
        set_password(session, username="somchai", new_password="a-new-password")
        authenticate(session, username="somchai", password="a-new-password")


def test_login_rehashes_with_the_current_parameters(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _user(database, "somchai")  # hashed with the cheap test parameters
    with database.session() as session:
        old = session.execute(text("SELECT password_hash FROM app_user")).scalar_one()
    assert "m=1024" in old
    stronger = PasswordHasher(time_cost=2, memory_cost=2048, parallelism=1)
    monkeypatch.setattr(passwords, "HASHER", stronger)
    with database.session() as session:
        authenticate(session, username="somchai", password=PASSWORD)
    with database.session() as session:
        new = session.execute(text("SELECT password_hash FROM app_user")).scalar_one()
    assert new != old and "m=2048" in new and not stronger.check_needs_rehash(new)
    with database.session() as session:
        authenticate(session, username="somchai", password=PASSWORD)


def test_production_parameters_are_argon2id_with_64_mib() -> None:
    from importlib import reload

    fresh = reload(passwords)
    assert fresh.HASHER.type.name == "ID"
    assert fresh.HASHER.memory_cost == 64 * 1024 and fresh.HASHER.time_cost >= 3


def test_publish_actor_names_the_signed_in_user(database: Database) -> None:
    from db.history.actor import current_actor, default_actor

    _user(database, "somchai")
    with database.session() as session:
        user = authenticate(session, username="somchai", password=PASSWORD)
    try:
        publish_actor(user)
        actor = current_actor()
        assert (actor.user_id, actor.user_name) == (user.id, "สมชาย")
        assert actor.device == default_actor().device
        publish_actor(None)
        assert current_actor() == default_actor()
    finally:
        publish_actor(None)
