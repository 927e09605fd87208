"""Every word the review screen shows for a code is one lupdate extracts (so it gets Thai)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from db.duplicates import REASON_CODES
from db.merge import MERGE_FIELDS, MergeError
from desktop.duplicates import texts
from tools import i18n as i18n_tool

MERGE_ERROR_CODES = (
    "same_member", "unknown_member", "unknown_field", "invalid_choice", "unknown_merge",
    "already_undone", "merged_again", "survivor_changed", "merged_member_changed",
    "rows_changed", "duplicate_national_id", "conflicting_rows",
)  # fmt: skip


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    ts = tmp_path_factory.mktemp("lupdate") / "duplicates.ts"
    i18n_tool.run_lupdate(ts, [Path(texts.__file__)])
    return {
        message.findtext("source", "")
        for context in ET.parse(ts).getroot().iter("context")
        if context.findtext("name") == texts.CONTEXT
        for message in context.iter("message")
    }


def test_error_codes_listed_here_are_the_cores() -> None:
    documented = MergeError.__doc__ or ""
    assert all(f"``{code}``" in documented for code in MERGE_ERROR_CODES)


def test_every_code_has_an_extracted_text(english_ui: None, extracted: set[str]) -> None:
    shown = [
        *(texts.field_label(field) for field in MERGE_FIELDS),
        *(texts.reason_text(code) for code in REASON_CODES),
        *(texts.table_text(t) for t in ("group_membership", "dues_payment", "member_strength")),
        *(texts.merge_error_text(code, "detail") for code in MERGE_ERROR_CODES),
    ]
    assert not [text for text in shown if text not in extracted]
    assert len(set(shown)) == len(shown)


def test_unknown_codes_still_say_something(english_ui: None) -> None:
    assert texts.field_label("favourite_colour") == "favourite_colour"
    assert texts.table_text("meeting_invitation") == "meeting_invitation"
    assert texts.merge_error_text("new_code", "Because.") == "The merge was refused: Because."


def test_reasons_say_each_shared_thing_once(english_ui: None) -> None:
    both = ("same_name_same_organisation", "same_name_same_birth_year")
    assert texts.reasons_text(both) == "Same name, organisation and birth year"
    assert texts.reasons_text(("same_national_id", *both, "same_phone")) == (
        "Same national ID, name, organisation, birth year and mobile number"
    )
    assert texts.reasons_text(("same_email",)) == "Same email"
    assert texts.reasons_text(()) == ""
    assert texts.reasons_text(("same_moon_sign",)) == "same_moon_sign"


def test_reasons_in_thai() -> None:
    said = texts.reasons_text(("same_name_same_organisation", "same_name_same_birth_year"))
    assert said.count(texts.QCoreApplication.translate("Duplicates", "name")) == 1
