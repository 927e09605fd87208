"""The home dashboard's figures: a few aggregate queries, no rows loaded into Python.

Members are counted per organisation from an index and joined to ~8,000 organisations and their
provinces (the total, by region, by organisation type); one scan of the member table finds the
soft-deleted and counts members without PDPA consent; dues are one scan of the payments; recent
changes walk the HLC index.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session

from db.thai.dates import fiscal_year, fiscal_year_bounds

RECENT_LIMIT = 10
UNSPECIFIED_CODE = ""  # the code of the "not specified" bucket (no organisation / province / type)


@dataclass(frozen=True, slots=True)
class CategoryCount:
    """Members in one category (a region or an organisation type).

    ``code`` is the region id as text or the ``org_type`` ref_item code; ``""`` is the bucket of
    members whose organisation (or its province or type) is not recorded.
    """

    code: str
    name_th: str
    name_en: str
    count: int
    abbr_th: str = ""


@dataclass(frozen=True, slots=True)
class DuesTotal:
    """Dues payments made (by ``paid_on``) within one Buddhist-era fiscal year."""

    fiscal_year: int  # BE, e.g. 2570 = 1 Oct 2569 .. 30 Sep 2570
    first_day: dt.date
    last_day: dt.date
    payment_count: int
    amount_satang: int


@dataclass(frozen=True, slots=True)
class RecentChange:
    """A member created or changed lately."""

    member_id: str
    full_name: str  # prefix + first name + last name, as Thai writes it
    organisation_name: str
    updated_at: str  # ISO-8601 UTC text, as stored
    created: bool  # True when the member has not changed since it was created (within 1 s)


@dataclass(frozen=True, slots=True)
class DashboardSummary:
    total_members: int  # live members (not soft-deleted), whatever their status
    by_region: tuple[CategoryCount, ...]  # in region order, then the unspecified bucket if any
    by_org_type: tuple[CategoryCount, ...]  # in the org_type list's order, then unspecified
    dues: DuesTotal
    without_consent: int  # live members with no PDPA consent date
    recent: tuple[RecentChange, ...]  # newest first, at most RECENT_LIMIT


# Live members per (region, organisation type), and live members without consent, with one
# read of the member table:
# - members per organisation come from the organisation_id index alone (no table reads);
# - one plain scan of the table (``scan``) collects the organisations of the few soft-deleted
#   members (as a JSON array, so nothing is sorted) and counts live members without consent;
# - per organisation, all minus deleted, joined to the ~8,000 organisations and their provinces.
# Grouping the member rows themselves (sorting 393,000 rows, or reading them in index order at
# random) took 1-1.5 s at national scale; this takes a quarter of that.
_COUNTS_SQL = text(
    """
    WITH scan AS MATERIALIZED (
        SELECT json_group_array(organisation_id) FILTER (WHERE deleted_at IS NOT NULL) AS gone,
               count(*) FILTER (WHERE deleted_at IS NULL AND consent_date IS NULL)
                   AS without_consent
        FROM member NOT INDEXED
    ),
    per_org AS (
        SELECT organisation_id, sum(members) AS members FROM (
            SELECT organisation_id, count(*) AS members FROM member GROUP BY organisation_id
            UNION ALL
            SELECT gone.value, -count(*) FROM scan, json_each(scan.gone) AS gone
            GROUP BY gone.value
        ) GROUP BY organisation_id
    )
    SELECT p.region_id, o.type_code, sum(per_org.members),
           (SELECT without_consent FROM scan)
    FROM per_org
    LEFT JOIN organisation o ON o.id = per_org.organisation_id
    LEFT JOIN province p ON p.code = o.province_code
    GROUP BY p.region_id, o.type_code
    """
)

# The partial index on live members' names is the smallest thing that lists them all.
_LIVE_COUNT_SQL = text(
    "SELECT count(*) FROM member INDEXED BY ix_member_live_name WHERE deleted_at IS NULL"
)

_REGIONS_SQL = text("SELECT id, name_th, name_en FROM region ORDER BY id")

_ORG_TYPES_SQL = text(
    "SELECT code, name_th, name_en, abbr_th, active FROM ref_item WHERE kind = 'org_type'"
    " ORDER BY sort_order, code"
)

# paid_on is stored as ISO text, so a text range is a date range.
_DUES_SQL = text(
    "SELECT count(*), coalesce(sum(amount_satang), 0) FROM dues_payment"
    " WHERE deleted_at IS NULL AND paid_on BETWEEN :first AND :last"
)

# hlc is the text-sortable stamp of each member's last change and is indexed: newest first
# without sorting the whole table.
_RECENT_SQL = text(
    """
    SELECT m.id, m.prefix, m.first_name, m.last_name, coalesce(o.name, ''), m.updated_at,
           coalesce((julianday(m.updated_at) - julianday(m.created_at)) * 86400 < 1, 1)
    FROM member m
    LEFT JOIN organisation o ON o.id = m.organisation_id
    WHERE m.deleted_at IS NULL
    ORDER BY m.hlc DESC
    LIMIT :limit
    """
)


def dashboard_summary(session: Session, *, today: dt.date | None = None) -> DashboardSummary:
    """The home dashboard's figures; ``today`` (default: the local date) picks the fiscal year."""
    today = today or dt.date.today()
    by_region_code: dict[str, int] = {}
    by_type_code: dict[str, int] = {}
    total = without_consent = 0
    # At most (regions + 1) x (organisation types + 1) grouped rows: a few dozen.
    for region_id, type_code, members, no_consent in session.execute(_COUNTS_SQL).all():
        without_consent = no_consent or 0
        if not members:
            continue  # an organisation whose members were all deleted
        region_key = UNSPECIFIED_CODE if region_id is None else str(region_id)
        type_key = type_code or UNSPECIFIED_CODE
        by_region_code[region_key] = by_region_code.get(region_key, 0) + members
        by_type_code[type_key] = by_type_code.get(type_key, 0) + members
        total += members

    regions = [
        CategoryCount(str(rid), name_th, name_en, by_region_code.pop(str(rid), 0))
        for rid, name_th, name_en in session.execute(_REGIONS_SQL).all()
    ]
    org_types: list[CategoryCount] = []
    for code, name_th, name_en, abbr_th, active in session.execute(_ORG_TYPES_SQL).all():
        count = by_type_code.pop(code, 0)
        if active or count:
            org_types.append(CategoryCount(code, name_th, name_en, count, abbr_th))

    # Whatever is left has no known region/type: an organisation that points to a province or
    # type code missing from the reference lists, or no organisation at all.
    unspecified_regions = sum(by_region_code.values())
    if unspecified_regions:
        regions.append(_unspecified(unspecified_regions))
    unspecified_types = sum(by_type_code.values())
    if unspecified_types:
        org_types.append(_unspecified(unspecified_types))

    return DashboardSummary(
        total_members=total,
        by_region=tuple(regions),
        by_org_type=tuple(org_types),
        dues=dues_total(session, year=fiscal_year(today)),
        without_consent=int(without_consent),
        recent=recent_changes(session),
    )


def live_member_count(session: Session) -> int:
    """Live (not soft-deleted) members: what the status bar shows. Counts the live-name index."""
    return int(session.execute(_LIVE_COUNT_SQL).scalar_one())


def dues_total(session: Session, *, year: int) -> DuesTotal:
    """Payments made within BE fiscal ``year`` (1 Oct of the year before .. 30 Sep)."""
    first, last = fiscal_year_bounds(year)
    count, amount = session.execute(
        _DUES_SQL, {"first": first.isoformat(), "last": last.isoformat()}
    ).one()
    return DuesTotal(year, first, last, int(count), int(amount))


def recent_changes(session: Session, *, limit: int = RECENT_LIMIT) -> tuple[RecentChange, ...]:
    """The live members changed last (by their HLC stamp), newest first."""
    rows = session.execute(_RECENT_SQL, {"limit": limit}).all()
    return tuple(
        RecentChange(
            member_id=member_id,
            full_name=f"{prefix}{first} {last}".strip(),
            organisation_name=organisation,
            updated_at=updated_at,
            created=bool(created),
        )
        for member_id, prefix, first, last, organisation, updated_at, created in rows
    )


def _unspecified(count: int) -> CategoryCount:
    return CategoryCount(UNSPECIFIED_CODE, "ไม่ระบุ", "Not specified", count)
