"""The columns a member export can hold: key, Thai and English header, personal flag, kind (how
its stored value becomes cell text), the importer field it fills and its width in a workbook.

Headers are the names the importer knows (``db.io.mapping.SYNONYMS``), so an exported file maps
itself when it is imported again, in Thai or in English. Code columns (gender, personnel type,
status, ...) are written as their label in the export's language, organisation type and
province as names: what a secretary reads, and what the importer matches back to codes.
The groups a member is in share one cell, each with the member's role in it
(:mod:`db.io.group_cells`), which the importer reads back into memberships.

National ID and birth date are personal data (PDPA): left out unless the user asks for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from db.reference.types import LANGUAGES as LANGUAGES  # re-exported: the export's languages
from db.reference.types import Language as Language


class ColumnKind(StrEnum):
    """How a stored value becomes cell text."""

    TEXT = "text"  # as stored (labels are looked up in SQL)
    DATE = "date"  # ISO date -> "2 ต.ค. 2557" (BE) or "2014-10-02" (CE)
    PHONE = "phone"  # national form -> "081-234-5678" / "02-123-4567"
    NATIONAL_ID = "national_id"  # 13 digits -> "1-2345-67890-12-1"


class ExportError(ValueError):
    """An export that cannot run as asked; nothing was written.

    ``code``: ``unknown_column``, ``no_columns``, ``personal_data_not_included``,
    ``unknown_format``, ``unknown_era``, ``unknown_language``, ``no_members``,
    ``cannot_write``, ``cell_too_long`` or ``too_many_rows``.

    ``detail`` says which case of ``cannot_write`` it is: ``is_folder`` (the name given is a
    folder), ``no_folder`` (its folder does not exist), ``no_permission`` (the folder or the
    file may not be written: read-only, no rights, or the file is open in another program on
    Windows), ``disk_full``, or "" (another system error). ``path`` is the file or folder the
    detail names, so that the app can say the same in the user's language.
    """

    def __init__(self, code: str, message: str, *, detail: str = "", path: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.detail = detail
        self.path = path

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True, slots=True)
class ExportColumn:
    key: str
    header_th: str
    header_en: str
    personal: bool
    kind: ColumnKind
    import_field: str  # the importer's field this column fills (db.io.mapping.FIELDS)
    width: float  # column width in the .xlsx, in characters
    ref_kind: str = ""  # a code column: the ref_item list its label comes from
    default: bool = True  # in an export that names no columns (personal ones aside)

    def header(self, language: Language) -> str:
        return self.header_th if language == "th" else self.header_en


def _col(
    key: str, th: str, en: str, *, kind: ColumnKind = ColumnKind.TEXT, personal: bool = False,
    field: str = "", width: float = 14, ref_kind: str = "", default: bool = True,
) -> ExportColumn:  # fmt: skip
    return ExportColumn(key, th, en, personal, kind, field or key, width, ref_kind, default)


_DATE, _PHONE = ColumnKind.DATE, ColumnKind.PHONE

# In the order they appear in the file.
EXPORT_COLUMNS: tuple[ExportColumn, ...] = (
    _col("prefix", "คำนำหน้า", "Prefix", width=12),
    _col("first_name", "ชื่อ", "First name", width=16),
    _col("last_name", "นามสกุล", "Last name", width=18),
    _col("first_name_en", "ชื่อภาษาอังกฤษ", "First name (English)", width=16),
    _col("last_name_en", "นามสกุลภาษาอังกฤษ", "Last name (English)", width=18),
    _col("nickname", "ชื่อเล่น", "Nickname", width=10),
    _col("national_id", "เลขประจำตัวประชาชน", "National ID", kind=ColumnKind.NATIONAL_ID,
         personal=True, width=19),
    _col("birth_date", "วันเกิด", "Birth date", kind=_DATE, personal=True, width=13),
    _col("gender", "เพศ", "Gender", ref_kind="gender", width=8),
    _col("personnel_type", "ประเภทบุคลากร", "Personnel type", ref_kind="personnel_type",
         width=24),
    _col("position", "ตำแหน่ง", "Position", width=28),
    _col("position_type", "ประเภทตำแหน่ง", "Position type", ref_kind="position_type",
         width=16),
    _col("position_level", "ระดับตำแหน่ง", "Position level", ref_kind="position_level",
         width=14),
    _col("organisation", "หน่วยงาน", "Organisation", field="organisation_name", width=34),
    _col("org_type", "ประเภทหน่วยงาน", "Organisation type", ref_kind="org_type", width=22),
    _col("province", "จังหวัด", "Province", width=16),
    _col("phone", "โทรศัพท์มือถือ", "Mobile phone", kind=_PHONE, width=14),
    _col("phone_office", "โทรศัพท์สำนักงาน", "Office phone", kind=_PHONE, width=14),
    _col("email", "อีเมล", "Email", width=28),
    _col("line_id", "ไลน์ไอดี", "LINE ID", width=16),
    _col("address", "ที่อยู่", "Address", width=50),
    _col("membership_no", "เลขสมาชิก", "Membership no.", width=14),
    _col("status", "สถานะ", "Status", ref_kind="member_status", width=14),
    _col("joined_on", "วันที่เป็นสมาชิก", "Joined", kind=_DATE, width=13),
    _col("expires_on", "วันหมดอายุ", "Expires", kind=_DATE, width=13),
    # Every group the member is in now, with their role: see db.io.group_cells. Asked for, not
    # by default: a national association's two long group names per member make the whole
    # register's .csv 31 % larger and its export 5.3 -> 9.0 s (.xlsx 13.3 -> 17.9 s).
    _col("groups", "กลุ่ม (บทบาท)", "Groups (role)", field="group", width=48, default=False),
    _col("strengths", "ความเชี่ยวชาญ", "Strengths", width=34),
    _col("consent_date", "วันที่ให้ความยินยอม", "Consent date", kind=_DATE, width=13),
    _col("consent_purpose", "วัตถุประสงค์ความยินยอม", "Consent purpose", width=40),
    _col("notes", "หมายเหตุ", "Notes", width=40),
)  # fmt: skip
COLUMNS_BY_KEY: dict[str, ExportColumn] = {column.key: column for column in EXPORT_COLUMNS}
PERSONAL_KEYS: tuple[str, ...] = tuple(c.key for c in EXPORT_COLUMNS if c.personal)
# Strength tags share one cell, separated by this.
STRENGTH_SEPARATOR = ", "


def default_columns(*, include_personal: bool = False) -> tuple[str, ...]:
    """The key of every column exported by default, in file order; personal ones only with
    ``include_personal``."""
    return tuple(
        c.key for c in EXPORT_COLUMNS if c.default and (include_personal or not c.personal)
    )


def resolve_columns(
    columns: Sequence[str] | None, *, include_personal: bool
) -> tuple[ExportColumn, ...]:
    """The columns to write, in the order the user gave (or file order for ``None``).

    Raises :class:`ExportError`: ``unknown_column``, ``no_columns``, or
    ``personal_data_not_included`` when a personal column is asked for without
    ``include_personal`` (it is never dropped silently).
    """
    if columns is None:
        return tuple(COLUMNS_BY_KEY[k] for k in default_columns(include_personal=include_personal))
    keys = [key.strip() for key in columns if key.strip()]
    if not keys:
        raise ExportError("no_columns", "Choose at least one column to export")
    unknown = [key for key in keys if key not in COLUMNS_BY_KEY]
    if unknown:
        raise ExportError(
            "unknown_column",
            f"Unknown column {', '.join(map(repr, unknown))}; the columns are: "
            + ", ".join(COLUMNS_BY_KEY),
        )
    personal = [key for key in keys if COLUMNS_BY_KEY[key].personal]
    if personal and not include_personal:
        raise ExportError(
            "personal_data_not_included",
            f"{', '.join(personal)} is personal data: tick 'include personal data' to export it",
        )
    return tuple(COLUMNS_BY_KEY[key] for key in dict.fromkeys(keys))
