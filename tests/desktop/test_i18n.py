"""Every user-visible string has a Thai translation, and the translators really load."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop import i18n, settings
from tools import i18n as i18n_tool


@pytest.fixture
def thai_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.install(qapp, "th")


def test_every_source_string_has_a_thai_translation() -> None:
    before = i18n_tool.CATALOGUE_TS.read_bytes()
    missing = i18n_tool.missing_translations()
    assert i18n_tool.CATALOGUE_TS.read_bytes() == before, "the check must not touch the .ts"
    assert not missing, (
        f"{len(missing)} string(s) have no finished Thai translation in "
        f"{i18n_tool.CATALOGUE_TS.name} (run `python -m tools.i18n update` and translate them):\n"
        + "\n".join(f"  {message}" for message in missing)
    )


def test_the_check_finds_a_new_untranslated_string(tmp_path: Path) -> None:
    source = tmp_path / "desktop" / "new_view.py"
    source.parent.mkdir()
    source.write_text(
        "from PySide6.QtWidgets import QWidget\n\n\n"
        "class NewView(QWidget):\n"
        "    def title(self) -> str:\n"
        "        return self.tr('Something not yet translated')\n",
        encoding="utf-8",
    )
    missing = i18n_tool.missing_translations(i18n_tool.CATALOGUE_TS, source.parent)
    assert [(m.context, m.source) for m in missing] == [("NewView", "Something not yet translated")]
    assert missing[0].locations[0].endswith("new_view.py:6")


def test_unfinished_and_empty_translations_count_as_missing(tmp_path: Path) -> None:
    ts = tmp_path / "t.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="th_TH">'
        "<context><name>C</name>"
        "<message><source>done</source><translation>เสร็จ</translation></message>"
        '<message><source>draft</source><translation type="unfinished">ร่าง</translation></message>'
        "<message><source>empty</source><translation></translation></message>"
        '<message><source>gone</source><translation type="vanished">หาย</translation></message>'
        '<message numerus="yes"><source>%n rows</source><translation>'
        "<numerusform></numerusform></translation></message>"
        "</context></TS>",
        encoding="utf-8",
    )
    assert [m.source for m in i18n_tool.untranslated(ts)] == ["draft", "empty", "%n rows"]


def test_thai_is_the_default_and_translates(qapp: QApplication) -> None:
    assert i18n.DEFAULT_LANGUAGE == "th"
    assert i18n.install(qapp) == "th"  # nothing saved yet in the test settings
    translate = QCoreApplication.translate
    assert translate("ErrorDialog", "Copy details") == "คัดลอกรายละเอียด"
    assert translate("SelfCheck", "Thai translation loaded") == "โหลดคำแปลภาษาไทยแล้ว"
    assert translate("QPlatformTheme", "Cancel") == "ยกเลิก"  # Qt's own strings too
    assert QLocale().language() == QLocale.Language.Thai
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    assert buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "ตกลง"


def test_english_is_selectable_and_remembered(qapp: QApplication, thai_afterwards: None) -> None:
    i18n.set_language(qapp, "en")
    assert QCoreApplication.translate("ErrorDialog", "Copy details") == "Copy details"
    assert [Path(f).name for f in i18n.installed_catalogues()] == ["khrueakhai_en.qm"]  # plurals
    assert i18n.saved_language() == "en"
    stored = QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        settings.ORGANISATION,
        settings.APPLICATION,
    )
    assert stored.value(settings.LANGUAGE_KEY) == "en"
    override = settings.user_dir_override()
    assert override is not None, "tests/conftest.py must isolate the settings"
    assert Path(settings.settings().fileName()).is_relative_to(override)
    i18n.set_language(qapp, "th")
    assert i18n.saved_language() == "th"
    assert QCoreApplication.translate("ErrorDialog", "Copy details") == "คัดลอกรายละเอียด"


def test_unknown_language_is_refused(qapp: QApplication) -> None:
    with pytest.raises(ValueError, match="unknown language"):
        i18n.install(qapp, "fr")


def test_a_stale_catalogue_is_compiled_into_the_cache(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, thai_afterwards: None
) -> None:
    translations = tmp_path / "resources" / "translations"
    translations.mkdir(parents=True)
    shutil.copy(i18n.translations_dir() / "khrueakhai_th.ts", translations)
    monkeypatch.setattr(i18n, "translations_dir", lambda: translations)

    compiled = i18n.qm_file("khrueakhai_th")

    assert compiled == settings.cache_dir() / "translations" / "khrueakhai_th.qm"
    assert compiled.exists()
    assert not (translations / "khrueakhai_th.qm").exists()
    i18n.install(qapp, "th")
    assert str(compiled) in i18n.installed_catalogues()
    assert QCoreApplication.translate("ErrorDialog", "Copied") == "คัดลอกแล้ว"


def test_english_counts_have_real_plurals(qapp: QApplication, thai_afterwards: None) -> None:
    i18n.install(qapp, "en")
    one = QCoreApplication.translate("MembersView", "%Ln member(s)", "", 1)
    many = QCoreApplication.translate("MembersView", "%Ln member(s)", "", 2000)
    assert (one, many) == ("1 member", "2,000 members")
    assert QCoreApplication.translate("MembersView", "%1 of %Ln member(s)", "", 2) == (
        "%1 of 2 members"
    )
    i18n.install(qapp, "th")
    assert QCoreApplication.translate("MembersView", "%Ln member(s)", "", 2000) == "สมาชิก 2,000 คน"


def test_the_english_plural_catalogue_is_in_step_with_the_thai_one() -> None:
    assert i18n_tool.ENGLISH_TS.read_text(encoding="utf-8") == i18n_tool.english_catalogue(), (
        "run python -m tools.i18n update"
    )
    assert i18n_tool.english_forms("%Ln candidate pair(s): best first.") == (
        "%Ln candidate pair: best first.",
        "%Ln candidate pairs: best first.",
    )
