"""Counts per value of one dimension for the filter panel (faceted search).

A facet is counted under all the active filters except its own: with "province = เชียงใหม่"
chosen, the province facet still shows every province's count (under the other filters), so the
user can see what choosing another province would give, while every other facet counts only
members in เชียงใหม่.

Facets of the organisation (region, province, type) first count members per organisation and
then add those counts up over at most a few thousand organisations, instead of joining every
member to its organisation.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from sqlmodel import Session

from db.members._keys import thai_sort_key
from db.members._sql import dbapi, today_iso
from db.members.filters import CURRENT_MEMBERSHIP, FACET_OWN_FILTER, Conditions, build_conditions
from db.members.types import Facet, FacetCount, MemberFilter
from db.reference.types import Language

# Label of the bucket of members with no value (no personnel type, no position).
BLANK_LABELS: dict[Language, str] = {"th": "ไม่ระบุ", "en": "Not given"}
BLANK_LABEL = BLANK_LABELS["th"]

_PER_ORGANISATION = (
    "SELECT m.organisation_id AS organisation_id, count(*) AS n FROM member m"
    " WHERE {where} GROUP BY m.organisation_id"
)
_ORG_FACET_SQL: dict[Facet, str] = {
    Facet.REGION: (
        "{with_}SELECT p.region_id, sum(x.n) FROM (" + _PER_ORGANISATION + ") x"
        " JOIN organisation o ON o.id = x.organisation_id"
        " JOIN province p ON p.code = o.province_code GROUP BY p.region_id"
    ),
    Facet.PROVINCE: (
        "{with_}SELECT o.province_code, sum(x.n) FROM (" + _PER_ORGANISATION + ") x"
        " JOIN organisation o ON o.id = x.organisation_id"
        " WHERE o.province_code IS NOT NULL GROUP BY o.province_code"
    ),
    Facet.ORG_TYPE: (
        "{with_}SELECT o.type_code, sum(x.n) FROM (" + _PER_ORGANISATION + ") x"
        " JOIN organisation o ON o.id = x.organisation_id GROUP BY o.type_code"
    ),
}
_MEMBER_COLUMN_FACETS: dict[Facet, str] = {
    Facet.PERSONNEL_TYPE: "m.personnel_type",
    Facet.STATUS: "m.status",
    Facet.POSITION: "m.position",
}
_REF_KINDS: dict[Facet, str] = {
    Facet.ORG_TYPE: "org_type",
    Facet.PERSONNEL_TYPE: "personnel_type",
    Facet.STATUS: "member_status",
}


def _strength_counts(connection: sqlite3.Connection, c: Conditions) -> list[tuple[object, int]]:
    if c.only_live:
        # No filter but "live": skip the (few) deleted members instead of checking every one.
        sql = (
            "SELECT s.tag, count(DISTINCT s.member_id) FROM member_strength s"
            " WHERE s.deleted_at IS NULL AND s.member_id NOT IN"
            " (SELECT id FROM member WHERE deleted_at IS NOT NULL) GROUP BY s.tag"
        )
        return connection.execute(sql).fetchall()
    sql = (
        f"{c.with_clause}SELECT s.tag, count(DISTINCT s.member_id) FROM member_strength s"
        f" JOIN member m ON m.id = s.member_id"
        f" WHERE s.deleted_at IS NULL AND {c.where_clause} GROUP BY s.tag"
    )
    return connection.execute(sql, c.all_params).fetchall()


def _group_counts(connection: sqlite3.Connection, c: Conditions) -> list[tuple[object, int]]:
    # A group counts the members of its sub-groups too (as the group filter selects them).
    closure = (
        "group_closure(ancestor, id) AS ("
        " SELECT id, id FROM network_group WHERE deleted_at IS NULL"
        " UNION"
        " SELECT c.ancestor, g.id FROM group_closure c JOIN network_group g ON g.parent_id = c.id"
        " WHERE g.deleted_at IS NULL)"
    )
    today = today_iso()
    if c.only_live:
        # Skip the (few) deleted members instead of looking up every membership's member.
        members = "gm.member_id NOT IN (SELECT id FROM member WHERE deleted_at IS NOT NULL)"
    else:
        members = f"gm.member_id IN (SELECT m.id FROM member m WHERE {c.where_clause})"
    ctes = [*c.ctes, closure]
    sql = (
        f"WITH RECURSIVE {', '.join(ctes)}"
        " SELECT c.ancestor, count(DISTINCT gm.member_id)"
        " FROM group_closure c JOIN group_membership gm ON gm.group_id = c.id"
        f" WHERE {CURRENT_MEMBERSHIP} AND {members}"
        " GROUP BY c.ancestor"
    )
    params: list[object] = [*c.cte_params, today, today]
    if not c.only_live:
        params.extend(c.params)
    return connection.execute(sql, params).fetchall()


def _labeller(
    connection: sqlite3.Connection, facet: Facet, language: Language
) -> Callable[[str], str]:
    # English names where reference data has them (regions, provinces, the editable lists).
    name = "coalesce(nullif(name_en, ''), name_th)" if language == "en" else "name_th"
    if facet is Facet.REGION:
        labels = {str(k): v for k, v in connection.execute(f"SELECT id, {name} FROM region")}
    elif facet is Facet.PROVINCE:
        labels = {str(k): v for k, v in connection.execute(f"SELECT code, {name} FROM province")}
    elif facet is Facet.GROUP:
        labels = dict(connection.execute("SELECT id, name FROM network_group"))
    elif facet in _REF_KINDS:
        labels = dict(connection.execute(
            f"SELECT code, {name} FROM ref_item WHERE kind = ?", (_REF_KINDS[facet],)
        ))  # fmt: skip
    else:  # strength tags and positions are their own labels
        labels = {}
    blank = BLANK_LABELS[language]
    return lambda value: labels.get(value, value) if value else blank


def facet_counts(
    session: Session,
    *,
    filters: MemberFilter,
    facet: Facet,
    limit: int = 200,
    language: Language = "th",
) -> list[FacetCount]:
    """Live members per value of ``facet`` under every active filter except the facet's own.

    Sorted by count (largest first), then Thai label; a blank value (no personnel type, no
    position) comes last with the label "ไม่ระบุ". At most ``limit`` values.
    """
    connection = dbapi(session)
    c = build_conditions(filters, ignore=FACET_OWN_FILTER[facet], connection=connection)
    rows: list[tuple[object, int]]
    if facet in _ORG_FACET_SQL:
        sql = _ORG_FACET_SQL[facet].format(with_=c.with_clause, where=c.where_clause)
        rows = connection.execute(sql, c.all_params).fetchall()
    elif facet in _MEMBER_COLUMN_FACETS:
        column = _MEMBER_COLUMN_FACETS[facet]
        sql = (
            f"{c.with_clause}SELECT {column}, count(*) FROM member m"
            f" WHERE {c.where_clause} GROUP BY 1"
        )
        rows = connection.execute(sql, c.all_params).fetchall()
    elif facet is Facet.STRENGTH:
        rows = _strength_counts(connection, c)
    else:
        rows = _group_counts(connection, c)
    label = _labeller(connection, facet, language)
    counts = []
    for raw, n in rows:
        value = "" if raw is None else str(raw)
        if n:
            counts.append(FacetCount(value=value, label=label(value), count=int(n)))
    counts.sort(key=lambda f: (f.value == "", -f.count, thai_sort_key(f.label), f.value))
    return counts[:limit]
