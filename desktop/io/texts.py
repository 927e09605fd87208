"""User-facing texts of the bulk data screens, by error code (never a traceback).

Literal `QCoreApplication.translate` calls so that lupdate extracts every text.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from db.io.issue_texts import thai_issue_text
from db.io.mapping import FIELD_LABELS_EN, FIELD_LABELS_TH
from db.io.readers import ImportFileError
from desktop import i18n


def file_error_message(error: ImportFileError) -> str:
    """What the user reads for ``error``: its code's text, or the text of the precise case the
    core found when one is known (a text file renamed .xlsx is not "damaged")."""
    return file_error_text(error.code, error.message, detail=error.detail, suffix=error.suffix)


def file_error_text(code: str, fallback: str, *, detail: str = "", suffix: str = "") -> str:
    """An unusable import file (db.io.readers.ImportFileError codes); ``detail`` names the
    case of ``unreadable_file`` (``suffix``: the file name's ending, for
    ``not_a_spreadsheet``)."""
    if code == "unreadable_file" and detail:
        precise = {
            "not_a_spreadsheet": QCoreApplication.translate(
                "ImportTexts",
                "The file is named %1 but its content is not a spreadsheet: it was probably "
                "renamed from another kind of file. Open it in the program that made it and "
                "save it as .xlsx or .csv, then import that.",
            ).replace("%1", suffix),
            "is_folder": QCoreApplication.translate(
                "ImportTexts", "This is a folder, not a file: choose a file in it."
            ),
            "bad_csv": QCoreApplication.translate(
                "ImportTexts",
                "The CSV file is not well formed: open it in Excel or LibreOffice and save it "
                "again as CSV.",
            ),
        }.get(detail)
        if precise:
            return precise
    texts = {
        "file_not_found": QCoreApplication.translate("ImportTexts", "The file was not found."),
        "unreadable_file": QCoreApplication.translate(
            "ImportTexts", "The file cannot be read: it may be damaged or still being copied."
        ),
        "unsupported_format": QCoreApplication.translate(
            "ImportTexts", "Only .xlsx, .xls, .ods and .csv files can be imported."
        ),
        "password_protected": QCoreApplication.translate(
            "ImportTexts",
            "The file is protected by a password: save it without one in Excel, then try again.",
        ),
        "web_page": QCoreApplication.translate(
            "ImportTexts",
            "The file is a web page with an Excel name (some programs export reports this way): "
            "open it in Excel or LibreOffice and save it as an .xlsx workbook, then import that.",
        ),
        "empty_file": QCoreApplication.translate("ImportTexts", "The file is empty."),
        "sheet_not_found": QCoreApplication.translate(
            "ImportTexts", "The file has no sheet with this name."
        ),
        "empty_sheet": QCoreApplication.translate("ImportTexts", "The sheet has no data."),
        "unknown_encoding": QCoreApplication.translate(
            "ImportTexts",
            "The text encoding of this CSV file is unknown: save it as UTF-8 and try again.",
        ),
        "no_header": QCoreApplication.translate(
            "ImportTexts", "No header row was found: the sheet needs a row of column names."
        ),
        "no_name_column": QCoreApplication.translate(
            "ImportTexts",
            "No column holds the members' names: map a column to the first name or full name.",
        ),
    }
    return texts.get(code, fallback)


def undo_error_text(
    code: str, fallback: str, *, changed: int = 0, names: tuple[str, ...] = ()
) -> str:
    """An import that cannot be undone (db.io.undo_import.UndoImportError codes); for
    ``changed_since_import``, how many members were changed and the names of the first."""
    if code == "changed_since_import" and names:
        text = QCoreApplication.translate(
            "ImportTexts",
            "The import was not undone, because of changes made after it to: %1.",
        )
        shown = ", ".join(names)
        if changed > len(names):
            more = QCoreApplication.translate("ImportTexts", "and %1 more")
            shown += " " + more.replace("%1", f"{changed - len(names):,}")
        return text.replace("%1", shown)
    texts = {
        "changed_since_import": QCoreApplication.translate(
            "ImportTexts",
            "Some imported members were changed after the import, so it was not undone.",
        ),
        "already_undone": QCoreApplication.translate(
            "ImportTexts", "This import has already been undone."
        ),
        "unknown_run": QCoreApplication.translate("ImportTexts", "This import no longer exists."),
    }
    return texts.get(code, fallback)


def export_error_text(code: str, fallback: str, *, detail: str = "", path: str = "") -> str:
    """An export that cannot run (db.io.export_columns.ExportError codes; for ``cannot_write``
    the error's ``detail`` and ``path`` say what the core found)."""
    if code == "cannot_write" and detail:
        found = _write_error_text(detail)
        if found:
            return found.replace("%1", path)
    texts = {
        "no_columns": QCoreApplication.translate(
            "ExportTexts", "Choose at least one column to export."
        ),
        "personal_data_not_included": QCoreApplication.translate(
            "ExportTexts", "Tick “Include personal data” to export national IDs or birth dates."
        ),
        "unknown_format": QCoreApplication.translate(
            "ExportTexts", "Choose a file ending in .xlsx, .csv or .vcf."
        ),
        "no_members": QCoreApplication.translate(
            "ExportTexts", "There are no members to put in the vCard file."
        ),
        "cannot_write": QCoreApplication.translate(
            "ExportTexts",
            "The file cannot be written: is it open in another program, or is the disk full?",
        ),
        "cell_too_long": QCoreApplication.translate(
            "ExportTexts", "A value is too long for an Excel cell: export to CSV instead."
        ),
        "too_many_rows": QCoreApplication.translate(
            "ExportTexts",
            "Too many members for one Excel sheet: export to CSV or narrow the filter.",
        ),
    }
    return texts.get(code, fallback)


def _write_error_text(detail: str) -> str:
    return {
        "is_folder": QCoreApplication.translate(
            "ExportTexts", "%1 is a folder: add a file name to the path."
        ),
        "no_folder": QCoreApplication.translate(
            "ExportTexts",
            "The folder %1 does not exist: choose an existing folder (Browse…) or create it first.",
        ),
        "no_permission": QCoreApplication.translate(
            "ExportTexts",
            "%1 cannot be written: the file may be open in another program (close it and try "
            "again), or this folder may not be written to (choose another folder).",
        ),
        "disk_full": QCoreApplication.translate(
            "ExportTexts",
            "The disk is full: %1 could not be written. Free some space or choose another disk.",
        ),
    }.get(detail, "")


def issue_text(
    code: str, message: str, detail: str = "", args: Mapping[str, str] | None = None
) -> str:
    """A row problem (a db.io.normalise.RowIssue's code, English message, detail and values)
    in the interface language."""
    if i18n.current_language() == "th":
        return thai_issue_text(code, detail, args, message)
    return message


def field_label(name: str) -> str:
    """A member field a sheet column can fill, named for the user."""
    if i18n.current_language() == "th":
        return FIELD_LABELS_TH.get(name, name)
    return FIELD_LABELS_EN.get(name, name)


def duplicate_text(
    reason: str, action: str, *, duplicate_of_row: int | None, existing_name: str = "",
    changed: tuple[str, ...] = (),
) -> str:  # fmt: skip
    """What an import found a row to duplicate and what it did with it, for the user
    (``existing_name``: the registered member's, shown after the reason when known;
    ``changed``: the fields an update changed, named after it)."""
    if duplicate_of_row is not None:
        whom = {
            "same_national_id": QCoreApplication.translate(
                "ImportTexts", "Same national ID as row %1"
            ),
            "same_name_and_organisation": QCoreApplication.translate(
                "ImportTexts", "Same name and organisation as row %1"
            ),
            "same_name_and_birth_date": QCoreApplication.translate(
                "ImportTexts", "Same name and birth date as row %1"
            ),
            "same_membership_no": QCoreApplication.translate(
                "ImportTexts", "Same membership number as row %1"
            ),
        }.get(reason, QCoreApplication.translate("ImportTexts", "Same member as row %1"))
        whom = whom.replace("%1", str(duplicate_of_row))
    else:
        whom = {
            "same_national_id": QCoreApplication.translate(
                "ImportTexts", "Same national ID as a registered member"
            ),
            "same_name_and_organisation": QCoreApplication.translate(
                "ImportTexts", "Same name and organisation as a registered member"
            ),
            "same_name_and_birth_date": QCoreApplication.translate(
                "ImportTexts", "Same name and birth date as a registered member"
            ),
            "same_membership_no": QCoreApplication.translate(
                "ImportTexts", "Same membership number and name as a registered member"
            ),
        }.get(reason, QCoreApplication.translate("ImportTexts", "Already registered"))
        if existing_name:
            whom = f"{whom} ({existing_name})"
    done = {
        "skipped": QCoreApplication.translate("ImportTexts", "skipped"),
        "updated": QCoreApplication.translate("ImportTexts", "the registered member was updated"),
        "unchanged": QCoreApplication.translate("ImportTexts", "skipped (nothing new in the row)"),
        "imported": QCoreApplication.translate("ImportTexts", "imported as a new member"),
        "rejected": QCoreApplication.translate("ImportTexts", "not imported"),
    }.get(action, action)
    if action == "updated" and changed:
        done += " (" + ", ".join(_changed_label(name) for name in changed) + ")"
    return f"{whom}: {done}" if done else whom


def _changed_label(name: str) -> str:
    """A field an update changed; "groups" is the member's groups and roles in them."""
    if name == "groups":
        return QCoreApplication.translate("ImportTexts", "groups and roles")
    return field_label(name)
