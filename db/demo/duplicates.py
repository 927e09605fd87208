"""Members recorded twice, planted in the demo so the duplicates review has real pairs to show.

About :data:`DUPLICATE_SHARE` of the members (never an officer, never the first few posts of an
organisation) are replaced by a second record of someone generated before them, the way
duplicates arise in a real register:

- ``prefix``: the same person typed again with another prefix (นาง / นางสาว, an acting rank or a
  doctorate added) and sometimes a space inside the last name; same organisation, birth date
  and mobile number (typed in another format, stored the same);
- ``typo``: a typing slip in the last name (ศ/ส, ด/ต, a tone mark dropped, ...); same
  organisation, birth date and mobile number;
- ``moved``: re-registered by the organisation they moved to, same name and birth date, a new
  mobile number;
- ``retyped``: the same name in the same organisation, typed without birth date or phone.

The second record never carries the national ID (the register refuses two live members with one
ID, so a record typed again is the one left without it). Everything is drawn from the planter's
own random generator, so the other members are exactly those the seed gave before.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from db.demo.people import MEMBER_CONTENT_COLUMNS, Person

DUPLICATE_SHARE = 0.005
KINDS: tuple[tuple[str, float], ...] = (
    ("prefix", 0.35), ("typo", 0.30), ("moved", 0.20), ("retyped", 0.15),
)  # fmt: skip
PREFIX_VARIANTS: dict[str, tuple[str, ...]] = {
    "นาย": ("ว่าที่ร้อยตรี", "ดร."),
    "นาง": ("นางสาว", "ดร."),
    "นางสาว": ("นาง", "ว่าที่ร้อยตรีหญิง"),
    "ดร.": ("นาย", "นาง"),  # corrected below to agree with the gender
    "ว่าที่ร้อยตรี": ("นาย",),
    "ว่าที่ร้อยตรีหญิง": ("นางสาว",),
}
# Letters Thai typists swap (sound or key neighbours).
CONFUSED = {
    "ศ": "ส", "ส": "ศ", "ษ": "ส", "ต": "ด", "ด": "ต", "พ": "ภ", "ภ": "พ", "ท": "ธ",
    "ธ": "ท", "ญ": "ย", "ย": "ญ", "ล": "ร", "ร": "ล", "น": "ณ", "ณ": "น", "ข": "ค",
    "ค": "ข", "ช": "ซ", "ซ": "ช",
}  # fmt: skip
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
_COLUMN = {name: i for i, name in enumerate(MEMBER_CONTENT_COLUMNS)}
_MIN_LOCAL_INDEX = 3  # not the clerk, the chief executive or the deputy clerk


@dataclass(frozen=True, slots=True)
class Planted:
    kind: str
    original: Person
    copy: Person


def last_name_typo(rng: random.Random, last_name: str) -> str:
    """``last_name`` with one plausible slip: a confused letter, a dropped tone mark, or a
    letter left out; never the name itself."""
    confusable = [i for i, ch in enumerate(last_name) if ch in CONFUSED]
    tones = [i for i, ch in enumerate(last_name) if ch in TONE_MARKS]
    choice = rng.random()
    if confusable and (choice < 0.6 or not tones):
        i = confusable[int(rng.random() * len(confusable))]
        return last_name[:i] + CONFUSED[last_name[i]] + last_name[i + 1 :]
    if tones:
        i = tones[int(rng.random() * len(tones))]
        return last_name[:i] + last_name[i + 1 :]
    if len(last_name) > 3:
        i = 1 + int(rng.random() * (len(last_name) - 2))
        return last_name[:i] + last_name[i + 1 :]
    return last_name + last_name[-1]


def _other_prefix(rng: random.Random, prefix: str, gender: str) -> str:
    variants = PREFIX_VARIANTS.get(prefix)
    if prefix == "ดร.":
        variants = ("นาย",) if gender == "male" else ("นาง", "นางสาว")
    if not variants:
        variants = ("นาย",) if gender == "male" else ("นาง",)
    return variants[int(rng.random() * len(variants))]


def _spaced(rng: random.Random, last_name: str) -> str:
    """A space typed inside a longer last name ("ศรีสุข" -> "ศรี สุข")."""
    if len(last_name) < 6:
        return last_name
    i = 2 + int(rng.random() * (len(last_name) - 4))
    while i < len(last_name) - 1 and not ("\u0e01" <= last_name[i] <= "\u0e2e"):
        i += 1  # start the second part at a consonant, never at a vowel or tone mark
    return last_name[:i] + " " + last_name[i:]


def duplicate_chance(counts: list[int], share: float = DUPLICATE_SHARE) -> float:
    """The chance, per member who may be replaced, that gives ``share`` of all members as
    second records (the first posts of each organisation are never replaced)."""
    eligible = sum(max(0, count - _MIN_LOCAL_INDEX) for count in counts)
    return min(1.0, share * sum(counts) / eligible) if eligible else 0.0


class DuplicatePlanter:
    """Decides, member by member, whether the next one is a second record of someone earlier.

    ``chance`` applies to members past the first posts of their organisation
    (:func:`duplicate_chance` turns the share of all members into it)."""

    def __init__(self, rng: random.Random, *, chance: float) -> None:
        self._rng = rng
        self._share = chance
        self._kinds = [kind for kind, _ in KINDS]
        self._weights = [weight for _, weight in KINDS]
        self.planted = 0

    def maybe_copy(
        self,
        replaced: Person,
        *,
        local_index: int,
        same_organisation: list[Person],
        previous_organisation: list[Person],
    ) -> Planted | None:
        """A second record of someone in ``same_organisation`` (or, for ``moved``,
        ``previous_organisation``) to write instead of ``replaced``; None for most members.
        Originals are never copied twice (callers drop them from the lists)."""
        rng = self._rng
        if local_index < _MIN_LOCAL_INDEX or rng.random() >= self._share:
            return None
        kind = rng.choices(self._kinds, self._weights)[0]
        pool = previous_organisation if kind == "moved" else same_organisation
        if not pool:
            kind, pool = "retyped", same_organisation
        if not pool:
            return None
        original = pool.pop(int(rng.random() * len(pool)))
        self.planted += 1
        return Planted(kind, original, self._copy(kind, original, replaced))

    def _copy(self, kind: str, original: Person, replaced: Person) -> Person:
        rng = self._rng
        values = list(original.content)

        def put(column: str, value: object) -> None:
            values[_COLUMN[column]] = value

        first, last = original.first_name, original.last_name
        if kind == "prefix":
            gender = str(values[_COLUMN["gender"]])
            put("prefix", _other_prefix(rng, str(values[_COLUMN["prefix"]]), gender))
            if rng.random() < 0.5:
                last = _spaced(rng, last)
        elif kind == "typo":
            last = last_name_typo(rng, last)
        put("last_name", last)
        put("national_id", None)
        put("line_id", "")
        put("notes", "")
        put("email", original.content[_COLUMN["email"]] if kind == "retyped" else "")
        if kind in ("moved", "retyped"):
            put("phone", "" if kind == "retyped" else replaced.content[_COLUMN["phone"]])
        if kind == "retyped":
            put("birth_date", None)
        if kind == "moved":  # a new post with the new employer
            for column in ("personnel_type", "position", "position_type", "position_level",
                           "phone_office", "address"):  # fmt: skip
                put(column, replaced.content[_COLUMN[column]])
        # The copy's own membership number, in the year the original joined.
        joined = dt.date.fromisoformat(str(values[_COLUMN["joined_on"]]))
        number = str(replaced.content[_COLUMN["membership_no"]]).split("-", 1)[1]
        put("membership_no", f"{(joined.year + 543) % 100:02d}-{number}")
        position = str(values[_COLUMN["position"]])
        return Person(
            content=tuple(values),
            first_name=first,
            last_name=last,
            position=position,
            status=original.status,
            joined=original.joined,
            dues_baht=original.dues_baht,
            strengths=replaced.strengths,
        )
