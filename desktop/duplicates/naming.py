"""How messages name the two records of a pair, so that two records of one name are told apart.

Records whose names differ are named as they are. Records with the same name are named with
their record letter (as the comparison's columns and the keep buttons show it) and the first of
:data:`TELLING_FIELDS` that both have filled and that differs: ``สมชาย ใจดี (record B, Member
no. 0047)``. Messages about both records alike (not duplicates, undo) name such a pair once:
"the two records of สมชาย ใจดี".
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from db.duplicates import DuplicatePair
from db.merge import MERGE_FIELDS, FieldComparison, MergePreview, MergeRecord, Side
from desktop.duplicates.comparison_model import value_text
from desktop.duplicates.texts import field_label
from desktop.members.labels import ViewLabels

# Short values that tell one person's records apart, most telling first (then the other
# fields, but never the long free text: address, notes, consent purpose).
_FIRST = ("membership_no", "organisation_id", "national_id", "phone", "email", "birth_date")
_LONG = frozenset(("address", "notes", "consent_purpose"))
TELLING_FIELDS: tuple[str, ...] = (
    *_FIRST,
    *(f for f in MERGE_FIELDS if f not in _FIRST and f not in _LONG),
)


def fill(template: str, *values: str) -> str:
    """``template`` with %1, %2, ... replaced in one pass (a value holding "%2" stays as it is)."""
    return re.sub(r"%(\d)", lambda m: values[int(m.group(1)) - 1], template)


def _telling(preview: MergePreview) -> FieldComparison | None:
    by_field = {f.field: f for f in preview.fields}
    for name in TELLING_FIELDS:
        field = by_field.get(name)
        if field is None or not field.differs:
            continue
        if field.value_a not in (None, "") and field.value_b not in (None, ""):
            return field
    return None


def _with_letter(side: Side, name: str) -> str:
    if side == "a":
        return fill(QCoreApplication.translate("Duplicates", "%1 (record A)"), name)
    return fill(QCoreApplication.translate("Duplicates", "%1 (record B)"), name)


def _with_detail(side: Side, name: str, label: str, value: str) -> str:
    if side == "a":
        template = QCoreApplication.translate("Duplicates", "%1 (record A, %2 %3)")
    else:
        template = QCoreApplication.translate("Duplicates", "%1 (record B, %2 %3)")
    return fill(template, name, label, value)


def record_name(preview: MergePreview, side: Side, labels: ViewLabels | None = None) -> str:
    """The name of one record of ``preview`` that the other record's name cannot be taken for."""
    name = preview.a_name if side == "a" else preview.b_name
    if preview.a_name != preview.b_name:
        return name
    field = _telling(preview)
    if field is None:
        return _with_letter(side, name)
    value = field.value_a if side == "a" else field.value_b
    organisation = preview.a_organisation if side == "a" else preview.b_organisation
    text = value_text(field.field, value, organisation=organisation, labels=labels)
    return _with_detail(side, name, field_label(field.field), text)


def keep_name(preview: MergePreview, side: Side, labels: ViewLabels | None = None) -> str:
    """One record's name for its "Keep" button (the button says which record it is): the name,
    and when both records bear it, the first value that tells them apart (``สมชาย ใจดี
    (Member no. 0047)``)."""
    name = preview.a_name if side == "a" else preview.b_name
    if preview.a_name != preview.b_name:
        return name
    field = _telling(preview)
    if field is None:
        return name
    value = field.value_a if side == "a" else field.value_b
    organisation = preview.a_organisation if side == "a" else preview.b_organisation
    text = value_text(field.field, value, organisation=organisation, labels=labels)
    template = QCoreApplication.translate("Duplicates", "%1 (%2 %3)")
    return fill(template, name, field_label(field.field), text)


def dismissed_text(pair: DuplicatePair) -> str:
    """The status after marking ``pair`` as different people."""
    if pair.a_name == pair.b_name:
        return fill(
            QCoreApplication.translate(
                "Duplicates", "The two records of “%1” are marked as different people."
            ),
            pair.a_name,
        )
    return fill(
        QCoreApplication.translate("Duplicates", "“%1” and “%2” are marked as different people."),
        pair.a_name,
        pair.b_name,
    )


def undo_tooltip(record: MergeRecord) -> str:
    if record.merged_name == record.survivor_name:
        return fill(
            QCoreApplication.translate("Duplicates", "Undo the merge of the two records of “%1”"),
            record.survivor_name,
        )
    return fill(
        QCoreApplication.translate("Duplicates", "Undo the merge of “%1” into “%2”"),
        record.merged_name,
        record.survivor_name,
    )


def undo_question(record: MergeRecord) -> str:
    if record.merged_name == record.survivor_name:
        template = QCoreApplication.translate(
            "Duplicates",
            "Undo the merge of the two records of “%1”?\n\nBoth come back as they were,"
            " each with its own groups, dues and strengths.",
        )
        return fill(template, record.survivor_name)
    template = QCoreApplication.translate(
        "Duplicates",
        "Undo the merge of “%1” into “%2”?\n\nBoth records come back as they were,"
        " each with its own groups, dues and strengths.",
    )
    return fill(template, record.merged_name, record.survivor_name)
