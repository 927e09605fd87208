"""One sheet row to one member as stored, with the row's errors and warnings.

The rules are the member editor's (:mod:`db.members.validation`): the same cleaning helpers
(``clean_line``, ``clean_multiline``, ``clean_tags``, Thai digits to Arabic), the same national
ID, phone, e-mail, date and code checks with the same codes. They are applied field by field
here, with reference lists read once per import and repeated values (organisations, positions,
provinces, dates) cached, because calling ``validate_member`` per row costs seven queries and
``normalise_member`` about 50 µs: 20 s at 393,000 rows. A test checks that both agree.

What the sheet adds to the editor's rules: cells arrive as numbers and dates as well as text
(Excel date serials, leading zeros Excel dropped from phone numbers and IDs, BE years typed into
date cells), a full name in one cell, labels instead of codes ("ชาย", "ข้าราชการส่วนท้องถิ่น",
"พนักงานส่วนตำบล"), and names of provinces, districts, organisations and groups to match.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlmodel import Session

from db.io.cell_safety import unescape_cell
from db.io.group_cells import split_groups, split_role
from db.io.import_fast import is_clean_line, quick_national_id, quick_phone
from db.io.mapping import FIELD_LABELS_EN, FIELD_LABELS_TH, ColumnMapping
from db.members.types import FieldError, MemberInput
from db.members.validation import (
    EMAIL_PATTERN,
    MAX_MEMBERSHIP_NO_LENGTH,
    MAX_TAG_LENGTH,
    clean_line,
    clean_multiline,
    clean_tags,
    date_errors,
)
from db.organisations import type_abbreviations
from db.reference.queries import province_matcher
from db.reference.types import Province
from db.thai.dates import BE_OFFSET, ThaiDateError, from_excel_serial, parse_thai_date
from db.thai.digits import to_arabic_digits
from db.thai.national_id import NationalIdError, normalize_national_id
from db.thai.phone import ThaiPhoneError, is_mobile, normalize_phone, phone_extension
from db.thai.text import (
    NAME_PREFIXES,
    ZERO_WIDTH_CHARS,
    clean_text,
    normalize_for_search,
    split_prefix,
)

ORGANISATION_FUZZY_THRESHOLD = 90.0
EXCEL_MAX_SERIAL = 2_958_465  # 9999-12-31
CACHE_LIMIT = 100_000  # values remembered per field
CACHE_PROBE = 1_000  # text fields are cached when their first 1,000 values repeat enough

# Member columns the import writes (the editor's _DATA_COLUMNS), in this order.
MEMBER_COLUMNS: tuple[str, ...] = (
    "prefix", "first_name", "last_name", "first_name_en", "last_name_en", "nickname",
    "national_id", "birth_date", "gender", "personnel_type", "position", "position_type",
    "position_level", "organisation_id", "phone", "phone_office", "email", "line_id", "address",
    "membership_no", "status", "joined_on", "expires_on", "notes", "consent_date",
    "consent_purpose",
)  # fmt: skip
# As validation.py cleans them: searched single-line text gets Arabic digits.
SEARCHED_TEXT = frozenset((
    "prefix", "first_name", "last_name", "first_name_en", "last_name_en", "nickname",
    "position", "membership_no", "line_id", "email",
))  # fmt: skip
MULTILINE_TEXT = frozenset(("address", "notes", "consent_purpose"))
DATE_FIELDS = frozenset(("birth_date", "joined_on", "expires_on", "consent_date"))
CODE_FIELDS = {
    "gender": "gender",
    "personnel_type": "personnel_type",
    "position_type": "position_type",
    "position_level": "position_level",
    "status": "member_status",
}
_CODE_WHAT = {
    "gender": "gender", "personnel_type": "personnel type", "position_type": "position type",
    "position_level": "position level", "status": "membership status",
}  # fmt: skip
_EXTRA_LABELS = {
    "gender": {"male": ("ช", "ชาย", "m", "ผู้ชาย"), "female": ("ญ", "หญิง", "f", "ผู้หญิง")},
    "member_status": {"active": ("ปกติ", "สมาชิก", "เป็นสมาชิก", "ใช้งาน")},
}
_DISTRICT_WORDS = ("กิ่งอำเภอ", "อำเภอ", "อ.", "เขต", "district", "amphoe", "khet")


@dataclass(frozen=True, slots=True)
class RowIssue:
    """A problem with a row: ``row`` as the spreadsheet shows it, ``column`` its header name,
    ``message`` in English. ``detail`` says which case of ``code`` it is (the checked value's
    ``reason``: ``wrong_length``, ``bad_checksum`` ...) and ``args`` the values the message
    names, so that :mod:`db.io.issue_texts` can say the same in Thai."""

    row: int
    column: str
    code: str
    message: str
    detail: str = ""
    args: dict[str, str] | None = None

    def to_dict(self) -> dict[str, object]:
        found: dict[str, object] = {
            "row": self.row, "column": self.column, "code": self.code, "message": self.message
        }  # fmt: skip
        if self.detail:
            found["detail"] = self.detail
        if self.args:
            found["args"] = dict(self.args)
        return found


@dataclass(slots=True)
class PendingOrganisation:
    """An organisation the import will create (once, for the first row naming it)."""

    key: str
    name: str
    type_code: str
    province_code: int
    district_code: int | None
    id: str | None = None  # set when written
    first_row: int = 0


@dataclass(slots=True)
class PendingGroup:
    key: str
    name: str
    id: str | None = None
    first_row: int = 0


@dataclass(slots=True)
class GroupJoin:
    """A group a row's member joins, in a role: one in the register (``id``) or one the import
    creates (``pending``; ``id`` is set from it when it is written)."""

    id: str | None
    pending: PendingGroup | None = None
    role: str = "member"
    created: RowIssue | None = None  # this row's "group_created" warning for it, if any
    # The row says the role (in brackets, or in a role column): an update may change a
    # registered member's role in the group to it (a group named alone leaves the role).
    role_given: bool = False


OrganisationQuery = tuple[str, int | None, str | None, int | None, tuple[str, str | None]]


@dataclass(slots=True)
class NormalisedRow:
    """A row in stored form. ``values`` holds the member columns (ISO text for dates);
    ``given`` the fields the sheet filled (an update only copies those)."""

    row: int
    values: dict[str, object]
    given: set[str]
    strengths: tuple[str, ...] = ()
    organisation: PendingOrganisation | None = None  # to be created; its id goes in values
    groups: list[GroupJoin] = field(default_factory=list)
    errors: list[RowIssue] = field(default_factory=list)
    warnings: list[RowIssue] = field(default_factory=list)
    name_key: bytes | None = None  # the name's sort key, when worked out beside (check_process)
    # (name, province, type hint, district, answer_of(match)), when recorded (check_process).
    organisation_query: OrganisationQuery | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def __reduce__(self) -> tuple[type[NormalisedRow], tuple[object, ...]]:
        # Pickled as the constructor's arguments (db.io.check_process sends hundreds of
        # thousands): a third quicker to pickle and a fifth quicker to unpickle than the
        # state a slots dataclass gives pickle, which is set back by a Python function.
        return (NormalisedRow, (
            self.row, self.values, self.given, self.strengths, self.organisation, self.groups,
            self.errors, self.warnings, self.name_key, self.organisation_query,
        ))  # fmt: skip


def _key(text: str) -> str:
    return normalize_for_search(text).replace(" ", "")


def answer_of(found: OrganisationMatch) -> tuple[str, str | None]:
    """What a match decided, comparable between processes: how, and the organisation's id
    (or the key of the one to create). A pending organisation already written is exact."""
    if found.how == "created" and found.pending is not None and found.pending.id:
        return "exact", found.pending.id
    return found.how, found.id or (found.pending.key if found.pending is not None else None)


# --- organisations -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrganisationMatch:
    id: str | None
    how: str  # exact | abbreviation | fuzzy | created | unknown
    name: str = ""  # the organisation's stored name
    score: float = 100.0
    pending: PendingOrganisation | None = None


class OrganisationMatcher:
    """Finds an organisation by the name a sheet gives, within a province when it is known:
    exact (spaces ignored) -> with the type abbreviation expanded (อบต./ทต./ทม./ทน./อบจ./กทม.)
    -> fuzzy (rapidfuzz ratio >= 90) -> new (when its type and province are known)."""

    def __init__(self, session: Session, connection: sqlite3.Connection) -> None:
        self._abbreviations = type_abbreviations(session)
        types = connection.execute(
            "SELECT code, name_th, abbr_th, coalesce(name_en, '') FROM ref_item"
            " WHERE kind = 'org_type'"
        ).fetchall()
        self.type_names = {code: name for code, name, _, _ in types}
        self._type_prefixes = sorted(
            ((_key(name), code) for code, name, _, _ in types if code != "other"),
            key=lambda pair: -len(pair[0]),
        )
        self._type_labels: dict[str, str] = {}
        for code, name, abbreviation, english in types:
            # The English name too: the app's own English export writes it.
            for label in (code, name, abbreviation, abbreviation.rstrip("."), english):
                if label:
                    self._type_labels.setdefault(_key(label), code)
        self._by_name: dict[tuple[int | None, str], list[str]] = {}
        self._by_type: dict[tuple[int | None, str, str], list[str]] = {}
        self._names: dict[int | None, dict[str, str]] = {}  # province -> {key: id}
        self._stored: dict[str, str] = {}  # id -> name
        rows = connection.execute(
            "SELECT id, name, type_code, province_code FROM organisation WHERE deleted_at IS NULL"
            " ORDER BY rowid"
        )
        for organisation_id, name, type_code, province_code in rows:
            self._add(organisation_id, name, type_code, province_code)
        self._cache: dict[tuple[str, int | None, str | None], OrganisationMatch] = {}
        self.created_keys: dict[str, str] = {}  # id of an organisation this import made -> key
        self._pending: dict[tuple[int, str], PendingOrganisation] = {}

    def _add(self, organisation_id: str, name: str, type_code: str, province: int | None) -> None:
        key = _key(name)
        self._stored[organisation_id] = name
        for scope in (province, None):
            self._by_name.setdefault((scope, key), []).append(organisation_id)
            self._names.setdefault(scope, {}).setdefault(key, organisation_id)
        found_type, rest = self.split_type(name)
        if found_type == type_code and rest:
            rest_key = rest.replace(" ", "")
            for scope in (province, None):
                self._by_type.setdefault((scope, type_code, rest_key), []).append(organisation_id)

    def name_of(self, organisation_id: object) -> str:
        """The stored name of an organisation this matcher knows ("" if none)."""
        return self._stored.get(str(organisation_id), "") if organisation_id else ""

    def type_code(self, label: str) -> str | None:
        """The org_type code a label names ("อบต.", "องค์การบริหารส่วนตำบล", "sao")."""
        return self._type_labels.get(_key(label)) if label else None

    def split_type(self, name: str) -> tuple[str | None, str]:
        """(type code, the rest of the name) of "อบต. บ้านใหม่" or "องค์การบริหารส่วนตำบล
        บ้านใหม่" (the rest cleaned, Arabic digits); (None, the name) when no type starts it."""
        text = normalize_for_search(name)
        for abbreviation in self._abbreviations:
            match = abbreviation.pattern.match(text)
            if match:
                return abbreviation.type_code, text[match.end() :].strip()
        compact = text.replace(" ", "")
        for prefix, code in self._type_prefixes:
            if compact.startswith(prefix):
                # Skip the prefix's letters in the spaced text.
                taken, position = 0, 0
                while taken < len(prefix) and position < len(text):
                    if text[position] != " ":
                        taken += 1
                    position += 1
                return code, text[position:].strip()
        return None, text

    def full_name(self, type_code: str, rest_name: str) -> str:
        """The official form of a name: "อบต. บ้านใหม่" -> "องค์การบริหารส่วนตำบลบ้านใหม่"."""
        type_name = self.type_names.get(type_code, "")
        if type_code in ("bangkok", "pattaya") and not rest_name:
            return type_name
        return f"{type_name}{rest_name}"

    def _unique(self, ids: list[str] | None) -> str | None:
        if not ids:
            return None
        return ids[0] if len(set(ids)) == 1 else None

    def match(
        self, name: str, *, province: int | None, type_hint: str | None,
        district: int | None = None,
    ) -> OrganisationMatch:  # fmt: skip
        cache_key = (name, province, type_hint)
        found = self._cache.get(cache_key)
        if found is None:
            found = self._match(name, province, type_hint, district)
            self._cache[cache_key] = found
        return found

    def _match(
        self, name: str, province: int | None, type_hint: str | None, district: int | None,
    ) -> OrganisationMatch:  # fmt: skip
        key = _key(name)
        found = self._unique(self._by_name.get((province, key)))
        if found:
            return OrganisationMatch(found, "exact", self._stored[found])
        type_code, rest = self.split_type(name)
        if type_code is None and type_hint:
            type_code = type_hint
        rest_key = rest.replace(" ", "")
        if type_code in ("bangkok", "pattaya") and not rest_key:
            whole = _key(self.type_names.get(type_code, ""))
            found = self._unique(self._by_name.get((province, whole)))
            if found:
                return OrganisationMatch(found, "abbreviation", self._stored[found])
        if type_code and rest_key:
            found = self._unique(self._by_type.get((province, type_code, rest_key)))
            if found:
                return OrganisationMatch(found, "abbreviation", self._stored[found])
        # Fuzzy only within a province: names like "อบต.บ้านใหม่" recur all over the country.
        expanded = _key(self.full_name(type_code, rest)) if type_code else key
        choices = self._names.get(province, {}) if province is not None else {}
        if choices:
            best = process.extractOne(
                expanded, choices.keys(), scorer=fuzz.ratio,
                score_cutoff=ORGANISATION_FUZZY_THRESHOLD,
            )  # fmt: skip
            if best is not None:
                found = choices[best[0]]
                return OrganisationMatch(found, "fuzzy", self._stored[found], float(best[1]))
        if type_code and province is not None and (rest_key or type_code in ("bangkok", "pattaya")):
            official = self.full_name(type_code, clean_line(rest))
            pending = self._pending.get((province, _key(official)))
            if pending is None:
                pending = PendingOrganisation(
                    key=_key(official), name=official, type_code=type_code,
                    province_code=province, district_code=district,
                )  # fmt: skip
                self._pending[(province, pending.key)] = pending
            return OrganisationMatch(None, "created", official, pending=pending)
        return OrganisationMatch(None, "unknown")

    def adopt(self, pending: PendingOrganisation) -> PendingOrganisation:
        """This matcher's pending organisation of the same name and province as ``pending``
        (one made in another process), which becomes it if there is none yet."""
        return self._pending.setdefault((pending.province_code, pending.key), pending)

    def created(self, pending: PendingOrganisation, organisation_id: str) -> None:
        """The pending organisation was written: rows after this one match it exactly."""
        pending.id = organisation_id
        self.created_keys[organisation_id] = pending.key
        self._add(organisation_id, pending.name, pending.type_code, pending.province_code)
        for cache_key, match in list(self._cache.items()):
            if match.pending is pending:
                self._cache[cache_key] = OrganisationMatch(organisation_id, "exact", pending.name)


# --- the reference lists an import needs ---------------------------------------------------------


class ImportContext:
    """Reference lists and matchers read once per import (and caches of converted values)."""

    def __init__(self, session: Session, connection: sqlite3.Connection, *, today: dt.date) -> None:
        self.today = today
        self.province_of: Callable[[str], Province | None] = province_matcher(session)
        self.organisations = OrganisationMatcher(session, connection)
        self.codes: dict[str, dict[str, list[str]]] = {}
        self.parents: dict[str, dict[str, str]] = {}
        for kind in (*CODE_FIELDS.values(), "group_role"):
            self._load_codes(connection, kind)
        # "พนักงานส่วนตำบล" and the like name a personnel type by employer.
        titles = connection.execute(
            "SELECT name_th, parent_code FROM ref_item WHERE kind = 'personnel_title_by_org_type'"
        )
        for name, parent in titles:
            self.codes["personnel_type"].setdefault(_key(name), [parent])
        prefixes = [p for p in NAME_PREFIXES]
        for name, abbreviation in connection.execute(
            "SELECT name_th, abbr_th FROM ref_item WHERE kind = 'name_prefix' AND active"
        ):
            prefixes.extend(p for p in (name, abbreviation) if p)
        self.prefixes = tuple(dict.fromkeys(clean_text(p) for p in prefixes if clean_text(p)))
        self.districts: dict[tuple[int, str], int] = {}
        for code, province, name in connection.execute(
            "SELECT code, province_code, name_th FROM district"
        ):
            self.districts[(province, _district_key(name))] = code
        self.groups: dict[str, str] = {}
        for group_id, name in connection.execute(
            "SELECT id, name FROM network_group WHERE deleted_at IS NULL ORDER BY rowid"
        ):
            self.groups.setdefault(_key(name), group_id)
        self.pending_groups: dict[str, PendingGroup] = {}

    def _load_codes(self, connection: sqlite3.Connection, kind: str) -> None:
        lookup: dict[str, list[str]] = {}
        parents: dict[str, str] = {}
        rows = connection.execute(
            "SELECT code, name_th, name_en, abbr_th, parent_code FROM ref_item WHERE kind = ?"
            " ORDER BY sort_order",
            (kind,),
        )
        for code, name_th, name_en, abbreviation, parent in rows:
            parents[code] = parent
            for label in (code, name_th, name_en, abbreviation):
                if label:
                    codes = lookup.setdefault(_key(label), [])
                    if code not in codes:
                        codes.append(code)
        for code, labels in _EXTRA_LABELS.get(kind, {}).items():
            if code in parents:
                for label in labels:
                    lookup.setdefault(_key(label), [code])
        self.codes[kind] = lookup
        self.parents[kind] = parents

    def code(self, kind: str, label: str, *, parent: str = "") -> str | None:
        """The code of a list item by its code, Thai or English name or abbreviation; among
        items sharing a name (levels "ต้น"), the one under ``parent``."""
        codes = self.codes[kind].get(_key(label))
        if not codes:
            return None
        if len(codes) > 1 and parent:
            for code in codes:
                if self.parents[kind].get(code) == parent:
                    return code
        return codes[0]


def _district_key(name: str) -> str:
    key = normalize_for_search(name).replace(" ", "")
    for word in _DISTRICT_WORDS:
        if key.startswith(word) and len(key) > len(word):
            return key[len(word) :]
    return key


# --- cells ---------------------------------------------------------------------------------------


def cell_to_text(cell: object) -> str:
    """A cell as text: whole numbers without ".0", dates as ISO, blanks as "".

    A text cell our export escaped against formulas ("'=..." ) comes back as it was.
    """
    if isinstance(cell, str):
        return unescape_cell(cell)
    if cell is None or cell == "":
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat(" ")
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return str(cell)


def _clean_searched(text: str) -> str:
    """``to_arabic_digits(clean_line(text))``, at once when the text is clean already (either
    way a text ``clean_text`` leaves as it is)."""
    return text if is_clean_line(text) else to_arabic_digits(clean_line(text))


# Between the numbers of a cell that holds several ("081-234-5678 / 02-123-4567").
_PHONE_LIST_SEPARATOR = re.compile(r"\s*[,;/\n]\s*|\s+(?:หรือ|และ|or)\s+|\s{2,}", re.IGNORECASE)


def several_phones(text: str) -> list[tuple[str, str]] | None:
    """(number in national form, its extension or "") of each number of a cell that lists two
    or more different phone numbers, in order (a number given twice, once); None unless every
    part is a phone number."""
    parts = [part for part in _PHONE_LIST_SEPARATOR.split(text.strip()) if part]
    if len(parts) < 2:
        return None
    numbers: dict[str, str] = {}
    for part in parts:
        try:
            number = normalize_phone(part)
        except ThaiPhoneError:
            return None
        numbers.setdefault(number, phone_extension(part))
    return list(numbers.items())


# A total or a signature line under a list, in the name column: "รวม 20 คน", "รวมทั้งสิ้น",
# "ผู้จัดทำ นางสาวสมใจ รักงาน", "ลงชื่อ ....... ผู้รับรอง".
_FOOTER_WORD = re.compile(
    r"^(?:ผู้จัดทำ|ผู้บันทึก|ผู้ตรวจสอบ|ผู้รับรอง|ผู้อนุมัติ|ลงชื่อ|ลงนาม|หมายเหตุ|ตรวจสอบแล้ว"
    r"|รับรองถูกต้อง|prepared by|signed)(?=$|[\s\d.…_:(\-])",  # a word of its own
    re.IGNORECASE,
)
# Words that start a total ("รวม 20 คน", "จำนวนสมาชิก 20", "Total: 20"), but could be a name
# too (นายรวม, Sum Lee): a total only with a number or a colon, or alone in the cell.
_TOTAL_WORD = re.compile(r"^(?:รวม|ยอดรวม|ทั้งหมด|จำนวน|total|sum)", re.IGNORECASE)
_TOTAL_WORD_ALONE = re.compile(r"(?:รวม(?:ทั้งสิ้น|ทั้งหมด)?|ยอดรวม|ทั้งหมด|total|sum)", re.IGNORECASE)
_NUMBER_OR_COLON = re.compile(r"[\d:]")


def _is_footer(first: str, last: str) -> bool:
    """Whether a name cell's words (no prefix found) are a total or a signature line."""
    if _FOOTER_WORD.match(first):
        return True
    if not _TOTAL_WORD.match(first):
        return False
    if not last and _TOTAL_WORD_ALONE.fullmatch(first):
        return True
    return bool(_NUMBER_OR_COLON.search(first) or _NUMBER_OR_COLON.search(last))


_BRACKET_AFTER_NAME = re.compile(r"(.*?)((?:\s*\([^()]*\))+)")  # "ใจดี (ต้น) (อดีตนายก)"
_BRACKET = re.compile(r"\(([^()]*)\)")
NICKNAME_MAX = 12  # letters of a nickname taken from brackets after a name

_PHONE_NOTE = re.compile(r"(.*?[0-9๐-๙].*?)\s*[(\[]([^()\[\]]+)[)\]]")  # "081... (ส่วนตัว)"
_SCIENTIFIC = re.compile(r"[0-9]+(?:[.,][0-9]+)?[eE]\+?[0-9]+")  # 3.10050012346E+12

_OTHER_PHONE_FIELD = {"phone": "phone_office", "phone_office": "phone"}


def _share_several_phones(result: NormalisedRow) -> None:
    """The numbers of a cell that held several (a ``several_phones`` warning), shared out: the
    mobile field keeps a mobile number if the cell has one, the office field a landline, else
    the cell's first; the other phone field, when the row leaves it empty, takes the first
    suitable number left (a landline for the office phone, a mobile for the mobile); the rest
    are added to the notes. The warning then says where each went."""
    values = result.values
    for index, issue in enumerate(result.warnings):
        if issue.code != "several_phones" or not issue.args:
            continue
        name = issue.args["field"]
        numbers = issue.args["numbers"].split(", ")
        kept = numbers[0]
        if name == "phone":  # the mobile field keeps a mobile, the office field a landline
            kept = next((n for n in numbers if is_mobile(n)), kept)
        else:
            kept = next((n for n in numbers if not is_mobile(n)), kept)
        values[name] = kept
        rest = [n for n in numbers if n != kept]
        other = _OTHER_PHONE_FIELD[name]
        moved = None
        if other not in result.given:
            wanted = is_mobile if other == "phone" else (lambda n: not is_mobile(n))
            moved = next((n for n in rest if wanted(n)), None)
        if moved is not None:
            values[other] = moved
            result.given.add(other)
            rest.remove(moved)
        _add_phones_to_notes(result, name, rest)
        result.warnings[index] = _phones_shared(issue, kept, moved, rest)


def _kept_in_notes(result: NormalisedRow) -> None:
    """What a field could not hold, kept in the notes once the row is read: a date given as a
    year alone ("วันเกิด: 2510", a ``date_year_only`` warning), a bracket after the name
    (``bracket_in_name``), a phone's note ("โทรศัพท์มือถือ: 0812345678 (ส่วนตัว)",
    ``phone_note``) or extension ("โทรศัพท์ที่ทำงาน: 021234567 ต่อ 12", ``phone_extension``)."""
    for issue in result.warnings:
        if not issue.args:
            continue
        if issue.code == "date_year_only":
            _add_to_notes(result, f"{FIELD_LABELS_TH[issue.args['field']]}: {issue.args['year']}")
        elif issue.code == "bracket_in_name" and issue.detail == "notes":
            _add_to_notes(result, f"({issue.args['text']})")
        elif issue.code == "phone_note":
            label = FIELD_LABELS_TH[issue.args["field"]]
            _add_to_notes(result, f"{label}: {issue.args['number']} ({issue.args['note']})")
        elif issue.code == "phone_extension":
            label = FIELD_LABELS_TH[issue.args["field"]]
            _add_to_notes(result, f"{label}: {issue.args['number']} ต่อ {issue.args['extension']}")


def _add_to_notes(result: NormalisedRow, line: str) -> None:
    notes = str(result.values["notes"] or "")
    result.values["notes"] = f"{notes}\n{line}" if notes else line
    result.given.add("notes")


def _add_phones_to_notes(result: NormalisedRow, name: str, numbers: list[str]) -> None:
    if numbers:
        _add_to_notes(result, f"{FIELD_LABELS_TH[name]}: {', '.join(numbers)}")


def _phones_shared(issue: RowIssue, kept: str, moved: str | None, rest: list[str]) -> RowIssue:
    """The ``several_phones`` warning saying where each number of the cell went."""
    assert issue.args is not None
    name = issue.args["field"]
    count = len(issue.args["numbers"].split(", "))
    args = {"count": str(count), "kept": kept, "others": ", ".join(rest), "field": name,
            "numbers": issue.args["numbers"]}  # fmt: skip
    message = f"The cell holds {count} phone numbers: {kept} is kept here"
    detail = ""
    if moved is not None:
        other = _OTHER_PHONE_FIELD[name]
        args.update(moved=moved, to_field=other)
        message += f", {moved} goes to the {FIELD_LABELS_EN[other].lower()} field"
        detail = "other_field_and_notes" if rest else "other_field"
    if rest:
        message += (
            f", {args['others']} to the notes"
            if moved
            else f", {args['others']} added to the notes"
        )
    return RowIssue(issue.row, issue.column, issue.code, message, detail, args)


def keep_registered_phone(result: NormalisedRow, registered: dict[str, object]) -> RowIssue | None:
    """For an update: a number this row moved into the other phone field (see
    :func:`_share_several_phones`) goes to the notes instead when the registered member has
    a different number there already, which the sheet did not give. Answers the warning as
    it now reads, or None when nothing changed."""
    for index, issue in enumerate(result.warnings):
        if issue.code != "several_phones" or not issue.args or "moved" not in issue.args:
            continue
        other, moved = issue.args["to_field"], issue.args["moved"]
        if registered.get(other) in (None, "", moved):
            return None
        result.values[other] = ""
        result.given.discard(other)
        rest = [moved, *(n for n in issue.args["others"].split(", ") if n)]
        if issue.args["others"]:  # its notes line is written again with the moved number
            lines = str(result.values["notes"] or "").split("\n")
            lines.remove(f"{FIELD_LABELS_TH[issue.args['field']]}: {issue.args['others']}")
            result.values["notes"] = "\n".join(lines)
        _add_phones_to_notes(result, issue.args["field"], rest)
        result.warnings[index] = _phones_shared(issue, issue.args["kept"], None, rest)
        return result.warnings[index]
    return None


def _digit_count(text: str) -> dict[str, str]:
    """How many digits (Thai or Arabic) ``text`` has, as a problem's values."""
    return {"digits": str(sum(char.isdigit() for char in text))}


def _digits_cell(cell: object) -> str | None:
    """The digits of a cell Excel holds as a number (an ID or phone typed without quotes)."""
    if isinstance(cell, bool):
        return None
    if isinstance(cell, float) and cell.is_integer() and cell >= 0:
        return str(int(cell))
    if isinstance(cell, int) and cell >= 0:
        return str(cell)
    return None


# Whole numbers in a date column that are years typed alone (CE or BE), not Excel serials: as
# serials they would be dates in 1905-1907, which no member's date is.
_YEAR_RANGES = ((1900, 2100), (2400, 2700))


_YEAR_ALONE = re.compile(r"(?:(?:พ|ค)\.?\s*ศ\.?\s*)?([0-9]{4})")  # "2510", "พ.ศ. 2510"


def _looks_like_a_year(number: float) -> bool:
    return float(number).is_integer() and any(low <= number <= high for low, high in _YEAR_RANGES)


@dataclass(frozen=True, slots=True)
class DateValue:
    value: dt.date
    be_as_ce: bool = False  # a BE year was typed into a date cell and was taken back


def cell_to_date(cell: object) -> DateValue | None:
    """A date from a date cell, an Excel serial or text in the shapes Thai users write;
    raises ThaiDateError (its reasons, and ``year_only`` for a year typed alone)."""
    if isinstance(cell, dt.datetime):
        value = cell.date()
    elif isinstance(cell, dt.date):
        value = cell
    elif isinstance(cell, (int, float)) and not isinstance(cell, bool):
        if not 1 <= cell <= EXCEL_MAX_SERIAL:
            raise ThaiDateError(f"{cell!r} is not a date", reason="unrecognised")
        if _looks_like_a_year(cell):  # 2525 read as a serial would be 29 Nov 1906
            raise ThaiDateError(
                f"{int(cell)} is a year alone, not a date: write the day, month and year",
                reason="year_only",
            )
        value = from_excel_serial(float(cell))
    else:
        text = to_arabic_digits(clean_text(cell_to_text(cell)))
        if not text:
            return None
        year = _YEAR_ALONE.fullmatch(text)
        if year is not None and _looks_like_a_year(int(year.group(1))):
            raise ThaiDateError(
                f"{text} is a year alone, not a date: write the day, month and year",
                reason="year_only",
            )
        if text.isdigit() and len(text) == 5:  # a serial that lost its date format (CSV)
            value = from_excel_serial(float(text))
        else:
            return DateValue(parse_thai_date(text))
    if value.year >= 2400:  # a BE year in a date cell (Excel took 2530 as the year 2530)
        try:
            return DateValue(value.replace(year=value.year - BE_OFFSET), be_as_ce=True)
        except ValueError:
            raise ThaiDateError(
                f"{value.day}/{value.month}/{value.year} is not a date that exists",
                reason="no_such_date",
            ) from None
    return DateValue(value)


# --- rows ----------------------------------------------------------------------------------------


_BLANK_CHARS = " \t\r\n\u00a0\u3000" + ZERO_WIDTH_CHARS
_NONE_FIELDS = ("national_id", "birth_date", "gender", "organisation_id", "joined_on",
                "expires_on", "consent_date")  # fmt: skip


def _empty_row_values() -> dict[str, object]:
    values: dict[str, object] = dict.fromkeys(MEMBER_COLUMNS, "")
    for name in _NONE_FIELDS:
        values[name] = None
    values["status"] = "active"
    return values


_MISSING = object()


class RowNormaliser:
    """Turns cells into a :class:`NormalisedRow` for one mapping and sheet.

    Values that repeat down a column (positions, codes, provinces, organisations, dates,
    strengths) are converted once per distinct cell and cached; names, IDs and phones are
    converted per row.
    """

    def __init__(
        self, context: ImportContext, mapping: ColumnMapping, headers: Sequence[str]
    ) -> None:
        self.context = context
        self.mapping = mapping
        self.headers = headers
        self.columns: list[tuple[int, str]] = sorted(mapping.columns.items())
        self.header_of: dict[str, str] = {
            name: (headers[index] if index < len(headers) else "") for index, name in self.columns
        }
        self.header_of.setdefault("first_name", self.header_of.get("full_name", ""))
        self._template = _empty_row_values()
        # Plain functions, called with self: bound methods kept on self would make a reference
        # cycle, and the normaliser (with the context's reference tables) would wait for the
        # cyclic collector instead of going when the import does.
        cls = RowNormaliser
        self._handlers: dict[str, Callable[[RowNormaliser, str, object, NormalisedRow], None]]
        self._handlers = {}
        for name in SEARCHED_TEXT | MULTILINE_TEXT:
            self._handlers[name] = cls._text_field
        for name in DATE_FIELDS:
            self._handlers[name] = cls._date
        self._handlers["national_id"] = cls._national_id
        self._handlers["phone"] = cls._phone
        self._handlers["phone_office"] = cls._phone
        self._handlers["strengths"] = cls._strengths
        self._code_order = [
            n for n in ("gender", "status", "personnel_type", "position_type", "position_level")
            if n in mapping.columns.values()
        ]  # fmt: skip
        self._caches: dict[str, dict[object, object]] = {}
        self._misses: dict[str, int] = {}
        self._probe: dict[str, set[object]] = {}
        self._name_fields = {"full_name", "prefix", "first_name", "last_name"}
        # In a second process (db.io.check_process): what each row asked the organisation
        # matcher and its answer, for the importing process to ask its own matcher again.
        self.record_organisation_queries = False

    def _column(self, name: str) -> str:
        return self.header_of.get(name, "")

    def _cache(self, name: str) -> dict[object, object]:
        cache = self._caches.get(name)
        if cache is None or len(cache) >= CACHE_LIMIT:
            cache = self._caches[name] = {}
        return cache

    def normalise(self, cells: Sequence[object], row: int) -> NormalisedRow:
        values = self._template.copy()
        result = NormalisedRow(row=row, values=values, given=set())
        raw: dict[str, object] = {}
        width = len(cells)
        for index, name in self.columns:
            cell = cells[index] if index < width else ""
            if cell == "" or cell is None:
                continue
            if cell.__class__ is str and not cell.strip(_BLANK_CHARS):  # type: ignore[union-attr]
                continue
            raw[name] = cell
        if not raw:  # only the columns not imported hold something (a totals row, say)
            self._checks(result)  # no name: rejected, and so shown in the error report
            return result
        self._names(raw, result)
        handlers = self._handlers
        for name, cell in raw.items():
            handler = handlers.get(name)
            if handler is not None:
                handler(self, name, cell, result)
        if self._code_order:
            self._codes(raw, result)
        if result.warnings:
            _share_several_phones(result)
            _kept_in_notes(result)
        self._checks(result)
        if "province" in raw or "organisation_name" in raw or "org_type" in raw:
            self._organisation(raw, result)
        if "group" in raw:
            self._group(raw, result)
        return result

    def _clean(self, name: str, cell: object) -> str:
        """A text cell as stored (cached per field, unless its values hardly repeat)."""
        cache = self._caches.get(name)
        if cache is not None:
            found = cache.get(cell)
            if found is not None:
                return found  # type: ignore[return-value]
        text = cell if cell.__class__ is str and cell[:1] != "'" else cell_to_text(cell)  # type: ignore[index]
        if is_clean_line(text):  # type: ignore[arg-type]
            found = text
        elif name in MULTILINE_TEXT:
            found = clean_multiline(text)
        else:
            found = to_arabic_digits(clean_line(text))
        if cache is None:
            misses = self._misses.get(name, 0) + 1
            self._misses[name] = misses
            if misses == CACHE_PROBE:  # values that repeat are worth remembering
                seen = self._probe.setdefault(name, set())
                if len(seen) < CACHE_PROBE // 2:
                    self._caches[name] = {}
            elif misses < CACHE_PROBE:
                self._probe.setdefault(name, set()).add(cell)
        elif len(cache) < CACHE_LIMIT:
            cache[cell] = found
        return found

    def _text_field(self, name: str, cell: object, result: NormalisedRow) -> None:
        text = self._clean(name, cell)
        if text:
            result.values[name] = text
            result.given.add(name)

    def _strengths(self, name: str, cell: object, result: NormalisedRow) -> None:
        cache = self._cache("strengths")
        tags = cache.get(cell)
        if tags is None:
            tags = cache[cell] = clean_tags((cell_to_text(cell),))  # split at separators
        if tags:
            result.strengths = tags  # type: ignore[assignment]
            result.given.add("strengths")

    def _names(self, raw: dict[str, object], result: NormalisedRow) -> None:
        """Prefix, first and last name from separate cells or one full-name cell."""
        full = raw.pop("full_name", None)
        prefix = self._clean("prefix", raw.pop("prefix")) if "prefix" in raw else ""
        first = _clean_searched(cell_to_text(raw.pop("first_name", "")))
        last = _clean_searched(cell_to_text(raw.pop("last_name", "")))
        prefixes = self.context.prefixes
        if not first and full is not None:
            found_prefix, first, rest = split_prefix(
                _clean_searched(cell_to_text(full)), prefixes, cleaned=True
            )
            prefix = prefix or found_prefix
            last = last or rest
        elif first and not prefix:
            # "นายสมชาย" in the first-name cell: the prefix goes to its own field.
            found_prefix, rest_first, rest = split_prefix(first, prefixes, cleaned=True)
            if found_prefix:
                prefix, first = found_prefix, rest_first
                if rest:
                    last = f"{rest} {last}".strip() if last else rest
        values = result.values
        given = result.given
        if first and not prefix and _is_footer(first, last):
            self._not_a_member(full, first, last, result)
        if last.endswith(")"):
            last = self._bracket_after_name(raw, last, result)
        if prefix:
            values["prefix"] = prefix
            given.add("prefix")
        if first:
            values["first_name"] = first
            given.add("first_name")
        if last:
            values["last_name"] = last
            given.add("last_name")

    def _bracket_after_name(self, raw: dict[str, object], last: str, result: NormalisedRow) -> str:
        """The last name without what follows it in brackets ("ใจดี (ต้น)"): one short word is
        the nickname, when the sheet gives none (the sheet's own nickname again is dropped);
        anything else goes to the notes, with a warning. Several brackets are each read so."""
        column = self._column("last_name") or self._column("full_name")
        given = clean_text(cell_to_text(raw["nickname"])) if "nickname" in raw else ""
        found = _BRACKET_AFTER_NAME.fullmatch(last)
        if found is None:
            return last
        for inside in (part.strip() for part in _BRACKET.findall(found.group(2))):
            if not inside or inside == given:
                continue
            short = " " not in inside and len(inside) <= NICKNAME_MAX
            if short and not given and "nickname" not in result.given:
                result.values["nickname"] = inside  # as a person reads it: no warning
                result.given.add("nickname")
                continue
            result.warnings.append(RowIssue(
                result.row, column, "bracket_in_name",
                f"'{inside}' in brackets after the name is kept in the notes",
                "notes", {"text": inside},
            ))  # fmt: skip
        return found.group(1)

    def _not_a_member(self, full: object, first: str, last: str, result: NormalisedRow) -> None:
        """The row's name is a total ("รวม 20 คน") or a signature line ("ผู้จัดทำ ...") under
        the list, not a member's: the row is not imported."""
        name = f"{first} {last}".strip()
        result.errors.append(RowIssue(
            result.row, self._column("full_name" if full is not None else "first_name"),
            "not_a_member",
            f"'{name}' is a total or a signature line, not a member's name: the row is not"
            " imported", "footer", {"name": name},
        ))  # fmt: skip

    def _date(self, name: str, cell: object, result: NormalisedRow) -> None:
        cache = self._cache("date")
        found = cache.get(cell)
        if found is None:
            try:
                found = cell_to_date(cell)
            except ThaiDateError as error:
                found = error
            cache[cell] = found if found is not None else _MISSING
        if found is _MISSING or found is None:
            return
        if isinstance(found, ThaiDateError):
            if found.reason == "year_only":
                # A list of birth years ("ปีเกิด"): the member is kept, the year in the notes
                # (moved there once the row is read: see _kept_in_notes).
                year = to_arabic_digits(clean_text(cell_to_text(cell)))
                result.warnings.append(RowIssue(
                    result.row, self._column(name), "date_year_only",
                    f"'{year}' is a year alone, not a date: the field is left empty and the"
                    " year kept in the notes", args={"field": name, "year": year},
                ))  # fmt: skip
                return
            result.errors.append(RowIssue(result.row, self._column(name), "invalid_date",
                                          found.message, found.reason))  # fmt: skip
            return
        assert isinstance(found, DateValue)
        if found.be_as_ce:
            result.warnings.append(RowIssue(
                result.row, self._column(name), "be_year_in_date",
                f"The cell holds the year {found.value.year + BE_OFFSET} (a Buddhist-era year"
                f" typed as a Christian-era date): read as {found.value.isoformat()}",
                args={"year": str(found.value.year + BE_OFFSET), "date": found.value.isoformat()},
            ))  # fmt: skip
        result.values[name] = found.value
        result.given.add(name)

    def _national_id(self, name: str, cell: object, result: NormalisedRow) -> None:
        digits = _digits_cell(cell)
        if digits is not None and len(digits) == 12:
            digits = "0" + digits  # Excel dropped the leading 0 of an ID stored as a number
        text = digits if digits is not None else cell_to_text(cell)
        quick = quick_national_id(text)
        if quick is not None:
            result.values["national_id"] = quick
            result.given.add("national_id")
            return
        try:
            result.values["national_id"] = normalize_national_id(text)
            result.given.add("national_id")
        except NationalIdError as error:
            if not clean_text(text):
                return  # only invisible characters: no ID given
            if _SCIENTIFIC.fullmatch(text.strip()):
                result.errors.append(RowIssue(
                    result.row, self._column("national_id"), "invalid_national_id",
                    f"'{text.strip()}' is how Excel shows a long number it has rounded: the ID's"
                    " last digits are lost. Format the column as text and type the ID again",
                    "scientific", {"value": text.strip()},
                ))  # fmt: skip
                return
            result.errors.append(RowIssue(
                result.row, self._column("national_id"), "invalid_national_id", error.message,
                error.reason, _digit_count(text) if error.reason == "wrong_length" else None,
            ))  # fmt: skip

    def _phone(self, name: str, cell: object, result: NormalisedRow) -> None:
        digits = _digits_cell(cell)
        if digits is not None and len(digits) in (8, 9) and not digits.startswith("0"):
            digits = "0" + digits  # Excel dropped the leading 0 of a number typed as a number
        text = digits if digits is not None else cell_to_text(cell)
        quick = quick_phone(text)
        if quick is not None:
            result.values[name] = quick
            result.given.add(name)
            return
        try:
            result.values[name] = normalize_phone(text)
            result.given.add(name)
            extension = phone_extension(text)
            if extension:
                self._extension_noted(name, str(result.values[name]), extension, result)
        except ThaiPhoneError as error:
            if not clean_text(text):
                return
            noted = _PHONE_NOTE.fullmatch(text.strip())
            if noted is not None:  # "081-234-5678 (ส่วนตัว)": the number, its note to the notes
                with contextlib.suppress(ThaiPhoneError):
                    number = normalize_phone(noted.group(1))
                    result.values[name] = number
                    result.given.add(name)
                    note = noted.group(2).strip()
                    result.warnings.append(RowIssue(
                        result.row, self._column(name), "phone_note",
                        f"'{note}' after the number is kept in the notes: the phone field holds"
                        " the number alone", args={"note": note, "field": name, "number": number},
                    ))  # fmt: skip
                    return
            bare = to_arabic_digits(text.strip())
            if bare.isdigit() and len(bare) in (8, 9) and bare[0] != "0":
                # Digits alone, one short and no leading 0: a number Excel held as a number
                # and wrote without its 0 (a CSV it saved, or an error report of such a cell).
                with contextlib.suppress(ThaiPhoneError):
                    result.values[name] = normalize_phone("0" + bare)
                    result.given.add(name)
                    return
            found = several_phones(text)
            if found is None:
                result.errors.append(RowIssue(
                    result.row, self._column(name), "invalid_phone", error.message, error.reason
                ))  # fmt: skip
                return
            numbers = [number for number, _ in found]
            result.values[name] = numbers[0]
            result.given.add(name)
            for number, extension in found:
                if extension:
                    self._extension_noted(name, number, extension, result)
            if len(numbers) == 1:  # the same number twice
                return
            # Shared out between the phone fields and the notes once the row is read
            # (_share_several_phones: the other phone field may come later in the row).
            result.warnings.append(RowIssue(
                result.row, self._column(name), "several_phones",
                f"The cell holds {len(numbers)} phone numbers",
                args={"field": name, "numbers": ", ".join(numbers)},
            ))  # fmt: skip

    def _extension_noted(
        self, name: str, number: str, extension: str, result: NormalisedRow
    ) -> None:
        """A phone's extension, kept in the notes (by _kept_in_notes, once the row is read):
        the phone fields hold numbers alone."""
        result.warnings.append(RowIssue(
            result.row, self._column(name), "phone_extension",
            f"The extension {extension} is kept in the notes: the phone field holds the"
            " number alone", args={"extension": extension, "field": name, "number": number},
        ))  # fmt: skip

    def _codes(self, raw: dict[str, object], result: NormalisedRow) -> None:
        ctx = self.context
        values = result.values
        for name in self._code_order:
            cell = raw.get(name, _MISSING)
            if cell is _MISSING:
                continue
            parent = str(values["position_type"]) if name == "position_level" else ""
            cache = self._cache("code:" + name)
            key = (cell, parent)
            found = cache.get(key)
            if found is None:
                label = clean_text(cell_to_text(cell))
                code = ctx.code(CODE_FIELDS[name], label, parent=parent) if label else ""
                found = cache[key] = (code, label)
            code, label = found  # type: ignore[misc]
            if code == "":
                continue
            if code is None and name == "status":  # an unknown status could be "resigned"
                result.errors.append(RowIssue(
                    result.row, self._column(name), "unknown_code",
                    f"Unknown {_CODE_WHAT[name]} '{label}'",
                    "unknown_label", {"field": name, "label": label},
                ))  # fmt: skip
                continue
            if (
                code is None
                and name == "personnel_type"
                and "org_type" not in raw
                and "organisation_name" in raw
                and (ctx.organisations.type_code(label) is not None)
            ):  # a column "ประเภท" of organisation types ("อบต."): the organisation's type
                raw["org_type"] = cell
                continue
            if code is None:  # the member is kept, the value in the notes
                result.warnings.append(RowIssue(
                    result.row, self._column(name), "unknown_code",
                    f"Unknown {_CODE_WHAT[name]} '{label}': the field is left empty and the"
                    " value kept in the notes",
                    "unknown_label_noted", {"field": name, "label": label},
                ))  # fmt: skip
                _add_to_notes(result, f"{FIELD_LABELS_TH[name]}: {label}")
                continue
            values[name] = code
            result.given.add(name)
        level, position_type = values["position_level"], values["position_type"]
        if level and position_type:
            parent = ctx.parents["position_level"].get(str(level), "")
            if parent not in ("", position_type):
                result.errors.append(RowIssue(
                    result.row, self._column("position_level"), "unknown_code",
                    f"The level '{level}' does not belong to the position type"
                    f" '{position_type}'",
                    "level_of_other_type", {"level": str(level), "type": str(position_type)},
                ))  # fmt: skip

    def _date_checks(self, values: dict[str, object]) -> list[FieldError]:
        """validate_member's date rules (``date_errors``), asked once per distinct date of
        each field: each rule concerns one field, except joined/expires, asked per pair."""
        errors: list[FieldError] = []
        cache = self._cache("date_checks")
        today = self.context.today
        for name in ("birth_date", "joined_on", "expires_on", "consent_date"):
            value = values[name]
            if value is None:
                continue
            key = (name, value)
            found = cache.get(key)
            if found is None:
                data = MemberInput(first_name="", **{name: value})  # type: ignore[arg-type]
                found = cache[key] = tuple(date_errors(data, today))
            errors.extend(found)  # type: ignore[arg-type]
        joined, expires = values["joined_on"], values["expires_on"]
        if joined is not None and expires is not None and not errors:
            data = MemberInput(first_name="", joined_on=joined, expires_on=expires)  # type: ignore[arg-type]
            errors.extend(date_errors(data, today))
        return errors

    def _checks(self, result: NormalisedRow) -> None:
        """The editor's remaining rules (validate_member), with the same codes."""
        values = result.values
        row = result.row
        if not values["first_name"]:
            result.errors.append(RowIssue(
                row, self._column("first_name"), "missing_name", "The first name is required"
            ))  # fmt: skip
        email = values["email"]
        if email and not EMAIL_PATTERN.match(str(email)):
            result.errors.append(RowIssue(
                row, self._column("email"), "invalid_email",
                "The e-mail address should look like name@example.com",
            ))  # fmt: skip
        given = result.given
        if not given.isdisjoint(DATE_FIELDS):
            for error in self._date_checks(values):
                result.errors.append(RowIssue(
                    row, self._column(error.field), error.code, error.message, error.detail,
                    error.args,
                ))  # fmt: skip
        membership_no = values["membership_no"]
        if membership_no and len(str(membership_no)) > MAX_MEMBERSHIP_NO_LENGTH:
            result.errors.append(RowIssue(
                row, self._column("membership_no"), "too_long",
                f"The membership number is longer than {MAX_MEMBERSHIP_NO_LENGTH} characters",
                "membership_no", {"max": str(MAX_MEMBERSHIP_NO_LENGTH)},
            ))  # fmt: skip
        if result.strengths and max(map(len, result.strengths)) > MAX_TAG_LENGTH:
            result.errors.append(RowIssue(
                row, self._column("strengths"), "too_long",
                f"A strength is longer than {MAX_TAG_LENGTH} characters",
                "strength", {"max": str(MAX_TAG_LENGTH)},
            ))  # fmt: skip
        if values["consent_date"] is not None and not values["consent_purpose"]:
            result.errors.append(RowIssue(
                row, self._column("consent_date"), "missing_consent_purpose",
                "Record what the member consented to (the purpose) with the consent date",
            ))  # fmt: skip
        if values["consent_purpose"] and values["consent_date"] is None:
            result.errors.append(RowIssue(
                row, self._column("consent_purpose"), "missing_consent_date",
                "Record when the member consented (the date) with the consent purpose",
            ))  # fmt: skip

    def _province(self, raw: dict[str, object], result: NormalisedRow) -> int | None:
        cell = raw.get("province", _MISSING)
        if cell is _MISSING:
            return None
        cache = self._cache("province")
        found = cache.get(cell)
        if found is None:
            text = clean_text(cell_to_text(cell))
            province = self.context.province_of(text) if text else None
            found = cache[cell] = (province.code if province else None, text)
        code, text = found  # type: ignore[misc]
        if code is None and text:
            result.errors.append(RowIssue(
                result.row, self._column("province"), "unknown_province",
                f"No province is called '{text}'", args={"name": text},
            ))  # fmt: skip
        return code

    def _organisation(self, raw: dict[str, object], result: NormalisedRow) -> None:
        province = self._province(raw, result)
        district: int | None = None
        if "district" in raw and province is not None:
            text = clean_text(cell_to_text(raw["district"]))
            district = self.context.districts.get((province, _district_key(text)))
            if district is None and text:
                result.warnings.append(RowIssue(
                    result.row, self._column("district"), "unknown_district",
                    f"No district '{text}' in this province: left out", args={"name": text},
                ))  # fmt: skip
        type_hint: str | None = None
        if "org_type" in raw:
            label = clean_text(cell_to_text(raw["org_type"]))
            type_hint = self.context.organisations.type_code(label)
            if type_hint is None and label:
                result.warnings.append(RowIssue(
                    result.row, self._column("org_type"), "unknown_org_type",
                    f"Unknown organisation type '{label}': left out", args={"name": label},
                ))  # fmt: skip
        cell = raw.get("organisation_name", _MISSING)
        if cell is _MISSING:
            return
        if "province" in raw and province is None and result.errors:
            return  # the row is rejected for its province already
        cache = self._cache("organisation")
        key = (cell, province, type_hint, district)
        cached = cache.get(key)
        if cached is None:
            name = clean_line(cell_to_text(cell))
            found = self.context.organisations.match(
                name, province=province, type_hint=type_hint, district=district
            ) if name else OrganisationMatch(None, "blank")  # fmt: skip
            if found.how in ("exact", "abbreviation"):
                cache[key] = (name, found)  # later rows: the same answer, no warning
            cached = (name, found)
        name, found = cached  # type: ignore[misc]
        if found.how == "blank":
            return
        if found.how == "created" and found.pending is not None and found.pending.id:
            found = OrganisationMatch(found.pending.id, "exact", found.pending.name)
        if self.record_organisation_queries:
            result.organisation_query = (name, province, type_hint, district, answer_of(found))
        column = self._column("organisation_name")
        if found.how in ("exact", "abbreviation", "fuzzy"):
            result.values["organisation_id"] = found.id
            result.given.add("organisation_id")
            if found.how == "fuzzy":
                result.warnings.append(RowIssue(
                    result.row, column, "organisation_fuzzy_match",
                    f"'{name}' was matched to '{found.name}' (similarity {found.score:.0f}%)",
                    args={"name": name, "match": found.name, "score": f"{found.score:.0f}"},
                ))  # fmt: skip
        elif found.how == "created" and found.pending is not None:
            result.organisation = found.pending
            result.given.add("organisation_id")
            if not found.pending.first_row and not result.errors:
                found.pending.first_row = result.row
                result.warnings.append(RowIssue(
                    result.row, column, "organisation_created",
                    f"'{name}' is not in the register: created as '{found.pending.name}'",
                    args={"name": name, "created": found.pending.name},
                ))  # fmt: skip
        else:
            detail = "no_province" if province is None else "no_type"
            why = "its province is not given" if province is None else "its type is unknown"
            result.warnings.append(RowIssue(
                result.row, column, "organisation_unknown",
                f"'{name}' is not in the register and cannot be created ({why}): the member"
                " is imported without an organisation",
                detail, {"name": name},
            ))  # fmt: skip

    def _group(self, raw: dict[str, object], result: NormalisedRow) -> None:
        """The groups the "group" cell names (one, or several as the export writes them: see
        :mod:`db.io.group_cells`), each in the role its brackets give, else in the role of the
        "group_role" column, else as a member. A group named twice is joined once."""
        joins: list[tuple[GroupJoin, bool]] = []  # and whether its role is its own
        seen: set[str] = set()
        for item in split_groups(clean_line(cell_to_text(raw["group"]))):
            name, label = split_role(item)
            role = self.context.code("group_role", label) if label else None
            if role is None:  # no brackets, or not a role: they are part of the name
                name = item
            key = _key(name)
            if key and key not in seen:
                seen.add(key)
                join = self._group_join(name, key, result)
                join.role = role or "member"
                joins.append((join, role is not None))
        unroled = [join for join, own in joins if not own]
        if unroled:
            for join, role in zip(
                unroled, self._group_roles(raw, result, len(unroled)), strict=True
            ):
                join.role = role
        column_role = "group_role" in raw and bool(clean_text(cell_to_text(raw["group_role"])))
        for join, own in joins:
            join.role_given = own or column_role
        result.groups.extend(join for join, _own in joins)

    def _group_join(self, name: str, key: str, result: NormalisedRow) -> GroupJoin:
        """The group named ``name``: one in the register, or one to create (the first row that
        names it, unless rejected, warns that it is created)."""
        ctx = self.context
        group_id = ctx.groups.get(key)
        if group_id is not None:
            return GroupJoin(group_id)
        pending = ctx.pending_groups.get(key)
        if pending is None:
            pending = ctx.pending_groups[key] = PendingGroup(key, name)
        join = GroupJoin(None, pending)
        if not pending.first_row and not result.errors:
            pending.first_row = result.row
            join.created = RowIssue(
                result.row, self._column("group"), "group_created",
                f"There is no group '{name}': it is created", args={"name": name},
            )  # fmt: skip
            result.warnings.append(join.created)
        return join

    def _group_roles(self, raw: dict[str, object], result: NormalisedRow, count: int) -> list[str]:
        """The roles the "group_role" column gives the ``count`` groups named without a role of
        their own: one role for them all, or one each in order ("ประธาน; เลขานุการ"). Empty or
        unknown roles are a member's; a list of another length is paired as far as it goes,
        with a warning."""
        if "group_role" not in raw:
            return ["member"] * count
        labels = split_groups(clean_line(cell_to_text(raw["group_role"])))
        if len(labels) <= 1:
            return [self._group_role(labels[0] if labels else "", result)] * count
        roles = [self._group_role(label, result) for label in labels]
        if len(roles) != count:
            result.warnings.append(RowIssue(
                result.row, self._column("group_role"), "group_roles_mismatch",
                f"The role column names {len(roles)} roles for {count} groups: they are paired"
                " in order, and a group left without one is recorded as a member",
                args={"roles": str(len(roles)), "groups": str(count)},
            ))  # fmt: skip
        return (roles + ["member"] * count)[:count]

    def _group_role(self, label: str, result: NormalisedRow) -> str:
        """The role ``label`` names ("member" when it is empty or unknown)."""
        label = clean_text(label)
        role = self.context.code("group_role", label) if label else "member"
        if role is None:
            result.warnings.append(RowIssue(
                result.row, self._column("group_role"), "unknown_group_role",
                f"Unknown role '{label}' in a group: recorded as a member",
                args={"name": label},
            ))  # fmt: skip
            return "member"
        return role
