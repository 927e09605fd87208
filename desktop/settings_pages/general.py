"""General settings: interface language, the era dates are shown in, Thai digits in documents.

The strings keep the context "SettingsDialog", where they lived before the window had pages, so
their Thai translations carry over.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

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


class GeneralPage(QWidget):
    """Language, era and Thai digits; :meth:`save` stores them and switches the language."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generalSettingsPage")

        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        for code, name in i18n.LANGUAGES.items():
            self.language_combo.addItem(name, code)  # each language under its own name
        _select(self.language_combo, i18n.current_language())

        self.era_combo = QComboBox(self)
        self.era_combo.setObjectName("dateEraCombo")
        self.era_combo.addItem("", "BE")
        self.era_combo.addItem("", "CE")
        _select(self.era_combo, date_era())

        self.thai_digits_check = QCheckBox(self)
        self.thai_digits_check.setObjectName("thaiDigitsCheck")
        self.thai_digits_check.setChecked(thai_digits_in_documents())

        self._note = QLabel(self)
        self._note.setObjectName("settingsNote")
        self._note.setWordWrap(True)

        self._form = QFormLayout()
        self._language_label = QLabel(self)
        self._era_label = QLabel(self)
        self._documents_label = QLabel(self)
        self._language_label.setBuddy(self.language_combo)
        self._era_label.setBuddy(self.era_combo)
        self._form.addRow(self._language_label, self.language_combo)
        self._form.addRow(self._era_label, self.era_combo)
        self._form.addRow(self._documents_label, self.thai_digits_check)

        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self._note)
        layout.addStretch(1)
        self._saved = self._state()
        self.retranslate()

    def title(self) -> str:
        return QCoreApplication.translate("SettingsDialog", "General")

    def retranslate(self) -> None:
        this_year = dt.date.today().year
        self.era_combo.setItemText(
            0,
            QCoreApplication.translate("SettingsDialog", "Buddhist era (B.E. %1)").replace(
                "%1", str(this_year + 543)
            ),
        )
        self.era_combo.setItemText(
            1,
            QCoreApplication.translate("SettingsDialog", "Common era (C.E. %1)").replace(
                "%1", str(this_year)
            ),
        )
        self.thai_digits_check.setText(
            QCoreApplication.translate("SettingsDialog", "Write numbers in Thai digits (๑๒๓)")
        )
        self._note.setText(
            QCoreApplication.translate(
                "SettingsDialog",
                "Dates are always stored the same way; the era only changes how they are shown."
                " Thai digits apply to printed documents.",
            )
        )
        self._language_label.setText(QCoreApplication.translate("SettingsDialog", "&Language:"))
        self._era_label.setText(QCoreApplication.translate("SettingsDialog", "&Years in dates:"))
        self._documents_label.setText(QCoreApplication.translate("SettingsDialog", "Documents:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def selected_language(self) -> str:
        return str(self.language_combo.currentData())

    def selected_era(self) -> Era:
        return "CE" if self.era_combo.currentData() == "CE" else "BE"

    def _state(self) -> tuple[str, Era, bool]:
        return self.selected_language(), self.selected_era(), self.thai_digits_check.isChecked()

    def is_modified(self) -> bool:
        return self._state() != self._saved

    def validate(self) -> bool:
        return True  # every choice offered is valid

    def save(self) -> None:
        """Store the era and digits; switch the interface language when it changed."""
        save_display_settings(
            era=self.selected_era(), thai_digits=self.thai_digits_check.isChecked()
        )
        language = self.selected_language()
        app = QCoreApplication.instance()
        if language != i18n.current_language() and app is not None:
            i18n.set_language(app, language)  # saved, and every window retranslates now
        else:
            i18n.save_language(language)
        self._saved = self._state()


def _select(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))
