"""SQL for a MemberFilter: the conditions on ``member m`` shared by search, counts and facets.

Every condition is on the member row itself (``m``): filters on the organisation (province,
region, type) become ``m.organisation_id IN (SELECT id FROM organisation ...)`` over at most a few
thousand organisations, so counting and faceting never join 393,000 members to their
organisations, and SQLite may seek ``ix_member_organisation_id`` instead of scanning.

Search text: normalised (cleaned, Thai digits to Arabic, case-folded) and split on whitespace;
every term must match. A term of 3 or more code points goes to the FTS5 trigram index
(``member_fts``); a shorter one (trigrams need 3 code points, and Thai vowels and tone marks are
code points of their own) falls back to ``instr()`` on the name columns, and for digits on the
phone, national ID and membership number columns.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from typing import Literal

from db.members._sql import placeholders, today_iso
from db.members.types import Facet, MemberFilter
from db.search import search_backlog
from db.thai.phone import phone_digits_for_search
from db.thai.text import normalize_for_search

MIN_TRIGRAM = 3
# A 2-code-point term is looked up through the trigrams that start with it when at most this
# many documents hold them (measured at 393,000 members: ~30 ms for 20,000 candidates, while
# reading every member takes ~200 ms).
SHORT_TERM_CANDIDATE_LIMIT = 40_000
VOCAB_TABLE = "member_fts_terms"
# What people type or paste inside an ID or phone number besides digits.
_NUMBER_LIKE = re.compile(r"^\+?[0-9][0-9\-.()/]*$")
# A term in the search document (db.search.MEMBER_DOC) of ``member m``, for members of the
# search backlog, tested column by column (no term holds the space between two): 0.6-0.7 s for a
# count over 393,000 members where building each document took 1.5 s. Latin columns lowered as
# the index folds them (lower() folds ASCII only: an accented capital is missed meanwhile).
_BACKLOG_COLUMNS = (
    "lower(m.prefix)", "lower(m.first_name || m.last_name)", "lower(m.nickname)",
    "lower(m.first_name_en)",
    "lower(m.last_name_en)", "lower(m.position)", "lower(m.membership_no)", "m.national_id",
    "m.phone", "m.phone_office", "lower(m.email)", "lower(m.line_id)",
)  # fmt: skip
_BACKLOG_TERM = (
    "(" + " OR ".join(f"instr({column}, ?) > 0" for column in _BACKLOG_COLUMNS)
    + " OR m.organisation_id IN (SELECT id FROM organisation WHERE instr(lower(name), ?) > 0))"
)
_BACKLOG_TERM_PARAMS = len(_BACKLOG_COLUMNS) + 1
# Columns a short (1-2 code point) term is looked for in.
_SHORT_NAME_COLUMNS = ("m.first_name", "m.last_name", "m.nickname")
_SHORT_LATIN_COLUMNS = ("lower(m.first_name_en)", "lower(m.last_name_en)")
_SHORT_DIGIT_COLUMNS = ("m.phone", "m.phone_office", "m.national_id", "m.membership_no")

FilterName = Literal[
    "text",
    "province_codes",
    "region_ids",
    "org_type_codes",
    "organisation_ids",
    "personnel_types",
    "positions",
    "group_ids",
    "strengths",
    "statuses",
]

# The filter a facet ignores when its own counts are computed (standard faceted search).
FACET_OWN_FILTER: dict[Facet, FilterName] = {
    Facet.REGION: "region_ids",
    Facet.PROVINCE: "province_codes",
    Facet.ORG_TYPE: "org_type_codes",
    Facet.PERSONNEL_TYPE: "personnel_types",
    Facet.STATUS: "statuses",
    Facet.GROUP: "group_ids",
    Facet.STRENGTH: "strengths",
    Facet.POSITION: "positions",
}


@dataclass(frozen=True, slots=True)
class SearchTerms:
    """A search text split into what the FTS index finds and what instr() must check."""

    fts: tuple[str, ...]
    short: tuple[str, ...]

    @property
    def match_expression(self) -> str:
        """The FTS5 query: each term quoted as an FTS5 string, all required (implicit AND)."""
        return " ".join(_quoted(term) for term in self.fts)


def _term(raw: str) -> str:
    """One typed term as stored data spells it: an ID or phone number loses its separators."""
    if _NUMBER_LIKE.match(raw) and any(char.isdigit() for char in raw):
        return phone_digits_for_search(raw) or raw
    return raw


def parse_search_text(text: str) -> SearchTerms:
    """Split a search box's text into FTS terms and short terms (duplicates dropped).

    A text that is one number written with spaces ("+66 81 234 5678", "1 1017 00203 45 0") is
    one term: its digits.
    """
    normalised = normalize_for_search(text)
    compact = normalised.replace(" ", "")
    words = [compact] if " " in normalised and _NUMBER_LIKE.match(compact) else normalised.split()
    terms: list[str] = []
    for raw in words:
        term = _term(raw)
        if term and term not in terms:
            terms.append(term)
    return SearchTerms(
        fts=tuple(t for t in terms if len(t) >= MIN_TRIGRAM),
        short=tuple(t for t in terms if len(t) < MIN_TRIGRAM),
    )


def _short_term_condition(term: str) -> tuple[str, list[object]]:
    columns: tuple[str, ...] = _SHORT_NAME_COLUMNS
    if term.isascii():
        columns = columns + _SHORT_LATIN_COLUMNS
    if term.isdigit():
        columns = _SHORT_DIGIT_COLUMNS
    checks = " OR ".join(f"instr({column}, ?) > 0" for column in columns)
    return f"({checks})", [term] * len(columns)


@dataclass(slots=True)
class Conditions:
    """``WITH`` clauses, ``WHERE`` conditions on ``member m`` and their parameters, in order."""

    ctes: list[str] = field(default_factory=list)
    cte_params: list[object] = field(default_factory=list)
    where: list[str] = field(default_factory=lambda: ["m.deleted_at IS NULL"])
    params: list[object] = field(default_factory=list)
    # What the search text became: a trigram (FTS) match, and for short terms only, how many
    # documents the FTS candidates of the most selective one number (None: no candidates).
    fts_match: str | None = None  # the FTS5 query of a 3+ code point search text
    candidate_documents: int | None = None

    def add(self, condition: str, params: list[object] | tuple[object, ...] = ()) -> None:
        self.where.append(condition)
        self.params.extend(params)

    @property
    def has_fts_match(self) -> bool:
        return self.fts_match is not None

    @property
    def only_live(self) -> bool:
        """No filter but "live member": the whole register."""
        return len(self.where) == 1 and not self.ctes

    @property
    def with_clause(self) -> str:
        return ("WITH RECURSIVE " + ", ".join(self.ctes) + " ") if self.ctes else ""

    @property
    def where_clause(self) -> str:
        return " AND ".join(self.where)

    @property
    def all_params(self) -> list[object]:
        return [*self.cte_params, *self.params]


GROUP_SUBTREE_CTE = (
    "selected_group(id) AS ("
    " SELECT id FROM network_group WHERE id IN ({ids}) AND deleted_at IS NULL"
    " UNION"
    " SELECT g.id FROM network_group g JOIN selected_group s ON g.parent_id = s.id"
    " WHERE g.deleted_at IS NULL)"
)

# Memberships that count today: live, started (or no start date), not ended (an end date is
# the first day the person is no longer a member, so ending a membership today takes effect now).
CURRENT_MEMBERSHIP = (
    "gm.deleted_at IS NULL AND (gm.started_on IS NULL OR gm.started_on <= ?)"
    " AND (gm.ended_on IS NULL OR gm.ended_on > ?)"
)


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _trigrams_starting_with(connection: sqlite3.Connection, term: str) -> tuple[list[str], int]:
    """The indexed trigrams that begin with ``term``, and how many documents hold them (an
    upper bound of the documents containing ``term`` followed by anything)."""
    connection.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{VOCAB_TABLE}"
        " USING fts5vocab('main', 'member_fts', 'row')"
    )
    rows = connection.execute(
        f"SELECT term, doc FROM temp.{VOCAB_TABLE} WHERE term >= ? AND term < ?",
        (term, term + "\U0010ffff"),
    ).fetchall()
    return [r[0] for r in rows], sum(r[1] for r in rows)


def _short_term_candidates(
    connection: sqlite3.Connection, short: tuple[str, ...], min_length: int
) -> tuple[str, int] | None:
    """An FTS query for the documents that may hold the most selective 2-code-point term, and
    how many documents that is.

    A name is always followed by another character in the document (a space at least), so
    every place a 2-code-point term occurs in a name starts a trigram "term + one more". When
    few documents hold those trigrams, finding them in the index and checking only their names
    beats reading every member; otherwise (a common pair, or 1 code point) None: scan.
    ``min_length=1`` looks up 1-code-point terms too (the same holds: every name is followed by
    at least two characters in the document), which costs tens of ms for a common letter.
    """
    best: tuple[int, list[str]] | None = None
    for term in short:
        if not min_length <= len(term) < MIN_TRIGRAM:
            continue
        trigrams, documents = _trigrams_starting_with(connection, term)
        if best is None or documents < best[0]:
            best = (documents, trigrams)
    if best is None or best[0] > SHORT_TERM_CANDIDATE_LIMIT:
        return None
    if not best[1]:
        return '""', 0  # no document has it: the empty phrase matches nothing
    return " OR ".join(_quoted(trigram) for trigram in best[1]), best[0]


def build_conditions(
    filters: MemberFilter,
    *,
    ignore: FilterName | None = None,
    connection: sqlite3.Connection | None = None,
    single_code_point_candidates: bool = False,
) -> Conditions:
    """The conditions selecting live members that pass ``filters`` (except ``ignore``).

    With ``connection``, a search of short terms only may use the FTS index to find candidates
    (for 2-code-point terms, and 1-code-point ones too with ``single_code_point_candidates``).
    """
    c = Conditions()

    def active(name: FilterName) -> bool:
        return name != ignore and bool(getattr(filters, name))

    if active("text"):
        terms = parse_search_text(filters.text)
        backlog = search_backlog(connection) if connection is not None else None
        if terms.fts and backlog is not None:
            # Members of the backlog may have no document yet: their text is searched as the
            # index would (all terms, in the same document), the others through the index.
            found = " AND ".join([_BACKLOG_TERM] * len(terms.fts))
            c.add(
                "(m.rowid IN (SELECT rowid FROM member_fts WHERE member_fts MATCH ?)"
                f" OR (m.rowid > ? AND m.rowid <= ? AND {found}))",
                [terms.match_expression, backlog.after, backlog.upto,
                 *(t for t in terms.fts for _ in range(_BACKLOG_TERM_PARAMS))],
            )  # fmt: skip
        elif terms.fts:
            c.add(
                "m.rowid IN (SELECT rowid FROM member_fts WHERE member_fts MATCH ?)",
                [terms.match_expression],
            )
            c.fts_match = terms.match_expression
        elif terms.short and connection is not None and backlog is None:
            min_length = 1 if single_code_point_candidates else MIN_TRIGRAM - 1
            candidates = _short_term_candidates(connection, terms.short, min_length)
            if candidates is not None:
                c.add(
                    "m.rowid IN (SELECT rowid FROM member_fts WHERE member_fts MATCH ?)",
                    [candidates[0]],
                )
                c.candidate_documents = candidates[1]
        for term in terms.short:
            condition, params = _short_term_condition(term)
            c.add(condition, params)
    org_conditions: list[str] = []
    org_params: list[object] = []
    if active("province_codes"):
        org_conditions.append(f"province_code IN ({placeholders(filters.province_codes)})")
        org_params.extend(filters.province_codes)
    if active("region_ids"):
        org_conditions.append(
            "province_code IN (SELECT code FROM province"
            f" WHERE region_id IN ({placeholders(filters.region_ids)}))"
        )
        org_params.extend(filters.region_ids)
    if active("org_type_codes"):
        org_conditions.append(f"type_code IN ({placeholders(filters.org_type_codes)})")
        org_params.extend(filters.org_type_codes)
    if org_conditions:
        c.add(
            "m.organisation_id IN (SELECT id FROM organisation WHERE deleted_at IS NULL AND "
            + " AND ".join(org_conditions)
            + ")",
            org_params,
        )
    if active("organisation_ids"):
        c.add(
            f"m.organisation_id IN ({placeholders(filters.organisation_ids)})",
            filters.organisation_ids,
        )
    if active("personnel_types"):
        c.add(
            f"m.personnel_type IN ({placeholders(filters.personnel_types)})",
            filters.personnel_types,
        )
    if active("positions"):
        c.add(f"m.position IN ({placeholders(filters.positions)})", filters.positions)
    if active("statuses"):
        c.add(f"m.status IN ({placeholders(filters.statuses)})", filters.statuses)
    if active("strengths"):
        c.add(
            "m.id IN (SELECT member_id FROM member_strength"
            f" WHERE tag IN ({placeholders(filters.strengths)}) AND deleted_at IS NULL)",
            filters.strengths,
        )
    if active("group_ids"):
        c.ctes.append(GROUP_SUBTREE_CTE.format(ids=placeholders(filters.group_ids)))
        c.cte_params.extend(filters.group_ids)
        today = today_iso()
        c.add(
            "m.id IN (SELECT gm.member_id FROM group_membership gm"
            f" WHERE gm.group_id IN (SELECT id FROM selected_group) AND {CURRENT_MEMBERSHIP})",
            [today, today],
        )
    return c
