"""Labels of the reference lists the Members view shows (codes are stored, labels shown), in
the interface's language (English where the reference data has English names)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlmodel import Session

from db.reference.queries import list_ref_items, ref_labels
from db.reference.types import Language, RefItem
from desktop import i18n
from desktop.db_worker import DbExecutor
from desktop.members.columns import RefLabels

LABEL_KINDS: tuple[str, ...] = (
    "personnel_type",
    "position_type",
    "position_level",
    "member_status",
    "group_role",
    "gender",
)
LIST_KINDS: tuple[str, ...] = (
    "org_type",
    "name_prefix",
    "personnel_type",
    "position_type",
    "position_level",
    "member_status",
    "group_role",
    "gender",
    "strength",
)


@dataclass(frozen=True, slots=True)
class ViewLabels:
    """code -> label per list kind, and the active items of the lists the editor offers."""

    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    items: Mapping[str, tuple[RefItem, ...]] = field(default_factory=dict)
    language: Language = "th"

    def item_label(self, item: RefItem) -> str:
        """A list item's name as the interface shows it."""
        return item.label(self.language)

    def label(self, kind: str, code: str) -> str:
        return self.labels.get(kind, {}).get(code, code)

    def list_items(self, kind: str) -> tuple[RefItem, ...]:
        return self.items.get(kind, ())

    def table_labels(self) -> RefLabels:
        org_types = {
            item.code: (item.abbr_th or item.name_th) if self.language == "th" else item.label("en")
            for item in self.list_items("org_type")
        }
        # Switched-off types still label old rows.
        for code, name in self.labels.get("org_type", {}).items():
            org_types.setdefault(code, name)
        return RefLabels(
            org_types=org_types,
            personnel_types=dict(self.labels.get("personnel_type", {})),
            statuses=dict(self.labels.get("member_status", {})),
        )


def read_labels(session: Session, *, language: Language = "th") -> ViewLabels:
    """All the labels and lists in one read (run it on the database thread)."""
    labels = {
        kind: ref_labels(session, kind=kind, language=language)
        for kind in (*LABEL_KINDS, "org_type")
    }
    items = {kind: tuple(list_ref_items(session, kind=kind)) for kind in LIST_KINDS}
    return ViewLabels(labels=labels, items=items, language=language)


async def load_labels(executor: DbExecutor) -> ViewLabels:
    """The labels in the interface's language."""
    return await executor.run(read_labels, language=i18n.interface_language())
