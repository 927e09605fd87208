"""Confirming an erasure: what is wiped, what is kept, why, and typing a confirmation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.privacy.erasure import MAX_REASON_LENGTH
from db.thai.digits import to_arabic_digits

CONFIRM_WORD = "ลบ"  # "delete": typed instead of the ID's last four digits


def wiped_labels() -> list[str]:
    return [
        QCoreApplication.translate(
            "EraseMemberDialog", "title, first and last name (Thai and English), nickname"
        ),
        QCoreApplication.translate(
            "EraseMemberDialog", "national ID, date of birth, membership number"
        ),
        QCoreApplication.translate(
            "EraseMemberDialog", "mobile and office phone, e-mail, LINE ID, address"
        ),
        QCoreApplication.translate(
            "EraseMemberDialog", "position (text), notes, purpose of consent, strengths"
        ),
        QCoreApplication.translate(
            "EraseMemberDialog",
            "the old values of these fields in the history, import and merge logs",
        ),
    ]


def kept_labels() -> list[str]:
    return [
        QCoreApplication.translate(
            "EraseMemberDialog", "organisation and province, gender, personnel type"
        ),
        QCoreApplication.translate(
            "EraseMemberDialog", "position type and level, status, membership dates"
        ),
        QCoreApplication.translate(
            "EraseMemberDialog", "groups and roles, dues payments (for the accounts)"
        ),
    ]


class EraseMemberDialog(QDialog):
    """Asks for the reason and a typed confirmation; ``reason()`` after ``accept``."""

    def __init__(self, *, name: str, national_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eraseMemberDialog")
        self.setWindowTitle(self.tr("Erase personal data"))
        self._last_digits = national_id[-4:] if len(national_id) >= 4 else ""
        intro = QLabel(
            self.tr(
                "The personal data of <b>{name}</b> will be erased for good. This cannot be"
                " undone; backups made before now still hold it until they are rotated away."
            ).format(name=_escape(name)),
            self,
        )
        intro.setObjectName("eraseIntro")
        intro.setWordWrap(True)
        lists = QLabel(self._lists_html(), self)
        lists.setObjectName("eraseFieldLists")
        lists.setWordWrap(True)
        lists.setTextFormat(Qt.TextFormat.RichText)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("eraseReason")
        self.reason.setMaxLength(MAX_REASON_LENGTH)
        self.reason.setPlaceholderText(self.tr("e.g. the member's written request of 1 Oct 2569"))
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("eraseConfirm")
        if self._last_digits:
            prompt = self.tr("Type the last 4 digits of the national ID, or the word {word}")
        else:
            prompt = self.tr("Type the word {word}")
        form = QFormLayout()
        form.addRow(self.tr("Reason (kept in the history):"), self.reason)
        form.addRow(prompt.format(word=CONFIRM_WORD) + ":", self.confirm)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.erase_button = QPushButton(self.tr("Erase for good"), self)
        self.erase_button.setObjectName("eraseButton")
        self.erase_button.setStyleSheet("color: #b00020; font-weight: bold")
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(lists)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self._update()
        self.resize(560, self.sizeHint().height())

    def _lists_html(self) -> str:
        wiped = "".join(f"<li>{_escape(x)}</li>" for x in wiped_labels())
        kept = "".join(f"<li>{_escape(x)}</li>" for x in kept_labels())
        wiped_heading = _escape(self.tr("Wiped:"))
        kept_heading = _escape(self.tr("Kept for statistics:"))
        shown_as = _escape(self.tr("The list will show the member as “ข้อมูลถูกลบ”."))
        return (
            f"<p><b>{wiped_heading}</b></p><ul>{wiped}</ul>"
            f"<p><b>{kept_heading}</b></p><ul>{kept}</ul>"
            f"<p>{shown_as}</p>"
        )

    def confirmed(self) -> bool:
        typed = to_arabic_digits(self.confirm.text().strip())
        return typed == CONFIRM_WORD or (bool(self._last_digits) and typed == self._last_digits)

    def reason_text(self) -> str:
        return " ".join(self.reason.text().split())

    def _update(self) -> None:
        self.erase_button.setEnabled(self.confirmed() and bool(self.reason_text()))

    def accept(self) -> None:
        if self.confirmed() and self.reason_text():
            super().accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
