"""Finding members recorded twice: a blocked scan of the whole register with a similarity score.

Never all pairs: every live member is read once into a temporary table holding its blocking keys
(normalised name, organisation, birth year, phone, e-mail, national ID), and only members that
share a key are compared:

- ``same_national_id``: the same national ID (the unique index forbids it among live members
  saved through the editor, but data that arrived otherwise is checked too);
- ``same_name_same_organisation`` / ``same_name_same_birth_year``: the same normalised Thai name
  (first + last name, spaces and invisible characters removed, NFC, Thai digits as 0-9, case
  folded; the prefix is not part of it) and the same organisation or birth year;
- ``same_phone``: the same mobile number, when the names are similar too (a household or office
  shares numbers);
- ``same_email``: the same e-mail address.

A phone number or e-mail address shared by more than :data:`MAX_CONTACT_BLOCK` members is a
shared contact (an office's address), not a person's, and pairs nobody; a name block larger than
:data:`MAX_NAME_BLOCK` is skipped likewise (both are logged).

Each pair gets a score from 0 to 1: name similarity (RapidFuzz) plus bonuses for the same
national ID, birth date, organisation, phone and e-mail, and penalties for different national IDs
or birth dates. Pairs a user marked "not duplicates" are kept in ``local_setting``
(``duplicates_dismissed``, JSON) and never come back.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, combinations
from typing import Any

from rapidfuzz import fuzz
from sqlmodel import Session

from db.io import collector
from db.io.shards import SHARD_MASK, SHARDS
from db.members._keys import thai_sort_key
from db.members._sql import MAX_PARAMS, dbapi, placeholders
from db.thai.text import ZERO_WIDTH_CHARS

log = logging.getLogger(__name__)

SAME_NATIONAL_ID = "same_national_id"
SAME_NAME_SAME_ORGANISATION = "same_name_same_organisation"
SAME_NAME_SAME_BIRTH_YEAR = "same_name_same_birth_year"
SAME_PHONE = "same_phone"
SAME_EMAIL = "same_email"
REASON_CODES: tuple[str, ...] = (
    SAME_NATIONAL_ID,
    SAME_NAME_SAME_ORGANISATION,
    SAME_NAME_SAME_BIRTH_YEAR,
    SAME_PHONE,
    SAME_EMAIL,
)

DISMISSED_KEY = "duplicates_dismissed"
MAX_CONTACT_BLOCK = 5
MAX_NAME_BLOCK = 200
SIMILAR_NAME = 0.8  # name similarity (0..1) for a shared phone number to count
# ... and for a shared e-mail address: lower, as one person's address is rarely shared, and a
# name half alike (the same first name, a surname changed by marriage) is worth a look.
SIMILAR_NAME_EMAIL = 0.5
READ_BATCH = 20_000

# Score = NAME_WEIGHT x name similarity + bonuses - penalties, clamped to 0..1.
NAME_WEIGHT = 0.55
BONUS_NATIONAL_ID = 0.45
BONUS_BIRTH_DATE = 0.2
BONUS_BIRTH_YEAR = 0.05
BONUS_ORGANISATION = 0.15
BONUS_PHONE = 0.15
BONUS_EMAIL = 0.15
PENALTY_OTHER_NATIONAL_ID = 0.3
PENALTY_OTHER_BIRTH_DATE = 0.1

ProgressCallback = Callable[[int, int], object]
CancelCallback = Callable[[], bool]

_NAME_TRANSLATION = str.maketrans(
    {**dict.fromkeys(ZERO_WIDTH_CHARS), **{chr(0x0E50 + d): str(d) for d in range(10)}}
)
_SARA_AM_DECOMPOSED = "\u0e4d\u0e32"
# What normalised_name changes besides NFC and case: most names have none of it.
_NEEDS_CLEANING = re.compile(f"[\\s{ZERO_WIDTH_CHARS}\u0e4d\u0e50-\u0e59]")


class ScanCancelled(Exception):
    """The scan was cancelled before it finished (nothing was changed)."""


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two live members that may be one person. ``a`` was recorded first (the likely survivor)."""

    a_id: str
    b_id: str
    a_name: str
    b_name: str
    a_organisation: str
    b_organisation: str
    score: float  # 0..1
    reasons: tuple[str, ...]  # codes of REASON_CODES, in that order

    @property
    def key(self) -> tuple[str, str]:
        """The pair's identity whichever member is named first."""
        return pair_key(self.a_id, self.b_id)


def pair_key(a_id: str, b_id: str) -> tuple[str, str]:
    return (a_id, b_id) if a_id <= b_id else (b_id, a_id)


def normalised_name(first_name: str, last_name: str) -> str:
    """The name two records of one person share: first + last, no spaces or invisible
    characters, NFC, ``ํา`` as ``ำ``, Thai digits as 0-9, case-folded."""
    text = first_name + last_name
    if _NEEDS_CLEANING.search(text):
        text = "".join(text.translate(_NAME_TRANSLATION).split())
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _SARA_AM_DECOMPOSED in text:
        text = text.replace(_SARA_AM_DECOMPOSED, "\u0e33")
    return text.casefold()


def _spaced_name(first_name: str, last_name: str) -> str:
    return " ".join(normalised_name(part, "") for part in (first_name, last_name) if part)


def name_similarity(a: tuple[str, str], b: tuple[str, str]) -> float:
    """0..1: how alike two (first, last) names are, ignoring spacing and word order."""
    joined = fuzz.ratio(normalised_name(*a), normalised_name(*b))
    swapped = fuzz.token_sort_ratio(_spaced_name(*a), _spaced_name(*b))
    return max(joined, swapped) / 100.0


# -- dismissed pairs --------------------------------------------------------------------------
def dismissed_pairs(session: Session) -> frozenset[tuple[str, str]]:
    """The pairs users marked "not duplicates" (each as :func:`pair_key`)."""
    row = (
        dbapi(session)
        .execute("SELECT value FROM local_setting WHERE key = ?", (DISMISSED_KEY,))
        .fetchone()
    )
    if row is None:
        return frozenset()
    try:
        stored = json.loads(row[0])
    except ValueError:
        log.warning("the %s setting is not JSON; treating it as empty", DISMISSED_KEY)
        return frozenset()
    pairs = (p for p in stored if isinstance(p, list) and len(p) == 2)
    return frozenset(pair_key(str(a), str(b)) for a, b in pairs)


def _store_dismissed(session: Session, pairs: Iterable[tuple[str, str]]) -> None:
    value = json.dumps(sorted([list(pair) for pair in pairs]), separators=(",", ":"))
    dbapi(session).execute(
        "INSERT INTO local_setting (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (DISMISSED_KEY, value),
    )


def dismiss_pair(session: Session, *, a_id: str, b_id: str) -> None:
    """Mark two members as "not duplicates": later scans leave the pair out.

    Raises ``ValueError`` when both ids are the same and ``LookupError`` when a member does not
    exist (deleted members may be named: a merge may be undone later).
    """
    if a_id == b_id:
        raise ValueError("a member cannot be a duplicate of itself")
    found = (
        dbapi(session)
        .execute("SELECT count(*) FROM member WHERE id IN (?, ?)", (a_id, b_id))
        .fetchone()[0]
    )
    if found != 2:
        raise LookupError("no member with one of these ids")
    _store_dismissed(session, dismissed_pairs(session) | {pair_key(a_id, b_id)})


def undismiss_pair(session: Session, *, a_id: str, b_id: str) -> bool:
    """Let a dismissed pair be found again; False when it was not dismissed."""
    current = dismissed_pairs(session)
    key = pair_key(a_id, b_id)
    if key not in current:
        return False
    _store_dismissed(session, current - {key})
    return True


# -- the scan ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Member:
    rowid: int
    id: str
    prefix: str
    first_name: str
    last_name: str
    organisation_id: str | None
    organisation_name: str
    birth_date: str | None
    phone: str
    email: str
    national_id: str | None
    created_at: str

    @property
    def display_name(self) -> str:
        return f"{self.prefix}{self.first_name} {self.last_name}".strip()


_MEMBER_SQL = (
    "SELECT m.rowid, m.id, m.prefix, m.first_name, m.last_name, m.organisation_id,"
    " coalesce(o.name, ''), m.birth_date, m.phone, m.email, m.national_id, m.created_at"
    " FROM member m LEFT JOIN organisation o ON o.id = m.organisation_id"
)


def _email_key(email: str) -> str:
    return email.strip().casefold()


def _score(a: _Member, b: _Member) -> tuple[float, tuple[str, ...]]:
    """The pair's score and every reason that holds for it."""
    reasons: set[str] = set()
    similarity = name_similarity((a.first_name, a.last_name), (b.first_name, b.last_name))
    score = NAME_WEIGHT * similarity
    same_name = bool(normalised_name(a.first_name, a.last_name)) and normalised_name(
        a.first_name, a.last_name
    ) == normalised_name(b.first_name, b.last_name)
    if a.national_id and b.national_id:
        if a.national_id == b.national_id:
            score += BONUS_NATIONAL_ID
            reasons.add(SAME_NATIONAL_ID)
        else:
            score -= PENALTY_OTHER_NATIONAL_ID
    if a.birth_date and b.birth_date:
        if a.birth_date == b.birth_date:
            score += BONUS_BIRTH_DATE
        elif a.birth_date[:4] == b.birth_date[:4]:
            score += BONUS_BIRTH_YEAR
        else:
            score -= PENALTY_OTHER_BIRTH_DATE
        if same_name and a.birth_date[:4] == b.birth_date[:4]:
            reasons.add(SAME_NAME_SAME_BIRTH_YEAR)
    if a.organisation_id and a.organisation_id == b.organisation_id:
        score += BONUS_ORGANISATION
        if same_name:
            reasons.add(SAME_NAME_SAME_ORGANISATION)
    if a.phone and a.phone == b.phone:
        score += BONUS_PHONE
        reasons.add(SAME_PHONE)
    if a.email and _email_key(a.email) == _email_key(b.email):
        score += BONUS_EMAIL
        reasons.add(SAME_EMAIL)
    score = round(min(1.0, max(0.0, score)), 3)
    return score, tuple(code for code in REASON_CODES if code in reasons)


def _pair(a: _Member, b: _Member) -> DuplicatePair:
    if (b.created_at, b.rowid) < (a.created_at, a.rowid):
        a, b = b, a
    score, reasons = _score(a, b)
    return DuplicatePair(
        a_id=a.id,
        b_id=b.id,
        a_name=a.display_name,
        b_name=b.display_name,
        a_organisation=a.organisation_name,
        b_organisation=b.organisation_name,
        score=score,
        reasons=reasons,
    )


def _member_rows(
    connection: sqlite3.Connection, rowids: Sequence[int]
) -> dict[int, tuple[Any, ...]]:
    """The rows (as plain tuples, which the garbage collector soon stops tracking) of members."""
    found: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(rowids), MAX_PARAMS):
        chunk = rowids[start : start + MAX_PARAMS]
        rows = connection.execute(
            f"{_MEMBER_SQL} WHERE m.rowid IN ({placeholders(chunk)})", list(chunk)
        )
        for r in rows:
            found[r[0]] = r
    return found


def pair_details(session: Session, *, a_id: str, b_id: str) -> DuplicatePair:
    """Score and reasons for any two members (live or not), as the scan would give them.

    Raises ``LookupError`` when a member does not exist.
    """
    connection = dbapi(session)
    rows = connection.execute(f"{_MEMBER_SQL} WHERE m.id IN (?, ?)", (a_id, b_id)).fetchall()
    by_id = {r[1]: _Member(*r) for r in rows}
    if a_id not in by_id or b_id not in by_id:
        raise LookupError("no member with one of these ids")
    return _pair(by_id[a_id], by_id[b_id])


def _live_count(connection: sqlite3.Connection) -> int:
    return int(
        connection.execute(
            "SELECT count(*) FROM member INDEXED BY ix_member_live_name WHERE deleted_at IS NULL"
        ).fetchone()[0]
    )


class _Blocks:
    """Members sharing a blocking key, found by hashing each key once (no sort, no table).

    Keys are Python hashes of (kind, value) tuples: a rare hash collision only adds a candidate
    pair, which scoring then finds has no reason and drops. Groups are kept as linked lists in
    arrays, not as one Python list per group: the scan then leaves almost nothing for the
    garbage collector to walk (a full collection over a big heap stalls the interface thread).
    The key tables are split in shards by the hash's low bits (as :mod:`db.io.shards` does,
    inline here: the scan's hottest loop): a dict of a million keys grows by copying them all
    in one C call holding the GIL (up to 0.12 s of a frozen window).
    """

    def __init__(self) -> None:
        # key hash -> the first member's rowid; key hash -> index of its latest extra member
        self.first: list[dict[int, int]] = [{} for _ in range(SHARDS)]
        self.last: list[dict[int, int]] = [{} for _ in range(SHARDS)]
        self.rowids = array("q")  # extra members (the second and later of a key) ...
        self.previous = array("q")  # ... the index of the key's extra before them, or -1
        self.reasons = array("b")  # ... and the reason's bit

    def add(self, reason_bit: int, key: int, rowid: int) -> None:
        shard = key & SHARD_MASK
        seen = self.first[shard].setdefault(key, rowid)
        if seen != rowid:
            last = self.last[shard]
            self.previous.append(last.get(key, -1))
            last[key] = len(self.rowids)
            self.rowids.append(rowid)
            self.reasons.append(reason_bit)

    def groups(self) -> Iterator[tuple[int, list[int]]]:
        """(reason bit, rowids) of every key two or more members share."""
        for first, last in zip(self.first, self.last, strict=True):
            for key, index in last.items():
                bit = self.reasons[index]
                rowids = [first[key]]
                while index >= 0:
                    rowids.append(self.rowids[index])
                    index = self.previous[index]
                yield bit, rowids

    def release(self) -> None:
        """Empty the key tables a slice at a time (see db.io.collector.release)."""
        collector.release(*self.first, *self.last)


def _read_blocks(
    connection: sqlite3.Connection,
    total: int,
    progress: ProgressCallback | None,
    cancelled: CancelCallback | None,
) -> _Blocks:
    """Every live member's name, organisation, birth year and e-mail keys, read in batches."""
    blocks = _Blocks()
    add = blocks.add
    name_org, name_year, email_bit = (
        _BIT[SAME_NAME_SAME_ORGANISATION],
        _BIT[SAME_NAME_SAME_BIRTH_YEAR],
        _BIT[SAME_EMAIL],
    )
    cursor = connection.execute(
        "SELECT rowid, first_name, last_name, organisation_id, substr(birth_date, 1, 4), email"
        " FROM member WHERE deleted_at IS NULL"
    )
    done = 0
    try:
        while batch := cursor.fetchmany(READ_BATCH):
            if cancelled is not None and cancelled():
                raise ScanCancelled
            for rowid, first, last, org, year, email in batch:
                name = normalised_name(first or "", last or "")
                if name:
                    if org:
                        add(name_org, hash((1, name, org)), rowid)
                    if year:
                        add(name_year, hash((2, name, year)), rowid)
                if email:
                    add(email_bit, hash((3, _email_key(email))), rowid)
            done += len(batch)
            if progress is not None:
                progress(done, total)
    finally:
        cursor.close()
    return blocks


def _indexed_groups(connection: sqlite3.Connection) -> list[tuple[int, list[int]]]:
    """Live members sharing a national ID or a phone number, found through their indexes."""
    groups: list[tuple[int, list[int]]] = []
    # The unique partial index ux_member_national_id forbids two live members with one ID, so
    # this finds none while the index holds (reading it costs ~0.1 s at 393,000 members). A
    # database without it (a restored or hand-repaired copy) is read without it, and checked.
    has_index = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'ux_member_national_id'"
    ).fetchone()
    indexed_by = " INDEXED BY ux_member_national_id" if has_index else ""
    shared_ids = connection.execute(
        f"SELECT national_id FROM member{indexed_by}"
        " WHERE national_id IS NOT NULL AND deleted_at IS NULL"
        " GROUP BY national_id HAVING count(*) > 1"
    ).fetchall()
    # ix_member_phone covers phone alone: count deleted members too, then keep live ones.
    shared_phones = connection.execute(
        "SELECT phone FROM member INDEXED BY ix_member_phone WHERE phone != ''"
        " GROUP BY phone HAVING count(*) > 1"
    ).fetchall()
    for reason, column, values in (
        (SAME_NATIONAL_ID, "national_id", shared_ids),
        (SAME_PHONE, "phone", shared_phones),
    ):
        for (value,) in values:
            rowids = [
                rowid
                for (rowid,) in connection.execute(
                    f"SELECT rowid FROM member WHERE {column} = ? AND deleted_at IS NULL",
                    (value,),
                )
            ]
            if len(rowids) > 1:
                groups.append((_BIT[reason], rowids))
    return groups


_BIT = {reason: 1 << n for n, reason in enumerate(REASON_CODES)}
_LARGEST_BLOCK = {
    _BIT[SAME_NATIONAL_ID]: MAX_NAME_BLOCK,
    _BIT[SAME_NAME_SAME_ORGANISATION]: MAX_NAME_BLOCK,
    _BIT[SAME_NAME_SAME_BIRTH_YEAR]: MAX_NAME_BLOCK,
    _BIT[SAME_PHONE]: MAX_CONTACT_BLOCK,
    _BIT[SAME_EMAIL]: MAX_CONTACT_BLOCK,
}
_PAIR_SHIFT = 40  # rowids below 2**40: a pair of them is one int key


def _candidate_pairs(groups: Iterable[tuple[int, list[int]]]) -> dict[int, int]:
    """Pairs (``a << 40 | b``, a < b) of rowids -> the reason bits that blocked them."""
    candidates: dict[int, int] = {}
    skipped: dict[int, int] = {}
    for bit, rowids in groups:
        if len(rowids) > _LARGEST_BLOCK[bit]:
            skipped[bit] = skipped.get(bit, 0) + 1
            continue
        for a, b in combinations(sorted(rowids), 2):
            pair = a << _PAIR_SHIFT | b
            candidates[pair] = candidates.get(pair, 0) | bit
    for reason, bit in _BIT.items():
        if skipped.get(bit):
            log.info("duplicate scan: %d %s blocks too large to compare", skipped[bit], reason)
    return candidates


def scan_duplicates(
    session: Session,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCallback | None = None,
    limit: int | None = None,
) -> list[DuplicatePair]:
    """Candidate duplicate pairs among live members, best score first (at most ``limit``).

    ``progress(done, total)`` is called as members are read; ``cancelled()`` is asked between
    batches and, when it returns True, the scan stops with :class:`ScanCancelled`. The scan only
    reads (its working table is temporary and dropped).
    """
    if limit is not None and limit < 0:
        raise ValueError("limit must not be negative")
    # Hundreds of thousands of short-lived rows: a collector pass over them (and the app's
    # heap) would hold the GIL, and a window's event loop, for 0.1-0.2 s (see db.io.collector).
    with collector.paused():
        return _scan(session, progress=progress, cancelled=cancelled, limit=limit)


def _scan(
    session: Session,
    *,
    progress: ProgressCallback | None,
    cancelled: CancelCallback | None,
    limit: int | None,
) -> list[DuplicatePair]:
    connection = dbapi(session)
    total = _live_count(connection)
    if progress is not None:
        progress(0, total)
    blocks = _read_blocks(connection, total, progress, cancelled)
    if cancelled is not None and cancelled():
        raise ScanCancelled
    candidates = _candidate_pairs(chain(blocks.groups(), _indexed_groups(connection)))
    blocks.release()  # a million keys freed in one go would hold the GIL 0.1 s
    del blocks
    dismissed = dismissed_pairs(session)
    mask = (1 << _PAIR_SHIFT) - 1
    rows = _member_rows(
        connection, sorted({r for p in candidates for r in (p >> _PAIR_SHIFT, p & mask)})
    )
    # Pairs that share one contact and nothing else: how alike their names must be.
    only_contact = {_BIT[SAME_PHONE]: SIMILAR_NAME, _BIT[SAME_EMAIL]: SIMILAR_NAME_EMAIL}
    pairs: list[DuplicatePair] = []
    for key, bits in candidates.items():
        row_a, row_b = rows.get(key >> _PAIR_SHIFT), rows.get(key & mask)
        if row_a is None or row_b is None or pair_key(row_a[1], row_b[1]) in dismissed:
            continue
        a, b = _Member(*row_a), _Member(*row_b)
        if bits in only_contact and (
            name_similarity((a.first_name, a.last_name), (b.first_name, b.last_name))
            < only_contact[bits]
        ):
            continue  # a shared (household, office) number or e-mail, not one person
        pair = _pair(a, b)
        if pair.reasons:  # none: two keys only shared a hash
            pairs.append(pair)
    if cancelled is not None and cancelled():
        raise ScanCancelled
    pairs.sort(key=lambda p: (-p.score, thai_sort_key(p.a_name), p.a_id, p.b_id))
    if progress is not None:
        progress(total, total)
    return pairs if limit is None else pairs[:limit]
