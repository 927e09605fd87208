"""The settings window: its pages, OK / Cancel / Apply, the Association page (profile loaded and
saved through the database executor, problems shown on the page, logo scaled, signatories)."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from db import association as assoc
from db.accounts import login_settings
from db.association import (
    AssociationProfile,
    AssociationProfileError,
    Signatory,
    association_profile,
    png_size,
    save_association_profile,
)
from db.backup import load_backup_settings
from db.engine import Database
from db.members.types import FieldError
from desktop import i18n, settings
from desktop.db_worker import DbExecutor
from desktop.home import HomeView
from desktop.settings_dialog import SettingsDialog, date_era, thai_digits_in_documents
from desktop.settings_pages.association import AssociationPage
from desktop.settings_pages.general import DATE_ERA_KEY, THAI_DIGITS_KEY

SAVED = AssociationProfile(
    name_th="สมาคมปลัดองค์กรปกครองส่วนท้องถิ่น",
    address="99 ถนนหลวง\nขอนแก่น",
    phone="043-212345",
    signatories=(
        Signatory("นายสมชาย ใจดี", "ปลัดเทศบาล", "นายกสมาคม"),
        Signatory("นางสาวมาลี ศรีสุข", "", "เลขาธิการ"),
    ),
)


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    store = settings.settings()
    for key in (DATE_ERA_KEY, THAI_DIGITS_KEY):
        store.remove(key)
    store.sync()
    yield
    for key in (DATE_ERA_KEY, THAI_DIGITS_KEY):
        store.remove(key)
    store.sync()


@pytest.fixture
def executor(database: Database) -> Iterator[DbExecutor]:
    worker = DbExecutor(database)
    yield worker
    worker.shutdown()


@pytest.fixture
def open_dialog(
    executor: DbExecutor, qtbot: QtBot, qasync_loop: Any
) -> Callable[[], SettingsDialog]:
    def open_() -> SettingsDialog:
        dialog = SettingsDialog(executor=executor)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return open_


def stored(executor: DbExecutor) -> AssociationProfile:
    return executor.read_now(association_profile)


def click(qtbot: QtBot, dialog: SettingsDialog, which: QDialogButtonBox.StandardButton) -> None:
    buttons = dialog.findChild(QDialogButtonBox, "settingsButtons")
    qtbot.mouseClick(buttons.button(which), Qt.MouseButton.LeftButton)


def page(dialog: SettingsDialog) -> AssociationPage:
    assert dialog.association_page is not None
    return dialog.association_page


def errors_text(dialog: SettingsDialog) -> str:
    label = dialog.findChild(QLabel, "associationErrors")
    return "" if label.isHidden() else label.text()


def save_now(executor: DbExecutor, profile: AssociationProfile) -> None:
    executor.submit(save_association_profile, profile=profile).result(10)


def write_image(path: Path, width: int, height: int, fmt: str) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1b5e20"))
    assert image.save(str(path), fmt)
    return path


OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel
APPLY = QDialogButtonBox.StandardButton.Apply


def test_pages_listed_with_a_database(open_dialog: Callable[[], SettingsDialog]) -> None:
    dialog = open_dialog()
    pages = dialog.findChild(QListWidget, "settingsPageList")
    assert pages.count() == 4
    shown = [dialog.general_page, page(dialog), dialog.backups_page, dialog.users_page]
    assert dialog.page_titles() == [p.title() for p in shown]  # type: ignore[union-attr]
    for row, widget in enumerate(shown):
        pages.setCurrentRow(row)
        assert dialog.page_stack.currentWidget() is widget
    assert dialog.findChild(QWidget, "backupSettingsPanel") is not None
    assert dialog.findChild(QWidget, "usersPanel") is not None


def test_only_general_without_a_database(qtbot: QtBot) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.association_page is None
    assert dialog.findChild(QListWidget, "settingsPageList").count() == 1


def test_association_page_shows_the_saved_profile(
    executor: DbExecutor, open_dialog: Callable[[], SettingsDialog]
) -> None:
    save_now(executor, SAVED)
    dialog = open_dialog()
    shown = page(dialog)
    assert shown.name_th_edit.text() == SAVED.name_th
    assert shown.address_edit.toPlainText() == SAVED.address
    assert shown.profile() == SAVED
    assert not shown.is_modified()
    table = dialog.findChild(QTableWidget, "signatoryTable")
    assert table.rowCount() == 2 and table.item(1, 2).text() == "เลขาธิการ"


def test_ok_saves_the_association_once_announced(
    executor: DbExecutor, open_dialog: Callable[[], SettingsDialog], qtbot: QtBot
) -> None:
    dialog = open_dialog()
    shown = page(dialog)
    shown.name_th_edit.setText("  สมาคม  ปลัด  ")
    shown.email_edit.setText("office@example.or.th")
    announced: list[object] = []
    executor.changes_applied.connect(lambda changes, _who: announced.append(changes))
    with qtbot.waitSignal(dialog.settings_applied, timeout=5000):
        click(qtbot, dialog, OK)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert stored(executor) == AssociationProfile(name_th="สมาคม ปลัด", email="office@example.or.th")
    assert len(announced) == 1 and announced[0].touches("association")


def test_cancel_saves_nothing(
    executor: DbExecutor, open_dialog: Callable[[], SettingsDialog], qtbot: QtBot
) -> None:
    save_now(executor, SAVED)
    dialog = open_dialog()
    page(dialog).name_th_edit.setText("ชื่ออื่น")
    page(dialog).remove_logo()
    dialog.general_page.era_combo.setCurrentIndex(dialog.general_page.era_combo.findData("CE"))
    dialog.general_page.thai_digits_check.setChecked(True)
    click(qtbot, dialog, CANCEL)
    assert not dialog.isVisible()
    assert stored(executor) == SAVED
    assert date_era() == "BE" and thai_digits_in_documents() is False


def test_apply_saves_and_stays_open(
    executor: DbExecutor, open_dialog: Callable[[], SettingsDialog], qtbot: QtBot
) -> None:
    dialog = open_dialog()
    page(dialog).name_th_edit.setText("สมาคมหนึ่ง")
    dialog.general_page.thai_digits_check.setChecked(True)
    with qtbot.waitSignal(dialog.settings_applied, timeout=5000):
        click(qtbot, dialog, APPLY)
    assert dialog.isVisible()
    assert stored(executor).name_th == "สมาคมหนึ่ง"
    assert thai_digits_in_documents() is True
    assert not page(dialog).is_modified()
    # A later Cancel keeps what Apply saved and drops what came after it.
    page(dialog).name_th_edit.setText("สมาคมสอง")
    click(qtbot, dialog, CANCEL)
    assert stored(executor).name_th == "สมาคมหนึ่ง"


def test_invalid_input_shown_on_the_page_and_nothing_saved(
    executor: DbExecutor, open_dialog: Callable[[], SettingsDialog], qtbot: QtBot
) -> None:
    save_now(executor, SAVED)
    dialog = open_dialog()
    shown = page(dialog)
    dialog.general_page.thai_digits_check.setChecked(True)
    shown.name_th_edit.setText("")
    shown.email_edit.setText("office@")
    shown.signatories.add_row()
    dialog.findChild(QTableWidget, "signatoryTable").item(2, 0).setText("นายทดสอบ")
    click(qtbot, dialog, OK)
    assert dialog.isVisible()
    assert dialog.page_stack.currentWidget() is shown
    text = errors_text(dialog)
    for error in (
        FieldError("name_th", assoc.MISSING_NAME, ""),
        FieldError("email", assoc.INVALID_EMAIL, ""),
        FieldError("signatories.2.title", assoc.MISSING_SIGNATORY_TITLE, ""),
    ):
        assert shown.error_text(error) in text
    assert "3" in shown.error_text(FieldError("signatories.2.title", "missing_signatory_title", ""))
    assert stored(executor) == SAVED
    assert thai_digits_in_documents() is False  # the General page is not saved either
    shown.name_th_edit.setText("x")
    shown.name_th_edit.textEdited.emit("x")
    assert errors_text(dialog) == ""  # typing clears the old problems


def test_refused_by_the_database_keeps_the_window_open(
    open_dialog: Callable[[], SettingsDialog], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(session: object, profile: AssociationProfile) -> None:
        raise AssociationProfileError((FieldError("email", assoc.INVALID_EMAIL, "no"),))

    monkeypatch.setattr(assoc, "save_association_profile", refuse)
    dialog = open_dialog()
    page(dialog).name_th_edit.setText("สมาคม")
    dialog.general_page.thai_digits_check.setChecked(True)
    click(qtbot, dialog, OK)
    qtbot.waitUntil(lambda: errors_text(dialog) != "", timeout=5000)
    assert dialog.isVisible() and not dialog.is_saving()
    assert dialog.findChild(QDialogButtonBox, "settingsButtons").isEnabled()
    assert thai_digits_in_documents() is False


def test_logo_scaled_to_512_png_and_removable(
    executor: DbExecutor, open_dialog: Callable[[], SettingsDialog], qtbot: QtBot, tmp_path: Path
) -> None:
    photo = write_image(tmp_path / "โลโก้สมาคม.jpg", 1200, 600, "JPG")
    dialog = open_dialog()
    shown = page(dialog)
    shown.name_th_edit.setText("สมาคม")
    assert not dialog.findChild(QPushButton, "removeLogoButton").isEnabled()
    assert shown.load_logo_file(photo)
    preview = dialog.findChild(QLabel, "logoPreview")
    assert not preview.pixmap().isNull()
    assert dialog.findChild(QPushButton, "removeLogoButton").isEnabled()
    with qtbot.waitSignal(dialog.settings_applied, timeout=5000):
        click(qtbot, dialog, APPLY)
    logo = stored(executor).logo_png
    assert logo is not None and png_size(logo) == (512, 256)
    small = write_image(tmp_path / "small.png", 100, 80, "PNG")
    assert shown.load_logo_file(small)
    assert png_size(shown.profile().logo_png or b"") == (100, 80)  # never scaled up
    qtbot.mouseClick(dialog.findChild(QPushButton, "removeLogoButton"), Qt.MouseButton.LeftButton)
    assert preview.pixmap().isNull() and shown.profile().logo_png is None
    with qtbot.waitSignal(dialog.settings_applied, timeout=5000):
        click(qtbot, dialog, APPLY)
    assert stored(executor).logo_png is None


def test_unreadable_or_missing_image_keeps_the_logo(
    executor: DbExecutor, open_dialog: Callable[[], SettingsDialog], qtbot: QtBot, tmp_path: Path
) -> None:
    first = write_image(tmp_path / "a.png", 64, 64, "PNG")
    dialog = open_dialog()
    shown = page(dialog)
    shown.name_th_edit.setText("สมาคม")
    assert shown.load_logo_file(first)
    before = shown.profile().logo_png
    fake = tmp_path / "ไม่ใช่รูป.png"
    fake.write_text("this is not an image", encoding="utf-8")
    for bad in (fake, tmp_path / "missing.png"):
        assert not shown.load_logo_file(bad)
        assert shown.profile().logo_png == before
        assert errors_text(dialog) == shown.error_text(FieldError("", "unreadable_image", ""))
    click(qtbot, dialog, OK)  # the problem stands until another image or removal
    assert dialog.isVisible() and stored(executor).is_empty
    shown.remove_logo()
    assert errors_text(dialog) == ""


def test_huge_image_refused_before_decoding(
    open_dialog: Callable[[], SettingsDialog], tmp_path: Path
) -> None:
    # A PNG header claiming 20,000 x 20,000 pixels: refused by its size, never decoded.
    header = write_image(tmp_path / "h.png", 1, 1, "PNG").read_bytes()
    huge = tmp_path / "huge.png"
    ihdr = b"IHDR" + (20_000).to_bytes(4, "big") * 2 + header[24:29]
    crc = zlib.crc32(ihdr).to_bytes(4, "big")
    huge.write_bytes(header[:12] + ihdr + crc + header[33:])
    dialog = open_dialog()
    assert not page(dialog).load_logo_file(huge)
    assert errors_text(dialog) == page(dialog).error_text(FieldError("", "image_too_large", ""))


def test_signatories_added_up_to_four_reordered_and_removed(
    executor: DbExecutor, open_dialog: Callable[[], SettingsDialog], qtbot: QtBot
) -> None:
    save_now(executor, SAVED)
    dialog = open_dialog()
    table = dialog.findChild(QTableWidget, "signatoryTable")
    add = dialog.findChild(QPushButton, "addSignatoryButton")
    up = dialog.findChild(QPushButton, "moveSignatoryUpButton")
    down = dialog.findChild(QPushButton, "moveSignatoryDownButton")
    remove = dialog.findChild(QPushButton, "removeSignatoryButton")
    for name, title in (("นายสาม", "เหรัญญิก"), ("นายสี่", "ประชาสัมพันธ์")):
        qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
        row = table.rowCount() - 1
        table.item(row, 0).setText(name)
        table.item(row, 2).setText(title)
    assert table.rowCount() == 4 and not add.isEnabled()
    table.setCurrentCell(3, 0)
    qtbot.mouseClick(up, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(up, Qt.MouseButton.LeftButton)
    assert [s.name for s in page(dialog).signatories.signatories()] == [
        "นายสมชาย ใจดี", "นายสี่", "นางสาวมาลี ศรีสุข", "นายสาม",
    ]  # fmt: skip
    assert table.currentRow() == 1
    table.setCurrentCell(0, 0)
    assert not up.isEnabled() and down.isEnabled()
    qtbot.mouseClick(down, Qt.MouseButton.LeftButton)
    table.setCurrentCell(3, 0)
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert add.isEnabled()
    with qtbot.waitSignal(dialog.settings_applied, timeout=5000):
        click(qtbot, dialog, OK)
    assert [(s.name, s.title) for s in stored(executor).signatories] == [
        ("นายสี่", "ประชาสัมพันธ์"),
        ("นายสมชาย ใจดี", "นายกสมาคม"),
        ("นางสาวมาลี ศรีสุข", "เลขาธิการ"),
    ]


def test_general_page_keeps_its_behaviour(
    open_dialog: Callable[[], SettingsDialog], qtbot: QtBot
) -> None:
    dialog = open_dialog()
    general = dialog.general_page
    assert dialog.findChild(QLabel, "settingsNote") is not None
    general.era_combo.setCurrentIndex(general.era_combo.findData("CE"))
    general.thai_digits_check.setChecked(True)
    assert general.is_modified() and not page(dialog).is_modified()
    with qtbot.waitSignal(dialog.settings_applied, timeout=2000):
        click(qtbot, dialog, OK)  # nothing for the database: applied at once
    assert date_era() == "CE" and thai_digits_in_documents() is True
    assert i18n.saved_language() == i18n.current_language()


def test_pages_retranslate_when_the_language_changes(
    open_dialog: Callable[[], SettingsDialog], qtbot: QtBot, english_ui: None
) -> None:
    dialog = open_dialog()
    assert dialog.page_titles() == ["General", "Association", "Backups", "Users & login"]
    assert page(dialog).choose_logo_button.text() == "&Choose image…"


def test_backups_page_saved_with_ok(
    executor: DbExecutor, open_dialog: Callable[[], SettingsDialog], qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = open_dialog()
    backups = dialog.backups_page
    assert backups is not None and not backups.is_modified()
    backups.panel.folder_edit.setText(str(tmp_path / "แฟลชไดรฟ์"))
    backups.panel.schedule_combo.setCurrentIndex(backups.panel.schedule_combo.findData("weekly"))
    with qtbot.waitSignal(dialog.settings_applied, timeout=5000):
        click(qtbot, dialog, OK)
    stored_backups = executor.read_now(load_backup_settings)
    assert stored_backups.folder == tmp_path / "แฟลชไดรฟ์"
    assert stored_backups.schedule == "weekly"


def test_invalid_backup_folder_saves_no_page(
    executor: DbExecutor, open_dialog: Callable[[], SettingsDialog], qtbot: QtBot
) -> None:
    before = executor.read_now(load_backup_settings)
    dialog = open_dialog()
    page(dialog).name_th_edit.setText("สมาคม")
    assert dialog.backups_page is not None
    dialog.backups_page.panel.folder_edit.setText("relative/folder")
    click(qtbot, dialog, OK)
    assert dialog.isVisible() and dialog.page_stack.currentWidget() is dialog.backups_page
    assert dialog.backups_page.panel.error.text()
    assert executor.read_now(load_backup_settings) == before
    assert stored(executor).is_empty  # the Association page waited too


def test_users_page_loads_when_shown_and_saves_idle_minutes(
    executor: DbExecutor, open_dialog: Callable[[], SettingsDialog], qtbot: QtBot
) -> None:
    dialog = open_dialog()
    users = dialog.users_page
    assert users is not None
    dialog.show_page(users)
    table = dialog.findChild(QTableWidget, "usersTable")
    assert table is not None and table.isVisible()
    minutes = users.panel.idle_minutes
    minutes.setValue(minutes.value() + 5 if minutes.value() + 5 <= minutes.maximum() else 5)
    wanted = minutes.value()
    with qtbot.waitSignal(dialog.settings_applied, timeout=5000):
        click(qtbot, dialog, OK)
    assert executor.read_now(login_settings).idle_minutes == wanted


def test_home_page_shows_the_association_name_once_saved(
    executor: DbExecutor, open_dialog: Callable[[], SettingsDialog], qtbot: QtBot
) -> None:
    home = HomeView(executor)
    qtbot.addWidget(home)
    label = home.findChild(QLabel, "homeAssociation")
    assert label.isHidden()
    dialog = open_dialog()
    page(dialog).name_th_edit.setText("สมาคมปลัดท้องถิ่น")
    with qtbot.waitSignal(dialog.settings_applied, timeout=5000):
        click(qtbot, dialog, OK)
    assert not label.isHidden() and label.text() == "สมาคมปลัดท้องถิ่น"
    home.shutdown()
