"""Formula (CSV) injection: which cells are escaped, and that the escape can always be undone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.io.cell_safety import column_may_need_escape, escape_cell, needs_escape, unescape_cell


@pytest.mark.parametrize(
    "value",
    [
        "=1+2",
        '=HYPERLINK("http://evil.example","คลิก")',
        "+66 81 234 5678",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(A1:A9)",
        "@shop",  # a LINE official account: harmless, but a spreadsheet would try it
        "\t=1+2",
        "\r=1+2",
        "\n=1+2",
        "\tข้อความ",  # a leading tab can hide what follows: escaped whatever follows
        " =1+2",
        "\u00a0=1+2",
        "＝1+2",  # full-width forms some programs fold into ASCII
        "＋1",
        "－1",
        "-๑๒",  # Thai digits are not a number to a spreadsheet
        "＠x",
        "- ประชุมครั้งที่ 1",
        "--1",
        "+",
        "=",
    ],
)
def test_formula_starts_are_escaped(value: str) -> None:
    assert needs_escape(value)
    assert escape_cell(value) == "'" + value
    assert unescape_cell(escape_cell(value)) == value


@pytest.mark.parametrize(
    "value",
    ["", "สมชาย", "นาย", "-", "-500", "+1", "-1,200.50", "3.5", ".5", "0812345678",
     "081-234-5678", "a=b", "ก+ข", "somchai@example.com", "'", "'ข้อความ", " ข้อความ", "(=1)"],
)  # fmt: skip
def test_plain_values_are_left_alone(value: str) -> None:
    assert not needs_escape(value)
    assert escape_cell(value) == value
    assert unescape_cell(value) == value


def test_quotes_before_a_trigger_get_one_more_quote() -> None:
    assert escape_cell("'=1") == "''=1"
    assert escape_cell("''@x") == "'''@x"
    assert unescape_cell("''=1") == "'=1"
    assert unescape_cell("'=1") == "=1"
    assert unescape_cell("'-") == "'-"  # "-" is never escaped, so this quote is the value's own
    assert unescape_cell("'500") == "'500"


_TEXT = st.text(
    alphabet=st.sampled_from(list("=+-@'\t\r\n \u00a0\u3000＝＋－＠0123456789.,aกขำ่้")),
    max_size=6,
)


@given(_TEXT)
def test_unescape_undoes_escape(value: str) -> None:
    assert unescape_cell(escape_cell(value)) == value


@given(_TEXT)
def test_an_escaped_cell_never_starts_a_formula(value: str) -> None:
    cell = escape_cell(value)
    assert not needs_escape(cell) or cell.startswith("'")
    first = cell[:1]
    assert first not in ("=", "@", "\t", "\r", "\n", "＝", "＠")
    if first in ("+", "-", "＋", "－"):  # only a plain number or a lone dash
        assert cell == "-" or cell[1:].replace(".", "").replace(",", "").isdigit(), cell


@given(st.lists(_TEXT, max_size=8))
def test_the_column_test_never_misses_a_cell(values: list[str]) -> None:
    if any(needs_escape(value) for value in values):
        assert column_may_need_escape(values)


def test_the_column_test_passes_plain_columns() -> None:
    assert not column_may_need_escape(["สมชาย", "", "อรุณ", "เกศินี"])
    assert not column_may_need_escape(["Somchai", "", "Arun"])
    assert not column_may_need_escape(["000123", "69-000001", ""])
    assert not column_may_need_escape([])
    assert not column_may_need_escape(["", ""])
    assert column_may_need_escape(["สมชาย", "@shop"])
    assert column_may_need_escape(["99/1 หมู่ 2", "ก"])  # digits to Thai spans "=" and "@"
