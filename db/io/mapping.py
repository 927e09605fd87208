"""Which sheet column holds which member field: auto-mapping from header names, saved mappings.

Header names are compared in a normalised form (:func:`normalise_header`: no invisible
characters, spaces or punctuation, case-folded, Thai digits as 0-9, ``ํา`` as ``ำ``) against a
synonym table of Thai and English names; a header that matches none exactly is matched fuzzily
(rapidfuzz, ratio >= :data:`FUZZY_THRESHOLD`) and flagged so the wizard can ask. A parenthesised
part is tried on its own as well ("ชื่อ (Name)").

A :class:`ColumnMapping` is a plain dict of column index -> field, editable by the wizard and
saved in ``local_setting`` under a signature of the header names, so a sheet with the same
layout maps itself the next time.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from db.members.types import MemberInput
from db.thai.text import normalize_for_search

FUZZY_THRESHOLD = 85.0
IGNORE = "ignore"  # a known column that holds nothing to import (a row number)
SETTING_PREFIX = "import_mapping:"

# MemberInput fields a sheet may fill (organisation_id and id come from matching, not a column).
MEMBER_FIELDS: tuple[str, ...] = tuple(
    name for name in MemberInput.__dataclass_fields__ if name not in ("id", "organisation_id")
)
EXTRA_FIELDS: tuple[str, ...] = (
    "full_name",  # prefix + first + last in one cell
    "organisation_name",
    "org_type",
    "province",
    "district",
    "group",  # a group's name: the member joins it
    "group_role",
)
FIELDS: tuple[str, ...] = (*MEMBER_FIELDS, *EXTRA_FIELDS)

# Thai field labels, for the wizard's column choices and the error report.
FIELD_LABELS_TH: dict[str, str] = {
    "prefix": "คำนำหน้าชื่อ", "first_name": "ชื่อ", "last_name": "นามสกุล",
    "first_name_en": "ชื่อ (อังกฤษ)", "last_name_en": "นามสกุล (อังกฤษ)", "nickname": "ชื่อเล่น",
    "national_id": "เลขประจำตัวประชาชน", "birth_date": "วันเกิด", "gender": "เพศ",
    "personnel_type": "ประเภทบุคลากร", "position": "ตำแหน่ง", "position_type": "ประเภทตำแหน่ง",
    "position_level": "ระดับตำแหน่ง", "phone": "โทรศัพท์มือถือ",
    "phone_office": "โทรศัพท์ที่ทำงาน", "email": "อีเมล", "line_id": "ไลน์ไอดี",
    "address": "ที่อยู่", "membership_no": "เลขสมาชิก", "status": "สถานะสมาชิก",
    "joined_on": "วันที่สมัคร", "expires_on": "วันหมดอายุสมาชิก", "notes": "หมายเหตุ",
    "consent_date": "วันที่ให้ความยินยอม", "consent_purpose": "วัตถุประสงค์ที่ยินยอม",
    "strengths": "ความเชี่ยวชาญ", "full_name": "ชื่อ-นามสกุล", "organisation_name": "หน่วยงาน (อปท.)",
    "org_type": "ประเภท อปท.", "province": "จังหวัด", "district": "อำเภอ", "group": "กลุ่ม",
    "group_role": "บทบาทในกลุ่ม",
}  # fmt: skip

# English field labels, for the English interface.
FIELD_LABELS_EN: dict[str, str] = {
    "prefix": "Prefix", "first_name": "First name", "last_name": "Last name",
    "first_name_en": "First name (English)", "last_name_en": "Last name (English)",
    "nickname": "Nickname", "national_id": "National ID", "birth_date": "Birth date",
    "gender": "Gender", "personnel_type": "Personnel type", "position": "Position",
    "position_type": "Position type", "position_level": "Position level", "phone": "Mobile",
    "phone_office": "Office phone", "email": "Email", "line_id": "LINE ID",
    "address": "Address", "membership_no": "Member no.", "status": "Status",
    "joined_on": "Joined", "expires_on": "Membership expires", "notes": "Notes",
    "consent_date": "Consent date", "consent_purpose": "Consent purpose",
    "strengths": "Strengths", "full_name": "Full name", "organisation_name": "Organisation",
    "org_type": "Organisation type", "province": "Province", "district": "District",
    "group": "Group", "group_role": "Role in the group",
}  # fmt: skip

# fmt: off
SYNONYMS: dict[str, tuple[str, ...]] = {
    "prefix": ("คำนำหน้า", "คำนำหน้าชื่อ", "คำนำหน้านาม", "คำนำ", "ยศ", "ยศคำนำหน้า",
               "title", "prefix", "nameprefix"),
    "first_name": ("ชื่อ", "ชื่อจริง", "ชื่อต้น", "ชื่อภาษาไทย", "ชื่อไทย", "firstname",
                   "givenname", "first"),
    "last_name": ("นามสกุล", "สกุล", "นามสกุลภาษาไทย", "lastname", "surname", "familyname",
                  "last"),
    "full_name": ("ชื่อสกุล", "ชื่อนามสกุล", "ชื่อและนามสกุล", "ชื่อสกุลสมาชิก",
                  "คำนำหน้าชื่อสกุล", "คำนำหน้าชื่อนามสกุล", "ชื่อผู้สมัคร", "ชื่อสมาชิก",
                  "ชื่อนามสกุลสมาชิก", "ชื่อนามสกุลผู้สมัคร", "fullname", "name", "membername"),
    "first_name_en": ("ชื่อภาษาอังกฤษ", "ชื่ออังกฤษ", "firstnameen", "firstnameenglish",
                      "englishfirstname", "nameen", "nameenglish"),
    "last_name_en": ("นามสกุลภาษาอังกฤษ", "นามสกุลอังกฤษ", "lastnameen", "lastnameenglish",
                     "surnameen", "surnameenglish", "englishlastname", "englishsurname"),
    "nickname": ("ชื่อเล่น", "nickname", "nick"),
    "national_id": ("เลขบัตรประชาชน", "เลขประจำตัวประชาชน", "เลขบัตร", "เลขที่บัตรประชาชน",
                    "เลขบัตรประจำตัวประชาชน", "บัตรประชาชน", "เลขประชาชน", "เลข13หลัก",
                    "เลขประจำตัว13หลัก", "เลขประจำตัวประชาชน13หลัก", "เลขบัตรประชาชน13หลัก",
                    "หมายเลขบัตรประชาชน", "nationalid", "citizenid", "idcard", "idcardno",
                    "idno", "pid", "thaiid"),
    "birth_date": ("วันเกิด", "วันเดือนปีเกิด", "วันเดือนปีเกิดพศ", "เกิดวันที่", "วันที่เกิด",
                   "ปีเกิด", "birthdate", "dateofbirth", "dob", "birthday"),
    "gender": ("เพศ", "gender", "sex"),
    "personnel_type": ("ประเภทบุคลากร", "ประเภทพนักงาน", "ประเภท", "ประเภทข้าราชการ",
                       "ประเภทเจ้าหน้าที่", "personneltype", "stafftype", "employeetype"),
    "position": ("ตำแหน่ง", "ตำแหน่งงาน", "ตำแหน่งปัจจุบัน", "ตำแหน่งในสายงาน", "position",
                 "jobtitle"),
    "position_type": ("ประเภทตำแหน่ง", "positiontype"),
    "position_level": ("ระดับ", "ระดับตำแหน่ง", "positionlevel", "level"),
    "phone": ("โทรศัพท์", "มือถือ", "เบอร์โทร", "เบอร์โทรศัพท์", "เบอร์มือถือ",
              "โทรศัพท์มือถือ", "หมายเลขโทรศัพท์", "หมายเลขโทรศัพท์มือถือ", "เบอร์โทรศัพท์มือถือ",
              "เบอร์ติดต่อ", "โทร", "มถ", "tel", "phone", "mobile", "telephone", "mobilephone",
              "phonenumber"),
    "phone_office": ("โทรศัพท์ที่ทำงาน", "เบอร์ที่ทำงาน", "โทรศัพท์สำนักงาน", "เบอร์สำนักงาน",
                     "โทรศัพท์หน่วยงาน", "officephone", "workphone"),
    "email": ("อีเมล", "อีเมล์", "อีเมลล์", "email", "emailaddress", "mail",
              "ไปรษณีย์อิเล็กทรอนิกส์"),
    "line_id": ("ไลน์", "ไอดีไลน์", "ไลน์ไอดี", "line", "lineid", "idline"),
    "address": ("ที่อยู่", "ที่อยู่ปัจจุบัน", "ที่อยู่ที่ติดต่อได้", "ที่อยู่ติดต่อ", "address"),
    "membership_no": ("เลขสมาชิก", "เลขที่สมาชิก", "รหัสสมาชิก", "หมายเลขสมาชิก",
                      "membershipno", "membershipnumber", "memberno", "memberid"),
    "status": ("สถานะ", "สถานะสมาชิก", "สถานภาพ", "สถานภาพสมาชิก", "status"),
    "joined_on": ("วันที่สมัคร", "วันสมัคร", "วันที่เป็นสมาชิก", "วันที่เข้าเป็นสมาชิก",
                  "วันที่สมัครสมาชิก", "joined", "joinedon", "joindate", "datejoined"),
    "expires_on": ("วันหมดอายุ", "วันหมดอายุสมาชิก", "วันที่หมดอายุ", "วันสิ้นสุดสมาชิกภาพ",
                   "expires", "expireson", "expirydate"),
    "notes": ("หมายเหตุ", "notes", "note", "remark", "remarks"),
    "consent_date": ("วันที่ให้ความยินยอม", "วันที่ยินยอม", "วันให้ความยินยอม", "consentdate"),
    "consent_purpose": ("วัตถุประสงค์ความยินยอม", "วัตถุประสงค์ที่ยินยอม", "ความยินยอม",
                        "consentpurpose", "consent"),
    "strengths": ("ความเชี่ยวชาญ", "ความถนัด", "จุดแข็ง", "ความสามารถพิเศษ", "ทักษะ",
                  "ความเชี่ยวชาญพิเศษ", "ความรู้ความสามารถ", "strengths", "strength", "skills",
                  "expertise"),
    "organisation_name": ("สังกัด", "หน่วยงาน", "อปท", "องค์กรปกครองส่วนท้องถิ่น", "ชื่ออปท",
                          "ชื่อหน่วยงาน", "หน่วยงานต้นสังกัด", "สังกัดหน่วยงาน", "หน่วยงานที่สังกัด",
                          "สังกัดอปท", "องค์กร", "organisation", "organization", "agency",
                          "employer"),
    "org_type": ("ประเภทอปท", "ประเภทหน่วยงาน", "ประเภทองค์กร", "ประเภทองค์กรปกครองส่วนท้องถิ่น",
                 "orgtype", "organisationtype", "organizationtype"),
    "province": ("จังหวัด", "จ", "province", "changwat"),
    "district": ("อำเภอ", "อำเภอเขต", "เขตอำเภอ", "อ", "district", "amphoe"),
    "group": ("กลุ่ม", "ชมรม", "เครือข่าย", "กลุ่มชมรม", "group", "groups", "club"),
    "group_role": ("บทบาท", "บทบาทในกลุ่ม", "ตำแหน่งในกลุ่ม", "ตำแหน่งในชมรม", "ตำแหน่งในสมาคม",
                   "role", "grouprole"),
    IGNORE: ("ลำดับ", "ลำดับที่", "ที่", "no", "#", "seq", "item", "rowno", "ลำดับสมาชิก",
             # the columns the error report adds (db.io.import_report)
             "เหตุผลที่นำเข้าไม่ได้reason", "แถวในไฟล์เดิมrow"),
}
# fmt: on

_PUNCTUATION = re.compile(r"[\s.\-_/\\(),:;*#'\"’‘“”\[\]{}|+&]+")
_PARENTHESISED = re.compile(r"[(\[](.*?)[)\]]")


_NUMBERING = re.compile(r"^\(?\d{1,2}\s*[.)]\s*")


def normalise_header(text: object) -> str:
    """The form header names are compared in ("ชื่อ-สกุล " and "ชื่อ สกุล" give "ชื่อสกุล";
    a leading item number "1." or "(๒)" is dropped)."""
    value = _NUMBERING.sub("", normalize_for_search(str(text or "")).strip())
    return _PUNCTUATION.sub("", value)


def _build_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for target, names in SYNONYMS.items():
        for name in names:
            key = normalise_header(name)
            if key in lookup and lookup[key] != target:  # pragma: no cover - table check
                raise ValueError(f"header synonym {name!r} given for two fields")
            lookup[key] = target
    # The app's own labels for the fields (the wizard's, the error report's) map back too.
    for labels in (FIELD_LABELS_TH, FIELD_LABELS_EN):
        for target, label in labels.items():
            key = normalise_header(label)
            if lookup.setdefault(key, target) != target:  # pragma: no cover - table check
                raise ValueError(f"field label {label!r} is a synonym of another field")
    return lookup


_LOOKUP = _build_lookup()
_REPORT_KEYS = frozenset(("เหตุผลที่นำเข้าไม่ได้reason", "แถวในไฟล์เดิมrow"))
_CHOICES = tuple(key for key in _LOOKUP if len(key) >= 3)  # fuzzy only against 3+ letters


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    field: str  # a field name, or IGNORE
    score: float  # 100 for an exact synonym
    fuzzy: bool


def match_header(text: object) -> HeaderMatch | None:
    """The field a header name stands for, or None."""
    raw = str(text or "")
    candidates = [normalise_header(raw)]
    inner = _PARENTHESISED.findall(normalize_for_search(raw))
    if inner:
        candidates.append(normalise_header(_PARENTHESISED.sub("", normalize_for_search(raw))))
        candidates.extend(normalise_header(part) for part in inner)
    candidates = [c for c in candidates if c]
    for key in candidates:
        if key in _LOOKUP:
            return HeaderMatch(_LOOKUP[key], 100.0, fuzzy=False)
    best: HeaderMatch | None = None
    for key in candidates:
        if len(key) < 3 or key.isdigit():
            continue
        found = process.extractOne(key, _CHOICES, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if found is not None and (best is None or found[1] > best.score):
            best = HeaderMatch(_LOOKUP[found[0]], float(found[1]), fuzzy=True)
    return best


# Fields read only to find the member's organisation.
ORGANISATION_HINTS = ("province", "district", "org_type")


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Column index (0-based, in the table) -> field name. Columns not in ``columns`` are not
    imported. ``fuzzy`` holds the columns auto-mapped by a fuzzy match (worth a look)."""

    columns: dict[int, str] = field(default_factory=dict)
    fuzzy: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        for index, name in self.columns.items():
            if not isinstance(index, int) or index < 0:
                raise ValueError(f"column index {index!r} is not a column")
            if name not in FIELDS:
                raise ValueError(f"{name!r} is not a field a sheet can fill")
        seen: dict[str, int] = {}
        for index, name in sorted(self.columns.items()):
            if name in seen:
                raise ValueError(
                    f"columns {seen[name]} and {index} are both mapped to {name!r}"
                )
            seen[name] = index

    def column_of(self, name: str) -> int | None:
        for index, mapped in self.columns.items():
            if mapped == name:
                return index
        return None

    def with_column(self, index: int, name: str | None) -> ColumnMapping:
        """A copy with column ``index`` mapped to ``name`` (None: not imported); a field
        already mapped elsewhere moves here."""
        columns = {i: f for i, f in self.columns.items() if i != index and f != name}
        if name is not None:
            columns[index] = name
        return ColumnMapping(columns, self.fuzzy - {index})

    def has_name(self) -> bool:
        return bool({"first_name", "full_name"} & set(self.columns.values()))

    def unkept_fields(self) -> list[str]:
        """The mapped fields that only serve to find the member's organisation (province,
        district, organisation type), when no column names the organisation: they are not
        kept (a member's province is their organisation's)."""
        mapped = set(self.columns.values())
        if "organisation_name" in mapped:
            return []
        return [name for name in ORGANISATION_HINTS if name in mapped]

    def to_dict(self) -> dict[str, str]:
        return {str(index): name for index, name in sorted(self.columns.items())}

    @classmethod
    def from_dict(cls, data: Mapping[str, str]) -> ColumnMapping:
        return cls({int(index): name for index, name in data.items()})


def auto_map(headers: Sequence[str]) -> ColumnMapping:
    """The mapping the header names suggest: each field to the column matching it best (an
    exact synonym before a fuzzy one, the leftmost on a tie).

    A lone "ชื่อ" column with no last-name or full-name column is read as a full name (sheets
    with one name column put "นายสมชาย ใจดี" in it).
    """
    best: dict[str, tuple[float, int, bool]] = {}
    for index, header in enumerate(headers):
        found = match_header(header)
        if found is None or found.field == IGNORE:
            continue
        current = best.get(found.field)
        if current is None or found.score > current[0]:
            best[found.field] = (found.score, index, found.fuzzy)
    columns = {index: name for name, (_, index, _) in best.items()}
    fuzzy = frozenset(index for _, index, is_fuzzy in best.values() if is_fuzzy)
    names = set(columns.values())
    if "first_name" in names and not names & {"last_name", "full_name"}:
        index = next(i for i, n in columns.items() if n == "first_name")
        columns[index] = "full_name"
    return ColumnMapping(dict(sorted(columns.items())), fuzzy)


# --- saved mappings ------------------------------------------------------------------------------


def header_signature(headers: Iterable[str]) -> str:
    """A digest of the normalised header names in order: the same layout gives the same one."""
    keys = [normalise_header(h) for h in headers]
    while keys and (not keys[-1] or keys[-1] in _REPORT_KEYS):
        keys.pop()  # an error report's own columns, or blank ones, at the right
    joined = "\x1f".join(keys)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()


def _connection(session: Any) -> Any:
    """The sqlite3 connection under a Session (or a sqlite3 connection itself)."""
    from db.members._sql import dbapi

    return session if hasattr(session, "executemany") else dbapi(session)


def save_mapping(session: Any, *, headers: Sequence[str], mapping: ColumnMapping) -> str:
    """Remember ``mapping`` for sheets with these headers; returns the signature it is kept
    under."""
    signature = header_signature(headers)
    value = json.dumps(
        {"headers": list(headers), "columns": mapping.to_dict()}, ensure_ascii=False
    )
    _connection(session).execute(
        "INSERT INTO local_setting (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (SETTING_PREFIX + signature, value),
    )
    return signature


def load_mapping(session: Any, *, headers: Sequence[str]) -> ColumnMapping | None:
    """The mapping saved for sheets with these headers, or None (also when it no longer fits)."""
    row = _connection(session).execute(
        "SELECT value FROM local_setting WHERE key = ?",
        (SETTING_PREFIX + header_signature(headers),),
    ).fetchone()
    if row is None:
        return None
    try:
        mapping = ColumnMapping.from_dict(json.loads(row[0])["columns"])
    except (ValueError, KeyError, TypeError):
        return None
    if any(index >= len(headers) for index in mapping.columns):
        return None
    return mapping
