"""The settings dialog: interface language, the era dates are shown in, Thai digits in documents.

The language is kept by ``desktop.i18n`` (QSettings ``ui/language``) and switches at once: the
translators are replaced and every window gets a LanguageChange event. The era and the Thai-digit
choice are kept here under ``display/date_era`` and ``documents/thai_digits``; read them with
``date_era()`` and ``thai_digits_in_documents()``.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from db.thai.dates import Era
from desktop import i18n, settings

DATE_ERA_KEY = "display/date_era"
THAI_DIGITS_KEY = "documents/thai_digits"
ERAS: tuple[Era, ...] = ("BE", "CE")
DEFAULT_ERA: Era = "BE"


def date_era() -> Era:
    """The era dates are shown in: "BE" (พ.ศ., the default) or "CE"."""
    value = settings.settings().value(DATE_ERA_KEY, DEFAULT_ERA)
    return "CE" if value == "CE" else "BE"


def thai_digits_in_documents() -> bool:
    """Whether printed documents write numbers in Thai digits (๑๒๓); default no."""
    value = settings.settings().value(THAI_DIGITS_KEY, False)
    if isinstance(value, str):  # the INI file gives back text
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def save_display_settings(*, era: Era, thai_digits: bool) -> None:
    if era not in ERAS:
        raise ValueError(f"unknown era {era!r}; choose one of {ERAS}")
    store = settings.settings()
    store.setValue(DATE_ERA_KEY, era)
    store.setValue(THAI_DIGITS_KEY, thai_digits)
    store.sync()


class SettingsDialog(QDialog):
    """Settings the user changes rarely. OK saves and applies them; Cancel changes nothing."""

    settings_applied = Signal()  # after OK: re-read date_era() etc.; the language is switched

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(420)

        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)  # each language under its own name
        self._select(self.language_combo, i18n.current_language())

        self.era_combo = QComboBox(self)
        self.era_combo.setObjectName("dateEraCombo")
        this_year = dt.date.today().year
        self.era_combo.addItem(
            self.tr("Buddhist era (B.E. %1)").replace("%1", str(this_year + 543)), "BE"
        )
        self.era_combo.addItem(self.tr("Common era (C.E. %1)").replace("%1", str(this_year)), "CE")
        self._select(self.era_combo, date_era())

        self.thai_digits_check = QCheckBox(self.tr("Write numbers in Thai digits (๑๒๓)"), self)
        self.thai_digits_check.setObjectName("thaiDigitsCheck")
        self.thai_digits_check.setChecked(thai_digits_in_documents())

        note = QLabel(
            self.tr(
                "Dates are always stored the same way; the era only changes how they are shown."
                " Thai digits apply to printed documents."
            ),
            self,
        )
        note.setObjectName("settingsNote")
        note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language_combo)
        form.addRow(self.tr("&Years in dates:"), self.era_combo)
        form.addRow(self.tr("Documents:"), self.thai_digits_check)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("settingsButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def selected_language(self) -> str:
        return str(self.language_combo.currentData())

    def selected_era(self) -> Era:
        return "CE" if self.era_combo.currentData() == "CE" else "BE"

    def accept(self) -> None:
        save_display_settings(
            era=self.selected_era(), thai_digits=self.thai_digits_check.isChecked()
        )
        language = self.selected_language()
        app = QApplication.instance()
        if language != i18n.current_language() and app is not None:
            i18n.set_language(app, language)  # saved, and every window retranslates now
        else:
            i18n.save_language(language)
        super().accept()
        self.settings_applied.emit()
