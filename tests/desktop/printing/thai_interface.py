"""The app's own Thai catalogue installed for a test, and the language before it put back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication

from desktop import i18n


@contextmanager
def thai_interface() -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    before = i18n.current_language()
    i18n.install(app, "th")
    try:
        yield
    finally:
        i18n.install(app, before)
