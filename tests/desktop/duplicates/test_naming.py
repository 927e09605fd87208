"""Messages name the two records of a pair so that two records of one name are told apart."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from db.duplicates import DuplicatePair
from db.merge import MERGE_FIELDS, FieldComparison, MergePreview, MergeRecord
from desktop.duplicates import naming
from tools import i18n as i18n_tool

NAME = "สมชาย ใจดี"


def preview(
    a_name: str = NAME, b_name: str = NAME, **values: tuple[object, object]
) -> MergePreview:
    """Two records, empty but for ``values`` (field -> (record A's, record B's))."""
    fields = tuple(
        FieldComparison(
            field=name,
            value_a=values.get(name, ("", ""))[0],
            value_b=values.get(name, ("", ""))[1],
            differs=values.get(name, ("", ""))[0] != values.get(name, ("", ""))[1],
            suggested="a",
        )
        for name in MERGE_FIELDS
    )
    return MergePreview(
        a_id="a", b_id="b", a_name=a_name, b_name=b_name, a_organisation="หนองบัว",
        b_organisation="บ้านใหม่", a_created_at="", b_created_at="", a_updated_at="",
        b_updated_at="", fields=fields, strengths_a=(), strengths_b=(), related=(),
        suggested_survivor="a", score=0.9, reasons=(),
    )  # fmt: skip


def record(merged_name: str, survivor_name: str) -> MergeRecord:
    return MergeRecord("m", "s", "g", survivor_name, merged_name, 0.9, "2025-01-01", None)


def pair(a_name: str, b_name: str) -> DuplicatePair:
    return DuplicatePair("a", "b", a_name, b_name, "หนองบัว", "หนองบัว", 0.9, ())


def names(p: MergePreview) -> tuple[str, str]:
    return naming.record_name(p, "a"), naming.record_name(p, "b")


def test_different_names_are_shown_as_they_are(english_ui: None) -> None:
    p = preview("นายสมชาย ใจดี", NAME, membership_no=("0012", "0047"))
    assert names(p) == ("นายสมชาย ใจดี", NAME)


def test_one_name_twice_gets_the_letter_and_the_first_telling_value(english_ui: None) -> None:
    assert names(preview(membership_no=("0012", "0047"), phone=("0812345678", "0899999999"))) == (
        "สมชาย ใจดี (record A, Member no. 0012)",
        "สมชาย ใจดี (record B, Member no. 0047)",
    )
    # A value only one record has tells nothing; the organisation is shown by its name.
    p = preview(membership_no=("0012", ""), organisation_id=("org-1", "org-2"))
    assert names(p) == (
        "สมชาย ใจดี (record A, Organisation หนองบัว)",
        "สมชาย ใจดี (record B, Organisation บ้านใหม่)",
    )
    p = preview(national_id=("1101700203450", ""), birth_date=(dt.date(1980, 5, 1), None))
    assert names(p) == ("สมชาย ใจดี (record A)", "สมชาย ใจดี (record B)")
    # Long free text is never the telling value.
    p = preview(address=("99 หมู่ 1", "12 หมู่ 3"), phone=("0812345678", "0899999999"))
    assert names(p)[1] == "สมชาย ใจดี (record B, Mobile 089-999-9999)"


def test_keep_buttons_name_a_record_with_what_tells_it_apart(english_ui: None) -> None:
    p = preview(membership_no=("0012", "0047"))
    assert (naming.keep_name(p, "a"), naming.keep_name(p, "b")) == (
        "สมชาย ใจดี (Member no. 0012)", "สมชาย ใจดี (Member no. 0047)"
    )  # the button itself says which record: no "record A" here
    p = preview("นายสมชาย ใจดี", NAME, membership_no=("0012", "0047"))
    assert (naming.keep_name(p, "a"), naming.keep_name(p, "b")) == ("นายสมชาย ใจดี", NAME)
    assert naming.keep_name(preview(), "b") == NAME  # nothing tells them apart


def test_messages_about_both_records_name_one_name_once(english_ui: None) -> None:
    assert naming.dismissed_text(pair(NAME, NAME)) == (
        "The two records of “สมชาย ใจดี” are marked as different people."
    )
    assert naming.dismissed_text(pair("นายสมชาย ใจดี", NAME)) == (
        "“นายสมชาย ใจดี” and “สมชาย ใจดี” are marked as different people."
    )
    assert (
        naming.undo_tooltip(record(NAME, NAME))
        == "Undo the merge of the two records of “สมชาย ใจดี”"
    )
    assert naming.undo_tooltip(record(NAME, "นายสมชาย ใจดี")) == (
        "Undo the merge of “สมชาย ใจดี” into “นายสมชาย ใจดี”"
    )
    assert naming.undo_question(record(NAME, NAME)).startswith(
        "Undo the merge of the two records of “สมชาย ใจดี”?\n\nBoth come back as they were"
    )
    assert naming.undo_question(record(NAME, "นายสมชาย ใจดี")).startswith(
        "Undo the merge of “สมชาย ใจดี” into “นายสมชาย ใจดี”?\n\nBoth records come back"
    )


def test_fill_replaces_each_marker_once() -> None:
    assert naming.fill("%1 into %2", "50%2 off", "x") == "50%2 off into x"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    ts = tmp_path_factory.mktemp("lupdate") / "naming.ts"
    i18n_tool.run_lupdate(ts, [Path(naming.__file__)])
    return {
        message.findtext("source", "")
        for context in ET.parse(ts).getroot().iter("context")
        if context.findtext("name") == "Duplicates"
        for message in context.iter("message")
    }


def test_every_template_is_extracted(english_ui: None, extracted: set[str]) -> None:
    assert {
        "%1 (record A)", "%1 (record B)", "%1 (record A, %2 %3)", "%1 (record B, %2 %3)",
        "The two records of “%1” are marked as different people.",
        "“%1” and “%2” are marked as different people.",
        "Undo the merge of the two records of “%1”", "Undo the merge of “%1” into “%2”",
        "%1 (%2 %3)",
    } <= extracted  # fmt: skip
    assert len(extracted) == 11
