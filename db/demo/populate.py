"""Filling a database with a national-scale synthetic network, in one transaction."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from db.demo import catalogue as cat
from db.demo.organisations import PlannedOrganisation, member_counts, plan_organisations
from db.demo.people import PeopleGenerator, Person
from db.demo.reference import DemoError, DemoReference, load_demo_reference
from db.demo.writer import (
    DUES_INSERT,
    GROUP_INSERT,
    MEMBERSHIP_INSERT,
    ORGANISATION_INSERT,
    STRENGTH_INSERT,
    MemberStage,
    SyncStamps,
    Timer,
)
from db.engine import Database
from db.identity import SITE_ID_KEY, THIS_OFFICE_KEY, clock_for
from db.thai.collation import thai_sort_key, thai_sort_keys
from db.thai.dates import fiscal_year, fiscal_year_bounds

BATCH_SIZE = 20_000  # members per batch (their strengths, memberships and dues go with them)
MAX_MEMBERS = 2_000_000

Progress = Callable[[int, int], bool]


class DemoCancelled(Exception):
    """The progress callback asked to stop; nothing was written."""


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What :func:`populate` wrote and how long it took (seconds)."""

    seed: int
    members: int
    organisations: int
    groups: int
    group_memberships: int
    strengths: int
    dues_payments: int
    seconds: float
    generate_seconds: float  # building rows in Python (names, IDs, keys, stamps)
    insert_seconds: float  # executemany, including the FTS triggers and the indexes
    member_insert_seconds: float  # the member part of insert_seconds (where the FTS work is)
    analyze_seconds: float
    commit_seconds: float = 0.0  # writing the transaction out (WAL, then its checkpoint)
    rows_by_table: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class _Officers:
    """Members chosen in advance to hold offices, by their position in generation order."""

    club_role: dict[int, str] = field(default_factory=dict)
    committee_roles: dict[int, list[tuple[str, str]]] = field(default_factory=dict)

    def is_officer(self, index: int) -> bool:
        return index in self.club_role or index in self.committee_roles


def _identity(connection: sqlite3.Connection) -> tuple[str, str]:
    settings = dict(
        connection.execute(
            "SELECT key, value FROM local_setting WHERE key IN (?, ?)",
            (THIS_OFFICE_KEY, SITE_ID_KEY),
        ).fetchall()
    )
    if THIS_OFFICE_KEY not in settings or SITE_ID_KEY not in settings:
        raise DemoError(
            "The database has no office identity: open it with open_database first",
            code="not_initialised",
        )
    return settings[THIS_OFFICE_KEY], settings[SITE_ID_KEY]


class _Populator:
    def __init__(
        self,
        connection: sqlite3.Connection,
        reference: DemoReference,
        *,
        members: int,
        seed: int,
        today: dt.date,
        progress: Progress | None,
    ) -> None:
        self.connection = connection
        self.reference = reference
        self.members = members
        self.seed = seed
        self.today = today
        self.progress = progress
        self.rng = random.Random(seed)
        office_id, site_id = _identity(connection)
        self.stamps = SyncStamps(clock_for(site_id), office_id)
        self.timer = Timer()
        self.position_keys: dict[str, bytes] = {}
        self.current_year = fiscal_year(today)
        self.dues_years = [self.current_year - i for i in range(cat.DUES_YEARS - 1, -1, -1)]
        # (BE year, first day, last day paid so far (ordinals), chance for the current year)
        self.dues_periods: list[tuple[int, int, int, float | None]] = []
        for year in self.dues_years:
            start, end = fiscal_year_bounds(year)
            current = None
            if year == self.current_year:
                elapsed = (today - start).days / ((end - start).days or 1)
                current = 0.85 * min(1.0, 0.3 + elapsed)  # many pay early in the year
                end = today
            self.dues_periods.append((year, start.toordinal(), end.toordinal(), current))
        self.receipt_next = {
            year: 1 + connection.execute(
                "SELECT count(*) FROM dues_payment WHERE fiscal_year = ?", (year,)
            ).fetchone()[0]
            for year in self.dues_years
        }

    # --- organisations and groups ----------------------------------------------------------------

    def write_organisations(self, planned: list[PlannedOrganisation]) -> list[str]:
        started = time.perf_counter()
        ids, sync = self.stamps.rows(len(planned))
        keys = thai_sort_keys(o.name for o in planned)
        rows = [
            (*s, o.type_code, o.name, o.province.code, o.district.code, key)
            for s, o, key in zip(sync, planned, keys, strict=True)
        ]
        self.timer.generate += time.perf_counter() - started
        self.timer.execute(self.connection, "organisation", ORGANISATION_INSERT, rows)
        return ids

    def write_groups(
        self, planned: list[PlannedOrganisation], counts: list[int]
    ) -> tuple[str, dict[int, str], list[str]]:
        """The association, its provincial clubs and its committees: (association id, club id
        by province code, committee ids)."""
        provinces = sorted({o.province.code for o, n in zip(planned, counts, strict=True) if n})
        names = {p.code: p.name for p in self.reference.provinces}
        club_names = [
            f"{cat.CLUB_PREFIX}{names[code]}" if code == cat.BANGKOK_PROVINCE
            else f"{cat.CLUB_PREFIX}จังหวัด{names[code]}"
            for code in provinces
        ]
        ids, sync = self.stamps.rows(1 + len(provinces) + len(cat.COMMITTEES))
        association = ids[0]
        rows: list[tuple[object, ...]] = [
            (*sync[0], cat.ASSOCIATION_NAME, "association", None, cat.ASSOCIATION_DESCRIPTION,
             thai_sort_key(cat.ASSOCIATION_NAME)),
        ]
        for s, name, code in zip(sync[1:], club_names, provinces, strict=False):
            description = f"สมาชิกของสมาคมที่สังกัดองค์กรปกครองส่วนท้องถิ่นในจังหวัด{names[code]}"
            rows.append((*s, name, "club", association, description, thai_sort_key(name)))
        for s, (name, _) in zip(sync[1 + len(provinces):], cat.COMMITTEES, strict=True):
            rows.append((*s, name, "committee", association, "", thai_sort_key(name)))
        self.timer.execute(self.connection, "network_group", GROUP_INSERT, rows)
        clubs = dict(zip(provinces, ids[1:1 + len(provinces)], strict=True))
        return association, clubs, ids[1 + len(provinces):]

    def choose_officers(
        self, planned: list[PlannedOrganisation], counts: list[int], committee_ids: list[str]
    ) -> _Officers:
        """Clerks (local index 0) of random organisations chair things; anyone may sit on a
        committee."""
        rng = self.rng
        starts: list[int] = []
        total = 0
        for count in counts:
            starts.append(total)
            total += count
        staffed = [i for i, n in enumerate(counts) if n]
        officers = _Officers()
        by_province: dict[int, list[int]] = {}
        for i in staffed:
            by_province.setdefault(planned[i].province.code, []).append(i)
        for organisation_indexes in by_province.values():
            heads = [starts[i] for i in organisation_indexes]
            rng.shuffle(heads)
            for role, member in zip(cat.CLUB_OFFICER_ROLES, heads, strict=False):
                officers.club_role[member] = role
        for group_id, (_, roles) in zip(committee_ids, cat.COMMITTEES, strict=True):
            seated: set[int] = set()
            for role in roles:
                for _attempt in range(20):
                    if role == "committee_member":
                        member = rng.randrange(total)
                    else:
                        member = starts[staffed[rng.randrange(len(staffed))]]
                    if member not in seated:
                        break
                else:
                    continue  # a tiny demo has fewer people than seats
                seated.add(member)
                officers.committee_roles.setdefault(member, []).append((group_id, role))
        return officers

    # --- members ---------------------------------------------------------------------------------

    def _dues(self, member_id: str, person: Person, association: str) -> list[tuple[object, ...]]:
        """This member's payments: full years by chance per status; the current year so far."""
        r = self.rng.random
        paid: list[tuple[object, ...]] = []
        chances = cat.DUES_PAID_CHANCE[person.status]
        joined = person.joined.toordinal()
        for offset, (year, first_day, last_day, current_chance) in enumerate(self.dues_periods):
            if joined > last_day:
                continue
            if current_chance is None:
                chance = chances[min(offset, len(chances) - 1)]
            else:
                chance = current_chance if person.status == "active" else 0.0
            if r() >= chance:
                continue
            first = max(first_day, joined)
            paid_on = dt.date.fromordinal(first + int(r() * (last_day - first + 1)))
            number = self.receipt_next[year]
            self.receipt_next[year] = number + 1
            paid.append((member_id, association, year, person.dues_baht * 100,
                         paid_on.isoformat(), f"{year}/{number:06d}"))
        return paid

    def write_batch(
        self,
        people: list[tuple[int, str, int, Person]],
        association: str,
        clubs: dict[int, str],
        officers: _Officers,
    ) -> None:
        """Insert one batch: (generation index, organisation id, province code, person)."""
        started = time.perf_counter()
        ids, sync = self.stamps.rows(len(people))
        name_keys = thai_sort_keys(f"{p.first_name} {p.last_name}" for _, _, _, p in people)
        position_keys = self.position_keys
        members: list[tuple[object, ...]] = []
        strengths: list[tuple[object, ...]] = []
        memberships: list[tuple[object, ...]] = []
        dues: list[tuple[object, ...]] = []
        committee_start = fiscal_year_bounds(self.current_year - 1)[0].isoformat()
        for (index, organisation_id, province, person), s, member_id, name_key in zip(
            people, sync, ids, name_keys, strict=True
        ):
            position_key = position_keys.get(person.position)
            if position_key is None:
                position_key = position_keys[person.position] = thai_sort_key(person.position)
            members.append((*s, organisation_id, name_key, position_key, *person.content))
            strengths.extend((member_id, tag) for tag in person.strengths)
            joined = person.joined.isoformat()
            memberships.append((association, member_id, "member", joined))
            memberships.append(
                (clubs[province], member_id, officers.club_role.get(index, "member"), joined)
            )
            for group_id, role in officers.committee_roles.get(index, ()):
                memberships.append((group_id, member_id, role, committee_start))
            dues.extend(self._dues(member_id, person, association))
        strength_rows = self._with_sync(strengths)
        membership_rows = self._with_sync(memberships)
        dues_rows = self._with_sync(dues)
        self.timer.generate += time.perf_counter() - started
        execute = self.timer.execute
        self.member_stage.add(members)
        execute(self.connection, "member_strength", STRENGTH_INSERT, strength_rows)
        execute(self.connection, "group_membership", MEMBERSHIP_INSERT, membership_rows)
        execute(self.connection, "dues_payment", DUES_INSERT, dues_rows)

    def _with_sync(self, rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
        _, sync = self.stamps.rows(len(rows))
        return [(*s, *row) for s, row in zip(sync, rows, strict=True)]

    def report(self, done: int) -> None:
        if self.progress is not None and self.progress(done, self.members) is False:
            raise DemoCancelled("demo data cancelled: nothing was written")

    def run(self) -> DemoSummary:
        started = time.perf_counter()
        self.report(0)
        t0 = time.perf_counter()
        planned = plan_organisations(self.rng, self.reference, self.members)
        counts = member_counts(self.rng, planned, self.members)
        existing = self.connection.execute("SELECT national_id, phone FROM member").fetchall()
        people = PeopleGenerator(
            self.rng, self.reference, today=self.today,
            taken_ids={n for n, _ in existing if n}, taken_phones={p for _, p in existing if p},
            first_membership_no=len(existing) + 1,
        )
        self.timer.generate += time.perf_counter() - t0
        self.member_stage = MemberStage(
            self.connection, self.timer, rebuild_indexes=self.members >= len(existing)
        )
        organisation_ids = self.write_organisations(planned)
        association, clubs, committees = self.write_groups(planned, counts)
        officers = self.choose_officers(planned, counts, committees)

        batch: list[tuple[int, str, int, Person]] = []
        index = 0
        for organisation, organisation_id, count in zip(
            planned, organisation_ids, counts, strict=True
        ):
            for local_index in range(count):
                t0 = time.perf_counter()
                person = people.person(
                    organisation, local_index, officer=officers.is_officer(index)
                )
                self.timer.generate += time.perf_counter() - t0
                batch.append((index, organisation_id, organisation.province.code, person))
                index += 1
                if len(batch) == BATCH_SIZE:
                    self.write_batch(batch, association, clubs, officers)
                    batch = []
                    if index < self.members:
                        self.report(index)
        if batch:
            self.write_batch(batch, association, clubs, officers)
        self.member_stage.close()

        t0 = time.perf_counter()
        self.connection.execute("ANALYZE")
        analyze_seconds = time.perf_counter() - t0
        self.report(self.members)
        rows = self.timer.rows
        return DemoSummary(
            seed=self.seed,
            members=rows.get("member", 0),
            organisations=rows.get("organisation", 0),
            groups=rows.get("network_group", 0),
            group_memberships=rows.get("group_membership", 0),
            strengths=rows.get("member_strength", 0),
            dues_payments=rows.get("dues_payment", 0),
            seconds=time.perf_counter() - started,
            generate_seconds=self.timer.generate,
            insert_seconds=sum(self.timer.insert.values()),
            member_insert_seconds=self.timer.insert.get("member", 0.0),
            analyze_seconds=analyze_seconds,
            rows_by_table=dict(rows),
        )


def populate(
    database: Database,
    *,
    members: int,
    seed: int = 1,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> DemoSummary:
    """Fill ``database`` (opened with :func:`db.engine.open_database`) with synthetic data.

    ``members`` members spread over about 7,850 organisations at national scale (fewer for
    small demos), with groups, strengths and three fiscal years of dues; the same ``seed``
    gives the same people. Everything is written in one transaction: an error, or
    ``progress(done, total)`` returning False, leaves the database as it was
    (:class:`DemoCancelled` is raised for a cancel). Existing data is kept; new national IDs and
    mobile numbers never clash with existing ones. ``today`` fixes the dates (default: today).
    """
    if not 1 <= members <= MAX_MEMBERS:
        raise DemoError(
            f"members must be between 1 and {MAX_MEMBERS:,}, not {members:,}", code="bad_argument"
        )
    connection = database.raw_connection()
    try:
        connection.execute("BEGIN IMMEDIATE")
        # Members wait in a stage while their strengths, memberships and dues go in (see
        # MemberStage); foreign keys are still checked, at COMMIT. Ends with the transaction.
        connection.execute("PRAGMA defer_foreign_keys = ON")
        try:
            reference = load_demo_reference(connection)
            summary = _Populator(
                connection, reference, members=members, seed=seed,
                today=today or dt.date.today(), progress=progress,
            ).run()
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        started = time.perf_counter()
        connection.execute("COMMIT")
        # The commit's checkpoint copied the WAL into the database; give the disk space of a
        # WAL as big as the data back (it would stay until the last connection closes).
        with contextlib.suppress(sqlite3.Error):  # committed already: a busy reader is no error
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        commit_seconds = time.perf_counter() - started
        return replace(
            summary, commit_seconds=commit_seconds, seconds=summary.seconds + commit_seconds
        )
    finally:
        connection.close()
