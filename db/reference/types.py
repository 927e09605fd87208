"""Plain, immutable reference rows that the reference queries return and take."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# The languages the interface (and exports) name things in.
Language = Literal["th", "en"]
LANGUAGES: tuple[Language, ...] = ("th", "en")


@dataclass(frozen=True, slots=True)
class Region:
    id: int
    name_th: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Province:
    code: int  # the Interior Ministry's two-digit code (10 = Bangkok)
    name_th: str
    name_en: str
    region_id: int


@dataclass(frozen=True, slots=True)
class District:
    code: int  # four digits: province code then district number (1001)
    province_code: int
    name_th: str
    name_en: str


@dataclass(frozen=True, slots=True)
class SubDistrict:
    code: int  # six digits (100101)
    district_code: int
    name_th: str
    name_en: str
    zip_code: str


@dataclass(frozen=True, slots=True)
class RefItem:
    """One entry of an editable list; ``kind`` is the list (org_type, position, ...).

    Leave ``code`` empty when adding an item: :func:`db.reference.queries.save_ref_item` gives it
    a stable ASCII code.
    """

    kind: str
    code: str
    name_th: str
    name_en: str = ""
    abbr_th: str = ""
    parent_code: str = ""
    sort_order: int = 0
    active: bool = True

    def label(self, language: Language = "th") -> str:
        """The item's name in ``language`` (the Thai one when it has no English name)."""
        return (self.name_en or self.name_th) if language == "en" else self.name_th


class ReferenceItemError(ValueError):
    """A reference item that cannot be saved. ``code`` says what is wrong, for the view."""

    def __init__(self, message: str, *, code: str, field: str = "") -> None:
        super().__init__(message)
        self.code = code  # unknown_kind, invalid_code, empty_name, too_long, unknown_parent, ...
        self.field = field  # the RefItem field at fault, when there is one

    @property
    def message(self) -> str:
        return str(self.args[0])
