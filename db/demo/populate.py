"""Filling a database with a national-scale synthetic network, in one transaction."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from db.demo import catalogue as cat
from db.demo.batches import Batch, BatchMaker, GroupIds, Officers
from db.demo.duplicates import DUPLICATE_SHARE, DuplicatePlanter, duplicate_chance
from db.demo.organisations import PlannedOrganisation, member_counts, plan_organisations
from db.demo.people import PeopleGenerator
from db.demo.pipeline import Pipeline
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
from db.thai.dates import fiscal_year

BATCH_SIZE = 20_000  # members per batch (their strengths, memberships and dues go with them)
# Batches the generator thread may have ready (one member flush's worth); 0: no thread.
BATCHES_AHEAD = 5 if (os.cpu_count() or 1) > 1 else 0
MAX_MEMBERS = 2_000_000

Progress = Callable[[int, int], bool]


class DemoCancelled(Exception):
    """The progress callback asked to stop; nothing was written."""


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What :func:`populate` wrote and how long it took (seconds).

    Rows are generated in a thread while SQLite writes, so the parts add up to more than
    ``seconds``.
    """

    seed: int
    members: int
    organisations: int
    groups: int
    group_memberships: int
    strengths: int
    dues_payments: int
    seconds: float  # wall time, from the call to the commit
    generate_seconds: float  # CPU time building rows in Python (names, IDs, keys, stamps)
    insert_seconds: float  # writing rows, with the FTS trigger and rebuilding member indexes
    member_insert_seconds: float  # the member part of insert_seconds (where the FTS work is)
    analyze_seconds: float
    commit_seconds: float = 0.0  # writing the transaction out (WAL, then its checkpoint)
    wait_seconds: float = 0.0  # time the writer waited for generated rows
    duplicates: int = 0  # members written as a second record of another (db.demo.duplicates)
    rows_by_table: dict[str, int] = field(default_factory=dict)


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


def _choose_officers(
    rng: random.Random,
    planned: list[PlannedOrganisation],
    counts: list[int],
    committee_ids: list[str],
) -> Officers:
    """Clerks (local index 0) of random organisations chair things; anyone may sit on a
    committee. Members are named by their position in generation order."""
    starts: list[int] = []
    total = 0
    for count in counts:
        starts.append(total)
        total += count
    staffed = [i for i, n in enumerate(counts) if n]
    officers = Officers()
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
        duplicate_share: float = DUPLICATE_SHARE,
    ) -> None:
        self.duplicate_share = duplicate_share
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

    def write_organisations(self, planned: list[PlannedOrganisation]) -> list[str]:
        ids, sync = self.stamps.rows(len(planned))
        keys = thai_sort_keys(o.name for o in planned)
        rows = [
            (*s, o.type_code, o.name, o.province.code, o.district.code, key)
            for s, o, key in zip(sync, planned, keys, strict=True)
        ]
        self.timer.execute(self.connection, "organisation", ORGANISATION_INSERT, rows)
        return ids

    def write_groups(self, planned: list[PlannedOrganisation], counts: list[int]) -> GroupIds:
        """The association, a club per province that has members, and the committees."""
        provinces = sorted({o.province.code for o, n in zip(planned, counts, strict=True) if n})
        names = {p.code: p.name for p in self.reference.provinces}
        ids, sync = self.stamps.rows(1 + len(provinces) + len(cat.COMMITTEES))
        association = ids[0]
        rows: list[tuple[object, ...]] = [
            (*sync[0], cat.ASSOCIATION_NAME, "association", None, cat.ASSOCIATION_DESCRIPTION,
             thai_sort_key(cat.ASSOCIATION_NAME)),
        ]
        for s, code in zip(sync[1:], provinces, strict=False):
            place = names[code] if code == cat.BANGKOK_PROVINCE else f"จังหวัด{names[code]}"
            name = f"{cat.CLUB_PREFIX}{place}"
            description = f"สมาชิกของสมาคมที่สังกัดองค์กรปกครองส่วนท้องถิ่นใน{place}"
            rows.append((*s, name, "club", association, description, thai_sort_key(name)))
        for s, (name, _) in zip(sync[1 + len(provinces):], cat.COMMITTEES, strict=True):
            rows.append((*s, name, "committee", association, "", thai_sort_key(name)))
        self.timer.execute(self.connection, "network_group", GROUP_INSERT, rows)
        return GroupIds(
            association=association,
            club_by_province=dict(zip(provinces, ids[1:1 + len(provinces)], strict=True)),
            committees=ids[1 + len(provinces):],
        )

    def write_batch(self, batch: Batch, stage: MemberStage, pipeline: Pipeline[Batch]) -> None:
        execute = self.timer.execute
        with pipeline.paused():  # executemany and a busy Python thread do not mix (pipeline.py)
            stage.add(batch.members)
            execute(self.connection, "member_strength", STRENGTH_INSERT, batch.strengths)
            execute(self.connection, "group_membership", MEMBERSHIP_INSERT, batch.memberships)
            execute(self.connection, "dues_payment", DUES_INSERT, batch.dues)
        if stage.full:
            stage.flush()  # one long statement: the generator thread works meanwhile

    def report(self, done: int) -> None:
        if self.progress is not None and self.progress(done, self.members) is False:
            raise DemoCancelled("demo data cancelled: nothing was written")

    def run(self) -> DemoSummary:
        started = time.perf_counter()
        self.report(0)
        planned = plan_organisations(self.rng, self.reference, self.members)
        counts = member_counts(self.rng, planned, self.members)
        existing = self.connection.execute("SELECT national_id, phone FROM member").fetchall()
        people = PeopleGenerator(
            self.rng, self.reference, today=self.today,
            taken_ids={n for n, _ in existing if n}, taken_phones={p for _, p in existing if p},
            first_membership_no=len(existing) + 1,
        )
        receipts = dict(self.connection.execute(
            "SELECT fiscal_year, count(*) + 1 FROM dues_payment WHERE fiscal_year >= ?"
            " GROUP BY fiscal_year", (fiscal_year(self.today) - cat.DUES_YEARS + 1,)
        ).fetchall())
        # Duplicates come from their own generator: the other members stay as the seed gave.
        planter = DuplicatePlanter(
            random.Random(f"duplicates-{self.seed}"),
            chance=duplicate_chance(counts, self.duplicate_share),
        )
        maker = BatchMaker(self.rng, people, self.stamps, today=self.today,
                           receipt_start=receipts, duplicates=planter)
        stage = MemberStage(
            self.connection, self.timer, rebuild_indexes=self.members >= len(existing)
        )
        organisation_ids = self.write_organisations(planned)
        groups = self.write_groups(planned, counts)
        officers = _choose_officers(self.rng, planned, counts, groups.committees)

        def produce(checkpoint: Callable[[], None]) -> Iterator[Batch]:
            return maker.batches(
                checkpoint, planned=planned, organisation_ids=organisation_ids, counts=counts,
                groups=groups, officers=officers, batch_size=BATCH_SIZE,
            )

        done = 0
        waited = 0.0
        with Pipeline(produce, ahead=BATCHES_AHEAD) as pipeline:
            batches = iter(pipeline)
            while True:
                t0 = time.perf_counter()
                batch = next(batches, None)
                waited += time.perf_counter() - t0
                if batch is None:
                    break
                self.write_batch(batch, stage, pipeline)
                done += batch.count
                if done < self.members:
                    self.report(done)
        stage.close()

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
            generate_seconds=maker.seconds,
            insert_seconds=sum(self.timer.insert.values()),
            member_insert_seconds=self.timer.insert.get("member", 0.0),
            analyze_seconds=analyze_seconds,
            wait_seconds=waited,
            duplicates=planter.planted,
            rows_by_table=dict(rows),
        )


def populate(
    database: Database,
    *,
    members: int,
    seed: int = 1,
    progress: Progress | None = None,
    today: dt.date | None = None,
    duplicate_share: float = DUPLICATE_SHARE,
) -> DemoSummary:
    """Fill ``database`` (opened with :func:`db.engine.open_database`) with synthetic data.

    ``members`` members spread over about 7,850 organisations at national scale (fewer for
    small demos), with groups, strengths and three fiscal years of dues; the same ``seed``
    gives the same people. Everything is written in one transaction: an error, or
    ``progress(done, total)`` returning False, leaves the database as it was
    (:class:`DemoCancelled` is raised for a cancel). ``progress`` is called from the calling
    thread: with 0 first, after every batch of 20,000 members, and with the total just before
    the commit. Existing data is kept; new national IDs and mobile numbers never clash with
    existing ones. ``today`` fixes the dates (default: today).

    About ``duplicate_share`` of the members (0.5 % by default; 0 for none) are written as a
    second record of someone else (:mod:`db.demo.duplicates`), so the duplicates review has
    pairs to show; they carry no national ID.
    """
    if not 0.0 <= duplicate_share <= 0.05:
        raise DemoError(
            f"duplicate_share must be between 0 and 0.05, not {duplicate_share}",
            code="bad_argument",
        )
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
                duplicate_share=duplicate_share,
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
