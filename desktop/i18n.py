"""Translations: Thai by default, English selectable and remembered in the settings.

Source strings are English and go through ``tr()`` / ``QCoreApplication.translate``; the Thai
catalogue is ``resources/translations/khrueakhai_th.ts`` (update it with ``python -m tools.i18n
update``), compiled to ``.qm`` by ``scripts/setup.sh`` and by the bundle build. When the ``.qm``
is missing or older than its ``.ts`` (a developer just edited it), it is compiled into the user's
cache folder at start-up, if ``pyside6-lrelease`` is available.

Qt's own strings (OK, Cancel, the text-field context menu, ...) come from Qt's ``qtbase_th``
catalogue when the Qt installation has one, and otherwise from ours (Qt 6 ships none for Thai).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from db.reference.types import Language
from desktop import settings

log = logging.getLogger(__name__)

# Each language is offered under its own name, so it is not translated.
LANGUAGES: dict[str, str] = {"th": "ไทย", "en": "English"}
DEFAULT_LANGUAGE = "th"
CATALOGUE = "khrueakhai"
QT_CATALOGUE = "qtbase"

_LOCALES = {
    "th": (QLocale.Language.Thai, QLocale.Country.Thailand),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),  # day-month-year, as in Thai
}

_installed: list[QTranslator] = []
_current: str | None = None


def translations_dir() -> Path:
    return settings.resource_dir() / "translations"


def saved_language() -> str:
    value = settings.settings().value(settings.LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    _check(language)
    store = settings.settings()
    store.setValue(settings.LANGUAGE_KEY, language)
    store.sync()


def current_language() -> str:
    """The language installed last (the saved one before anything is installed)."""
    return _current or saved_language()


def interface_language() -> Language:
    """:func:`current_language` as the core's language type (for labels the core names)."""
    return "en" if current_language() == "en" else "th"


def qt_tool(name: str) -> str:
    """The path of ``pyside6-<name>`` (lrelease, lupdate) next to this Python or on PATH.

    Raises LookupError when there is none (a bundle, or PySide6 without its tools).
    """
    tool = f"pyside6-{name}"
    scripts = Path(sys.executable).parent  # a virtual environment's bin/ or Scripts\
    found = shutil.which(tool, path=str(scripts)) or shutil.which(tool)
    if found is None:
        raise LookupError(f"{tool} was not found")
    return found


def compile_catalogue(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` with lrelease (raises LookupError when there is none)."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True
    )


def qm_file(name: str) -> Path | None:
    """The compiled catalogue ``name`` (e.g. ``khrueakhai_th``) that is current with its .ts."""
    ts = translations_dir() / f"{name}.ts"
    qm = ts.with_suffix(".qm")
    if not ts.exists():  # a bundle ships only the .qm
        return qm if qm.exists() else None
    if _up_to_date(qm, ts):
        return qm
    cached = settings.cache_dir() / "translations" / f"{name}.qm"
    if _up_to_date(cached, ts):
        return cached
    try:
        compile_catalogue(ts, cached)
    except (OSError, LookupError, subprocess.CalledProcessError) as error:
        log.warning("could not compile %s (%s); using %s", ts, error, qm if qm.exists() else None)
        return qm if qm.exists() else None
    log.info("compiled %s into %s", ts.name, cached)
    return cached


def install(app: QCoreApplication, language: str | None = None) -> str:
    """Install the translators for ``language`` (default: the saved one); returns it.

    Replaces the translators installed before, so widgets get a LanguageChange event.
    """
    global _current
    language = language or saved_language()
    _check(language)
    # Recorded first: widgets that ask current_language() on the LanguageChange event that
    # removing and installing translators sends must get the new one.
    _current = language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(*_LOCALES[language]))
    if language != "en":
        # Installed last is asked first: our app catalogue, then Qt's, then our Qt fallback.
        _load(app, qm_file(f"{QT_CATALOGUE}_{language}"))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_own = Path(qt_dir) / f"{QT_CATALOGUE}_{language}.qm"
        if qt_own.exists():
            _load(app, qt_own)
        if _load(app, qm_file(f"{CATALOGUE}_{language}")) is None:
            log.warning("no %s translation found in %s", language, translations_dir())
    else:
        # English is the source language: its catalogue only holds the plural forms of
        # counted strings ("1 member", "2 members" for "%Ln member(s)").
        _load(app, qm_file(f"{CATALOGUE}_en"))
    return language


def set_language(app: QCoreApplication, language: str) -> None:
    """Remember ``language`` and switch to it now."""
    save_language(language)
    install(app, language)


def installed_catalogues() -> list[str]:
    """The files of the translators installed now (for the self-check and the tests)."""
    return [translator.filePath() for translator in _installed]


def _load(app: QCoreApplication, qm: Path | None) -> QTranslator | None:
    if qm is None:
        return None
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        log.warning("could not load the translation %s", qm)
        return None
    app.installTranslator(translator)
    _installed.append(translator)
    return translator


def _up_to_date(qm: Path, ts: Path) -> bool:
    return qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime


def _check(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {sorted(LANGUAGES)}")
