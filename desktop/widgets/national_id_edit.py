"""A national ID field that checks the 13 digits and the check digit as they are typed.

The status line (its `status_label()`, placed by the form) says how many digits are typed,
"✓ valid", or what is wrong; leaving the field groups the digits as 1-2345-67890-12-1.
Separators, spaces and Thai digits are accepted (db.thai.national_id).

Its texts are translated in the member form's context, where they were first written.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from db.thai.digits import to_arabic_digits
from db.thai.national_id import NationalIdError, format_national_id, normalize_national_id

ERROR_STYLE = "color: #c62828"
OK_STYLE = "color: #2e7d32"
NOTE_STYLE = "color: #5f6b73"


class NationalIdEdit(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(30)
        self.setPlaceholderText("1-2345-67890-12-1")
        self._status = QLabel(parent)
        self._status.setWordWrap(False)
        self.textChanged.connect(self._check)
        self.editingFinished.connect(self.format_digits)

    def status_label(self) -> QLabel:
        return self._status

    def status_text(self) -> str:
        return self._status.text()

    def is_valid(self) -> bool:
        """True when the field holds a valid ID (an empty field is not an ID)."""
        try:
            normalize_national_id(self.text())
        except NationalIdError:
            return False
        return True

    def format_digits(self) -> None:
        """Show a valid ID grouped as 1-2345-67890-12-1 (other text is left as typed)."""
        try:
            formatted = format_national_id(normalize_national_id(self.text()))
        except NationalIdError:
            return
        if formatted != self.text():
            self.setText(formatted)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._check(self.text())
        super().changeEvent(event)

    def _check(self, text: str) -> None:
        digits = [c for c in to_arabic_digits(text) if c.isdigit()]
        if not text.strip():
            self._show("", NOTE_STYLE)
            return
        try:
            normalize_national_id(text)
        except NationalIdError as error:
            if error.reason == "wrong_length" and len(digits) < 13:
                self._show(
                    QCoreApplication.translate("MemberForm", "{count} of 13 digits").format(
                        count=len(digits)
                    ),
                    NOTE_STYLE,
                )
            elif error.reason == "bad_checksum":
                self._show(
                    QCoreApplication.translate(
                        "MemberForm",
                        "✗ The check digit does not match: a digit was probably mistyped",
                    ),
                    ERROR_STYLE,
                )
            else:
                self._show(
                    QCoreApplication.translate("MemberForm", "✗ A national ID has 13 digits"),
                    ERROR_STYLE,
                )
            return
        self._show(QCoreApplication.translate("MemberForm", "✓ Valid national ID"), OK_STYLE)

    def _show(self, text: str, style: str) -> None:
        self._status.setStyleSheet(style)
        self._status.setText(text)
