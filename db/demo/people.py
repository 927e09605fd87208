"""Synthetic members: names, IDs, contacts, posts, membership and consent.

Names come from Faker's th_TH lists, picked with the demo's own ``random.Random`` (calling
Faker per row is far too slow at 393,000 rows). Everything is drawn from the one generator in
a fixed order, so a seed always gives the same people.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate

from faker.providers.person.th_TH import Provider as ThaiNames

from db.demo import catalogue as cat
from db.demo.organisations import PlannedOrganisation
from db.demo.reference import DemoReference
from db.thai.national_id import check_digit

FIRST_BIRTH_YEAR = 1965
LAST_BIRTH_YEAR = 2000
TOP_POST_BIRTH_YEARS = (1965, 1986)  # clerks, chief executives and directors are older
FEMALE_SHARE = 0.53
MARRIED_SHARE = 0.6  # women shown as นาง rather than นางสาว
CONSENT_SHARE = 0.7
NICKNAME_SHARE = 0.85
EMAIL_SHARE = 0.35
LINE_SHARE = 0.3
OFFICE_PHONE_SHARE = 0.45
ADDRESS_SHARE = 0.4
OWN_DISTRICT_ID_SHARE = 0.7  # IDs registered in the district of the member's organisation
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True, slots=True)
class Person:
    """One generated member: the member row's content and what dependent rows need."""

    content: tuple[object, ...]  # prefix .. consent_purpose, in MEMBER_CONTENT_COLUMNS order
    first_name: str
    last_name: str
    position: str
    status: str
    joined: dt.date
    dues_baht: int
    strengths: tuple[str, ...]  # Thai names


MEMBER_CONTENT_COLUMNS = (
    "prefix", "first_name", "last_name", "first_name_en", "last_name_en", "nickname",
    "national_id", "birth_date", "gender", "personnel_type", "position", "position_type",
    "position_level", "phone", "phone_office", "email", "line_id", "address", "membership_no",
    "status", "joined_on", "expires_on", "notes", "consent_date", "consent_purpose",
)


class _Weighted:
    """Weighted choice by one ``random()`` call and a bisect (much faster than rng.choices)."""

    def __init__(self, pairs: tuple[tuple[object, float], ...] | list[tuple[object, float]]):
        self.items = [item for item, _ in pairs]
        self.cumulative = list(accumulate(weight for _, weight in pairs))
        self.total = self.cumulative[-1]

    def pick(self, r: float) -> object:
        return self.items[min(bisect(self.cumulative, r * self.total), len(self.items) - 1)]


def _top_posts(type_code: str) -> list[cat.Post]:
    family = cat.FAMILY[type_code]
    deputy_levels = cat.EXEC_LEVELS[:1] if type_code in ("sao", "subdistrict_municipality") else (
        cat.EXEC_LEVELS[1:2]
    )
    return [
        cat.Post(cat.OFFICIAL, cat.CLERK[family], "executive", cat.CLERK_LEVEL[type_code]),
        cat.Post(cat.EXECUTIVE, cat.CHIEF_EXECUTIVE[family], dues_baht=500),
        cat.Post(cat.OFFICIAL, cat.DEPUTY_CLERK[family], "executive", deputy_levels),
        *(
            cat.Post(cat.OFFICIAL, title, "managerial", cat.DIRECTOR_LEVELS[type_code])
            for title in cat.DIVISIONS[type_code]
        ),
    ]


def _staff(type_code: str) -> _Weighted:
    factors = cat.STAFF_WEIGHT_FACTORS.get(type_code, {})
    return _Weighted([(post, w * factors.get(post.title, 1.0)) for post, w in cat.STAFF])


class PeopleGenerator:
    """Draws members one at a time; IDs and mobile numbers never repeat (nor clash with
    ``taken_ids`` / ``taken_phones``, the ones already in the database)."""

    def __init__(
        self,
        rng: random.Random,
        reference: DemoReference,
        *,
        today: dt.date,
        taken_ids: set[str],
        taken_phones: set[str],
        first_membership_no: int,
    ) -> None:
        self._rng = rng
        self._today = today
        self._ids = taken_ids
        self._phones = taken_phones
        self._next_no = first_membership_no
        self._male = list(ThaiNames.first_names_male)
        self._female = list(ThaiNames.first_names_female)
        self._last = list(ThaiNames.last_names)
        self._prefix_male = _Weighted(cat.MALE_PREFIXES)
        self._prefix_married = _Weighted(cat.FEMALE_PREFIXES_MARRIED)
        self._prefix_single = _Weighted(cat.FEMALE_PREFIXES_SINGLE)
        self._statuses = _Weighted(cat.STATUSES)
        self._domains = _Weighted(cat.EMAIL_DOMAINS)
        self._strength_count = _Weighted(cat.STRENGTH_COUNTS)
        self._strength_names = [name for _, name in reference.strengths]
        names = dict(reference.strengths)
        self._affinity = {
            title: [names[code] for code in codes if code in names]
            for title, codes in cat.STRENGTH_AFFINITY.items()
        }
        clerk_strengths = [names[code] for code in cat.CLERK_STRENGTHS if code in names]
        self._top = {t: _top_posts(t) for t in cat.ORG_TYPES}
        for posts in self._top.values():
            for post in posts[:3:2]:  # the clerk and the deputy clerk
                self._affinity[post.title] = clerk_strengths
        self._staff = {t: _staff(t) for t in cat.ORG_TYPES}
        self._all_districts = reference.all_district_codes
        self._founded = dt.date(cat.FOUNDED_YEAR, 1, 1).toordinal()

    # --- helpers ---------------------------------------------------------------------------------

    def _national_id(self, birth_year: int, district_code: int) -> str:
        r = self._rng.random
        while True:
            if r() >= OWN_DISTRICT_ID_SHARE:
                district_code = self._all_districts[int(r() * len(self._all_districts))]
            first = "1" if birth_year >= 1984 else "3"
            twelve = f"{first}{district_code:04d}{int(r() * 100_000):05d}{int(r() * 100):02d}"
            number = twelve + check_digit(twelve)
            if number not in self._ids:
                self._ids.add(number)
                return number

    def _mobile(self) -> str:
        r = self._rng.random
        while True:
            number = f"0{'689'[int(r() * 3)]}{int(r() * 100_000_000):08d}"
            if number not in self._phones:
                self._phones.add(number)
                return number

    def _level(self, post: cat.Post, age: int) -> str:
        levels = post.levels
        if len(levels) <= 1:
            return levels[0] if levels else ""
        seniority = max(0.0, min(1.0, (age - 24) / 34))
        spread = seniority * 0.75 + self._rng.random() * 0.4
        index = min(len(levels) - 1, int(spread * len(levels)))
        if index == 3 and self._rng.random() > 0.15:  # academic experts are rare
            index = 2
        return levels[index]

    def _strengths(self, title: str) -> tuple[str, ...]:
        r = self._rng.random
        count = int(self._strength_count.pick(r()))  # type: ignore[call-overload]
        names = self._strength_names
        if not count or not names:
            return ()
        chosen: list[str] = []
        related = self._affinity.get(title)
        if related and r() < 0.6:
            chosen.append(related[int(r() * len(related))])
        while len(chosen) < min(count, len(names)):
            name = names[int(r() * len(names))]
            if name not in chosen:
                chosen.append(name)
        return tuple(chosen)

    def _address(self, organisation: PlannedOrganisation) -> str:
        r = self._rng.random
        district = organisation.district
        sub = district.sub_districts[int(r() * len(district.sub_districts))]
        house = str(1 + int(r() * 400))
        if r() < 0.3:
            house = f"{1 + int(r() * 300)}/{1 + int(r() * 20)}"
        if organisation.province.code == cat.BANGKOK_PROVINCE:
            return f"{house} แขวง{sub.name} {district.name} กรุงเทพมหานคร {sub.zip_code}".strip()
        return (
            f"{house} หมู่ {1 + int(r() * 15)} ตำบล{sub.name} อำเภอ{district.name}"
            f" จังหวัด{organisation.province.name} {sub.zip_code}"
        ).strip()

    # --- one member ------------------------------------------------------------------------------

    def person(
        self, organisation: PlannedOrganisation, local_index: int, *, officer: bool
    ) -> Person:
        """The ``local_index``-th member of ``organisation`` (0 is its clerk, 1 its chief
        executive, then deputy clerk and directors, then staff)."""
        rng = self._rng
        r = rng.random
        type_code = organisation.type_code
        top = self._top[type_code]
        is_top = local_index < len(top)
        post = top[local_index] if is_top else self._staff[type_code].pick(r())
        assert isinstance(post, cat.Post)
        title = post.title_for(cat.FAMILY[type_code])

        female = r() < FEMALE_SHARE
        low, high = TOP_POST_BIRTH_YEARS if is_top else (FIRST_BIRTH_YEAR, LAST_BIRTH_YEAR)
        birth_year = low + int(r() * (high - low + 1))
        birth = dt.date(birth_year, 1, 1) + dt.timedelta(days=int(r() * 365))
        age = self._today.year - birth_year
        if female:
            first = self._female[int(r() * len(self._female))]
            prefixes = self._prefix_married if r() < MARRIED_SHARE else self._prefix_single
            nicknames = cat.NICKNAMES_FEMALE
        else:
            first = self._male[int(r() * len(self._male))]
            prefixes = self._prefix_male
            nicknames = cat.NICKNAMES_MALE
        prefix = str(prefixes.pick(r()))
        last = self._last[int(r() * len(self._last))]
        nickname, handle = nicknames[int(r() * len(nicknames))]
        if r() >= NICKNAME_SHARE:
            nickname = ""

        national_id = self._national_id(birth_year, organisation.district.code)
        phone = self._mobile()
        phone_office = organisation.phone if r() < OFFICE_PHONE_SHARE else ""
        email = ""
        if r() < EMAIL_SHARE:
            domain = self._domains.pick(r())
            letters = _LETTERS[int(r() * 26)] + _LETTERS[int(r() * 26)]  # as people add initials
            email = f"{handle}{'._'[int(r() * 2)]}{letters}{birth_year % 100:02d}@{domain}"
        line_id = ""
        if r() < LINE_SHARE:
            line_id = phone if r() < 0.4 else f"{handle}{int(r() * 10_000)}"
        address = self._address(organisation) if r() < ADDRESS_SHARE else ""

        status = "active" if officer else str(self._statuses.pick(r()))
        today = self._today.toordinal()
        earliest = max(self._founded, birth.toordinal() + 23 * 365)
        if status == "pending":
            earliest = max(earliest, today - 60)
        joined_ordinal = earliest + int(r() * max(1, today - earliest))
        joined = dt.date.fromordinal(min(joined_ordinal, today))
        consent_date = consent_purpose = None
        if r() < CONSENT_SHARE:
            consent_date = dt.date.fromordinal(
                joined.toordinal() + int(r() * (today - joined.toordinal() + 1))
            ).isoformat()
            consent_purpose = cat.CONSENT_PURPOSES[int(r() * len(cat.CONSENT_PURPOSES))]
        membership_no = f"{(joined.year + 543) % 100:02d}-{self._next_no:06d}"
        self._next_no += 1

        content = (
            prefix, first, last, "", "", nickname, national_id, birth.isoformat(),
            "female" if female else "male", post.personnel_type, title, post.position_type,
            self._level(post, age), phone, phone_office, email, line_id, address, membership_no,
            status, joined.isoformat(), None, "", consent_date, consent_purpose or "",
        )
        return Person(
            content=content, first_name=first, last_name=last, position=title, status=status,
            joined=joined, dues_baht=post.dues_baht, strengths=self._strengths(title),
        )

