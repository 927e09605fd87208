"""The rows of the demo's members, a batch at a time: member, strengths, memberships, dues.

Pure Python, no database: it runs in the generator thread of :mod:`db.demo.pipeline`.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from db.demo import catalogue as cat
from db.demo.duplicates import DuplicatePlanter
from db.demo.organisations import PlannedOrganisation
from db.demo.people import PeopleGenerator, Person
from db.demo.pipeline import Checkpoint
from db.demo.writer import SyncStamps
from db.thai.collation import thai_sort_key, thai_sort_keys
from db.thai.dates import fiscal_year, fiscal_year_bounds

Row = tuple[object, ...]


@dataclass(slots=True)
class Officers:
    """Members chosen in advance to hold offices, by their position in generation order."""

    club_role: dict[int, str] = field(default_factory=dict)
    committee_roles: dict[int, list[tuple[str, str]]] = field(default_factory=dict)

    def is_officer(self, index: int) -> bool:
        return index in self.club_role or index in self.committee_roles


@dataclass(frozen=True, slots=True)
class GroupIds:
    association: str
    club_by_province: dict[int, str]
    committees: list[str]


@dataclass(slots=True)
class Batch:
    """Rows ready for executemany (sync fields first), for ``count`` members."""

    count: int
    members: list[Row]
    strengths: list[Row]
    memberships: list[Row]
    dues: list[Row]


class BatchMaker:
    """Turns planned organisations into batches of rows, deterministically for its ``rng``."""

    def __init__(
        self,
        rng: random.Random,
        people: PeopleGenerator,
        stamps: SyncStamps,
        *,
        today: dt.date,
        receipt_start: dict[int, int],
        duplicates: DuplicatePlanter | None = None,
    ) -> None:
        self._rng = rng
        self._duplicates = duplicates
        self._people = people
        self._stamps = stamps
        self._position_keys: dict[str, bytes] = {}
        self.seconds = 0.0  # CPU time spent making member rows (in the generator thread)
        current = fiscal_year(today)
        self._committee_start = fiscal_year_bounds(current - 1)[0].isoformat()
        # (BE year, first day, last day paid so far (ordinals), chance for the current year)
        self._dues_periods: list[tuple[int, int, int, float | None]] = []
        for year in range(current - cat.DUES_YEARS + 1, current + 1):
            start, end = fiscal_year_bounds(year)
            current_chance = None
            if year == current:
                elapsed = (today - start).days / ((end - start).days or 1)
                current_chance = 0.85 * min(1.0, 0.3 + elapsed)  # many pay early in the year
                end = today
            self._dues_periods.append((year, start.toordinal(), end.toordinal(), current_chance))
        self._receipt_next = {year: receipt_start.get(year, 1) for year, *_ in self._dues_periods}

    @property
    def dues_years(self) -> list[int]:
        return [year for year, *_ in self._dues_periods]

    def _dues(self, member_id: str, person: Person, association: str) -> list[Row]:
        """This member's payments: full years by chance per status; the current year so far."""
        r = self._rng.random
        paid: list[Row] = []
        chances = cat.DUES_PAID_CHANCE[person.status]
        joined = person.joined.toordinal()
        for offset, (year, first_day, last_day, current_chance) in enumerate(self._dues_periods):
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
            number = self._receipt_next[year]
            self._receipt_next[year] = number + 1
            paid.append((member_id, association, year, person.dues_baht * 100,
                         paid_on.isoformat(), f"{year}/{number:06d}"))
        return paid

    def _with_sync(self, rows: list[Row]) -> list[Row]:
        _, sync = self._stamps.rows(len(rows))
        return [(*s, *row) for s, row in zip(sync, rows, strict=True)]

    def _batch(
        self,
        people: list[tuple[int, str, int, Person]],
        groups: GroupIds,
        officers: Officers,
        checkpoint: Checkpoint,
    ) -> Batch:
        ids, sync = self._stamps.rows(len(people))
        name_keys = thai_sort_keys(f"{p.first_name} {p.last_name}" for _, _, _, p in people)
        position_keys = self._position_keys
        members: list[Row] = []
        strengths: list[Row] = []
        memberships: list[Row] = []
        dues: list[Row] = []
        association = groups.association
        for (index, organisation_id, province, person), s, member_id, name_key in zip(
            people, sync, ids, name_keys, strict=True
        ):
            checkpoint()
            position_key = position_keys.get(person.position)
            if position_key is None:
                position_key = position_keys[person.position] = thai_sort_key(person.position)
            members.append((*s, organisation_id, name_key, position_key, *person.content))
            strengths.extend((member_id, tag) for tag in person.strengths)
            joined = person.joined.isoformat()
            memberships.append((association, member_id, "member", joined))
            club_role = officers.club_role.get(index, "member")
            memberships.append((groups.club_by_province[province], member_id, club_role, joined))
            for group_id, role in officers.committee_roles.get(index, ()):
                memberships.append((group_id, member_id, role, self._committee_start))
            dues.extend(self._dues(member_id, person, association))
        return Batch(
            count=len(people),
            members=members,
            strengths=self._with_sync(strengths),
            memberships=self._with_sync(memberships),
            dues=self._with_sync(dues),
        )

    def batches(
        self,
        checkpoint: Checkpoint,
        *,
        planned: list[PlannedOrganisation],
        organisation_ids: list[str],
        counts: list[int],
        groups: GroupIds,
        officers: Officers,
        batch_size: int,
    ) -> Iterator[Batch]:
        """Every member of every organisation, in order, ``batch_size`` members a batch."""
        started = time.thread_time()  # CPU time: waiting at a checkpoint does not count
        people: list[tuple[int, str, int, Person]] = []
        index = 0
        planter = self._duplicates
        here: list[Person] = []  # this organisation's members who may be recorded twice
        previous: list[Person] = []  # ... and the previous organisation's
        for organisation, organisation_id, count in zip(
            planned, organisation_ids, counts, strict=True
        ):
            province = organisation.province.code
            if here:
                previous, here = here, []
            for local_index in range(count):
                checkpoint()
                officer = officers.is_officer(index)
                person = self._people.person(organisation, local_index, officer=officer)
                if planter is not None:
                    planted = None
                    if not officer:
                        planted = planter.maybe_copy(
                            person, local_index=local_index, same_organisation=here,
                            previous_organisation=previous,
                        )
                    if planted is None:
                        here.append(person)
                    else:
                        person = planted.copy
                people.append((index, organisation_id, province, person))
                index += 1
                if len(people) == batch_size:
                    batch = self._batch(people, groups, officers, checkpoint)
                    people = []
                    self.seconds += time.thread_time() - started
                    yield batch
                    started = time.thread_time()
        if people:
            batch = self._batch(people, groups, officers, checkpoint)
            self.seconds += time.thread_time() - started
            yield batch
