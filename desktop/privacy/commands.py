"""The two PDPA commands of the Members view: export a member's data, erase it.

Both run their database work on the DbExecutor and the file writing on a worker thread (never
the UI thread); the erasure announces ``changes_applied`` once, so the list refreshes.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlmodel import Session

from db.association import association_profile
from db.members.profile import get_member
from db.privacy.access import access_file_stem, member_data, write_access_json
from db.privacy.erasure import ErasureError, ErasureResult, checkpoint_after_erasure, erase_member
from desktop.db_worker import Changes, DbExecutor
from desktop.printing.access_report import build_access_report
from desktop.printing.pdf import write_pdf
from desktop.privacy.erase_dialog import EraseMemberDialog


def _permissions() -> Any:
    from desktop.accounts.access import current_access

    return current_access().permissions


# Replaceable in tests (a native dialog cannot be driven offscreen).
def choose_folder(parent: QWidget | None) -> Path | None:
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("MemberPrivacy", "Folder for the member's data")
    )
    return Path(folder) if folder else None


def offer_to_open(parent: QWidget | None, folder: Path, files: tuple[Path, ...]) -> None:
    box = QMessageBox(parent)
    box.setObjectName("memberDataExported")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("MemberPrivacy", "Member's data exported"))
    written = QCoreApplication.translate("MemberPrivacy", "Written:")
    box.setText(written + "\n" + "\n".join(p.name for p in files))
    open_button = box.addButton(
        QCoreApplication.translate("MemberPrivacy", "Open folder"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.addButton(QMessageBox.StandardButton.Close)
    box.finished.connect(
        lambda _result: (
            box.clickedButton() is open_button
            and QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        )
    )
    box.open()


@dataclass(frozen=True, slots=True)
class _ExportData:
    data: dict[str, Any]
    association: Any


def _read_export(session: Session, *, member_id: str) -> _ExportData:
    return _ExportData(member_data(session, member_id=member_id), association_profile(session))


def write_member_files(export: _ExportData, folder: Path, day: dt.date) -> tuple[Path, Path]:
    """The PDF and the JSON, in `folder` (runs on a worker thread)."""
    stem = access_file_stem(export.data, day)
    pdf = write_pdf(
        build_access_report(export.data, association=export.association), folder / f"{stem}.pdf"
    )
    return pdf, write_access_json(export.data, folder / f"{stem}.json")


async def export_member_data(
    executor: DbExecutor,
    *,
    member_id: str,
    parent: QWidget | None,
    folder: Path | None = None,
    on_done: Callable[[tuple[Path, Path]], None] | None = None,
) -> tuple[Path, Path] | None:
    """Ask for a folder (unless given), write <name>-<date>.pdf and .json there, offer to open
    it. Returns the two paths (None when cancelled)."""
    folder = folder or choose_folder(parent)
    if folder is None:
        return None
    export = await executor.run(_read_export, member_id=member_id)
    loop = asyncio.get_running_loop()
    files = await loop.run_in_executor(None, write_member_files, export, folder, dt.date.today())
    if on_done is not None:
        on_done(files)
    else:
        offer_to_open(parent, folder, files)
    return files


def erasure_error_text(error: ErasureError) -> str:
    texts = {
        "not_permitted": QCoreApplication.translate(
            "MemberPrivacy", "Only an administrator may erase a member's personal data."
        ),
        "unknown_member": QCoreApplication.translate(
            "MemberPrivacy", "The member no longer exists (deleted elsewhere?)."
        ),
        "missing_reason": QCoreApplication.translate(
            "MemberPrivacy", "Give the reason for the erasure."
        ),
        "reason_too_long": QCoreApplication.translate("MemberPrivacy", "The reason is too long."),
        "already_erased": QCoreApplication.translate(
            "MemberPrivacy", "This member's personal data was already erased."
        ),
    }
    return texts.get(error.code, error.message)


def _erase(session: Session, *, member_id: str, reason: str, permissions: Any) -> ErasureResult:
    return erase_member(session, member_id=member_id, reason=reason, permissions=permissions)


async def erase_member_data(
    executor: DbExecutor,
    *,
    member_id: str,
    parent: QWidget | None,
    dialog_shown: Callable[[EraseMemberDialog], None] | None = None,
) -> ErasureResult | None:
    """Check the user may erase, confirm in :class:`EraseMemberDialog`, erase, refresh."""
    permissions = _permissions()
    if not getattr(permissions, "can_erase_personal_data", False):
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("MemberPrivacy", "Erase personal data"),
            erasure_error_text(ErasureError("not_permitted", "not permitted")),
        )
        return None
    profile = await executor.run(get_member, member_id=member_id)
    data = profile.data
    name = f"{data.prefix}{data.first_name} {data.last_name}".strip()
    dialog = EraseMemberDialog(name=name, national_id=data.national_id, parent=parent)
    answered: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    dialog.finished.connect(lambda result: answered.done() or answered.set_result(result))
    dialog.open()
    if dialog_shown is not None:
        dialog_shown(dialog)
    accepted = await answered == EraseMemberDialog.DialogCode.Accepted
    reason = dialog.reason_text()
    dialog.deleteLater()
    if not accepted:
        return None
    try:
        result = await executor.write(
            _erase, changes=Changes.of("members", ids=(member_id,)), member_id=member_id,
            reason=reason, permissions=permissions,
        )  # fmt: skip
    except ErasureError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("MemberPrivacy", "Erase personal data"),
            erasure_error_text(error),
        )
        return None
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, checkpoint_after_erasure, executor.database)
    return result
