"""All tables, imported here so that `SQLModel.metadata` knows every one of them."""

from db.models.accounts import AppUser as AppUser
from db.models.base import SyncFields, utc_now_iso
from db.models.groups import GROUP_KINDS, GroupMembership, NetworkGroup
from db.models.history import HistoryRecord as HistoryRecord
from db.models.offices import LocalSetting, Office
from db.models.operations import ImportRun, ImportRunItem, MemberMerge
from db.models.organisations import Organisation
from db.models.people import GENDERS, MEMBER_STATUSES, DuesPayment, Member, MemberStrength
from db.models.reference import District, Province, RefItem, Region, SubDistrict

__all__ = [
    "GENDERS",
    "GROUP_KINDS",
    "MEMBER_STATUSES",
    "District",
    "DuesPayment",
    "GroupMembership",
    "ImportRun",
    "ImportRunItem",
    "LocalSetting",
    "Member",
    "MemberMerge",
    "MemberStrength",
    "NetworkGroup",
    "Office",
    "Organisation",
    "Province",
    "RefItem",
    "Region",
    "SubDistrict",
    "SyncFields",
    "utc_now_iso",
]
