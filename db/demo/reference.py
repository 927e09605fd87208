"""The reference data demo generation reads from the database: places and list codes."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass

from db.demo import catalogue as cat


class DemoError(RuntimeError):
    """Demo data cannot be generated; ``code`` says why (for the command line and the GUI)."""

    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code  # not_initialised, missing_reference, bad_argument


@dataclass(frozen=True, slots=True)
class SubDistrictPlace:
    code: int
    name: str
    zip_code: str


@dataclass(frozen=True, slots=True)
class DistrictPlace:
    code: int
    name: str
    sub_districts: tuple[SubDistrictPlace, ...]


@dataclass(frozen=True, slots=True)
class ProvincePlace:
    code: int
    name: str
    region_id: int
    districts: tuple[DistrictPlace, ...]  # by code: the first is the capital (อำเภอเมือง)

    @property
    def capital(self) -> DistrictPlace:
        return self.districts[0]

    def district_named(self, name: str) -> DistrictPlace:
        return next((d for d in self.districts if d.name == name), self.capital)


@dataclass(frozen=True, slots=True)
class DemoReference:
    provinces: tuple[ProvincePlace, ...]  # by code
    strengths: tuple[tuple[str, str], ...]  # (code, Thai name) of the active strength tags
    all_district_codes: tuple[int, ...]

    def province(self, code: int) -> ProvincePlace:
        return next(p for p in self.provinces if p.code == code)


def _required_codes() -> dict[str, set[str]]:
    """Every ref_item code the demo writes, by kind."""
    posts = [post for post, _ in cat.STAFF]
    return {
        "org_type": set(cat.ORG_TYPES),
        "personnel_type": {cat.OFFICIAL, cat.TEACHER, cat.PERMANENT, cat.CONTRACT, cat.EXECUTIVE,
                           cat.COUNCIL} | {p.personnel_type for p in posts},
        "position_type": {"executive", "managerial"} | {p.position_type for p in posts} - {""},
        "position_level": {
            *cat.EXEC_LEVELS, *cat.MANAGER_LEVELS, *cat.ACADEMIC_LEVELS, *cat.GENERAL_LEVELS,
        },
        "gender": {"male", "female"},
        "member_status": {status for status, _ in cat.STATUSES},
        "group_role": {"member", *cat.CLUB_OFFICER_ROLES,
                       *(role for _, roles in cat.COMMITTEES for role in roles)},
    }


def load_demo_reference(connection: sqlite3.Connection) -> DemoReference:
    """Read places and lists; raise :class:`DemoError` if the reference data lacks something."""
    try:
        has_provinces = connection.execute("SELECT 1 FROM province LIMIT 1").fetchone()
    except sqlite3.OperationalError:  # no such table: never migrated
        has_provinces = None
    if not has_provinces:
        raise DemoError(
            "The database has no reference data (provinces): open it with open_database first",
            code="not_initialised",
        )
    present: dict[str, set[str]] = defaultdict(set)
    for kind, code in connection.execute("SELECT kind, code FROM ref_item"):
        present[kind].add(code)
    missing = sorted(
        f"{kind}/{code}"
        for kind, codes in _required_codes().items()
        for code in codes - present[kind]
    )
    if missing:
        raise DemoError(
            "The reference lists lack items the demo data uses: " + ", ".join(missing)
            + " (update the reference data)",
            code="missing_reference",
        )

    subs: dict[int, list[SubDistrictPlace]] = defaultdict(list)
    for code, district_code, name, zip_code in connection.execute(
        "SELECT code, district_code, name_th, zip_code FROM sub_district ORDER BY code"
    ):
        subs[district_code].append(SubDistrictPlace(code, name, zip_code))
    districts: dict[int, list[DistrictPlace]] = defaultdict(list)
    for code, province_code, name in connection.execute(
        "SELECT code, province_code, name_th FROM district ORDER BY code"
    ):
        if subs[code]:  # a district without sub-districts cannot host an address
            districts[province_code].append(DistrictPlace(code, name, tuple(subs[code])))
    provinces = tuple(
        ProvincePlace(code, name, region_id, tuple(districts[code]))
        for code, name, region_id in connection.execute(
            "SELECT code, name_th, region_id FROM province ORDER BY code"
        )
        if districts[code]
    )
    strengths = tuple(
        (code, name) for code, name in connection.execute(
            "SELECT code, name_th FROM ref_item WHERE kind = 'strength' AND active"
            " ORDER BY sort_order, code"
        )
    )
    all_districts = tuple(d.code for p in provinces for d in p.districts)
    return DemoReference(provinces, strengths, all_districts)
