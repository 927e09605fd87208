"""The Association page: the names, address, contacts, logo and signatories that printed
documents use. Read from and saved to the database through ``db.association`` on the app's
database executor; nothing is stored until the settings window's OK or Apply."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db import association as assoc
from db.association import AssociationProfile, AssociationProfileError
from db.members.types import FieldError
from desktop.db_worker import Changes, DbExecutor
from desktop.settings_pages import logo
from desktop.settings_pages.signatories import SignatoriesEditor

PREVIEW_SIDE = 96
ERROR_STYLE = "color: #b00020;"
CHANGES = Changes.of("association")


class AssociationPage(QWidget):
    def __init__(self, executor: DbExecutor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("associationSettingsPage")
        self._executor = executor
        self._logo: bytes | None = None
        self._logo_problem: FieldError | None = None  # the last chosen file's, until resolved

        self.name_th_edit = self._line_edit("associationNameThEdit", assoc.MAX_NAME_LENGTH)
        self.name_en_edit = self._line_edit("associationNameEnEdit", assoc.MAX_NAME_LENGTH)
        self.address_edit = QPlainTextEdit(self)
        self.address_edit.setObjectName("associationAddressEdit")
        self.address_edit.setTabChangesFocus(True)
        line = self.address_edit.fontMetrics().lineSpacing()
        self.address_edit.setFixedHeight(line * 4 + 14)
        self.phone_edit = self._line_edit("associationPhoneEdit", assoc.MAX_LINE_LENGTH)
        self.email_edit = self._line_edit("associationEmailEdit", assoc.MAX_LINE_LENGTH)

        self.logo_preview = QLabel(self)
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(PREVIEW_SIDE + 8, PREVIEW_SIDE + 8)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("QLabel { border: 1px solid palette(mid); }")
        self.choose_logo_button = QPushButton(self)
        self.choose_logo_button.setObjectName("chooseLogoButton")
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton(self)
        self.remove_logo_button.setObjectName("removeLogoButton")
        self.remove_logo_button.clicked.connect(self.remove_logo)
        self._logo_note = QLabel(self)
        self._logo_note.setWordWrap(True)
        button_row = QHBoxLayout()
        button_row.addWidget(self.choose_logo_button)
        button_row.addWidget(self.remove_logo_button)
        button_row.addStretch(1)
        logo_buttons = QVBoxLayout()
        logo_buttons.addLayout(button_row)
        logo_buttons.addWidget(self._logo_note)
        logo_buttons.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addLayout(logo_buttons, 1)

        self.signatories = SignatoriesEditor(self)
        self.signatories.changed.connect(self._clear_errors)

        self.errors_label = QLabel(self)
        self.errors_label.setObjectName("associationErrors")
        self.errors_label.setWordWrap(True)
        self.errors_label.setStyleSheet(ERROR_STYLE)
        self.errors_label.setTextFormat(Qt.TextFormat.PlainText)
        self.errors_label.hide()

        self._labels = {
            name: QLabel(self)
            for name in ("name_th", "name_en", "address", "phone", "email", "logo")
        }
        form = QFormLayout()
        form.addRow(self._labels["name_th"], self.name_th_edit)
        form.addRow(self._labels["name_en"], self.name_en_edit)
        form.addRow(self._labels["address"], self.address_edit)
        form.addRow(self._labels["phone"], self.phone_edit)
        form.addRow(self._labels["email"], self.email_edit)
        form.addRow(self._labels["logo"], logo_row)
        for name, buddy in (
            ("name_th", self.name_th_edit),
            ("name_en", self.name_en_edit),
            ("address", self.address_edit),
            ("phone", self.phone_edit),
            ("email", self.email_edit),
        ):
            self._labels[name].setBuddy(buddy)
        self._signatories_box = QGroupBox(self)
        box_layout = QVBoxLayout(self._signatories_box)
        box_layout.addWidget(self.signatories)

        inner = QWidget(self)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addWidget(self.errors_label)
        inner_layout.addLayout(form)
        inner_layout.addWidget(self._signatories_box)
        inner_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        for edit in (self.name_th_edit, self.name_en_edit, self.phone_edit, self.email_edit):
            edit.textEdited.connect(self._clear_errors)
        self.address_edit.textChanged.connect(self._clear_errors)

        self._saved = self._executor.read_now(assoc.association_profile)  # one row: quick
        self.show_profile(self._saved)
        self.retranslate()

    def _line_edit(self, name: str, limit: int) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMaxLength(limit)
        edit.setClearButtonEnabled(True)
        return edit

    # -- texts -------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Association")

    def retranslate(self) -> None:
        self._labels["name_th"].setText(self.tr("&Name (Thai):"))
        self._labels["name_en"].setText(self.tr("Name (&English):"))
        self._labels["address"].setText(self.tr("A&ddress:"))
        self._labels["phone"].setText(self.tr("&Phone:"))
        self._labels["email"].setText(self.tr("E-&mail:"))
        self._labels["logo"].setText(self.tr("Logo:"))
        self.name_th_edit.setPlaceholderText(self.tr("e.g. สมาคมปลัดองค์กรปกครองส่วนท้องถิ่น"))
        self.phone_edit.setPlaceholderText(self.tr("e.g. 0 2123 4567 ต่อ 12"))
        self.choose_logo_button.setText(self.tr("&Choose image…"))
        self.remove_logo_button.setText(self.tr("Remo&ve logo"))
        self._logo_note.setText(
            self.tr(
                "PNG, JPEG or another image; larger than %1 pixels is scaled down."
                " Use the association's own logo, never the Garuda emblem."
            ).replace("%1", str(assoc.MAX_LOGO_SIDE))
        )
        self._signatories_box.setTitle(
            self.tr("Signatories on documents (at most %1)").replace(
                "%1", str(assoc.MAX_SIGNATORIES)
            )
        )
        self._show_logo()
        if self.errors_label.isVisible():
            self.validate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- contents ----------------------------------------------------------------------------
    def show_profile(self, profile: AssociationProfile) -> None:
        self.name_th_edit.setText(profile.name_th)
        self.name_en_edit.setText(profile.name_en)
        self.address_edit.setPlainText(profile.address)
        self.phone_edit.setText(profile.phone)
        self.email_edit.setText(profile.email)
        self._logo = profile.logo_png
        self._logo_problem = None
        self.signatories.set_signatories(profile.signatories)
        self._show_logo()
        self._clear_errors()

    def profile(self) -> AssociationProfile:
        """What the page holds now, as typed."""
        return AssociationProfile(
            name_th=self.name_th_edit.text(),
            name_en=self.name_en_edit.text(),
            address=self.address_edit.toPlainText(),
            phone=self.phone_edit.text(),
            email=self.email_edit.text(),
            logo_png=self._logo,
            signatories=self.signatories.signatories(),
        )

    def saved_profile(self) -> AssociationProfile:
        return self._saved

    def is_modified(self) -> bool:
        return assoc.normalise_profile(self.profile()) != assoc.normalise_profile(self._saved)

    # -- the logo ----------------------------------------------------------------------------
    def choose_logo(self) -> None:
        patterns = " ".join(f"*.{fmt}" for fmt in logo.image_file_formats())
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the association's logo"),
            "",
            self.tr("Images (%1)").replace("%1", patterns),
        )
        if path:
            self.load_logo_file(Path(path))

    def load_logo_file(self, path: Path) -> bool:
        """Take the image at ``path`` as the logo (scaled down); on a problem keep the current
        logo and show why. True when it was taken."""
        try:
            png = logo.logo_png_from_file(path)
        except logo.LogoError as error:
            self._logo_problem = FieldError("logo_png", error.code, str(error))
            self._show_errors([self._logo_problem])
            return False
        self._logo = png
        self._logo_problem = None
        self._show_logo()
        self._clear_errors()
        return True

    def remove_logo(self) -> None:
        self._logo = None
        self._logo_problem = None
        self._show_logo()
        self._clear_errors()

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self._logo is not None and pixmap.loadFromData(self._logo, "PNG"):
            side = PREVIEW_SIDE * self.devicePixelRatioF()
            scaled = pixmap.scaled(
                int(side),
                int(side),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            scaled.setDevicePixelRatio(self.devicePixelRatioF())
            self.logo_preview.setPixmap(scaled)
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("No logo"))
        self.remove_logo_button.setEnabled(self._logo is not None)

    # -- checking and saving -----------------------------------------------------------------
    def validate(self) -> bool:
        """Show every problem on the page; True when it may be saved."""
        errors = list(assoc.validate_profile(assoc.normalise_profile(self.profile())))
        if self._logo_problem is not None:
            errors.insert(0, self._logo_problem)
        if errors:
            self._show_errors(errors)
            return False
        self._clear_errors()
        return True

    async def save(self) -> bool:
        """Store the page's profile when it changed; False (with the problems shown) when the
        database refused it."""
        if not self.is_modified():
            return True
        profile = self.profile()
        try:
            await self._executor.write(
                assoc.save_association_profile, changes=CHANGES, initiator=self, profile=profile
            )
        except AssociationProfileError as error:
            self._show_errors(list(error.errors))
            return False
        self._saved = assoc.normalise_profile(profile)
        return True

    def _clear_errors(self) -> None:
        self.errors_label.clear()
        self.errors_label.hide()

    def _show_errors(self, errors: list[FieldError]) -> None:
        self.errors_label.setText("\n".join(self.error_text(e) for e in errors))
        self.errors_label.show()

    def error_text(self, error: FieldError) -> str:
        """The user's words for one problem."""
        row = error.field.split(".")[1] if error.field.startswith("signatories.") else ""
        number = str(int(row) + 1) if row.isdigit() else ""
        field_names = {
            "name_th": self.tr("Name (Thai)"),
            "name_en": self.tr("Name (English)"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
        }
        texts = {
            assoc.MISSING_NAME: self.tr(
                "Give the association's name in Thai: documents print it above the other details."
            ),
            assoc.INVALID_EMAIL: self.tr("The e-mail address is not valid (name@example.com)."),
            assoc.INVALID_PHONE: self.tr("The phone number needs at least 9 digits."),
            assoc.INVALID_LOGO: self.tr("The logo is not a PNG image: choose the image again."),
            assoc.LOGO_TOO_LARGE: self.tr(
                "The logo is too large even when scaled down: choose a simpler image."
            ),
            logo.UNREADABLE_IMAGE: self.tr(
                "This file cannot be read as an image: choose a PNG or JPEG file."
            ),
            logo.IMAGE_FILE_TOO_LARGE: self.tr(
                "This image file is over %1 MB: a logo needs far less."
            ).replace("%1", str(logo.MAX_IMAGE_FILE_BYTES // (1024 * 1024))),
            logo.IMAGE_TOO_LARGE: self.tr(
                "This image is over %1 pixels on a side: a logo needs far fewer."
            ).replace("%1", f"{logo.MAX_IMAGE_SIDE:,}"),
            assoc.TOO_MANY_SIGNATORIES: self.tr("At most %1 signatories.").replace(
                "%1", str(assoc.MAX_SIGNATORIES)
            ),
            assoc.MISSING_SIGNATORY_NAME: self.tr("Signatory %1: give the name.").replace(
                "%1", number
            ),
            assoc.MISSING_SIGNATORY_TITLE: self.tr(
                "Signatory %1: give the line they sign as (such as นายกสมาคม)."
            ).replace("%1", number),
        }
        if error.code == assoc.TOO_LONG:
            if number:
                return self.tr("Signatory %1: the text is too long.").replace("%1", number)
            return self.tr("%1: the text is too long.").replace(
                "%1", field_names.get(error.field, error.field)
            )
        return texts.get(error.code) or self.tr("This cannot be saved: %1").replace(
            "%1", error.message
        )
