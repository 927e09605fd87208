"""The member editor's fields: built in tab order, read into and out of a `MemberInput`, each
with an error line under it.

The form knows no database: the dialog gives it the reference lists (`ViewLabels`) and the
completers their suggestion sources.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.members.types import MemberInput, OrganisationChoice
from db.thai.text import clean_text
from desktop.members.labels import ViewLabels
from desktop.widgets.be_date_edit import BeDateEdit
from desktop.widgets.national_id_edit import NationalIdEdit
from desktop.widgets.tag_edit import TagEdit

ERROR_STYLE = "color: #c62828"

# Field name (MemberInput) -> objectName of its widget.
OBJECT_NAMES: dict[str, str] = {
    "prefix": "memberPrefix",
    "first_name": "memberFirstName",
    "last_name": "memberLastName",
    "first_name_en": "memberFirstNameEn",
    "last_name_en": "memberLastNameEn",
    "nickname": "memberNickname",
    "national_id": "memberNationalId",
    "birth_date": "memberBirthDate",
    "gender": "memberGender",
    "organisation_id": "memberOrganisation",
    "personnel_type": "memberPersonnelType",
    "position": "memberPosition",
    "position_type": "memberPositionType",
    "position_level": "memberPositionLevel",
    "phone": "memberPhone",
    "phone_office": "memberPhoneOffice",
    "email": "memberEmail",
    "line_id": "memberLineId",
    "address": "memberAddress",
    "membership_no": "memberMembershipNo",
    "status": "memberStatus",
    "joined_on": "memberJoinedOn",
    "expires_on": "memberExpiresOn",
    "strengths": "memberStrengths",
    "consent_date": "memberConsentDate",
    "consent_purpose": "memberConsentPurpose",
    "notes": "memberNotes",
}
# Kept by "save and new" (a data-entry session types many people of one organisation).
KEPT_FOR_NEXT: tuple[str, ...] = (
    "organisation_id",
    "personnel_type",
    "position",
    "position_type",
    "position_level",
    "status",
    "joined_on",
    "consent_date",
    "consent_purpose",
)


def _line(name: str, parent: QWidget, max_length: int = 200) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(OBJECT_NAMES[name])
    edit.setMaxLength(max_length)
    return edit


def _combo(name: str, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(OBJECT_NAMES[name])
    return combo


def _set_combo(combo: QComboBox, code: str) -> None:
    found = combo.findData(code)
    combo.setCurrentIndex(found if found >= 0 else 0)


class MemberForm(QWidget):
    """All fields of a member, with an error line under each."""

    changed = Signal()

    def __init__(self, labels: ViewLabels, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberForm")
        self._labels = labels
        self._organisation: OrganisationChoice | None = None
        self._organisation_text = ""
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._order: list[QWidget] = []

        left = QVBoxLayout()
        right = QVBoxLayout()
        left.addWidget(self._name_box())
        left.addWidget(self._identity_box())
        left.addWidget(self._work_box())
        left.addStretch(1)
        right.addWidget(self._contact_box())
        right.addWidget(self._membership_box())
        right.addWidget(self._extra_box())
        right.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        for first, second in zip(self._order, self._order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._connect_changes()

    # -- building ----------------------------------------------------------------------------
    def _row(self, form: QFormLayout, label: str, name: str, widget: QWidget) -> None:
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(widget)
        error = QLabel(holder)
        error.setObjectName(f"{OBJECT_NAMES[name]}Error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        form.addRow(label, holder)
        self.widgets[name] = widget
        self.errors[name] = error
        self._order.append(widget)

    def _box(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return box, form

    def _name_box(self) -> QGroupBox:
        box, form = self._box(self.tr("Name"))
        self.prefix = _combo("prefix", box)
        self.prefix.setEditable(True)
        self.prefix.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.prefix.addItem("")
        for item in self._labels.list_items("name_prefix"):
            self.prefix.addItem(item.name_th)
        self.first_name = _line("first_name", box)
        self.last_name = _line("last_name", box)
        self.first_name_en = _line("first_name_en", box)
        self.last_name_en = _line("last_name_en", box)
        self.nickname = _line("nickname", box, 60)
        self._row(form, self.tr("Prefix"), "prefix", self.prefix)
        self._row(form, self.tr("First name *"), "first_name", self.first_name)
        self._row(form, self.tr("Last name"), "last_name", self.last_name)
        self._row(form, self.tr("First name (English)"), "first_name_en", self.first_name_en)
        self._row(form, self.tr("Last name (English)"), "last_name_en", self.last_name_en)
        self._row(form, self.tr("Nickname"), "nickname", self.nickname)
        return box

    def _identity_box(self) -> QGroupBox:
        box, form = self._box(self.tr("Identity"))
        self.national_id = NationalIdEdit(box)
        self.national_id.setObjectName(OBJECT_NAMES["national_id"])
        self.national_id_status = self.national_id.status_label()
        self.national_id_status.setObjectName("memberNationalIdStatus")
        self.birth_date = BeDateEdit(box)
        self.birth_date.setObjectName(OBJECT_NAMES["birth_date"])
        self.gender = _combo("gender", box)
        self.gender.addItem(self.tr("(not given)"), "")
        for item in self._labels.list_items("gender"):
            self.gender.addItem(self._labels.item_label(item), item.code)
        self._row(form, self.tr("National ID"), "national_id", self.national_id)
        form.addRow("", self.national_id_status)
        self._row(form, self.tr("Birth date"), "birth_date", self.birth_date)
        self._row(form, self.tr("Gender"), "gender", self.gender)
        return box

    def _work_box(self) -> QGroupBox:
        box, form = self._box(self.tr("Work"))
        self.organisation = _line("organisation_id", box)
        self.organisation.setPlaceholderText(self.tr("Type part of the name, then choose"))
        self.personnel_type = _combo("personnel_type", box)
        self.personnel_type.addItem("", "")
        for item in self._labels.list_items("personnel_type"):
            self.personnel_type.addItem(self._labels.item_label(item), item.code)
        self.position = _line("position", box)
        self.position_type = _combo("position_type", box)
        self.position_level = _combo("position_level", box)
        self._fill_position_types()
        self._row(form, self.tr("Organisation"), "organisation_id", self.organisation)
        self._row(form, self.tr("Personnel type"), "personnel_type", self.personnel_type)
        self._row(form, self.tr("Position"), "position", self.position)
        self._row(form, self.tr("Position type"), "position_type", self.position_type)
        self._row(form, self.tr("Level"), "position_level", self.position_level)
        self.personnel_type.currentIndexChanged.connect(self._fill_position_types)
        self.position_type.currentIndexChanged.connect(self._fill_position_levels)
        self.organisation.textEdited.connect(self._on_organisation_edited)
        return box

    def _contact_box(self) -> QGroupBox:
        box, form = self._box(self.tr("Contact"))
        self.phone = _line("phone", box, 30)
        self.phone.setPlaceholderText("081-234-5678")
        self.phone_office = _line("phone_office", box, 40)
        self.email = _line("email", box)
        self.line_id = _line("line_id", box, 60)
        self.address = QPlainTextEdit(box)
        self.address.setObjectName(OBJECT_NAMES["address"])
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self._row(form, self.tr("Mobile"), "phone", self.phone)
        self._row(form, self.tr("Office phone"), "phone_office", self.phone_office)
        self._row(form, self.tr("Email"), "email", self.email)
        self._row(form, self.tr("LINE ID"), "line_id", self.line_id)
        self._row(form, self.tr("Address"), "address", self.address)
        return box

    def _membership_box(self) -> QGroupBox:
        box, form = self._box(self.tr("Membership"))
        self.membership_no = _line("membership_no", box, 40)
        self.status = _combo("status", box)
        for item in self._labels.list_items("member_status"):
            self.status.addItem(self._labels.item_label(item), item.code)
        if self.status.count() == 0:
            self.status.addItem("active", "active")
        self.joined_on = BeDateEdit(box)
        self.joined_on.setObjectName(OBJECT_NAMES["joined_on"])
        self.expires_on = BeDateEdit(box)
        self.expires_on.setObjectName(OBJECT_NAMES["expires_on"])
        self._row(form, self.tr("Member no."), "membership_no", self.membership_no)
        self._row(form, self.tr("Status"), "status", self.status)
        self._row(form, self.tr("Joined"), "joined_on", self.joined_on)
        self._row(form, self.tr("Expires"), "expires_on", self.expires_on)
        return box

    def _extra_box(self) -> QGroupBox:
        box, form = self._box(self.tr("Strengths, consent and notes"))
        self.strengths = TagEdit(box)
        self.strengths.setObjectName(OBJECT_NAMES["strengths"])
        self.strengths.set_suggestions(i.name_th for i in self._labels.list_items("strength"))
        self.consent_date = BeDateEdit(box)
        self.consent_date.setObjectName(OBJECT_NAMES["consent_date"])
        self.consent_purpose = _line("consent_purpose", box)
        self.notes = QPlainTextEdit(box)
        self.notes.setObjectName(OBJECT_NAMES["notes"])
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self._row(form, self.tr("Strengths"), "strengths", self.strengths)
        self._row(form, self.tr("PDPA consent date"), "consent_date", self.consent_date)
        self._row(form, self.tr("Consent purpose"), "consent_purpose", self.consent_purpose)
        self._row(form, self.tr("Notes"), "notes", self.notes)
        self._order[self._order.index(self.strengths)] = self.strengths.line_edit()
        return box

    def _connect_changes(self) -> None:
        for widget in self.widgets.values():
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self.changed)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(self.changed)
                if widget.isEditable():
                    widget.editTextChanged.connect(self.changed)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(self.changed)
        self.strengths.tags_changed.connect(self.changed)

    # -- dependent lists ---------------------------------------------------------------------
    def _fill_position_types(self) -> None:
        current = self.position_type.currentData() or ""
        personnel = self.personnel_type.currentData() or ""
        items = [
            i
            for i in self._labels.list_items("position_type")
            if not i.parent_code or not personnel or i.parent_code == personnel
        ]
        self.position_type.blockSignals(True)
        self.position_type.clear()
        self.position_type.addItem("", "")
        for item in items:
            self.position_type.addItem(self._labels.item_label(item), item.code)
        _set_combo(self.position_type, current)
        self.position_type.blockSignals(False)
        self._fill_position_levels()

    def _fill_position_levels(self) -> None:
        current = self.position_level.currentData() or ""
        position_type = self.position_type.currentData() or ""
        self.position_level.clear()
        self.position_level.addItem("", "")
        for item in self._labels.list_items("position_level"):
            if position_type and item.parent_code == position_type:
                self.position_level.addItem(self._labels.item_label(item), item.code)
        _set_combo(self.position_level, current)
        self.position_level.setEnabled(bool(position_type))

    # -- organisation ------------------------------------------------------------------------
    def set_organisation(self, choice: OrganisationChoice | None) -> None:
        self._organisation = choice
        self._organisation_text = choice.label if choice else ""
        self.organisation.setText(self._organisation_text)
        self.show_error("organisation_id", "")
        self.changed.emit()

    def organisation_choice(self) -> OrganisationChoice | None:
        return self._organisation

    def organisation_pending(self) -> bool:
        """True when text was typed in the organisation field but nothing chosen from the list."""
        text = clean_text(self.organisation.text())
        return bool(text) and text != self._organisation_text

    def _on_organisation_edited(self, text: str) -> None:
        if not clean_text(text):
            self._organisation = None
            self._organisation_text = ""

    # -- values ------------------------------------------------------------------------------
    def load(self, data: MemberInput, organisation: OrganisationChoice | None) -> None:
        self.prefix.setEditText(data.prefix)
        self.first_name.setText(data.first_name)
        self.last_name.setText(data.last_name)
        self.first_name_en.setText(data.first_name_en)
        self.last_name_en.setText(data.last_name_en)
        self.nickname.setText(data.nickname)
        self.national_id.setText(data.national_id)
        self.national_id.format_digits()
        self.birth_date.setDate(data.birth_date)
        _set_combo(self.gender, data.gender or "")
        self._organisation = organisation
        self._organisation_text = organisation.label if organisation else ""
        self.organisation.setText(self._organisation_text)
        _set_combo(self.personnel_type, data.personnel_type)
        self._fill_position_types()
        self.position.setText(data.position)
        _set_combo(self.position_type, data.position_type)
        self._fill_position_levels()
        _set_combo(self.position_level, data.position_level)
        self.phone.setText(data.phone)
        self.phone_office.setText(data.phone_office)
        self.email.setText(data.email)
        self.line_id.setText(data.line_id)
        self.address.setPlainText(data.address)
        self.membership_no.setText(data.membership_no)
        _set_combo(self.status, data.status)
        self.joined_on.setDate(data.joined_on)
        self.expires_on.setDate(data.expires_on)
        self.strengths.set_tags(data.strengths)
        self.consent_date.setDate(data.consent_date)
        self.consent_purpose.setText(data.consent_purpose)
        self.notes.setPlainText(data.notes)
        self.clear_errors()

    def collect(self, member_id: str | None) -> MemberInput:
        """The form as a MemberInput (text as typed: the core validates and normalises it)."""
        return MemberInput(
            id=member_id,
            prefix=self.prefix.currentText().strip(),
            first_name=self.first_name.text().strip(),
            last_name=self.last_name.text().strip(),
            first_name_en=self.first_name_en.text().strip(),
            last_name_en=self.last_name_en.text().strip(),
            nickname=self.nickname.text().strip(),
            national_id=self.national_id.text().strip(),
            birth_date=self.birth_date.date(),
            gender=self.gender.currentData() or None,
            personnel_type=self.personnel_type.currentData() or "",
            position=self.position.text().strip(),
            position_type=self.position_type.currentData() or "",
            position_level=self.position_level.currentData() or "",
            organisation_id=self._organisation.id if self._organisation else None,
            phone=self.phone.text().strip(),
            phone_office=self.phone_office.text().strip(),
            email=self.email.text().strip(),
            line_id=self.line_id.text().strip(),
            address=self.address.toPlainText().strip(),
            membership_no=self.membership_no.text().strip(),
            status=self.status.currentData() or "active",
            joined_on=self.joined_on.date(),
            expires_on=self.expires_on.date(),
            notes=self.notes.toPlainText().strip(),
            consent_date=self.consent_date.date(),
            consent_purpose=self.consent_purpose.text().strip(),
            strengths=self.strengths.all_tags(),
        )

    def date_fields(self) -> dict[str, BeDateEdit]:
        return {
            "birth_date": self.birth_date,
            "joined_on": self.joined_on,
            "expires_on": self.expires_on,
            "consent_date": self.consent_date,
        }

    # -- errors ------------------------------------------------------------------------------
    def show_error(self, field: str, message: str) -> None:
        label = self.errors.get(field)
        if label is None:
            return
        label.setText(message)
        label.setVisible(bool(message))

    def error_text(self, field: str) -> str:
        label = self.errors.get(field)
        return label.text() if label is not None and label.isVisible() else ""

    def clear_errors(self) -> None:
        for field in self.errors:
            self.show_error(field, "")

    def focus_field(self, field: str) -> None:
        widget = self.widgets.get(field)
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def first_field(self) -> QWidget:
        return self.prefix

    def set_read_only(self, read_only: bool, *, personal_data_hidden: bool = False) -> None:
        """Show the member without letting anything be changed (a viewer's role).

        With ``personal_data_hidden`` the birth date field says it is hidden (the dialog loads
        the member with the national ID masked and no birth date).
        """
        for widget in self.widgets.values():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(read_only)
                if read_only:  # "type part of the name…" invites typing where none is allowed
                    widget.setPlaceholderText("")
            else:
                widget.setEnabled(not read_only)
        for edit in self.date_fields().values():
            for action in edit.actions():  # the calendar button would set a date
                action.setEnabled(not read_only)
        self.national_id_status.setVisible(not read_only)
        if personal_data_hidden:
            hidden = self.tr("Hidden (personal data)")
            self.birth_date.setPlaceholderText(hidden)
            self.national_id.setPlaceholderText(hidden)

    def reset_for_next(self) -> None:
        """Empty the form for the next person, keeping organisation, position and the like."""
        current = self.collect(None)
        kept = {name: getattr(current, name) for name in KEPT_FOR_NEXT}
        self.load(MemberInput(first_name="", **kept), self._organisation)
