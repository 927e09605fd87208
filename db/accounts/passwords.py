"""Password hashing (argon2id) and the rules a new password must meet."""

from __future__ import annotations

import unicodedata

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 8
MAX_LENGTH = 256

# argon2id with RFC 9106's "second recommended" (low-memory) profile, argon2-cffi's default:
# 3 passes over 64 MiB, 4 lanes, ~0.1 s on an office PC. Hashes made with other parameters are
# re-hashed with these at the next good login (check_needs_rehash).
HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4)


def normalise(password: str) -> str:
    """NFC, so the same Thai typed with another keyboard layout or IME matches."""
    return unicodedata.normalize("NFC", password)


def password_problem(password: str, *, username: str = "") -> str | None:
    """The error code for a password that may not be used, or None when it is fine."""
    password = normalise(password)
    if len(password) < MIN_LENGTH:
        return "password_too_short"
    if len(password) > MAX_LENGTH:
        return "password_too_long"
    if not password.strip():
        return "password_blank"
    if username and password.casefold() == username.casefold():
        return "password_is_username"
    return None


def hash_password(password: str) -> str:
    return HASHER.hash(normalise(password))


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, normalise(password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    try:
        return HASHER.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


# Verified against when the user name is unknown, so that an unknown name takes as long to
# refuse as a wrong password (the time does not tell which names exist).
_DUMMY_HASH: str | None = None


def spend_verify_time(password: str) -> None:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = HASHER.hash("not a password of anyone")
    verify_password(_DUMMY_HASH, password)
