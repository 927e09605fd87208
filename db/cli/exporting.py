"""``python -m db export members``: the register (or a filtered part of it, or chosen members) to
.xlsx, .csv or .vcf."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from sqlmodel import Session

from db.cli.common import EXIT_OK, CliError, open_existing, say
from db.io.export_columns import EXPORT_COLUMNS, ExportError
from db.io.export_members import FORMATS, ExportCancelled, export_members
from db.members._sql import dbapi
from db.members.types import MemberFilter, MemberSort, SortColumn
from db.reference.queries import province_matcher
from db.thai.text import normalize_for_search

_EXAMPLES = """\
examples:
  python -m db export members --db office.sqlite --out members.xlsx
  python -m db export members --db office.sqlite --out cm.csv --province เชียงใหม่ 57 \\
      --status active --columns prefix,first_name,last_name,phone,organisation
  python -m db export members --db office.sqlite --out contacts.vcf --group "ชมรมนิติกร"
"""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("export", help="export members to .xlsx, .csv or .vcf")
    targets = parser.add_subparsers(dest="target", metavar="WHAT", required=True)
    columns = ", ".join(
        column.key + (" (personal)" if column.personal else "") for column in EXPORT_COLUMNS
    )
    members = targets.add_parser(
        "members",
        help="the member register (all, filtered or chosen members)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Write live members, in Thai name order unless --sort says otherwise, to FILE:\n"
            ".xlsx (text cells, bold frozen header with filters), .csv (UTF-8 with BOM, opens"
            " in Excel)\nor .vcf (vCard 3.0 contacts for phones). National ID and birth date"
            " are left out\nunless --include-personal. Dates are written like '2 ต.ค. 2557'"
            " (BE) or '2014-10-02' (CE).\nThe file re-imports with 'python -m db import"
            " members'.\n\nThe filter options narrow the export; an option given several"
            " values (--status active pending)\ntakes members matching any of them, and"
            " different options must all match."
        ),
        epilog=f"columns (for --columns): {columns}\n\n{_EXAMPLES}",
    )
    members.add_argument("--db", type=Path, required=True, metavar="PATH", help="database file")
    members.add_argument(
        "--out", type=Path, required=True, metavar="FILE",
        help="the file to write (.xlsx, .csv or .vcf); replaced only when the export succeeds",
    )  # fmt: skip
    members.add_argument(
        "--format", choices=FORMATS, help="the format, when FILE's suffix does not say it"
    )
    filters = members.add_argument_group("filters")
    for option, metavar, text in (
        (
            "--province",
            "NAME_OR_CODE",
            "the organisation's province: code (50), Thai or English"
            " name, or a common alias (กทม., โคราช)",
        ),
        (
            "--org-type",
            "CODE",
            "organisation type: code (pao, city_municipality,"
            " town_municipality, subdistrict_municipality, sao, bangkok, pattaya, other) or name",
        ),
        (
            "--status",
            "CODE",
            "membership status: code (active, pending, inactive, resigned,"
            " deceased) or Thai/English name",
        ),
        (
            "--personnel-type",
            "CODE",
            "personnel type: code (local_official, local_teacher, ...) or name",
        ),
        ("--group", "ID_OR_NAME", "members of a group and of its sub-groups, by id or exact name"),
        ("--strength", "TAG", "members offering this strength"),
        ("--member", "ID", "only these members (a selection, e.g. for a .vcf)"),
    ):
        filters.add_argument(option, metavar=metavar, nargs="+", action="extend", default=[],
                             help=text)  # fmt: skip
    filters.add_argument(
        "--text", default="", metavar="TEXT",
        help="what the search box finds: parts of Thai names, nickname, organisation, position,"
        " or digits of a national ID or phone",
    )  # fmt: skip
    members.add_argument(
        "--sort", choices=[column.value for column in SortColumn], default="name",
        help="order of the rows (default: name, in Thai order)",
    )  # fmt: skip
    members.add_argument("--descending", action="store_true", help="reverse the order")
    members.add_argument(
        "--columns", metavar="a,b,c",
        help="the columns to write, in this order (default: all but the personal ones);"
        " see the list below",
    )  # fmt: skip
    members.add_argument(
        "--include-personal", action="store_true",
        help="include national ID and birth date (personal data under the PDPA)",
    )  # fmt: skip
    members.add_argument("--era", choices=("BE", "CE"), default="BE", help="dates (default BE)")
    members.add_argument(
        "--language", choices=("th", "en"), default="th",
        help="headers and labels in Thai (default) or English",
    )  # fmt: skip
    members.set_defaults(run=run_members)


def _lookup(session: Session, kind: str, values: Sequence[str], what: str) -> tuple[str, ...]:
    """Codes of a reference list from codes or names (Thai, English, abbreviation)."""
    rows = dbapi(session).execute(
        "SELECT code, name_th, name_en, abbr_th FROM ref_item WHERE kind = ?", (kind,)
    )
    by_name: dict[str, str] = {}
    for code, *names in rows:
        for name in (code, *names):
            if name:
                by_name.setdefault(normalize_for_search(name), code)
    codes: list[str] = []
    for value in values:
        code = by_name.get(normalize_for_search(value))
        if code is None:
            known = sorted({code for code in by_name.values()})
            raise CliError(f"unknown {what} {value!r}; the codes are: {', '.join(known)}")
        codes.append(code)
    return tuple(dict.fromkeys(codes))


def _provinces(session: Session, values: Sequence[str]) -> tuple[int, ...]:
    match = province_matcher(session)
    known = {code for (code,) in dbapi(session).execute("SELECT code FROM province")}
    codes: list[int] = []
    for value in values:
        if value.strip().isdigit() and int(value) in known:
            codes.append(int(value))
            continue
        province = match(value)
        if province is None:
            raise CliError(f"unknown province {value!r}: give its code (50) or name (เชียงใหม่)")
        codes.append(province.code)
    return tuple(dict.fromkeys(codes))


def _groups(session: Session, values: Sequence[str]) -> tuple[str, ...]:
    ids: list[str] = []
    for value in values:
        rows = (
            dbapi(session)
            .execute(
                "SELECT id FROM network_group WHERE deleted_at IS NULL AND (id = ? OR name = ?)",
                (value, value.strip()),
            )
            .fetchall()
        )
        if len(rows) != 1:
            problem = "no group" if not rows else f"{len(rows)} groups"
            raise CliError(f"{problem} with the id or name {value!r}")
        ids.append(rows[0][0])
    return tuple(dict.fromkeys(ids))


def member_filter(session: Session, args: argparse.Namespace) -> MemberFilter:
    """The MemberFilter the command's options describe (CliError for unknown values)."""
    return MemberFilter(
        text=args.text,
        province_codes=_provinces(session, args.province),
        org_type_codes=_lookup(session, "org_type", args.org_type, "organisation type"),
        statuses=_lookup(session, "member_status", args.status, "status"),
        personnel_types=_lookup(session, "personnel_type", args.personnel_type, "personnel type"),
        group_ids=_groups(session, args.group),
        strengths=tuple(dict.fromkeys(tag.strip() for tag in args.strength)),
    )


class _Progress:
    """Progress on stderr: one updating line on a terminal, nothing when piped."""

    def __init__(self) -> None:
        self._tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> bool:
        if self._tty:
            sys.stderr.write(f"\r{done:,} / {total:,} members" + ("\n" if done >= total else ""))
            sys.stderr.flush()
        return True


def run_members(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    columns = args.columns.split(",") if args.columns is not None else None
    database = open_existing(args.db, need_current_schema=True)
    try:
        with database.session() as session:
            filters = member_filter(session, args)
        # The Database, not a session: the export opens its own read transactions (two
        # readers on one snapshot for a big export).
        result = export_members(
            database, out_path=args.out, fmt=args.format, filters=filters,
            sort=MemberSort(SortColumn(args.sort), descending=args.descending),
            member_ids=args.member or None, columns=columns,
            include_personal=args.include_personal, era=args.era, language=args.language,
            progress=_Progress(),
        )  # fmt: skip
    except ExportError as error:
        raise CliError(f"{error.message} [{error.code}]; nothing was written") from None
    except ExportCancelled:  # pragma: no cover - the command line never cancels
        raise CliError("cancelled; nothing was written") from None
    finally:
        database.dispose()
    seconds = time.perf_counter() - started
    print(f"Exported {result.count:,} member(s) to {result.path} in {seconds:.1f} s")
    if result.count == 0:
        say("no member matched: the file holds the header row only")
    return EXIT_OK
