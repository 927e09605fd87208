"""The problems an import lists after it ran: every one, in row order, with the cell concerned."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.engine import Database
from db.io.import_members import import_members
from db.io.import_problems import import_and_list_problems, list_problems, problems_of_file
from db.io.readers import TableCache
from tests.db.io.fixtures_import import (
    MESSY_DUPLICATE_EXISTING,
    MESSY_DUPLICATE_IN_FILE,
    MESSY_EXPECTED_ERRORS,
    MESSY_EXPECTED_WARNINGS,
    write_messy_xlsx,
    write_simple_xlsx,
)


@pytest.fixture
def database(seeded_database: Database) -> Database:
    return seeded_database


def test_every_problem_of_the_messy_sheet_in_row_order_with_its_cell(
    database: Database, tmp_path: Path
) -> None:
    path = write_messy_xlsx(tmp_path / "messy.xlsx")
    cache = TableCache()
    with database.session() as session:
        report, found = import_and_list_problems(session, path=path, cache=cache)
        session.commit()
    problems = found.problems
    assert found.total == len(problems) == 6 + 4 + 3
    assert [p.row for p in problems] == sorted(p.row for p in problems)
    errors = {p.row: p for p in problems if p.kind == "error"}
    assert {row: p.code for row, p in errors.items()} == MESSY_EXPECTED_ERRORS
    warnings = {p.row: p.code for p in problems if p.kind == "warning"}
    assert warnings == MESSY_EXPECTED_WARNINGS
    duplicates = {p.row: p for p in problems if p.kind == "duplicate"}
    assert duplicates[14].duplicate_of_row == MESSY_DUPLICATE_IN_FILE[14]
    assert {row: duplicates[row].code for row in MESSY_DUPLICATE_EXISTING} == (
        MESSY_DUPLICATE_EXISTING
    )
    assert duplicates[22].existing_member_id and duplicates[22].action == "skipped"
    # Whom a row repeats is said by name, read from the register.
    with database.session() as session:
        named = {
            row: session.connection().exec_driver_sql(
                "SELECT trim(prefix || first_name || ' ' || last_name) FROM member WHERE id = ?",
                (duplicates[row].existing_member_id,),
            ).scalar_one()
            for row in MESSY_DUPLICATE_EXISTING
        }
    assert {row: duplicates[row].existing_name for row in MESSY_DUPLICATE_EXISTING} == named
    assert all(named.values())
    assert duplicates[14].existing_name == ""  # an earlier row: its number says which
    # The cell each error is about, as the file holds it.
    assert errors[10].value == "12345" and errors[10].column
    assert errors[12].value == "เมืองลับแล"
    assert errors[13].value == "bad@"
    assert errors[15].value == "31 ก.พ. 2530"
    assert errors[11].value == ""  # no name: the cell is empty
    assert errors[8].message  # the English explanation stays for the English interface
    assert report.rejected == len(errors)


def test_the_list_is_capped_but_counts_every_problem(database: Database, tmp_path: Path) -> None:
    path = write_messy_xlsx(tmp_path / "messy.xlsx")
    report = import_members(database, path=path, dry_run=True)
    found = list_problems(report, limit=5)
    assert len(found.problems) == 5 and found.total == 13
    assert all(p.value == "" for p in found.problems)  # no sheet given: no cells


def test_a_file_gone_since_the_import_lists_problems_without_cells(
    database: Database, tmp_path: Path
) -> None:
    path = write_messy_xlsx(tmp_path / "messy.xlsx")
    report = import_members(database, path=path, dry_run=True)
    path.unlink()
    found = problems_of_file(report, path)
    assert found.total == 13
    assert {p.value for p in found.problems} == {""}


def test_a_clean_import_has_no_problems(database: Database, tmp_path: Path) -> None:
    path = write_simple_xlsx(tmp_path / "simple.xlsx", ("ชื่อ", "นามสกุล"), [("สมปอง", "ดีใจ")])
    with database.session() as session:
        report, found = import_and_list_problems(session, path=path)
        session.commit()
    assert report.imported == 1
    assert found.problems == [] and found.total == 0
