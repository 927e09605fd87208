"""The export's columns: every header is one the importer maps back to the same field."""

from __future__ import annotations

import pytest

from db.io.export_columns import (
    COLUMNS_BY_KEY,
    EXPORT_COLUMNS,
    PERSONAL_KEYS,
    ExportError,
    resolve_columns,
)


def test_columns_are_unique_and_personal_ones_are_id_and_birth_date() -> None:
    assert len(COLUMNS_BY_KEY) == len(EXPORT_COLUMNS) == 30
    assert len({c.header_th for c in EXPORT_COLUMNS}) == 30
    assert len({c.header_en for c in EXPORT_COLUMNS}) == 30
    assert PERSONAL_KEYS == ("national_id", "birth_date")


@pytest.mark.parametrize("language", ["th", "en"])
def test_every_header_maps_back_to_its_field_in_the_importer(language: str) -> None:
    mapping = pytest.importorskip("db.io.mapping", reason="importer not available")
    for column in EXPORT_COLUMNS:
        header = column.header_th if language == "th" else column.header_en
        match = mapping.match_header(header)
        assert match is not None, header
        assert (match.field, match.fuzzy) == (column.import_field, False), header
        assert column.import_field in mapping.FIELDS


def test_resolve_keeps_the_users_order_and_drops_repeats() -> None:
    chosen = resolve_columns(["phone", " first_name ", "phone"], include_personal=False)
    assert [c.key for c in chosen] == ["phone", "first_name"]


def test_resolve_explains_what_is_wrong() -> None:
    with pytest.raises(ExportError) as error:
        resolve_columns(["first_name", "salary", "shoe"], include_personal=True)
    assert error.value.code == "unknown_column"
    assert "'salary', 'shoe'" in error.value.message and "first_name" in error.value.message
    with pytest.raises(ExportError) as error:
        resolve_columns(["national_id"], include_personal=False)
    assert error.value.code == "personal_data_not_included"
    assert [c.key for c in resolve_columns(["national_id"], include_personal=True)] == [
        "national_id"
    ]
