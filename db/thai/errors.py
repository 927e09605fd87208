"""The error type every ``db.thai`` parser raises.

Each error is a :class:`ValueError` (so ``except ValueError`` keeps working) that also carries a
machine-readable ``code`` (what kind of value was rejected, e.g. ``invalid_phone``) and ``reason``
(why, e.g. ``wrong_length``). Views translate the code and reason; the English message is for logs.

Messages never repeat a national ID or phone number: those are personal data (PDPA) and error
messages end up in logs.
"""

from __future__ import annotations


class ThaiValueError(ValueError):
    """A Thai-format value (national ID, date, phone...) that could not be understood."""

    code: str = "invalid_value"

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason

    @property
    def message(self) -> str:
        return str(self.args[0])
