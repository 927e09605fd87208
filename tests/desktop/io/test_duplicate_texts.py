"""The duplicate reasons of an import report, said for the user (desktop.io.texts)."""

from __future__ import annotations

import pytest

from desktop.io.texts import duplicate_text


@pytest.mark.usefixtures("english_ui")
def test_the_same_membership_number_is_said_for_a_row_and_a_registered_member() -> None:
    assert duplicate_text("same_membership_no", "skipped", duplicate_of_row=7) == (
        "Same membership number as row 7: skipped"
    )
    assert duplicate_text("same_membership_no", "updated", duplicate_of_row=None) == (
        "Same membership number and name as a registered member: the registered member was"
        " updated"
    )


def test_the_same_membership_number_is_said_in_thai() -> None:
    assert duplicate_text("same_membership_no", "skipped", duplicate_of_row=7).startswith(
        "เลขสมาชิกซ้ำกับแถว 7"
    )
    assert duplicate_text("same_membership_no", "updated", duplicate_of_row=None).startswith(
        "เลขสมาชิกและชื่อซ้ำกับสมาชิกที่มีอยู่ในทะเบียน"
    )


@pytest.mark.usefixtures("english_ui")
def test_a_registered_member_repeated_is_named_when_known() -> None:
    assert duplicate_text(
        "same_national_id", "skipped", duplicate_of_row=None, existing_name="นายสมชาย ใจดี"
    ) == "Same national ID as a registered member (นายสมชาย ใจดี): skipped"


@pytest.mark.usefixtures("english_ui")
def test_an_update_names_the_fields_it_changed() -> None:
    assert duplicate_text(
        "same_national_id", "updated", duplicate_of_row=None, changed=("phone", "groups")
    ) == (
        "Same national ID as a registered member: the registered member was updated"
        " (Mobile, groups and roles)"
    )


def test_an_update_names_the_fields_it_changed_in_thai() -> None:
    assert duplicate_text(
        "same_national_id", "updated", duplicate_of_row=None, changed=("phone", "strengths")
    ).endswith("(โทรศัพท์มือถือ, ความเชี่ยวชาญ)")
